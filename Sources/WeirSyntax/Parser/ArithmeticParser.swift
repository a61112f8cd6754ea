/// Parses arithmetic text (lexer mode `arith`): C's operators with bash's precedence,
/// 64-bit integers, `base#digits`, hex and octal constants. The expander also uses it,
/// after substitution, for arithmetic text that held expansions.
public struct ArithmeticParser {
    let text: [UInt8]
    var pos = 0
    /// The source offset of `text[0]`, for error positions.
    let base: Int
    var depth = 0
    /// Levels of nesting (parentheses, unary operators, assignments, `?:`) allowed; about
    /// bash's (its expression recursion limit is 1024).
    static let maxDepth = 1000

    public init(text: [UInt8], baseOffset: Int = 0) {
        self.text = text
        self.base = baseOffset
    }

    public struct Failure: Error {
        public var message: String
        public var offset: Int
    }

    /// Parses the whole text; a blank text is an error (callers decide what empty means).
    public static func parse(_ text: [UInt8], baseOffset: Int = 0) -> Result<ArithmeticExpression, Failure> {
        var p = ArithmeticParser(text: text, baseOffset: baseOffset)
        do {
            let e = try p.parseArithExpression()
            p.skipSpace()
            if p.pos < p.text.count {
                return .failure(Failure(message: "syntax error in expression (error token is \"\(p.rest())\")",
                                        offset: baseOffset + p.pos))
            }
            return .success(e)
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(message: "\(error)", offset: baseOffset))
        }
    }

    func rest() -> String { String(decoding: text[min(pos, text.count)...], as: UTF8.self) }

    func fail(_ message: String) -> Failure { Failure(message: message, offset: base + pos) }

    mutating func skipSpace() {
        // Space, tab and newline, as in bash and dash: a carriage return is no blank here.
        while pos < text.count, text[pos] == 0x20 || text[pos] == 0x09 || text[pos] == 0x0A {
            pos += 1
        }
    }

    func peekByte(_ k: Int = 0) -> Int { pos + k < text.count ? Int(text[pos + k]) : -1 }

    /// The length of the longest operator at the current position (0 when none).
    func operatorLength() -> Int {
        let a = peekByte(0), b = peekByte(1), c = peekByte(2)
        let eq = Int(UInt8(ascii: "="))
        if c == eq && a == b && (a == Lex.lt || a == Lex.gt || a == Lex.star) { return 3 }
        if b == eq {
            switch a {
            case Lex.lt, Lex.gt, eq, Lex.bang, Lex.star, Lex.slash, Lex.percent, Lex.plus, Lex.minus, Lex.amp,
                 Lex.caret, Lex.pipe: return 2
            default: break
            }
        }
        if a == b {
            switch a {
            case Lex.star, Lex.lt, Lex.gt, Lex.amp, Lex.pipe, Lex.plus, Lex.minus: return 2
            default: break
            }
        }
        return a < 0 ? 0 : 1
    }

    /// Consumes `op` when it is the longest operator next (so `|` is not taken from `||`).
    mutating func accept(_ op: StaticString) -> Bool {
        skipSpace()
        let n = op.utf8CodeUnitCount
        guard operatorLength() == n else { return false }
        let p = op.utf8Start
        for i in 0..<n where peekByte(i) != Int(p[i]) { return false }
        pos += n
        return true
    }

    /// `arith_expression ::= arith_assignment (',' arith_assignment)*`
    public mutating func parseArithExpression() throws -> ArithmeticExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw fail("expression nested too deeply") }
        var e = try parseArithAssignment()
        while accept(",") { e = .binary(.comma, e, try parseArithAssignment()) }
        return e
    }

    /// The assignment operator next (`=`, `+=`, `<<=` …): the operation it applies (nil
    /// for `=`) and its length.
    func assignmentOperatorAhead() -> (ArithmeticBinaryOperator?, Int)? {
        let eq = Int(UInt8(ascii: "="))
        let n = operatorLength()
        let a = peekByte(0)
        switch n {
        case 1:
            return a == eq ? (nil, 1) : nil
        case 2 where peekByte(1) == eq:
            switch a {
            case Lex.star: return (.multiply, 2)
            case Lex.slash: return (.divide, 2)
            case Lex.percent: return (.remainder, 2)
            case Lex.plus: return (.add, 2)
            case Lex.minus: return (.subtract, 2)
            case Lex.amp: return (.bitAnd, 2)
            case Lex.caret: return (.bitXor, 2)
            case Lex.pipe: return (.bitOr, 2)
            default: return nil  // `==` `!=` `<=` `>=` compare
            }
        case 3:
            switch a {
            case Lex.lt: return (.shiftLeft, 3)
            case Lex.gt: return (.shiftRight, 3)
            case Lex.star: return (.power, 3)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `arith_assignment ::= arith_ternary (ASSIGN_OP arith_assignment)?` (the left side a variable)
    mutating func parseArithAssignment() throws -> ArithmeticExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw fail("expression nested too deeply") }
        let lhs = try parseArithTernary()
        skipSpace()
        if let (binop, length) = assignmentOperatorAhead() {
            guard case .variable(let lv) = lhs else {
                throw fail("attempted assignment to non-variable (error token is \"\(rest())\")")
            }
            pos += length
            return .assign(lv, binop, try parseArithAssignment())
        }
        return lhs
    }

    /// `arith_ternary ::= arith_binary ('?' arith_expression ':' arith_ternary)?` (as in C and
    /// bash, `c ? a : x = 1` assigns to the whole conditional: an error)
    mutating func parseArithTernary() throws -> ArithmeticExpression {
        let cond = try parseArithBinary(minimumPrecedence: 1)
        if accept("?") {
            let a = try parseArithExpression()
            guard accept(":") else { throw fail("`:' expected for conditional expression (error token is \"\(rest())\")") }
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maxDepth { throw fail("expression nested too deeply") }
            let b = try parseArithTernary()
            return .conditional(cond, a, b)
        }
        return cond
    }

    /// The binary operator next, with its precedence (higher binds tighter) and length.
    func binaryOperatorAhead() -> (ArithmeticBinaryOperator, Int, Int)? {
        let n = operatorLength()
        let a = peekByte(0), b = peekByte(1)
        if n == 1 {
            switch a {
            case Lex.pipe: return (.bitOr, 3, 1)
            case Lex.caret: return (.bitXor, 4, 1)
            case Lex.amp: return (.bitAnd, 5, 1)
            case Lex.lt: return (.less, 7, 1)
            case Lex.gt: return (.greater, 7, 1)
            case Lex.plus: return (.add, 9, 1)
            case Lex.minus: return (.subtract, 9, 1)
            case Lex.star: return (.multiply, 10, 1)
            case Lex.slash: return (.divide, 10, 1)
            case Lex.percent: return (.remainder, 10, 1)
            default: return nil
            }
        }
        guard n == 2 else { return nil }
        let eq = Int(UInt8(ascii: "="))
        switch (a, b) {
        case (Lex.pipe, Lex.pipe): return (.logicalOr, 1, 2)
        case (Lex.amp, Lex.amp): return (.logicalAnd, 2, 2)
        case (eq, eq): return (.equal, 6, 2)
        case (Lex.bang, eq): return (.notEqual, 6, 2)
        case (Lex.lt, eq): return (.lessEqual, 7, 2)
        case (Lex.gt, eq): return (.greaterEqual, 7, 2)
        case (Lex.lt, Lex.lt): return (.shiftLeft, 8, 2)
        case (Lex.gt, Lex.gt): return (.shiftRight, 8, 2)
        case (Lex.star, Lex.star): return (.power, 11, 2)
        // After an operand that is not a variable, `++` and `--` are a binary operator
        // and a unary one: `0++1` is `0 + +1` (bash).
        case (Lex.plus, Lex.plus): return (.add, 9, 1)
        case (Lex.minus, Lex.minus): return (.subtract, 9, 1)
        default: return nil
        }
    }

    /// `arith_binary ::= arith_unary (BINARY_OP arith_unary)*`, by precedence climbing.
    /// From loosest to tightest: `||`; `&&`; `|`; `^`; `&`; `==` `!=`; `<` `<=` `>` `>=`;
    /// `<<` `>>`; `+` `-`; `*` `/` `%`; `**` (right-associative). All others associate left.
    mutating func parseArithBinary(minimumPrecedence: Int) throws -> ArithmeticExpression {
        var lhs = try parseArithUnary()
        while true {
            skipSpace()
            guard let (op, precedence, length) = binaryOperatorAhead(), precedence >= minimumPrecedence else {
                return lhs
            }
            pos += length
            let rhs = try parseArithBinary(minimumPrecedence: op == .power ? precedence : precedence + 1)
            lhs = .binary(op, lhs, rhs)
        }
    }

    /// `arith_unary ::= ('!' | '~' | '+' | '-') arith_unary | ('++' | '--') NAME_REF | arith_postfix`
    mutating func parseArithUnary() throws -> ArithmeticExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw fail("expression nested too deeply") }
        skipSpace()
        // One look at the operator next, not one try per prefix operator.
        let c = peekByte()
        guard c == Lex.plus || c == Lex.minus || c == Lex.bang || c == Lex.tilde else { return try parseArithPostfix() }
        if accept("++") || accept("--") {
            let delta: Int64 = text[pos - 1] == UInt8(ascii: "+") ? 1 : -1
            skipSpace()
            guard let lv = try parseArithVariableIfAny() else {
                // `++5` is `+(+5)` in bash.
                let inner = try parseArithUnary()
                return .unary(delta == 1 ? .plus : .minus, .unary(delta == 1 ? .plus : .minus, inner))
            }
            return .increment(lv, delta: delta, prefix: true)
        }
        if accept("!") { return .unary(.not, try parseArithUnary()) }
        if accept("~") { return .unary(.bitNot, try parseArithUnary()) }
        if accept("+") { return .unary(.plus, try parseArithUnary()) }
        if accept("-") { return .unary(.minus, try parseArithUnary()) }
        return try parseArithPostfix()
    }

    /// `arith_postfix ::= NAME_REF ('++' | '--')? | arith_primary`
    mutating func parseArithPostfix() throws -> ArithmeticExpression {
        skipSpace()
        if let lv = try parseArithVariableIfAny() {
            if accept("++") { return .increment(lv, delta: 1, prefix: false) }
            if accept("--") { return .increment(lv, delta: -1, prefix: false) }
            return .variable(lv)
        }
        return try parseArithPrimary()
    }

    /// `arith_primary ::= NUMBER | '(' arith_expression ')'`
    mutating func parseArithPrimary() throws -> ArithmeticExpression {
        skipSpace()
        if accept("(") {
            let e = try parseArithExpression()
            guard accept(")") else { throw fail("missing `)' (error token is \"\(rest())\")") }
            return e
        }
        let c = peekByte()
        if c >= 0x30 && c <= 0x39 { return .number(try parseArithNumber()) }
        if c < 0 { throw fail("syntax error: operand expected (error token is \"\(rest())\")") }
        throw fail("syntax error: operand expected (error token is \"\(rest())\")")
    }

    /// `NAME_REF ::= NAME ('[' arith_expression ']')?`
    mutating func parseArithVariableIfAny() throws -> ArithmeticLValue? {
        let c = peekByte()
        guard Lex.isNameStart(c) else { return nil }
        let start = pos
        while Lex.isNameChar(peekByte()) { pos += 1 }
        let name = ByteString(text[start..<pos])
        guard peekByte() == Lex.lbracket else { return ArithmeticLValue(name: name) }
        pos += 1
        let subStart = pos
        var d = 1
        var end = pos
        while end < text.count {
            if text[end] == UInt8(ascii: "[") { d += 1 }
            if text[end] == UInt8(ascii: "]") { d -= 1; if d == 0 { break } }
            end += 1
        }
        guard end < text.count else { throw fail("missing `]'") }
        let subText = ByteString(text[subStart..<end])
        var inner = ArithmeticParser(text: Array(text[subStart..<end]), baseOffset: base + subStart)
        inner.depth = depth
        let sub: ArithmeticExpression?
        if subText.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            sub = nil
        } else {
            sub = try? inner.parseArithExpression()
        }
        pos = end + 1
        return ArithmeticLValue(name: name, subscriptText: subText, index: sub)
    }

    /// Decimal, `0x` hex, `0` octal, or `base#digits` (bases 2 to 64).
    mutating func parseArithNumber() throws -> Int64 {
        let start = pos
        while pos < text.count, Lex.isNameChar(Int(text[pos])) || text[pos] == UInt8(ascii: "#")
            || text[pos] == UInt8(ascii: "@") { pos += 1 }
        let token = text[start..<pos]
        guard let v = ArithmeticParser.integerValue(token) else {
            pos = start
            throw fail("value too great for base (error token is \"\(String(decoding: token, as: UTF8.self))\")")
        }
        return v
    }

    /// The value of an integer constant as bash reads it, or nil when it is invalid.
    public static func integerValue(_ token: [UInt8]) -> Int64? { integerValue(token[...]) }

    public static func integerValue(_ token: ArraySlice<UInt8>) -> Int64? {
        guard !token.isEmpty else { return nil }
        var radix: Int64 = 10
        var digits = token
        let first = token.startIndex
        if let hash = token.firstIndex(of: UInt8(ascii: "#")) {
            guard hash > first, let b = Int64(String(decoding: token[..<hash], as: UTF8.self)), b >= 2, b <= 64 else { return nil }
            radix = b
            digits = token[(hash + 1)...]
        } else if token.count > 1 && token[first] == UInt8(ascii: "0") {
            if token[first + 1] == UInt8(ascii: "x") || token[first + 1] == UInt8(ascii: "X") {
                radix = 16
                digits = token[(first + 2)...]
            } else {
                radix = 8
                digits = token[(first + 1)...]
            }
        }
        // A bare `0x` is 0 in bash, as a bare `0` is.
        if digits.isEmpty { return radix == 16 || radix == 8 ? 0 : nil }
        var v: Int64 = 0
        for b in digits {
            let d: Int64
            switch b {
            case 0x30...0x39: d = Int64(b - 0x30)
            case 0x61...0x7A: d = Int64(b - 0x61 + 10)
            case 0x41...0x5A: d = radix <= 36 ? Int64(b - 0x41 + 10) : Int64(b - 0x41 + 36)
            case UInt8(ascii: "@"): d = 62
            case UInt8(ascii: "_"): d = 63
            default: return nil
            }
            if d >= radix { return nil }
            v = v &* radix &+ d
        }
        return v
    }
}
