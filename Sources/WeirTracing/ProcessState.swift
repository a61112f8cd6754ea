import CWeirSys

/// How a process ended or stopped, from a wait status.
public enum ProcessState: Equatable {
    case exited(Int32)
    case signaled(Int32, coreDumped: Bool)
    case stopped(Int32)
    case running

    /// Exited or killed: it will not run again.
    public var hasEnded: Bool {
        switch self {
        case .exited, .signaled: return true
        case .stopped, .running: return false
        }
    }

    public init(waitStatus st: Int32) {
        if weir_WIFEXITED(st) != 0 {
            self = .exited(weir_WEXITSTATUS(st))
        } else if weir_WIFSIGNALED(st) != 0 {
            self = .signaled(weir_WTERMSIG(st), coreDumped: weir_WCOREDUMP(st) != 0)
        } else if weir_WIFSTOPPED(st) != 0 {
            self = .stopped(weir_WSTOPSIG(st))
        } else {
            self = .running
        }
    }

    /// The shell status: the exit code, or 128 + the signal.
    public var status: Int32 {
        switch self {
        case .exited(let c): return c
        case .signaled(let s, _): return 128 + s
        case .stopped(let s): return 128 + s
        case .running: return 0
        }
    }
}
