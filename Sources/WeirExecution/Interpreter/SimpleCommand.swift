import Glibc
import WeirSyntax
import WeirExpansion
import CWeirSys

/// What a command name turned out to be.
enum ResolvedCommand {
    case builtin(Builtin)
    case function(FunctionDefinition)
    case external(ByteString)
    case notFound

    /// A program to run or nothing found: not shell code.
    var isProgramOrNothing: Bool {
        switch self {
        case .external, .notFound: return true
        case .builtin, .function: return false
        }
    }
}

/// What a command name resolved to, and when (SimpleCommand.resolutionCache).
final class CachedResolution {
    let name: ByteString
    let generation: UInt64
    let resolved: ResolvedCommand

    init(_ name: ByteString, _ generation: UInt64, _ resolved: ResolvedCommand) {
        self.name = name
        self.generation = generation
        self.resolved = resolved
    }
}

extension Shell {
    /// Records the line being run (LINENO, messages).
    @inline(__always)
    func setLine(_ span: Span) {
        if let src = currentSource {
            lineOffset = span.start
            if lineSource !== src { lineSource = src }  // no retain and release per command
        }
    }

    /// Reports an error and does what its kind calls for (`ShellError.Kind.consequence`,
    /// POSIX 2.8.1): ends a non-interactive shell, abandons the command line, or fails
    /// the command, whose status it returns. The one place an error's effect is decided.
    @discardableResult
    func fail(_ e: ShellError) throws -> Int32 {
        report(e)
        environment.lastStatus = e.status
        switch e.kind.consequence(interactive: interactive) {
        case .exitShell where specialBuiltinsUnderCommand > 0: throw CommandFailure(status: e.status)
        case .exitShell: throw exiting(e.status)
        case .abortCommandLine: throw AbortCommandLine(status: e.status)
        case .failCommand: return e.status
        }
    }

    /// Writes an error's message: `weir: FILE:LINE: message` (a syntax error carries
    /// its own place and caret).
    public func report(_ e: ShellError) {
        guard !e.message.isEmpty else { return }
        if e.kind == .syntax || e.carriesLocation {
            writeText(2, (messageDialect == .bash ? "" : programName + ": ") + e.message + "\n")
        } else {
            error(e.message)
        }
    }

    /// A variable store's error as the shell reports it: an assignment error.
    func assignmentError(_ e: VariableError) -> ShellError { ShellError(e.message, kind: .assignment) }

    /// POSIX's lookup order: special builtins, functions, builtins, then PATH.
    func resolve(_ name: ByteString) -> ResolvedCommand {
        if let b = builtins[name] {
            if b.special { return .builtin(b) }
            if let f = functions[name] { return .function(f) }
            return .builtin(b)
        }
        if let f = functions[name] { return .function(f) }
        if let path = findExecutable(name) { return .external(path) }
        return .notFound
    }

    /// `resolve`, remembered on the command node: a loop that runs the same command again
    /// skips the builtin, function and hash-table lookups while none of them changed.
    @inline(__always)
    func cachedResolve(_ name: ByteString, _ sc: SimpleCommand) -> ResolvedCommand {
        if let memo = sc.resolutionCache {
            let c = unsafeDowncast(memo, to: CachedResolution.self)
            if c.generation == resolutionGeneration && c.name == name { return c.resolved }
        }
        let r = resolve(name)
        switch r {
        case .builtin, .function: sc.resolutionCache = CachedResolution(name, resolutionGeneration, r)
        case .external where options.hashall && commandHash[name] != nil:
            sc.resolutionCache = CachedResolution(name, resolutionGeneration, r)
        default: break
        }
        return r
    }

