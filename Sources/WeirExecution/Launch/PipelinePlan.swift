import Glibc
import WeirSyntax
import WeirTracing

/// A pipeline as a value, made before any of its processes exists (`Shell.planPipeline`):
/// its stages, how each is wired to its neighbours, the process-group policy, whether the
/// job takes the terminal, the signals its children start with, whether the last stage
/// runs in the shell itself, and whether it is traced. `Shell.runStages` interprets it:
/// it makes the pipes, lowers each stage to a `ChildPlan` (`Shell.lowerStage`) and hands
/// that to the one launcher. Nothing here starts a process, so plans are checked by unit
/// tests.
public struct PipelinePlan {
    public struct Stage {
        public var command: Command
        /// `|&` after this stage: its standard error goes down the pipe with its output.
        public var stderrToPipe: Bool

        public init(command: Command, stderrToPipe: Bool) {
            self.command = command
            self.stderrToPipe = stderrToPipe
        }
    }

    /// One step of a stage's wiring, with pipes named by their index until they exist:
    /// pipe k joins stage k to stage k+1.
    public enum Wire: Equatable {
        case stdinFrom(pipe: Int)
        case stdoutTo(pipe: Int)
        /// `|&`: fd 2 becomes a copy of fd 1 (after fd 1 is the pipe).
        case stderrToStdout
    }

    public var stages: [Stage]
    /// Job control: the first stage leads a new process group and the others join it.
    /// Otherwise every stage stays in the shell's group.
    public var newProcessGroup: Bool
    /// The job's group gets the terminal while it runs (a foreground job under job control).
    public var takesTerminal: Bool
    /// What every child starts with (POSIX 2.11, computed by `Shell.childSignals`).
    public var signals: ChildSignals
    /// `shopt -s lastpipe` without job control: the last stage runs in the shell.
    public var lastStageInShell: Bool
    /// Who is told of the run's events (the tracer); nil when untraced.
    var observer: PipelineObserver?
    /// A traced plan: each pipe is an edge the observer may relay.
    public var traced: Bool { observer != nil }

    init(stages: [Stage], newProcessGroup: Bool = false, takesTerminal: Bool = false,
         signals: ChildSignals = ChildSignals(), lastStageInShell: Bool = false, observer: PipelineObserver? = nil) {
        self.stages = stages
        self.newProcessGroup = newProcessGroup
        self.takesTerminal = takesTerminal
        self.signals = signals
        self.lastStageInShell = lastStageInShell
        self.observer = observer
    }

    /// The pipes (or traced edges) between the stages.
    public var pipeCount: Int { max(stages.count - 1, 0) }

    /// The stages that become processes (all but a last stage the shell runs).
    public var childCount: Int { lastStageInShell ? stages.count - 1 : stages.count }

    /// Stage `i`'s wiring: standard input from the pipe before it, output into the pipe
    /// after it, and standard error too after `|&`.
    public func wires(of i: Int) -> [Wire] {
        var w: [Wire] = []
        if i > 0 { w.append(.stdinFrom(pipe: i - 1)) }
        if i < stages.count - 1 {
            w.append(.stdoutTo(pipe: i))
            if stages[i].stderrToPipe { w.append(.stderrToStdout) }
        }
        return w
    }

    /// Stage `i`'s wiring lowered to descriptor actions, given each pipe's ends: the
    /// copies, then closes of the pipe ends it holds (and any descriptors the tracer
    /// keeps), so a forked shell stage keeps none open by accident.
    public func descriptorActions(of i: Int, pipes: [(read: Int32, write: Int32)], held: [Int32] = []) -> [FdAction] {
        var actions: [FdAction] = []
        var ends: [Int32] = []
        for wire in wires(of: i) {
            switch wire {
            case .stdinFrom(let k):
                actions.append(.duplicate(source: pipes[k].read, fd: 0))
                ends.append(pipes[k].read)
            case .stdoutTo(let k):
                actions.append(.duplicate(source: pipes[k].write, fd: 1))
                ends.append(pipes[k].read)
                ends.append(pipes[k].write)
            case .stderrToStdout:
                actions.append(.duplicate(source: 1, fd: 2))
            }
        }
        for fd in ends + held where fd > 2 { actions.append(.close(fd)) }
        return actions
    }

    /// Stage `i`'s process group, once the leader (the first stage's process) exists.
    public func group(of i: Int, leader: pid_t?) -> ProcessGroupPolicy {
        guard newProcessGroup else { return .shell }
        if i == 0 { return .lead }
        return leader.map { .join($0) } ?? .lead
    }
}
