import Glibc
import CWeirSys
import WeirExpansion
import WeirSyntax

/// What applying redirections in the shell changed, so it can be undone.
public struct SavedDescriptors {
    /// Each changed descriptor and a copy of what it was (-1: it was closed).
    var saved: [(fd: Int32, copy: Int32)] = []

    mutating func remember(_ fd: Int32) {
        if saved.contains(where: { $0.fd == fd }) { return }
        // Kept above the numbers scripts usually name (`exec 10>file` is common).
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 64)
        saved.append((fd, copy))
    }
}

/// Opens a file for a redirection. The descriptor is close-on-exec and 10 or above, so
/// it never stands on a descriptor the redirections are about to use.
/// `fifoChecked`: the caller already knows `path` is no FIFO (a spawn whose FIFO opens
/// were sent to a child), so the stat that looks for one is skipped.
func openForRedirection(_ path: ByteString, _ flags: Int32, _ mode: mode_t, fifoChecked: Bool = false) throws -> Int32 {
    if !fifoChecked, let fd = try openFIFOWaiting(path, flags & ~noclobberMarker) { return liftDescriptor(fd) }
    var fl = flags & ~noclobberMarker
    var fd = path.withCString { open($0, fl | O_CLOEXEC, mode) }
    if fd < 0 && errno == EEXIST && flags & noclobberMarker != 0 {
        // `set -C`: only regular files are protected.
        var st = stat()
        if path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            fl &= ~(O_EXCL | O_CREAT | O_TRUNC)
            fd = path.withCString { open($0, fl | O_CLOEXEC, mode) }
        } else {
            throw ShellError("\(path): cannot overwrite existing file", kind: .redirection(.other))
        }
    }
    if fd < 0 {
        let e = errno
        throw ShellError("\(path): \(String(cString: strerror(e)))", kind: .redirection(.other))
    }
    return liftDescriptor(fd)
}

/// Moves a descriptor to 10 or above, close-on-exec.
func liftDescriptor(_ fd: Int32) -> Int32 {
    if fd >= 10 { return fd }
    let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
    if high < 0 { return fd }
    close(fd)
    return high
}

/// A descriptor that reads `bytes`: a pipe when they fit in one (the write cannot
/// block), otherwise an unlinked temporary file.
func descriptorReading(_ bytes: [UInt8]) throws -> Int32 {
    if bytes.count <= 65536 {
        var fds: [Int32] = [0, 0]
        if weir_pipe2_cloexec(&fds) == 0 {
            if bytes.count > 4096 { _ = weir_set_pipe_size(fds[1], 1 << 17) }
            let capacity = Int(weir_get_pipe_size(fds[1]))
            if capacity >= bytes.count {
                writeAll(fds[1], bytes)
                close(fds[1])
                return liftDescriptor(fds[0])
            }
            close(fds[0])
            close(fds[1])
        }
    }
    var dir = getenv("TMPDIR").map { ByteString(cString: $0) } ?? "/tmp"
    if dir.isEmpty { dir = "/tmp" }
    var template: [CChar] = (dir + "/weir-heredoc-XXXXXX").map { CChar(bitPattern: $0) } + [0]
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    if fd < 0 { throw ShellError("cannot create temporary file for here-document: \(String(cString: strerror(errno)))", kind: .redirection(.other)) }
    unlink(template)
    writeAll(fd, bytes)
    lseek(fd, 0, SEEK_SET)
    return liftDescriptor(fd)
}

extension Shell {
    /// Applies redirections in this process; with `save`, what they change can be put
    /// back with `restore`. On error, what was applied so far is undone.
    public func applyRedirections(_ actions: [FdAction], save: Bool) throws -> SavedDescriptors {
        var saved = SavedDescriptors()
        do {
            for a in actions { try apply(a, saving: &saved, save: save) }
        } catch {
            if save { restore(saved) }
            throw error
        }
        return saved
    }

    func apply(_ action: FdAction, saving: inout SavedDescriptors, save: Bool) throws {
        func remember(_ fd: Int32) { if save { saving.remember(fd) } }
        func place(_ fd: Int32, at target: Int32) throws {
            remember(target)
            if fd == target {
                _ = fcntl(fd, F_SETFD, 0)
            } else {
                let moved = dup2(fd, target)
                let code = errno
                close(fd)
                // A number past the descriptor limit (`ulimit -n`).
                if moved < 0 { throw ShellError("\(target): \(String(cString: strerror(code)))", kind: .redirection(.other), errno: code) }
            }
        }
        switch action {
        case .open(let path, let flags, let mode, let fd):
            let opened = try abandoningOnInterrupt { try openForRedirection(path, flags, mode) }
            if fd == bothOutputs {
                try place(opened, at: 1)
                remember(2)
                dup2(1, 2)
            } else {
                try place(opened, at: fd)
            }
        case .duplicate(let source, let fd):
            if source == fd { return }
            guard fcntl(source, F_GETFD) >= 0 else { throw ShellError("\(source): Bad file descriptor", kind: .redirection(.other)) }
            remember(fd)
            if dup2(source, fd) < 0 { throw ShellError("\(fd): Bad file descriptor", kind: .redirection(.other), errno: EBADF) }
        case .move(let source, let fd):
            if source == fd {
                remember(fd)
                close(fd)
                return
            }
            guard fcntl(source, F_GETFD) >= 0 else { throw ShellError("\(source): Bad file descriptor", kind: .redirection(.other)) }
            remember(fd)
            remember(source)
            dup2(source, fd)
            close(source)
        case .close(let fd):
            remember(fd)
            close(fd)
        case .content(let bytes, let fd):
            try place(try descriptorReading(bytes), at: fd)
        case .contentToVariable(let bytes, let variable):
            // descriptorReading lifts it to the lowest free number from 10, as a variable's
            // descriptor is chosen; it stays open across exec, as the variable's are.
            var fd = try descriptorReading(bytes)
            if fd < 10 {
                let high = fcntl(fd, F_DUPFD, 10)
                close(fd)
                if high < 0 { throw ShellError(String(cString: strerror(errno)), kind: .redirection(.other), errno: errno) }
                fd = high
            }
            _ = fcntl(fd, F_SETFD, 0)
            try assignDescriptorVariable(variable, fd)
        case .openToVariable(let path, let flags, let mode, let variable):
            let fd = try abandoningOnInterrupt { try openForRedirection(path, flags, mode) }
            _ = fcntl(fd, F_SETFD, 0)
            try assignDescriptorVariable(variable, fd)
        case .duplicateToVariable(let source, let variable):
            let fd = fcntl(source, F_DUPFD, 10)
            if fd < 0 { throw ShellError("\(source): Bad file descriptor", kind: .redirection(.other)) }
            try assignDescriptorVariable(variable, fd)
        case .closeVariable(let variable):
            if let v = variables.value(variable), let fd = Int32(v) { close(fd) }
        }
    }

    func assignDescriptorVariable(_ name: ByteString, _ fd: Int32) throws {
        do { try variables.assign(name, ByteString(fd)) } catch let e as VariableError {
            close(fd)
            throw ShellError(e.message, kind: .redirection(.other))
        }
    }

    /// Puts back what `applyRedirections` changed.
    public func restore(_ saved: SavedDescriptors) {
        for (fd, copy) in saved.saved.reversed() {
            if copy >= 0 {
                dup2(copy, fd)
                close(copy)
            } else {
                close(fd)
            }
        }
    }
}
