import Glibc
import WeirSyntax
import WeirTracing
import WeirExpansion

/// A builtin's body: the shell and the argument words (argv[0] is the name).
public typealias BuiltinFunction = (Shell, [ByteString]) throws -> Int32

/// A builtin and how POSIX classes it.
public struct Builtin {
    public var name: ByteString
    /// Special builtins: assignments before them persist, their errors end a
    /// non-interactive shell, and functions cannot hide them.
    public var special: Bool
    /// `declare`, `local`, `export` …: they make variables in the current scope, so
    /// assignments before them are not put in a temporary scope.
    public var declares: Bool
    public var run: BuiltinFunction

    public init(_ name: ByteString, special: Bool = false, run: @escaping BuiltinFunction) {
        self.name = name
        self.special = special
        switch name {
        case "declare", "typeset", "local", "export", "readonly": declares = true
        default: declares = false
        }
        self.run = run
    }
}

/// The shell: its state, and the interpreter that runs trees against it.
public final class Shell: AliasResolving, SubstitutionRunning {
    public let environment = ShellEnvironment()
    public var options = ShellOptions()
    public var functions: [ByteString: FunctionDefinition] = [:] { didSet { resolutionGeneration &+= 1 } }
    /// Functions made readonly (`readonly -f`).
    public var readonlyFunctions: Set<ByteString> = []
    /// The source text of each function, for `declare -f` and `type`.
    var functionTexts: [ByteString: ByteString] = [:]
    /// Functions passed to programs in their environment (`export -f`).
    var exportedFunctions: Set<ByteString> = []

    public func functionText(_ name: ByteString) -> ByteString { functionTexts[name] ?? name + " ()" }
    public var aliases: [ByteString: ByteString] = [:]
    public var builtins: [ByteString: Builtin] = [:] { didSet { resolutionGeneration &+= 1 } }
    /// Builtins `enable -n` turned off, kept for `enable` to turn on again.
    public var disabledBuiltins: [ByteString: Builtin] = [:]
    /// Remembered command locations (`hash`).
    public var commandHash: [ByteString: ByteString] = [:] { didSet { resolutionGeneration &+= 1 } }
    /// Changes whenever what a command name resolves to may change (see SimpleCommand's
    /// resolutionCache).
    var resolutionGeneration: UInt64 = 0
    /// `pushd`'s directories below the current one (the current directory, `$PWD`, is
    /// always the top of the stack, so `cd` replaces it).
    public var directoryStack: [ByteString] = []
    public var traps = TrapTable()
    public let jobs = JobTable()

    /// True in a forked child running shell code (a subshell, a pipeline stage).
    public internal(set) var isSubshell = false
    /// Reading commands from a person at a terminal (`-i`, or a terminal on stdin).
    public var interactive = false
    /// Started as a login shell (`-l`, `--login`, or an argv[0] that begins with `-`):
    /// shopt's read-only `login_shell`, and `logout` rather than `exit` on leaving.
    public var isLoginShell = false
    /// What an interactive shell says on its way out (bash): `logout` for a login shell.
    public var farewell: ByteString { isLoginShell ? "logout\n" : "exit\n" }
    /// Depth of `if`/`while` conditions, `&&`/`||` left sides and `!`: `set -e` is off there.
    var errexitSuppressed = 0
    /// The functions and sourced files being run.
    public internal(set) var callStack = CallStack()
    /// Function call depth, for `return` and `local`.
    public var functionDepth: Int { callStack.functionDepth + functionSubstitutionDepth }
    /// Loop depth, for `break` and `continue`.
    var loopDepth = 0
    public var inLoop: Bool { loopDepth > 0 }
    /// Sourced-file depth, for `return` at the top of a file.
    public internal(set) var sourceDepth = 0
    /// The source being run (for LINENO and messages).
    public internal(set) var currentSource: SourceFile?
    /// The `trace` (or traced script) in progress: pipelines run now are traced into it.
    var traceSession: TraceSession?
    /// The whole-script trace (`set -o trace`, `weir --trace`), when one runs.
    var scriptTrace: TraceSession?
    /// `--profile`: time per line and per function (ScriptProfile); nil when off.
    var profile: ScriptProfile?
    /// While a traced pipeline's stages start: its tracer and the stage being started,
    /// so that a process substitution in that stage's words joins the traced graph.
    var activeObserver: PipelineObserver?
    /// `trace PIPELINE &` at a prompt: the traced pipeline about to start is a background
    /// job of this shell (not a subshell's), so `jobs -t` sees it.
    var tracedInBackground = false
    /// The in-memory files stdout is captured in without a child (StdoutCapture), one
    /// per nesting level, and how many are in use.
    var captureFiles: [Int32] = []
    var captureDepth = 0
    /// `${ …; }` and `${| …; }` being run: they act as functions for `local` and `return`.
    var functionSubstitutionDepth = 0
    /// WEIR_FORK_SUBSTITUTIONS was set: every `$(…)` runs in a child.
    let forkEverySubstitution = getenv("WEIR_FORK_SUBSTITUTIONS") != nil
    var activeStageIndex = 0
    /// While a traced command runs in the shell itself: its record, and the helpers that
    /// relay its process substitutions.
    var activeSpan: TracedPipeline?
    var spanRelays: [SubstitutionRelay] = []
    /// The status of each stage of the last pipeline. Ints, not Int32s: the standard
    /// library has `[Int]`'s metadata built in, and a script of builtins alone then makes
    /// no array type's metadata at run time for it.
    public internal(set) var pipeStatus: [Int] = []

