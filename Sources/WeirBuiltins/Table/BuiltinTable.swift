import WeirExecution
import WeirSyntax

/// Every builtin weir has, in the style of dash's builtins.def: the name, whether POSIX
/// calls it special, and its body. The executable installs this table into the shell.
public enum BuiltinTable {
    public static var all: [Builtin] { [
        // Special builtins (POSIX 2.15).
        Builtin(":", special: true, run: colon),
        Builtin(".", special: true, run: source),
        Builtin("break", special: true, run: breakBuiltin),
        Builtin("continue", special: true, run: continueBuiltin),
        Builtin("eval", special: true, run: eval),
        Builtin("exec", special: true, run: exec),
        Builtin("exit", special: true, run: exit),
        Builtin("export", special: true, run: export),
        Builtin("readonly", special: true, run: readonly),
        Builtin("return", special: true, run: returnBuiltin),
        Builtin("set", special: true, run: set),
        Builtin("shift", special: true, run: shift),
        Builtin("times", special: true, run: times),
        Builtin("trap", special: true, run: trap),
        Builtin("unset", special: true, run: unset),
        // Regular builtins.
        Builtin("[", run: test),
        Builtin("alias", run: alias),
        Builtin("bg", run: bg),
        Builtin("builtin", run: builtin),
        Builtin("caller", run: caller),
        Builtin("cd", run: cd),
        Builtin("pushd", run: pushd),
        Builtin("popd", run: popd),
        Builtin("dirs", run: dirs),
        Builtin("command", run: command),
        Builtin("declare", run: declare),
        Builtin("disown", run: disown),
        Builtin("echo", run: echo),
        Builtin("false", run: falseBuiltin),
        Builtin("fg", run: fg),
        Builtin("getopts", run: getopts),
        Builtin("hash", run: hash),
        Builtin("history", run: history),
        Builtin("fc", run: fc),
        Builtin("complete", run: complete),
        Builtin("compgen", run: compgen),
        Builtin("compopt", run: compopt),
        Builtin("enable", run: enable),
        Builtin("bind", run: bind),
        Builtin("help", run: help),
        Builtin("jobs", run: jobsBuiltin),
        Builtin("kill", run: kill),
        Builtin("let", run: letBuiltin),
        Builtin("local", run: local),
        Builtin("mapfile", run: mapfile),
        Builtin("printf", run: printf),
        Builtin("pwd", run: pwd),
        Builtin("read", run: read),
        Builtin("readarray", run: mapfile),
        Builtin("shopt", run: shopt),
        Builtin("source", run: source),
        Builtin("suspend", run: suspend),
        Builtin("test", run: test),
        Builtin("true", run: trueBuiltin),
        Builtin("type", run: type),
        Builtin("typeset", run: declare),
        Builtin("ulimit", run: ulimit),
        Builtin("umask", run: umask),
        Builtin("mkfifo", run: mkfifoCommand),
        Builtin("unalias", run: unalias),
        Builtin("wait", run: wait),
    ] }

    /// Installs the builtins into a shell.
    public static func install(into shell: Shell) {
        // Built aside and stored once: each store through the property's observer copied
        // the table.
        let list = all
        var table = [ByteString: Builtin](minimumCapacity: list.count)
        for b in list { table[b.name] = b }
        shell.builtins = table
    }
}

/// Splits leading `-x` options from operands; `--` ends them. Returns the option
/// letters and the rest. An unknown letter throws a usage error.
func parseOptions(_ args: ArraySlice<ByteString>, allowed: String, command: String,
                  usage: String? = nil) throws -> (letters: [Character], operands: [ByteString]) {
    var letters: [Character] = []
    var rest = args
    while let a = rest.first, a.hasPrefix("-"), a != "-" {
        rest.removeFirst()
        if a == "--" { break }
        for ch in a.dropFirst().optionLetters {
            guard allowed.contains(ch) else {
                throw ShellError("\(command): -\(ch): invalid option" + (usage.map { "\n\(command): usage: \($0)" } ?? ""),
                                   status: 2)
            }
            letters.append(ch)
        }
    }
    return (letters, Array(rest))
}

extension ByteString {
    /// The bytes of an option word as characters, for matching option letters (a byte
    /// from 0x80 up is never one, and shows in a message as its Latin-1 character).
    var optionLetters: [Character] { map { Character(UnicodeScalar($0)) } }
}
