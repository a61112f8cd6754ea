import Glibc
import CWeirSys
import WeirSyntax
import WeirTracing
import WeirExpansion

extension Shell {
    /// The signals a child starts with, by POSIX 2.11: a signal ignored when the shell
    /// started (a non-interactive one) or by `trap ''` stays ignored; one the shell
    /// ignores for itself (job control, an interactive shell's INT, QUIT and TERM) goes
    /// back to its default; a background job without job control ignores INT and QUIT.
    /// (Caught signals need nothing: execve sets them back to the default, and a forked
    /// child resets its traps.) Only what differs from the shell's own dispositions is
    /// listed, so a plain script sets nothing at all.
    func childSignals(background: Bool) -> ChildSignals {
        var s = ChildSignals()
        if background && !options.monitor {
            for sig in [SIGINT, SIGQUIT] where !shellIgnores.contains(sig) && !traps.isIgnored(sig) { s.ignored.append(sig) }
        }
        guard !shellIgnores.isEmpty else { return s }
        let ignoredAtStart = traps.ignoredAtStart
        for sig in shellIgnores.sorted() where !ignoredAtStart.contains(sig) && !traps.isIgnored(sig) && !s.ignored.contains(sig) {
            s.defaults.append(sig)
        }
        return s
    }

    /// Ignores `sig` for the shell itself (not for its children: `childSignals`).
    func ignoreForShell(_ sig: Int32) {
        shellIgnores.insert(sig)
        applyDisposition(sig)
    }

    /// Forks a child that runs shell code and exits with its status.
    public func forkShell(processGroup: pid_t? = nil, foreground: Bool = true,
                          _ body: @escaping () throws -> Int32) throws -> pid_t {
        // Every signal is blocked across the fork, and in the child until becomeChild has
        // set its dispositions: a signal sent to a child that has just started (`sleep 30
        // &` then `kill %1` at the prompt) waits, pending, for the child's own action. It
        // used to meet the shell's (an interactive shell ignores SIGTERM) and be lost.
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        let pid = try retryingFork { () -> pid_t? in
            sigprocmask(SIG_SETMASK, &all, &saved)
            let pid = fork()
            if pid != 0 {
                let e = errno
                sigprocmask(SIG_SETMASK, &saved, nil)
                errno = e
            }
            return pid < 0 ? nil : pid
        }
        if pid == 0 {
            weir_signal_after_fork()
            becomeChild(processGroup: processGroup, foreground: foreground)
            sigprocmask(SIG_SETMASK, &saved, nil)
            var status: Int32
            do {
                status = try body()
            } catch let e as ShellExit {
                status = e.status
            } catch let e as AbortCommandLine {
                status = e.status
            } catch ControlFlow.returnFromFunction(let s) {
                status = s
            } catch ControlFlow.breakLoop, ControlFlow.continueLoop {
                status = 1
            } catch {
                status = environment.lastStatus
            }
            exitChild(status)
        }
        if options.monitor {
            // Also from the parent, so the group exists before anyone relies on it.
            _ = setpgid(pid, processGroup ?? pid)
        }
        jobs.childStarted(pid)
        return pid
    }

    /// Makes a child with `attempt` (nil and errno when no child could be made). EAGAIN
    /// (`ulimit -u`, a full process table) is tried again, as bash does, after reaping
    /// the children that ended and a pause that doubles from 10 ms (about 5 s in all);
    /// then, or on another error, the shell reports it and ends (a script cannot go on
    /// without its children).
    func retryingFork(_ attempt: () -> pid_t?) throws -> pid_t {
        var pause = 0.01
        var warned = false
        while true {
            if let pid = attempt() { return pid }
            let e = errno
            guard e == EAGAIN, pause <= 2.6 else {
                error("fork: \(String(cString: strerror(e)))")
                throw exiting(1)
            }
            if !warned {
                error("fork: retry: \(String(cString: strerror(e)))")
                warned = true
            }
            jobs.reapFinished()
            var ts = timespec(tv_sec: Int(pause), tv_nsec: Int((pause - Double(Int(pause))) * 1e9))
            nanosleep(&ts, nil)
            pause *= 2
        }
    }

    /// Ends a forked child: its EXIT trap, then `_exit` (no atexit handlers, no flushing
    /// of the parent's state).
    func exitChild(_ status: Int32) -> Never {
        environment.lastStatus = status
        // The status stays the child's own unless the trap calls `exit`.
        runExitTrap()
        removePrivateDirectory()
        _exit(environment.lastStatus)
    }