    /// Sets PIPESTATUS after a pipeline. One status, mostly the same as last time, is
    /// written in place (no new array, and no write at all when it is unchanged).
    func setPipeStatus(_ statuses: [Int32]) {
        if statuses.count == 1 { setPipeStatus(statuses[0]) } else { pipeStatus = statuses.map { Int($0) } }
    }

    func setPipeStatus(_ status: Int32) {
        let status = Int(status)
        if pipeStatus.count == 1 {
            if pipeStatus[0] != status { pipeStatus[0] = status }
        } else {
            pipeStatus = [status]
        }
    }
    /// Start of the shell, for `SECONDS` and `times`.
    let startTime = monotonicSeconds()
    /// Temporary files and FIFOs to remove at exit.
    var cleanupPaths: [ByteString] = []
    /// The FIFOs of process substitutions: their directory and those in use.
    var processSubstitutions = ProcessSubstitutions()
    /// Set once the FIFO directory's guard handlers are installed (they stay installed).
    var signalGuardsInstalled = false
    /// The process that made that directory: only it removes it.
    var privateDirectoryOwner: pid_t = 0
    /// The program name for messages.
    public var programName: String = "weir"
    /// The last part of the name the shell was run by (its argv[0]): the prompt's `\s`.
    public var shellName: ByteString = "weir"
    /// The form of messages: weir's, or bash's when weir runs under the name `bash`.
    public var messageDialect: MessageDialect = .weir
    /// While the environment's variables are read in at start-up (a locale that fails
    /// to load is then reported for LC_ALL alone, as bash does).
    var importingEnvironment = false
    /// Where the command being run starts, for LINENO (the line is found only when asked).
    var lineOffset = 0
    var lineSource: SourceFile?
    /// Counts command substitutions, so a command with none keeps status 0.
    var commandSubstitutionCount = 0
    /// In a child that ends after the next simple command: that command, when it is an
    /// external one, may replace the child (exec in place). It holds for that command only:
    /// `runSimple` takes it, so a function called there runs its whole body.
    var execInPlace = false
    /// Where the trap actions being run stand: which are running, the command and line
    /// they present, and `$?` when they started.
    var trapContext = TrapContext()

    /// The status `exit` with no number gives: inside a trap action, the status from
    /// before the trap; otherwise `$?`.
    public var statusForExit: Int32 { trapContext.trapEntry?.status ?? environment.lastStatus }

    /// The status `return` with no number gives: inside a trap action run in the function
    /// being returned from, the status from before the trap; otherwise `$?`.
    public var statusForReturn: Int32 {
        if let t = trapContext.trapEntry, t.functionDepth == functionDepth { return t.status }
        return environment.lastStatus
    }
    /// `\u`'s answer, once looked up.
    var promptUserName: ByteString?
    /// The interactive shell's line source (history, editing mode).
    public var interactiveInput: LineEditor?
    /// Set when a foreground job at the prompt was stopped or ended by Ctrl-C: the pipeline
    /// that waited for it then abandons the command line (its status).
    var abandonCommandLine: Int32?
    /// `complete`'s specifications, and while a completion runs, its options (`compopt`
    /// changes them) and the status of its function (124: look for the spec again).
    public var completionSpecs = CompletionSpecs()
    public var currentCompletionOptions: Set<ByteString>?
    var lastCompletionFunctionStatus: Int32 = 0
    /// `!` expansion's state between lines (the last substitution and search).
    var historyExpansion = HistoryExpansion()
    /// History numbers for `history -a`: the first entry of this session, and the entry
    /// after the last one written by `-a` or `-w`.
    public var historySessionStart: Int?
    public var historyAppendedThrough: Int?
    /// Commands run at the prompt (`\#`).
    var commandNumber = 1
    /// `exit` said twice with stopped jobs.
    var exitConfirmed = false
    var evalDepth = 0
    /// `$_`: the last argument of the previous simple command.
    public var lastArgument: ByteString = ""
    /// `exec` without a command asked for its redirections to stay.
    var keepingRedirections = false
    /// `shopt` flags kept only as flags.
    var shoptFlags: Set<ByteString> = []
    /// `shopt -s expand_aliases` (on in interactive shells and scripts alike in weir).
    public var expandAliases = true
    /// getopts' place: the OPTIND it last set and the letter within that word.
    public var getoptsState: (optind: Int, char: Int) = (1, 1)
    /// Where each function was defined, as BASH_SOURCE names it, and on which line
    /// (`declare -F NAME` with `shopt -s extdebug`).
    public internal(set) var functionSources: [ByteString: ByteString] = [:]
    public internal(set) var functionLines: [ByteString: Int] = [:]
    /// The script file weir runs (`weir FILE`): the bottom frame of FUNCNAME, BASH_SOURCE
    /// and BASH_LINENO is then `main`, FILE and 0.
    public var scriptFile: ByteString?

