import Glibc
import WeirExpansion
import WeirSyntax

/// What `-A ACTION` (and its letters) generates.
public enum CompletionAction: String, CaseIterable, Sendable {
    case alias, arrayvar, binding, builtin, command, directory, disabled, enabled, export, file, function, group,
         helptopic, hostname, job, keyword, running, service, setopt, shopt, signal, stopped, user, variable
}

/// A completion specification, as `complete` and `compgen` take it (bash's programmable
/// completion).
public struct CompletionSpec: Equatable {
    public var actions: [CompletionAction] = []
    /// `-o`: bashdefault, default, dirnames, filenames, noquote, nosort, nospace, plusdirs.
    public var options: Set<ByteString> = []
    public var glob: ByteString?
    public var wordList: ByteString?
    public var function: ByteString?
    public var command: ByteString?
    public var filter: ByteString?
    public var prefix: ByteString?
    public var suffix: ByteString?

    public init() {}

    public static let optionNames: [ByteString] = ["bashdefault", "default", "dirnames", "filenames", "noquote",
                                                   "nosort", "nospace", "plusdirs"]
}

/// The specifications `complete` made: per command, and for `-D` (any command without
/// one), `-E` (an empty line) and `-I` (the first word).
public struct CompletionSpecs {
    public var byCommand: [ByteString: CompletionSpec] = [:]
    public var commandOrder: [ByteString] = []
    public var defaultSpec: CompletionSpec?
    public var emptySpec: CompletionSpec?
    public var initialSpec: CompletionSpec?

    public init() {}

    public mutating func set(_ spec: CompletionSpec, for name: ByteString) {
        if byCommand[name] == nil { commandOrder.append(name) }
        byCommand[name] = spec
    }

    public mutating func remove(_ name: ByteString) {
        byCommand[name] = nil
        commandOrder.removeAll { $0 == name }
    }

    public mutating func removeAll() {
        byCommand = [:]
        commandOrder = []
        defaultSpec = nil
        emptySpec = nil
        initialSpec = nil
    }
}

/// The state a completion function sees (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT)
/// and the command it completes for.
public struct CompletionContext {
    public var line: ByteString
    public var point: Int
    public var words: [ByteString]
    public var wordIndex: Int
    public var commandName: ByteString
    public var type: Int = 9

    public init(line: ByteString, point: Int, words: [ByteString], wordIndex: Int, commandName: ByteString) {
        self.line = line
        self.point = point
        self.words = words
        self.wordIndex = wordIndex
        self.commandName = commandName
    }
}

/// What a completion produced, and how the editor should show it.
public struct CompletionOutcome {
    public var matches: [ByteString]
    public var options: Set<ByteString>
    /// Nothing was generated and the spec asks for the editor's file names (`-o default`).
    public var fallBackToFileNames: Bool
}

extension Shell {
    /// The matches a specification generates for `word`. With a context (Tab), a `-F`
    /// function or `-C` command sees COMP_WORDS and friends; `compgen` has none.
    public func generateMatches(_ spec: CompletionSpec, word: ByteString, context: CompletionContext?) throws -> [ByteString] {
        var matches: [ByteString] = []
        for action in spec.actions { matches += actionMatches(action, word: word) }
        if let g = spec.glob {
            var options = GlobOptions()
            options.extglob = environment.options.extglob
            options.dotglob = environment.options.dotglob
            matches += PathnameExpansion.expand(g, options: options)
        }
        if let w = spec.wordList {
            matches += try expandWordList(w).filter { $0.hasPrefix(word) }
        }
        if let f = spec.function, let context {
            matches += try runCompletionFunction(f, word: word, context: context)
        }
        if let c = spec.command, let context {
            matches += try runCompletionCommand(c, word: word, context: context)
        }
        if var f = spec.filter {
            var negate = false
            if f.hasPrefix("!") { negate = true; f = f.dropFirst() }
            // `&` in the pattern stands for the word; `\&` is a literal &.
            var pattern: ByteString = ""
            var i = 0
            while i < f.count {
                if f[i] == UInt8(ascii: "\\"), i + 1 < f.count, f[i + 1] == UInt8(ascii: "&") { pattern.append(UInt8(ascii: "&")); i += 2; continue }
                if f[i] == UInt8(ascii: "&") { pattern += ShellPattern.escape(word) } else { pattern.append(f[i]) }
                i += 1
            }
            let compiled = ShellPattern(pattern, extglob: environment.options.extglob)
            matches = matches.filter { compiled.matches($0) == negate }
        }
        if spec.prefix != nil || spec.suffix != nil {
            matches = matches.map { (spec.prefix ?? "") + $0 + (spec.suffix ?? "") }
        }
        if spec.options.contains("plusdirs") { matches += actionMatches(.directory, word: word) }
        return matches
    }

