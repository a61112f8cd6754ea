import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// The `trap` table: an action per signal, plus EXIT (0), ERR, RETURN and DEBUG.
public struct TrapTable {
    public enum Action: Equatable {
        case command(ByteString)
        case ignore
    }

    /// Signal number → action (0 is EXIT).
    public private(set) var actions: [Int32: Action] = [:]
    public var errTrap: ByteString?
    public var returnTrap: ByteString?
    public var debugTrap: ByteString?
    /// Counts `trap` commands that set or clear ERR, DEBUG or RETURN: a function that
    /// does so keeps its change when it returns (a trap is the shell's, not the
    /// function's), while one that does not gets the caller's back.
    public private(set) var pseudoTrapChanges = 0

    /// `trap … ERR|RETURN|DEBUG` (kind -1, -2, -3).
    public mutating func setPseudoTrap(_ kind: Int32, _ action: ByteString?) {
        switch kind {
        case -1: errTrap = action
        case -2: returnTrap = action
        case -3: debugTrap = action
        default: return
        }
        pseudoTrapChanges &+= 1
    }
    /// The parent's traps, which `trap` still prints in a subshell until one is set there
    /// (bash, so that `saved=$(trap)` works).
    public var inherited: [Int32: Action]?
    /// Signals that were ignored when a non-interactive shell started: they stay ignored.
    /// Asked of signals.c when first needed (it notes each signal's inherited disposition
    /// before the shell first changes it); set outright by an interactive shell (none)
    /// and a background subshell (INT and QUIT).
    public var ignoredAtStart: SignalSet {
        get { ignoredAtStartSet ?? SignalSet(bits: weir_signals_ignored_at_start()) }
        set { ignoredAtStartSet = newValue }
    }
    private var ignoredAtStartSet: SignalSet?

    public init() {}

    public var exitTrap: ByteString? {
        get { if case .command(let c)? = actions[0] { return c }; return nil }
        set { actions[0] = newValue.map { .command($0) } }
    }

    /// A signal with a trap arrived since the shell last ran the traps (the flag is the
    /// C handler's: signals.c).
    public var hasPending: Bool { weir_signal_trap_pending_now() != 0 }

    public func isIgnored(_ sig: Int32) -> Bool { actions[sig] == .ignore }

    /// True when a trap is set for any signal (not just EXIT, ERR, DEBUG or RETURN).
    public var hasSignalTraps: Bool { actions.keys.contains { $0 > 0 } }

    /// True when a trap would run later in this process: EXIT, ERR, or a signal's
    /// command. (A process that may still have to run one must not exec a command in
    /// its place.)
    public var hasAnyTrap: Bool {
        errTrap != nil || actions.contains { if case .command = $0.value { return true }; return false }
    }

    /// The signals a trap command catches (a child must not start with the handler).
    public var caughtSignals: [Int32] {
        actions.compactMap { sig, action in
            if sig > 0, case .command = action { return sig }
            return nil
        }
    }

    public func action(for sig: Int32) -> Action? { actions[sig] }

    /// What `trap` lists: the traps set here, or in a fresh subshell the parent's.
    public func displayedAction(for sig: Int32) -> Action? { inherited.map { $0[sig] } ?? actions[sig] }

    /// Records a trap, or clears it (nil). The disposition is `Shell.setTrap`'s.
    mutating func record(_ sig: Int32, _ action: Action?) {
        inherited = nil
        actions[sig] = action
    }

    /// In a subshell, caught signals go back to their defaults; ignored ones stay
    /// ignored. The EXIT trap is not inherited; ERR is with `set -E`, DEBUG and RETURN
    /// with `set -T` (bash). Returns the signals whose trap was dropped.
    mutating func resetForSubshell(errtrace: Bool = false, functrace: Bool = false) -> [Int32] {
        let parent = actions
        var dropped: [Int32] = []
        for (sig, a) in actions where sig > 0 {
            if case .command = a {
                actions[sig] = nil
                dropped.append(sig)
            }
        }
        inherited = parent
        actions[0] = nil
        if !errtrace { errTrap = nil }
        if !functrace {
            returnTrap = nil
            debugTrap = nil
        }
        return dropped
    }

    /// Takes the trapped signals caught since the last look, in signal order.
    func takePending() -> [Int32] {
        guard weir_signal_take_trap_pending() != 0 else { return [] }
        var out: [Int32] = []
        for sig in trappedSignals where weir_signal_take(sig) != 0 { out.append(sig) }
        return out
    }

