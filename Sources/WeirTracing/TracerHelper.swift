import Glibc
import CWeirSys
import WeirExpansion

/// The tracer's helper: a process forked from the shell once a traced pipeline's stages
/// have started. It moves every edge's bytes (EdgeRelay) and samples every stage from
/// /proc (StageSampler) until each stage has ended (a pidfd per stage says when), keeps
/// live numbers in memory the shell reads (LiveCounters), and at the end writes what it
/// learned (TraceWire) into an in-memory file the shell reads once it has reaped it.
///
/// So a traced pipeline flows whatever the shell does: waiting in its own loop, sitting at
/// the prompt, running other commands, or after Ctrl-Z and `bg`. A busy shell and a busy
/// relay never wait for each other.
final class TracerHelper {
    typealias Fork = (@escaping () throws -> Int32) throws -> pid_t

    let pid: pid_t
    private var resultFD: Int32
    let live: LiveCounters?

    /// Starts the helper for `tracer`. The shell's copies of the relays', samplers' and
    /// pidfds' descriptors are closed here once the helper has its own.
    init?(tracer: PipelineTracer, stages: [(index: Int, pid: pid_t)], fork: Fork) {
        let memfd = weir_memfd("weir-trace")
        guard memfd >= 0 else { return nil }
        var pidfds: [(index: Int, fd: Int32)] = []
        var gone: [Int] = []
        for s in stages {
            // WEIR_TRACE_NO_PIDFD: act as on a kernel without pidfds (tests the fallback).
            let fd = TracerHelper.pidfdsOff ? -1 : weir_pidfd_open(s.pid)
            if TracerHelper.pidfdsOff { errno = ENOSYS }
            // Gone already (reaped): ended. A kernel without pidfds (before 5.3): -1, and
            // the helper looks at the stage's /proc/PID/stat each tick instead.
            if fd >= 0 || errno != ESRCH { pidfds.append((s.index, fd)) } else { gone.append(s.index) }
        }
        let live = LiveCounters(edges: tracer.record.edges.count, stages: tracer.record.stages.count)
        let result = memfd
        let pid: pid_t
        do {
            pid = try fork {
                tracer.runAsHelper(pidfds: pidfds, alreadyEnded: gone, live: live, result: result)
                return 0
            }
        } catch {
            for p in pidfds { close(p.fd) }
            close(memfd)
            return nil
        }
        for p in pidfds { close(p.fd) }
        self.pid = pid
        resultFD = memfd
        self.live = live
    }

    deinit { if resultFD >= 0 { close(resultFD) } }

    static let pidfdsOff = getenv("WEIR_TRACE_NO_PIDFD") != nil

    /// A pump that moved less than this waits `batchWait` before the edge is read again.
    static let batch = 64 << 10
    static let batchWait = 0.001

    /// Waits for the helper to end (every stage has ended, so it is finishing) and puts
    /// what it learned on the record. False when it left nothing whole.
    func collect(jobs: ChildWaiter, into record: TracedPipeline) -> Bool {
        _ = jobs.waitFor(pid, interrupted: { false })
        defer { close(resultFD); resultFD = -1 }
        guard lseek(resultFD, 0, SEEK_SET) == 0 else { return false }
        var bytes: [UInt8] = []
        guard readToEnd(resultFD, into: &bytes) else { return false }
        return TraceWire.decode(bytes, into: record)
    }
}

extension PipelineTracer {
    /// The helper's whole life: relay and sample until every stage has ended, then settle
    /// the edges and write the results.
    func runAsHelper(pidfds: [(index: Int, fd: Int32)], alreadyEnded: [Int], live: LiveCounters?, result: Int32) {
        // Terminal signals are for the job, not for its observer: the helper keeps relaying
        // until the stages are gone, so the report stays whole. Readers that leave give
        // EPIPE, not death.
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGHUP, SIGPIPE] { weir_signal_ignore(sig) }
        // What the shell's stdin and stdout are is no business of the helper's: a
        // command substitution reading the shell's output must not wait for it.
        let null = open("/dev/null", O_RDWR)
        if null >= 0 { dup2(null, 0); dup2(null, 1); if null > 1 { close(null) } }

