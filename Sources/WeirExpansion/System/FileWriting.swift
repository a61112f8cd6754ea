import Glibc
import WeirSyntax

/// Writes all of `s` to a descriptor, retrying on EINTR; false when a write failed.
@discardableResult
public func writeAll(_ fd: Int32, _ s: ByteString) -> Bool {
    s.withUnsafeBufferPointer { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

/// Writes a message (text for a person) to a descriptor. (Shell output goes through
/// `writeAll`, whose string literals build `ByteString`s byte for byte.)
@discardableResult
public func writeText(_ fd: Int32, _ s: String) -> Bool {
    var s = s
    return s.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

@discardableResult
public func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
}

@discardableResult
public func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
    var off = 0
    while off < buf.count {
        let n = write(fd, buf.baseAddress! + off, buf.count - off)
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        off += n
    }
    return true
}
