import WeirExecution
import WeirExpansion
import WeirSyntax

/// `set [-+abCefhmnuvx] [-+o name] [--] [arg…]`; without arguments, lists variables.
func set(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    if args.count == 1 {
        for (name, v) in shell.variables.allVariables() {
            if let line = setListing(name, v) { writeStdout(line + "\n") }
        }
        return 0
    }
    var i = 1
    var newPositional: [ByteString]?
    while i < args.count {
        let a = args[i]
        if a == "--" {
            newPositional = Array(args[(i + 1)...])
            break
        }
        if a == "-" {
            shell.setOption(named: "xtrace", false)
            shell.setOption(named: "verbose", false)
            newPositional = Array(args[(i + 1)...])
            break
        }
        if a == "+" {
            i += 1
            continue
        }
        guard (a.hasPrefix("-") || a.hasPrefix("+")) && a.count > 1 else {
            newPositional = Array(args[i...])
            break
        }
        let on = a.hasPrefix("-")
        for ch in a.dropFirst().optionLetters {
            if ch == "o" {
                i += 1
                guard i < args.count else {
                    printOptions(shell, reusable: !on)
                    return 0
                }
                guard shell.setOption(named: args[i], on) else {
                    // Not an error that ends a script: bash goes on, even in posix mode.
                    shell.error("set: \(args[i]): invalid option name")
                    return 2
                }
                continue
            }
            guard let name = Shell.optionName(letter: ch) else {
                throw ShellError("set: \(on ? "-" : "+")\(ch): invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]", status: 2)
            }
            shell.setOption(named: name, on)
        }
        i += 1
    }
    if let p = newPositional { shell.environment.positional = p }
    return 0
}

/// `set -o` / `set +o`
func printOptions(_ shell: Shell, reusable: Bool) {
    for (name, _) in ShellOptions.names {
        let on = shell.option(named: name) ?? false
        if reusable {
            writeStdout("set \(on ? "-" : "+")o \(name)\n")
        } else {
            let pad = ByteString(repeating: UInt8(ascii: " "), count: max(1, 15 - name.count))
            writeStdout(name + pad + "\t" + (on ? "on" : "off") + "\n")
        }
    }
}

func setListing(_ name: ByteString, _ v: Variable) -> ByteString? {
    switch v.value {
    case nil: return nil
    case .string(let s)?: return name + "=" + shellQuote(s)
    case .indexed(let a)?: return name + "=(" + a.indices.map { "[\($0)]=" + doubleQuote(a[$0]!) }.joined(separator: " ") + ")"
    case .associative(let a)? where a.isEmpty: return name + "=()"
    case .associative(let a)?: return name + "=(" + a.keys.map { "[\(assocKeyQuote($0))]=" + doubleQuote(a[$0]!) }.joined(separator: " ") + " )"
    }
}

/// `shift [n]`
func shift(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var n = 1
    if args.count > 1 {
        guard let v = Int(args[1]), v >= 0 else { throw ShellError("shift: \(args[1]): numeric argument required", status: 2) }
        n = v
    }
    if n > shell.environment.positional.count {
        // A failure, not an error that ends a script: bash goes on, in posix mode too,
        // and says why only in posix mode.
        if shell.options.posix { shell.error("shift: \(n): shift count out of range") }
        return 1
    }
    shell.environment.positional.removeFirst(n)
    return 0
}

/// `let expr…`: the status is 0 when the last value is non-zero.
func letBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard args.count > 1 else { throw ShellError("let: expression expected") }
    var last: Int64 = 0
    for e in args.dropFirst() {
        do {
            last = try ArithmeticEvaluator(environment: shell.environment).evaluate(text: e)
        } catch let error as ShellError where error.isArithmetic {
            // An arithmetic error fails `let` (status 1); the script goes on, as in bash.
            throw ShellError("let: " + error.naming(expression: e).message, status: 1)
        }
    }
    return last != 0 ? 0 : 1
}
