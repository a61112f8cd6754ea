import Glibc
import CWeirSys
import WeirSyntax
import WeirTracing

/// A job: the processes of one pipeline (or one background list).
public final class Job {
    public let id: Int
    public var pids: [pid_t]
    public var processGroup: pid_t?
    public var command: ByteString
    public var states: [pid_t: ProcessState] = [:]
    /// Reported as done (`jobs`, the prompt), so it can leave the table.
    public var notified = false
    /// `disown`: no SIGHUP at exit.
    public var disowned = false
    /// Its stop has been reported at the prompt.
    public var reportedStop = false
    public var background: Bool
    /// Terminal modes saved when the job stopped.
    public var terminalModes: termios?
    /// A traced pipeline that stopped or runs in the background: its helper keeps
    /// relaying, and its record is finished when it ends.
    public internal(set) var pendingTrace: PipelineObserver?

    init(id: Int, pids: [pid_t], processGroup: pid_t?, command: ByteString, background: Bool) {
        self.id = id
        self.pids = pids
        self.processGroup = processGroup
        self.command = command
        self.background = background
    }

    public var isDone: Bool {
        pids.allSatisfy { p in
            switch states[p] {
            case .exited?, .signaled?: return true
            default: return false
            }
        }
    }

    public var isStopped: Bool {
        !isDone && pids.contains { p in if case .stopped? = states[p] { return true }; return false }
    }

    /// SIGCONT sent: the stopped processes run again (those that ended stay ended).
    func markStoppedRunning() {
        for p in pids { if case .stopped? = states[p] { states[p] = .running } }
    }

    /// The status of the job: its last process's.
    public var status: Int32 { pids.last.flatMap { states[$0]?.status } ?? 0 }
}

/// Every child the shell started, and the one place that reaps them. Nothing else in
/// weir calls `waitpid`: waiting for one process may reap another, whose status is
/// kept here until someone asks for it.
public final class JobTable: ChildWaiter {
    public private(set) var jobs: [Job] = []
    /// Statuses of processes reaped before anyone asked (by pid).
    var reaped: [pid_t: Int32] = [:]
    /// Pids of background processes whose status `wait PID` may still ask for.
    var knownBackground: Set<pid_t> = []
    var nextID = 1
    /// Report stops (job control).
    public var reportStops = false
    /// Told of every wait status as it is collected, newest first (the tracer listens
    /// while it runs; none otherwise).
    private(set) var reapObservers: [ReapObserver] = []

    public func addReapObserver(_ o: ReapObserver) { reapObservers.append(o) }
    public func removeReapObserver(_ o: ReapObserver) { reapObservers.removeAll { $0 === o } }

    private func notifyReaped(_ pid: pid_t, _ st: Int32, _ usage: rusage) {
        if reapObservers.isEmpty { return }
        for o in reapObservers.reversed() { o.childReaped(pid: pid, status: st, usage: usage) }
    }

    public init() {}

    /// The parent's jobs, which `jobs` still lists in a subshell (bash: `jobs | cat`).
    public private(set) var inheritedJobs: [Job] = []

    /// Forget everything (a forked child starts with no jobs of its own).
    public func reset() {
        // The whole table, not a filtered copy: a child that is about to exec should not
        // touch (and copy, page by page) every job a script has started. `jobs` lists the
        // background ones.
        inheritedJobs = jobs
        jobs = []
        reaped = [:]
        reapedOrder = []
        knownBackground = []
        nextID = 1
    }

    @discardableResult
    public func add(pids: [pid_t], processGroup: pid_t?, command: ByteString, background: Bool) -> Job {
        // Ids rise along the table (each new job is appended with the highest plus one).
        let id = (jobs.last?.id ?? 0) + 1
        let job = Job(id: id, pids: pids, processGroup: processGroup, command: command, background: background)
        jobs.append(job)
        if background { for p in pids { knownBackground.insert(p) } }
        return job
    }

    public func remove(_ job: Job) { jobs.removeAll { $0 === job } }

    /// Drops background jobs that have ended (their statuses stay in `reaped`).
    public func forgetFinishedBackgroundJobs() {
        if jobs.contains(where: { $0.background && $0.isDone }) { jobs.removeAll { $0.background && $0.isDone } }
    }

    /// A process substitution's child: not a job (`jobs` does not list it, as in bash), but
    /// a background child whose status `wait $!` can take.
    public func addProcessSubstitution(_ pid: pid_t) {
        knownBackground.insert(pid)
    }

