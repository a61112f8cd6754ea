public enum RedirectionOperator: String, Sendable, CaseIterable {
    case input = "<"
    case output = ">"
    case clobber = ">|"
    case append = ">>"
    case readWrite = "<>"
    case duplicateInput = "<&"
    case duplicateOutput = ">&"
    /// `&>`: stdout and stderr to a file.
    case outputAll = "&>"
    /// `&>>`
    case appendAll = "&>>"
    case hereDoc = "<<"
    case hereDocStripTabs = "<<-"
    case hereString = "<<<"

    /// The descriptor a redirection applies to when no number is written.
    public var defaultFD: Int32 {
        switch self {
        case .input, .readWrite, .duplicateInput, .hereDoc, .hereDocStripTabs, .hereString: return 0
        default: return 1
        }
    }
}

public struct Redirection {
    public enum Target {
        /// A file name, a descriptor number or `-` for the duplications, or a here-string.
        case word(Word)
        case hereDoc(HereDoc)
    }

    /// `2>`: the written descriptor; nil means the operator's default.
    public var fd: Int32?
    /// `{name}>file`: weir picks a free descriptor and stores it in `name`.
    public var fdVariable: ByteString?
    public var op: RedirectionOperator
    public var target: Target
    public var span: Span

    public init(fd: Int32?, fdVariable: ByteString?, op: RedirectionOperator, target: Target, span: Span) {
        self.fd = fd
        self.fdVariable = fdVariable
        self.op = op
        self.target = target
        self.span = span
    }
}

/// A here-document. The parser creates it at `<<` and fills in the body when it reaches
/// the end of that line, so it is a reference.
public final class HereDoc {
    public var delimiter: ByteString
    /// A quoted delimiter turns expansion off in the body.
    public var quoted: Bool
    /// `<<-`: leading tabs are removed from each line.
    public var stripTabs: Bool
    /// The body's lines in the source, the closing delimiter line excluded.
    public var bodySpan: Span
    /// The `<<` operator and its delimiter word.
    public var span: Span
    /// The text an unquoted body is parsed from, the first time it is asked for.
    var unparsed: UnparsedBody?
    private var parsedBody: Word

    /// Where an unquoted body's text lies, to be parsed when it is first expanded.
    struct UnparsedBody {
        let source: SourceFile
        let bytes: [UInt8]
        let range: Range<Int>
        let origin: Span?
        weak var aliases: AliasResolving?
    }

    public init(delimiter: ByteString, quoted: Bool, stripTabs: Bool, span: Span) {
        self.delimiter = delimiter
        self.quoted = quoted
        self.stripTabs = stripTabs
        self.parsedBody = Word(parts: [], span: Span(span.end, span.end))
        self.bodySpan = Span(span.end, span.end)
        self.span = span
    }

    /// The source file the body is read from, for rendering a syntax error in it.
    public var source: SourceFile? { unparsed?.source }

    /// The body: literal text when quoted, otherwise parameter, command and arithmetic
    /// expansions with here-doc backslash rules. An unquoted body is parsed when first
    /// needed, as bash does (it reads a here-document's expansions when the redirection
    /// runs, so `bash -n` and `weir -n` pass a body whose `$(…)` is malformed, and running
    /// it fails that redirection).
    public var body: Word {
        get throws {
            if let u = unparsed {
                let parser = Parser(source: u.source, bytes: u.bytes, range: u.range, origin: u.origin,
                                    aliases: u.aliases)
                let parts = try parser.parseQuotedParts(.hereDoc(stripTabs: stripTabs), openedAt: span.start)
                parsedBody = Word(parts: parts, span: bodySpan)
                unparsed = nil
            }
            return parsedBody
        }
    }

    func setBody(_ body: Word) {
        parsedBody = body
        unparsed = nil
    }
}