    /// What a forked child changes about itself: it is a subshell, has no jobs of its
    /// own, and caught signals go back to default.
    func becomeChild(processGroup: pid_t?, foreground: Bool) {
        isSubshell = true
        ranExitTrap = false
        randomSeeded = false  // a subshell's RANDOM is its own sequence (bash)
        traceSession = nil
        // The parent's FIFOs are the parent's to remove; a child that substitutes
        // makes (and removes) a directory of its own.
        processSubstitutions.pendingFIFOs = []
        processSubstitutions.directory = nil
        dropCaptureFiles()
        functionSubstitutionDepth = 0
        for r in spanRelays { for fd in r.shellDescriptors { close(fd) } }
        spanRelays = []
        activeSpan = nil
        jobs.reset()
        // The group and the terminal first, while SIGTTOU is still ignored as in the shell:
        // a child of a job not yet in the foreground that takes the terminal with SIGTTOU
        // at its default would be stopped (`echo x | tail -1` at the prompt was).
        if options.monitor {
            // nil or 0: the child leads a group of its own.
            let pg = processGroup.flatMap { $0 > 0 ? $0 : nil } ?? getpid()
            _ = setpgid(0, pg)
            if foreground { terminal.give(to: pg) }
        }
        let dropped = traps.resetForSubshell(errtrace: options.errtrace, functrace: options.functrace)
        // What the shell ignored for itself goes back to the default, as for a program;
        // what was ignored on entry or by `trap ''` stays ignored.
        let unignored = childSignals(background: false).defaults
        shellIgnores = []
        for sig in dropped + unignored { applyDisposition(sig) }
        options.monitor = false
        jobs.reportStops = false
        interactive = false
    }

    /// Between complete commands, and when a foreground job has ended, a script is
    /// told of the background jobs that have ended, as bash's notify_of_job_status does
    /// without a prompt: a job a signal killed is reported (`line 3: 4242 Killed  cmd`;
    /// not for SIGINT, SIGTERM, SIGPIPE or a trapped signal) and leaves the table. One
    /// that exited stays, for `wait %N` and `jobs`, in a script read from a file or
    /// stdin; under `-c` it leaves too. Nothing happens between the builtins of one
    /// command (`kill %1; wait %1` finds the job, and so does `jobs; wait %1`), nor when
    /// a background job starts.
    /// Statuses stay for `wait PID` either way. A prompt keeps every job until its
    /// `Done` notice (reportFinishedJobs).
    func dropEndedJobs() {
        if interactive || jobs.jobs.isEmpty { return }
        for job in jobs.jobs where job.background && job.isDone && !job.notified {
            guard let last = job.pids.last, let state = job.states[last] else { continue }
            if case .signaled(let sig, _) = state {
                if sig != SIGTERM && !traps.caughtSignals.contains(sig) {
                    reportSignalDeath(last, state, command: job.command)
                }
            } else if !commandStringGiven {
                continue
            }
            job.notified = true
        }
        // With those `jobs` has listed as done.
        jobs.pruneDone()
    }

    /// A background job is about to join the table: a script that starts them without
    /// ever waiting in the foreground (`while read l; do handle "$l" & done`) keeps at
    /// most this many before the ended ones go, so the table (scanned at each reap)
    /// stays small: past it every ended job goes.
    func makeRoomForBackgroundJob() {
        if !interactive && jobs.jobs.count >= 1024 { jobs.forgetFinishedBackgroundJobs() }
    }

