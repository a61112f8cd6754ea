import Glibc
import WeirSyntax

/// Told of every child's status as the one waiter collects it, with the child's
/// resource usage.
public protocol ReapObserver: AnyObject {
    func childReaped(pid: pid_t, status: Int32, usage: rusage)
}

/// The one waiter (the executor's job table), as an observer sees it.
public protocol ChildWaiter: AnyObject {
    func addReapObserver(_ o: ReapObserver)
    func removeReapObserver(_ o: ReapObserver)
    /// Collects the statuses of children that have ended, without blocking.
    func reapFinished()
    /// Waits for one child; nil when it is not one.
    func waitFor(_ pid: pid_t, interrupted: () -> Bool) -> Int32?
}

/// The events of a pipeline run, told to whoever watches it: the tracer
/// (`PipelineTracer`). The executor's plan carries the observer; an untraced plan carries
/// none, and then nothing here is called.
public protocol PipelineObserver: ReapObserver {
    /// The joint after stage `stage`: the ends its two neighbours use. The observer may
    /// put itself between them (the tracer's relay). nil: it could not be made (errno).
    func edge(after stage: Int) -> (read: Int32, write: Int32)?
    /// Descriptors the observer holds that no child may keep.
    var heldDescriptors: [Int32] { get }
    /// Stage `stage` has been lowered to the child that will run it, which opens these
    /// files as these descriptors (its own redirections).
    func stageLowered(_ stage: Int, opens: [(fd: Int32, path: ByteString)])
    /// Stage `stage` is a process. `execed`: the program is the process from its start.
    func stageStarted(_ stage: Int, pid: pid_t, execed: Bool)
    /// A process substitution that stage `stage` uses has started; `source` and `sink` are
    /// the pipe ends between it and its FIFO, for the observer to relay.
    func substitutionStarted(command: ByteString, pid: pid_t, stage: Int, isInput: Bool, fifo: ByteString,
                             source: Int32, sink: Int32)
    /// The shell now waits for the stages: the observer runs until they have ended or the
    /// job has stopped (their statuses come through `childReaped`).
    func watch(jobs: ChildWaiter)
    /// The stages were started as a background job: the observer keeps watching without
    /// the shell waiting (its record is finished by `jobEndedInBackground`).
    func watchInBackground(jobs: ChildWaiter)
    /// The job stopped (Ctrl-Z) while it was watched.
    var stopped: Bool { get }
    /// A job that stopped has ended after `fg`, with this status.
    func resumedJobEnded(status: Int32)
    /// A job that stopped or was started in the background has ended there (seen by the
    /// waiter at a prompt, by `wait` or by `jobs`): the record is finished and reported.
    func jobEndedInBackground(status: Int32, jobs: ChildWaiter)
    /// Its live numbers, a line per stage and per edge (`jobs -t`).
    func liveLines() -> [String]
    /// The W3C `TRACEPARENT` stage `stage`'s program gets, naming its own span, so that an
    /// instrumented program's spans nest under it (OTLP export on); nil: none.
    func traceParent(forStage stage: Int) -> ByteString?
}

extension PipelineObserver {
    /// No TRACEPARENT unless the observer exports OTLP.
    public func traceParent(forStage stage: Int) -> ByteString? { nil }
}
