import WeirSyntax
import WeirExpansion

extension Shell {
    /// `set -x`: PS4 (expanded) and the words, quoted where needed, on stderr.
    func trace(_ words: [ByteString], quote: Bool = true) {
        writeAll(2, expandedPS4() + (quote ? words.map { traceQuote($0) } : words).joined(separator: " ") + "\n")
    }

    func traceCommand(_ sc: SimpleCommand, _ argv: [ByteString]) {
        var words: [ByteString] = []
        for a in sc.assignments { words.append((try? assignmentTraceText(a)) ?? a.name) }
        writeAll(2, expandedPS4() + (words + argv.map { traceQuote($0) }).joined(separator: " ") + "\n")
    }

    /// PS4, expanded; unset means no prefix at all.
    func expandedPS4() -> ByteString {
        guard let ps4 = variables.value("PS4") else { return "" }
        if ps4.isEmpty { return "" }
        if ps4.contains(UInt8(ascii: "\\")) { return expandPrompt(ps4) }
        if !ps4.contains(UInt8(ascii: "$")) && !ps4.contains(UInt8(ascii: "`")) { return ps4 }
        let saved = environment.lastStatus
        defer { environment.lastStatus = saved }
        let wasTracing = options.xtrace
        options.xtrace = false
        defer { options.xtrace = wasTracing }
        let parser = Parser(source: SourceFile(name: "PS4", text: "\"" + ps4.replacingQuotes() + "\""))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first,
              let w = sc.words.first, let s = try? expander.expandString(w) else { return ps4 }
        return s
    }

    /// Quotes a word the way bash's xtrace does: plain when safe, `'…'` for blanks and
    /// specials, `$'…'` when it holds a quote, a backslash, a control character or a
    /// byte that is not a character in the locale (written `\NNN`, as bash does).
    func traceQuote(_ s: ByteString) -> ByteString {
        if s.isEmpty { return "''" }
        var plain = true, needsAnsi = false
        for b in s {
            if b < 0x20 || b == 0x7F || b == UInt8(ascii: "'") || b == UInt8(ascii: "\\") { needsAnsi = true }
            if b == 0x20 || b == 0x09 || b == 0x0A || b < 0x20 || "'\"\\$`|&;<>()*?[]{}~#!".utf8.contains(b) { plain = false }
        }
        let valid = ShellLocale.isUTF8 ? s.withUnsafeBufferPointer(UTF8Sequence.isValidUnicode) : s.isASCII
        if !valid { needsAnsi = true; plain = false }
        if plain { return s }
        if !needsAnsi { return "'" + s + "'" }
        if !ShellLocale.isUTF8 {
            // Every byte from 0x80 up is a character that cannot be printed.
            var out: [UInt8] = [UInt8(ascii: "$"), UInt8(ascii: "'")]
            for b in s {
                if b >= 0x80 { out += octalEscape(UInt32(b)).utf8 } else {
                    out += backslashEscaped(ByteString(byte: b), quote: UInt8(ascii: "'"), escapesReturn: false,
                                            escapesDelete: true, control: octalEscape,
                                            invalid: { octalEscape(UInt32($0)) }).utf8
                }
            }
            out.append(UInt8(ascii: "'"))
            return ByteString(out)
        }
        return ByteString("$'" + backslashEscaped(s, quote: UInt8(ascii: "'"), escapesReturn: false, escapesDelete: true,
                                                  control: octalEscape, invalid: { octalEscape(UInt32($0)) }) + "'")
    }

    /// The source text of a span in the current source.
    func sourceText(_ span: Span) -> ByteString { currentSource?.slice(span) ?? "" }
}

extension ByteString {
    /// Escapes `"` so the text can sit inside double quotes for expansion.
    func replacingQuotes() -> ByteString { replacing("\"", with: "\\\"") }
}
