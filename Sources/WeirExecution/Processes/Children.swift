import Glibc
import CWeirSys
import WeirSyntax

/// Signals the shell itself catches or ignores, set back to default in children.
let signalsResetInChildren: [Int32] = [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGPIPE, SIGTERM,
                                       SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH]

extension Shell {
    /// Whether any signal may have a disposition the shell set beyond ignoring SIGPIPE:
    /// a trap, an interactive shell's or job control's handling, the tracer's handlers,
    /// the FIFO directory's guard.
    var mayHaveChangedSignals: Bool {
        interactive || options.monitor || traceSession != nil || signalGuardsInstalled || traps.hasSignalTraps
    }

    /// How children start in the current mode.
    func childAttributes(foreground: Bool, processGroup: pid_t? = nil) -> SpawnAttributes {
        var a = SpawnAttributes()
        if mayHaveChangedSignals {
            a.defaultSignals = signalsResetInChildren.filter { !traps.ignoredAtStart.contains($0) && !traps.isIgnored($0) }
                + traps.caughtSignals.filter { !signalsResetInChildren.contains($0) }
            a.ignoredSignals = signalsResetInChildren.filter { traps.ignoredAtStart.contains($0) || traps.isIgnored($0) }
        } else if !traps.ignoredAtStart.contains(SIGPIPE) {
            // A plain script has every signal as it found it, but SIGPIPE, which it ignores
            // itself: only that one needs setting back (one system call per spawn, not 13).
            // Signals ignored at start stay ignored in the child by inheritance.
            a.defaultSignals = [SIGPIPE]
        }
        if options.monitor {
            a.processGroup = processGroup ?? 0
            if foreground, let tty = terminalFD { a.terminal = tty }
        }
        return a
    }

    /// Forks a child that runs shell code and exits with its status.
    public func forkShell(processGroup: pid_t? = nil, foreground: Bool = true,
                          _ body: @escaping () throws -> Int32) throws -> pid_t {
        let pid = fork()
        if pid < 0 {
            let e = errno
            error("fork: \(String(cString: strerror(e)))")
            throw ShellExit(1)
        }
        if pid == 0 {
            becomeChild(processGroup: processGroup, foreground: foreground)
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
        return pid
    }

    /// Ends a forked child: its EXIT trap, then `_exit` (no atexit handlers, no flushing
    /// of the parent's state).
    func exitChild(_ status: Int32) -> Never {
        var s = status
        if let t = traps.exitTrap {
            traps.exitTrap = nil
            s = (try? runTrapAction(t, status: status)) ?? status
            s = status == s ? status : s
        }
        removePrivateDirectory()
        _exit(s)
    }

    /// What a forked child changes about itself: it is a subshell, has no jobs of its
    /// own, and caught signals go back to default.
    func becomeChild(processGroup: pid_t?, foreground: Bool) {
        isSubshell = true
        traceSession = nil
        // The parent's FIFOs are the parent's to remove; a child that substitutes
        // makes (and removes) a directory of its own.
        pendingFIFOs = []
        processSubstitutionDirectory = nil
        for r in spanRelays { for fd in r.shellDescriptors { close(fd) } }
        spanRelays = []
        activeSpan = nil
        jobs.reset()
        traps.resetForSubshell(errtrace: options.errtrace, functrace: options.functrace)
        // The shell ignores SIGPIPE for itself; a subshell in a pipeline dies of it, as in
        // bash and dash, unless it was ignored when the shell started or is trapped.
        if !traps.ignoredAtStart.contains(SIGPIPE) && traps.action(for: SIGPIPE) == nil {
            signal(SIGPIPE, SIG_DFL)
        }
        if options.monitor {
            let pg = processGroup ?? getpid()
            _ = setpgid(0, pg)
            if foreground, let tty = terminalFD { _ = tcsetpgrp(tty, pg) }
            for s in [SIGTSTP, SIGTTIN, SIGTTOU, SIGINT, SIGQUIT] { signal(s, SIG_DFL) }
        }
        options.monitor = false
        jobs.reportStops = false
        interactive = false
    }

    /// Waits for the processes of a foreground job and returns its status (the last
    /// one's, or with pipefail the last failing one's). Sets PIPESTATUS.
    @discardableResult
    func waitForeground(_ pids: [pid_t], command: @autoclosure () -> ByteString = "", tracer: PipelineTracer? = nil) -> Int32 {
        var statuses: [Int32] = []
        statuses.reserveCapacity(pids.count)
        var job: Job?
        if options.monitor {
            job = jobs.add(pids: pids, processGroup: pids.first, command: command(), background: false)
        }
        // Traced: the relays run and the stages are sampled until every stage has ended
        // (or the job stops); the statuses are then already collected.
        tracer?.run(jobs: jobs)
        for p in pids {
            // A stop the tracer's loop already collected is in the job's states; anything
            // else comes from the waiter.
            let collectedStop: ProcessState? = job.flatMap { j in
                if case .stopped? = j.states[p] { return j.states[p] }
                return nil
            }
            if let state = collectedStop ?? jobs.waitFor(p).map({ ProcessState(waitStatus: $0) }) {
                reportSignalDeath(p, state, command: command())
                if case .stopped = state, let j = job {
                    j.pendingTrace = tracer
                    j.background = true
                    j.reportedStop = true
                    takeTerminalBack(from: j)
                    reportStopped(j)
                    environment.lastStatus = state.status
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
        setPipeStatus(statuses)
        var status = statuses.last ?? 0
        if options.pipefail, let failed = statuses.last(where: { $0 != 0 }) { status = failed }
        if let last = pids.last, let j = job, case .signaled(let sig, _)? = j.states[last], sig == SIGINT {
            writeAll(2, "\n")
        }
        return status
    }

    /// bash's message for a process a signal ended (not for SIGINT and SIGPIPE).
    func reportSignalDeath(_ pid: pid_t, _ state: ProcessState, command: @autoclosure () -> ByteString) {
        guard case .signaled(let sig, let core) = state, sig != SIGINT, sig != SIGPIPE else { return }
        let desc = String(cString: strsignal(sig)) + (core ? " (core dumped)" : "")
        writeAll(2, "\(programName): line \(currentLineNumber): \(pid) \(desc)\t\(command())\n")
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

    /// The first executable file called `name` in `$PATH`.
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
        for s in signalsResetInChildren where !traps.ignoredAtStart.contains(s) && !traps.isIgnored(s) {
            signal(s, SIG_DFL)
        }
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }
}