    /// The first trapped signal waiting to be handled (for `wait`'s 128+N).
    func firstPending() -> Int32? { trappedSignals.first { weir_signal_peek($0) != 0 } }

    /// The signals with a trap command, in order.
    var trappedSignals: [Int32] { caughtSignals.sorted() }
}

extension Shell {
    /// Sets or clears a trap and gives the signal the disposition that goes with it: the
    /// one place the shell's own action for a signal is decided. A signal without a trap
    /// is ignored when the shell ignores it for itself (job control, an interactive
    /// shell), SIGCHLD is watched (the shell reaps between commands), and any other
    /// goes back to its default.
    public func setTrap(_ sig: Int32, _ action: TrapTable.Action?) {
        traps.record(sig, action)
        if sig > 0 { applyDisposition(sig) }
    }

    func applyDisposition(_ sig: Int32) {
        switch traps.action(for: sig) {
        case .command?: weir_signal_trap(sig)
        case .ignore?: weir_signal_ignore(sig)
        case nil:
            if shellIgnores.contains(sig) {
                // At the prompt Ctrl-C must still stop a loop of builtins: SIGINT is
                // caught, and the shell abandons the command line (interruptAtPrompt).
                // Without SA_RESTART, so that it also ends a `read` or `wait` of the shell.
                if sig == SIGINT && interactive { weir_signal_trap(sig) } else { weir_signal_ignore(sig) }
            } else if sig == SIGCHLD {
                weir_signal_watch_children()
            } else {
                weir_signal_set_default(sig)
            }
        }
    }

    /// Between commands: reaps background children that ended (so `kill -0 $!` sees
    /// them gone) and runs the traps of signals that arrived.
    @inline(__always)
    func serviceSignals() throws {
        // The common case, nothing came: one inline read of the handler's flags.
        guard weir_signal_anything_pending() != 0 else { return }
        // The jobs stay in the table: `wait %1` right after `kill %1` still finds its
        // job (dropEndedJobs drops the ended ones).
        if weir_signal_take_children_changed() != 0 && jobs.hasChildrenToReap { jobs.reapFinished() }
        try interruptAtPrompt()
        if traps.hasPending { try runPendingTraps() }
    }

    /// An interactive shell with no INT trap, given Ctrl-C while it runs builtins (a
    /// loop, a wait in the shell): the command line is abandoned with status 130, as
    /// bash jumps back to its prompt.
    public func interruptAtPrompt() throws {
        guard interactive, !isSubshell, traps.action(for: SIGINT) == nil, weir_signal_take(SIGINT) != 0 else { return }
        writeAll(2, "\n")
        environment.lastStatus = 130
        throw AbortCommandLine(status: 130)
    }

