import WeirSyntax

/// Characters of a value in the locale's character set: UTF-8 sequences (a byte that
/// does not begin a valid one is a character of its own, as bash counts it), or single
/// bytes. `${#x}`, `${x:i:n}`, `read -n`, `printf %.3s` and pattern matching count in
/// these.
public enum Characters {
    /// The length in bytes of the character that starts at `i`.
    @inline(__always)
    public static func length(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        if buf[i] < 0x80 || !ShellLocale.isUTF8 { return 1 }
        return UTF8Sequence.decode(buf, at: i).length
    }

    /// The number of characters in `s`.
    public static func count(_ s: ByteString) -> Int {
        s.withUnsafeBufferPointer { buf in
            if !ShellLocale.isUTF8 { return buf.count }
            var n = 0
            var i = 0
            while i < buf.count {
                i += length(buf, at: i)
                n += 1
            }
            return n
        }
    }

    /// The byte offset of every character's start, and the end: `count + 1` offsets.
    public static func boundaries(_ s: ByteString) -> [Int] {
        s.withUnsafeBufferPointer { buf in
            if !ShellLocale.isUTF8 { return Array(0...buf.count) }
            var out: [Int] = []
            out.reserveCapacity(buf.count + 1)
            var i = 0
            while i < buf.count {
                out.append(i)
                i += length(buf, at: i)
            }
            out.append(buf.count)
            return out
        }
    }

    /// The characters of `s`, each as a value.
    public static func split(_ s: ByteString) -> [ByteString] {
        let b = boundaries(s)
        return (0..<(b.count - 1)).map { s.slice(b[$0]..<b[$0 + 1]) }
    }

    /// The first character of `s` (empty when `s` is).
    public static func first(_ s: ByteString) -> ByteString {
        if s.isEmpty { return s }
        return s.withUnsafeBufferPointer { s.slice(0..<length($0, at: 0)) }
    }

    /// The characters `offset..<offset+length` of `s`, clamped to it.
    public static func substring(_ s: ByteString, from offset: Int, count: Int) -> ByteString {
        if !ShellLocale.isUTF8 || s.isASCII {
            let lo = min(max(0, offset), s.count)
            let hi = lo + min(max(0, count), s.count - lo)
            return s.slice(lo..<hi)
        }
        let b = boundaries(s)
        let n = b.count - 1
        let lo = min(max(0, offset), n)
        let hi = lo + min(max(0, count), n - lo)
        return s.slice(b[lo]..<b[hi])
    }
}
