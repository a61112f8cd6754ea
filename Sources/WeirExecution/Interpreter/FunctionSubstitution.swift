import Glibc
import WeirSyntax
import WeirExpansion

/// bash 5.3's `${ list; }` and `${| list; }`: the list runs in the current shell, as an
/// unnamed function would (its `local` variables end with it and `return` ends it) but
/// sharing the positional parameters. `${ …; }` is its standard output (StdoutCapture;
/// the caller removes trailing newlines); `${| …; }` leaves stdout alone and is the value
/// the list left in REPLY, which is local to it and starts unset. Everything else it
/// does stays done: assignments, `cd`, `exit`.
extension Shell {
    public func runFunctionSubstitution(_ body: CommandList?, reply: Bool) throws -> ByteString {
        commandSubstitutionCount += 1
        guard let body else {
            environment.lastStatus = 0
            return ""
        }
        variables.pushScope()
        functionSubstitutionDepth += 1
        defer {
            functionSubstitutionDepth -= 1
            variables.popScope()
        }
        func runBody() throws -> Int32 {
            do {
                return try run(body)
            } catch ControlFlow.returnFromFunction(let status) {
                return status
            }
        }
        if reply {
            try? variables.declareLocal("REPLY")
            let status = try runBody()
            environment.lastStatus = status
            return variables.value("REPLY") ?? ""
        }
        guard let (status, captured) = try capturingStdout("${ …; }", runBody) else {
            throw ShellError("${ …; }: standard output cannot be captured: \(String(cString: strerror(errno)))", kind: .expansion)
        }
        environment.lastStatus = status
        return substitutionValue(captured)
    }
}
