import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// Writes a builtin's output and messages; returns its status.
func emit(_ shell: Shell, _ out: BuiltinOutput, name: String = "") -> Int32 {
    for d in out.diagnostics { shell.error(d) }
    if !out.stdout.isEmpty {
        let ok = out.stdout.withUnsafeBytes { writeAll(1, $0) }
        if !ok {
            shell.error("\(name): write error: \(String(cString: strerror(errno)))")
            return 1
        }
    }
    return out.status
}

/// `echo [-neE] [arg…]`, as bash's.
func echo(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    emit(shell, Echo.run(Array(args.dropFirst())), name: "echo")
}

/// `printf [-v var] format [arg…]`
func printf(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var rest = Array(args.dropFirst())
    var target: ByteString?
    if rest.first == "-v" {
        guard rest.count > 1 else { throw ShellError("printf: -v: option requires an argument", status: 2) }
        target = rest[1]
        rest.removeFirst(2)
    }
    if rest.first == "--" { rest.removeFirst() }
    guard let format = rest.first else {
        throw ShellError("printf: usage: printf [-v var] format [arguments]", status: 2)
    }
    let out = Printf.format(format, Array(rest.dropFirst()), streamTo: target == nil ? 1 : nil)
    if let target {
        for d in out.diagnostics { shell.error(d) }
        let text = ByteString(out.stdout)
        do {
            if let open = target.firstIndex(of: UInt8(ascii: "[")), target.hasSuffix("]") {
                let name = target.slice(0..<open)
                let sub = target.slice((open + 1)..<(target.count - 1))
                if shell.variables.variable(name)?.attributes.contains(.associativeArray) == true {
                    try shell.variables.assignElement(name, index: nil, key: sub, text)
                } else {
                    let i = try ArithmeticEvaluator(environment: shell.environment).evaluate(text: sub)
                    try shell.variables.assignElement(name, index: Int(i), key: nil, text)
                }
            } else {
                guard isValidName(target) else { throw ShellError("printf: `\(target)': not a valid identifier", status: 2) }
                try shell.variables.assign(target, text)
            }
        } catch let e as VariableError {
            throw ShellError("printf: \(e.message)")
        }
        return out.status
    }
    return emit(shell, out, name: "printf")
}

/// `test expr` and `[ expr ]`
func test(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    // The common case first: `[ N -lt M ]` with plain decimal numbers.
    let bracket = args[0] == "["
    if args.count == (bracket ? 5 : 4) && (!bracket || args[4] == "]"),
       let a = plainInteger(args[1]), let b = plainInteger(args[3]) {
        switch args[2] {
        case "-lt": return a < b ? 0 : 1
        case "-le": return a <= b ? 0 : 1
        case "-gt": return a > b ? 0 : 1
        case "-ge": return a >= b ? 0 : 1
        case "-eq": return a == b ? 0 : 1
        case "-ne": return a != b ? 0 : 1
        default: break
        }
    }
    let out = TestCommand.evaluate(Array(args.dropFirst()), isBracket: args[0] == "[",
                                   isVariableSet: { shell.isVariableSet($0) },
                                   isOptionSet: { shell.option(named: $0) })
    return emit(shell, out)
}

/// A decimal integer with an optional minus sign and no blanks (the fast path of `test`).
func plainInteger(_ s: ByteString) -> Int64? {
    // A direct walk over the bytes: `test` calls this for every -lt/-eq in a loop.
    return s.withUnsafeBufferPointer { buf -> Int64? in
        var v: Int64 = 0
        var negative = false
        var i = 0
        if buf.count > 0 && buf[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        guard i < buf.count else { return nil }
        while i < buf.count {
            let b = buf[i]
            guard b >= 0x30 && b <= 0x39, v < Int64.max / 10 - 10 else { return nil }
            v = v * 10 + Int64(b - 0x30)
            i += 1
        }
        return negative ? -v : v
    }
}
