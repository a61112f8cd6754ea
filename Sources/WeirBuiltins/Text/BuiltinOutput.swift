import WeirExpansion
import WeirSyntax
/// What a text builtin produced: the bytes for standard output, the diagnostics for
/// standard error (each one line, without the "weir: " prefix and without a newline),
/// and the exit status.
public struct BuiltinOutput: Equatable, Sendable {
    public var stdout: [UInt8] = []
    /// Messages WITHOUT the "weir: " prefix, e.g. "printf: abc: invalid number".
    public var diagnostics: [String] = []
    public var status: Int32 = 0

    public init(stdout: [UInt8] = [], diagnostics: [String] = [], status: Int32 = 0) {
        self.stdout = stdout
        self.diagnostics = diagnostics
        self.status = status
    }
}
