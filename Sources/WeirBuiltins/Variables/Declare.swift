import WeirExecution
import WeirExpansion
import WeirSyntax

/// The flags of `declare`/`typeset`/`local`/`export`/`readonly`.
struct DeclareFlags {
    var add: VariableAttributes = []
    var remove: VariableAttributes = []
    var print = false
    var functions = false
    var functionNames = false
    var global = false
}

/// Which builtin is declaring: they share their body.
enum Declarer: ByteString {
    case declare, local, export, readonly
}

func declare(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    try runDeclaration(shell, args, as: args[0] == "typeset" ? .declare : .declare, name: args[0])
}

func local(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard shell.functionDepth > 0 else { throw ShellError("local: can only be used in a function") }
    return try runDeclaration(shell, args, as: .local, name: "local")
}

func export(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    try runDeclaration(shell, args, as: .export, name: "export")
}

func readonly(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    try runDeclaration(shell, args, as: .readonly, name: "readonly")
}

func attributeFor(_ ch: Character) -> VariableAttributes? {
    switch ch {
    case "a": return .indexedArray
    case "A": return .associativeArray
    case "i": return .integer
    case "l": return .lowercase
    case "u": return .uppercase
    case "n": return .nameref
    case "r": return .readonly
    case "x": return .exported
    case "t": return []
    default: return nil
    }
}

