import Glibc
import CWeirSys
import WeirSyntax

/// The write end of the pipe that wakes the tracer's poll loop when a child changes state.

/// Runs while a traced pipeline's stages live: one `poll` loop that moves each edge's
/// bytes (EdgeRelay), samples each stage from /proc every 10 ms (StageSampler), and
/// collects each stage's end with its resource usage from the one waiter (JobTable).
public final class PipelineTracer {
    public let record: TracedPipeline
    public private(set) var relays: [EdgeRelay] = []
    private var samplers: [Int: StageSampler] = [:]
    private var byPid: [pid_t: TracedStage] = [:]
    public private(set) var stopped = false
    public static let tick = 0.010
    /// `--live`, `--no-live` or the default (live after half a second on a terminal).
    public var live = TraceOptions.Live.auto
    private var liveView: LiveView?
    private var nextLiveDraw = 0.0
    /// Set when the stages end after a stop and `fg`: finishes the record.
    public var whenDone: ((Int32) -> Void)?
    /// A non-interactive shell got SIGINT while the stages ran: the report is written,
    /// then the shell dies of it, as it would have without `trace`.
    public private(set) var interrupted = false

    public init(record: TracedPipeline) {
        self.record = record
    }

    /// The shell's own peak memory now. A spawned stage's ru_maxrss at or below it may be
    /// the shell's (exec records the old address space's peak, and with posix_spawn that
    /// was the shell's), so only a larger value is the stage's own.
    private func shellPeakMemory() -> Int {
        var s = StageSampler(pid: getpid())
        s.readPeakMemory()
        s.close()
        return s.peakMemory ?? 0
    }

    /// The pipeline's own stages; stages after them are process substitutions, which the
    /// loop waits for only a little after the pipeline's stages have ended.
    public var mainStageCount = 0
    public static let substitutionGrace = 2.0

    /// A process substitution started for stage `user`: a stage of its own, joined to the
    /// user by a FIFO edge that weir relays. `isInput`: `<(…)`, the substitution writes.
    public func addSubstitution(command: ByteString, pid: pid_t, user: Int, isInput: Bool, fifo: ByteString,
                         source: Int32, sink: Int32) -> Bool {
        let stage = TracedStage(index: record.stages.count, command: command, kind: .subshell)
        let edge = TracedEdge(from: isInput ? stage.index : user, to: isInput ? user : stage.index)
        edge.kind = "fifo"
        edge.path = fifo
        if record.peekLines > 0 { edge.peek = LinePeek(limit: record.peekLines) }
        guard let relay = EdgeRelay(edge: edge, source: source, sink: sink, sinkPath: isInput ? fifo : nil) else { return false }
        record.stages.append(stage)
        record.edges.append(edge)
        relays.append(relay)
        track(stage, pid: pid, execed: false)
        return true
    }

    public func traceParent(forStage i: Int) -> ByteString? {
        guard let trace = record.otlpTraceID, i < record.stages.count else { return nil }
        let stage = record.stages[i]
        let span = stage.spanID ?? OTLPExport.randomHex(bytes: 8)
        stage.spanID = span
        return ByteString("00-\(trace)-\(span)-01")
    }

    /// A relayed edge from stage `from` to the next; nil when its pipes cannot be made.
    public func addEdge(from: Int) -> EdgeRelay? {
        let edge = TracedEdge(from: from, to: from + 1)
        if record.peekLines > 0 { edge.peek = LinePeek(limit: record.peekLines) }
        guard let relay = EdgeRelay(edge: edge) else { return nil }
        record.edges.append(edge)
        relays.append(relay)
        return relay
    }

    /// Every descriptor the relays hold: stages must not inherit them, or an edge would
    /// never see its end.
    public var heldDescriptors: [Int32] { relays.flatMap { $0.relayDescriptors } }

    public func track(_ stage: TracedStage, pid: pid_t, execed: Bool) {
        stage.pid = pid
        stage.started = record.now()
        byPid[pid] = stage
        samplers[stage.index] = StageSampler(pid: pid)
        if execed {
            describeEnds(stage)
            stage.endsKnown = true
        }
    }