    /// The names an action stands for that start with `word`.
    func actionMatches(_ action: CompletionAction, word: ByteString) -> [ByteString] {
        var names: [ByteString]
        switch action {
        case .alias: names = Array(aliases.keys)
        case .arrayvar:
            names = variables.allVariables().compactMap { name, v in
                if case .indexed? = v.value { return name }
                if case .associative? = v.value { return name }
                return nil
            }
        case .binding: names = []
        case .builtin, .enabled, .helptopic: names = Array(builtins.keys)
        case .disabled: names = []
        case .command:
            var set = Set<ByteString>()
            for k in Shell.keywords { set.insert(k) }
            for b in builtins.keys { set.insert(b) }
            for f in functions.keys { set.insert(f) }
            for a in aliases.keys { set.insert(a) }
            if word.contains(UInt8(ascii: "/")) {
                for p in fileMatches(word) where isExecutableFile(p) || isDirectoryPath(p) { set.insert(p) }
            } else {
                for dir in (variables.value("PATH") ?? "").split(separator: UInt8(ascii: ":")) {
                    for name in directoryEntries(dir.isEmpty ? "." : dir) where name.hasPrefix(word) {
                        if isExecutableFile(dir + "/" + name) { set.insert(name) }
                    }
                }
            }
            names = Array(set)
        case .directory: return fileMatches(fileNameForCompletion(word)).filter { isDirectoryPath($0) }
        case .export:
            names = variables.allVariables().filter { $0.1.attributes.contains(.exported) && $0.1.isSet }.map { $0.0 }
        case .file: return fileMatches(fileNameForCompletion(word))
        case .function: names = Array(functions.keys)
        case .group: names = namesInColonFile("/etc/group")
        case .hostname: names = hostNames()
        case .job: names = jobs.jobs.map { jobCommandName($0) }
        case .running: names = jobs.jobs.filter { !$0.isStopped }.map { jobCommandName($0) }
        case .stopped: names = jobs.jobs.filter { $0.isStopped }.map { jobCommandName($0) }
        case .keyword: names = Shell.keywords
        case .service: names = serviceNames()
        case .setopt: names = ShellOptions.names.map { $0.0 }
        case .shopt: names = Shell.shoptNames
        case .signal: names = Shell.signalNamesForCompletion
        case .user: names = UserAccounts.all().map(\.name)
        case .variable: names = variables.allVariables().filter { $0.1.isSet || $0.1.value == nil }.map { $0.0 }
        }
        return Array(Set(names.filter { $0.hasPrefix(word) })).sorted(by: ShellLocale.precedes)
    }

    static let signalNamesForCompletion: [ByteString] = [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
        "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
        "SIGIO", "SIGPWR", "SIGSYS",
    ]

    func jobCommandName(_ job: Job) -> ByteString {
        Shell.splitBlanks(job.command).first ?? job.command
    }

    /// The file name `compgen -f`/`-d` looks for. While a completion runs, bash dequotes the
    /// word twice (its own dequoting, then readline's): bash_completion's `_filedir` hands
    /// it `my\\\ f`, quoted once more with `printf %q`, for the typed `my\ f`.
    func fileNameForCompletion(_ word: ByteString) -> ByteString {
        let once = dequotedFileName(word)
        return currentCompletionOptions != nil ? dequotedFileName(once) : once
    }

