extension Parser {
    /// `io_redirect ::= (IO_NUMBER | '{' NAME '}')? (io_file | io_here)`
    /// `io_file ::= ('<' | '>' | '>|' | '>>' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<<') WORD`
    /// Returns nil, having read nothing, when no redirection starts here.
    @inline(__always)
    func parseRedirectionIfAny() throws -> Redirection? {
        // Most words are not redirections: only a digit, `{`, `<`, `>` or `&` can start one.
        let c0 = peek()
        guard Lex.isDigit(c0) || c0 == Lex.lbrace || c0 == Lex.lt || c0 == Lex.gt || c0 == Lex.amp else { return nil }
        return try redirectionStartingHere()
    }

    func redirectionStartingHere() throws -> Redirection? {
        let start = offset
        var k = 0
        var fd: Int32?
        var fdVariable: ByteString?
        // IO_NUMBER: the digits right before `<` or `>` (POSIX.1-2024 and bash take any
        // number; one too large for a descriptor stays a word).
        while Lex.isDigit(peek(k)) { k += 1 }
        if k >= 1 && (peek(k) == Lex.lt || peek(k) == Lex.gt), let v = descriptorNumber(digits: k) {
            fd = v
        } else if peek() == Lex.lbrace && Lex.isNameStart(peek(1)) {
            k = 1
            while Lex.isNameChar(peek(k)) { k += 1 }
            if peek(k) == Lex.rbrace && (peek(k + 1) == Lex.lt || peek(k + 1) == Lex.gt) {
                var name: [UInt8] = []
                for i in 1..<k { name.append(UInt8(peek(i))) }
                fdVariable = Lex.string(name[...])
                k += 1
            } else {
                k = 0
            }
        } else {
            k = 0
        }
        // `<(…)` is a word; `2<(…)` is not valid either way.
        if k == 0 && atProcessSubstitution { return nil }
        guard let op = peekOperatorAt(k)?.redirection else { return nil }
        advance(k + op.rawValue.utf8.count)
        skipBlanks()
        if op == .hereDoc || op == .hereDocStripTabs {
            return try parseIoHere(op: op, fd: fd, fdVariable: fdVariable, start: start)
        }
        let c = peek()
        if c == Parser.eof || c == Lex.nl || (Lex.isMeta(c) && !atProcessSubstitution) {
            throw SyntaxError("expected a file name after `\(op.rawValue)`, found \(describeNext())", at: offset,
                              incomplete: atEnd)
        }
        let target = try parseWord(.command)
        return Redirection(fd: fd, fdVariable: fdVariable, op: op, target: .word(target), span: span(from: start))
    }

    /// The `k` digits ahead as a descriptor number; nil when it does not fit.
    func descriptorNumber(digits k: Int) -> Int32? {
        guard k <= 10 else { return nil }
        var v: Int64 = 0
        for i in 0..<k { v = v * 10 + Int64(peek(i) - 0x30) }
        return v <= Int64(Int32.max) ? Int32(v) : nil
    }

    /// The operator `k` bytes ahead.
    func peekOperatorAt(_ k: Int) -> Operator? {
        if k == 0 { return peekOperator() }
        let save = pos
        // Only plain (non-alias) text reaches here with k > 0: digits and `{name}`.
        guard pos + k <= limit else { return nil }
        advance(k)
        defer { move(to: save) }
        return peekOperator()
    }

    /// `io_here ::= ('<<' | '<<-') WORD`: the body is read after the end of the line.
    func parseIoHere(op: RedirectionOperator, fd: Int32?, fdVariable: ByteString?, start: Int) throws -> Redirection {
        let c = peek()
        if c == Parser.eof || c == Lex.nl || Lex.isMeta(c) {
            throw SyntaxError("expected a here-document delimiter after `\(op.rawValue)`, found \(describeNext())",
                              at: offset, incomplete: atEnd)
        }
        let word = try parseWord(WordMode(stop: .meta))
        let doc = HereDoc(delimiter: delimiterText(word), quoted: word.hasQuotes, stripTabs: op == .hereDocStripTabs,
                          span: span(from: start))
        pendingHereDocs.append(doc)
        return Redirection(fd: fd, fdVariable: fdVariable, op: op, target: .hereDoc(doc), span: span(from: start))
    }

