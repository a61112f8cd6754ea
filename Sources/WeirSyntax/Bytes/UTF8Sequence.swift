/// Reading characters out of bytes as glibc's UTF-8 `mbrtowc` does (and so bash): a
/// character is a well-formed sequence of up to six bytes (overlong forms and UTF-16
/// surrogates are not); any other byte is a character of its own.
public enum UTF8Sequence {
    /// The character starting at `i` in `buf`: its code point (nil for a byte that does
    /// not start a valid sequence) and its length in bytes (1 for such a byte).
    @inlinable
    public static func decode(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32?, length: Int) {
        let b0 = buf[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = sequenceLength(lead: b0)
        if n == 1 { return (nil, 1) }
        // The lead byte's value bits: 5 for a 2-byte sequence, down to 1 for 6 bytes.
        var value = UInt32(b0) & ((1 << (7 - UInt32(n))) - 1)
        if i + n > buf.count { return (nil, 1) }
        var k = 1
        while k < n {
            let b = buf[i + k]
            if b & 0xC0 != 0x80 { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3F)
            k += 1
        }
        // The smallest value each length may hold: shorter forms are overlong.
        let minimum: UInt32
        switch n {
        case 2: minimum = 0x80
        case 3: minimum = 0x800
        case 4: minimum = 0x1_0000
        case 5: minimum = 0x20_0000
        default: minimum = 0x400_0000
        }
        if value < minimum || (value >= 0xD800 && value <= 0xDFFF) { return (nil, 1) }
        return (value, n)
    }

    /// How long a sequence starting with `lead` is (1 for ASCII and for a byte that
    /// cannot start one).
    @inlinable
    public static func sequenceLength(lead b: UInt8) -> Int {
        switch b {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        case 0xF8...0xFB: return 5
        case 0xFC...0xFD: return 6
        default: return 1
        }
    }

    /// True when every byte of `bytes` belongs to a well-formed character that Unicode
    /// allows (at most U+10FFFF): the text can be written as UTF-8 as it is.
    public static func isValidUnicode(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            if buf[i] < 0x80 { i += 1; continue }
            let (s, n) = decode(buf, at: i)
            guard let s, s <= 0x10_FFFF else { return false }
            i += n
        }
        return true
    }

    /// The UTF-8 encoding of `scalar`, as bash's `u32toutf8` writes it: up to six bytes
    /// (the historical forms above U+10FFFF), surrogates encoded as they are, and nothing
    /// at all for values from 0x80000000 on.
    public static func encode(_ scalar: UInt32, into out: inout [UInt8]) {
        switch scalar {
        case 0x8000_0000...:
            return
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(scalar >> 6))
            out.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x1_0000:
            out.append(0xE0 | UInt8(scalar >> 12))
            out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        case 0x1_0000..<0x20_0000:
            out.append(0xF0 | UInt8(scalar >> 18))
            out.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        case 0x20_0000..<0x400_0000:
            out.append(0xF8 | UInt8(scalar >> 24))
            out.append(0x80 | UInt8((scalar >> 18) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        default:
            out.append(0xFC | UInt8((scalar >> 30) & 0x01))
            out.append(0x80 | UInt8((scalar >> 24) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 18) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        }
    }
}
