import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// `eval arg…`: the arguments joined by spaces, parsed and run here.
func eval(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var words = args.dropFirst()
    if words.first == "--" { words = words.dropFirst() }
    if let f = words.first, f.hasPrefix("-"), f.count > 1 {
        throw ShellError("eval: \(f): invalid option\neval: usage: eval [arg ...]", status: 2)
    }
    let text = words.joined(separator: " ")
    if text.isEmpty { return 0 }
    return try shell.runEval(SourceFile(name: "eval", text: text))
}

/// `. file [arg…]` / `source file [arg…]`: runs a file in this shell. A name without a
/// slash is looked for in PATH, then in the current directory (bash).
func source(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard args.count > 1 else { throw ShellError("\(args[0]): filename argument required\n\(args[0]): usage: \(args[0]) filename [arguments]", status: 2) }
    var args = args
    if args.count > 1 && args[1] == "--" { args.remove(at: 1) }
    guard args.count > 1 else { throw ShellError("\(args[0]): filename argument required", status: 2) }
    let name = args[1]
    var path = name
    if !name.contains("/") {
        if let found = shell.searchPathReadable(name) { path = found }
    }
    guard let bytes = readWholeFile(path) else {
        let e = errno
        throw ShellError("\(name): \(String(cString: strerror(e)))", status: 1)
    }
    return try shell.runSourced(SourceFile(name: name, bytes: bytes),
                                arguments: args.count > 2 ? Array(args[2...]) : nil)
}

/// `exec [command [arg…]]`: with a command, replaces the shell; without one, its
/// redirections stay (the interpreter applies them permanently).
func exec(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var i = 1
    var argv0: ByteString?
    var clearEnv = false
    while i < args.count, args[i].hasPrefix("-"), args[i] != "-" {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst() {
            switch ch {
            case "c": clearEnv = true
            case "l": break
            case "a":
                i += 1
                argv0 = i < args.count ? args[i] : nil
            default: throw ShellError("exec: -\(ch): invalid option", status: 2)
            }
        }
        i += 1
    }
    guard i < args.count else {
        shell.keepRedirections()
        return 0
    }
    var argv = Array(args[i...])
    // An interactive shell, or one with `shopt -s execfail`, goes on when exec fails (bash).
    let survives = shell.interactive || shell.shoptValue("execfail") == true
    guard let path = shell.findExecutable(argv[0]) else {
        shell.error("exec: \(argv[0]): not found")
        if survives { return 127 }
        throw shell.exiting(127)
    }
    if let a0 = argv0 { argv[0] = a0 }
    let status = try shell.execCommand(path: path, argv: argv, clearEnvironment: clearEnv)
    if survives { return status }
    throw shell.exiting(status)
}
