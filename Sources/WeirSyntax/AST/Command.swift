/// One stage of a pipeline.
public enum Command {
    case simple(SimpleCommand)
    case compound(CompoundCommand, redirections: [Redirection])
    case function(FunctionDefinition)
    /// `coproc [NAME] command`: bash's coprocess.
    case coprocess(Coprocess)

    public var span: Span {
        switch self {
        case .simple(let c): return c.span
        case .compound(let c, let r): return r.last.map { c.span.union($0.span) } ?? c.span
        case .function(let f): return f.span
        case .coprocess(let c): return c.span
        }
    }
}

/// Assignments, words and redirections, in any order the grammar allows: assignments
/// only before the first word, redirections anywhere.
public final class SimpleCommand {
    public var assignments: [Assignment]
    public var words: [Word]
    /// In source order: that is the order they are applied in.
    public var redirections: [Redirection]
    public var span: Span
    /// The executor's memo of what the command name resolved to (a builtin, a function,
    /// a file), valid until a function, builtin or the hash table changes. Not part of
    /// the syntax: the tree is shared, this only saves lookups when the command runs again.
    public var resolutionCache: AnyObject?

    public init(assignments: [Assignment], words: [Word], redirections: [Redirection], span: Span) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.span = span
    }
}

/// `name=value`, `name+=value`, `name[i]=value`, `name=(a b)`, `name+=(a b)`.
public struct Assignment {
    public var name: ByteString
    /// The `[…]` of `name[sub]=v`: the subscript's text as a word (arithmetic for indexed
    /// arrays, a string for associative ones, decided when it runs).
    public var index: Word?
    public var append: Bool
    public var value: AssignmentValue
    /// From the byte after `=` to the end.
    public var valueSpan: Span
    public var span: Span

    public init(name: ByteString, index: Word?, append: Bool, value: AssignmentValue, valueSpan: Span, span: Span) {
        self.name = name
        self.index = index
        self.append = append
        self.value = value
        self.valueSpan = valueSpan
        self.span = span
    }
}

public enum AssignmentValue {
    case scalar(Word)
    case array([ArrayElement])
}

/// An element of `(…)`: `word` or `[key]=word`.
public struct ArrayElement {
    public var key: Word?
    /// `[k]+=v`: appended to the element's value.
    public var append: Bool
    public var value: Word
    public var span: Span

    public init(key: Word?, append: Bool = false, value: Word, span: Span) {
        self.key = key
        self.append = append
        self.value = value
        self.span = span
    }
}

/// `name() body` or `function name [()] body`; the body is a compound command with its
/// own redirections, applied each time the function runs.
public final class FunctionDefinition {
    public var name: ByteString
    public var nameSpan: Span
    public var body: CompoundCommand
    public var redirections: [Redirection]
    public var usesKeyword: Bool
    public var span: Span
    /// The text the function was read from: its spans are places in it (a function
    /// defined by `eval` or in a sourced file runs with that text as its source).
    public var source: SourceFile?

    public init(name: ByteString, nameSpan: Span, body: CompoundCommand, redirections: [Redirection],
                usesKeyword: Bool, span: Span) {
        self.name = name
        self.nameSpan = nameSpan
        self.body = body
        self.redirections = redirections
        self.usesKeyword = usesKeyword
        self.span = span
    }
}

/// `coproc [NAME] command`: runs `command` in the background with pipes to and from it
/// (`NAME` defaults to `COPROC`).
public final class Coprocess {
    public var name: ByteString?
    public var body: Command
    public var span: Span

    public init(name: ByteString?, body: Command, span: Span) {
        self.name = name
        self.body = body
        self.span = span
    }
}
