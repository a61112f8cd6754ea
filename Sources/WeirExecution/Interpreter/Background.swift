import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

extension Shell {
    /// `list &`: runs in a child; without job control, its stdin is /dev/null and it
    /// ignores SIGINT and SIGQUIT, as POSIX says.
    func runInBackground(_ andOr: AndOrList) throws -> Int32 {
        let monitor = options.monitor
        if let (p, prefix) = tracedBackgroundPipeline(andOr) {
            tracedInBackground = true
            defer { tracedInBackground = false }
            let before = jobs.jobs.last
            _ = try runTraceCommand(p, prefix)
            if interactive, let job = jobs.jobs.last, job !== before, let pid = job.pids.last {
                writeAll(2, "[\(job.id)] \(pid)\n")
            }
            environment.lastStatus = 0
            return 0
        }
        // A whole-script trace follows the script into its background jobs.
        let session = traceSession?.wholeScript == true ? traceSession : nil
        let pid = try forkShell(foreground: false) {
            if let session {
                session.continueInBackgroundChild()
                self.traceSession = session
            }
            if !monitor {
                weir_signal_ignore(SIGINT)
                weir_signal_ignore(SIGQUIT)
                self.traps.ignoredAtStart.formUnion([SIGINT, SIGQUIT])
                let null = open("/dev/null", O_RDONLY)
                if null >= 0 && null != 0 { dup2(null, 0); close(null) }
            }
            if andOr.rest.isEmpty, andOr.first.commands.count == 1, case .simple = andOr.first.commands[0] {
                // A lone asynchronous command is not one the ERR trap watches (bash), even
                // with `set -E`; commands inside an asynchronous group are.
                self.traps.errTrap = nil
            }
            // The job is all this child does: its command may replace it.
            self.execInPlace = true
            return try self.run(andOr)
        }
        environment.lastBackgroundPid = pid
        let text = (currentSource.map { $0.slice(andOr.span) } ?? "").trimmingBlanks()
        makeRoomForBackgroundJob()
        let job = jobs.add(pids: [pid], processGroup: monitor ? pid : nil, command: text, background: true)
        if interactive { writeAll(2, "[\(job.id)] \(pid)\n") }
        environment.lastStatus = 0
        return 0
    }

    /// `trace PIPELINE &` under job control, in the shell itself (not a subshell): its
    /// stages become a background job that this shell's tracer watches, so `jobs -t`
    /// shows its numbers and its report comes as a job notice. A lone builtin or compound
    /// command under `trace` runs in a subshell as any background command does.
    func tracedBackgroundPipeline(_ andOr: AndOrList) -> (Pipeline, PipelinePrefix)? {
        guard options.monitor, !isSubshell, traceSession == nil, andOr.rest.isEmpty else { return nil }
        let p = andOr.first
        guard !p.negated, p.prefixes.count == 1, let prefix = p.prefixes.first, prefix.kind == .trace,
              p.commands.count >= 2 || (p.commands.count == 1 && isExternalStage(p.commands[0])) else { return nil }
        return (p, prefix)
    }

    /// `coproc [NAME] command`: the command runs in the background with a pipe to its
    /// stdin and one from its stdout; NAME[0] reads its output, NAME[1] writes its input.
    func startCoprocess(_ co: Coprocess) throws -> Int32 {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&toChild) == 0, weir_pipe2_cloexec(&fromChild) == 0 else {
            error("coproc: pipe: \(String(cString: strerror(errno)))")
            return 1
        }
        let body = co.body
        let pid = try forkShell(foreground: false) {
            dup2(toChild[0], 0)
            dup2(fromChild[1], 1)
            for fd in toChild + fromChild { close(fd) }
            return try self.runCommand(body)
        }
        close(toChild[0])
        close(fromChild[1])
        let readFD = liftDescriptor(fromChild[0]), writeFD = liftDescriptor(toChild[1])
        let name = co.name ?? "COPROC"
        try variables.assignValue(name, .indexed(IndexedArray([ByteString(readFD), ByteString(writeFD)])))
        try variables.assign(name + "_PID", ByteString(pid))
        environment.lastBackgroundPid = pid
        makeRoomForBackgroundJob()
        jobs.add(pids: [pid], processGroup: nil, command: "coproc " + name, background: true)
        environment.lastStatus = 0
        return 0
    }
}
