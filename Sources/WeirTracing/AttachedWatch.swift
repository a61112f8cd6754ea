import Glibc
import CWeirSys
import WeirSyntax

/// Watches an attached pipeline (PipelineAttach) into a record the session reports like
/// any other: each stage sampled every `tick` from /proc, its CPU and bytes counted from
/// the attach, each pipe's fill read through its reader's descriptor, until every stage
/// has ended (a pidfd each) or SIGINT (Ctrl-C) comes.
public final class AttachedWatch {
    public let record: TracedPipeline
    private let graph: PipelineAttach
    private var samplers: [StageSampler?]
    private var pidfds: [Int32]
    private var ioFDs: [Int32]
    private var ioStart: [(read: Int64, written: Int64)?]
    private var ioNow: [(read: Int64, written: Int64)?]
    private var cpuStart: [(user: Double, system: Double)]
    public var live = TraceOptions.Live.auto
    public static let tick = 0.02

    public init(graph: PipelineAttach, record: TracedPipeline) {
        self.graph = graph
        self.record = record
        record.attached = true
        record.stages = graph.stages.enumerated().map { i, s in
            let stage = TracedStage(index: i, command: s.command, kind: .external)
            stage.pid = s.pid
            stage.stdin = describeDescriptor(pid: s.pid, fd: 0)
            stage.stdout = describeDescriptor(pid: s.pid, fd: 1)
            stage.endsKnown = true
            return stage
        }
        record.edges = graph.edges.map { e in
            let edge = TracedEdge(from: e.from, to: e.to)
            edge.estimated = true
            if let path = e.path { edge.kind = "fifo"; edge.path = path }
            return edge
        }
        samplers = graph.stages.map { StageSampler(pid: $0.pid) }
        pidfds = graph.stages.map { weir_pidfd_open($0.pid) }
        ioFDs = graph.stages.map { open("/proc/\($0.pid)/io", O_RDONLY | O_CLOEXEC) }
        ioStart = Array(repeating: nil, count: graph.stages.count)
        ioNow = ioStart
        cpuStart = []
        for i in samplers.indices {
            _ = samplers[i]?.sample()
            cpuStart.append((samplers[i]?.userSeconds ?? 0, samplers[i]?.systemSeconds ?? 0))
            ioStart[i] = readIO(i)
        }
    }

    deinit {
        for i in samplers.indices { samplers[i]?.close() }
        for fd in pidfds + ioFDs where fd >= 0 { close(fd) }
    }

    /// Samples until every stage has ended or SIGINT comes; true when it was SIGINT.
    public func run() -> Bool {
        let wake = weir_signal_wake_fd()
        // SIGINT ends the watch, not the shell: caught quietly where it was at its default.
        var old = sigaction()
        sigaction(SIGINT, nil, &old)
        let atDefault = old.__sigaction_handler.sa_handler == nil
        if atDefault {
            _ = weir_signal_take(SIGINT)
            weir_signal_catch_quietly(SIGINT)
        }
        defer { if atDefault { weir_signal_set_default(SIGINT) } }
        var view: LiveView?
        var nextDraw = live == .on ? 0 : 0.5
        if live != .off { view = LiveView(fd: 2, record: record) }
        defer { view?.clear() }
        var interrupted = false
        var nextTick = record.now()
        while record.stages.contains(where: { $0.ended == nil }) {
            if weir_signal_take(SIGINT) != 0 { interrupted = true; break }
            var fds: [pollfd] = []
            var owners: [Int] = []
            if wake >= 0 { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)); owners.append(-1) }
            for (i, fd) in pidfds.enumerated() where fd >= 0 && record.stages[i].ended == nil {
                fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                owners.append(i)
            }
            let timeout = max(0, Int32(((nextTick - record.now()) * 1000).rounded(.up)))
            _ = poll(&fds, nfds_t(fds.count), timeout)
            let t = record.now()
            for (k, p) in fds.enumerated() where p.revents != 0 {
                if owners[k] < 0 { weir_signal_drain_wake_fd(); continue }
                ended(owners[k], at: t)
            }
            if t >= nextTick {
                sample(at: t)
                nextTick = t + AttachedWatch.tick
                if let v = view, t >= nextDraw {
                    v.draw(at: t)
                    nextDraw = t + LiveView.interval
                }
            }
        }
        let end = record.now()
        sample(at: end)
        for s in record.stages where s.ended == nil { s.ended = end }
        record.duration = end
        return interrupted
    }

    private func ended(_ i: Int, at t: Double) {
        let stage = record.stages[i]
        guard stage.ended == nil else { return }
        stage.ended = t
        stage.endedUnwaited = true
        samplers[i]?.close()
        samplers[i] = nil
    }

    private func sample(at t: Double) {
        for (i, stage) in record.stages.enumerated() where stage.ended == nil {
            guard var s = samplers[i] else { continue }
            let a = s.sample()
            // A process without a stat any more has ended (its pidfd may be missing).
            if a == nil && access("/proc/\(stage.pid)/stat", F_OK) != 0 {
                samplers[i] = s
                ended(i, at: t)
                continue
            }
            stage.currentActivity = a
            stage.currentCPU = s.cpuSeconds - cpuStart[i].user - cpuStart[i].system
            stage.userCPU = max(0, s.userSeconds - cpuStart[i].user)
            stage.systemCPU = max(0, s.systemSeconds - cpuStart[i].system)
            stage.peakMemory = s.peakMemory
            if let a {
                stage.samples[a, default: 0] += 1
                if stage.timeline.last?.activity != a { stage.timeline.append((t, a)) }
            }
            samplers[i] = s
            if let io = readIO(i) { ioNow[i] = io }
        }
        for (k, e) in graph.edges.enumerated() {
            let edge = record.edges[k]
            if let a = ioStart[e.from], let b = ioNow[e.from] { edge.bytesWritten = b.written - a.written }
            if let a = ioStart[e.to], let b = ioNow[e.to] { edge.bytesRead = b.read - a.read }
            if record.stages[e.to].ended == nil, let fill = pipeFill(reader: graph.stages[e.to].pid, fd: e.readerFD) {
                edge.fill = fill
                edge.maxFill = max(edge.maxFill, fill)
            }
            if edge.progress.last?.bytes != edge.bytesRead { edge.progress.append((t, edge.bytesRead)) }
        }
    }

    /// rchar and wchar from /proc/PID/io: bytes read and written through any descriptor.
    private func readIO(_ i: Int) -> (read: Int64, written: Int64)? {
        guard ioFDs[i] >= 0, let text = preadText(ioFDs[i], 512) else { return nil }
        var r: Int64?, w: Int64?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("rchar:") { r = Int64(line.dropFirst(6).trimmingPrefix(while: { $0 == " " })) }
            if line.hasPrefix("wchar:") { w = Int64(line.dropFirst(6).trimmingPrefix(while: { $0 == " " })) }
        }
        guard let r, let w else { return nil }
        return (r, w)
    }

    /// Bytes waiting in the pipe the reader holds as `fd`: opened through /proc for an
    /// instant (long enough to ask, not to change who holds the pipe).
    private func pipeFill(reader: pid_t, fd: Int32) -> Int? {
        let f = open("/proc/\(reader)/fd/\(fd)", O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard f >= 0 else { return nil }
        defer { close(f) }
        let n = weir_unread_bytes(f)
        return n >= 0 ? Int(n) : nil
    }
}
