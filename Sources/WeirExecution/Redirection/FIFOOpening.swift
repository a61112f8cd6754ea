import Glibc
import CWeirSys
import WeirSyntax

/// Opens a FIFO for a redirection made in the shell itself (a builtin, a function, a
/// compound command) without blocking the shell: it waits in `poll` for the other end,
/// and a Ctrl-C ends the wait instead of leaving the shell stuck in open(2): at the
/// prompt it abandons the command line (status 130, as in bash); in a script that traps
/// SIGINT it is the error `weir: PATH: Interrupted system call`. nil when `path` is not a FIFO
/// (or is opened read-write, which never waits).
func openFIFOWaiting(_ path: ByteString, _ flags: Int32) throws -> Int32? {
    var st = stat()
    guard path.withCString({ stat($0, &st) }) == 0, (st.st_mode & S_IFMT) == S_IFIFO else { return nil }
    let access = flags & O_ACCMODE
    guard access != O_RDWR else { return nil }

    // An interactive shell ignores SIGINT: catch it while waiting, so Ctrl-C is seen.
    var old = sigaction()
    sigaction(SIGINT, nil, &old)
    let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    if ignored {
        _ = weir_signal_take(SIGINT)
        weir_signal_catch_quietly(SIGINT)
    }
    defer {
        if ignored {
            weir_signal_ignore(SIGINT)
            _ = weir_signal_take(SIGINT)
        }
    }
    // A trapped SIGINT's flag is looked at, not taken: its trap still runs.
    func interrupted() -> Bool { weir_signal_peek(SIGINT) != 0 }
    func failure(_ code: Int32) -> ShellError {
        ShellError("\(path): \(String(cString: strerror(code)))", kind: .redirection(.other), errno: code)
    }

    var fd: Int32
    if access == O_RDONLY {
        // Opening for reading without O_NONBLOCK waits for a writer; with it, poll
        // reports the first writer's data or its close, and until then nothing.
        fd = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw failure(errno) }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&p, 1, 100) <= 0 {
            if interrupted() {
                close(fd)
                throw failure(EINTR)
            }
        }
    } else {
        // Opening for writing fails with ENXIO until there is a reader: try again.
        while true {
            fd = path.withCString { open($0, flags | O_NONBLOCK | O_CLOEXEC) }
            if fd >= 0 { break }
            let e = errno
            if e != ENXIO && e != EINTR { throw failure(e) }
            if interrupted() { throw failure(EINTR) }
            var ts = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&ts, nil)
        }
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
}
