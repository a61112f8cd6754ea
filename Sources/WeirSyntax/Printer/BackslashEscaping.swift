/// Text with C-style backslash escapes, for the formats weir writes that quote text that
/// way: the AST printer's `"…"`, xtrace's `$'…'`, JSON strings. Each escapes the
/// backslash, its own quote, newline and tab, and other control characters in its own
/// notation (`control`); `\r` and DEL differ between them. A byte that is not part of a
/// valid UTF-8 character is written in the format's notation for a lone byte (`invalid`),
/// so the result is always valid UTF-8 and no byte is lost.
public func backslashEscaped(_ bytes: ByteString, quote: UInt8, escapesReturn: Bool, escapesDelete: Bool,
                             control: (UInt32) -> String, invalid: (UInt8) -> String) -> String {
    var out = ""
    bytes.withUnsafeBufferPointer { buf in
        var i = 0
        var runStart = 0
        // Plain printable text is copied a stretch at a time.
        func flush(_ end: Int) {
            if end > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: buf[runStart..<end]), as: UTF8.self) }
        }
        while i < buf.count {
            let b = buf[i]
            if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\\") && b != quote {
                i += 1
                continue
            }
            if b >= 0x80 {
                let (scalar, n) = UTF8Sequence.decode(buf, at: i)
                if let scalar, scalar <= 0x10_FFFF {
                    i += n
                    continue
                }
                flush(i)
                for k in i..<(i + n) { out += invalid(buf[k]) }
                i += n
                runStart = i
                continue
            }
            flush(i)
            switch b {
            case UInt8(ascii: "\\"): out += "\\\\"
            case quote: out += "\\" + String(UnicodeScalar(quote))
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D where escapesReturn: out += "\\r"
            default:
                if b < 0x20 || (b == 0x7F && escapesDelete) {
                    out += control(UInt32(b))
                } else {
                    out += String(UnicodeScalar(b))
                }
            }
            i += 1
            runStart = i
        }
        flush(buf.count)
    }
    return out
}

/// `\u` and four hex digits (JSON, bash's `$'…'`).
public func unicodeEscape(_ value: UInt32) -> String {
    let h = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
}

/// `\x` and two hex digits.
public func hexEscape(_ value: UInt32) -> String {
    let h = String(value, radix: 16)
    return "\\x" + (h.count < 2 ? "0" + h : h)
}

/// `\` and three octal digits (bash's `$'…'` in xtrace and `%q`).
public func octalEscape(_ value: UInt32) -> String {
    let o = String(value, radix: 8)
    return "\\" + String(repeating: "0", count: max(0, 3 - o.count)) + o
}
