import WeirExecution
import WeirSyntax

/// Every builtin weir has, in the style of dash's builtins.def: the name, whether POSIX
/// calls it special, and its body. The executable installs this table into the shell.
public enum BuiltinTable {
    /// Hands each builtin to `add`, in table order. (No array of them: an array of a
    /// type start-up uses nowhere else costs its metadata, made at run time, at every start.)
    public static func each(_ add: (Builtin) -> Void) {
        // Special builtins (POSIX 2.15).
        add(Builtin(":", special: true, run: colon))
        add(Builtin(".", special: true, run: source))
        add(Builtin("break", special: true, run: breakBuiltin))
        add(Builtin("continue", special: true, run: continueBuiltin))
        add(Builtin("eval", special: true, run: eval))
        add(Builtin("exec", special: true, run: exec))
        add(Builtin("exit", special: true, run: exit))
        add(Builtin("export", special: true, run: export))
        add(Builtin("readonly", special: true, run: readonly))
        add(Builtin("return", special: true, run: returnBuiltin))
        add(Builtin("set", special: true, run: set))
        add(Builtin("shift", special: true, run: shift))
        add(Builtin("times", special: true, run: times))
        add(Builtin("trap", special: true, run: trap))
        add(Builtin("unset", special: true, run: unset))
        // Regular builtins.
        add(Builtin("[", run: test))
        add(Builtin("alias", run: alias))
        add(Builtin("bg", run: bg))
        add(Builtin("builtin", run: builtin))
        add(Builtin("caller", run: caller))
        add(Builtin("cd", run: cd))
        add(Builtin("pushd", run: pushd))
        add(Builtin("popd", run: popd))
        add(Builtin("dirs", run: dirs))
        add(Builtin("command", run: command))
        add(Builtin("declare", run: declare))
        add(Builtin("disown", run: disown))
        add(Builtin("echo", run: echo))
        add(Builtin("false", run: falseBuiltin))
        add(Builtin("fg", run: fg))
        add(Builtin("getopts", run: getopts))
        add(Builtin("hash", run: hash))
        add(Builtin("history", run: history))
        add(Builtin("fc", run: fc))
        add(Builtin("complete", run: complete))
        add(Builtin("compgen", run: compgen))
        add(Builtin("compopt", run: compopt))
        add(Builtin("enable", run: enable))
        add(Builtin("bind", run: bind))
        add(Builtin("help", run: help))
        add(Builtin("jobs", run: jobsBuiltin))
        add(Builtin("kill", run: kill))
        add(Builtin("let", run: letBuiltin))
        add(Builtin("local", run: local))
        add(Builtin("logout", run: logout))
        add(Builtin("mapfile", run: mapfile))
        add(Builtin("printf", run: printf))
        add(Builtin("pwd", run: pwd))
        add(Builtin("read", run: read))
        add(Builtin("readarray", run: mapfile))
        add(Builtin("shopt", run: shopt))
        add(Builtin("source", run: source))
        add(Builtin("suspend", run: suspend))
        add(Builtin("test", run: test))
        add(Builtin("true", run: trueBuiltin))
        add(Builtin("type", run: type))
        add(Builtin("typeset", run: declare))
        add(Builtin("ulimit", run: ulimit))
        add(Builtin("umask", run: umask))
        add(Builtin("mkfifo", run: mkfifoCommand))
        add(Builtin("unalias", run: unalias))
        add(Builtin("wait", run: wait))
    }

    /// Installs the builtins into a shell.
    public static func install(into shell: Shell) {
        // Built aside and stored once: each store through the property's observer copied
        // the table.
        var table = [ByteString: Builtin](minimumCapacity: 64)  // room for every builtin (61)
        each { table[$0.name] = $0 }
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
