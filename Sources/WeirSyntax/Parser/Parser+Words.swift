/// Accumulates literal bytes and flushes them as one part. While the bytes are one
/// stretch of the input it only remembers where they are (no copy, no allocation, and in
/// the main text not even a reference to the buffer); across a line continuation or an
/// alias boundary it falls back to a buffer.
struct LiteralRun {
    var from = 0
    var to = 0
    /// The frame the bytes `from..<to` are in.
    var frameID = -1
    var buffered = false
    var start = 0
    var isEmpty = true
    var last: UInt8 = 0
    /// Byte storage for the rare runs that need it; most words never create it.
    var spill: LiteralSpill?

    /// The frame's bytes, kept when it is not the main text (an alias's value, a
    /// here-document body): it may be left before the run is flushed.
    var keptBytes: [UInt8] {
        get { spill?.keptBytes ?? [] }
        set { spillStorage().keptBytes = newValue }
    }

    mutating func spillStorage() -> LiteralSpill {
        if let s = spill { return s }
        let s = LiteralSpill()
        spill = s
        return s
    }
}

/// A run's bytes when they are not one stretch of the main text.
final class LiteralSpill {
    var keptBytes: [UInt8] = []
    var buffer: [UInt8] = []
}

extension Parser {
    /// The bytes of a run that is still a stretch of input. A run may outlive the frame
    /// it was read in: parsing `$(…)` or a here-document pushes and pops frames before
    /// the run before it is flushed, and an alias's text can end right after it.
    func runBytes(_ lit: LiteralRun) -> ArraySlice<UInt8> {
        if lit.frameID == frameID { return bytes[lit.from..<lit.to] }
        if lit.frameID == 0 { return saved[0].bytes[lit.from..<lit.to] }
        return lit.keptBytes[lit.from..<lit.to]
    }

    /// The text of a run that is still a stretch of input.
    func runText(_ lit: LiteralRun) -> ByteString {
        if lit.frameID == frameID { return text(lit.from, lit.to) }
        return Lex.string(runBytes(lit))
    }

