import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// One traced pipeline as the shell sees it. A helper process (TracerHelper) moves each
/// edge's bytes (EdgeRelay) and samples each stage from /proc every 10 ms (StageSampler);
/// the shell collects each stage's end with its resource usage from the one waiter
/// (JobTable), draws the live view from the helper's live numbers, and puts the record
/// together once every stage has ended, in the foreground or as a background job.
public final class PipelineTracer {
    public let record: TracedPipeline
    public private(set) var relays: [EdgeRelay] = []
    var samplers: [Int: StageSampler] = [:]
    private var byPid: [pid_t: TracedStage] = [:]
    public private(set) var stopped = false
    public static let tick = 0.010
    /// `--live`, `--no-live` or the default (live after half a second on a terminal).
    public var live = TraceOptions.Live.auto
    private var liveView: LiveView?
    private var nextLiveDraw = 0.0
    /// Set when the stages end after a stop (or in the background): finishes the record.
    public var whenDone: ((Int32) -> Void)?
    /// A non-interactive shell got SIGINT while the stages ran: the report is written,
    /// then the shell dies of it, as it would have without `trace`.
    public private(set) var interrupted = false
    /// Forks the helper process (the shell's fork, so the child is a proper subshell).
    public var forkHelper: ((@escaping () throws -> Int32) throws -> pid_t)?
    private var helper: TracerHelper?
    private var helperStarted = false
    /// Listening to the waiter: from the first watch until the record is finished.
    private var observing = false
    /// ru_maxrss of stages whose peak it may tell (see `stageEnded`).
    private var reapedPeak: [Int: Int] = [:]

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
        let maxRSS = Int(usage.ru_maxrss) * 1024
        if stage.kind != .external || maxRSS > shellPeakMemory() { reapedPeak[stage.index] = maxRSS }
    }

    /// Every stage has ended and the helper's numbers are in: what is left to settle.
    private func settle() {
        for stage in record.stages {
            if let m = reapedPeak[stage.index] { stage.peakMemory = max(stage.peakMemory ?? 0, m) }
            // Not sampled (a builtin, a function, a short stage): the ends of the pipeline
            // are what the shell's own stdin and stdout are (a redirection was noted already).
            if stage.stdin == nil {
                stage.stdin = stage.index > 0 ? DescriptorKind(kind: "pipe") : describeDescriptor(pid: getpid(), fd: 0)
            }
            if stage.stdout == nil {
                stage.stdout = stage.index < record.stages.count - 1 ? DescriptorKind(kind: "pipe") : describeDescriptor(pid: getpid(), fd: 1)
            }
        }
    }

    private var allEnded: Bool { byPid.values.allSatisfy { $0.ended != nil } }

    /// Starts the helper for the stages started so far; without one, the relays close
    /// (the stages see their pipes end rather than hang) and nothing is sampled.
    private func startHelper() {
        helperStarted = true
        let stages = byPid.map { (index: $0.value.index, pid: $0.key) }
        if !stages.isEmpty, let fork = forkHelper {
            helper = TracerHelper(tracer: self, stages: stages, fork: fork)
            if helper == nil {
                _ = writeAll(2, "weir: trace: the relay process cannot start: \(String(cString: strerror(errno)))\n")
            }
        }
        // The helper holds its own copies now: the shell's would keep the pipes open.
        for r in relays { r.release() }
        for i in Array(samplers.keys) { stopSampling(i) }
    }

    /// Waits until every stage has ended (or the job stopped), drawing the live view.
    public func watch(jobs: ChildWaiter) {
        stopped = false
        beginWatching(jobs)
        // The shell's signal handler (signals.c) writes a byte to this pipe for every
        // signal it catches: SIGCHLD (always watched) wakes the poll below.
        let wake = weir_signal_wake_fd()
        weir_signal_drain_wake_fd()
        // SIGINT at its default (a script): the stages get it and end; weir waits for
        // them, writes the report, and then dies of it (the caller re-raises).
        var oldInt = sigaction()
        sigaction(SIGINT, nil, &oldInt)
        let catchesInterrupt = oldInt.__sigaction_handler.sa_handler == nil  // SIG_DFL
        if catchesInterrupt {
            _ = weir_signal_take(SIGINT)
            weir_signal_catch_quietly(SIGINT)
        }
        if live != .off {
            liveView = LiveView(fd: 2, record: record)
            nextLiveDraw = live == .on ? 0 : 0.5
        }
        defer {
            liveView?.clear()
            liveView = nil
            if catchesInterrupt {
                weir_signal_set_default(SIGINT)
                if weir_signal_take(SIGINT) != 0 { interrupted = true }
            }
        }
        while true {
            jobs.reapFinished()
            if stopped { return }
            if allEnded { break }
            var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let timeout: Int32 = liveView != nil ? 50 : 1000
            let n = poll(&fds, wake >= 0 ? 1 : 0, timeout)
            if n > 0 && fds[0].revents != 0 { weir_signal_drain_wake_fd() }
            let t = record.now()
            if let v = liveView, t >= nextLiveDraw {
                helper?.live?.read(into: record)
                v.draw(at: t)
                nextLiveDraw = t + LiveView.interval
            }
        }
        finish(jobs: jobs)
        finishedAt = record.now()
    }

    /// When the pipeline was over: as the shell watched it end, or (ended in the
    /// background and seen later) when its last stage ended.
    public private(set) var finishedAt: Double?

    /// Started as a background job: the helper runs, the shell does not wait.
    public func watchInBackground(jobs: ChildWaiter) {
        inBackground = true
        beginWatching(jobs)
    }

    /// The helper runs and the waiter tells this tracer of the stages' ends, from the first
    /// watch (foreground or not) until the record is finished.
    private func beginWatching(_ jobs: ChildWaiter) {
        if !helperStarted { startHelper() }
        if !observing {
            jobs.addReapObserver(self)
            observing = true
        }
    }

    /// Started in the background (`trace PIPELINE &`).
    public private(set) var inBackground = false

    /// Every stage has ended: the helper's results land on the record.
    private func finish(jobs: ChildWaiter) {
        if observing {
            jobs.removeReapObserver(self)
            observing = false
        }
        if let helper, !helper.collect(jobs: jobs, into: record) {
            _ = writeAll(2, "weir: trace: the relay process left no results; the numbers are incomplete\n")
        }
        helper = nil
        settle()
    }

    /// The latest numbers of a pipeline still running (`jobs -t`).
    public func refreshLive() { helper?.live?.read(into: record) }

    func stopSampling(_ i: Int) {
        var s = samplers.removeValue(forKey: i)
        s?.close()
    }

    /// In the helper: one sample of every stage still running.
    func sample(at t: Double) {
        for stage in record.stages where stage.pid > 0 {
            guard var s = samplers[stage.index] else { continue }
            if !stage.endsKnown {
                describeEnds(stage)
                stage.endsKnown = true
            }
            let a = s.sample()
            stage.currentActivity = a
            stage.currentCPU = s.cpuSeconds
            if let m = s.peakMemory { stage.peakMemory = max(stage.peakMemory ?? 0, m) }
            if let a {
                stage.samples[a, default: 0] += 1
                if stage.timeline.last?.activity != a { stage.timeline.append((t, a)) }
            }
            samplers[stage.index] = s
        }
        noteProgress(at: t)
    }

    func noteProgress(at t: Double) {
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

    public func jobEndedInBackground(status: Int32, jobs: ChildWaiter) {
        finish(jobs: jobs)
        finishedAt = record.stages.compactMap { $0.ended }.max() ?? record.now()
        whenDone?(status)
    }

    public func liveLines() -> [String] {
        refreshLive()
        return LiveView.lines(record: record, at: record.now())
    }
}
