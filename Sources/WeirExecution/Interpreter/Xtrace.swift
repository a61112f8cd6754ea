import WeirSyntax
import WeirExpansion

extension Shell {
    /// `set -x`: PS4 (expanded) and the words, quoted where needed, on stderr.
    func trace(_ words: [String], quote: Bool = true) {
        writeAll(2, expandedPS4() + (quote ? words.map { traceQuote($0) } : words).joined(separator: " ") + "\n")
    }

    func traceCommand(_ sc: SimpleCommand, _ argv: [String]) {
        var words: [String] = []
        for a in sc.assignments { words.append((try? assignmentTraceText(a)) ?? a.name) }
        writeAll(2, expandedPS4() + (words + argv.map { traceQuote($0) }).joined(separator: " ") + "\n")
    }

    /// PS4, expanded; unset means no prefix at all.
    func expandedPS4() -> String {
        guard let ps4 = variables.value("PS4") else { return "" }
        if ps4.isEmpty { return "" }
        if ps4.contains("\\") { return expandPrompt(ps4) }
        if !ps4.contains("$") && !ps4.contains("`") { return ps4 }
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
    /// specials, `$'…'` when it holds a quote, a backslash or a control character.
    func traceQuote(_ s: String) -> String {
        if s.isEmpty { return "''" }
        var plain = true, needsAnsi = false
        for b in s.utf8 {
            if b < 0x20 || b == 0x7F || b == UInt8(ascii: "'") || b == UInt8(ascii: "\\") { needsAnsi = true }
            if b == 0x20 || b == 0x09 || b == 0x0A || b < 0x20 || "'\"\\$`|&;<>()*?[]{}~#!".utf8.contains(b) { plain = false }
        }
        if plain { return s }
        if !needsAnsi { return "'" + s + "'" }
        return "$'" + backslashEscaped(s, quote: "'", escapesReturn: false, escapesDelete: true, control: unicodeEscape) + "'"
    }

    /// The source text of a span in the current source.
    func sourceText(_ span: Span) -> String { currentSource?.text(span) ?? "" }
}

extension String {
    /// Escapes `"` and `` ` `` so the text can sit inside double quotes for expansion.
    func replacingQuotes() -> String {
        var out = ""
        for ch in self {
            if ch == "\"" { out += "\\\"" } else { out.append(ch) }
        }
        return out
    }
}
