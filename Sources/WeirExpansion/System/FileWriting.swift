import Glibc
import WeirSyntax

/// Writes all of `s` to a descriptor, retrying on EINTR; false when a write failed.
@discardableResult
public func writeAll(_ fd: Int32, _ s: ByteString) -> Bool {
    s.withUnsafeBufferPointer { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

/// Writes a message (text for a person) to a descriptor. (Shell output goes through
/// `writeAll`, whose string literals build `ByteString`s byte for byte.)
@discardableResult
public func writeText(_ fd: Int32, _ s: String) -> Bool {
    var s = s
    return s.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

@discardableResult
public func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
}

@discardableResult
public func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
    var off = 0
    while off < buf.count {
        let n = write(fd, buf.baseAddress! + off, buf.count - off)
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        off += n
    }
    return true
}

/// A builtin's standard output. Like bash (which checks stdout after every builtin), the
/// shell clears `failure` before a builtin runs and reports a failed write after it:
/// `NAME: write error: REASON`, status 1.
public enum BuiltinStdout {
    /// The errno of the first write to stdout that failed since the builtin began; 0 if none.
    nonisolated(unsafe) public static var failure: Int32 = 0

    /// Keeps the errno of the first failed write; passes `ok` on.
    static func note(_ ok: Bool) -> Bool {
        if !ok && failure == 0 { failure = errno }
        return ok
    }
}

/// Writes a builtin's output to fd 1, noting a failure for the shell to report.
@discardableResult
public func writeStdout(_ bytes: [UInt8]) -> Bool { BuiltinStdout.note(writeAll(1, bytes)) }

@discardableResult
public func writeStdout(_ s: ByteString) -> Bool { BuiltinStdout.note(writeAll(1, s)) }

@discardableResult
public func writeStdoutText(_ s: String) -> Bool { BuiltinStdout.note(writeText(1, s)) }
