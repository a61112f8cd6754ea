/// How a command word bears on parsing the words after it.
enum CommandWordRole {
    /// `declare`, `typeset`, `local`, `export`, `readonly`: their `name=value` arguments
    /// are parsed as assignments, as bash does.
    case declaration
    /// `builtin`, `command`, `--`: the next word may still be a declaration utility.
    case passThrough
    case other

    /// Compares lengths first: this is asked of the first word of every command.
    init(_ name: ByteString) {
        let u = name
        switch u.count {
        case 2: self = name == "--" ? .passThrough : .other
        case 5: self = name == "local" ? .declaration : .other
        case 6: self = name == "export" ? .declaration : .other
        case 7:
            switch u.first {
            case UInt8(ascii: "d"): self = name == "declare" ? .declaration : .other
            case UInt8(ascii: "t"): self = name == "typeset" ? .declaration : .other
            case UInt8(ascii: "b"): self = name == "builtin" ? .passThrough : .other
            case UInt8(ascii: "c"): self = name == "command" ? .passThrough : .other
            default: self = .other
            }
        case 8: self = name == "readonly" ? .declaration : .other
        default: self = .other
        }
    }
}

extension Parser {
    /// `command ::= simple_command | compound_command redirect_list? | function_definition`
    func parseCommand() throws -> Command {
        skipBlanks()
        while expandAliasIfAny() { skipBlanks() }
        if let w = peekReservedWord() {
            switch w {
            case _ where w.startsCompoundCommand:
                return try compoundCommandWithRedirections()
            case .function:
                return .function(try parseFunctionDefinition())
            case .coproc:
                return .coprocess(try parseCoprocess())
            case .bang, .time, .trace:
                throw SyntaxError("`\(w.text)` must start a pipeline", at: offset)
            case .in, .closeTest:
                break  // plain words in command position
            default:
                throw SyntaxError("unexpected `\(w.text)`", at: offset)
            }
        }
        if peek() == Lex.lparen {
            return try compoundCommandWithRedirections()
        }
        if let len = plainWordLength(), len > 0, isFunctionDefinitionAhead(nameLength: len), !isAssignmentAhead(),
           let (name, _) = peekPlainWord() {
            return .function(try parseFunctionDefinition(name: name, nameLength: len))
        }
        if let op = peekOperator(), op.redirection == nil, !atProcessSubstitution {
            throw unexpected()
        }
        if atEnd || peek() == Lex.nl { throw unexpected() }
        return try parseSimpleCommand()
    }

    /// `coprocess ::= 'coproc' (NAME compound_command redirect_list? | command)`
    func parseCoprocess() throws -> Coprocess {
        let start = offset
        advance(6)
        skipBlanks()
        if atEnd || peek() == Lex.nl || peekOperator().map({ $0.redirection == nil && $0 != .lparen }) == true {
            throw SyntaxError("expected a command after `coproc`, found \(describeNext())", at: offset, incomplete: atEnd)
        }
        var name: ByteString?
        if let (w, len) = peekPlainWord(), Lex.isName(w), !reservedWords.contains(w) {
            // A name is one only when a compound command follows it.
            var k = len
            while peek(k) == 0x20 || peek(k) == 0x09 { k += 1 }
            let next = peek(k)
            let save = pos
            if next == Lex.lparen || next == Lex.lbrace || (next >= 0 && Lex.isNameStart(next)) {
                advance(k)
                let kw = peekReservedWord()
                if next == Lex.lparen || kw?.startsCompoundCommand == true {
                    name = w
                } else {
                    move(to: save)
                }
            }
        }
        let body = try parseCommand()
        return Coprocess(name: name, body: body, span: span(from: start))
    }

    func compoundCommandWithRedirections() throws -> Command {
        let body = try parseCompoundCommand()
        let redirections = try parseRedirectList()
        return .compound(body, redirections: redirections)
    }

    /// `redirect_list ::= io_redirect+`: only redirections may follow a compound command.
    func parseRedirectList() throws -> [Redirection] {
        var result: [Redirection] = []
        while true {
            skipBlanks()
            guard let r = try parseRedirectionIfAny() else { break }
            result.append(r)
        }
        return result
    }

    /// `simple_command ::= cmd_prefix? cmd_word cmd_suffix? | cmd_prefix | WORD '(' ')' linebreak function_body`
    /// `cmd_prefix ::= (io_redirect | assignment_word)+`
    /// `cmd_suffix ::= (io_redirect | WORD)+`
    ///
    /// The last form is a function whose name is not a plain word (`"f"()`, `f-$x()`):
    /// bash parses it and rejects the name when it runs, and so does weir.
    func parseSimpleCommand() throws -> Command {
        let start = offset
        var assignments: [Assignment] = []
        var words: [Word] = []
        var redirections: [Redirection] = []
        var declaration = false
        // While every word so far is `builtin`, `command` or `--`, the next one may still
        // be a declaration utility.
        var commandPrefixOnly = true
        while true {
            skipBlanks()
            if let r = try parseRedirectionIfAny() {
                redirections.append(r)
                continue
            }
            let c = peek()
            if c == Parser.eof || c == Lex.nl { break }
            if Lex.isMeta(c) && !atProcessSubstitution { break }
            if words.isEmpty {
                if isAssignmentAhead() {
                    assignments.append(try parseAssignment())
                    continue
                }
                // The first word after assignments is still in command position.
                if !assignments.isEmpty || !redirections.isEmpty, expandAliasIfAny() { continue }
            } else if let d = aliasNextWordDepth, saved.count <= d {
                aliasNextWordDepth = nil
                if expandAliasIfAny() { continue }
            }
            if declaration && isAssignmentAhead() {
                words.append(try parseDeclarationArgument())
                continue
            }
            let w = try parseWord(.command)
            // `declare …`, also behind `builtin` or `command` (`builtin declare a=(x y)`).
            if commandPrefixOnly && !declaration {
                switch CommandWordRole(w.staticText ?? "") {
                case .declaration: declaration = true
                case .passThrough: break
                case .other: commandPrefixOnly = false
                }
            }
            if words.isEmpty && assignments.isEmpty && redirections.isEmpty {
                skipBlanks()
                if peek() == Lex.lparen && isFunctionDefinitionAhead(nameLength: 0) {
                    move(to: savedPosition(of: w))
                    return .function(try parseFunctionDefinition(name: source.slice(w.span), nameLength: w.span.length))
                }
            }
            // Most commands have a few words: one allocation instead of growing 1, 2, 4.
            if words.isEmpty { words.reserveCapacity(4) }
            words.append(w)
        }
        aliasNextWordDepth = nil
        if assignments.isEmpty && words.isEmpty && redirections.isEmpty { throw unexpected() }
        return .simple(SimpleCommand(assignments: assignments, words: words, redirections: redirections,
                                     span: span(from: start)))
    }

