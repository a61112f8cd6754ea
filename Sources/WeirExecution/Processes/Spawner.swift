import Glibc
import CWeirSys

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

/// A failed spawn: the errno posix_spawn reported.
public struct SpawnError: Error {
    public var code: Int32
}

/// posix_spawn of an external command with descriptor actions applied in order. Files
/// are opened here in the parent (so errors have their real reason) and handed to the
/// child with dup2; everything the parent opened is closed after the spawn.
public func spawnProcess(path: String, argv: [String], environment: [String], actions: [FdAction],
                         attributes: SpawnAttributes) throws -> pid_t {
    var fa = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fa)
    defer { posix_spawn_file_actions_destroy(&fa) }
    var opened: [Int32] = []
    defer { for fd in opened { close(fd) } }
    for a in actions {
        switch a {
        case .open(let p, let flags, let mode, let fd):
            // Callers send a command with a FIFO redirection to a forked child instead.
            let f = try openForRedirection(p, flags, mode, fifoChecked: true)
            opened.append(f)
            if fd == bothOutputs {
                posix_spawn_file_actions_adddup2(&fa, f, 1)
                posix_spawn_file_actions_adddup2(&fa, 1, 2)
            } else {
                posix_spawn_file_actions_adddup2(&fa, f, fd)
            }
        case .duplicate(let source, let fd):
            if source != fd {
                guard fcntl(source, F_GETFD) >= 0 || opened.contains(source) else {
                    throw RedirectionError(message: "\(source): Bad file descriptor")
                }
                posix_spawn_file_actions_adddup2(&fa, source, fd)
            }
        case .move(let source, let fd):
            if source != fd {
                posix_spawn_file_actions_adddup2(&fa, source, fd)
                posix_spawn_file_actions_addclose(&fa, source)
            }
        case .close(let fd):
            posix_spawn_file_actions_addclose(&fa, fd)
        case .content(let bytes, let fd):
            let f = try descriptorReading(bytes)
            opened.append(f)
            posix_spawn_file_actions_adddup2(&fa, f, fd)
        case .openToVariable, .duplicateToVariable, .closeVariable:
            // `{var}` forms only make sense in the shell itself; the caller applies them there.
            break
        }
    }
    if let tty = attributes.terminal { weir_fa_addtcsetpgrp(&fa, tty) }

    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    if let pg = attributes.processGroup {
        flags |= Int32(POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setpgroup(&attr, pg)
    }
    posix_spawnattr_setflags(&attr, Int16(flags))
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in attributes.defaultSignals where !attributes.ignoredSignals.contains(s) { sigaddset(&defaults, s) }
    posix_spawnattr_setsigdefault(&attr, &defaults)

    // Signals to ignore in the child: posix_spawn has no attribute for that, so ignore
    // them here around the call (the child inherits SIG_IGN) and put them back.
    var previous: [(Int32, sigaction)] = []
    for s in attributes.ignoredSignals {
        var old = sigaction()
        var ign = sigaction()
        ign.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(s, &ign, &old)
        previous.append((s, old))
    }
    defer { for (s, old) in previous { var o = old; sigaction(s, &o, nil) } }

    var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargv { free(p) } }
    var cenv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for p in cenv { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &fa, &attr, &cargv, &cenv)
    if rc != 0 { throw SpawnError(code: rc) }
    return pid
}
