/// Looks aliases up while the parser reads: the shell passes its alias table in.
public protocol AliasResolving: AnyObject {
    func alias(named name: ByteString) -> ByteString?
    /// False when there are no aliases at all: the parser then skips looking.
    var hasAliases: Bool { get }
}

extension AliasResolving {
    public var hasAliases: Bool { true }
}

/// The recursive-descent parser. Each `parseX` function implements the grammar rule `x`
/// of `grammar/posix-shell.ebnf` (a test keeps the two in step).
///
/// There is no separate token stream: shell lexing depends on where the parser is (a
/// reserved word is one only in command position, `)` ends a case pattern, `}` ends a
/// parameter expansion), so the parser reads bytes directly, in the lexer mode the rule
/// calls for (see `grammar/lexer-modes.md`).
public final class Parser {
    /// A stretch of input being read: the main source, an alias's value, the body of a
    /// backquoted substitution, a here-document's lines.
    struct Frame {
        var bytes: [UInt8]
        var pos: Int
        var limit: Int
        /// nil: offsets are offsets in the source. Otherwise every offset in this frame
        /// reports as a place inside this span (the alias word, the backquotes).
        var origin: Span?
        /// The alias this frame expands, so that it is not expanded inside itself.
        var alias: ByteString?
        /// The aliases being expanded when this one was: its text is part of theirs even
        /// when their frames ended with its name (`alias a=b b=a` must not loop).
        var enclosingAliases: [ByteString] = []
        /// Set by `push`.
        var id = 0
        /// Where this frame's line continuations are (`Parser.continuations`).
        var continuations: [Int] = []
    }

    public let source: SourceFile
    let aliases: AliasResolving?

    var bytes: [UInt8]
    var pos: Int
    var limit: Int {
        didSet { fastLimit = min(limit, nextContinuation) }
    }
    /// Below this position a byte of the frame is read as it is: neither the frame's end
    /// nor a line continuation is reached (one comparison in `peek` and `advance`).
    var fastLimit = 0
    var origin: Span?
    var frameAlias: ByteString?
    var frameEnclosingAliases: [ByteString] = []
    var saved: [Frame] = []
    /// The positions of the line continuations (a backslash that is not itself escaped,
    /// then a newline) in the current frame, in order, and the first at or after `pos`
    /// (`Int.max`: none). Reading skips them wherever they are not literal text (single
    /// quotes, `$'…'`, comments, a quoted here-document's body): POSIX removes them
    /// before it tokenizes, so they may split an operator, a reserved word or a `${`.
    var continuations: [Int] = []
    var nextContinuation = Int.max {
        didSet { fastLimit = min(limit, nextContinuation) }
    }

    /// Here-documents whose bodies start after the next newline token.
    var pendingHereDocs: [HereDoc] = []
    /// Inside `${ …; }`: a `}` where a command could start ends it (even joined to more).
    var functionSubstitutionLevel = 0
    /// Offsets of `{` found to be literal (not a brace expansion), so none is tried twice.
    var literalBraces = Set<Int>()
    /// No more input will come (a script file, `-c`, `eval`): a here-document that the end
    /// of input cuts off ends there, with a warning, as in bash. Otherwise (a prompt, a
    /// stdin still being read) it is an incomplete command.
    public var endOfInputIsFinal = false
    /// The input read ends with a line continuation (`echo a\⏎`): at a prompt the
    /// command goes on in the next line, which the caller reads before it runs anything.
    public internal(set) var endedInContinuation = false
    /// Warnings found while parsing (each with its source offset), for the caller to show.
    public var warnings: [(offset: Int, message: String)] = []
    /// Nesting of compound commands and substitutions, bounded so deep input is an error
    /// rather than a stack overflow.
    var depth = 0
    static let maxDepth = 200
    /// Whether `$'\u…'` and `$'\U…'` above U+007F become UTF-8 bytes (the shell's
    /// character set is UTF-8) or stay as written, as bash does in the C locale. The
    /// shell sets it when its locale changes.
    public nonisolated(unsafe) static var unicodeEscapesEncodeUTF8: Bool {
        get { settleLocale?(); return encodesUTF8 }
        set { encodesUTF8 = newValue }
    }
    nonisolated(unsafe) static var encodesUTF8 = true
    /// Applies a locale change the shell put off (ShellLocale.applyLater), before the
    /// answer above is read; nil when none is pending.
    public nonisolated(unsafe) static var settleLocale: (() -> Void)?
    /// Set after an alias whose value ends in a blank: the word that follows the alias's
    /// text is checked too. Holds the frame depth that word is read at.
    var aliasNextWordDepth: Int?

