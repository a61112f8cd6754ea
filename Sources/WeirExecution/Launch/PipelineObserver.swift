import Glibc
import WeirSyntax

/// Told of every child's status as the one waiter (`JobTable`) collects it, with the
/// child's resource usage.
protocol ReapObserver: AnyObject {
    func childReaped(pid: pid_t, status: Int32, usage: rusage)
}

/// The events of a pipeline run, told to whoever watches it: the tracer
/// (`PipelineTracer`). The plan carries the observer; an untraced plan carries none, and
/// then nothing here is called.
protocol PipelineObserver: ReapObserver {
    /// The joint after stage `stage`: the ends its two neighbours use. The observer may
    /// put itself between them (the tracer's relay). nil: it could not be made (errno).
    func edge(after stage: Int) -> (read: Int32, write: Int32)?
    /// Descriptors the observer holds that no child may keep.
    var heldDescriptors: [Int32] { get }
    /// Stage `stage` has been lowered to the child that will run it.
    func stageLowered(_ stage: Int, _ child: ChildPlan)
    /// Stage `stage` is a process. `execed`: the program is the process from its start.
    func stageStarted(_ stage: Int, pid: pid_t, execed: Bool)
    /// A process substitution that stage `stage` uses has started; `source` and `sink` are
    /// the pipe ends between it and its FIFO, for the observer to relay.
    func substitutionStarted(command: ByteString, pid: pid_t, stage: Int, isInput: Bool, fifo: ByteString,
                             source: Int32, sink: Int32)
    /// The shell now waits for the stages: the observer runs until they have ended or the
    /// job has stopped (their statuses come through `childReaped`).
    func watch(jobs: JobTable)
    /// The job stopped (Ctrl-Z) while it was watched.
    var stopped: Bool { get }
    /// A job that stopped has ended after `fg`, with this status.
    func resumedJobEnded(status: Int32)
}