    /// A new child has this pid: whatever was kept for an earlier process with the same
    /// pid is that process's, and is forgotten (it must never pass for the new one's).
    public func childStarted(_ pid: pid_t) {
        if !reaped.isEmpty { reaped.removeValue(forKey: pid) }
        if !knownBackground.isEmpty { knownBackground.remove(pid) }
    }

    public func job(forPid pid: pid_t) -> Job? { jobs.first { $0.pids.contains(pid) } }

    /// Records a wait status for a pid: in its job, or kept for later.
    func record(_ pid: pid_t, _ st: Int32, _ usage: rusage) {
        notifyReaped(pid, st, usage)
        let state = ProcessState(waitStatus: st)
        if let j = job(forPid: pid) {
            j.states[pid] = state
        }
        if case .stopped = state { return }
        reaped[pid] = st
        reapedOrder.append(pid)
        if reapedOrder.count > 2 * Self.keptStatuses { forgetOldestStatuses() }
    }

    /// How many statuses of children nobody waited for are kept (bash keeps CHILD_MAX;
    /// POSIX asks for at least that many). Older ones are forgotten, so a script that
    /// starts children forever and never waits does not grow forever.
    static let keptStatuses = 4096
    /// The pids of `reaped`, oldest first (with pids already taken, dropped lazily).
    var reapedOrder: [pid_t] = []

    func forgetOldestStatuses() {
        reapedOrder.removeAll { reaped[$0] == nil }
        let excess = reapedOrder.count - Self.keptStatuses
        guard excess > 0 else { return }
        for pid in reapedOrder[0..<excess] where job(forPid: pid) == nil {
            reaped.removeValue(forKey: pid)
            knownBackground.remove(pid)
        }
        reapedOrder.removeFirst(excess)
    }

    /// One call to waitpid for any child; false when there is nothing to wait for.
    func reapOne(block: Bool) -> Bool {
        var st: Int32 = 0
        var flags: Int32 = block ? 0 : WNOHANG
        if reportStops { flags |= WUNTRACED }
        var usage = rusage()
        let r = weir_wait4(-1, &st, flags, &usage)
        if r > 0 {
            record(r, st, usage)
            return true
        }
        return false
    }

    /// Reaps whatever has finished, without blocking.
    public func reapFinished() {
        while reapOne(block: false) {}
    }

    /// Waits until `pid` ends (or stops, with job control) and returns its wait status;
    /// nil when it is not a child. `interrupted` is asked after each EINTR: returning
    /// true abandons the wait (a trapped signal for `wait`).
    public func waitFor(_ pid: pid_t, interrupted: () -> Bool = { false }) -> Int32? {
        while true {
            if !reaped.isEmpty, let st = reaped.removeValue(forKey: pid) {
                knownBackground.remove(pid)
                return st
            }
            if let j = job(forPid: pid), case .stopped? = j.states[pid] { return nil }
            // A signal that came between two waits (while another child was reaped)
            // ends the wait as one that interrupts it would.
            if interrupted() { return nil }
            var st: Int32 = 0
            var flags: Int32 = 0
            if reportStops { flags |= WUNTRACED }
            var usage = rusage()
            let r = weir_wait4(-1, &st, flags, &usage)
            if r == pid {
                // The usual case: the very child waited for. Its status goes straight back
                // instead of through the table of reaped statuses.
                notifyReaped(r, st, usage)
                let state = ProcessState(waitStatus: st)
                if let j = job(forPid: r) { j.states[r] = state }
                if case .stopped = state { return st }
                if !knownBackground.isEmpty { knownBackground.remove(pid) }
                return st
            }
            if r > 0 {
                record(r, st, usage)
                continue
            }
            if errno == EINTR {
                if interrupted() { return nil }
                continue
            }
            return nil
        }
    }

    /// A status already taken from the job's states: no one else will ask for it.
    func forgetStatus(of pid: pid_t) {
        if reaped.removeValue(forKey: pid) != nil { knownBackground.remove(pid) }
    }

    /// The remembered status of a background pid that has ended, if any.
    public func takeStatus(of pid: pid_t) -> Int32? {
        reapFinished()
        if let st = reaped.removeValue(forKey: pid) {
            knownBackground.remove(pid)
            return st
        }
        return nil
    }

    /// Background children that may have ended unseen (reaped between commands).
    var hasChildrenToReap: Bool { !knownBackground.isEmpty }

    public func isKnown(_ pid: pid_t) -> Bool { knownBackground.contains(pid) || reaped[pid] != nil || job(forPid: pid) != nil }

    /// Drops finished background jobs that have been reported.
    public func pruneDone() {
        jobs.removeAll { $0.isDone && ($0.notified || !$0.background) }
    }
}