    /// Whether alias expansion is on and any alias exists, as of the start of the
    /// current complete command (a definition takes effect from the next one, as in
    /// bash). Saves asking the table at every word.
    var aliasesInUse = false

    public init(source: SourceFile, aliases: AliasResolving? = nil) {
        self.source = source
        self.aliases = aliases
        self.aliasesInUse = aliases?.hasAliases ?? false
        self.bytes = source.bytes
        self.pos = 0
        self.limit = source.bytes.count
        self.origin = nil
        findContinuations()
    }

    /// A parser for `range` of `bytes`, a stretch of `source` (or of text standing for
    /// `origin`): an unquoted here-document body read when it is first expanded.
    init(source: SourceFile, bytes: [UInt8], range: Range<Int>, origin: Span?, aliases: AliasResolving?) {
        self.source = source
        self.aliases = aliases
        self.aliasesInUse = aliases?.hasAliases ?? false
        self.bytes = bytes
        self.pos = range.lowerBound
        self.limit = range.upperBound
        self.origin = origin
        findContinuations()
    }

    /// A parser for text that stands for `span` of `source` (a backquoted substitution).
    init(source: SourceFile, text: [UInt8], origin: Span, aliases: AliasResolving?, depth: Int) {
        self.source = source
        self.aliases = aliases
        self.aliasesInUse = aliases?.hasAliases ?? false
        self.bytes = text
        self.pos = 0
        self.limit = text.count
        self.origin = origin
        self.depth = depth
        findContinuations()
    }

    // MARK: Positions

    /// The current place as an offset in the source.
    var offset: Int { offsetOf(pos) }

    /// Where reading has got to, as an offset in the source.
    public var readOffset: Int { offset }

    /// Adds input at the end of the source (reading a script line by line).
    public func appendInput(_ more: [UInt8]) {
        source.append(more)
        if saved.isEmpty && origin == nil {
            let old = bytes.count
            bytes += more
            limit = bytes.count
            continuations += Parser.continuations(in: bytes, from: old, to: limit)
            nextContinuation = firstContinuation(atOrAfter: pos)
        } else if let i = saved.firstIndex(where: { $0.origin == nil && $0.alias == nil }), i == 0 {
            let old = saved[0].bytes.count
            saved[0].bytes += more
            saved[0].limit = saved[0].bytes.count
            saved[0].continuations += Parser.continuations(in: saved[0].bytes, from: old, to: saved[0].limit)
        }
    }

    /// True between commands when no alias text is still being read.
    public var isAtTopLevel: Bool { saved.isEmpty && origin == nil }

    /// Goes back to `offset` to parse again with more input (after an incomplete error).
    public func rewind(to offset: Int) {
        guard saved.isEmpty, origin == nil else { return }
        move(to: offset)
        pendingHereDocs = []
        reservedCache = (-1, -1, nil)
        frameGeneration += 1
    }

    /// Moves reading on to `newOffset` (text in between was consumed by someone else).
    public func skip(to newOffset: Int) {
        guard saved.isEmpty, origin == nil, newOffset >= pos, newOffset <= limit else { return }
        move(to: newOffset)
        pendingHereDocs = []
    }

    func offsetOf(_ p: Int) -> Int {
        guard let o = origin else { return p }
        return min(o.start + p, o.end)
    }

    func span(from start: Int) -> Span { Span(start, max(start, offset)) }

    // MARK: Reading bytes

    static let eof = -1

    /// The byte `k` ahead, looking through the end of an alias frame into the text after
    /// it and over line continuations; `eof` at the end of input.
    @inline(__always)
    func peek(_ k: Int = 0) -> Int {
        let p = pos + k
        if p < fastLimit { return Int(bytes[p]) }
        return peekSlowly(k)
    }

    func peekSlowly(_ k: Int) -> Int {
        if pos + k >= nextContinuation { return peekOverContinuations(k) }
        return peekBeyond(k - (limit - pos))
    }

    func peekBeyond(_ k: Int) -> Int {
        guard frameAlias != nil else { return Parser.eof }
        var k = k
        var i = saved.count - 1
        while i >= 0 {
            let f = saved[i]
            let avail = f.limit - f.pos
            if k < avail { return Int(f.bytes[f.pos + k]) }
            if f.alias == nil { return Parser.eof }
            k -= avail
            i -= 1
        }
        return Parser.eof
    }

    /// Moves on `n` bytes, not counting line continuations.
    @inline(__always)
    func advance(_ n: Int = 1) {
        let p = pos + n
        if p < fastLimit { pos = p } else { advanceSlowly(n) }
    }

