import CWeirSys
import Glibc
import WeirSyntax

/// Changing the case of values as the C library's locale does it (`towupper` on each
/// character in a UTF-8 locale, `toupper` on each byte otherwise), for `${x^^}`,
/// `declare -u` and friends. A byte that is not part of a valid character is left as it is.
public enum CaseMapping {
    public enum Change: Sendable {
        case upper, lower, toggle
    }

    public static func uppercased(_ s: ByteString) -> ByteString { map(s, .upper) { _ in true } }
    public static func lowercased(_ s: ByteString) -> ByteString { map(s, .lower) { _ in true } }

    /// The case of each character changed, where `selects` (given the character's bytes
    /// and its index) says so; `firstOnly` changes only the first character (when it is
    /// selected).
    public static func map(_ s: ByteString, _ change: Change, firstOnly: Bool = false,
                           selects: (ByteString) -> Bool) -> ByteString {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        s.withUnsafeBufferPointer { buf in
            var i = 0
            var index = 0
            while i < buf.count {
                let (scalar, n): (UInt32?, Int) = ShellLocale.isUTF8 ? UTF8Sequence.decode(buf, at: i)
                                                                     : (UInt32(buf[i]), 1)
                let chunk = UnsafeBufferPointer(rebasing: buf[i..<(i + n)])
                if (!firstOnly || index == 0), let c = scalar, selects(ByteString(chunk)) {
                    let mapped = apply(change, c)
                    if mapped == c {
                        out.append(contentsOf: chunk)
                    } else if ShellLocale.isUTF8 {
                        UTF8Sequence.encode(mapped, into: &out)
                    } else {
                        out.append(UInt8(truncatingIfNeeded: mapped))
                    }
                } else {
                    out.append(contentsOf: chunk)
                }
                i += n
                index += 1
            }
        }
        return ByteString(out)
    }

    static func apply(_ change: Change, _ c: UInt32) -> UInt32 {
        if c < 0x80 {
            let isUpper = c &- 0x41 < 26, isLower = c &- 0x61 < 26
            switch change {
            case .upper: return isLower ? c - 0x20 : c
            case .lower: return isUpper ? c + 0x20 : c
            case .toggle: return isLower ? c - 0x20 : (isUpper ? c + 0x20 : c)
            }
        }
        if ShellLocale.isUTF8 {
            switch change {
            case .upper: return weir_towupper(c)
            case .lower: return weir_towlower(c)
            case .toggle:
                if weir_iswupper(c) != 0 { return weir_towlower(c) }
                if weir_iswlower(c) != 0 { return weir_towupper(c) }
                return c
            }
        }
        let b = Int32(c)
        switch change {
        case .upper: return UInt32(toupper(b))
        case .lower: return UInt32(tolower(b))
        case .toggle:
            if isupper(b) != 0 { return UInt32(tolower(b)) }
            if islower(b) != 0 { return UInt32(toupper(b)) }
            return c
        }
    }
}
