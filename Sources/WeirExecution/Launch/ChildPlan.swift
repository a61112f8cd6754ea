import Glibc
import WeirSyntax

/// The process group a child goes into.
public enum ProcessGroupPolicy: Equatable {
    /// The shell's own (no job control).
    case shell
    /// A new group the child leads (the first process of a job).
    case lead
    /// The group of a job's first process.
    case join(pid_t)
}

/// The signal dispositions a child starts with (POSIX 2.11), computed by
/// `Shell.childSignals`: what it must ignore, and what must go back to the default
/// action because the shell itself ignores or catches it.
public struct ChildSignals: Equatable {
    public var ignored: [Int32] = []
    public var defaults: [Int32] = []

    public init(ignored: [Int32] = [], defaults: [Int32] = []) {
        self.ignored = ignored
        self.defaults = defaults
    }
}

/// A child process as a value, before it exists: what it runs, how its descriptors are
/// wired (applied in order, in the child), its process group, whether it takes the
/// terminal, and its signals. `Shell.launch` is the one place that makes it a process.
public struct ChildPlan {
    public enum Body {
        /// A program, run by vfork and execve (or by fork when a step opens a FIFO,
        /// which may wait for the other end).
        case exec(path: ByteString, argv: [ByteString], environment: [ByteString])
        /// Shell code run in a forked copy of the shell; its value is the exit status.
        case shell(() throws -> Int32)
    }

    public var body: Body
    public var descriptors: [FdAction]
    public var group: ProcessGroupPolicy
    /// The child's group gets the terminal (a foreground job under job control).
    public var takesTerminal: Bool
    public var signals: ChildSignals

    public init(body: Body, descriptors: [FdAction] = [], group: ProcessGroupPolicy = .shell,
                takesTerminal: Bool = false, signals: ChildSignals = ChildSignals()) {
        self.body = body
        self.descriptors = descriptors
        self.group = group
        self.takesTerminal = takesTerminal
        self.signals = signals
    }

    /// weir_spawn's and setpgid's form: -1 keeps the shell's group, 0 leads a new one.
    var groupID: pid_t {
        switch group {
        case .shell: return -1
        case .lead: return 0
        case .join(let g): return g
        }
    }
}

/// A program that could not be started: the errno of vfork or execve.
public struct SpawnError: Error {
    public var code: Int32
}
