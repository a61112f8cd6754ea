/// The operator tokens of the command grammar (lexer mode `command`).
public enum Operator: String, CaseIterable, Sendable {
    case andIf = "&&", orIf = "||", dsemi = ";;", semiAnd = ";&", dsemiAnd = ";;&"
    case semi = ";", amp = "&", pipe = "|", pipeAmp = "|&"
    case lparen = "(", rparen = ")"
    case less = "<", great = ">", clobber = ">|", dgreat = ">>", lessGreat = "<>"
    case lessAnd = "<&", greatAnd = ">&", andGreat = "&>", andDgreat = "&>>"
    case dless = "<<", dlessDash = "<<-", tless = "<<<"

    var redirection: RedirectionOperator? {
        switch self {
        case .less: return .input
        case .great: return .output
        case .clobber: return .clobber
        case .dgreat: return .append
        case .lessGreat: return .readWrite
        case .lessAnd: return .duplicateInput
        case .greatAnd: return .duplicateOutput
        case .andGreat: return .outputAll
        case .andDgreat: return .appendAll
        case .dless: return .hereDoc
        case .dlessDash: return .hereDocStripTabs
        case .tless: return .hereString
        default: return nil
        }
    }
}

/// Words that are reserved in command position.
let reservedWords: Set<ByteString> = Set(ReservedWord.allCases.map { ByteString($0.text) })

/// A reserved word, as the parser sees it in command position. An enum, not a string:
/// the parser asks at every command and compares the answer against several words.
enum ReservedWord: UInt8, CaseIterable {
    case `if`, then, `else`, elif, fi, `do`, done, `case`, esac, `while`, until, `for`, `in`
    case openBrace, closeBrace, bang, function, select, openTest, closeTest, time, trace, coproc

    /// The spelling; static, so matching it against the input reads its bytes in place.
    var text: StaticString {
        switch self {
        case .if: return "if"
        case .then: return "then"
        case .else: return "else"
        case .elif: return "elif"
        case .fi: return "fi"
        case .do: return "do"
        case .done: return "done"
        case .case: return "case"
        case .esac: return "esac"
        case .while: return "while"
        case .until: return "until"
        case .for: return "for"
        case .in: return "in"
        case .openBrace: return "{"
        case .closeBrace: return "}"
        case .bang: return "!"
        case .function: return "function"
        case .select: return "select"
        case .openTest: return "[["
        case .closeTest: return "]]"
        case .time: return "time"
        case .trace: return "trace"
        case .coproc: return "coproc"
        }
    }

    /// True when a word beginning with the letters `a`, `b` may be a reserved word.
    @inline(__always)
    static func mayStartWith(_ a: Int, _ b: Int) -> Bool {
        switch (UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: b)) {
        case (UInt8(ascii: "i"), UInt8(ascii: "f")), (UInt8(ascii: "i"), UInt8(ascii: "n")),
             (UInt8(ascii: "f"), UInt8(ascii: "i")), (UInt8(ascii: "f"), UInt8(ascii: "o")),
             (UInt8(ascii: "f"), UInt8(ascii: "u")), (UInt8(ascii: "d"), UInt8(ascii: "o")),
             (UInt8(ascii: "t"), UInt8(ascii: "h")), (UInt8(ascii: "t"), UInt8(ascii: "i")),
             (UInt8(ascii: "t"), UInt8(ascii: "r")), (UInt8(ascii: "e"), UInt8(ascii: "l")),
             (UInt8(ascii: "e"), UInt8(ascii: "s")), (UInt8(ascii: "c"), UInt8(ascii: "a")),
             (UInt8(ascii: "c"), UInt8(ascii: "o")), (UInt8(ascii: "w"), UInt8(ascii: "h")),
             (UInt8(ascii: "u"), UInt8(ascii: "n")), (UInt8(ascii: "s"), UInt8(ascii: "e")):
            return true
        default:
            return false
        }
    }

    /// Starts a compound command (the body a function definition needs).
    var startsCompoundCommand: Bool {
        switch self {
        case .openBrace, .if, .while, .until, .for, .case, .select, .openTest: return true
        default: return false
        }
    }

    /// Closes a compound list.
    var endsList: Bool {
        switch self {
        case .then, .else, .elif, .fi, .do, .done, .esac, .closeBrace: return true
        default: return false
        }
    }
}

