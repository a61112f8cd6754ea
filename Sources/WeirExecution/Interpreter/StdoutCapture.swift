import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// Standard output captured in the shell itself, without a child: fd 1 points at an
/// in-memory file while `body` runs, and what was written is read back. One file per
/// nesting level (a `${ …; }` inside another, a builtin `$(…)` inside one), made on first
/// use and kept, emptied after each use. A forked child drops the parent's files
/// (`becomeChild`) and makes its own.
extension Shell {
    /// `body`'s result and what it wrote to fd 1; nil (and `body` not run) when no
    /// in-memory file can be had. If `body` throws, fd 1 is put back first.
    /// `what` names the construct in an error (`${ …; }`).
    func capturingStdout<T>(_ what: String, _ body: () throws -> T) throws -> (T, [UInt8])? {
        let level = captureDepth
        if level == captureFiles.count {
            let fd = weir_memfd("weir-capture")
            guard fd >= 0 else { return nil }
            // Above the descriptors scripts use (0-9), close-on-exec.
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            guard high >= 0 else { return nil }
            captureFiles.append(high)
        }
        let file = captureFiles[level]
        let saved = fcntl(1, F_DUPFD_CLOEXEC, 10)
        guard dup2(file, 1) == 1 else {
            if saved >= 0 { close(saved) }
            return nil
        }
        captureDepth += 1
        func empty() {
            _ = ftruncate(file, 0)
            _ = lseek(file, 0, SEEK_SET)
        }
        func putBack() {
            captureDepth -= 1
            if saved >= 0 {
                dup2(saved, 1)
                close(saved)
            } else {
                close(1)  // it was closed before
            }
        }
        let result: T
        do {
            result = try body()
        } catch {
            putBack()
            empty()
            throw error
        }
        putBack()
        let size = lseek(file, 0, SEEK_END)
        // As for a forked `$(…)`: what cannot be held, with its copies on the way to a
        // word, is an error with the reason, never an allocation failure.
        if size > 1 << 20 && weir_memory_available(Int(size) * 2) == 0 {
            empty()
            throw ShellError("\(what): output too large to hold: \(String(cString: strerror(ENOMEM)))", kind: .expansion, status: 2)
        }
        var out = [UInt8](repeating: 0, count: max(0, Int(size)))
        var got = 0
        while got < out.count {
            let n = out.withUnsafeMutableBytes { pread(file, $0.baseAddress! + got, $0.count - got, off_t(got)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        if got < out.count { out.removeLast(out.count - got) }
        empty()
        return (result, out)
    }

    /// In a forked child: the parent's capture files are the parent's.
    func dropCaptureFiles() {
        for fd in captureFiles { close(fd) }
        captureFiles = []
        captureDepth = 0
    }
}