    func advanceSlowly(_ n: Int) {
        if pos + n <= nextContinuation { pos += n } else { advanceOverContinuations(n) }
        if pos >= limit && frameAlias != nil { popAliasFrames() }
    }

    /// Leaves exhausted alias frames, carrying any overshoot into the text after them.
    func popAliasFrames() {
        while pos >= limit && frameAlias != nil && !saved.isEmpty {
            let over = pos - limit
            restore(saved.removeLast())
            pos += over
        }
    }

    var atEnd: Bool { peek() == Parser.eof }

    /// The text of `from..<to` in the current frame (through a pointer: a slice of the
    /// array would retain and release it, and this is done for every literal).
    @inline(__always)
    func text(_ from: Int, _ to: Int) -> ByteString {
        precondition(0 <= from && from <= to && to <= bytes.count)
        return bytes.withUnsafeBufferPointer {
            ByteString(UnsafeBufferPointer(rebasing: $0[from..<to]))
        }
    }

    /// Reads a run of name bytes (`[A-Za-z0-9_]*`). When the run ends inside the current
    /// frame it is one slice of it, copied once into the string.
    func takeNameChars() -> ByteString {
        _ = peek()
        var end = pos
        while end < fastLimit && Lex.isNameChar(Int(bytes[end])) { end += 1 }
        if end < nextContinuation && (end < limit || frameAlias == nil) {
            let name = text(pos, end)
            advance(end - pos)
            return name
        }
        // The run reaches the end of an alias's text and may go on after it.
        var name: [UInt8] = []
        while Lex.isNameChar(peek()) { name.append(UInt8(peek())); advance() }
        return Lex.string(name[...])
    }

    /// Changes whenever the current frame does or the input is rewound, so a remembered
    /// answer about a position is known to be still good.
    var frameGeneration = 0
    /// Identifies the current frame: 0 for the parser's own text, a new number for each
    /// frame pushed (a literal run knows which frame its bytes are in).
    var frameID = 0
    var lastFrameID = 0
    /// The last answer of `peekReservedWord()` and where it was asked.
    var reservedCache: (pos: Int, generation: Int, word: ReservedWord?) = (-1, -1, nil)

    func push(_ f: Frame) {
        saved.append(Frame(bytes: bytes, pos: pos, limit: limit, origin: origin, alias: frameAlias,
                           enclosingAliases: frameEnclosingAliases, id: frameID, continuations: continuations))
        lastFrameID += 1
        var pushed = f
        pushed.id = lastFrameID
        pushed.continuations = Parser.continuations(in: f.bytes, from: 0, to: f.limit)
        restore(pushed)
    }

    func restore(_ f: Frame) {
        frameGeneration += 1
        bytes = f.bytes
        pos = f.pos
        limit = f.limit
        origin = f.origin
        frameAlias = f.alias
        frameEnclosingAliases = f.enclosingAliases
        frameID = f.id
        continuations = f.continuations
        nextContinuation = firstContinuation(atOrAfter: pos)
    }

    func popFrame() {
        restore(saved.removeLast())
    }

    /// True while `name` is being expanded (aliases do not expand inside themselves).
    func aliasActive(_ name: ByteString) -> Bool {
        if frameAlias == name || frameEnclosingAliases.contains(name) { return true }
        return saved.contains { $0.alias == name || $0.enclosingAliases.contains(name) }
    }

    /// Every alias being expanded here.
    var activeAliases: [ByteString] {
        var names = frameEnclosingAliases
        if let a = frameAlias { names.append(a) }
        for f in saved {
            if let a = f.alias { names.append(a) }
            names += f.enclosingAliases
        }
        return names
    }

    // MARK: Errors

    func error(_ message: String, at off: Int? = nil) -> SyntaxError {
        SyntaxError(message, at: off ?? offset, incomplete: atEnd)
    }

    /// An error that names the construct left open: "expected `fi` to close `if` at 3:1".
    func expected(_ what: String, toClose opener: String, at openOffset: Int) -> SyntaxError {
        let p = source.position(of: openOffset)
        let found = describeNext()
        return SyntaxError("expected `\(what)` to close `\(opener)` at \(p.line):\(p.column), found \(found)",
                           at: offset, incomplete: atEnd)
    }

