import Glibc
import WeirSyntax
import WeirTracing
import WeirExpansion

/// The parts of the shell that builtins drive.
extension Shell {
    /// `shopt` flags weir knows.
    public static let shoptNames: [ByteString] = ["autocd", "assoc_expand_once", "cdable_vars", "cdspell", "checkhash", "checkjobs",
        "checkwinsize", "cmdhist", "compat31", "compat32", "compat40", "compat41", "compat42", "compat43", "compat44",
        "complete_fullquote", "direxpand", "dirspell", "dotglob", "execfail", "expand_aliases", "extdebug", "extglob",
        "extquote", "failglob", "force_fignore", "globasciiranges", "globskipdots", "globstar", "gnu_errfmt",
        "histappend", "histreedit", "histverify", "hostcomplete", "huponexit", "inherit_errexit", "interactive_comments",
        "lastpipe", "lithist", "localvar_inherit", "localvar_unset", "login_shell", "mailwarn",
        "no_empty_cmd_completion", "nocaseglob", "nocasematch", "noexpand_translation", "nullglob",
        "patsub_replacement", "progcomp", "progcomp_alias", "promptvars", "restricted_shell", "shift_verbose",
        "sourcepath", "varredir_close", "xpg_echo"]

    /// bash's shopt names that weir accepts and lists but that change nothing here (the
    /// features they tune are bash's: programmable completion, compatibility levels, mail,
    /// spelling correction …), with bash's default for each.
    static let acceptedShopts: [ByteString: Bool] = [
        "autocd": false, "assoc_expand_once": false, "cdable_vars": false, "cdspell": false, "checkhash": false,
        "checkjobs": false, "checkwinsize": true, "cmdhist": true, "compat31": false, "compat32": false,
        "compat40": false, "compat41": false, "compat42": false, "compat43": false, "compat44": false,
        "complete_fullquote": true, "direxpand": false, "dirspell": false, "execfail": false, "extdebug": false,
        "extquote": true, "force_fignore": true, "globasciiranges": true, "gnu_errfmt": false, "histappend": false,
        "histreedit": false, "histverify": false, "hostcomplete": true, "huponexit": false,
        "interactive_comments": true, "lithist": false, "localvar_inherit": false, "localvar_unset": false,
        "login_shell": false, "mailwarn": false, "no_empty_cmd_completion": false, "noexpand_translation": false,
        "patsub_replacement": true, "progcomp": true, "progcomp_alias": false, "promptvars": true,
        "restricted_shell": false, "shift_verbose": false, "sourcepath": true, "varredir_close": false,
    ]

    public func shoptValue(_ name: ByteString) -> Bool? {
        let o = environment.options
        switch name {
        case "dotglob": return o.dotglob
        case "extglob": return o.extglob
        case "failglob": return o.failglob
        case "globstar": return o.globstar
        case "nocaseglob": return o.nocaseglob
        case "nocasematch": return o.nocasematch
        case "nullglob": return o.nullglob
        case "expand_aliases": return expandAliases
        case "globskipdots": return o.globskipdots
        case "inherit_errexit", "lastpipe", "xpg_echo": return shoptFlags.contains(name)
        case "login_shell": return isLoginShell
        default:
            guard let d = Shell.acceptedShopts[name] else { return nil }
            return shoptFlags.contains(name) != d  // the set holds the ones changed from bash's default
        }
    }

    public func setShopt(_ name: ByteString, _ on: Bool) -> Bool {
        switch name {
        case "dotglob": environment.options.dotglob = on
        case "extglob": environment.options.extglob = on
        case "failglob": environment.options.failglob = on
        case "globstar": environment.options.globstar = on
        case "nocaseglob": environment.options.nocaseglob = on
        case "nocasematch": environment.options.nocasematch = on
        case "nullglob": environment.options.nullglob = on
        case "expand_aliases": expandAliases = on
        case "globskipdots": environment.options.globskipdots = on
        case "inherit_errexit", "lastpipe", "xpg_echo":
            if on { shoptFlags.insert(name) } else { shoptFlags.remove(name) }
        case "login_shell": break  // read-only: accepted and left as it is (bash)
        default:
            guard let d = Shell.acceptedShopts[name] else { return false }
            if on != d { shoptFlags.insert(name) } else { shoptFlags.remove(name) }
        }
        return true
    }

    /// A file for `.`/`source`: the first readable one in PATH, else the name itself.
    public func searchPathReadable(_ name: ByteString) -> ByteString? {
        for d in (variables.value("PATH") ?? "").components(separatedBy: UInt8(ascii: ":")) {
            let p = (d.isEmpty ? "." : d) + "/" + name
            var st = stat()
            if p.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFREG
                && p.withCString({ access($0, R_OK) }) == 0 { return p }
        }
        return nil
    }

