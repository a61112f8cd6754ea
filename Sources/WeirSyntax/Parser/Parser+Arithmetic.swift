enum ArithmeticTerminator {
    /// `))`: `$((…))`, `((…))`, the last part of `for ((…))`.
    case doubleParen
    /// `;`: the first two parts of `for ((…))`.
    case semicolon
    /// `]`: `$[…]`.
    case bracket
}

/// Thrown when `((` turns out not to open arithmetic (`$((a) | b)`, `((x); (y))`).
struct NotArithmetic: Error {}

extension Parser {
    /// `arithmetic_expansion ::= '$((' ARITH '))'`; nil when the text is a command
    /// substitution that starts with a subshell instead.
    func parseArithmeticExpansionIfAny() throws -> WordPart? {
        let start = offset
        let (savePos, saveFrames) = (pos, saved.count)
        advance(3)
        do {
            let a = try scanArithmetic(.doubleParen, opener: "$((", at: start, emptyIsZero: true)
            advance(2)
            a!.span = span(from: start)
            return WordPart(.arithmetic(a!), a!.span)
        } catch is NotArithmetic {
            guard saved.count == saveFrames else { throw SyntaxError("ambiguous `$((`", at: start) }
            move(to: savePos)
            return nil
        }
    }

    /// `arithmetic_command ::= '((' ARITH '))'`; nil when `((` opens two subshells.
    func parseArithmeticCommandIfAny() throws -> ArithmeticCommand? {
        let start = offset
        let (savePos, saveFrames) = (pos, saved.count)
        advance(2)
        do {
            let a = try scanArithmetic(.doubleParen, opener: "((", at: start, emptyIsZero: true)
            advance(2)
            return ArithmeticCommand(expression: a!, span: span(from: start))
        } catch is NotArithmetic {
            guard saved.count == saveFrames else { throw SyntaxError("ambiguous `((`", at: start) }
            move(to: savePos)
            return nil
        }
    }

    /// Arithmetic text up to (not including) its terminator; nil when it is blank.
    func parseArithmeticText(terminator: ArithmeticTerminator, opener: String, at start: Int) throws -> Arithmetic? {
        do {
            return try scanArithmetic(terminator, opener: opener, at: start, emptyIsZero: false)
        } catch is NotArithmetic {
            throw SyntaxError("unexpected `)` in `\(opener)`", at: offset)
        }
    }

    /// Reads arithmetic text (lexer mode `arith`): parentheses balance; `$` expansions,
    /// backquotes and quotes are parts of the text word; the rest is literal.
    func scanArithmetic(_ terminator: ArithmeticTerminator, opener: String, at start: Int,
                        emptyIsZero: Bool) throws -> Arithmetic? {
        let textStart = offset
        var parts: [WordPart] = []
        var lit = LiteralRun()
        var depth = 0
        var literalOnly = true
        loop: while true {
            let c = peek()
            let here = offset
            switch c {
            case Parser.eof:
                let closer = terminator == .doubleParen ? "))" : terminator == .semicolon ? ";" : "]"
                throw expected(closer, toClose: opener, at: start)
            case Lex.lparen:
                depth += 1
            case Lex.rparen:
                if depth == 0 {
                    if terminator == .doubleParen && peek(1) == Lex.rparen { break loop }
                    throw NotArithmetic()
                }
                depth -= 1
            case Lex.semicolon where terminator == .semicolon && depth == 0:
                break loop
            case Lex.rbracket where terminator == .bracket && depth == 0:
                break loop
            case Lex.dollar:
                if let p = try parseDollarExpansion(inDoubleQuotes: false) {
                    flush(&lit, into: &parts, end: here)
                    parts.append(p)
                    literalOnly = false
                    continue loop
                }
            case Lex.backquote:
                flush(&lit, into: &parts, end: here)
                parts.append(try parseBackquoted(inDoubleQuotes: false))
                literalOnly = false
                continue loop
            case Lex.dquote:
                flush(&lit, into: &parts, end: here)
                parts.append(try parseDoubleQuoted())
                literalOnly = false
                continue loop
            case Lex.squote:
                // Quotes are removed, as in bash before 5.2 and as the Oils spec expects
                // (`for ((i = '3'; …))`); bash 5.2.15 reports "operand expected" instead.
                flush(&lit, into: &parts, end: here)
                parts.append(try parseSingleQuoted())
                literalOnly = false
                continue loop
            case Lex.backslash:
                if peek(1) == Lex.nl { advance(2); continue loop }
                flush(&lit, into: &parts, end: here)
                advance()
                if atEnd { continue loop }
                parts.append(WordPart(.escaped(takeCharacter()), span(from: here)))
                literalOnly = false
                continue loop
            default:
                break
            }
            addLiteral(&lit, c, at: here)
            advance()
            extendLiteral(&lit, over: Lex.isPlainArithmeticByte)
        }
        flush(&lit, into: &parts, end: offset)
        let text = Word(parts: parts, span: span(from: textStart))
        guard literalOnly else { return Arithmetic(text: text, parsed: .dynamic, span: text.span) }
        let blank = parts.allSatisfy { p in
            if case .literal(let s) = p.kind { return s.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A } }
            return false
        }
        if blank {
            if !emptyIsZero { return nil }
            return Arithmetic(text: text, parsed: .expression(.number(0)), span: text.span)
        }
        return Arithmetic(literalText: text, span: text.span)
    }
}