/// Where the `=` of `name[subscript]=value` is: after the `]` that closes the subscript,
/// which may hold brackets and an `=` of its own (`declare a[a[0]=1]=X`, as in bash). Nil
/// when the operand does not have that form. (The name before the `[` is checked later.)
func assignmentEquals(_ operand: ByteString) -> Int? {
    guard let open = operand.firstIndex(of: UInt8(ascii: "[")) else { return nil }
    return operand.withUnsafeBufferPointer { b in
        var depth = 0
        var i = open
        while i < b.count {
            if b[i] == UInt8(ascii: "[") { depth += 1 } else if b[i] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") { i += 1 }
        return i < b.count && b[i] == UInt8(ascii: "=") ? i : nil
    }
}

func runDeclaration(_ shell: Shell, _ args: [ByteString], as kind: Declarer, name: ByteString) throws -> Int32 {
    var flags = DeclareFlags()
    switch kind {
    case .export: flags.add.insert(.exported)
    case .readonly: flags.add.insert(.readonly)
    default: break
    }
    var i = 1
    while i < args.count {
        let a = args[i]
        guard (a.hasPrefix("-") || a.hasPrefix("+")) && a.count > 1 else { break }
        if a == "--" { i += 1; break }
        let adding = a.hasPrefix("-")
        for ch in a.dropFirst().optionLetters {
            switch ch {
            case "p": flags.print = true
            case "f": flags.functions = true
            case "F": flags.functionNames = true
            case "g": flags.global = true
            case "n" where kind == .export: flags.remove.insert(.exported)
            default:
                // `export -a` and `readonly -A` make arrays too (bash); nothing else of declare's.
                guard kind == .declare || kind == .local || ((kind == .readonly || kind == .export) && "aA".contains(ch)),
                      let attr = attributeFor(ch) else {
                    throw ShellError("\(name): -\(ch): invalid option", status: 2)
                }
                if adding { flags.add.formUnion(attr) } else { flags.remove.formUnion(attr) }
            }
        }
        i += 1
    }
    let operands = Array(args[i...])
    let v = shell.variables

    if flags.functions && flags.add.contains(.readonly) && !operands.isEmpty {
        // `readonly -f f` / `declare -rf f`: the function cannot be redefined or unset.
        var status: Int32 = 0
        for n in operands {
            if shell.functions[n] == nil {
                shell.error("\(name): \(n): not a function")
                status = 1
            } else {
                shell.readonlyFunctions.insert(n)
            }
        }
        return status
    }
    if flags.functions && (flags.add.contains(.exported) || flags.remove.contains(.exported)) {
        return try exportFunctions(shell, operands, exporting: !flags.remove.contains(.exported), name: name)
    }
    if flags.functions || flags.functionNames {
        return printFunctions(shell, operands, namesOnly: flags.functionNames)
    }
    if operands.isEmpty {
        printVariables(shell, kind: kind, flags: flags)
        return 0
    }
    if flags.print {
        var status: Int32 = 0
        for n in operands {
            if let line = declarationLine(shell, n) { writeStdout(line + "\n") } else {
                shell.error("\(name): \(n): not found")
                status = 1
            }
        }
        return status
    }

    let makeLocal = kind == .local || (kind == .declare && shell.functionDepth > 0 && !flags.global)
    var status: Int32 = 0
    for (k, operand) in operands.enumerated() {
        let argIndex = i + k
        var varName = operand
        var value: ByteString?
        var append = false
        if var eq = operand.firstIndex(of: "=") {
            // A subscript before it may hold an `=` of its own.
            if operand[..<eq].contains(UInt8(ascii: "[")), let end = assignmentEquals(operand) { eq = end }
            varName = ByteString(operand[..<eq])
            value = ByteString(operand[operand.index(after: eq)...])
            if varName.hasSuffix("+") { append = true; varName.removeLast() }
        }
        var subscriptText: ByteString?
        if let open = varName.firstIndex(of: "["), varName.hasSuffix("]") {
            subscriptText = ByteString(varName[varName.index(after: open)..<varName.index(before: varName.endIndex)])
            varName = ByteString(varName[..<open])
        }
        // `export a[7]=8`, `readonly b[1]=x`: bash takes subscripts only in declare,
        // typeset and local.
        guard isValidName(varName), subscriptText == nil || kind == .declare || kind == .local else {
            let shown = subscriptText.map { "\(varName)[\($0)]" } ?? operand
            shell.error("\(name): `\(shown)': not a valid identifier")
            status = 1
            continue
        }
        do {
            if makeLocal {
                if !v.isLocal(varName) {
                    // A new local starts unset, except with attributes only (`local -x x`).
                    try v.declareLocal(varName)
                }
            }
            if flags.add.contains(.nameref) && subscriptText == nil && shell.declarationArray(at: argIndex) == nil {
                // The reference itself is made or retargeted; nothing is written through it.
                if let value {
                    try v.assignNameref(varName, value, local: makeLocal)
                } else if let current = v.rawVariable(varName)?.value?.scalar, !current.isEmpty,
                          v.rawVariable(varName)?.attributes.contains(.nameref) != true {
                    try v.assignNameref(varName, current, local: makeLocal)
                } else {
                    try v.setAttributes(varName, add: .nameref, local: makeLocal)
                }
                var rest = flags.add.subtracting([.nameref])
                if !rest.isEmpty {
                    // `-r` and the like go to the reference, not to what it names.
                    rest.insert(.nameref)
                    try v.setAttributes(varName, add: rest, remove: flags.remove, local: makeLocal)
                }
                continue
            }
            var add = flags.add
            if kind == .export && value == nil && !v.isSet(varName) {
                // `export x` of an unset variable marks it for when it is set.
            }
            if add.contains(.associativeArray) { add.remove(.indexedArray) }
            // An indexed array does not become associative, nor the other way round (bash).
            if add.contains(.associativeArray) || add.contains(.indexedArray), let current = v.variable(varName)?.attributes {
                let conversion = add.contains(.associativeArray) && current.contains(.indexedArray) ? "indexed to associative"
                    : add.contains(.indexedArray) && current.contains(.associativeArray) ? "associative to indexed" : nil
                if let conversion {
                    shell.error("\(name): \(varName): cannot convert \(conversion) array")
                    status = 1
                    continue
                }
            }
            // readonly comes after the value is in place.
            try v.setAttributes(varName, add: add.subtracting(.readonly), remove: flags.remove, local: makeLocal)
            if add.contains(.associativeArray), v.variable(varName)?.value == nil, value != nil {
                try v.assignValue(varName, .associative(AssociativeArray()))
            } else if add.contains(.indexedArray), v.variable(varName)?.value == nil, value != nil {
                try v.assignValue(varName, .indexed(IndexedArray()))
            }
            let attributes = v.variable(varName)?.attributes ?? []
            if let array = shell.declarationArray(at: argIndex) {
                try shell.assignArray(array.name, array.elements, append: array.append)
            } else if let value, subscriptText == nil,
                      attributes.contains(.indexedArray) || attributes.contains(.associativeArray),
                      let elements = shell.compoundAssignmentElements(value) {
                // `declare -a "x=($list)"`: an array's value given as text is parsed as a
                // compound assignment, as in bash.
                try shell.assignArray(varName, elements, append: append)
            } else if let value {
                if let sub = subscriptText {
                    let isAssoc = v.variable(varName)?.attributes.contains(.associativeArray) == true
                    if isAssoc {
                        try v.assignElement(varName, index: nil, key: sub, value, append: append)
                    } else {
                        let idx = try ArithmeticEvaluator(environment: shell.environment).evaluate(text: sub)
                        try v.assignElement(varName, index: Int(idx), key: nil, value, append: append)
                    }
                } else {
                    try v.assign(varName, value, append: append)
                }
            }
            if add.contains(.readonly) { try v.setAttributes(varName, add: .readonly, local: makeLocal) }
        } catch let e as VariableError {
            shell.error("\(name): \(e.message)")
            status = 1
        } catch let e as ShellError {
            shell.error(e.message)
            status = 1
        }
    }
    // Each name was reported; the command fails as a whole (for `export` and `readonly`
    // a special builtin's error, which ends a script: POSIX 2.8.1).
    if status != 0 { throw ShellError.reported(status: status) }
    return status
}

/// `declare -p NAME`: a line that recreates the variable.
func declarationLine(_ shell: Shell, _ name: ByteString) -> ByteString? {
    // A nameref is shown as itself: `declare -n ref="target"`.
    if let raw = shell.variables.rawVariable(name), raw.attributes.contains(.nameref), let target = raw.value?.scalar {
        var letters = "n"
        if raw.attributes.contains(.readonly) { letters += "r" }
        if raw.attributes.contains(.exported) { letters += "x" }
        return "declare -\(letters) \(name)=" + doubleQuote(target)
    }
    guard let v = shell.variables.variable(name) else { return nil }
    var letters: ByteString = ""
    let a = v.attributes
    if a.contains(.indexedArray) || (v.value.map { if case .indexed = $0 { return true }; return false } ?? false) { letters += "a" }
    if a.contains(.associativeArray) { letters += "A" }
    if a.contains(.integer) { letters += "i" }
    if a.contains(.lowercase) { letters += "l" }
    if a.contains(.nameref) { letters += "n" }
    if a.contains(.readonly) { letters += "r" }
    if a.contains(.uppercase) { letters += "u" }
    if a.contains(.exported) { letters += "x" }
    var line: ByteString = "declare -" + (letters.isEmpty ? "-" : letters) + " " + name
    switch v.value {
    case nil: break
    case .string(let s)?: line += "=" + doubleQuote(s)
    case .indexed(let arr)?:
        let items: [ByteString] = arr.indices.map { "[\($0)]=" + doubleQuote(arr[$0]!) }
        line += "=(" + items.joined(separator: " ") + ")"
    case .associative(let arr)?:
        let items: [ByteString] = arr.keys.map { "[" + assocKeyQuote($0) + "]=" + doubleQuote(arr[$0]!) }
        line += arr.isEmpty ? "=()" : "=(" + items.joined(separator: " ") + " )"
    }
    return line
}

func printVariables(_ shell: Shell, kind: Declarer, flags: DeclareFlags) {
    for (name, v) in shell.variables.allVariables() {
        switch kind {
        case .export: guard v.attributes.contains(.exported) else { continue }
        case .readonly: guard v.attributes.contains(.readonly) else { continue }
        case .local:
            // `local -p`, `local`: only the current function's own variables (bash).
            guard shell.variables.isLocal(name) else { continue }
            if !flags.add.isEmpty && !v.attributes.isSuperset(of: flags.add) { continue }
        default:
            if !flags.add.isEmpty && !v.attributes.isSuperset(of: flags.add) { continue }
        }
        if kind == .declare && !flags.print && flags.add.isEmpty {
            guard let s = v.value?.scalar else { continue }
            writeStdout(name + "=" + shellQuote(s) + "\n")
        } else if let line = declarationLine(shell, name) {
            writeStdout(line + "\n")
        }
    }
}

/// `export -f name…` (or `declare -fx`, `export -fn` to stop): functions in the
/// environment of programs; without names, the exported functions.
func exportFunctions(_ shell: Shell, _ names: [ByteString], exporting: Bool, name: ByteString) throws -> Int32 {
    if names.isEmpty {
        for n in shell.exportedFunctionNames { writeStdout(shell.functionText(n) + "\ndeclare -fx " + n + "\n") }
        return 0
    }
    var status: Int32 = 0
    for n in names {
        guard shell.functions[n] != nil else {
            shell.error("\(name): \(n): not a function")
            status = 1
            continue
        }
        if exporting { shell.exportFunction(n) } else { shell.unexportFunction(n) }
    }
    if status != 0 { throw ShellError.reported(status: status) }
    return 0
}

func printFunctions(_ shell: Shell, _ names: [ByteString], namesOnly: Bool) -> Int32 {
    let list = names.isEmpty ? shell.functions.keys.sorted() : names
    var status: Int32 = 0
    for n in list {
        guard shell.functions[n] != nil else {
            status = 1
            continue
        }
        if namesOnly {
            // `declare -F` lists as `declare -f NAME`; `declare -F NAME` says just the name,
            // with `shopt -s extdebug` also the line and file that define it.
            if names.isEmpty {
                writeStdout("declare -f \(n)\n")
            } else if shell.shoptValue("extdebug") == true {
                writeStdout("\(n) \(shell.functionLines[n] ?? 0) \(shell.functionSources[n] ?? "main")\n")
            } else {
                writeStdout("\(n)\n")
            }
        } else {
            writeStdout(shell.functionText(n) + "\n")
        }
    }
    return status
}