    /// Runs a sourced file: `return` ends it; with arguments, they are `$@` meanwhile.
    public func runSourced(_ source: SourceFile, arguments: [ByteString]?) throws -> Int32 {
        let savedPositional = environment.positional
        if let a = arguments { environment.positional = a }
        sourceDepth += 1
        // A `source` frame in FUNCNAME / BASH_SOURCE / BASH_LINENO (bash).
        callStack.pushSource(source.name, from: lineSource, at: lineOffset)
        defer {
            callStack.popSource()
            sourceDepth -= 1
            if arguments != nil { environment.positional = savedPositional }
        }
        environment.lastStatus = 0
        var status: Int32
        do {
            status = try runSource(source, syntaxErrorExits: false)
        } catch ControlFlow.returnFromFunction(let s) {
            environment.lastStatus = s
            status = s
        }
        // The RETURN trap also runs when a sourced file finishes (bash).
        if traps.returnTrap != nil { try runReturnTrap() }
        return status
    }

    /// `eval`: runs text here; an assignment error inside it fails eval, not the shell.
    /// Its text counts its lines from the line of the `eval` command (LINENO, BASH_LINENO
    /// and messages say where in the file the command is, as in bash).
    public func runEval(_ source: SourceFile) throws -> Int32 {
        if lineSource != nil { source.firstLine = currentLineNumber }
        evalDepth += 1
        defer { evalDepth -= 1 }
        return try runSource(source, syntaxErrorExits: false)
    }

    /// True when `text` parses (trap actions are checked when set).
    public func isValidShellCode(_ text: ByteString) -> Bool {
        let p = Parser(source: SourceFile(name: "check", text: text), aliases: self)
        do {
            _ = try p.parseProgram()
            return true
        } catch {
            return false
        }
    }

    /// `exec` with only redirections: they stay after the builtin returns.
    public func keepRedirections() { keepingRedirections = true }

    /// `exec command`: replaces the shell process (the EXIT trap does not run: bash).
    public func execCommand(path: ByteString, argv: [ByteString], clearEnvironment: Bool) throws -> Int32 {
        return try execReplacing(path: path, argv: argv, env: clearEnvironment ? [] : childEnvironment(),
                                 actions: [])
    }

    /// `command name args`: a builtin or an external command, never a function.
    /// A special builtin run this way loses its special properties (POSIX 2.14): an error
    /// while it runs, even in the commands `eval` or `.` run for it, fails it instead of
    /// ending the shell.
    public func runCommandSkippingFunctions(_ argv: [ByteString], defaultPath: Bool) throws -> Int32 {
        if let b = builtins[argv[0]] {
            guard b.special else { return try b.run(self, argv) }
            specialBuiltinsUnderCommand += 1
            defer { specialBuiltinsUnderCommand -= 1 }
            do {
                return try b.run(self, argv)
            } catch let e as CommandFailure {
                environment.lastStatus = e.status
                return e.status
            }
        }
        let path = defaultPath ? searchPath(argv[0], path: standardUtilityPath) : findExecutable(argv[0])
        guard let p = path else {
            reportNotFound(argv[0])
            return 127
        }
        do {
            let pid = try launch(childPlan(.exec(path: p, argv: argv, environment: childEnvironment()),
                                           foreground: true))
            return waitForeground([pid], command: argv.joined(separator: " "))
        } catch let e as SpawnError {
            return try spawnFailed(e.code, path: p, argv: argv, env: childEnvironment(), actions: [])
        }
    }

    /// Frames for `caller`: line, function and file of each active call.
    public var callerFrames: [(line: Int, function: ByteString, file: ByteString)] {
        var frames: [(Int, ByteString, ByteString)] = []
        let stack = callStack.frames
        for (i, frame) in stack.enumerated() {
            let callerName = i == 0 ? "main" : stack[i - 1].name
            frames.append((frame.callLine, callerName, frame.callSource?.name ?? environment.scriptName))
        }
        return frames
    }

    // MARK: Jobs

    /// `%n`, `%+`, `%%`, `%-`, `%string`, `%?string`.
    public func job(forSpec spec: ByteString) -> Job? {
        jobs.reapFinished()
        let bg = jobs.jobs.filter { $0.background }
        guard spec.hasPrefix("%") else {
            if let pid = Int32(spec) { return jobs.job(forPid: pid) }
            return nil
        }
        let s = ByteString(spec.dropFirst())
        if s.isEmpty || s == "+" || s == "%" { return bg.last }
        if s == "-" { return bg.count >= 2 ? bg[bg.count - 2] : bg.last }
        if let n = Int(s) { return bg.first { $0.id == n } }
        if s.hasPrefix("?") { return bg.first { $0.command.contains(s.dropFirst()) } }
        return bg.first { $0.command.hasPrefix(s) }
    }

