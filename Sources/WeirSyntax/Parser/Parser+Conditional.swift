/// The unary tests of `[[ ]]` (and of `test`).
let conditionalUnaryOperators: Set<ByteString> = [
    "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
    "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R",
]

/// The binary tests of `[[ ]]`.
let conditionalBinaryOperators: Set<ByteString> = [
    "==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
]

extension Parser {
    /// `conditional_command ::= '[[' cond_or ']]'`
    func parseConditionalCommand() throws -> ConditionalCommand {
        let start = offset
        advance(2)
        let e = try parseCondOr(start: start)
        skipCondBlanks()
        guard acceptReservedWord("]]") != nil else {
            if atEnd { throw expected("]]", toClose: "[[", at: start) }
            throw SyntaxError("unexpected \(describeNext()) in `[[`; expected `]]`", at: offset)
        }
        return ConditionalCommand(expression: e, span: span(from: start))
    }

    /// Blanks and newlines inside `[[ ]]`.
    func skipCondBlanks() {
        while true {
            skipBlanks()
            if peek() == Lex.nl { advance() } else { return }
        }
    }

    /// `cond_or ::= cond_and ('||' cond_and)*`
    func parseCondOr(start: Int) throws -> ConditionalExpression {
        var e = try parseCondAnd(start: start)
        while true {
            skipCondBlanks()
            guard peek() == Lex.pipe && peek(1) == Lex.pipe else { return e }
            advance(2)
            e = .or(e, try parseCondAnd(start: start))
        }
    }

    /// `cond_and ::= cond_not ('&&' cond_not)*`
    func parseCondAnd(start: Int) throws -> ConditionalExpression {
        var e = try parseCondNot(start: start)
        while true {
            skipCondBlanks()
            guard peek() == Lex.amp && peek(1) == Lex.amp else { return e }
            advance(2)
            e = .and(e, try parseCondNot(start: start))
        }
    }

    /// `cond_not ::= '!' cond_not | cond_primary`
    /// A run of `!` is read in a loop and kept by its parity: `! ! a` is `a`, and 100,000
    /// of them make no tree 100,000 deep.
    func parseCondNot(start: Int) throws -> ConditionalExpression {
        var negations = 0
        while true {
            skipCondBlanks()
            guard peek() == Lex.bang, Lex.isMeta(peek(1)) || peek(1) == 0x20 else { break }
            advance()
            negations += 1
        }
        let primary = try parseCondPrimary(start: start)
        return negations % 2 == 1 ? .not(primary) : primary
    }

    /// `cond_primary ::= '(' cond_or ')' | UNARY_OP cond_word | cond_word BINARY_OP cond_word | cond_word`
    func parseCondPrimary(start: Int) throws -> ConditionalExpression {
        try enterNesting()
        defer { leaveNesting() }
        skipCondBlanks()
        if peek() == Lex.lparen {
            let open = offset
            advance()
            let e = try parseCondOr(start: start)
            skipCondBlanks()
            guard peek() == Lex.rparen else { throw expected(")", toClose: "(", at: open) }
            advance()
            return .group(e)
        }
        if atCondEnd() {
            throw SyntaxError("expected an expression in `[[`, found \(describeNext())", at: offset, incomplete: atEnd)
        }
        let first = try parseCondWord()
        if let op = first.literalText, conditionalUnaryOperators.contains(op) {
            skipCondBlanks()
            if atCondEnd() {
                throw SyntaxError("expected an operand after `\(op)` in `[[`", at: offset, incomplete: atEnd)
            }
            if !atCondBinaryOperator() {
                return .unary(op: op, operand: try parseCondWord())
            }
        }
        skipCondBlanks()
        if let op = condBinaryOperatorAhead() {
            advance(op.count)
            skipCondBlanks()
            if atCondEnd() {
                throw SyntaxError("expected an operand after `\(op)` in `[[`", at: offset, incomplete: atEnd)
            }
            let rhs = op == "=~" ? try parseWord(.regex) : try parseCondWord()
            return .binary(op: op, lhs: first, rhs: rhs)
        }
        if !atCondEnd() && peek() != Lex.rparen && !(peek() == Lex.amp && peek(1) == Lex.amp)
            && !(peek() == Lex.pipe && peek(1) == Lex.pipe) {
            throw SyntaxError("unexpected \(describeNext()) in `[[`: expected a test operator", at: offset)
        }
        return .word(first)
    }

    /// A word inside `[[ ]]` (lexer mode `condition`).
    func parseCondWord() throws -> Word {
        let c = peek()
        if c == Lex.lt || c == Lex.gt || c == Lex.semicolon || c == Lex.pipe || c == Lex.amp {
            throw SyntaxError("unexpected \(describeNext()) in `[[`", at: offset)
        }
        return try parseWord(.condition)
    }

    /// True at `]]` or at a token that cannot continue an expression.
    func atCondEnd() -> Bool {
        if atEnd { return true }
        if atReservedWord("]]") { return true }
        return false
    }

    func atCondBinaryOperator() -> Bool { condBinaryOperatorAhead() != nil }

    /// The binary operator next, if any: `<` and `>` compare strings here.
    func condBinaryOperatorAhead() -> ByteString? {
        if peek() == Lex.lt || peek() == Lex.gt { return Lex.string(peek()) }
        guard let (w, _) = peekPlainWord(), conditionalBinaryOperators.contains(w) else { return nil }
        return w
    }
}