    /// BASH_SOURCE's name for code read from `source`: `environment` for `-c`, `main`
    /// for standard input, else the file.
    func bashSourceName(_ source: SourceFile?) -> ByteString {
        switch source?.name {
        case "-c"?: return "environment"
        case "stdin"?: return "main"
        case let n?: return n
        case nil: return "main"
        }
    }

    /// FUNCNAME, BASH_SOURCE and BASH_LINENO, innermost frame first.
    /// A function's frame takes its defining file from `functionSources` only when
    /// BASH_SOURCE is read, so a call pays nothing for it.
    func callStackArrays() -> (names: [ByteString], sources: [ByteString], lines: [ByteString]) {
        let frames = callStack.frames
        var names = frames.reversed().map { $0.name }
        var sources = frames.reversed().map { f in f.sourcedFile ?? functionSources[f.name] ?? "main" }
        var lines = frames.reversed().map { ByteString($0.callLine) }
        if let file = scriptFile {
            if !names.isEmpty { names.append("main") }
            sources.append(file)
            lines.append("0")
        }
        return (names, sources, lines)
    }
    /// Array assignments among the arguments of the declaration builtin being run.
    var declarationArrays: [Int: (name: ByteString, append: Bool, elements: [ArrayElement])] = [:]
    /// Signals the shell ignores for itself (job control, an interactive shell): its
    /// children get them back at their default (`childSignals`).
    var shellIgnores: Set<Int32> = []
    /// `set -e` is set but not acted on: a command substitution without inherit_errexit.
    var errexitSuspended = false
    /// Special builtins being run by `command`: errors do not end the shell meanwhile.
    var specialBuiltinsUnderCommand = 0
    /// The EXIT trap has run (or is running) in this process: it runs once.
    var ranExitTrap = false
    /// The controlling terminal under job control, and its hand-overs.
    public var terminal = Terminal()

    /// The line of the command being run.
    public var currentLineNumber: Int { lineSource?.position(of: lineOffset).line ?? 0 }

    public var expander: Expander { Expander(environment: environment) }
    public var variables: VariableStore { environment.variables }

    public init() {
        environment.shellPid = getpid()
        environment.substitutions = self
        environment.optionFlags = { [unowned(unsafe) self] in self.optionLetters() }
        environment.reportError = { [unowned(unsafe) self] message in self.error(message) }
        installDynamicVariables()
    }

    // MARK: Messages

    /// Writes `weir: FILE:LINE: message` to standard error.
    public func error(_ message: String) {
        writeText(2, messagePrefix + message + "\n")
    }

    /// `FILE:LINE: ` of the command being run, for runtime messages; nothing for a
    /// command typed at the prompt (bash) or before any command has run.
    var messageLocation: String {
        guard let src = lineSource else { return "" }
        if interactive && src.name == "stdin" { return "" }
        return String(decoding: src.name.bytes, as: UTF8.self) + ":" + String(currentLineNumber) + ": "
    }

    /// The start of a runtime message: `weir: FILE:LINE: `, or in bash's dialect
    /// `FILE: line LINE: ` for a script or sourced file (`eval`'s text counts as the
    /// script's lines), and `bash: ` for `-c`, standard input and the prompt.
    var messagePrefix: String {
        guard messageDialect == .bash else { return programName + ": " + messageLocation }
        guard let src = lineSource, !(interactive && src.name == "stdin") else { return programName + ": " }
        switch src.name {
        case "-c", "stdin", "environment": return programName + ": "
        case "eval":
            guard let script = scriptFile else { return programName + ": " }
            return String(decoding: script.bytes, as: UTF8.self) + ": line \(currentLineNumber): "
        default:
            return String(decoding: src.name.bytes, as: UTF8.self) + ": line \(currentLineNumber): "
        }
    }

