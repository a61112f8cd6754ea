/// A shell word, with its quoting kept as structure (never as marker bytes).
public struct Word {
    public var parts: [WordPart]
    public var span: Span
    /// An argument of `declare`, `local`, `export` … in assignment form (`x=$y`): it
    /// expands like an assignment value, without field splitting or globbing.
    public var isAssignment = false
    /// Set by the parser when no unquoted byte of the word is `*`, `?` or `[`: such a
    /// literal never needs a pathname expansion check when the command runs.
    public var cannotGlob = false

    public init(parts: [WordPart], span: Span, isAssignment: Bool = false) {
        self.parts = parts
        self.span = span
        self.isAssignment = isAssignment
    }

    /// The word's text when it is one unquoted literal (reserved words, names, aliases).
    public var literalText: ByteString? {
        if parts.count == 1, case .literal(let s) = parts[0].kind { return s }
        if parts.isEmpty { return "" }
        return nil
    }

    /// The word's text when nothing in it expands: literal, quoted and escaped parts only
    /// (`\builtin`, `'builtin'` → `builtin`); nil otherwise.
    public var staticText: ByteString? {
        var out = ByteString()
        for p in parts {
            switch p.kind {
            case .literal(let s), .singleQuoted(let s), .escaped(let s), .ansiC(let s): out += s
            case .doubleQuoted(let inner):
                guard let t = Word(parts: inner, span: span).staticText else { return nil }
                out += t
            default: return nil
            }
        }
        return out
    }

    /// True when any part is quoted or escaped (a quoted here-doc delimiter, `"$@"` …).
    public var hasQuotes: Bool {
        parts.contains { p in
            switch p.kind {
            case .singleQuoted, .doubleQuoted, .escaped, .ansiC: return true
            default: return false
            }
        }
    }
}

public struct WordPart {
    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }

    public enum Kind {
        /// Unquoted text; glob characters in it are live.
        case literal(ByteString)
        /// `\c` outside quotes (or inside double quotes, before `$` `` ` `` `"` `\`): `c`, quoted.
        case escaped(ByteString)
        /// `'…'`
        case singleQuoted(ByteString)
        /// `$'…'`, its escapes already decoded.
        case ansiC(ByteString)
        /// `"…"` (and bash's `$"…"`). Indirect: a word part copies faster that way, and
        /// the executor copies parts often (measured: loops 5% faster).
        indirect case doubleQuoted([WordPart])
        /// `$name`, `${…}`
        case parameter(ParameterExpansion)
        /// `$(…)` or `` `…` ``
        case commandSubstitution(CommandSubstitution)
        /// `$((…))`
        case arithmetic(Arithmetic)
        /// `<(…)` or `>(…)`
        case processSubstitution(ProcessSubstitution)
        /// `~` or `~user` at the start of a word or after `:` / `=` in an assignment.
        case tilde(ByteString)
        /// `@(…)` `!(…)` `*(…)` `+(…)` `?(…)`: the operator and its `|`-separated patterns.
        indirect case extglob(op: UInt8, patterns: [Word])
        /// `{a,b}` or `{1..10..2}` (bash brace expansion), in command arguments only.
        indirect case brace(BraceExpansion)
        /// `(a b)` in an argument of `declare`, `local` … (`local -a xs=(1 2)`).
        case arrayLiteral([ArrayElement])
    }
}

public final class CommandSubstitution {
    /// nil for an empty substitution, `$()`.
    public var body: CommandList?
    public var backquoted: Bool
    public var span: Span
    /// `${ list; }` (bash 5.3): the list runs in the current shell, its output captured.
    public var inShell = false
    /// `${| list; }`: runs in the current shell; the value is what it left in REPLY.
    public var valueOfReply = false

    public init(body: CommandList?, backquoted: Bool, span: Span) {
        self.body = body
        self.backquoted = backquoted
        self.span = span
    }
}

public final class ProcessSubstitution {
    /// true for `<(…)` (the command's output is read through the path).
    public var isInput: Bool
    public var body: CommandList?
    public var span: Span

    public init(isInput: Bool, body: CommandList?, span: Span) {
        self.isInput = isInput
        self.body = body
        self.span = span
    }
}

public enum BraceExpansion {
    /// `{a,b,c}`: each alternative is a word of its own (it may hold quotes and expansions).
    case alternatives([Word])
    /// `{start..end[..step]}` over integers (with their zero padding) or single letters.
    case sequence(start: ByteString, end: ByteString, step: ByteString?)
}
