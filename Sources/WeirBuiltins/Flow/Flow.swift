import WeirExecution
import WeirExpansion
import WeirSyntax

/// `:` and `true`: do nothing, successfully.
func colon(_ shell: Shell, _ args: [ByteString]) throws -> Int32 { 0 }
func trueBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 { 0 }
func falseBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 { 1 }

/// The loop count of `break n` / `continue n`.
func loopCount(_ args: [ByteString], _ name: ByteString) throws -> Int {
    guard args.count > 1 else { return 1 }
    guard args.count == 2 else { throw ShellError("\(name): too many arguments", status: 1) }
    guard let n = Int(args[1]) else { throw ShellError("\(name): \(args[1]): numeric argument required", status: 1) }
    guard n >= 1 else { throw ShellError("\(name): \(args[1]): loop count out of range") }
    return n
}

func breakBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let n = try loopCount(args, "break")
    guard shell.inLoop else { return 0 }
    throw ControlFlow.breakLoop(n)
}

func continueBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let n = try loopCount(args, "continue")
    guard shell.inLoop else { return 0 }
    throw ControlFlow.continueLoop(n)
}

/// `return [n]`
func returnBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var status = shell.statusForReturn
    if args.count > 1 {
        guard let n = Int64(args[1].trimmingBlanksForNumber()) else {
            shell.error("return: \(args[1]): numeric argument required")
            throw ControlFlow.returnFromFunction(2)
        }
        status = Int32(truncatingIfNeeded: n & 0xFF)
    }
    guard shell.functionDepth > 0 || shell.sourceDepth > 0 else {
        throw ShellError("return: can only `return' from a function or sourced script", status: 2)
    }
    throw ControlFlow.returnFromFunction(status)
}

/// `exit [n]`
func exit(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    // An interactive shell says so on its way out, as bash does (not a subshell).
    if shell.interactive && !shell.isSubshell { _ = writeAll(2, shell.farewell) }
    return try exitOrLogout(shell, args)
}

/// `logout [n]`: `exit` for a login shell; any other shell refuses.
func logout(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard shell.isLoginShell else {
        shell.error("logout: not login shell: use `exit'")
        return 1
    }
    return try exitOrLogout(shell, args)
}

func exitOrLogout(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var status = shell.statusForExit
    if args.count > 2 {
        // A special builtin's error: a script ends with it, an interactive shell stays.
        throw ShellError("exit: too many arguments", status: 2)
    }
    if args.count > 1 {
        guard let n = Int64(args[1].trimmingBlanksForNumber()) else {
            shell.error("exit: \(args[1]): numeric argument required")
            throw shell.exiting(2)
        }
        status = Int32(truncatingIfNeeded: n & 0xFF)
    }
    throw shell.exiting(status)
}

extension ByteString {
    func trimmingBlanksForNumber() -> ByteString { trimming { $0 == 0x20 || $0 == 0x09 } }
}
