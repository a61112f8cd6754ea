extension Parser {
    /// `compound_command ::= brace_group | subshell | if_clause | while_clause | until_clause
    ///   | for_clause | case_clause | select_clause | conditional_command | arithmetic_command`
    func parseCompoundCommand() throws -> CompoundCommand {
        try enterNesting()
        defer { leaveNesting() }
        skipBlanks()
        if peek() == Lex.lparen {
            if peek(1) == Lex.lparen, let arith = try parseArithmeticCommandIfAny() {
                return .arithmetic(arith)
            }
            return try parseSubshell()
        }
        switch peekReservedWord() {
        case .openBrace?: return try parseBraceGroup()
        case .if?: return .ifClause(try parseIfClause())
        case .while?: return .loop(try parseWhileClause())
        case .until?: return .loop(try parseUntilClause())
        case .for?: return try parseForClause()
        case .select?: return .forIn(try parseSelectClause())
        case .case?: return .caseClause(try parseCaseClause())
        case .openTest?: return .conditional(try parseConditionalCommand())
        default: throw unexpected()
        }
    }

    /// `brace_group ::= '{' compound_list '}'`
    func parseBraceGroup() throws -> CompoundCommand {
        let start = offset
        advance()
        let body = try parseCompoundList(after: "{", at: start)
        guard acceptReservedWord("}") != nil else { throw expected("}", toClose: "{", at: start) }
        return .braceGroup(body, span: span(from: start))
    }

    /// `subshell ::= '(' compound_list ')'`
    func parseSubshell() throws -> CompoundCommand {
        let start = offset
        advance()
        let body = try parseCompoundList(after: "(", at: start)
        guard peek() == Lex.rparen else { throw expected(")", toClose: "(", at: start) }
        advance()
        return .subshell(body, span: span(from: start))
    }

    /// `if_clause ::= 'if' compound_list 'then' compound_list
    ///   ('elif' compound_list 'then' compound_list)* ('else' compound_list)? 'fi'`
    func parseIfClause() throws -> IfClause {
        let start = offset
        advance(2)
        var branches: [(condition: CommandList, body: CommandList)] = []
        var opener = ("if", start)
        while true {
            let cond = try parseCompoundList(after: opener.0, at: opener.1)
            let thenOffset = offset
            guard acceptReservedWord("then") != nil else { throw expected("then", toClose: opener.0, at: opener.1) }
            let body = try parseCompoundList(after: "then", at: thenOffset)
            branches.append((cond, body))
            let elifOffset = offset
            if acceptReservedWord("elif") != nil {
                opener = ("elif", elifOffset)
                continue
            }
            break
        }
        var elseBody: CommandList?
        let elseOffset = offset
        if acceptReservedWord("else") != nil {
            elseBody = try parseCompoundList(after: "else", at: elseOffset)
        }
        guard acceptReservedWord("fi") != nil else { throw expected("fi", toClose: "if", at: start) }
        return IfClause(branches: branches, elseBody: elseBody, span: span(from: start))
    }

    /// `while_clause ::= 'while' compound_list do_group`
    func parseWhileClause() throws -> LoopClause {
        let start = offset
        advance(5)
        let cond = try parseCompoundList(after: "while", at: start)
        let body = try parseDoGroup(opener: "while", at: start)
        return LoopClause(isUntil: false, condition: cond, body: body, span: span(from: start))
    }

    /// `until_clause ::= 'until' compound_list do_group`
    func parseUntilClause() throws -> LoopClause {
        let start = offset
        advance(5)
        let cond = try parseCompoundList(after: "until", at: start)
        let body = try parseDoGroup(opener: "until", at: start)
        return LoopClause(isUntil: true, condition: cond, body: body, span: span(from: start))
    }

    /// `do_group ::= 'do' compound_list 'done'`
    func parseDoGroup(opener: String, at openOffset: Int) throws -> CommandList {
        try parseLinebreak()
        let doOffset = offset
        guard acceptReservedWord("do") != nil else { throw expected("do", toClose: opener, at: openOffset) }
        let body = try parseCompoundList(after: "do", at: doOffset)
        guard acceptReservedWord("done") != nil else { throw expected("done", toClose: "do", at: doOffset) }
        return body
    }

    /// `for_clause ::= 'for' (arithmetic_for | for_in)`
    func parseForClause() throws -> CompoundCommand {
        let start = offset
        advance(3)
        skipBlanks()
        if peek() == Lex.lparen && peek(1) == Lex.lparen {
            return .arithmeticFor(try parseArithmeticFor(start: start))
        }
        return .forIn(try parseForIn(keyword: "for", start: start))
    }

    /// `select_clause ::= 'select' for_in`
    func parseSelectClause() throws -> ForInClause {
        let start = offset
        advance(6)
        return try parseForIn(keyword: "select", start: start)
    }

    /// `for_in ::= NAME linebreak ('in' WORD* sequential_sep)? do_group`
    /// (`sequential_sep ::= ';' linebreak | newline_list`)
    func parseForIn(keyword: String, start: Int) throws -> ForInClause {
        skipBlanks()
        let nameStart = offset
        // bash checks the name when the loop runs, not when it is parsed: `for 1 in` and
        // `for "x" in` parse, and so they do here.
        let c = peek()
        if c == Parser.eof || Lex.isMeta(c) {
            throw SyntaxError("expected a variable name after `\(keyword)`, found \(describeNext())",
                              at: offset, incomplete: atEnd)
        }
        let nameWord = try parseWord(WordMode(stop: .meta))
        let name = nameWord.literalText ?? delimiterText(nameWord)
        let nameSpan = span(from: nameStart)
        try parseLinebreak()
        var words: [Word]?
        if acceptReservedWord("in") != nil {
            var list: [Word] = []
            while true {
                skipBlanks()
                let c = peek()
                if c == Parser.eof || c == Lex.nl || c == Lex.semicolon { break }
                if Lex.isMeta(c) && !atProcessSubstitution { throw unexpected() }
                list.append(try parseWord(.command))
            }
            words = list
            if peek() == Lex.semicolon { advance() } else if atEnd {
                throw expected("do", toClose: keyword, at: start)
            }
        } else if peek() == Lex.semicolon {
            advance()
        }
        try parseLinebreak()
        let body: CommandList
        if atReservedWord("{") {
            // bash also takes a brace group as the body of `for` and `select`.
            guard case .braceGroup(let list, _) = try parseBraceGroup() else { fatalError("brace group expected") }
            body = list
        } else {
            body = try parseDoGroup(opener: keyword, at: start)
        }
        return ForInClause(isSelect: keyword == "select", variable: name, variableSpan: nameSpan,
                           words: words, body: body, span: span(from: start))
    }

    /// `arithmetic_for ::= '((' ARITH? ';' ARITH? ';' ARITH? '))' (';' | newline_list)? (do_group | brace_group)`
    func parseArithmeticFor(start: Int) throws -> ArithmeticForClause {
        let open = offset
        advance(2)
        var parts: [Arithmetic?] = []
        for i in 0..<3 {
            let a = try parseArithmeticText(terminator: i < 2 ? .semicolon : .doubleParen, opener: "for ((", at: open)
            parts.append(a)
            advance(i < 2 ? 1 : 2)
        }
        skipBlanks()
        if peek() == Lex.semicolon { advance() }
        try parseLinebreak()
        let body: CommandList
        if atReservedWord("{") {
            guard case .braceGroup(let list, _) = try parseBraceGroup() else { fatalError("brace group expected") }
            body = list
        } else {
            body = try parseDoGroup(opener: "for", at: start)
        }
        return ArithmeticForClause(initializer: parts[0], condition: parts[1], step: parts[2], body: body,
                                   span: span(from: start))
    }

    /// `case_clause ::= 'case' WORD linebreak 'in' linebreak case_item* 'esac'`
    func parseCaseClause() throws -> CaseClause {
        let start = offset
        advance(4)
        skipBlanks()
        if Lex.isMeta(peek()) {
            throw SyntaxError("expected a word after `case`, found \(describeNext())", at: offset, incomplete: atEnd)
        }
        let subject = try parseWord(.command)
        try parseLinebreak()
        guard acceptReservedWord("in") != nil else { throw expected("in", toClose: "case", at: start) }
        var items: [CaseItem] = []
        while true {
            try parseLinebreak()
            if acceptReservedWord("esac") != nil { break }
            if atEnd { throw expected("esac", toClose: "case", at: start) }
            let (item, noTerminator) = try parseCaseItem(caseStart: start)
            items.append(item)
            if noTerminator {
                try parseLinebreak()
                guard acceptReservedWord("esac") != nil else { throw expected("esac", toClose: "case", at: start) }
                break
            }
        }
        return CaseClause(subject: subject, items: items, span: span(from: start))
    }

    /// `case_item ::= '('? pattern_list ')' (compound_list | linebreak) case_terminator?`
    /// `pattern_list ::= WORD ('|' WORD)*`; `case_terminator ::= ';;' | ';&' | ';;&'`
    func parseCaseItem(caseStart: Int) throws -> (item: CaseItem, noTerminator: Bool) {
        let start = offset
        if peek() == Lex.lparen { advance() }
        var patterns: [Word] = []
        while true {
            skipBlanks()
            let c = peek()
            if Lex.isMeta(c) {
                throw SyntaxError("expected a pattern in `case`, found \(describeNext())", at: offset, incomplete: atEnd)
            }
            patterns.append(try parseWord(.pattern))
            skipBlanks()
            if peek() == Lex.pipe { advance(); continue }
            if peek() == Lex.rparen { advance(); break }
            throw expected(")", toClose: "case pattern", at: start)
        }
        var body: CommandList?
        try parseLinebreak()
        if !(atReservedWord("esac") || isCaseTerminatorAhead()) {
            body = try parseList(newlineEnds: false)
        }
        skipBlanks()
        var terminator = CaseTerminator.endCase
        var none = true
        switch peekOperator() {
        case .dsemi?: advance(2); none = false
        case .semiAnd?: advance(2); terminator = .fallThrough; none = false
        case .dsemiAnd?: advance(3); terminator = .testNext; none = false
        default:
            if !atReservedWord("esac") { throw expected("esac", toClose: "case", at: caseStart) }
        }
        return (CaseItem(patterns: patterns, body: body, terminator: terminator, span: span(from: start)), none)
    }

    func isCaseTerminatorAhead() -> Bool {
        switch peekOperator() {
        case .dsemi?, .semiAnd?, .dsemiAnd?: return true
        default: return false
        }
    }

    /// `function_definition ::= NAME '(' ')' linebreak function_body
    ///   | 'function' NAME ('(' ')')? linebreak function_body`
    /// `function_body ::= compound_command redirect_list?`
    func parseFunctionDefinition(name: ByteString? = nil, nameLength: Int = 0) throws -> FunctionDefinition {
        let start = offset
        var fname: ByteString
        var nameSpan: Span
        let usesKeyword = name == nil
        if let name {
            fname = name
            advance(nameLength)
            nameSpan = span(from: start)
        } else {
            advance(8)  // function
            skipBlanks()
            let nameStart = offset
            guard let (n, len) = peekPlainWord(), !["{", "}", "(", ")"].contains(n) else {
                throw SyntaxError("expected a function name after `function`, found \(describeNext())",
                                  at: offset, incomplete: atEnd)
            }
            fname = n
            advance(len)
            nameSpan = span(from: nameStart)
        }
        skipBlanks()
        if peek() == Lex.lparen && isFunctionDefinitionAhead(nameLength: 0) {
            advance()
            skipBlanks()
            advance()
        } else if !usesKeyword {
            throw error("expected `()` after the function name")
        }
        try parseLinebreak()
        if atEnd { throw SyntaxError("expected the body of function `\(fname)`", at: offset, incomplete: true) }
        let bodyStart = offset
        guard peek() == Lex.lparen || peekReservedWord()?.startsCompoundCommand == true else {
            throw SyntaxError("expected a compound command as the body of function `\(fname)`, found \(describeNext())",
                              at: bodyStart)
        }
        let body = try parseCompoundCommand()
        let redirections = try parseRedirectList()
        let definition = FunctionDefinition(name: fname, nameSpan: nameSpan, body: body, redirections: redirections,
                                            usesKeyword: usesKeyword, span: span(from: start))
        definition.source = source
        return definition
    }

    /// True when a plain word of `nameLength` bytes is followed by `(` `)`: `name()`.
    func isFunctionDefinitionAhead(nameLength: Int) -> Bool {
        var k = nameLength
        while peek(k) == 0x20 || peek(k) == 0x09 { k += 1 }
        guard peek(k) == Lex.lparen else { return false }
        k += 1
        while peek(k) == 0x20 || peek(k) == 0x09 { k += 1 }
        return peek(k) == Lex.rparen
    }
}
