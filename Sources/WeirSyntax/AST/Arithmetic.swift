/// The body of `$((…))`, `((…))` or a part of `for ((…))`.
///
/// When the text holds no expansions it is parsed once, the first time it is needed
/// (bash reads arithmetic only when it runs, and `weir -n` need not build a tree nobody
/// evaluates). When it holds `$x`, `$(…)` and the like, bash substitutes them as text and
/// parses the result, so `parsed` is `.dynamic` and the expander parses after
/// substituting. An invalid expression is `.invalid`: like bash, weir reports it when
/// the expression is evaluated.
public final class Arithmetic {
    public enum Parsed {
        case expression(ArithmeticExpression)
        case dynamic
        case invalid(message: String, offset: Int)
    }

    public var text: Word
    public var span: Span
    /// nil until a literal text is first parsed.
    private var parsedForm: Parsed?

    public init(text: Word, parsed: Parsed, span: Span) {
        self.text = text
        self.parsedForm = parsed
        self.span = span
    }

    /// A text of literal parts only, parsed when `parsed` is first asked for.
    public init(literalText text: Word, span: Span) {
        self.text = text
        self.span = span
    }

    public var parsed: Parsed {
        if let p = parsedForm { return p }
        var bytes: [UInt8] = []
        for part in text.parts { if case .literal(let s) = part.kind { bytes.append(s) } }
        let p: Parsed
        switch ArithmeticParser.parse(bytes, baseOffset: text.span.start) {
        case .success(let e): p = .expression(e)
        case .failure(let f): p = .invalid(message: f.message, offset: f.offset)
        }
        parsedForm = p
        return p
    }
}

public enum ArithmeticUnaryOperator: String, Sendable {
    case plus = "+", minus = "-", not = "!", bitNot = "~"
}

public enum ArithmeticBinaryOperator: String, Sendable, CaseIterable {
    case comma = ","
    case logicalOr = "||", logicalAnd = "&&"
    case bitOr = "|", bitXor = "^", bitAnd = "&"
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case shiftLeft = "<<", shiftRight = ">>"
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", remainder = "%"
    case power = "**"
}

/// A variable that can be assigned to: `x` or `a[i]`.
public struct ArithmeticLValue {
    public var name: ByteString
    /// The subscript's source text (an associative array uses it as a key) and its
    /// parsed form (an indexed array evaluates it).
    public var subscriptText: ByteString?
    public var index: ArithmeticExpression?

    public init(name: ByteString, subscriptText: ByteString? = nil, index: ArithmeticExpression? = nil) {
        self.name = name
        self.subscriptText = subscriptText
        self.index = index
    }
}

public indirect enum ArithmeticExpression {
    case number(Int64)
    case variable(ArithmeticLValue)
    case unary(ArithmeticUnaryOperator, ArithmeticExpression)
    /// `++x`, `--x`, `x++`, `x--`
    case increment(ArithmeticLValue, delta: Int64, prefix: Bool)
    case binary(ArithmeticBinaryOperator, ArithmeticExpression, ArithmeticExpression)
    /// `x = e`, or `x op= e` when `op` is set.
    case assign(ArithmeticLValue, ArithmeticBinaryOperator?, ArithmeticExpression)
    case conditional(ArithmeticExpression, ArithmeticExpression, ArithmeticExpression)
}
