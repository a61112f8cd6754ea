extension Parser {
    /// `brace_expansion ::= '{' (brace_sequence | brace_alternatives) '}'`
    /// `brace_sequence ::= (INTEGER '..' INTEGER | LETTER '..' LETTER) ('..' INTEGER)?`
    /// `brace_alternatives ::= WORD? (',' WORD?)+`
    ///
    /// Returns nil, having read nothing, when the `{` is a literal brace (`{}`, `{a}`,
    /// a missing `}`): bash's rule.
    func parseBraceExpansionIfAny() -> WordPart? {
        let start = offset
        // A `{` already found to be literal stays literal: without this, each unclosed `{`
        // inside another is tried again for every way out of the outer one (26 `{` took
        // ten seconds). Only for the script's own text (alias text has its own offsets).
        let remembers = saved.isEmpty
        if remembers && literalBraces.contains(start) { return nil }
        // Everything an attempt may change: a command substitution inside one sets the
        // pending here-documents aside and, failing, does not put them back.
        let (savePos, saveFrames, saveDocs) = (pos, saved.count, pendingHereDocs)
        func reset() -> WordPart? {
            if saved.count == saveFrames { move(to: savePos) }
            pendingHereDocs = saveDocs
            if remembers { literalBraces.insert(start) }
            return nil
        }
        if let seq = parseBraceSequenceIfAny() {
            return WordPart(.brace(seq), span(from: start))
        }
        advance()
        var alternatives: [Word] = []
        guard (try? enterNesting()) != nil else { return reset() }
        defer { leaveNesting() }
        while true {
            guard let w = try? parseWord(.braceAlternative) else { return reset() }
            alternatives.append(w)
            if peek() == Lex.comma { advance(); continue }
            if peek() == Lex.rbrace { advance(); break }
            return reset()
        }
        if alternatives.count < 2 { return reset() }
        return WordPart(.brace(.alternatives(alternatives)), span(from: start))
    }

    /// `{1..10}`, `{01..10..2}`, `{a..e}`: plain text only.
    func parseBraceSequenceIfAny() -> BraceExpansion? {
        var k = 1
        var text: [UInt8] = []
        while true {
            let c = peek(k)
            if c == Lex.rbrace { break }
            guard c >= 0, Lex.isNameChar(c) || c == Lex.dot || c == Lex.minus || c == Lex.plus, k < 64 else { return nil }
            text.append(UInt8(c))
            k += 1
        }
        let fields = Lex.string(text[...]).components(separatedBy: UInt8(ascii: "."))
        // "a..b" splits into [a, "", b]; "a..b..c" into [a, "", b, "", c].
        guard fields.count == 3 || fields.count == 5, fields[1].isEmpty, fields.count == 3 || fields[3].isEmpty else {
            return nil
        }
        let a = fields[0], b = fields[2]
        let step = fields.count == 5 ? fields[4] : nil
        let isInt = { (s: ByteString) in Int(s) != nil }
        let isLetter = { (s: ByteString) in s.count == 1 && Lex.isNameStart(Int(s[0])) && s != "_" }
        guard (isInt(a) && isInt(b)) || (isLetter(a) && isLetter(b)) else { return nil }
        if let step, !isInt(step) { return nil }
        advance(k + 1)
        return .sequence(start: a, end: b, step: step)
    }
}
