import Glibc
import WeirSyntax

/// An environment as the NULL-terminated array of C strings execve takes. The last one
/// made is kept and handed out again while the shell passes the very same array (the
/// variable store returns its cached array until an exported variable changes), so a
/// loop of commands does not copy every variable for every one of them.
final class EnvironmentBlock {
    let source: [ByteString]
    let pointers: [UnsafeMutablePointer<CChar>?]

    private init(_ source: [ByteString]) {
        self.source = source
        self.pointers = source.map { mallocCString($0) } + [nil]
    }

    deinit { for p in pointers { free(p) } }

    nonisolated(unsafe) private static var last: EnvironmentBlock?

    static func converting(_ environment: [ByteString]) -> EnvironmentBlock {
        if let b = last, b.source.count == environment.count,
           b.source.withUnsafeBufferPointer({ $0.baseAddress }) == environment.withUnsafeBufferPointer({ $0.baseAddress }) {
            return b
        }
        let b = EnvironmentBlock(environment)
        last = b
        return b
    }
}
