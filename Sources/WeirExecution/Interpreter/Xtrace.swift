import WeirSyntax
import WeirExpansion

extension Shell {
    /// `set -x`: PS4 (expanded) and the words, quoted where needed, on stderr.
    func trace(_ words: [String]) {
        let ps4 = expandedPS4()
        writeAll(2, ps4 + words.map { traceQuote($0) }.joined(separator: " ") + "\n")
    }

    func traceCommand(_ sc: SimpleCommand, _ argv: [String]) {
        var words: [String] = []
        for a in sc.assignments {
            if case .scalar(let w) = a.value { words.append(a.name + (a.append ? "+=" : "=") + ((try? expander.expandString(w)) ?? "")) }
        }
        let ps4 = expandedPS4()
        var line = ps4
        line += (words.map { traceQuote($0) } + argv.map { traceQuote($0) }).joined(separator: " ")
        writeAll(2, line + "\n")
    }

    func expandedPS4() -> String {
        guard let ps4 = variables.value("PS4") else { return "+ " }
        if ps4.isEmpty { return "" }
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

    func traceQuote(_ s: String) -> String {
        if s.isEmpty { return "''" }
        let safe = s.utf8.allSatisfy { b in
            !(b == 0x20 || b == 0x09 || b == 0x0A || "'\"\\$`|&;<>()*?[]{}~#!".utf8.contains(b) || b < 0x20)
        }
        return safe ? s : shellQuoteAlways(s)
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