    public func runSimple(_ sc: SimpleCommand) throws -> Int32 {
        let mayReplaceShell = execInPlace
        execInPlace = false
        setLine(sc.span)
        try debugTrap(before: sc.span)
        if trapContext.trapEntry == nil {
            trapContext.bashCommandSpan = sc.span
            if trapContext.bashCommandSource !== currentSource { trapContext.bashCommandSource = currentSource }
        }
        let exp = expander
        let substitutionsBefore = commandSubstitutionCount
        var argv: [ByteString]
        do {
            argv = try expandArguments(sc, exp)
        } catch let e as ShellError {
            return try fail(e)
        }

        if argv.isEmpty {
            return try runAssignmentsOnly(sc, substitutionsBefore: substitutionsBefore)
        }

        let resolved = cachedResolve(argv[0], sc)
        if options.xtrace { traceCommand(sc, argv) }
        defer { lastArgument = argv[argv.count - 1] }

        // `shopt -s autocd` at the prompt: a directory named as a command (not a function or
        // builtin) is cd'd into; bash shows the cd it runs.
        if interactive, resolved.isProgramOrNothing, shoptValue("autocd") == true, isDirectory(argv[0]),
           let cd = builtins["cd"] {
            writeAll(2, "cd -- " + argv[0] + "\n")
            return try runBuiltin(cd, sc, ["cd", "--"] + argv)
        }
        switch resolved {
        case .external(let path):
            return try runExternal(sc, path: path, argv: argv, mayReplaceShell: mayReplaceShell)
        case .notFound:
            // `PATH=dir cmd` looks for cmd in the new PATH (bash, dash).
            if sc.assignments.contains(where: { $0.name == "PATH" }) {
                return try runExternal(sc, path: nil, argv: argv, mayReplaceShell: mayReplaceShell)
            }
            return try commandNotFound(sc, argv)
        case .builtin(let b):
            return try runBuiltin(b, sc, argv)
        case .function(let f):
            return try runFunctionCommand(f, sc, argv)
        }
    }

    /// Expands a command's words. An array assignment given to `declare`, `local` … is
    /// remembered by its argument index, for the builtin to apply (`local -a xs=(1 2)`).
    func expandArguments(_ sc: SimpleCommand, _ exp: Expander) throws -> [ByteString] {
        if !declarationArrays.isEmpty { declarationArrays = [:] }
        guard sc.words.contains(where: { $0.isAssignment }) else { return try exp.expandWords(sc.words) }
        var argv: [ByteString] = []
        for w in sc.words {
            if w.isAssignment, let last = w.parts.last, case .arrayLiteral(let elements) = last.kind,
               let first = w.parts.first, case .literal(let head) = first.kind, w.parts.count == 2 {
                let append = head.hasSuffix("+=")
                let name = ByteString(head.dropLast(append ? 2 : 1))
                declarationArrays[argv.count] = (name, append, elements)
            }
            try exp.expandWord(w, into: &argv)
        }
        return argv
    }

    /// `builtin declare …`, `command typeset …`: the words before the declaration builtin
    /// are dropped, so the array assignments move down by as many arguments.
    public func dropDeclarationArguments(_ n: Int) {
        guard n > 0, !declarationArrays.isEmpty else { return }
        declarationArrays = Dictionary(uniqueKeysWithValues: declarationArrays.map { ($0.key - n, $0.value) })
    }

    /// The array assignment given as argument `index` of a declaration builtin.
    public func declarationArray(at index: Int) -> (name: ByteString, append: Bool, elements: [ArrayElement])? {
        declarationArrays[index]
    }

    /// Makes a command's redirections, saving what they replace. On failure the error is
    /// reported and has its effect for a redirection of `owner` (`fail`); when that
    /// leaves the shell running, nil comes back and the command does not run.
    @inline(__always)
    func applyCommandRedirections(_ redirections: [Redirection], owner: ShellError.RedirectionOwner = .other) throws -> SavedDescriptors? {
        // Most commands have none: nothing to call.
        guard !redirections.isEmpty else { return SavedDescriptors() }
        return try applyOwnRedirections(redirections, owner: owner)
    }

    func applyOwnRedirections(_ redirections: [Redirection], owner: ShellError.RedirectionOwner) throws -> SavedDescriptors? {
        do {
            return try applyRedirections(try planRedirections(redirections), save: true)
        } catch var e as ShellError {
            if case .redirection = e.kind { e.kind = .redirection(owner) }
            try fail(e)
            return nil
        }
    }

    /// Assignments and redirections with no command: the redirections are made first
    /// (POSIX order; a substitution in an assignment sees them), the assignments stay, and
    /// the status is that of the last command substitution, or 0.
    func runAssignmentsOnly(_ sc: SimpleCommand, substitutionsBefore: Int) throws -> Int32 {
        guard let saved = try applyCommandRedirections(sc.redirections) else { return environment.lastStatus }
        defer { restore(saved) }
        let before = substitutionsBefore
        for a in sc.assignments {
            do {
                if options.xtrace { trace([try assignmentTraceText(a)], quote: false) }
                try performAssignment(a)
            } catch let e as ShellError {
                return try fail(e)
            } catch let e as VariableError {
                return try fail(assignmentError(e))
            }
        }
        return commandSubstitutionCount != before ? environment.lastStatus : 0
    }

