import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `command [-pVv] name [arg…]`: runs name skipping functions, or describes it.
func command(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var i = 1
    var describe: Character?
    var defaultPath = false
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst().optionLetters {
            switch ch {
            case "p": defaultPath = true
            case "v", "V": describe = ch
            default: throw ShellError("command: -\(ch): invalid option", status: 2)
            }
        }
        i += 1
    }
    guard i < args.count else { return 0 }
    if let d = describe {
        var status: Int32 = 0
        for name in args[i...] {
            if !describeCommand(shell, name, verbose: d == "V", all: false, typeOnly: false, pathOnly: false,
                                forCommand: true, defaultPath: defaultPath) {
                if d == "V" { shell.error("command: \(name): not found") }
                status = 1
            }
        }
        return status
    }
    let argv = Array(args[i...])
    shell.dropDeclarationArguments(i)
    return try shell.runCommandSkippingFunctions(argv, defaultPath: defaultPath)
}

/// `builtin name [arg…]`
func builtin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var args = args
    var dropped = 1
    if args.count > 1 && args[1] == "--" { args.remove(at: 1); dropped += 1 }
    guard args.count > 1 else { return 0 }
    guard let b = shell.builtins[args[1]] else { throw ShellError("builtin: \(args[1]): not a shell builtin") }
    shell.dropDeclarationArguments(dropped)
    return try b.run(shell, Array(args[1...]))
}

let shellKeywords: Set<ByteString> = ["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
                                  "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]",
                                  "coproc", "trace"]

/// Prints what `name` is (for `type` and `command -v/-V`); false when it is nothing.
func describeCommand(_ shell: Shell, _ name: ByteString, verbose: Bool, all: Bool, typeOnly: Bool, pathOnly: Bool,
                     forCommand: Bool = false, skipFunctions: Bool = false, defaultPath: Bool = false) -> Bool {
    var found = false
    func say(_ kind: ByteString, _ terse: ByteString, _ long: ByteString) {
        found = true
        if typeOnly { writeStdout(kind + "\n") } else if verbose { writeStdout(long + "\n") } else { writeStdout(terse + "\n") }
    }
    if !pathOnly {
        if let a = shell.aliases[name] {
            say("alias", forCommand ? "alias \(name)=\(shellQuoteForAlias(a))" : "alias \(name)=\(shellQuoteForAlias(a))",
                "\(name) is aliased to `\(a)'")
            if !all { return true }
        }
        if shellKeywords.contains(name) {
            say("keyword", name, "\(name) is a shell keyword")
            if !all { return true }
        }
        if !skipFunctions, shell.functions[name] != nil {
            say("function", name, "\(name) is a function\n" + shell.functionText(name))
            if !all { return true }
        }
        if let b = shell.builtins[name] {
            say("builtin", name, "\(name) is a \(b.special ? "special " : "")shell builtin")
            if !all { return true }
        }
    }
    if all {
        var seen = Set<ByteString>()
        for dir in (shell.variables.value("PATH") ?? "").components(separatedBy: UInt8(ascii: ":")) {
            let p = (dir.isEmpty ? "." : dir) + "/" + name
            var st = stat()
            if p.withCString({ stat($0, &st) }) == 0, (st.st_mode & S_IFMT) != S_IFDIR,
               p.withCString({ access($0, X_OK) }) == 0, !seen.contains(p) {
                seen.insert(p)
                say("file", p, "\(name) is \(p)")
            }
        }
        return found
    }
    if name.contains(UInt8(ascii: "/")) {
        var st = stat()
        if name.withCString({ stat($0, &st) }) == 0, (st.st_mode & S_IFMT) != S_IFDIR,
           name.withCString({ access($0, X_OK) }) == 0 {
            say("file", name, "\(name) is \(name)")
        }
        return found
    }
    let hashed = !defaultPath && shell.commandHash[name] != nil
    // The file a command would run: the first that can run, else (as bash says, and then
    // fails with 126) the first that is there.
    let located = hashed ? shell.commandHash[name]
        : shell.searchPath(name, path: defaultPath ? shell.standardUtilityPath : nil)
    if let p = located {
        say("file", p, hashed && verbose && !forCommand ? "\(name) is hashed (\(p))" : "\(name) is \(p)")
    }
    return found
}

func shellQuoteForAlias(_ s: ByteString) -> ByteString {
    "'" + s.replacing("'", with: "'\\''") + "'"
}

/// `type [-afptP] name…`
func type(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, names) = try parseOptions(args[1...], allowed: "afptP", command: "type")
    var status: Int32 = 0
    for name in names {
        let ok: Bool
        if letters.contains("p") || letters.contains("P") {
            // Only the file, and only when nothing else would be run (-p). With -a every
            // file is listed anyway, and a function, builtin, alias or keyword still
            // counts as found (bash: `type -ap cd` prints nothing and succeeds).
            let other = !letters.contains("P") && (shell.functions[name] != nil || shell.builtins[name] != nil
                                                   || shell.aliases[name] != nil || shellKeywords.contains(name))
            if other && !letters.contains("a") {
                ok = true
                continue
            }
            ok = describeCommand(shell, name, verbose: false, all: letters.contains("a"), typeOnly: false, pathOnly: true)
                || other
        } else {
            ok = describeCommand(shell, name, verbose: !letters.contains("t"), all: letters.contains("a"),
                                 typeOnly: letters.contains("t"), pathOnly: false, skipFunctions: letters.contains("f"))
        }
        if !ok {
            if !letters.contains("t") && !letters.contains("p") && !letters.contains("P") {
                shell.error("type: \(name): not found")
            }
            status = 1
        }
    }
    return status
}

/// `hash [-r] [name…]`
func hash(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, names) = try parseOptions(args[1...], allowed: "rdlpt", command: "hash")
    if letters.contains("r") { shell.commandHash = [:] }
    if names.isEmpty && !letters.contains("r") {
        if shell.commandHash.isEmpty {
            writeStdout("hash: hash table empty\n")
            return 0
        }
        for (_, p) in shell.commandHash.sorted(by: { $0.key < $1.key }) { writeStdout(p + "\n") }
        return 0
    }
    var status: Int32 = 0
    for n in names {
        if letters.contains("d") { shell.commandHash[n] = nil; continue }
        if letters.contains("t") {
            if let p = shell.commandHash[n] { writeStdout(p + "\n") } else {
                shell.error("hash: \(n): not found")
                status = 1
            }
            continue
        }
        if n.contains(UInt8(ascii: "/")) || shell.builtins[n] != nil { continue }
        if let p = shell.searchPath(n) { shell.commandHash[n] = p } else {
            shell.error("hash: \(n): not found")
            status = 1
        }
    }
    return status
}