    /// The position of a word just read in the current frame, to read it again.
    func savedPosition(of w: Word) -> Int { origin == nil ? w.span.start : pos - w.span.length }

    /// True when the next word has the form `name=`, `name+=`, `name[…]=` or `name[…]+=`.
    func isAssignmentAhead() -> Bool {
        guard Lex.isNameStart(peek()) else { return false }
        var k = 1
        while Lex.isNameChar(peek(k)) { k += 1 }
        if peek(k) == Lex.lbracket {
            var depth = 0
            while true {
                let c = peek(k)
                if c == Parser.eof || c == Lex.nl { return false }
                if c == Lex.lbracket { depth += 1 } else if c == Lex.rbracket {
                    depth -= 1
                    if depth == 0 { k += 1; break }
                } else if c == Lex.backslash { k += 1 }
                // Blanks and operators may stand inside a subscript (`a[ i + 1 ]=x`,
                // `a[3|4]=x`, as in bash): the word is an assignment only if `=` or `+=`
                // follows the matching `]`.
                k += 1
            }
        }
        if peek(k) == Lex.plus { k += 1 }
        return peek(k) == Lex.equals
    }

    /// `assignment_word ::= NAME ('[' subscript ']')? '+'? '=' (WORD | array_literal)?`
    func parseAssignment() throws -> Assignment {
        let start = offset
        let name = takeNameChars()
        var subscriptWord: Word?
        if peek() == Lex.lbracket {
            advance()
            subscriptWord = try parseWord(.arraySubscript)
            guard peek() == Lex.rbracket else { throw error("expected `]` to close the subscript") }
            advance()
        }
        var append = false
        if peek() == Lex.plus { append = true; advance() }
        advance()  // '='
        let valueStart = offset
        let value: AssignmentValue
        if peek() == Lex.lparen {
            value = .array(try parseArrayLiteral())
        } else {
            value = .scalar(try parseWord(.assignmentValue))
        }
        return Assignment(name: name, index: subscriptWord, append: append,
                          value: value, valueSpan: span(from: valueStart), span: span(from: start))
    }

    /// `array_literal ::= '(' linebreak (array_element linebreak)* ')'`
    /// `array_element ::= ('[' subscript ']=' WORD?) | WORD`
    func parseArrayLiteral() throws -> [ArrayElement] {
        let open = offset
        advance()  // '('
        var elements: [ArrayElement] = []
        while true {
            try parseLinebreak()
            if peek() == Lex.rparen { advance(); break }
            if atEnd { throw expected(")", toClose: "(", at: open) }
            let c = peek()
            if Lex.isMeta(c) && !atProcessSubstitution { throw unexpected() }
            let start = offset
            if c == Lex.lbracket, let (key, append) = try parseArrayKeyIfAny() {
                let value = try parseWord(.assignmentValue)
                elements.append(ArrayElement(key: key, append: append, value: value, span: span(from: start)))
            } else {
                let value = try parseWord(.command)
                elements.append(ArrayElement(key: nil, value: value, span: span(from: start)))
            }
        }
        return elements
    }

    /// `[key]=` at the start of an array element; restores the position when it is not.
    func parseArrayKeyIfAny() throws -> (Word, Bool)? {
        let saveState = (pos, saved.count)
        advance()
        let key = try parseWord(.arraySubscript)
        if peek() == Lex.rbracket && peek(1) == Lex.equals {
            advance(2)
            return (key, false)
        }
        if peek() == Lex.rbracket && peek(1) == Lex.plus && peek(2) == Lex.equals {
            advance(3)
            return (key, true)
        }
        if saved.count == saveState.1 { move(to: saveState.0) }
        return nil
    }

    /// An argument of `declare`, `local` … that has the form of an assignment: parsed as
    /// one (`local a=(1 2)`, `export P=~/bin`), kept as a word whose first part is `name=`.
    func parseDeclarationArgument() throws -> Word {
        let a = try parseAssignment()
        var parts: [WordPart] = []
        var head = a.name
        var headStart = a.span.start
        if let sub = a.index {
            parts.append(WordPart(.literal(head + "["), Span(headStart, sub.span.start)))
            parts += sub.parts
            head = "]"
            headStart = sub.span.end
        }
        head += a.append ? "+=" : "="
        parts.append(WordPart(.literal(head), Span(headStart, a.valueSpan.start)))
        switch a.value {
        case .scalar(let w):
            parts += w.parts
        case .array(let elements):
            parts.append(WordPart(.arrayLiteral(elements), a.valueSpan))
        }
        return Word(parts: parts, span: a.span, isAssignment: true)
    }
}