    /// A here-document delimiter with its quotes removed: `'EOF'`, `"EOF"`, `\EOF` → `EOF`.
    func delimiterText(_ word: Word) -> ByteString {
        var s = ByteString()
        func add(_ parts: [WordPart]) {
            for p in parts {
                switch p.kind {
                case .literal(let t), .escaped(let t), .singleQuoted(let t): s += t
                case .doubleQuoted(let inner): add(inner)
                default: s += source.slice(p.span)
                }
            }
        }
        add(word.parts)
        return s
    }

    /// `here_doc_body ::= LINE* DELIMITER_LINE`: reads the body of each pending
    /// here-document, in the order the redirections were written.
    func readHereDocBodies() throws {
        let docs = pendingHereDocs
        pendingHereDocs = []
        for doc in docs { try readHereDocBody(doc) }
    }

    func readHereDocBody(_ doc: HereDoc) throws {
        let bodyStart = pos
        let delim = doc.delimiter.bytes
        var lineStart = pos
        var bodyEnd = -1
        var next = pos
        func endOfLine(from start: Int) -> Int {
            var e = start
            while e < limit && bytes[e] != 0x0A { e += 1 }
            return e
        }
        while lineStart < limit {
            var lineEnd = endOfLine(from: lineStart)
            var s = lineStart
            if doc.stripTabs { while s < lineEnd && bytes[s] == 0x09 { s += 1 } }
            // In an unquoted body a line continuation joins two lines, and the delimiter
            // is looked for in the joined line.
            if !doc.quoted && lineEnd > s && lineEnd < limit && firstContinuation(atOrAfter: lineEnd - 1) == lineEnd - 1 {
                var joined = Array(bytes[s..<(lineEnd - 1)])
                repeat {
                    let from = lineEnd + 1
                    lineEnd = endOfLine(from: from)
                    let continues = lineEnd > from && lineEnd < limit
                        && firstContinuation(atOrAfter: lineEnd - 1) == lineEnd - 1
                    joined += bytes[from..<(continues ? lineEnd - 1 : lineEnd)]
                    if !continues { break }
                } while true
                if joined.elementsEqual(delim) {
                    bodyEnd = lineStart
                    next = lineEnd < limit ? lineEnd + 1 : lineEnd
                    break
                }
            } else if lineEnd - s == delim.count && bytes[s..<lineEnd].elementsEqual(delim) {
                bodyEnd = lineStart
                next = lineEnd < limit ? lineEnd + 1 : lineEnd
                break
            }
            lineStart = lineEnd + 1
        }
        if bodyEnd < 0 {
            guard endOfInputIsFinal else { throw unterminatedHereDoc(doc) }
            noteCutOffHereDoc(doc)
            bodyEnd = limit
            next = limit
        }
        doc.bodySpan = Span(offsetOf(bodyStart), offsetOf(bodyEnd))
        if doc.quoted {
            let body: ByteString
            if doc.stripTabs {
                var text: [UInt8] = []
                var i = bodyStart
                var atLineStart = true
                while i < bodyEnd {
                    let b = bytes[i]
                    if !(atLineStart && b == 0x09) {
                        text.append(b)
                        atLineStart = b == 0x0A
                    }
                    i += 1
                }
                body = ByteString(text)
            } else {
                body = self.text(bodyStart, bodyEnd)
            }
            doc.setBody(Word(parts: body.isEmpty ? [] : [WordPart(.literal(body), doc.bodySpan)], span: doc.bodySpan))
        } else {
            doc.unparsed = HereDoc.UnparsedBody(source: source, bytes: bytes, range: bodyStart..<bodyEnd, origin: origin,
                                                aliases: aliases)
        }
        move(to: next)
    }

    /// bash's warning for a here-document the end of input ended.
    func noteCutOffHereDoc(_ doc: HereDoc) {
        let line = source.position(of: doc.span.start).line
        warnings.append((offsetOf(limit), "warning: here-document at line \(line) delimited by end-of-file (wanted `\(doc.delimiter)')"))
    }

    /// Here-documents still waiting for a body when the input ends: empty, with the warning.
    func endCutOffHereDocs() {
        for doc in pendingHereDocs {
            noteCutOffHereDoc(doc)
            doc.bodySpan = Span(offset, offset)
            doc.setBody(Word(parts: [], span: doc.bodySpan))
        }
        pendingHereDocs = []
    }

    func unterminatedHereDoc(_ doc: HereDoc) -> SyntaxError {
        SyntaxError("here-document delimited by `\(doc.delimiter)` is not terminated", at: doc.span.start,
                    incomplete: true, endedInText: true)
    }
}