    /// What stands next, for messages: "end of input", "newline", "`)`", "`then`".
    func describeNext() -> String {
        let c = peek()
        if c == Parser.eof { return "end of input" }
        if c == 0x0A { return "newline" }
        if let op = peekOperator() { return "`\(op.rawValue)`" }
        var end = pos
        while end < limit, !Lex.isMeta(bytes[end]), end - pos < 30 { end += 1 }
        if end == pos { return "`\(String(decoding: [bytes[pos]], as: UTF8.self))`" }
        return "`\(String(decoding: bytes[pos..<end], as: UTF8.self))`"
    }

    /// One level deeper: as deep as the stack allows once the guard is armed (the shell),
    /// else (a library caller, the unit tests) `maxDepth` levels.
    func enterNesting() throws {
        depth += 1
        if StackGuard.isArmed {
            if StackGuard.isLow { throw SyntaxError("nesting deeper than the stack allows", at: offset) }
        } else if depth > Parser.maxDepth {
            throw SyntaxError("nesting deeper than \(Parser.maxDepth) levels", at: offset)
        }
    }

    func leaveNesting() { depth -= 1 }
}

/// Byte classes of the shell's lexical grammar.
enum Lex {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
    static let semicolon = Int(UInt8(ascii: ";")), amp = Int(UInt8(ascii: "&")), pipe = Int(UInt8(ascii: "|"))
    static let lt = Int(UInt8(ascii: "<")), gt = Int(UInt8(ascii: ">"))
    static let lparen = Int(UInt8(ascii: "(")), rparen = Int(UInt8(ascii: ")"))
    static let lbrace = Int(UInt8(ascii: "{")), rbrace = Int(UInt8(ascii: "}"))
    static let lbracket = Int(UInt8(ascii: "[")), rbracket = Int(UInt8(ascii: "]"))
    static let dollar = Int(UInt8(ascii: "$")), backquote = Int(UInt8(ascii: "`"))
    static let squote = Int(UInt8(ascii: "'")), dquote = Int(UInt8(ascii: "\""))
    static let backslash = Int(UInt8(ascii: "\\")), hash = Int(UInt8(ascii: "#"))
    static let equals = Int(UInt8(ascii: "=")), plus = Int(UInt8(ascii: "+"))
    static let tilde = Int(UInt8(ascii: "~")), colon = Int(UInt8(ascii: ":"))
    static let slash = Int(UInt8(ascii: "/")), comma = Int(UInt8(ascii: ","))
    static let dot = Int(UInt8(ascii: ".")), minus = Int(UInt8(ascii: "-"))
    static let at = Int(UInt8(ascii: "@")), star = Int(UInt8(ascii: "*"))
    static let question = Int(UInt8(ascii: "?")), bang = Int(UInt8(ascii: "!"))
    static let percent = Int(UInt8(ascii: "%")), caret = Int(UInt8(ascii: "^"))
    static let nl = 0x0A

    /// Bytes that end an unquoted word: blanks, newline and the operator characters.
    @inline(__always)
    static func isMeta(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    /// Bytes that stand for themselves in an unquoted word whatever follows them: not
    /// meta, quotes, `$`, backslash, or a byte that may start a tilde, brace or extglob.
    @inline(__always)
    static func isPlainWordByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: "="):
            return true
        default:
            return b >= 0x80
        }
    }

    /// Bytes that are literal inside double quotes, a here-document or a quoted `${…}`
    /// operand whatever follows them (`}` and newline stop a run too: they end an operand
    /// or start a line whose tabs `<<-` drops).
    @inline(__always)
    static func isPlainQuotedByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "}"), 0x0A:
            return false
        default:
            return true
        }
    }

    /// Bytes that are literal in arithmetic text (names, digits, blanks, most operators):
    /// not parentheses, the terminators `;` `]`, expansions, quotes or backslash.
    @inline(__always)
    static func isPlainArithmeticByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "]"), UInt8(ascii: "$"),
             UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
            return false
        default:
            return true
        }
    }

    @inline(__always)
    static func isMeta(_ c: Int) -> Bool { c == Parser.eof || (c >= 0 && isMeta(UInt8(c))) }

    @inline(__always)
    static func isNameStart(_ c: Int) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    @inline(__always)
    static func isNameChar(_ c: Int) -> Bool { isNameStart(c) || isDigit(c) }

    @inline(__always)
    static func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }

    static func isName(_ s: ByteString) -> Bool {
        var first = true
        for b in s {
            if first ? !isNameStart(Int(b)) : !isNameChar(Int(b)) { return false }
            first = false
        }
        return !first
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> ByteString { ByteString(bytes) }
    static func string(_ c: Int) -> ByteString { ByteString(byte: UInt8(truncatingIfNeeded: c)) }
}
