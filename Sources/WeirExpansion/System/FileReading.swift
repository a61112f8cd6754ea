import Glibc
import CWeirSys
import WeirSyntax

/// Reads `fd` to its end, appending to `out`; false when a read fails (errno set),
/// with what came before the failure kept in `out`.
///
/// Input of any size is read this way (a command substitution's output, a script on
/// stdin): before the buffer grows, the C library is asked for twice the new size, so a
/// size the machine or `ulimit -v` cannot hold stops the read with ENOMEM instead of
/// Swift's fatal "failed to allocate", which no caller could report.
@discardableResult
public func readToEnd(_ fd: Int32, into out: inout [UInt8]) -> Bool {
    // A buffer on the stack, not zeroed: a `$(…)` that prints a word pays for no 64 KiB
    // allocation and memset.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16384) { buf in
        while true {
            let n = read(fd, buf.baseAddress, buf.count)
            if n > 0 {
                if out.count + n > out.capacity {
                    let wanted = max(out.capacity * 2, out.count + n, 65536)
                    let (probeSize, overflow) = wanted.multipliedReportingOverflow(by: 2)
                    guard !overflow, weir_memory_available(probeSize) != 0 else {
                        errno = ENOMEM
                        return false
                    }
                    out.reserveCapacity(wanted)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[0..<n]))
            } else if n == 0 {
                return true
            } else if errno != EINTR {
                return false
            }
        }
    }
}

/// The bytes of a file, or nil (errno set).
public func readWholeFile(_ path: String) -> [UInt8]? { readWholeFile(ByteString(path)) }

public func readWholeFile(_ path: ByteString) -> [UInt8]? {
    let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    if fd < 0 { return nil }
    defer { close(fd) }
    // A regular file is read straight into an array of its size: growing one 64 KiB
    // read at a time copies it and touches every page of each bigger buffer.
    var st = stat()
    var out: [UInt8] = []
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && st.st_size > 0 && st.st_size < Int(Int32.max) {
        let size = Int(st.st_size)
        var failed = false
        out = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            while count < size {
                let n = read(fd, buf.baseAddress! + count, size - count)
                if n > 0 {
                    count += n
                } else if n == 0 || errno != EINTR {
                    failed = n < 0
                    return
                }
            }
        }
        if failed { return nil }
        if out.count < size { return out }  // the file shrank
    }
    return readToEnd(fd, into: &out) ? out : nil
}

/// One line from `fd`, its newline included, read a byte at a time so that nothing
/// after it is consumed (a script on stdin shares it with the commands it runs).
/// Empty at the end of input; a last line without a newline comes back without one.
public func readLineBytes(_ fd: Int32) -> [UInt8] {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while true {
        let n = read(fd, &byte, 1)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return line }
        line.append(byte)
        if byte == 0x0A { return line }
    }
}
