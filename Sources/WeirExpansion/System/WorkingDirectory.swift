import Glibc
import WeirSyntax

/// The current directory as the kernel has it (getcwd), or nil when it cannot say (the
/// directory was removed, a component is not searchable).
/// The buffer is uninitialized heap, not a zeroed array: only the bytes getcwd writes
/// are touched, which at start-up is a page of memory not written.
public func physicalWorkingDirectory() -> ByteString? {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(PATH_MAX) + 1) { buf in
        guard let base = buf.baseAddress, getcwd(base, buf.count) != nil else { return nil }
        return ByteString(cString: base)
    }
}