extension Parser {
    /// The operator at the current position, longest match first; nil when there is none.
    @inline(__always)
    func peekOperator() -> Operator? {
        let c = peek()
        switch c {
        case Lex.amp, Lex.pipe, Lex.semicolon, Lex.lt, Lex.gt, Lex.lparen, Lex.rparen: return operatorStarting(c)
        default: return nil
        }
    }

    func operatorStarting(_ c: Int) -> Operator? {
        switch c {
        case Lex.amp:
            if peek(1) == Lex.amp { return .andIf }
            if peek(1) == Lex.gt { return peek(2) == Lex.gt ? .andDgreat : .andGreat }
            return .amp
        case Lex.pipe:
            if peek(1) == Lex.pipe { return .orIf }
            if peek(1) == Lex.amp { return .pipeAmp }
            return .pipe
        case Lex.semicolon:
            if peek(1) == Lex.semicolon { return peek(2) == Lex.amp ? .dsemiAnd : .dsemi }
            if peek(1) == Lex.amp { return .semiAnd }
            return .semi
        case Lex.lt:
            switch peek(1) {
            case Lex.lt:
                if peek(2) == Lex.lt { return .tless }
                if peek(2) == Lex.minus { return .dlessDash }
                return .dless
            case Lex.amp: return .lessAnd
            case Lex.gt: return .lessGreat
            default: return .less
            }
        case Lex.gt:
            switch peek(1) {
            case Lex.gt: return .dgreat
            case Lex.amp: return .greatAnd
            case Lex.pipe: return .clobber
            default: return .great
            }
        case Lex.lparen: return .lparen
        case Lex.rparen: return .rparen
        default: return nil
        }
    }

    /// True at `<(` or `>(`: a process substitution, which is a word, not an operator.
    var atProcessSubstitution: Bool {
        (peek() == Lex.lt || peek() == Lex.gt) && peek(1) == Lex.lparen
    }

    /// Skips blanks, line continuations and a comment; stops at a newline. Asked before
    /// every token, and usually there is nothing to skip: that check is inlined.
    @inline(__always)
    func skipBlanks() {
        let c = peek()
        if c == 0x20 || c == 0x09 || c == Lex.backslash || c == Lex.hash { skipBlanksAndComment() }
    }

    func skipBlanksAndComment() {
        while true {
            let c = peek()
            if c == 0x20 || c == 0x09 {
                advance()
            } else if c == Lex.backslash && peek(1) == Lex.nl {
                advance(2)
            } else if c == Lex.hash {
                // A backslash at the end of a comment is part of the comment.
                readingLiterally {
                    while peek() != Lex.nl && peek() != Parser.eof { advance() }
                }
                return
            } else {
                return
            }
        }
    }

    /// Consumes one newline token, then reads the bodies of the here-documents that
    /// were opened on the line it ends.
    func consumeNewline() throws {
        advance()
        if !pendingHereDocs.isEmpty { try readHereDocBodies() }
    }

    /// `newline_list ::= NEWLINE+` (with blanks and comments between).
    func parseNewlineList() throws {
        while true {
            skipBlanks()
            guard peek() == Lex.nl else { return }
            try consumeNewline()
        }
    }

    /// `linebreak ::= newline_list?`
    func parseLinebreak() throws { try parseNewlineList() }

    /// The text of the next token if it is a plain unquoted word (no quotes, no `$`),
    /// with its length in bytes; used for reserved words, names and aliases.
    func peekPlainWord() -> (text: ByteString, length: Int)? {
        var k = 0
        var buf = [UInt8]()
        while true {
            let c = peek(k)
            if Lex.isMeta(c) { break }
            if c == Lex.squote || c == Lex.dquote || c == Lex.backslash || c == Lex.dollar || c == Lex.backquote {
                return nil
            }
            buf.append(UInt8(c))
            k += 1
            if k > 256 { return nil }
        }
        if k == 0 { return nil }
        return (ByteString(buf), k)
    }

