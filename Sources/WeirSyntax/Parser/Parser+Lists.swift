extension Parser {
    /// `program ::= linebreak (complete_command (newline_list complete_command)*)? linebreak`
    ///
    /// Parses the whole input. A shell running a script uses `parseNextCommand()` instead,
    /// so that each command runs before the next is read (aliases and errors need it).
    public func parseProgram() throws -> Program {
        var commands: [CommandList] = []
        while let c = try parseNextCommand() { commands.append(c) }
        return Program(commands: commands, span: Span(0, source.bytes.count))
    }

    /// Reads one complete command (a line's worth of list) and the newline after it,
    /// with any here-document bodies; nil at the end of input.
    public func parseNextCommand() throws -> CommandList? {
        aliasesInUse = aliases?.hasAliases ?? false
        try parseLinebreak()
        if atEnd { return nil }
        let list = try parseCompleteCommand()
        skipBlanks()
        if peek() == Lex.nl {
            try consumeNewline()
        } else if !atEnd {
            throw unexpected()
        } else if !pendingHereDocs.isEmpty {
            guard endOfInputIsFinal else { throw unterminatedHereDoc(pendingHereDocs[0]) }
            endCutOffHereDocs()
        }
        return list
    }

    /// `complete_command ::= list separator_op?`
    func parseCompleteCommand() throws -> CommandList {
        try parseList(newlineEnds: true)
    }

    /// `list ::= and_or (separator_op and_or)* separator_op?`
    ///
    /// With `newlineEnds` (a complete command) the list stops at a newline; otherwise (a
    /// compound list) newlines separate items and the list stops at a closing reserved
    /// word, `)`, a case terminator or the end of input.
    func parseList(newlineEnds: Bool) throws -> CommandList {
        let start = offset
        var items: [ListItem] = []
        while true {
            if !newlineEnds {
                try parseLinebreak()
                // An alias here may stand for what ends the list (`fi`, `}`, `;;`): it is
                // replaced before the list looks (POSIX 2.3.1).
                while expandAliasIfAny() { skipBlanks() }
                if atListEnd() { break }
            }
            let andOr = try parseAndOr()
            skipBlanks()
            let op = peekOperator()
            if op == .semi || op == .amp {
                let sepStart = offset
                advance()
                items.append(ListItem(andOr: andOr, background: op == .amp, separator: span(from: sepStart)))
                skipBlanks()
                if newlineEnds {
                    if peek() == Lex.nl || atEnd { break }
                } else if peek() == Lex.nl || atListEnd() {
                    continue
                }
                continue
            }
            items.append(ListItem(andOr: andOr, background: false, separator: nil))
            if newlineEnds { break }
            if peek() == Lex.nl { continue }
            if atListEnd() { break }
            throw unexpected()
        }
        return CommandList(items: items, span: span(from: start))
    }

    /// `compound_list ::= linebreak term separator?`: a list inside a compound command.
    /// It must hold at least one command; `opener` names the construct for messages.
    func parseCompoundList(after opener: String, at openOffset: Int) throws -> CommandList {
        let list = try parseList(newlineEnds: false)
        if list.items.isEmpty {
            throw SyntaxError("expected a command after `\(opener)`, found \(describeNext())",
                              at: offset, incomplete: atEnd)
        }
        return list
    }

    /// True where a compound list ends: a closing reserved word, `)`, a case terminator,
    /// or the end of input.
    func atListEnd() -> Bool {
        if atEnd { return true }
        if functionSubstitutionLevel > 0 && peek() == Lex.rbrace { return true }
        switch peekOperator() {
        case .rparen?, .dsemi?, .semiAnd?, .dsemiAnd?: return true
        default: break
        }
        return peekReservedWord()?.endsList == true
    }

    /// `and_or ::= pipeline (('&&' | '||') linebreak pipeline)*`
    func parseAndOr() throws -> AndOrList {
        let start = offset
        let first = try parsePipeline()
        var rest: [(op: AndOrOperator, opSpan: Span, pipeline: Pipeline)] = []
        while true {
            skipBlanks()
            let op = peekOperator()
            guard op == .andIf || op == .orIf else { break }
            let opStart = offset
            advance(2)
            let opSpan = span(from: opStart)
            try parseLinebreak()
            if atEnd { throw SyntaxError("expected a command after `\(op!.rawValue)`", at: offset, incomplete: true) }
            rest.append((op == .andIf ? .and : .or, opSpan, try parsePipeline()))
        }
        return AndOrList(first: first, rest: rest, span: span(from: start))
    }

    /// `pipeline ::= pipeline_prefix* ('!' pipeline_prefix*)? pipe_sequence`
    /// `pipe_sequence ::= command (('|' | '|&') linebreak command)*`
    func parsePipeline() throws -> Pipeline {
        skipBlanks()
        let start = offset
        var prefixes: [PipelinePrefix] = []
        var negated = false
        var bangSpan: Span?
        while true {
            skipBlanks()
            while expandAliasIfAny() { skipBlanks() }
            if let w = peekReservedWord() {
                if w == .bang {
                    let s = offset
                    advance()
                    negated.toggle()
                    bangSpan = span(from: s)
                    continue
                }
                if w == .time || w == .trace {
                    prefixes.append(try parsePipelinePrefix())
                    continue
                }
            }
            break
        }
        var commands: [Command] = []
        var operators: [(op: PipeOperator, span: Span)] = []
        skipBlanks()
        // `time` alone times nothing, as in bash; `!` alone is an error.
        let op = peekOperator()
        if !prefixes.isEmpty && (peek() == Lex.nl || atEnd || op == .semi || op == .amp) {
            return Pipeline(prefixes: prefixes, negated: negated, bangSpan: bangSpan, commands: [],
                            operators: [], span: span(from: start))
        }
        commands.append(try parseCommand())
        while true {
            skipBlanks()
            let op = peekOperator()
            guard op == .pipe || op == .pipeAmp else { break }
            let opStart = offset
            advance(op == .pipe ? 1 : 2)
            operators.append((op == .pipe ? .pipe : .pipeAll, span(from: opStart)))
            try parseLinebreak()
            if atEnd { throw SyntaxError("expected a command after `\(op!.rawValue)`", at: offset, incomplete: true) }
            commands.append(try parseCommand())
        }
        return Pipeline(prefixes: prefixes, negated: negated, bangSpan: bangSpan, commands: commands,
                        operators: operators, span: span(from: start))
    }

    /// `pipeline_prefix ::= 'time' ('-p' | '--')* | 'trace' trace_option*`
    func parsePipelinePrefix() throws -> PipelinePrefix {
        let start = offset
        let kw = peekReservedWord()!
        advance(kw.text.utf8CodeUnitCount)
        var options: [Word] = []
        while true {
            skipBlanks()
            guard peek() == Lex.minus, let (text, _) = peekPlainWord() else { break }
            if kw == .time && text != "-p" && text != "--" { break }
            let w = try parseWord(.command)
            options.append(w)
            if text == "--" { break }
            // `trace` options that take an argument.
            if kw == .trace && (text == "-o" || text == "--chrome" || text == "--output" || text == "--peek" || text == "--otlp"
                                || text == "-p" || text == "--pid") {
                skipBlanks()
                if Lex.isMeta(peek()) { throw error(text == "-p" || text == "--pid" ? "`\(text)` needs a process id" : "`\(text)` needs a file name") }
                options.append(try parseWord(.command))
            }
        }
        return PipelinePrefix(kind: kw == .time ? .time : .trace, options: options, span: span(from: start))
    }

    /// An error for the token that stands where it cannot.
    func unexpected() -> SyntaxError {
        if atEnd { return SyntaxError("unexpected end of input", at: offset, incomplete: true) }
        return SyntaxError("unexpected \(describeNext())", at: offset)
    }
}