    /// Appends the run, if any, to `parts` as one literal part ending at `end`.
    func flush(_ lit: inout LiteralRun, into parts: inout [WordPart], end: Int) {
        guard !lit.isEmpty else { return }
        let text = lit.buffered ? ByteString(lit.spill!.buffer) : runText(lit)
        let part = WordPart(.literal(text), Span(lit.start, max(lit.start, end)))
        // The first part: an array literal allocates for exactly one, without the growth path.
        if parts.isEmpty { parts = [part] } else { parts.append(part) }
        lit.isEmpty = true
        if lit.buffered {
            lit.buffered = false
            lit.spill!.buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Adds the byte at the current position to a literal run.
    @inline(__always)
    func addLiteral(_ lit: inout LiteralRun, _ c: Int, at off: Int) {
        let b = UInt8(truncatingIfNeeded: c)
        if lit.isEmpty {
            lit.isEmpty = false
            lit.start = off
            if pos < limit && Int(bytes[pos]) == c {
                lit.from = pos
                lit.to = pos + 1
                lit.frameID = frameID
                if frameID != 0 { lit.keptBytes = bytes }
            } else {
                lit.buffered = true
                lit.spillStorage().buffer.append(b)
            }
        } else if !lit.buffered && lit.frameID == frameID && lit.to == pos && pos < limit {
            lit.to += 1
        } else {
            if !lit.buffered {
                lit.buffered = true
                let run = runBytes(lit)
                lit.spillStorage().buffer.append(contentsOf: run)
            }
            lit.spill!.buffer.append(b)
        }
        lit.last = b
    }

    /// `WORD`: quotes, escapes, expansions and literal text, read in `mode`.
    func parseWord(_ mode: WordMode) throws -> Word {
        let start = offset
        var parts: [WordPart] = []
        var lit = LiteralRun()
        var depth = 0  // balanced (), [], {} that do not end the word
        var first = true
        var globByte = false
        // In a substring's offset, each `?` of a conditional expression takes the next
        // `:` as its own (`${s: n > 2 ? 1 : 0 : 3}`, as bash's skiparith reads it).
        var openConditionals = 0
        while true {
            let c = peek()
            if c == Parser.eof { break }
            if wordStops(c, mode, depth: depth, atStart: first && lit.isEmpty && parts.isEmpty,
                         openConditionals: openConditionals) { break }
            first = false
            let here = offset
            if peek(1) == Lex.lparen {
                if (c == Lex.lt || c == Lex.gt) && mode.stop == .meta {
                    flush(&lit, into: &parts, end: here)
                    parts.append(try parseProcessSubstitution())
                    continue
                }
                if mode.extglob && (c == Lex.at || c == Lex.star || c == Lex.plus || c == Lex.question || c == Lex.bang) {
                    flush(&lit, into: &parts, end: here)
                    parts.append(try parseExtglob())
                    continue
                }
            }
            switch c {
            case Lex.backslash:
                let n = peek(1)
                if n == Lex.nl { advance(2); continue }
                if n == Parser.eof { addLiteral(&lit, c, at: here); advance(); continue }
                flush(&lit, into: &parts, end: here)
                advance()
                let ch = takeCharacter()
                parts.append(WordPart(.escaped(ch), span(from: here)))
            case Lex.squote:
                flush(&lit, into: &parts, end: here)
                parts.append(try parseSingleQuoted())
            case Lex.dquote:
                flush(&lit, into: &parts, end: here)
                parts.append(try parseDoubleQuoted())
            case Lex.dollar:
                if let p = try parseDollarExpansion(inDoubleQuotes: false) {
                    flush(&lit, into: &parts, end: here)
                    parts.append(p)
                } else {
                    addLiteral(&lit, c, at: here); advance()
                }
            case Lex.backquote:
                flush(&lit, into: &parts, end: here)
                parts.append(try parseBackquoted(inDoubleQuotes: false))
            case Lex.tilde where mode.tilde != .none && isTildePosition(mode, lit: lit, parts: parts):
                if let t = parseTildeIfAny() {
                    flush(&lit, into: &parts, end: here)
                    parts.append(t)
                } else {
                    addLiteral(&lit, c, at: here); advance()
                }
            case Lex.lbrace where mode.braceExpansion:
                if let b = parseBraceExpansionIfAny() {
                    flush(&lit, into: &parts, end: here)
                    parts.append(b)
                } else {
                    addLiteral(&lit, c, at: here); advance()
                    depth += 1
                }
            default:
                switch mode.stop {
                case .braceAlternative:
                    if c == Lex.lbrace { depth += 1 } else if c == Lex.rbrace { depth -= 1 }
                // A `{` in a `${…}` operand is a plain byte: the first `}` ends the
                // expansion (`${x#{}`), as in bash and dash.
                case .rbrace:
                    if mode.stopAtColon {
                        if c == Lex.question { openConditionals += 1 } else if c == Lex.colon { openConditionals -= 1 }
                    }
                case .rbracket:
                    if c == Lex.lbracket { depth += 1 } else if c == Lex.rbracket { depth -= 1 }
                case .regex, .condition:
                    if c == Lex.lparen { depth += 1 } else if c == Lex.rparen { depth -= 1 }
                default: break
                }
                if c == Lex.star || c == Lex.question || c == Lex.lbracket { globByte = true }
                addLiteral(&lit, c, at: here)
                advance()
                if mode.stop == .meta { extendLiteral(&lit, over: Lex.isPlainWordByte) }
            }
        }
        flush(&lit, into: &parts, end: offset)
        var word = Word(parts: parts, span: span(from: start))
        word.cannotGlob = !globByte
        return word
    }

    /// Takes the bytes after the run that `isLiteral` says stand for themselves into the
    /// run at once, while the run is one stretch of this frame: a word's letters and
    /// digits, the text of double quotes, arithmetic text.
    @inline(__always)
    func extendLiteral(_ lit: inout LiteralRun, over isLiteral: (UInt8) -> Bool) {
        guard !lit.buffered, lit.frameID == frameID, lit.to == pos else { return }
        var p = pos
        while p < fastLimit && isLiteral(bytes[p]) { p += 1 }
        guard p > pos else { return }
        lit.to = p
        lit.last = bytes[p - 1]
        advance(p - pos)
    }

    /// True when `c` ends a word read in `mode`.
    @inline(__always)
    func wordStops(_ c: Int, _ mode: WordMode, depth: Int, atStart: Bool, openConditionals: Int = 0) -> Bool {
        switch mode.stop {
        case .meta:
            // `<(` and `>(` are process substitutions inside a word too (`--file=<(…)`, as bash).
            return Lex.isMeta(c) && !((c == Lex.lt || c == Lex.gt) && peek(1) == Lex.lparen)
        case .rbrace:
            if c == Lex.rbrace && depth == 0 { return true }
            if mode.stopAtSlash && c == Lex.slash { return true }
            if mode.stopAtColon && c == Lex.colon { return openConditionals == 0 }
            return false
        case .rbracket:
            return c == Lex.rbracket && depth == 0
        case .regex:
            if c == 0x20 || c == 0x09 || c == Lex.nl { return depth <= 0 }
            if c == Lex.rparen && depth <= 0 { return true }
            if (c == Lex.amp && peek(1) == Lex.amp) || (c == Lex.pipe && peek(1) == Lex.pipe) { return depth <= 0 }
            return false
        case .condition:
            switch c {
            case 0x20, 0x09, Lex.nl, Lex.semicolon, Lex.amp, Lex.pipe, Lex.lt, Lex.gt: return true
            case Lex.rparen: return depth <= 0
            case Lex.lparen: return atStart
            default: return false
            }
        case .braceAlternative:
            if Lex.isMeta(c) { return true }
            return (c == Lex.comma || c == Lex.rbrace) && depth == 0
        case .extglobPattern:
            if c == Lex.pipe || c == Lex.rparen { return true }
            return Lex.isMeta(c) && c != Lex.lt && c != Lex.gt && c != Lex.amp && c != Lex.semicolon
                && c != 0x20 && c != 0x09
        }
    }

    /// One character after a backslash: a whole UTF-8 sequence, so it is not split.
    func takeCharacter() -> ByteString {
        var b = ByteString(byte: UInt8(peek()))
        advance()
        if b[0] >= 0xC0 {
            while peek() >= 0x80 && peek() < 0xC0 && b.count < 6 { b.append(UInt8(peek())); advance() }
        }
        return b
    }

    /// `'…'`: everything up to the next `'` is literal.
    func parseSingleQuoted() throws -> WordPart {
        let start = offset
        advance()
        // Usually the closing quote is in the same stretch of input: take a slice.
        var q = pos
        while q < limit && bytes[q] != UInt8(Lex.squote) { q += 1 }
        if q < limit {
            let text = self.text(pos, q)
            move(to: q + 1)
            if pos >= limit && frameAlias != nil { popAliasFrames() }
            return WordPart(.singleQuoted(text), span(from: start))
        }
        var buf: [UInt8] = []
        try readingLiterally {
            while true {
                let c = peek()
                if c == Parser.eof { throw SyntaxError("unterminated single quote", at: start, incomplete: true, endedInText: true) }
                advance()
                if c == Lex.squote { break }
                buf.append(UInt8(c))
            }
        }
        return WordPart(.singleQuoted(ByteString(buf)), span(from: start))
    }

    /// `"…"`: expansions stay live; a backslash escapes only `$` `` ` `` `"` `\` and newline.
    func parseDoubleQuoted() throws -> WordPart {
        let start = offset
        advance()
        let parts = try parseQuotedParts(.quote, openedAt: start)
        advance()  // closing quote
        return WordPart(.doubleQuoted(parts), span(from: start))
    }

    /// The inside of double quotes, a here-document body, or a `${x:-…}` operand inside
    /// double quotes. Stops before the closing byte.
    func parseQuotedParts(_ stop: QuotedStop, openedAt: Int) throws -> [WordPart] {
        var parts: [WordPart] = []
        var lit = LiteralRun()
        var stripTabs = false
        if case .hereDoc(let s) = stop { stripTabs = s }
        var lineStart = true
        while true {
            if stripTabs && lineStart { while peek() == 0x09 { advance() } }
            lineStart = false
            let c = peek()
            let here = offset
            switch stop {
            case .quote:
                if c == Lex.dquote { flush(&lit, into: &parts, end: here); return parts }
                if c == Parser.eof { throw SyntaxError("unterminated double quote", at: openedAt, incomplete: true, endedInText: true) }
            case .rbrace:
                if c == Lex.rbrace { flush(&lit, into: &parts, end: here); return parts }
                if c == Parser.eof { throw SyntaxError("expected `}` to close `${`", at: openedAt, incomplete: true, endedInText: true) }
            case .hereDoc:
                if c == Parser.eof { flush(&lit, into: &parts, end: here); return parts }
            }
            switch c {
            case Lex.backslash:
                let n = peek(1)
                if n == Lex.nl { advance(2); continue }
                var escapable = n == Lex.dollar || n == Lex.backquote || n == Lex.backslash
                if case .quote = stop, n == Lex.dquote { escapable = true }
                if case .rbrace = stop, n == Lex.dquote || n == Lex.rbrace { escapable = true }
                if escapable {
                    flush(&lit, into: &parts, end: here)
                    advance()
                    let ch = takeCharacter()
                    parts.append(WordPart(.escaped(ch), span(from: here)))
                } else {
                    addLiteral(&lit, c, at: here)
                    advance()
                }
            case Lex.dollar:
                if let p = try parseDollarExpansion(inDoubleQuotes: true) {
                    flush(&lit, into: &parts, end: here)
                    parts.append(p)
                } else {
                    addLiteral(&lit, c, at: here); advance()
                }
            case Lex.backquote:
                flush(&lit, into: &parts, end: here)
                // A here-document body is not double quotes: `\"` in its backquotes stays.
                var quoted = true
                if case .hereDoc = stop { quoted = false }
                parts.append(try parseBackquoted(inDoubleQuotes: quoted))
            case Lex.dquote where stop.isBrace:
                // Inside `${x:-"…"}` within double quotes: a nested quoted string.
                flush(&lit, into: &parts, end: here)
                parts.append(try parseDoubleQuoted())
            default:
                addLiteral(&lit, c, at: here)
                advance()
                if c == Lex.nl { lineStart = true } else { extendLiteral(&lit, over: Lex.isPlainQuotedByte) }
            }
        }
    }

    /// `$'…'`: C-style escapes, decoded here.
    func parseAnsiCQuoted() throws -> WordPart {
        let start = offset
        advance(2)
        // A backslash-newline inside stays (bash).
        return try readingLiterally { try ansiCBody(start: start) }
    }

    private func ansiCBody(start: Int) throws -> WordPart {
        var out: [UInt8] = []
        while true {
            let c = peek()
            if c == Parser.eof { throw SyntaxError("unterminated $' quote", at: start, incomplete: true, endedInText: true) }
            advance()
            if c == Lex.squote { break }
            if c != Lex.backslash { out.append(UInt8(c)); continue }
            let e = peek()
            if e == Parser.eof { out.append(UInt8(Lex.backslash)); continue }
            advance()
            switch UInt8(e) {
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"):
                out.append(UInt8(e))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = e - 0x30
                var n = 1
                while n < 3, peek() >= 0x30 && peek() <= 0x37 { v = v * 8 + peek() - 0x30; advance(); n += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "x"):
                var v = 0, n = 0
                while n < 2, let d = hexValue(peek()) { v = v * 16 + d; advance(); n += 1 }
                if n == 0 { out += [UInt8(Lex.backslash), UInt8(ascii: "x")] } else { out.append(UInt8(v)) }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let maxDigits = e == Int(UInt8(ascii: "u")) ? 4 : 8
                var v: UInt32 = 0, n = 0
                while n < maxDigits, let d = hexValue(peek()) { v = v &* 16 &+ UInt32(d); advance(); n += 1 }
                if n == 0 {
                    out += [UInt8(Lex.backslash), UInt8(e)]
                } else if v < 0x80 || Parser.unicodeEscapesEncodeUTF8 {
                    UTF8Sequence.encode(v, into: &out)
                } else {
                    // Outside a UTF-8 locale bash keeps the escape, in upper case.
                    let hex = Array(String(v, radix: 16, uppercase: true).utf8)
                    out += [UInt8(Lex.backslash), UInt8(e)]
                    out += [UInt8](repeating: UInt8(ascii: "0"), count: max(0, maxDigits - hex.count)) + hex
                }
            case UInt8(ascii: "c"):
                let x = peek()
                if x == Parser.eof { out += [UInt8(Lex.backslash), UInt8(ascii: "c")]; break }
                advance()
                out.append(UInt8(x == Lex.question ? 0x7F : (x & 0x1F)))
            default:
                out += [UInt8(Lex.backslash), UInt8(e)]
            }
        }
        // A NUL ends the string, as in bash (a C string cannot go on past it).
        if let nul = out.firstIndex(of: 0) { out.removeSubrange(nul...) }
        return WordPart(.ansiC(ByteString(out)), span(from: start))
    }

    func hexValue(_ c: Int) -> Int? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// After `$`: a parameter, a substitution, a quoted form, or nil when the `$` is literal.
    func parseDollarExpansion(inDoubleQuotes: Bool) throws -> WordPart? {
        let start = offset
        let n = peek(1)
        switch n {
        case Lex.squote where !inDoubleQuotes:
            return try parseAnsiCQuoted()
        case Lex.dquote where !inDoubleQuotes:
            advance()  // `$"…"` is a double-quoted string (no message catalogs)
            let dq = try parseDoubleQuoted()
            return WordPart(dq.kind, span(from: start))
        case Lex.lparen:
            if peek(2) == Lex.lparen, let a = try parseArithmeticExpansionIfAny() { return a }
            return try parseCommandSubstitution()
        case Lex.lbrace:
            let c = peek(2)
            if c == Lex.space || c == Lex.tab || c == Lex.newline || c == Lex.pipe { return try parseFunctionSubstitution() }
            return try parseParameterExpansion(inDoubleQuotes: inDoubleQuotes)
        case Lex.lbracket:
            // `$[expr]`: bash's old arithmetic form.
            advance(2)
            let a = try parseArithmeticText(terminator: .bracket, opener: "$[", at: start)
            advance()
            let text = a ?? Arithmetic(text: Word(parts: [], span: span(from: start)), parsed: .expression(.number(0)),
                                       span: span(from: start))
            return WordPart(.arithmetic(text), span(from: start))
        default:
            if Lex.isNameStart(n) {
                advance()
                let pe = ParameterExpansion(name: .variable(takeNameChars()), braced: false)
                return WordPart(.parameter(pe), span(from: start))
            }
            if Lex.isDigit(n) {
                advance(2)
                return WordPart(.parameter(ParameterExpansion(name: .positional(n - 0x30), braced: false)), span(from: start))
            }
            if isSpecialParameter(n) {
                advance(2)
                return WordPart(.parameter(ParameterExpansion(name: .special(UInt8(n)), braced: false)), span(from: start))
            }
            return nil
        }
    }

    func isSpecialParameter(_ c: Int) -> Bool {
        c == Lex.at || c == Lex.star || c == Lex.hash || c == Lex.question || c == Lex.minus
            || c == Lex.dollar || c == Lex.bang || c == 0x30
    }

    /// `$( compound_list )`
    func parseCommandSubstitution() throws -> WordPart {
        let start = offset
        advance(2)
        let body = try parseSubstitutionBody(opener: "$(", at: start)
        let cs = CommandSubstitution(body: body, backquoted: false, span: span(from: start))
        return WordPart(.commandSubstitution(cs), cs.span)
    }

    /// `${ compound_list }` and `${| compound_list }` (bash 5.3): run in the current shell,
    /// the value its output or REPLY. The `}` must be where a command could start.
    func parseFunctionSubstitution() throws -> WordPart {
        let start = offset
        advance(2)
        let reply = peek() == Lex.pipe
        if reply { advance() }
        let opener = reply ? "${|" : "${"
        try enterNesting()
        defer { leaveNesting() }
        let savedHereDocs = pendingHereDocs
        pendingHereDocs = []
        functionSubstitutionLevel += 1
        let list: CommandList
        do {
            defer { functionSubstitutionLevel -= 1 }
            list = try parseList(newlineEnds: false)
        }
        skipBlanks()
        guard peek() == Lex.rbrace else { throw expected("}", toClose: opener, at: start) }
        if let doc = pendingHereDocs.first { throw unterminatedHereDoc(doc) }
        pendingHereDocs = savedHereDocs
        advance()
        let cs = CommandSubstitution(body: list.items.isEmpty ? nil : list, backquoted: false, span: span(from: start))
        cs.inShell = true
        cs.valueOfReply = reply
        return WordPart(.commandSubstitution(cs), cs.span)
    }

    /// `<( compound_list )` and `>( compound_list )`
    func parseProcessSubstitution() throws -> WordPart {
        let start = offset
        let isInput = peek() == Lex.lt
        advance(2)
        let body = try parseSubstitutionBody(opener: isInput ? "<(" : ">(", at: start)
        let ps = ProcessSubstitution(isInput: isInput, body: body, span: span(from: start))
        return WordPart(.processSubstitution(ps), ps.span)
    }

    /// A command list up to the `)` that closes a substitution; nil when it is empty.
    func parseSubstitutionBody(opener: String, at start: Int) throws -> CommandList? {
        try enterNesting()
        defer { leaveNesting() }
        let savedHereDocs = pendingHereDocs
        pendingHereDocs = []
        // A `}` inside `$(…)` is its own, even within `${ …; }`.
        let savedLevel = functionSubstitutionLevel
        functionSubstitutionLevel = 0
        defer { functionSubstitutionLevel = savedLevel }
        let list = try parseList(newlineEnds: false)
        skipBlanks()
        guard peek() == Lex.rparen else {
            if atEnd { throw expected(")", toClose: opener, at: start) }
            throw expected(")", toClose: opener, at: start)
        }
        if let doc = pendingHereDocs.first { throw unterminatedHereDoc(doc) }
        pendingHereDocs = savedHereDocs
        advance()
        return list.items.isEmpty ? nil : list
    }

    /// `` `…` ``: the text up to the closing backquote, with `\$` `` \` `` `\\` (and `\"`
    /// inside double quotes) unescaped, parsed as a command list of its own.
    func parseBackquoted(inDoubleQuotes: Bool) throws -> WordPart {
        let start = offset
        advance()
        var text: [UInt8] = []
        while true {
            let c = peek()
            if c == Parser.eof { throw SyntaxError("unterminated backquote", at: start, incomplete: true, endedInText: true) }
            advance()
            if c == Lex.backquote { break }
            if c == Lex.backslash {
                let n = peek()
                if n == Lex.dollar || n == Lex.backquote || n == Lex.backslash || (inDoubleQuotes && n == Lex.dquote) {
                    text.append(UInt8(n))
                    advance()
                    continue
                }
            }
            text.append(UInt8(c))
        }
        let whole = span(from: start)
        try enterNesting()
        defer { leaveNesting() }
        let inner = Parser(source: source, text: text, origin: whole, aliases: aliases, depth: depth)
        let list = try inner.parseList(newlineEnds: false)
        if !inner.atEnd { throw inner.unexpected() }
        if let doc = inner.pendingHereDocs.first { throw inner.unterminatedHereDoc(doc) }
        let cs = CommandSubstitution(body: list.items.isEmpty ? nil : list, backquoted: true, span: whole)
        return WordPart(.commandSubstitution(cs), whole)
    }

    /// True where a `~` starts a tilde prefix: at the start of a word, or in an assignment
    /// value at its start or after a `:`.
    func isTildePosition(_ mode: WordMode, lit: LiteralRun, parts: [WordPart]) -> Bool {
        if parts.isEmpty && lit.isEmpty { return true }
        return mode.tilde == .assignment && !lit.isEmpty && lit.last == UInt8(Lex.colon)
    }

    /// `~` or `~name`, up to a `/` or the end of the word; nil when the text after `~`
    /// is not a plain login name (then the `~` is literal).
    func parseTildeIfAny() -> WordPart? {
        let start = offset
        var k = 1
        var name: [UInt8] = []
        while true {
            let c = peek(k)
            if c == Parser.eof || c == Lex.slash || Lex.isMeta(c) || c == Lex.colon { break }
            if c == Lex.rbrace || c == Lex.rbracket { break }
            if !(Lex.isNameChar(c) || c == Lex.dot || c == Lex.minus || c == Lex.plus) { return nil }
            name.append(UInt8(c))
            k += 1
        }
        advance(k)
        return WordPart(.tilde(Lex.string(name[...])), span(from: start))
    }

    /// `@(…)` `!(…)` `*(…)` `+(…)` `?(…)`: patterns separated by `|`.
    func parseExtglob() throws -> WordPart {
        let start = offset
        let op = UInt8(peek())
        advance(2)
        try enterNesting()
        defer { leaveNesting() }
        var patterns: [Word] = []
        while true {
            patterns.append(try parseWord(.extglobPattern))
            if peek() == Lex.pipe { advance(); continue }
            if peek() == Lex.rparen { advance(); break }
            throw expected(")", toClose: "\(Lex.string(Int(op)))(", at: start)
        }
        return WordPart(.extglob(op: op, patterns: patterns), span(from: start))
    }
}