    /// The length of the plain word at the current position (0 when there is none), up
    /// to `max`; nil when the word holds quotes or expansions.
    @inline(__always)
    func plainWordLength(max: Int = 256) -> Int? {
        var k = 0
        while true {
            let c = peek(k)
            if Lex.isMeta(c) { return k }
            if c == Lex.squote || c == Lex.dquote || c == Lex.backslash || c == Lex.dollar || c == Lex.backquote {
                return nil
            }
            k += 1
            if k > max { return nil }
        }
    }

    /// The reserved word at the current position, if the next token is one. Allocates
    /// nothing and reads no global table: it is asked at every command.
    @inline(__always)
    func peekReservedWord() -> ReservedWord? {
        let c = peek()
        switch c {
        case Lex.lbrace, Lex.rbrace, Lex.bang, Lex.lbracket, Lex.rbracket:
            return reservedWordAhead()
        case 0x63...0x66, 0x69, 0x73...0x75, 0x77:  // c d e f, i, s t u, w
            // Most command names start with these letters too (`echo`, `test`): the
            // first two bytes turn nearly all of them away.
            return ReservedWord.mayStartWith(c, peek(1)) ? reservedWordAhead() : nil
        default:
            return nil
        }
    }

    func reservedWordAhead() -> ReservedWord? {
        // The same place is asked several times (pipeline, command, list end): remember.
        if reservedCache.pos == pos && reservedCache.generation == frameGeneration { return reservedCache.word }
        var found: ReservedWord?
        if let k = plainWordLength(max: 8), k > 0 { found = reservedWord(ofLength: k) }
        reservedCache = (pos, frameGeneration, found)
        return found
    }

    /// The reserved word of `k` bytes spelled ahead, if any.
    func reservedWord(ofLength k: Int) -> ReservedWord? {
        for w in ReservedWord.allCases where w.text.utf8CodeUnitCount == k && isAhead(w.text) { return w }
        return nil
    }

    /// True when the bytes ahead spell `w` (whatever follows).
    @inline(__always)
    func isAhead(_ w: StaticString) -> Bool {
        let p = w.utf8Start
        for i in 0..<w.utf8CodeUnitCount where peek(i) != Int(p[i]) { return false }
        return true
    }

    func atReservedWord(_ w: StaticString) -> Bool {
        isAhead(w) && Lex.isMeta(peek(w.utf8CodeUnitCount))
    }

    /// Consumes `w` if it is the next token; returns its span.
    func acceptReservedWord(_ w: StaticString) -> Span? {
        guard atReservedWord(w) else { return nil }
        let start = offset
        advance(w.utf8CodeUnitCount)
        return span(from: start)
    }

    /// Replaces an alias name in command position by its value, read as more input.
    @inline(__always)
    func expandAliasIfAny() -> Bool { aliasesInUse && expandAlias() }

    func expandAlias() -> Bool {
        guard let table = aliases, let (name, len) = peekPlainWord(),
              !reservedWords.contains(name), !aliasActive(name),
              let value = table.alias(named: name) else { return false }
        // Digits right before `<` or `>` are an IO_NUMBER (`3>file`), not a command word.
        let after = peek(len)
        if (after == Lex.lt || after == Lex.gt), name.bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        let start = offset
        // Taken before the name is read: reading it may leave the frames it ends.
        let enclosing = frameAlias == nil && saved.isEmpty ? [] : activeAliases
        advance(len)
        let wordSpan = span(from: start)
        let bytes = value.bytes
        if bytes.last == 0x20 || bytes.last == 0x09 { aliasNextWordDepth = saved.count }
        if !bytes.isEmpty {
            push(Frame(bytes: bytes, pos: 0, limit: bytes.count, origin: wordSpan, alias: name, enclosingAliases: enclosing))
        }
        return true
    }
}
