/// The quoting of `printf %q`, as bash 5.2 does it in a UTF-8 locale: `''` for the empty
/// string, `$'...'` when the string holds a non-printable character or invalid UTF-8,
/// else backslashes before the characters special to the shell.
public enum ShellQuoting {
    public static func quote(_ s: [UInt8]) -> [UInt8] {
        if s.isEmpty { return [0x27, 0x27] }
        return needsANSIC(s) ? ansiC(s) : backslash(s)
    }

    public static func quote(_ s: String) -> String {
        String(decoding: quote(Array(s.utf8)), as: UTF8.self)
    }

    /// bash's `ansic_shouldquote`: any control character, invalid sequence or
    /// non-printable character.
    static func needsANSIC(_ s: [UInt8]) -> Bool {
        var i = 0
        while i < s.count {
            let c = s[i]
            if c < 0x80 {
                if c < 0x20 || c == 0x7F { return true }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(s, at: i), isPrintable(scalar) else { return true }
            i += length
        }
        return false
    }

    /// bash's `ansic_quote`.
    static func ansiC(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "$"), 0x27]
        var i = 0
        while i < s.count {
            let c = s[i]
            var escaped: UInt8? = nil
            switch c {
            case 0x1B: escaped = UInt8(ascii: "E")
            case 0x07: escaped = UInt8(ascii: "a")
            case 0x0B: escaped = UInt8(ascii: "v")
            case 0x08: escaped = UInt8(ascii: "b")
            case 0x0C: escaped = UInt8(ascii: "f")
            case 0x0A: escaped = UInt8(ascii: "n")
            case 0x0D: escaped = UInt8(ascii: "r")
            case 0x09: escaped = UInt8(ascii: "t")
            case 0x5C, 0x27: escaped = c
            default: break
            }
            if let e = escaped {
                out.append(0x5C)
                out.append(e)
                i += 1
                continue
            }
            if c < 0x80 {
                if c < 0x20 || c == 0x7F {
                    appendOctal(c, to: &out)
                } else {
                    out.append(c)
                }
                i += 1
                continue
            }
            if let (scalar, length) = decodeScalar(s, at: i), isPrintable(scalar) {
                out.append(contentsOf: s[i..<(i + length)])
                i += length
            } else {
                appendOctal(c, to: &out)
                i += 1
            }
        }
        out.append(0x27)
        return out
    }

    /// bash's `sh_backslash_quote` with `#` special at the start and `~` at the start or
    /// after `:` or `=`.
    static func backslash(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count * 2)
        for (i, c) in s.enumerated() {
            if c < 0x80 && backslashTable[Int(c)] {
                out.append(0x5C)
            } else if c == UInt8(ascii: "#") && i == 0 {
                out.append(0x5C)
            } else if c == UInt8(ascii: "~") && (i == 0 || s[i - 1] == UInt8(ascii: ":") || s[i - 1] == UInt8(ascii: "=")) {
                out.append(0x5C)
            }
            out.append(c)
        }
        return out
    }

    static let backslashTable: [Bool] = {
        var t = [Bool](repeating: false, count: 128)
        for c in " \t\n'\"\\|&;()<>!{}*[]?^$`,".utf8 { t[Int(c)] = true }
        return t
    }()

    static func appendOctal(_ c: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x30 + ((c >> 6) & 7))
        out.append(0x30 + ((c >> 3) & 7))
        out.append(0x30 + (c & 7))
    }

    /// Decodes one well-formed UTF-8 scalar at `i`.
    public static func decodeScalar(_ s: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let c = s[i]
        let length: Int
        var value: UInt32
        switch c {
        case 0xC2...0xDF: length = 2; value = UInt32(c & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(c & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(c & 0x07)
        default: return nil
        }
        guard i + length <= s.count else { return nil }
        for k in 1..<length {
            let b = s[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// glibc's `iswprint` in a UTF-8 locale, near enough: everything assigned except
    /// controls and the line and paragraph separators.
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value != 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
