import WeirSyntax

/// The quoting of `printf %q` and `${x@Q}`, as bash 5.2 does it: `''` for the empty
/// string, `$'...'` when the string holds a character that is not printable in the
/// locale (in a UTF-8 locale an invalid sequence, under `C` any byte from 0x80 up), else
/// backslashes before the characters special to the shell. Every byte reads back as it
/// was.
public enum ShellQuoting {
    public static func quote(_ s: [UInt8]) -> [UInt8] {
        if s.isEmpty { return [0x27, 0x27] }
        return needsANSIC(s) ? ansiC(s) : backslash(s)
    }

    public static func quote(_ s: ByteString) -> ByteString {
        ByteString(quote(s.bytes))
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
            guard let length = printableCharacterLength(s, at: i) else { return true }
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
            if let length = printableCharacterLength(s, at: i) {
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

    /// The length of the printable character (from 0x80 up) that starts at `i`, or nil
    /// when the byte there does not start one in the locale.
    static func printableCharacterLength(_ s: [UInt8], at i: Int) -> Int? {
        guard ShellLocale.isUTF8 else { return nil }
        let (v, n) = s.withUnsafeBufferPointer { UTF8Sequence.decode($0, at: i) }
        guard let v, let scalar = Unicode.Scalar(v), isPrintable(scalar) else { return nil }
        return n
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