    /// Runs `body`; an EINTR it reports because of Ctrl-C abandons the line at the prompt.
    func abandoningOnInterrupt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ShellError where e.errno == EINTR {
            try interruptAtPrompt()
            throw e
        }
    }

    /// Runs the actions of signals caught since the last check, keeping `$?` and
    /// PIPESTATUS (bash's save_pipestatus_array: a CHLD trap must not hide them).
    public func runPendingTraps() throws {
        try interruptAtPrompt()
        for sig in traps.takePending() {
            guard case .command(let text)? = traps.action(for: sig) else { continue }
            let saved = environment.lastStatus
            let savedPipeStatus = pipeStatus
            _ = try runTrapAction(text, status: saved)
            environment.lastStatus = saved
            pipeStatus = savedPipeStatus
        }
    }

    /// Parses and runs trap text.
    @discardableResult
    func runTrapAction(_ text: ByteString, status: Int32) throws -> Int32 {
        environment.lastStatus = status
        // `exit` or `return` with no number in the action use the status from before the
        // trap (POSIX), not that of the action's last command.
        let savedEntry = trapContext.trapEntry
        trapContext.trapEntry = (status, functionDepth)
        defer { trapContext.trapEntry = savedEntry }
        let source = SourceFile(name: "trap", text: text)
        let parser = Parser(source: source, aliases: self)
        let savedSource = currentSource
        // The command the trap interrupted keeps its line (LINENO, messages, an ERR trap
        // it sets off after the trap).
        let savedLine = (lineSource, lineOffset)
        // In a DEBUG, ERR or RETURN trap a function called from the action is called from
        // the line LINENO holds (BASH_LINENO, `caller`); in others, from the action's own
        // line, as in bash.
        let savedTrapSite = trapContext.trapCallSite
        trapContext.trapCallSite = trapContext.trapLineSite.map { (source, $0.source, $0.offset) }
        currentSource = source
        defer {
            currentSource = savedSource
            (lineSource, lineOffset) = savedLine
            trapContext.trapCallSite = savedTrapSite
        }
        do {
            while let list = try parser.parseNextCommand() { try runCommandLine(list, counted: false) }
        } catch let e as SyntaxError {
            writeText(2, e.render(in: source, program: programName, dialect: messageDialect))
            return 2
        }
        return environment.lastStatus
    }

    /// After a failure: the ERR trap unless it is running already, as bash does.
    func runErrTrap(_ status: Int32) throws {
        guard let t = traps.errTrap else { return }
        let alreadyRunning = trapContext.isRunningErrTrap
        trapContext.isRunningErrTrap = true
        defer { trapContext.isRunningErrTrap = alreadyRunning }
        if alreadyRunning { return }
        let savedLine = (trapContext.trapLine, trapContext.trapLineSite)
        if trapContext.trapLine == nil { (trapContext.trapLine, trapContext.trapLineSite) = (currentLineNumber, (lineSource, lineOffset)) }
        defer { (trapContext.trapLine, trapContext.trapLineSite) = savedLine }
        _ = try runTrapAction(t, status: status)
        environment.lastStatus = status
    }

    /// Runs the DEBUG trap, if one is set, before the command at `span`.
    @inline(__always)
    /// `source`: the text `span` is in, when it is not the current line's.
    func debugTrap(before span: Span, in source: SourceFile? = nil) throws {
        // Not inside the DEBUG trap's own action; inside other trap actions it runs too
        // (bash: bats reads the failing line from the trace it keeps there).
        if let t = traps.debugTrap, !trapContext.isRunningDebugTrap { try runDebugTrap(t, before: span, in: source) }
    }

    /// The DEBUG trap, before a simple command, `[[ ]]`, `(( ))`, `case` or a `for (( ))`
    /// expression runs; `$?` and `$BASH_COMMAND` are those of the command it precedes.
    /// Inside another trap's action `$BASH_COMMAND` stays the command the trap
    /// interrupted (bash).
    func runDebugTrap(_ action: ByteString, before span: Span, in source: SourceFile? = nil) throws {
        trapContext.isRunningDebugTrap = true
        defer { trapContext.isRunningDebugTrap = false }
        if trapContext.trapEntry == nil {
            trapContext.bashCommandSpan = span
            trapContext.bashCommandSource = source ?? lineSource
        }
        let savedLine = (trapContext.trapLine, trapContext.trapLineSite)
        if trapContext.trapLine == nil { (trapContext.trapLine, trapContext.trapLineSite) = (currentLineNumber, (lineSource, lineOffset)) }
        defer { (trapContext.trapLine, trapContext.trapLineSite) = savedLine }
        let s = environment.lastStatus
        _ = try runTrapAction(action, status: s)
        environment.lastStatus = s
    }

    func runReturnTrap() throws {
        guard let t = traps.returnTrap, !trapContext.isRunningReturnTrap else { return }
        trapContext.isRunningReturnTrap = true
        defer { trapContext.isRunningReturnTrap = false }
        // LINENO in the action is the line the function returned from (bash).
        let savedLine = (trapContext.trapLine, trapContext.trapLineSite)
        if trapContext.trapLine == nil { (trapContext.trapLine, trapContext.trapLineSite) = (currentLineNumber, (lineSource, lineOffset)) }
        defer { (trapContext.trapLine, trapContext.trapLineSite) = savedLine }
        let s = environment.lastStatus
        _ = try runTrapAction(t, status: s)
        environment.lastStatus = s
    }

    /// The EXIT trap, once, when the shell ends.
    /// Ends the shell from where it is: a script's EXIT trap runs here, with the functions
    /// that were running still on the stack (bash: FUNCNAME and BASH_LINENO in it), and
    /// the ShellExit returned unwinds to the top with the status (the trap's `exit N`
    /// wins). An interactive shell runs it when it ends (it may not end: stopped jobs).
    public func exiting(_ status: Int32) -> ShellExit {
        environment.lastStatus = status
        if !interactive { runExitTrap() }
        return ShellExit(environment.lastStatus)
    }

    /// While it runs, `trap` still lists it; one set inside it is listed too but never
    /// runs (bash).
    public func runExitTrap() {
        guard !ranExitTrap, let t = traps.exitTrap else { return }
        ranExitTrap = true
        defer { traps.exitTrap = nil }
        let s = environment.lastStatus
        do { _ = try runTrapAction(t, status: s) } catch let e as ShellExit {
            environment.lastStatus = e.status
            return
        } catch {}
        environment.lastStatus = s
    }
}