    /// `name=value` as `set -x` shows it (before the assignment is made).
    func assignmentTraceText(_ a: Assignment) throws -> ByteString {
        let op: ByteString = a.append ? "+=" : "="
        switch a.value {
        case .scalar(let w):
            return a.name + op + traceQuote(try expander.expandAssignmentValue(w))
        case .array(let els):
            var items: [ByteString] = []
            for e in els {
                let v = traceQuote(try expander.expandString(e.value))
                if let k = e.key { items.append("[" + (try expander.expandString(k)) + "]=" + v) } else { items.append(v) }
            }
            return a.name + op + "(" + items.joined(separator: " ") + ")"
        }
    }

    func assignmentTraceValue(_ a: Assignment) throws -> ByteString {
        switch a.value {
        case .scalar: return variables.value(a.name) ?? ""
        case .array(let els): return "(" + els.map { (try? expander.expandString($0.value)) ?? "" }.joined(separator: " ") + ")"
        }
    }

    /// Performs one assignment word in the shell's variables.
    public func performAssignment(_ a: Assignment, exporting: Bool = false, temporary: Bool = false) throws {
        let exp = expander
        switch a.value {
        case .scalar(let w):
            let value = try exp.expandAssignmentValue(w)
            if temporary && a.index == nil {
                if a.append {
                    try variables.assignTemporary(a.name, (variables.value(a.name) ?? "") + value)
                } else {
                    try variables.assignTemporary(a.name, value)
                }
                return
            }
            if let index = a.index {
                let isAssoc = variables.variable(a.name)?.attributes.contains(.associativeArray) == true
                if isAssoc {
                    try variables.assignElement(a.name, index: nil, key: try exp.expandString(index), value, append: a.append)
                } else {
                    let text = try exp.expandString(index)
                    var i = Int(try ArithmeticEvaluator(environment: environment).evaluate(text: text))
                    if i < 0, case .indexed(let arr)? = variables.variable(a.name)?.value { i += arr.end }
                    if i < 0 { throw ShellError("\(a.name)[\(text)]: bad array subscript", kind: .commandFailure) }
                    try variables.assignElement(a.name, index: i, key: nil, value, append: a.append)
                }
            } else {
                try variables.assign(a.name, value, append: a.append)
            }
        case .array(let elements):
            if a.index != nil {
                throw VariableError.cannotAssign("\(a.name)[\(sourceText(a.index!.span))]: cannot assign list to array member")
            }
            if temporary {
                // Before a command, an array literal is the text as written, in the
                // command's environment only (bash: `B=(1 2) env` shows `B=(1 2)`).
                try variables.assignTemporary(a.name, sourceText(a.valueSpan))
                return
            }
            try assignArray(a.name, elements, append: a.append)
        }
        if exporting { try variables.setAttributes(a.name, add: .exported) }
    }

    /// One past the last index of the indexed array `name`; nil when it is not one.
    func indexedArrayEnd(_ name: ByteString) -> Int? {
        guard let v = variables.variable(name), !v.attributes.contains(.associativeArray),
              case .indexed(let a)? = v.value else { return nil }
        return a.end
    }

    /// `name=(…)` and `name+=(…)`, in bash's order: every value is expanded first, left
    /// to right; then (for `=`) the array is emptied; then each key is evaluated and its
    /// element set, one after the other, so a key can see the elements set before it.
    public func assignArray(_ name: ByteString, _ elements: [ArrayElement], append: Bool) throws {
        let exp = expander
        let isAssoc = variables.variable(name)?.attributes.contains(.associativeArray) == true
        var values: [[ByteString]] = []
        values.reserveCapacity(elements.count)
        for e in elements {
            if e.key != nil {
                values.append([try exp.expandString(e.value)])
            } else if isAssoc {
                throw ShellError("\(name): \(try exp.expandString(e.value)): must use subscript when assigning associative array", kind: .commandFailure)
            } else {
                values.append(try exp.expandWords([e.value]))
            }
        }
        if !append {
            try variables.assignValue(name, isAssoc ? .associative(AssociativeArray()) : .indexed(IndexedArray()))
        } else if !isAssoc, elements.allSatisfy({ $0.key == nil }) {
            // The common `a+=(x y)`: added in place in one step.
            if try variables.appendToIndexedArray(name, values.flatMap { $0 }.map { (nil, $0) }) { return }
        }
        var next = indexedArrayEnd(name) ?? (variables.isSet(name) ? 1 : 0)
        for (e, vs) in zip(elements, values) {
            if let k = e.key {
                if isAssoc {
                    try variables.assignElement(name, index: nil, key: try exp.expandString(k), vs[0], append: e.append)
                    continue
                }
                let text = try exp.expandString(k)
                var i = Int(try ArithmeticEvaluator(environment: environment).evaluate(text: text))
                if i < 0 { i += indexedArrayEnd(name) ?? 0 }
                if i < 0 { throw VariableError.cannotAssign("\(name)[\(text)]: bad array subscript") }
                try variables.assignElement(name, index: i, key: nil, vs[0], append: e.append)
                next = i == Int.max ? Int.max : i + 1
            } else {
                for v in vs {
                    try variables.assignElement(name, index: next, key: nil, v)
                    next = next == Int.max ? Int.max : next + 1
                }
            }
        }
    }