    /// Waits for the processes of a foreground job and returns its status (the last
    /// one's, or with pipefail the last failing one's). Sets PIPESTATUS.
    @discardableResult
    /// `ended`: processes of a job continued with `fg` that had already ended (their
    /// statuses were collected while it was stopped).
    func waitForeground(_ pids: [pid_t], command: @autoclosure () -> ByteString = "", observer: PipelineObserver? = nil,
                        ended: [pid_t: ProcessState] = [:]) -> Int32 {
        var statuses: [Int32] = []
        statuses.reserveCapacity(pids.count)
        var job: Job?
        if options.monitor {
            job = jobs.add(pids: pids, processGroup: pids.first, command: command(), background: false)
            for (p, state) in ended where state.hasEnded { job?.states[p] = state }
        }
        // Traced: the relays run and the stages are sampled until every stage has ended
        // (or the job stops); the statuses are then already collected.
        observer?.watch(jobs: jobs)
        for p in pids {
            // A stop or an end already collected (by the tracer's loop, or before `fg`) is
            // in the job's states; anything else comes from the waiter.
            var collected = job?.states[p]
            if collected == .running { collected = nil }
            if collected?.hasEnded == true { jobs.forgetStatus(of: p) }
            if let state = collected ?? jobs.waitFor(p).map({ ProcessState(waitStatus: $0) }) {
                // The job's status is its last process's: bash speaks of a signal that
                // ended that one alone (`yes | head -1` kills yes without a word).
                if p == pids.last { reportSignalDeath(p, state, command: command()) }
                if case .stopped = state, let j = job {
                    j.pendingTrace = observer
                    j.background = true
                    j.reportedStop = true
                    takeTerminalBack(from: j)
                    reportStopped(j)
                    environment.lastStatus = state.status
                    // At the prompt the rest of the command line is abandoned (bash): a
                    // loop whose `sleep` was stopped does not go on without it.
                    if interactive { abandonCommandLine = state.status }
                    return state.status
                }
                statuses.append(state.status)
            } else {
                statuses.append(127)
            }
        }
        if let j = job {
            jobs.remove(j)
            takeTerminalBack(from: j)
        }
        dropEndedJobs()
        setPipeStatus(statuses)
        var status = statuses.last ?? 0
        if options.pipefail, let failed = statuses.last(where: { $0 != 0 }) { status = failed }
        if let last = pids.last, let j = job, case .signaled(let sig, _)? = j.states[last], sig == SIGINT {
            writeAll(2, "\n")
            // Ctrl-C ended the job: the rest of the command line goes with it (bash).
            if interactive { abandonCommandLine = status }
        }
        return status
    }

    /// bash's message for a process a signal ended: none for SIGINT and SIGPIPE; just
    /// the signal's name at a prompt, for SIGTERM, or for a signal this shell traps; in
    /// a script otherwise the line, the pid, the signal and the command, in bash's
    /// columns (`%5d`, the description padded to 24). `waited`: a background job that
    /// `wait` collected, whose SIGTERM a script does not mention.
    func reportSignalDeath(_ pid: pid_t, _ state: ProcessState, waited: Bool = false,
                           command: @autoclosure () -> ByteString) {
        guard case .signaled(let sig, let core) = state, sig != SIGINT, sig != SIGPIPE else { return }
        let desc = String(cString: strsignal(sig)) + (core ? " (core dumped)" : "")
        if waited && sig == SIGTERM && !interactive { return }
        if interactive || sig == SIGTERM || traps.caughtSignals.contains(sig) {
            writeText(2, desc + "\n")
        } else {
            let number = String(pid)
            let pidColumn = String(repeating: " ", count: max(0, 5 - number.count)) + number
            let descColumn = desc + String(repeating: " ", count: max(0, 24 - desc.utf8.count))
            writeAll(2, "\(programName): line \(currentLineNumber): \(pidColumn) \(descColumn)" + command() + "\n")
        }
    }

    /// Finds an external command: the hash table, then PATH.
    public func findExecutable(_ name: ByteString) -> ByteString? {
        if name.contains(UInt8(ascii: "/")) { return name }
        // A remembered location is used as is (bash): `hash -r` or assigning PATH forgets it.
        if let p = commandHash[name] { return p }
        guard let path = searchPath(name) else { return nil }
        if options.hashall { commandHash[name] = path }
        return path
    }

    /// The PATH that finds the standard utilities, whatever PATH holds (`command -p`):
    /// the C library's `_CS_PATH`.
    public var standardUtilityPath: ByteString {
        var buf = [CChar](repeating: 0, count: 256)
        let n = confstr(Int32(_CS_PATH), &buf, buf.count)
        guard n > 0 && n <= buf.count else { return "/bin:/usr/bin" }
        return ByteString(cString: buf)
    }

    /// The first executable file called `name` in `$PATH` (or in `path`).
    public func searchPath(_ name: ByteString, path: ByteString? = nil) -> ByteString? {
        let dirs = (path ?? variables.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin").components(separatedBy: UInt8(ascii: ":"))
        var st = stat()
        var notExecutable: ByteString?
        for d in dirs {
            let dir: ByteString = d.isEmpty ? "." : d
            let candidate = dir + "/" + name
            if candidate.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) != S_IFDIR {
                if candidate.withCString({ access($0, X_OK) }) == 0 { return candidate }
                if notExecutable == nil { notExecutable = candidate }
            }
        }
        // A file that is there but cannot run: bash tries it and reports 126.
        return path == nil ? notExecutable : nil
    }

    /// Before exec: the signals the shell caught go back to default.
    func resetSignalsForExec() {
        for s in childSignals(background: false).defaults { weir_signal_set_default(s) }
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }
}
