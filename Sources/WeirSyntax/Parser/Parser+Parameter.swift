extension Parser {
    /// `parameter_expansion ::= '${' ('#' | '!')? parameter subscript? parameter_operator? '}'`
    func parseParameterExpansion(inDoubleQuotes: Bool) throws -> WordPart {
        do {
            return try bracedParameterBody(inDoubleQuotes: inDoubleQuotes)
        } catch var e as SyntaxError where e.incomplete {
            // Input that ends inside `${…}` ends inside text: its newline is part of a word.
            e.endedInText = true
            throw e
        }
    }

    /// What `parseParameterExpansion` reads, without its note on incomplete input.
    func bracedParameterBody(inDoubleQuotes: Bool) throws -> WordPart {
        try enterNesting()
        defer { leaveNesting() }
        let start = offset
        advance(2)
        var length = false
        var indirect = false
        // `${#}` and `${!}` are the special parameters; `${#x}` is a length, `${!x}` indirection.
        // `${#-}` is the length of `$-`, but `${#-word}` is `$#` with a default (`?` alike).
        let operatorAfterHash = (peek(1) == Lex.hash || peek(1) == Lex.minus || peek(1) == Lex.question) && peek(2) != Lex.rbrace
        if peek() == Lex.hash && peek(1) != Lex.rbrace && startsParameterName(peek(1)) && !operatorAfterHash {
            length = true
            advance()
        } else if peek() == Lex.bang && peek(1) != Lex.rbrace && startsParameterName(peek(1)) {
            indirect = true
            advance()
        }
        guard let name = parseParameterName() else {
            return try badSubstitution(from: start)
        }
        let pe = ParameterExpansion(name: name, braced: true, length: length, indirect: indirect)
        if peek() == Lex.lbracket, case .variable = name {
            let subStart = offset
            advance()
            if (peek() == Lex.at || peek() == Lex.star) && peek(1) == Lex.rbracket {
                pe.index = peek() == Lex.at ? .all : .star
                advance(2)
            } else {
                let w = try parseWord(.arraySubscript)
                guard peek() == Lex.rbracket else {
                    if atEnd { throw expected("]", toClose: "[", at: subStart) }
                    return try badSubstitution(from: start)
                }
                advance()
                pe.index = .index(w)
            }
        }
        if peek() == Lex.rbrace {
            advance()
            return WordPart(.parameter(pe), span(from: start))
        }
        if length { return try badSubstitution(from: start) }
        // `${!prefix*}` / `${!prefix@}`
        if indirect, pe.index == nil, (peek() == Lex.star || peek() == Lex.at), peek(1) == Lex.rbrace {
            pe.indirect = false
            pe.op = .namesWithPrefix(star: peek() == Lex.star)
            advance(2)
            return WordPart(.parameter(pe), span(from: start))
        }
        guard let op = try parseParameterOperator(inDoubleQuotes: inDoubleQuotes) else {
            return try badSubstitution(from: start)
        }
        pe.op = op
        guard peek() == Lex.rbrace else {
            if atEnd { throw expected("}", toClose: "${", at: start) }
            return try badSubstitution(from: start)
        }
        advance()
        return WordPart(.parameter(pe), span(from: start))
    }

    func startsParameterName(_ c: Int) -> Bool {
        Lex.isNameStart(c) || Lex.isDigit(c) || isSpecialParameter(c)
    }

    /// `parameter ::= NAME | DIGIT+ | special_parameter`
    func parseParameterName() -> ParameterExpansion.Name? {
        let c = peek()
        if Lex.isNameStart(c) {
            return .variable(takeNameChars())
        }
        if Lex.isDigit(c) {
            var v = 0
            while Lex.isDigit(peek()) { v = min(v &* 10 &+ (peek() - 0x30), Int(Int32.max)); advance() }
            return .positional(v)
        }
        if isSpecialParameter(c) {
            advance()
            return .special(UInt8(c))
        }
        return nil
    }

    /// `parameter_operator ::= ':'? ('-' | '=' | '?' | '+') WORD | ('#' | '##' | '%' | '%%') WORD
    ///   | ('/' | '//' | '/#' | '/%') WORD ('/' WORD)? | ':' WORD (':' WORD)?
    ///   | ('^' | '^^' | ',' | ',,') WORD? | '@' TRANSFORM`
    func parseParameterOperator(inDoubleQuotes: Bool) throws -> ParameterOperator? {
        let c = peek()
        func testKind(_ c: Int) -> ParameterOperator.TestKind? {
            switch c {
            case Lex.minus: return .useDefault
            case Lex.equals: return .assignDefault
            case Lex.question: return .errorIfUnset
            case Lex.plus: return .useAlternative
            default: return nil
            }
        }
        if c == Lex.colon, let k = testKind(peek(1)) {
            advance(2)
            return .test(k, colon: true, word: try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: false))
        }
        if let k = testKind(c) {
            advance()
            return .test(k, colon: false, word: try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: false))
        }
        switch c {
        case Lex.hash, Lex.percent:
            advance()
            let longest = peek() == c
            if longest { advance() }
            let pattern = try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: true)
            return c == Lex.hash ? .removePrefix(longest: longest, pattern: pattern)
                : .removeSuffix(longest: longest, pattern: pattern)
        case Lex.slash:
            advance()
            var mode = ParameterOperator.ReplaceMode.first
            switch peek() {
            case Lex.slash: mode = .all; advance()
            case Lex.hash: mode = .prefix; advance()
            case Lex.percent: mode = .suffix; advance()
            default: break
            }
            var m = WordMode.parameterArgument
            m.stopAtSlash = true
            // `${x///}`, `${x////\\/}`: a pattern cannot be empty after `//`, so a `/` right
            // there is the pattern's first character (bash).
            let slashStart = offset
            let leadingSlash = mode == .all && peek() == Lex.slash
            if leadingSlash { advance() }
            var pattern = try parseWord(m)
            if leadingSlash {
                pattern = Word(parts: [WordPart(.literal("/"), Span(slashStart, slashStart + 1))] + pattern.parts,
                               span: Span(slashStart, pattern.span.end))
            }
            var replacement: Word?
            if peek() == Lex.slash {
                advance()
                replacement = try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: true)
            }
            return .replace(mode, pattern: pattern, replacement: replacement)
        case Lex.colon:
            advance()
            var m = WordMode.parameterArgument
            m.stopAtColon = true
            m.tilde = .none
            let off = try parseWord(m)
            // `${s:}`: no offset at all is a bad substitution in bash (`${s: }` and
            // `${s::2}` are not).
            if off.parts.isEmpty && peek() == Lex.rbrace { return nil }
            var len: Word?
            if peek() == Lex.colon {
                advance()
                var lm = WordMode.parameterArgument
                lm.tilde = .none
                len = try parseWord(lm)
            }
            return .substring(offset: off, length: len)
        case Lex.caret, Lex.comma:
            advance()
            let all = peek() == c
            if all { advance() }
            let pattern: Word? = peek() == Lex.rbrace ? nil : try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: true)
            return .caseChange(upper: c == Lex.caret, all: all, pattern: pattern)
        case Lex.tilde:
            advance()
            let all = peek() == Lex.tilde
            if all { advance() }
            let pattern: Word? = peek() == Lex.rbrace ? nil : try parseParameterOperand(inDoubleQuotes: inDoubleQuotes, patternLike: true)
            return .caseToggle(all: all, pattern: pattern)
        case Lex.at:
            let t = peek(1)
            guard t >= 0, "QEPAULuaKk".utf8.contains(UInt8(t)), peek(2) == Lex.rbrace else { return nil }
            advance(2)
            return .transform(UInt8(t))
        default:
            return nil
        }
    }

    /// The word after an operator, up to the closing `}`. Inside double quotes the operand
    /// of `-` `=` `?` `+` is read like double-quoted text (single quotes are literal there),
    /// as bash does; pattern operands keep their quoting.
    func parseParameterOperand(inDoubleQuotes: Bool, patternLike: Bool) throws -> Word {
        if inDoubleQuotes && !patternLike {
            let start = offset
            let parts = try parseQuotedParts(.rbrace, openedAt: start)
            return Word(parts: parts, span: span(from: start))
        }
        return try parseWord(.parameterArgument)
    }

    /// Text that is not a valid `${…}`: read to the closing `}` and kept, so the error
    /// comes when the word is expanded, as in bash.
    func badSubstitution(from start: Int) throws -> WordPart {
        var depth = 0
        while true {
            let c = peek()
            if c == Parser.eof { throw expected("}", toClose: "${", at: start) }
            if c == Lex.backslash { advance(2); continue }
            if c == Lex.squote { _ = try parseSingleQuoted(); continue }
            if c == Lex.dquote { _ = try parseDoubleQuoted(); continue }
            advance()
            if c == Lex.lbrace { depth += 1 }
            if c == Lex.rbrace {
                if depth == 0 { break }
                depth -= 1
            }
        }
        let s = span(from: start)
        return WordPart(.parameter(ParameterExpansion(name: .variable(""), braced: true, op: .bad(source.text(s)))), s)
    }
}
