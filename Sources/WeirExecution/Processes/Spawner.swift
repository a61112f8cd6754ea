import Glibc
import CWeirSys
import WeirSyntax

/// How a child starts: its process group and its signal dispositions.
public struct SpawnAttributes {
    /// nil: stay in the shell's group; 0: lead a new group; n: join group n.
    public var processGroup: pid_t?
    /// Give the terminal to the child's group (job control, foreground).
    public var terminal: Int32?
    /// Signals set to their default action in the child (those the shell catches).
    public var defaultSignals: [Int32] = []
    /// Signals ignored in the child (a background job without job control ignores SIGINT
    /// and SIGQUIT).
    public var ignoredSignals: [Int32] = []

    public init() {}
}

/// A failed spawn: the errno of vfork or execve.
public struct SpawnError: Error {
    public var code: Int32
}

/// Spawns an external command (vfork and execve in the C shim) with descriptor actions
/// applied in order. Files are opened here in the parent (so errors have their real
/// reason) and handed to the child with dup2; everything the parent opened is closed
/// after the spawn.
public func spawnProcess(path: ByteString, argv: [ByteString], environment: [ByteString], actions: [FdAction],
                         attributes: SpawnAttributes) throws -> pid_t {
    var steps: [weir_spawn_step] = []
    steps.reserveCapacity(actions.count + 1)
    func dup2(_ source: Int32, _ fd: Int32) { steps.append(weir_spawn_step(op: Int32(WEIR_STEP_DUP2), fd: fd, source: source)) }
    func close(_ fd: Int32) { steps.append(weir_spawn_step(op: Int32(WEIR_STEP_CLOSE), fd: fd, source: -1)) }
    var opened: [Int32] = []
    defer { for fd in opened { Glibc.close(fd) } }
    for a in actions {
        switch a {
        case .open(let p, let flags, let mode, let fd):
            // Callers send a command with a FIFO redirection to a forked child instead.
            let f = try openForRedirection(p, flags, mode, fifoChecked: true)
            opened.append(f)
            if fd == bothOutputs {
                dup2(f, 1)
                dup2(1, 2)
            } else {
                dup2(f, fd)
            }
        case .duplicate(let source, let fd):
            if source != fd {
                guard fcntl(source, F_GETFD) >= 0 || opened.contains(source) else {
                    throw RedirectionError(message: "\(source): Bad file descriptor")
                }
                dup2(source, fd)
            }
        case .move(let source, let fd):
            if source != fd {
                dup2(source, fd)
                close(source)
            }
        case .close(let fd):
            close(fd)
        case .content(let bytes, let fd):
            let f = try descriptorReading(bytes)
            opened.append(f)
            dup2(f, fd)
        case .openToVariable, .duplicateToVariable, .closeVariable:
            // `{var}` forms only make sense in the shell itself; the caller applies them there.
            break
        }
    }

    var defaults = sigset_t(), ignored = sigset_t(), mask = sigset_t()
    sigemptyset(&defaults)
    sigemptyset(&ignored)
    sigemptyset(&mask)
    for s in attributes.ignoredSignals { sigaddset(&ignored, s) }
    for s in attributes.defaultSignals where !attributes.ignoredSignals.contains(s) { sigaddset(&defaults, s) }

    var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { mallocCString($0) } + [nil]
    defer { for p in cargv { free(p) } }
    let cenv = EnvironmentBlock.converting(environment)
    var code: Int32 = 0
    let pid = cenv.pointers.withUnsafeBufferPointer { envp in
        path.withCString { cpath in
        weir_spawn(cpath, &cargv, envp.baseAddress, steps, Int32(steps.count), attributes.processGroup ?? -1,
                   attributes.terminal ?? -1, &defaults, &ignored, &mask, &code)
        }
    }
    if pid < 0 { throw SpawnError(code: code) }
    return pid
}
