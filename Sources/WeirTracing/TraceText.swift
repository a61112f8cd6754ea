import WeirSyntax

/// How the tracer's outputs write the bytes of commands and paths, which need not be
/// UTF-8 (see `docs/bytes.md`). Neither form ever writes invalid UTF-8 or drops a byte.
public enum TraceText {
    /// For the table and the live view: text that is valid UTF-8 as it is; anything else
    /// in bash's `$'…'` quoting, with `\xNN` for each byte that is not part of a
    /// character (so `$'\x80'` and the four characters `\x80` stay apart).
    public static func display(_ b: ByteString) -> String {
        if b.withUnsafeBufferPointer(UTF8Sequence.isValidUnicode) { return b.description }
        return "$'" + backslashEscaped(b, quote: UInt8(ascii: "'"), escapesReturn: true, escapesDelete: true,
                                       control: hexEscape, invalid: { hexEscape(UInt32($0)) }) + "'"
    }

    /// A JSON string literal. A byte that is not part of a valid UTF-8 character is written
    /// as the escape `\udcNN` (NN its value): a lone low surrogate, as Python's
    /// `surrogateescape` (PEP 383) maps bytes, so `json.loads(s).encode("utf-8",
    /// "surrogateescape")` gives the exact bytes back.
    public static func json(_ b: ByteString) -> String {
        "\"" + backslashEscaped(b, quote: UInt8(ascii: "\""), escapesReturn: true, escapesDelete: false,
                                control: unicodeEscape, invalid: { unicodeEscape(0xDC00 | UInt32($0)) }) + "\""
    }
}