        var waiting = pidfds
        for i in alreadyEnded { stopSampling(i) }
        var nextTick = record.now() + PipelineTracer.tick
        var mainEndedAt: Double?
        var fds: [pollfd] = []
        var owners: [Int] = []
        var deferredUntil = [Double](repeating: 0, count: relays.count)
        while !waiting.isEmpty {
            if waiting.allSatisfy({ $0.index >= mainStageCount }) {
                // Substitutions get a little while to finish what the pipeline gave them.
                let now = record.now()
                if mainEndedAt == nil { mainEndedAt = now }
                for r in relays where r.phase == .awaitingSink { r.finishAll() }
                if let ended = mainEndedAt, now - ended > PipelineTracer.substitutionGrace {
                    // Bytes already in a pipe stay there for their reader: closing this
                    // end loses nothing. Bytes not yet passed on are never dropped.
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
            // Owners: a stage's pidfd is -1-k (k its place in `waiting`), a relay's fd its index.
            for (k, p) in waiting.enumerated() where p.fd >= 0 {
                fds.append(pollfd(fd: p.fd, events: Int16(POLLIN), revents: 0))
                owners.append(-1 - k)
            }
            var draining = false
            let now = record.now()
            var wakeAt = nextTick
            for (i, r) in relays.enumerated() {
                if r.phase == .draining { draining = true }
                let deferred = deferredUntil[i] > now && r.phase == .awaitingInput
                if deferred { wakeAt = min(wakeAt, deferredUntil[i]) }
                for (fd, ev) in r.pollRequests {
                    // A deferred edge is still watched for a reader that leaves.
                    fds.append(pollfd(fd: fd, events: deferred && fd == r.source ? 0 : ev, revents: 0))
                    owners.append(i)
                }
            }
            var timeout = max(0, Int32(((wakeAt - now) * 1000).rounded(.up)))
            if draining { timeout = min(timeout, 1) }
            if awaitingSink { timeout = min(timeout, 2) }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno != EINTR { break }
            let t = record.now()
            var pumped = Set<Int>()
            var ended: [Int] = []
            for (k, p) in fds.enumerated() where p.revents != 0 {
                let owner = owners[k]
                if owner < 0 {
                    ended.append(-1 - owner)
                    continue
                }
                let gone = p.fd == relays[owner].sink && (p.revents & Int16(POLLERR)) != 0
                if gone || !pumped.contains(owner) {
                    relays[owner].pump(readerGone: gone)
                    pumped.insert(owner)
                }
            }
            if draining { for r in relays where r.phase == .draining { r.pump() } }
            for (i, r) in relays.enumerated() where deferredUntil[i] > 0 && deferredUntil[i] <= t && !pumped.contains(i) {
                r.pump()
                pumped.insert(i)
            }
            // An edge that woke the helper for a little data waits a millisecond before the
            // next read, so the writer's small writes are moved as one batch (the pipe
            // holds a megabyte meanwhile) and nobody wakes per write.
            for i in pumped {
                deferredUntil[i] = relays[i].phase == .awaitingInput && relays[i].lastMoved < TracerHelper.batch ? t + TracerHelper.batchWait : 0
            }
            // A stage that ended: what its pipes still hold is moved first (above), so
            // the last bytes are not mistaken for ones never written.
            for k in ended.sorted(by: >) {
                let p = waiting.remove(at: k)
                if p.fd >= 0 { close(p.fd) }
                stopSampling(p.index)
                if p.index < record.stages.count { record.stages[p.index].ended = t }
            }
            if t >= nextTick {
                // Stages without a pidfd: ended once their stat says zombie, or is gone.
                let unwatched = waiting.indices.filter {
                    waiting[$0].fd < 0 && StageSampler.hasEnded(pid: record.stages[waiting[$0].index].pid)
                }
                for k in unwatched.reversed() {
                    let p = waiting.remove(at: k)
                    stopSampling(p.index)
                    if p.index < record.stages.count { record.stages[p.index].ended = t }
                }
                sample(at: t)
                live?.publish(record)
                nextTick = t + PipelineTracer.tick
            }
        }
        let end = record.now()
        for r in relays { r.finishAll() }
        noteProgress(at: end)
        live?.publish(record)
        _ = writeAll(result, TraceWire.encode(record))
    }
}