    // MARK: Aliases

    public func alias(named name: ByteString) -> ByteString? { expandAliases ? aliases[name] : nil }

    public var hasAliases: Bool { expandAliases && !aliases.isEmpty }

    // MARK: Options

    /// `$-`
    func optionLetters() -> ByteString {
        var s: ByteString = ""
        if variables.allExport { s += "a" }
        if options.notify { s += "b" }
        if options.errexit { s += "e" }
        if environment.options.noglob { s += "f" }
        if options.hashall { s += "h" }
        if interactive { s += "i" }
        if options.monitor { s += "m" }
        if options.noexec { s += "n" }
        if environment.options.nounset { s += "u" }
        if options.verbose { s += "v" }
        if options.xtrace { s += "x" }
        if environment.options.braceexpand { s += "B" }
        if options.noclobber { s += "C" }
        if options.errtrace { s += "E" }
        if options.histexpand { s += "H" }
        if options.functrace { s += "T" }
        if commandStringGiven { s += "c" }
        if !isSubshell && sourceDepth == 0 && functionDepth == 0 && stdinIsScript { s += "s" }
        return s
    }

    /// True when commands come from standard input (`$-` holds `s`).
    public var stdinIsScript = false
    /// `weir -c STRING` (`$-` holds `c`, as in bash).
    public var commandStringGiven = false

    /// Reads an option by its long name; nil when there is no such option.
    public func option(named name: ByteString) -> Bool? {
        switch name {
        case "allexport": return variables.allExport
        case "braceexpand": return environment.options.braceexpand
        case "emacs": return options.emacs
        case "errexit": return options.errexit
        case "errtrace": return options.errtrace
        case "functrace": return options.functrace
        case "hashall": return options.hashall
        case "histexpand": return options.histexpand
        case "history": return options.history
        case "ignoreeof": return options.ignoreeof
        case "monitor": return options.monitor
        case "noclobber": return options.noclobber
        case "noexec": return options.noexec
        case "noglob": return environment.options.noglob
        case "notify": return options.notify
        case "nounset": return environment.options.nounset
        case "pipefail": return options.pipefail
        case "posix": return options.posix
        case "trace": return options.trace
        case "verbose": return options.verbose
        case "vi": return options.vi
        case "xtrace": return options.xtrace
        case "interactive": return interactive
        default: return nil
        }
    }

    /// Sets an option by its long name; false when there is no such option.
    @discardableResult
    public func setOption(named name: ByteString, _ on: Bool) -> Bool {
        switch name {
        case "allexport": variables.allExport = on
        case "braceexpand": environment.options.braceexpand = on
        case "emacs":
            options.emacs = on
            if on { options.vi = false }
            interactiveInput?.setViMode(!on)
        case "errexit":
            options.errexit = on
            errexitSuspended = false
        case "errtrace": options.errtrace = on
        case "functrace": options.functrace = on
        case "hashall": options.hashall = on; resolutionGeneration &+= 1
        case "histexpand": options.histexpand = on
        case "history": options.history = on
        case "ignoreeof": options.ignoreeof = on
        case "monitor":
            options.monitor = on
            monitorChanged(on)
        case "noclobber": options.noclobber = on
        // An interactive shell ignores -n (it could never be turned off again).
        case "noexec": if !interactive { options.noexec = on }
        case "noglob": environment.options.noglob = on
        case "notify": options.notify = on
        case "nounset": environment.options.nounset = on
        case "pipefail": options.pipefail = on
        case "posix": options.posix = on
        case "trace":
            options.trace = on
            if on { startScriptTrace(TraceOptions()) } else { stopScriptTrace() }
        case "verbose": options.verbose = on
        case "vi":
            options.vi = on
            if on { options.emacs = false }
            interactiveInput?.setViMode(on)
        case "xtrace": options.xtrace = on
        default: return false
        }
        return true
    }

    /// The long name of a single-letter option.
    public static func optionName(letter: Character) -> ByteString? {
        ShellOptions.names.first { $0.1 == letter }?.0
    }

    // MARK: Dynamic variables