    /// What the stage's stdin and stdout are: at once for a spawned stage, at the first
    /// sample for a forked one (its own redirections, planned in the shell, are already
    /// recorded and win over what /proc shows).
    private func describeEnds(_ stage: TracedStage) {
        if !stage.redirectedStdin, let d = describeDescriptor(pid: stage.pid, fd: 0) { stage.stdin = d }
        if !stage.redirectedStdout, let d = describeDescriptor(pid: stage.pid, fd: 1) { stage.stdout = d }
    }

    /// A stage's end, from the waiter.
    public func stageEnded(pid: pid_t, status: Int32, usage: rusage) {
        guard let stage = byPid[pid] else { return }
        let state = ProcessState(waitStatus: status)
        if case .stopped = state { stopped = true; return }
        if case .running = state { return }
        stage.ended = record.now()
        stage.state = state
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        stage.userCPU = secs(usage.ru_utime)
        stage.systemCPU = secs(usage.ru_stime)
        var sampler = samplers.removeValue(forKey: stage.index)
        sampler?.close()
        let maxRSS = Int(usage.ru_maxrss) * 1024
        var peak = sampler?.peakMemory
        if stage.kind != .external || maxRSS > shellPeakMemory() { peak = max(peak ?? 0, maxRSS) }
        stage.peakMemory = peak
        // Not sampled (a builtin, a function, a short stage): the ends of the pipeline
        // are what the shell's own stdin and stdout are (a redirection was noted already).
        if stage.stdin == nil {
            stage.stdin = stage.index > 0 ? DescriptorKind(kind: "pipe") : describeDescriptor(pid: getpid(), fd: 0)
        }
        if stage.stdout == nil {
            stage.stdout = stage.index < record.stages.count - 1 ? DescriptorKind(kind: "pipe") : describeDescriptor(pid: getpid(), fd: 1)
        }
    }

    private var allEnded: Bool { byPid.values.allSatisfy { $0.ended != nil } }
    private var mainEnded: Bool {
        byPid.values.allSatisfy { $0.ended != nil || $0.index >= mainStageCount }
    }

    /// Runs the loop until every stage has ended (or the job stopped).
    public func watch(jobs: ChildWaiter) {
        stopped = false
        // The shell's signal handler (signals.c) writes a byte to this pipe for every
        // signal it catches: SIGCHLD (always watched) wakes the poll below.
        let wake = weir_signal_wake_fd()
        guard wake >= 0 else { return }
        weir_signal_drain_wake_fd()
        var ign = sigaction(), oldPipe = sigaction()
        // The relays write to pipes whose readers may leave: EPIPE, not death.
        ign.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ign, &oldPipe)
        // SIGINT at its default (a script): the stages get it and end; weir waits for
        // them, writes the report, and then dies of it (the caller re-raises).
        var oldInt = sigaction()
        sigaction(SIGINT, nil, &oldInt)
        let catchesInterrupt = oldInt.__sigaction_handler.sa_handler == nil  // SIG_DFL
        if catchesInterrupt {
            _ = weir_signal_take(SIGINT)
            weir_signal_catch_quietly(SIGINT)
        }
        // A traced command running in the shell may be listening too.
        jobs.addReapObserver(self)
        if live != .off {
            liveView = LiveView(fd: 2, record: record)
            nextLiveDraw = live == .on ? 0 : 0.5
        }
        defer {
            liveView?.clear()
            jobs.removeReapObserver(self)
            sigaction(SIGPIPE, &oldPipe, nil)
            if catchesInterrupt {
                weir_signal_set_default(SIGINT)
                if weir_signal_take(SIGINT) != 0 { interrupted = true }
            }
        }

