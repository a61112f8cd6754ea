import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// An interactive shell is not ended by its own SIGINT, SIGQUIT or SIGTERM (`kill
    /// $$` at the prompt, bash); its children get them back at their default.
    ///
    /// Done once, before the startup files run: they see `i` in `$-` (every `.bashrc`
    /// starts by returning when it is not there), and what they set (`set +o history`,
    /// `set -o vi`) is not undone when the prompt loop starts.
    public func becomeInteractive() {
        guard !interactive else { return }
        interactive = true
        // Commands come from the terminal (`s` in `$-`), edited in emacs mode unless vi.
        stdinIsScript = true
        if !options.vi { options.emacs = true }
        options.histexpand = true
        options.history = true
        for s in [SIGINT, SIGQUIT, SIGTERM] { ignoreForShell(s) }
    }

    /// Job control at a terminal: weir leads its own process group, owns the terminal,
    /// and ignores the signals a terminal sends to the foreground (its jobs get them).
    public func enableJobControl(terminal fd: Int32) {
        guard isatty(fd) != 0 else { return }
        // Where bash keeps it, out of the way of the descriptors a user names.
        let tty = fcntl(fd, F_DUPFD_CLOEXEC, 255)
        guard tty >= 0 else { return }
        // Wait until we are in the foreground (started in the background: stop until fg).
        while true {
            let fg = tcgetpgrp(tty)
            if fg < 0 || fg == getpgrp() { break }
            kill(-getpgrp(), SIGTTIN)
        }
        for s in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { ignoreForShell(s) }
        // An interactive shell does not keep the dispositions it was started with.
        traps.ignoredAtStart = []
        if getpgrp() != getpid() { _ = setpgid(0, 0) }
        terminal.take(tty)
        options.monitor = true
        jobs.reportStops = true
    }

    /// `set -m` later in a script, or `set +m`.
    func monitorChanged(_ on: Bool) {
        jobs.reportStops = on
        if on && terminal.fd == nil { enableJobControl(terminal: 0) }
    }

    /// At exit: SIGHUP to the jobs not disowned (and SIGCONT to stopped ones), and the
    /// terminal back to the group that had it when weir started.
    public func releaseJobs() {
        for job in jobs.jobs where !job.disowned && !job.isDone {
            if let pg = job.processGroup {
                kill(-pg, SIGHUP)
                if job.isStopped { kill(-pg, SIGCONT) }
            } else {
                for p in job.pids { kill(p, SIGHUP) }
            }
        }
        terminal.release()
    }

    /// `[1]-  Done    command` for background jobs that ended since the last prompt.
    public func reportFinishedJobs() {
        jobs.reapFinished()
        settleTracedJobs()
        let background = jobs.jobs.filter { $0.background }
        // A background job that read the terminal was stopped by SIGTTIN: say so once.
        for job in background where job.isStopped && !job.reportedStop {
            job.reportedStop = true
            let why: ByteString
            switch job.pids.compactMap({ job.states[$0] }).first(where: { if case .stopped = $0 { return true }; return false }) {
            case .stopped(SIGTTIN)?: why = "Stopped (tty input)"
            case .stopped(SIGTTOU)?: why = "Stopped (tty output)"
            default: why = "Stopped"
            }
            writeAll(2, "[\(job.id)]+  " + why.padded(to: 24) + job.command + "\n")
        }
        for job in background where job.isDone && !job.notified {
            let state = job.status == 0 ? "Done" : (job.status > 128 ? signalDescription(job.status - 128) : "Exit \(job.status)")
            let marker = job === background.last ? "+" : (background.count >= 2 && job === background[background.count - 2] ? "-" : " ")
            writeAll(2, "[\(job.id)]\(marker)  " + state.padded(to: 24) + job.command + "\n")
            job.notified = true
        }
        jobs.pruneDone()
    }

    func signalDescription(_ sig: Int32) -> ByteString { ByteString(cString: strsignal(sig)) }
}

extension ByteString {
    func padded(to n: Int) -> ByteString {
        count >= n ? self + " " : self + ByteString(repeating: UInt8(ascii: " "), count: n - count)
    }
}
