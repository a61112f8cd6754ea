import Glibc
import WeirSyntax

/// A malloc'd, NUL-terminated copy of a value for a C array (`argv`, `envp`); the caller
/// frees it.
func mallocCString(_ value: ByteString) -> UnsafeMutablePointer<CChar> {
    let n = value.count
    let p = malloc(n + 1)!.assumingMemoryBound(to: CChar.self)
    value.withUnsafeBufferPointer { b in
        if n > 0 { UnsafeMutableRawPointer(p).copyMemory(from: b.baseAddress!, byteCount: n) }
    }
    p[n] = 0
    return p
}
