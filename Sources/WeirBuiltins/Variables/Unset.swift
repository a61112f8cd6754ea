import WeirExecution
import WeirExpansion
import WeirSyntax

/// `unset [-v | -f | -n] name…`: variables (the default), or functions.
func unset(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, names) = try parseOptions(args[1...], allowed: "vfn", command: "unset")
    let functionsOnly = letters.contains("f"), variablesOnly = letters.contains("v")
    var status: Int32 = 0
    for n in names {
        if functionsOnly {
            if shell.readonlyFunctions.contains(n) {
                shell.error("unset: \(n): cannot unset: readonly function")
                status = 1
                continue
            }
            shell.functions[n] = nil
            shell.unexportFunction(n)
            continue
        }
        var name = n
        var subscriptText: ByteString?
        if let open = n.firstIndex(of: "["), n.hasSuffix("]") {
            name = ByteString(n[..<open])
            subscriptText = ByteString(n[n.index(after: open)..<n.index(before: n.endIndex)])
        }
        guard isValidName(name) else {
            shell.error("unset: `\(n)': not a valid identifier")
            status = 1
            continue
        }
        do {
            if let written = subscriptText {
                // `unset 'a[$i]'`, `unset -v 'A["k"]'`: the subscript is expanded first (bash).
                let sub = try shell.expander.expandSubscriptText(written)
                if sub == "@" || sub == "*" {
                    try shell.variables.unset(name)
                } else if shell.variables.variable(name)?.attributes.contains(.associativeArray) == true {
                    try shell.variables.unsetElement(name, index: nil, key: sub)
                } else {
                    let i = Int(try ArithmeticEvaluator(environment: shell.environment).evaluate(text: sub))
                    do {
                        try shell.variables.unsetElement(name, index: i, key: nil)
                    } catch VariableError.badSubscript {
                        throw ShellError("unset: [\(sub)]: bad array subscript", kind: .commandFailure)
                    }
                }
            } else if !variablesOnly && !shell.variables.isSet(name) && shell.variables.variable(name) == nil
                        && shell.functions[name] != nil {
                // POSIX: with neither -v nor -f, a name that is no variable may be a function.
                shell.functions[name] = nil
                shell.unexportFunction(name)
            } else {
                try shell.variables.unset(name)
            }
        } catch let e as VariableError {
            shell.error("unset: \(e.message)")
            status = 1
        }
    }
    return status
}
