import Glibc
import WeirSyntax

/// What expansion needs from the rest of the shell: running command and process
/// substitutions (the executor implements this; expansion knows nothing of processes).
public protocol SubstitutionRunning: AnyObject {
    /// Runs `body` with its output captured; returns the output (trailing newlines are
    /// removed by the caller) and sets `$?`.
    func runCommandSubstitution(_ body: CommandList?) throws -> ByteString
    /// `${ list; }` (`reply` false: its output) and `${| list; }` (REPLY), run in the shell.
    func runFunctionSubstitution(_ body: CommandList?, reply: Bool) throws -> ByteString
    /// Starts `body` with its input or output on a FIFO and returns the FIFO's path.
    func startProcessSubstitution(_ body: CommandList?, isInput: Bool) throws -> ByteString
    /// A prompt string expanded as PS1 is (`${x@P}`): backslash escapes, then
    /// parameter, arithmetic and command substitution.
    func expandPrompt(_ text: ByteString) -> ByteString
}

/// The `set -o` options and `shopt` flags that change how words expand.
public struct ExpansionOptions {
    /// `set -u`
    public var nounset = false
    /// `set -f`
    public var noglob = false
    /// `set -B` (on unless `set +B`)
    public var braceexpand = true
    public var extglob = true
    public var nullglob = false
    public var failglob = false
    public var dotglob = false
    public var globstar = false
    public var nocaseglob = false
    public var nocasematch = false
    /// `shopt globskipdots`
    public var globskipdots = true

    public init() {}
}

/// The state word expansion reads and writes: variables, positional and special
/// parameters, options. The shell owns one; subshells get a copy by forking.
public final class ShellEnvironment {
    public let variables = VariableStore()
    /// `$1 …`
    public var positional: [ByteString] = []
    /// `$0`
    public var scriptName: ByteString = "weir"
    /// `$?`
    public var lastStatus: Int32 = 0
    /// `$!`
    public var lastBackgroundPid: Int32?
    /// `$$`: the shell's pid (a subshell keeps its parent's).
    public var shellPid: Int32 = 0
    /// `$-`: the single-letter options in force.
    public var optionFlags: () -> ByteString = { "" }
    public var options = ExpansionOptions()
    // unowned(unsafe): the shell owns this environment and outlives it; a weak reference
    // would give the shell a side table and send every retain of it down the slow path.
    public unowned(unsafe) var substitutions: SubstitutionRunning?
    /// Writes a message that does not stop the command (`weir: …` on stderr); the shell
    /// sets this up to add its name and the line.
    public var reportError: (String) -> Void = { message in
        let text = "weir: " + message + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }
    /// The file and line being run, for messages (`weir: FILE: line N: …`).
    public var currentLine = 0
    /// Compiled patterns by text (`${x%.*}` in a loop compiles once).
    var patternCache: [ByteString: ShellPattern] = [:]
    var patternCacheExtglob = true
    /// The locale the cached patterns were compiled under.
    var patternCacheUTF8 = true

    public init() {
        variables.integerEvaluator = { [unowned(unsafe) self] text in
            try ArithmeticEvaluator(environment: self).evaluate(text: text)
        }
    }

    /// `$IFS`, unset meaning the default; cached, refreshed when IFS changes.
    public private(set) var ifs: ByteString = " \t\n"

    public func refreshIFS() {
        ifs = variables.value("IFS") ?? " \t\n"
        splitOrGlobBytes = ShellEnvironment.splitOrGlobTable(ifs)
    }

    /// The bytes that make an unquoted value need field splitting or pathname expansion:
    /// those of IFS, and `*` `?` `[` (a table, so the check is one load per byte).
    public private(set) var splitOrGlobBytes = ShellEnvironment.splitOrGlobTable(" \t\n")

    static func splitOrGlobTable(_ ifs: ByteString) -> [Bool] {
        var t = [Bool](repeating: false, count: 256)
        for b in ifs { t[Int(b)] = true }
        for c in "*?[".utf8 { t[Int(c)] = true }
        return t
    }

    /// A special parameter's value.
    public func special(_ c: UInt8) -> ByteString? {
        switch c {
        case UInt8(ascii: "?"): return ByteString(lastStatus)
        case UInt8(ascii: "$"): return ByteString(shellPid)
        case UInt8(ascii: "!"): return lastBackgroundPid.map { ByteString($0) }
        case UInt8(ascii: "#"): return ByteString(positional.count)
        case UInt8(ascii: "-"): return optionFlags()
        case UInt8(ascii: "0"): return scriptName
        case UInt8(ascii: "@"), UInt8(ascii: "*"):
            return positional.joined(separator: Characters.first(ifs))
        default: return nil
        }
    }
}
