import WeirSyntax
/// Non-local exits, thrown through the interpreter and caught where they end.
public enum ControlFlow: Error {
    /// `break n`: leave n enclosing loops.
    case breakLoop(Int)
    /// `continue n`
    case continueLoop(Int)
    /// `return [n]`: leave the function or sourced file.
    case returnFromFunction(Int32)
}

/// `exit [n]`, or an error that ends a non-interactive shell: unwinds to the top, where
/// the process ends with `status`. Made by `Shell.exiting`, which runs a script's EXIT
/// trap first.
public struct ShellExit: Error {
    public var status: Int32
    public init(_ status: Int32) { self.status = status }
}

/// An error that would end the shell, inside a special builtin run by `command`: it
/// ends only that builtin (`Shell.runCommandSkippingFunctions`).
public struct CommandFailure: Error {
    public var status: Int32
}

/// An error that abandons the command line being run (bash's jump to the top level): the
/// shell reports it and goes on with the next complete command. `eval`, `.` and trap
/// actions are command lines of their own.
public struct AbortCommandLine: Error {
    public var status: Int32
    public init(status: Int32) { self.status = status }
}