        // The first sample comes one tick in: a pipeline shorter than that is not sampled.
        var nextTick = record.now() + PipelineTracer.tick
        var fds: [pollfd] = []
        var owners: [Int] = []
        var mainEndedAt: Double?
        while true {
            jobs.reapFinished()
            if stopped {
                liveView?.clear()
                liveView = nil
                return
            }
            if allEnded { break }
            if mainEnded {
                // Substitutions get a little while to finish what the pipeline gave them.
                let now = record.now()
                if mainEndedAt == nil { mainEndedAt = now }
                for r in relays where r.phase == .awaitingSink { r.finishAll() }
                if now - mainEndedAt! > PipelineTracer.substitutionGrace {
                    // Bytes already in a pipe stay there for their reader: closing weir's
                    // end loses nothing. Bytes weir could not yet pass on are never dropped.
                    for r in relays where r.phase == .draining { r.finishAll() }
                    if relays.allSatisfy({ $0.phase == .closed }) { break }
                }
            }
            var awaitingSink = false
            for r in relays where r.phase == .awaitingSink {
                if !r.openSinkIfReady() { awaitingSink = true }
            }
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
            owners.append(-1)
            var draining = false
            for (i, r) in relays.enumerated() {
                if r.phase == .draining { draining = true }
                for (fd, ev) in r.pollRequests {
                    fds.append(pollfd(fd: fd, events: ev, revents: 0))
                    owners.append(i)
                }
            }
            let now = record.now()
            var timeout = max(0, Int32(((nextTick - now) * 1000).rounded(.up)))
            if draining { timeout = min(timeout, 1) }
            if awaitingSink { timeout = min(timeout, 2) }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno != EINTR { break }
            if fds[0].revents != 0 { weir_signal_drain_wake_fd() }
            let t = record.now()
            var pumped = Set<Int>()
            for (k, p) in fds.enumerated() where k > 0 && p.revents != 0 {
                let i = owners[k]
                let gone = p.fd == relays[i].sink && (p.revents & Int16(POLLERR)) != 0
                if gone || !pumped.contains(i) {
                    relays[i].pump(readerGone: gone)
                    pumped.insert(i)
                }
            }
            if draining { for r in relays where r.phase == .draining { r.pump() } }
            if t >= nextTick {
                sample(at: t)
                nextTick = t + PipelineTracer.tick
                if let v = liveView, t >= nextLiveDraw {
                    v.draw(at: t)
                    nextLiveDraw = t + LiveView.interval
                }
            }
        }
        let end = record.now()
        for r in relays { r.finishAll() }
        noteProgress(at: end)
    }

    private func sample(at t: Double) {
        for stage in record.stages where stage.ended == nil && stage.pid > 0 {
            guard var s = samplers[stage.index] else { continue }
            if !stage.endsKnown {
                describeEnds(stage)
                stage.endsKnown = true
            }
            let a = s.sample()
            stage.currentActivity = a
            stage.currentCPU = s.cpuSeconds
            if let a {
                stage.samples[a, default: 0] += 1
                if stage.timeline.last?.activity != a { stage.timeline.append((t, a)) }
            }
            samplers[stage.index] = s
        }
        noteProgress(at: t)
    }

    private func noteProgress(at t: Double) {
        for e in record.edges where e.progress.last?.bytes != e.bytesRead {
            e.progress.append((t, e.bytesRead))
        }
    }
}

extension PipelineTracer {
    /// Marks a SIGPIPE as benign when the stage it wrote to had already exited with 0.
    public func judgeSIGPIPEs() {
        for s in record.stages {
            guard case .signaled(SIGPIPE, _) = s.state,
                  let out = record.edges.first(where: { $0.from == s.index }) else { continue }
            let reader = record.stages[out.to]
            if case .exited(0) = reader.state {
                s.benignSIGPIPE = reader.command
            }
        }
    }
}

/// The tracer as the executor sees it: the events of one traced pipeline.
extension PipelineTracer: PipelineObserver {
    public func edge(after stage: Int) -> (read: Int32, write: Int32)? {
        addEdge(from: stage).map { ($0.downstreamEnd, $0.upstreamEnd) }
    }

    public func stageLowered(_ stage: Int, opens: [(fd: Int32, path: ByteString)]) {
        // The stage's own redirections of 0 and 1 name what its ends are.
        record.stages[stage].noteRedirections(opens)
    }

    public func stageStarted(_ stage: Int, pid: pid_t, execed: Bool) {
        track(record.stages[stage], pid: pid, execed: execed)
    }

    public func substitutionStarted(command: ByteString, pid: pid_t, stage: Int, isInput: Bool, fifo: ByteString,
                             source: Int32, sink: Int32) {
        _ = addSubstitution(command: command, pid: pid, user: stage, isInput: isInput, fifo: fifo, source: source, sink: sink)
    }

    public func childReaped(pid: pid_t, status: Int32, usage: rusage) {
        stageEnded(pid: pid, status: status, usage: usage)
    }

    public func resumedJobEnded(status: Int32) { whenDone?(status) }
}