    func installDynamicVariables() {
        for name: ByteString in ["RANDOM", "SRANDOM", "SECONDS", "LINENO", "EPOCHSECONDS", "EPOCHREALTIME", "WEIRPID", "BASHPID",
                     "PIPESTATUS", "FUNCNAME", "WEIR_SOURCE", "BASH_SOURCE", "BASH_LINENO", "BASH_COMMAND", "SHELLOPTS",
                     "BASHOPTS", "_"] {
            variables.declareDynamic(name)
        }
        variables.dynamicValue = { [unowned(unsafe) self] name in self.dynamicValue(name) }
        variables.watchedNames = ["PATH", "IFS", "TZ", "LANG", "LC_ALL", "LC_CTYPE", "LC_COLLATE"]
        variables.variableChanged = { [unowned(unsafe) self] name in
            switch name {
            case "PATH": self.commandHash = [:]
            case "IFS": self.environment.refreshIFS()
            case "TZ": self.exportTimeZone()
            default: self.applyLocale(changed: name)
            }
        }
        variables.dynamicAssigned = { [unowned(unsafe) self] name, value in
            switch name {
            case "RANDOM":
                srandom(UInt32(truncatingIfNeeded: Int(value) ?? 0))
                self.randomSeeded = true
            case "SECONDS": self.secondsBase = (Int64(value) ?? 0) - Int64(monotonicSeconds() - self.startTime)
            case "_": self.lastArgument = value
            default: break
            }
        }
        variables.dynamicArray = { [unowned(unsafe) self] name in
            switch name {
            case "PIPESTATUS": return self.pipeStatus.isEmpty ? nil : self.pipeStatus.map { ByteString($0) }
            case "FUNCNAME":
                let n = self.callStackArrays().names
                return n.isEmpty ? nil : n
            case "BASH_SOURCE", "WEIR_SOURCE":
                let s = self.callStackArrays().sources
                return s.isEmpty ? nil : s
            case "BASH_LINENO":
                let l = self.callStackArrays().lines
                return l.isEmpty ? nil : l
            default: return nil
            }
        }
    }

    /// RANDOM's generator is seeded when first used, not at every start (glibc's srandom
    /// runs 310 rounds of it, 2% of `weir -c true`), and again in each subshell, so that
    /// `(echo $RANDOM); (echo $RANDOM)` differ as in bash. `RANDOM=n` seeds it.
    var randomSeeded = false

    func seedRandomIfNeeded() {
        guard !randomSeeded else { return }
        srandom(UInt32(truncatingIfNeeded: getpid() ^ Int32(truncatingIfNeeded: time(nil))))
        randomSeeded = true
    }

    var secondsBase: Int64 = 0

    /// The C library reads the time zone from the process environment: an exported
    /// `TZ` goes there, so `printf '%(…)T'` follows it as in bash.
    func exportTimeZone() {
        if let v = variables.variable("TZ"), v.attributes.contains(.exported), let tz = variables.value("TZ") {
            tz.withCString { _ = setenv("TZ", $0, 1) }
        } else {
            unsetenv("TZ")
        }
        tzset()
    }

    func dynamicValue(_ name: ByteString) -> ByteString? {
        switch name {
        case "RANDOM":
            seedRandomIfNeeded()
            return ByteString(random() & 0x7FFF)
        case "SRANDOM":
            seedRandomIfNeeded()
            return ByteString(UInt32(truncatingIfNeeded: random()) ^ UInt32(truncatingIfNeeded: random() << 16))
        case "SECONDS": return ByteString(secondsBase + Int64(monotonicSeconds() - startTime))
        case "LINENO": return ByteString(trapContext.trapLine ?? currentLineNumber)
        case "EPOCHSECONDS": return ByteString(time(nil))
        case "EPOCHREALTIME":
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            let us = ByteString(ts.tv_nsec / 1000)
            return ByteString(ts.tv_sec) + "." + ByteString(repeating: UInt8(ascii: "0"), count: 6 - us.count) + us
        case "WEIRPID", "BASHPID": return ByteString(getpid())
        case "_": return lastArgument
        case "BASH_COMMAND":
            let text = (trapContext.bashCommandSource ?? lineSource)?.slice(trapContext.bashCommandSpan) ?? ""
            return text.trimming { $0 == 0x20 || $0 == 0x09 }
        case "SHELLOPTS":
            // bash's list: the `set -o` options that are on, with interactive-comments.
            var on: [ByteString] = ShellOptions.names.map { $0.0 }.filter { option(named: $0) == true }
            on.append("interactive-comments")
            return on.sorted().joined(separator: ":")
        case "BASHOPTS":
            let on: [ByteString] = Shell.shoptNames.filter { shoptValue($0) == true }
            return on.joined(separator: ":")
        default: return nil
        }
    }
}