    /// The pids a `wait` operand names; nil when it names nothing.
    public func pids(forJobSpec spec: ByteString) -> [pid_t]? {
        if spec.hasPrefix("%") { return job(forSpec: spec)?.pids }
        guard let pid = Int32(spec) else { return nil }
        return [pid]
    }

    /// `wait PID…`: the status of the last; 127 for a pid that is not a child.
    public func waitForPids(_ pids: [pid_t]) -> Int32 {
        var status: Int32 = 0
        for p in pids {
            if !jobs.isKnown(p) {
                if let st = jobs.takeStatus(of: p) { status = ProcessState(waitStatus: st).status; continue }
                status = 127
                continue
            }
            guard let st = jobs.waitFor(p, interrupted: { self.traps.hasPending }) else {
                if traps.hasPending { return 128 + (pendingSignalNumber() ?? 0) }
                status = 127
                continue
            }
            let state = ProcessState(waitStatus: st)
            // A job no longer in the table was reported when it left it (dropEndedJobs).
            if let job = jobs.job(forPid: p) { reportSignalDeath(p, state, waited: true, command: job.command) }
            status = state.status
        }
        if traps.hasPending { return 128 + (pendingSignalNumber() ?? 0) }
        settleTracedJobs()
        jobs.pruneDone()
        forgetWaitedJobs(pids)
        return status
    }

    func pendingSignalNumber() -> Int32? { traps.firstPending() }

    /// The jobs `wait` saw end leave the table (those of the `waited` pids, or all); at a
    /// prompt they stay until their `Done` notice has been shown, as in bash.
    func forgetWaitedJobs(_ waited: [pid_t]? = nil) {
        if interactive { return }
        for j in jobs.jobs where j.isDone {
            if let waited, !j.pids.contains(where: waited.contains) { continue }
            jobs.remove(j)
        }
    }

    /// `wait`: every background job; 0, or 128+N when a trapped signal arrives.
    public func waitForAllJobs() -> Int32 {
        for j in jobs.jobs where j.background {
            for p in j.pids {
                guard jobs.waitFor(p, interrupted: { self.traps.hasPending }) != nil else {
                    if traps.hasPending { return 128 + (pendingSignalNumber() ?? 0) }
                    continue
                }
            }
        }
        // bash's `wait` also waits for the last process substitution when it is `$!`.
        if let last = environment.lastBackgroundPid, jobs.job(forPid: last) == nil, jobs.isKnown(last) {
            _ = jobs.waitFor(last, interrupted: { self.traps.hasPending })
        }
        settleTracedJobs()
        forgetWaitedJobs()
        // A trapped signal that came as the last child ended still interrupted the wait.
        if traps.hasPending { return 128 + (pendingSignalNumber() ?? 0) }
        return 0
    }

    /// `wait -n`: the next job to finish.
    public func waitForAnyJob() -> Int32 {
        while true {
            if let done = jobs.jobs.first(where: { $0.background && $0.isDone }) {
                settleTracedJobs()
                jobs.remove(done)
                return done.status
            }
            guard jobs.jobs.contains(where: { $0.background }) else { return 127 }
            if !jobs.reapOne(block: true) { return 127 }
        }
    }

    /// `fg`: give the job the terminal, continue it, wait for it.
    public func resumeInForeground(_ job: Job) -> Int32 {
        writeStdout(job.command + "\n")
        job.background = false
        if let pg = job.processGroup { terminal.give(to: pg, modes: job.terminalModes) }
        if let pg = job.processGroup { _ = Glibc.kill(-pg, SIGCONT) } else { for p in job.pids { _ = Glibc.kill(p, SIGCONT) } }
        job.markStoppedRunning()
        job.reportedStop = false
        jobs.remove(job)
        let observer = job.pendingTrace
        job.pendingTrace = nil
        let status = waitForeground(job.pids, command: job.command, observer: observer, ended: job.states)
        if let observer, !observer.stopped { observer.resumedJobEnded(status: status) }
        return status
    }

    /// Traced jobs that ended in the background: each one's record is finished and its
    /// report written, before its `Done` notice.
    public func settleTracedJobs() {
        for job in jobs.jobs where job.isDone {
            guard let observer = job.pendingTrace else { continue }
            job.pendingTrace = nil
            observer.jobEndedInBackground(status: job.status, jobs: jobs)
        }
    }

    /// `bg`: continue a stopped job in the background.
    public func resumeInBackground(_ job: Job) {
        writeStdout("[\(job.id)]+ \(job.command) &\n")
        job.background = true
        if let pg = job.processGroup { _ = Glibc.kill(-pg, SIGCONT) } else { for p in job.pids { _ = Glibc.kill(p, SIGCONT) } }
        job.markStoppedRunning()
        job.reportedStop = false
    }
}