    func commandNotFound(_ sc: SimpleCommand, _ argv: [ByteString]) throws -> Int32 {
        // `command_not_found_handle NAME ARGS…` runs instead of the error, in a subshell (bash),
        // for a name looked for in PATH.
        if !argv[0].contains(UInt8(ascii: "/")), let handler = functions["command_not_found_handle"] {
            guard let saved = try applyCommandRedirections(sc.redirections) else { return environment.lastStatus }
            defer { restore(saved) }
            return try runSubshell { [unowned self] in try self.callFunction(handler, arguments: argv) }
        }
        // Redirections are still performed (and can fail) before the error.
        guard let saved = try applyCommandRedirections(sc.redirections) else { return environment.lastStatus }
        reportNotFound(argv[0])
        restore(saved)
        return 127
    }

    func isDirectory(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    func reportNotFound(_ name: ByteString) {
        if name.contains(UInt8(ascii: "/")) {
            error("\(name): No such file or directory")
        } else {
            error("\(name): command not found")
        }
    }

    /// Runs a builtin in the shell, with its redirections saved and restored and its
    /// prefix assignments temporary (or, for special builtins, permanent).
    func runBuiltin(_ b: Builtin, _ sc: SimpleCommand, _ argv: [ByteString]) throws -> Int32 {
        var pushedScope = false
        // Declaration builtins make variables in the current scope: a temporary scope
        // around them would swallow `local`'s variables.
        let persists = b.special || b.declares
        if !sc.assignments.isEmpty {
            if !persists {
                variables.pushScope()
                pushedScope = true
            }
            for a in sc.assignments {
                do {
                    try performAssignment(a, exporting: !persists, temporary: !persists)
                } catch let e as VariableError {
                    if pushedScope { variables.popScope() }
                    return try fail(assignmentError(e))
                } catch let e as ShellError {
                    if pushedScope { variables.popScope() }
                    return try fail(e)
                }
            }
        }
        defer { if pushedScope { variables.popScope() } }
        guard let saved = try applyCommandRedirections(sc.redirections, owner: b.special ? .specialBuiltin : .other) else {
            return environment.lastStatus
        }
        defer {
            if keepingRedirections {
                keepingRedirections = false
                for (_, copy) in saved.saved where copy >= 0 { close(copy) }
            } else {
                restore(saved)
            }
        }
        var status: Int32
        BuiltinStdout.failure = 0
        do {
            status = try b.run(self, argv)
        } catch var e as ShellError {
            // The builtin's own error is a special builtin's when it is one (POSIX 2.8.1).
            if e.kind == .utility && b.special { e.kind = .specialBuiltin }
            return try fail(e)
        }
        if BuiltinStdout.failure != 0 {
            // A listing to a full disk or a closed descriptor fails, as in bash.
            error("\(argv[0]): write error: \(String(cString: strerror(BuiltinStdout.failure)))")
            BuiltinStdout.failure = 0
            if status == 0 { status = 1 }
        }
        return status
    }

    func runFunctionCommand(_ f: FunctionDefinition, _ sc: SimpleCommand, _ argv: [ByteString]) throws -> Int32 {
        var pushedScope = false
        if !sc.assignments.isEmpty {
            variables.pushScope()
            pushedScope = true
            for a in sc.assignments {
                do { try performAssignment(a, exporting: true, temporary: true) } catch let e as VariableError {
                    variables.popScope()
                    return try fail(assignmentError(e))
                }
            }
        }
        defer { if pushedScope { variables.popScope() } }
        guard let saved = try applyCommandRedirections(sc.redirections, owner: .function) else { return environment.lastStatus }
        defer { restore(saved) }
        return try callFunction(f, arguments: Array(argv.dropFirst()))
    }

    /// Calls a function: new positional parameters and a new scope for `local`.
    public func callFunction(_ f: FunctionDefinition, arguments: [ByteString]) throws -> Int32 {
        guard let profile else { return try callFunctionUnprofiled(f, arguments: arguments) }
        let wall = monotonicSeconds(), cpu = ScriptProfile.processCPU()
        defer { profile.function(f.name, wall: monotonicSeconds() - wall, cpu: ScriptProfile.processCPU() - cpu) }
        return try callFunctionUnprofiled(f, arguments: arguments)
    }

    func callFunctionUnprofiled(_ f: FunctionDefinition, arguments: [ByteString]) throws -> Int32 {
        // FUNCNEST, when a number above 0, is the limit (bash); otherwise only the stack is.
        let limit = variables.value("FUNCNEST").flatMap { Int(String(decoding: $0.bytes, as: UTF8.self)) } ?? 0
        if (limit > 0 && functionDepth >= limit) || StackGuard.isLow(reserving: 128 << 10) {
            error("\(f.name): maximum function nesting level exceeded (\(limit > 0 && functionDepth >= limit ? limit : functionDepth))")
            throw exiting(1)
        }
        let savedPositional = environment.positional
        environment.positional = arguments
        variables.pushScope()
        if let site = trapContext.trapCallSite, site.action === currentSource {
            callStack.pushFunction(f.name, from: site.source, at: site.offset)
        } else {
            callStack.pushFunction(f.name, from: lineSource, at: lineOffset)
        }
        // The body's places are in the text it was defined in (a sourced file, `eval`).
        let callerSource = currentSource
        if let s = f.source, s !== callerSource { currentSource = s }
        let savedLoopDepth = loopDepth
        loopDepth = 0
        // Without `set -E`, functions do not inherit the ERR trap (bash).
        let savedErrTrap = traps.errTrap
        if !options.errtrace { traps.errTrap = nil }
        // Nor the DEBUG trap without `set -T`.
        let savedDebugTrap = traps.debugTrap
        if !options.functrace { traps.debugTrap = nil }
        // Nor the RETURN trap: it runs when the function that set it returns.
        let savedReturnTrap = traps.returnTrap
        if !options.functrace { traps.returnTrap = nil }
        let trapChangesBefore = traps.pseudoTrapChanges
        defer {
            // An ERR or DEBUG trap the function set stays set (traps are the shell's);
            // otherwise the caller's comes back (bash).
            let setInside = traps.pseudoTrapChanges != trapChangesBefore
            if !options.functrace && traps.returnTrap == nil { traps.returnTrap = savedReturnTrap }
            if !options.errtrace && !(setInside && traps.errTrap != nil) { traps.errTrap = savedErrTrap }
            if !options.functrace && !(setInside && traps.debugTrap != nil) { traps.debugTrap = savedDebugTrap }
            loopDepth = savedLoopDepth
            // After the call, the line is the call's again (an ERR trap for it says so).
            (lineSource, lineOffset) = callStack.popFunction()
            if currentSource !== callerSource { currentSource = callerSource }
            variables.popScope()
            environment.positional = savedPositional
        }
        var status: Int32
        do {
            // With `set -T` the DEBUG trap also runs as the function is entered, in its
            // frame, on the line where the body starts; $BASH_COMMAND is still the call
            // (bash; bats reads the stack there).
            if options.functrace, traps.debugTrap != nil {
                let call = (source: trapContext.bashCommandSource ?? callStack.frames.last?.callSource, span: trapContext.bashCommandSpan)
                setLine(f.body.span)
                try debugTrap(before: call.span, in: call.source)
            }
            if f.redirections.isEmpty {
                status = try runCompound(f.body)
            } else {
                status = try runCommand(.compound(f.body, redirections: f.redirections))
            }
        } catch ControlFlow.returnFromFunction(let s) {
            status = s
        } catch ControlFlow.breakLoop, ControlFlow.continueLoop {
            status = environment.lastStatus
        }
        if traps.returnTrap != nil { try runReturnTrap() }
        environment.lastStatus = status
        return status
    }

    /// Runs an external command: spawned and waited for, or exec'd in place when this is
    /// a child that ends with it.
    func runExternal(_ sc: SimpleCommand, path found: ByteString?, argv: [ByteString],
                     mayReplaceShell: Bool = false) throws -> Int32 {
        var env = childEnvironment()
        var path = found
        if !sc.assignments.isEmpty {
            // Prefix assignments go to the command's environment only.
            variables.pushScope()
            defer { variables.popScope() }
            for a in sc.assignments {
                do { try performAssignment(a, exporting: true, temporary: true) } catch let e as VariableError {
                    return try fail(assignmentError(e))
                } catch let e as ShellError {
                    return try fail(e)
                }
            }
            env = childEnvironment()
            if !argv[0].contains(UInt8(ascii: "/")) && sc.assignments.contains(where: { $0.name == "PATH" }) {
                path = searchPath(argv[0])
            }
        }
        guard let path else { return try commandNotFound(sc, argv) }
        let actions: [FdAction]
        do {
            actions = try planRedirections(sc.redirections)
        } catch let e as ShellError where e.kind == .expansion {
            // bash and dash make an external command's redirections in its child: an
            // expansion in them that fails (`cat <${f?}`, a here-document's `${x?}`,
            // `set -u`) ends that child alone, with the status it would end the shell with,
            // and the script goes on.
            report(e)
            environment.lastStatus = e.status
            return e.status
        } catch let e as ShellError {
            return try fail(e)
        }
        // A child that made its own FIFO directory stays to remove it after the command.
        // Not while a trap is set: the child must live on to run it.
        if mayReplaceShell && !traps.hasAnyTrap && processSubstitutions.directory == nil {
            return try execReplacing(path: path, argv: argv, env: env, actions: actions)
        }
        let pid: pid_t
        do {
            // The redirections are made in the child (a FIFO's open waits there, never
            // in the shell: a job then, which Ctrl-C ends and Ctrl-Z stops).
            pid = try launch(childPlan(.exec(path: path, argv: argv, environment: env), descriptors: actions,
                                       foreground: true))
        } catch let e as ShellError {
            return try fail(e)
        } catch let e as SpawnError {
            return try spawnFailed(e.code, path: path, argv: argv, env: env, actions: actions)
        }
        // The job is listed as it was typed (`sh -c 'sleep 30; echo done'`), as in bash.
        return waitForeground([pid], command: { let t = self.commandText(sc.span); return t.isEmpty ? argv.joined(separator: " ") : t }())
    }

    /// posix_spawn failed: a script without `#!` runs in a child weir; other errors
    /// become 126 or 127.
    func spawnFailed(_ code: Int32, path: ByteString, argv: [ByteString], env: [ByteString], actions: [FdAction]) throws -> Int32 {
        if code == ENOEXEC {
            let pid = try launch(childPlan(.shell {
                try self.runScriptFile(path, arguments: Array(argv.dropFirst()), name: argv[0])
            }, descriptors: actions, foreground: true))
            return waitForeground([pid])
        }
        return reportExecFailure(code, name: argv[0], path: path)
    }

    /// The message and status for an exec that failed with `code`.
    func reportExecFailure(_ code: Int32, name: ByteString, path: ByteString) -> Int32 {
        var st = stat()
        if path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            error("\(name): Is a directory")
            return 126
        }
        if code == ENOENT, path.withCString({ access($0, F_OK) }) == 0 {
            // The file is there: its `#!` interpreter (or ELF loader) is not (bash 5.2's words).
            error("\(name): cannot execute: required file not found")
            return 127
        }
        if code == ENOENT {
            if name.contains(UInt8(ascii: "/")) { error("\(name): No such file or directory") } else { error("\(name): command not found") }
            return 127
        }
        error("\(name): \(String(cString: strerror(code)))")
        return 126
    }

    /// Replaces this process with the command (`exec`, or the last command of a child).
    func execReplacing(path: ByteString, argv: [ByteString], env: [ByteString], actions: [FdAction]) throws -> Int32 {
        do {
            _ = try applyRedirections(actions, save: false)
        } catch let e as ShellError {
            report(e)
            return e.status
        }
        // An interactive shell, or one with `shopt -s execfail`, goes on after a failed exec.
        let survives = interactive || shoptValue("execfail") == true
        if survives { weir_signals_save() }
        resetSignalsForExec()
        defer { if survives { weir_signals_restore() } }
        var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { mallocCString($0) } + [nil]
        var cenv: [UnsafeMutablePointer<CChar>?] = env.map { mallocCString($0) } + [nil]
        path.withCString { _ = execve($0, &cargv, &cenv) }
        let code = errno
        for p in cargv { free(p) }
        for p in cenv { free(p) }
        if code == ENOEXEC {
            return try runScriptFile(path, arguments: Array(argv.dropFirst()), name: argv[0])
        }
        return reportExecFailure(code, name: argv[0], path: path)
    }
}
