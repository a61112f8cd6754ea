/// A whole parsed input: the complete commands in order.
public struct Program {
    public var commands: [CommandList]
    public var span: Span

    public init(commands: [CommandList], span: Span) {
        self.commands = commands
        self.span = span
    }

    /// The command, when the program is exactly one command run in the foreground (no
    /// list, no `&&`, no pipe): text the shell parses for one purpose (an exported
    /// function, an array's value given to `declare`).
    public var onlyCommand: Command? {
        guard commands.count == 1, let list = commands.first, list.items.count == 1,
              !list.items[0].background, list.items[0].andOr.rest.isEmpty,
              list.items[0].andOr.first.commands.count == 1 else { return nil }
        return list.items[0].andOr.first.commands[0]
    }
}

/// `and_or ((';' | '&' | newline) and_or)*`: a sequence of and-or lists, each run in the
/// foreground or, after `&`, in the background.
public struct CommandList {
    public var items: [ListItem]
    public var span: Span

    public init(items: [ListItem], span: Span) {
        self.items = items
        self.span = span
    }
}

public struct ListItem {
    public var andOr: AndOrList
    /// True after `&`.
    public var background: Bool
    /// The span of the `;` or `&` that ended this item, if any.
    public var separator: Span?

    public init(andOr: AndOrList, background: Bool, separator: Span?) {
        self.andOr = andOr
        self.background = background
        self.separator = separator
    }
}

public enum AndOrOperator: String, Sendable {
    case and = "&&"
    case or = "||"
}

/// `pipeline (('&&' | '||') linebreak pipeline)*`
public struct AndOrList {
    public var first: Pipeline
    public var rest: [(op: AndOrOperator, opSpan: Span, pipeline: Pipeline)]
    public var span: Span

    public init(first: Pipeline, rest: [(op: AndOrOperator, opSpan: Span, pipeline: Pipeline)], span: Span) {
        self.first = first
        self.rest = rest
        self.span = span
    }
}

/// The prefix words that may stand before a pipeline: `time [-p]` and weir's `trace`.
public struct PipelinePrefix {
    public enum Kind: String, Sendable { case time, trace }
    public var kind: Kind
    /// Option words after the keyword (`-p` for `time`; `--json`, `-o FILE` … for `trace`).
    public var options: [Word]
    public var span: Span

    public init(kind: Kind, options: [Word], span: Span) {
        self.kind = kind
        self.options = options
        self.span = span
    }
}

public enum PipeOperator: String, Sendable {
    /// `|`: stdout to the next stage's stdin.
    case pipe = "|"
    /// `|&`: stdout and stderr.
    case pipeAll = "|&"
}

/// `[time [-p]] [trace …] ['!'] command (('|' | '|&') linebreak command)*`
public struct Pipeline {
    public var prefixes: [PipelinePrefix]
    public var negated: Bool
    public var bangSpan: Span?
    public var commands: [Command]
    /// `operators[i]` joins `commands[i]` and `commands[i + 1]`.
    public var operators: [(op: PipeOperator, span: Span)]
    public var span: Span

    public init(prefixes: [PipelinePrefix], negated: Bool, bangSpan: Span?, commands: [Command],
                operators: [(op: PipeOperator, span: Span)], span: Span) {
        self.prefixes = prefixes
        self.negated = negated
        self.bangSpan = bangSpan
        self.commands = commands
        self.operators = operators
        self.span = span
    }
}
