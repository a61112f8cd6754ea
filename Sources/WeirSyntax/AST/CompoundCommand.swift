/// The compound commands. Reserved-word spans are kept so that the tree covers its
/// source and errors can point at the construct that was left open.
public indirect enum CompoundCommand {
    case braceGroup(CommandList, span: Span)
    case subshell(CommandList, span: Span)
    case ifClause(IfClause)
    case loop(LoopClause)
    case forIn(ForInClause)
    case arithmeticFor(ArithmeticForClause)
    case caseClause(CaseClause)
    case conditional(ConditionalCommand)
    case arithmetic(ArithmeticCommand)

    public var span: Span {
        switch self {
        case .braceGroup(_, let s), .subshell(_, let s): return s
        case .ifClause(let c): return c.span
        case .loop(let c): return c.span
        case .forIn(let c): return c.span
        case .arithmeticFor(let c): return c.span
        case .caseClause(let c): return c.span
        case .conditional(let c): return c.span
        case .arithmetic(let c): return c.span
        }
    }
}

/// `if list then list (elif list then list)* [else list] fi`
public final class IfClause {
    /// The `if` branch first, then each `elif`.
    public var branches: [(condition: CommandList, body: CommandList)]
    public var elseBody: CommandList?
    public var span: Span

    public init(branches: [(condition: CommandList, body: CommandList)], elseBody: CommandList?, span: Span) {
        self.branches = branches
        self.elseBody = elseBody
        self.span = span
    }
}

/// `while list do list done` and `until list do list done`.
public final class LoopClause {
    public var isUntil: Bool
    public var condition: CommandList
    public var body: CommandList
    public var span: Span

    public init(isUntil: Bool, condition: CommandList, body: CommandList, span: Span) {
        self.isUntil = isUntil
        self.condition = condition
        self.body = body
        self.span = span
    }
}

/// `for name [in word…] do list done`, and `select`, which has the same shape.
public final class ForInClause {
    public var isSelect: Bool
    public var variable: ByteString
    public var variableSpan: Span
    /// nil when there is no `in`: the loop runs over `"$@"`.
    public var words: [Word]?
    public var body: CommandList
    public var span: Span

    public init(isSelect: Bool, variable: ByteString, variableSpan: Span, words: [Word]?, body: CommandList, span: Span) {
        self.isSelect = isSelect
        self.variable = variable
        self.variableSpan = variableSpan
        self.words = words
        self.body = body
        self.span = span
    }
}

/// `for ((init; condition; step)) do list done`; an empty part is nil.
public final class ArithmeticForClause {
    public var initializer: Arithmetic?
    public var condition: Arithmetic?
    public var step: Arithmetic?
    public var body: CommandList
    public var span: Span

    public init(initializer: Arithmetic?, condition: Arithmetic?, step: Arithmetic?, body: CommandList, span: Span) {
        self.initializer = initializer
        self.condition = condition
        self.step = step
        self.body = body
        self.span = span
    }
}

public enum CaseTerminator: String, Sendable {
    /// `;;`: stop.
    case endCase = ";;"
    /// `;&`: run the next item's body too.
    case fallThrough = ";&"
    /// `;;&`: go on testing the next patterns.
    case testNext = ";;&"
}

public struct CaseItem {
    public var patterns: [Word]
    public var body: CommandList?
    public var terminator: CaseTerminator
    public var span: Span

    public init(patterns: [Word], body: CommandList?, terminator: CaseTerminator, span: Span) {
        self.patterns = patterns
        self.body = body
        self.terminator = terminator
        self.span = span
    }
}

/// `case word in [(]pattern(|pattern)*) list ;; … esac`
public final class CaseClause {
    public var subject: Word
    public var items: [CaseItem]
    public var span: Span

    public init(subject: Word, items: [CaseItem], span: Span) {
        self.subject = subject
        self.items = items
        self.span = span
    }
}

/// `[[ expression ]]`
public final class ConditionalCommand {
    public var expression: ConditionalExpression
    public var span: Span

    public init(expression: ConditionalExpression, span: Span) {
        self.expression = expression
        self.span = span
    }
}

/// `(( expression ))`
public final class ArithmeticCommand {
    public var expression: Arithmetic
    public var span: Span

    public init(expression: Arithmetic, span: Span) {
        self.expression = expression
        self.span = span
    }
}