    /// The file name a word typed with quotes or backslashes stands for (`my\ f`, `'my f`),
    /// as bash's compgen -f and -d take it.
    func dequotedFileName(_ word: ByteString) -> ByteString {
        guard word.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }) else { return word }
        var out: ByteString = ""
        var quote: UInt8 = 0
        var i = 0
        while i < word.count {
            let b = word[i]
            if quote == UInt8(ascii: "'") {
                if b == quote { quote = 0 } else { out.append(b) }
            } else if b == UInt8(ascii: "\\") && i + 1 < word.count {
                out.append(word[i + 1])
                i += 1
            } else if quote == UInt8(ascii: "\"") && b == quote {
                quote = 0
            } else if quote == 0 && (b == UInt8(ascii: "'") || b == UInt8(ascii: "\"")) {
                quote = b
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// Paths that start with `word` (dot files only for a word whose name part starts
    /// with `.`), as `compgen -f` gives them: no trailing slash.
    func fileMatches(_ word: ByteString) -> [ByteString] {
        var expanded = word
        var tildePrefix: ByteString?
        if word.hasPrefix("~"), let home = variables.value("HOME") {
            let end = word.firstIndex(of: UInt8(ascii: "/")) ?? word.count
            if end == 1 {
                expanded = home + word.slice(from: 1)
                tildePrefix = "~"
            }
        }
        let dirPart: ByteString, namePart: ByteString
        if let slash = expanded.lastIndex(of: UInt8(ascii: "/")) {
            dirPart = expanded.slice(0..<(slash + 1))
            namePart = expanded.slice(from: slash + 1)
        } else {
            dirPart = ""
            namePart = expanded
        }
        var result: [ByteString] = []
        // `.` and `..` are names too, for a word that starts one (bash).
        let dots: [ByteString] = namePart.hasPrefix(".") ? [".", ".."] : []
        for name in dots + directoryEntries(dirPart.isEmpty ? "." : dirPart) {
            guard name.hasPrefix(namePart), namePart.hasPrefix(".") || !name.hasPrefix(".") else { continue }
            var path = dirPart + name
            if let t = tildePrefix, let home = variables.value("HOME") { path = t + path.slice(from: home.count) }
            result.append(path)
        }
        return result.sorted(by: ShellLocale.precedes)
    }

    func isDirectoryPath(_ path: ByteString) -> Bool {
        var p = path
        if p.hasPrefix("~/"), let home = variables.value("HOME") { p = home + p.slice(from: 1) }
        var st = stat()
        return p.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    func isExecutableFile(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFREG
            && path.withCString { access($0, X_OK) } == 0
    }

    /// The first field of each line of a colon-separated file (`/etc/group`).
    func namesInColonFile(_ path: String) -> [ByteString] {
        guard let bytes = readWholeFile(path) else { return [] }
        return bytes.split(separator: 0x0A).compactMap { line in
            guard line.first != UInt8(ascii: "#"), let name = line.split(separator: UInt8(ascii: ":")).first else { return nil }
            return ByteString(Array(name))
        }
    }

    /// Host names from HOSTFILE, else /etc/hosts.
    func hostNames() -> [ByteString] {
        let file = variables.value("HOSTFILE").flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/hosts"
        guard let bytes = readWholeFile(file) else { return [] }
        var names: [ByteString] = []
        for line in bytes.split(separator: 0x0A) {
            let content = line.split(separator: UInt8(ascii: "#"), omittingEmptySubsequences: false).first ?? []
            let fields = content.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
            for f in fields.dropFirst() { names.append(ByteString(Array(f))) }
        }
        return names
    }

    func serviceNames() -> [ByteString] {
        guard let bytes = readWholeFile("/etc/services") else { return [] }
        return bytes.split(separator: 0x0A).compactMap { line in
            guard line.first != UInt8(ascii: "#"),
                  let f = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).first else { return nil }
            return ByteString(Array(f))
        }
    }

    /// `-W`'s words: expanded as the shell expands a word list (no pathname expansion),
    /// then split by IFS.
    func expandWordList(_ list: ByteString) throws -> [ByteString] {
        // Newlines outside quotes separate words, as blanks do (they are in IFS).
        var text: ByteString = "x "
        var quote: UInt8 = 0
        var escaped = false
        for b in list {
            if escaped { escaped = false; text.append(b); continue }
            if b == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") { escaped = true; text.append(b); continue }
            if quote != 0 { if b == quote { quote = 0 } } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") { quote = b }
            text.append(b == 0x0A && quote == 0 ? 0x20 : b)
        }
        let source = SourceFile(name: "complete -W", text: text)
        guard let program = try? Parser(source: source).parseProgram(),
              let first = program.commands.first?.items.first?.andOr.first.commands.first,
              case .simple(let sc) = first else { return [] }
        let savedNoglob = environment.options.noglob
        environment.options.noglob = true
        defer { environment.options.noglob = savedNoglob }
        return Array(try expander.expandWords(sc.words).dropFirst())
    }

    /// Calls a `-F` function with COMP_* set; its COMPREPLY are the matches.
    func runCompletionFunction(_ name: ByteString, word: ByteString, context: CompletionContext) throws -> [ByteString] {
        guard let f = functions[name] else {
            writeAll(2, "\n\(programName): \(name): function not found\n")
            return []
        }
        setCompletionVariables(context)
        try? variables.assignValue("COMPREPLY", .indexed(IndexedArray([])))
        let previous = context.wordIndex > 0 && context.wordIndex - 1 < context.words.count ? context.words[context.wordIndex - 1] : ""
        let status = try withoutJobControl { try callFunction(f, arguments: [context.commandName, word, previous]) }
        lastCompletionFunctionStatus = status
        let reply: [ByteString]
        switch variables.variable("COMPREPLY")?.value {
        case .indexed(let a)?: reply = a.values
        case .string(let s)?: reply = [s]
        case .associative(let a)?: reply = a.values
        case nil: reply = []
        }
        return reply
    }

    /// Runs a `-C` command with COMP_* set; each line of its output is a match.
    func runCompletionCommand(_ command: ByteString, word: ByteString, context: CompletionContext) throws -> [ByteString] {
        setCompletionVariables(context)
        let previous = context.wordIndex > 0 ? context.words[context.wordIndex - 1] : ""
        let text = "__weir_complete_output=$(" + command + " " + quoteWord(context.commandName) + " " + quoteWord(word)
            + " " + quoteWord(previous) + ")"
        _ = try withoutJobControl { try runSource(SourceFile(name: "complete -C", text: text), syntaxErrorExits: false) }
        let output = variables.value("__weir_complete_output") ?? ""
        try? variables.unset("__weir_complete_output")
        return output.split(separator: 0x0A)
    }

    /// Completion code runs while the editor holds the terminal: its commands must not
    /// take it (job control is off meanwhile) or change its modes.
    func withoutJobControl<T>(_ body: () throws -> T) throws -> T {
        let monitor = options.monitor
        options.monitor = false
        defer { options.monitor = monitor }
        return try body()
    }

    func setCompletionVariables(_ c: CompletionContext) {
        try? variables.assign("COMP_LINE", c.line)
        try? variables.assign("COMP_POINT", ByteString(c.point))
        try? variables.assign("COMP_CWORD", ByteString(c.wordIndex))
        try? variables.assign("COMP_TYPE", ByteString(c.type))
        try? variables.assign("COMP_KEY", "9")
        try? variables.assignValue("COMP_WORDS", .indexed(IndexedArray(c.words)))
    }

    func clearCompletionVariables() {
        for n in ["COMP_LINE", "COMP_POINT", "COMP_CWORD", "COMP_TYPE", "COMP_KEY", "COMP_WORDS"] {
            try? variables.unset(ByteString(n))
        }
    }

    func quoteWord(_ s: ByteString) -> ByteString {
        var out: ByteString = "'"
        for b in s {
            if b == UInt8(ascii: "'") { out += "'\\''" } else { out.append(b) }
        }
        out.append(UInt8(ascii: "'"))
        return out
    }

    /// COMP_WORDS for a line: words split at blanks and at COMP_WORDBREAKS characters
    /// (each run of those a word of its own), quotes kept; the index of the word the
    /// cursor is in (an empty word when it follows a blank); the start of the current
    /// command (after `;`, `|`, `&`, `(`).
    public func completionWords(line: ByteString, point: Int) -> (words: [ByteString], index: Int, commandStart: Int) {
        let breaks = variables.value("COMP_WORDBREAKS") ?? " \t\n\"'><=;|&(:"
        let upto = min(point, line.count)
        // The current command starts after the last command separator outside quotes.
        var commandStart = 0
        var quote: UInt8 = 0
        var i = 0
        while i < upto {
            let b = line[i]
            if quote != 0 {
                if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { i += 2; continue }
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\\") {
                i += 2
                continue
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
            } else if b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: "&") || b == UInt8(ascii: "(") {
                commandStart = i + 1
            }
            i += 1
        }
        // Words with their ranges; the cursor's word is the one it touches.
        var words: [(text: ByteString, start: Int, end: Int)] = []
        var current: ByteString = ""
        var wordStart = -1
        quote = 0
        i = commandStart
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }
        func finish() {
            if wordStart >= 0 { words.append((current, wordStart, i)) }
            current = ""
            wordStart = -1
        }
        while i < line.count {
            let b = line[i]
            if quote != 0 {
                current.append(b)
                if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") && i + 1 < line.count { current.append(line[i + 1]); i += 2; continue }
                if b == quote { quote = 0 }
                i += 1
                continue
            }
            if isBlank(b) { finish(); i += 1; continue }
            // Quotes quote, even though COMP_WORDBREAKS holds them (bash).
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                if wordStart < 0 { wordStart = i }
                quote = b
                current.append(b)
                i += 1
                continue
            }
            if breaks.contains(b) {
                finish()
                wordStart = i
                while i < line.count, breaks.contains(line[i]), !isBlank(line[i]) { current.append(line[i]); i += 1 }
                finish()
                continue
            }
            if wordStart < 0 { wordStart = i }
            if b == UInt8(ascii: "\\") && i + 1 < line.count { current.append(b); current.append(line[i + 1]); i += 2; continue }
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") { quote = b }
            current.append(b)
            i += 1
        }
        finish()
        var index = words.firstIndex(where: { $0.start <= upto && upto <= $0.end }) ?? -1
        // A word that ends where the next begins (`a=b`): the cursor belongs to the later one
        // only when it is past the earlier one's end.
        if index >= 0, index + 1 < words.count, words[index + 1].start == upto { index += 1 }
        var texts = words.map(\.text)
        if index < 0 {
            // After a blank: a new, empty word.
            index = words.firstIndex(where: { $0.start > upto }) ?? words.count
            texts.insert("", at: index)
        }
        let words_ = texts
        return (words_, index, commandStart)
    }

    /// Tab completion through `complete`'s specifications. nil when no spec applies (the
    /// shell's own completion, then the editor's file names, take over).
    public func programmableCompletion(word: ByteString, line: ByteString, point: Int) -> CompletionOutcome? {
        let (words, index, commandStart) = completionWords(line: line, point: point)
        let commandLine = line.slice(commandStart..<line.count)
        let context0 = CompletionContext(line: commandLine, point: max(0, point - commandStart), words: words,
                                         wordIndex: index, commandName: words.first ?? "")
        var spec: CompletionSpec?
        let commandName = words.first ?? ""
        if words.count <= 1 && commandName.isEmpty {
            spec = completionSpecs.emptySpec
        } else if index == 0 {
            spec = completionSpecs.initialSpec
        } else {
            spec = lookupSpec(commandName)
        }
        guard var current = spec else { return nil }
        defer { clearCompletionVariables() }
        var attempts = 0
        while true {
            currentCompletionOptions = current.options
            lastCompletionFunctionStatus = 0
            var matches = (try? generateMatches(current, word: word, context: context0)) ?? []
            // 124 from a `-D` (or any) function: it loaded a new spec; look again (bash).
            if lastCompletionFunctionStatus == 124, attempts < 8, let again = lookupSpec(commandName) {
                attempts += 1
                current = again
                continue
            }
            var options = currentCompletionOptions ?? current.options
            currentCompletionOptions = nil
            if matches.isEmpty && options.contains("dirnames") { matches = actionMatches(.directory, word: word); options.insert("filenames") }
            let fallBack = matches.isEmpty && (options.contains("default") || options.contains("bashdefault"))
            if !options.contains("nosort") { matches = Array(Set(matches)).sorted(by: ShellLocale.precedes) }
            return CompletionOutcome(matches: matches, options: options, fallBackToFileNames: fallBack)
        }
    }

    /// The spec for a command: by its name, then by its last path component, then `-D`.
    func lookupSpec(_ name: ByteString) -> CompletionSpec? {
        if let s = completionSpecs.byCommand[name] { return s }
        if let slash = name.lastIndex(of: UInt8(ascii: "/")), let s = completionSpecs.byCommand[name.slice(from: slash + 1)] { return s }
        return completionSpecs.defaultSpec
    }
}
