/// A string with C-style backslash escapes, for the formats weir writes that quote text
/// that way: the AST printer's `"…"`, xtrace's `$'…'`, JSON strings. Each escapes the
/// backslash, its own quote, newline and tab, and other control characters in its own
/// notation (`control`); `\r` and DEL differ between them.
public func backslashEscaped(_ s: String, quote: Unicode.Scalar, escapesReturn: Bool, escapesDelete: Bool,
                             control: (UInt32) -> String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case quote: out += "\\" + String(quote)
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r" where escapesReturn: out += "\\r"
        default:
            if u.value < 0x20 || (u.value == 0x7F && escapesDelete) {
                out += control(u.value)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out
}

/// `\u` and four hex digits (JSON, bash's `$'…'`).
public func unicodeEscape(_ value: UInt32) -> String {
    let h = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
}
