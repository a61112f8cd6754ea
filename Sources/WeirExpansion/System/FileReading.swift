import Glibc

/// Reads `fd` to its end, appending to `out`; false when a read fails (errno set),
/// with what came before the failure kept in `out`.
@discardableResult
public func readToEnd(_ fd: Int32, into out: inout [UInt8]) -> Bool {
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            out += buf[0..<n]
        } else if n == 0 {
            return true
        } else if errno != EINTR {
            return false
        }
    }
}

/// The bytes of a file, or nil (errno set).
public func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    return readToEnd(fd, into: &out) ? out : nil
}
