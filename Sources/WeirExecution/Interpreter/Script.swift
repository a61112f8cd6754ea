import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// Runs a source command by command, each parsed just before it runs (so an alias
    /// defined on one line applies on the next, and a syntax error stops only there).
    /// A syntax error in a script is a syntax error (`fail`); in `eval`'s text or a
    /// sourced file (`syntaxErrorExits` false) it is thrown as the builtin's own error.
    @discardableResult
    public func runSource(_ source: SourceFile, syntaxErrorExits: Bool) throws -> Int32 {
        // `eval` in `eval`, a file that sources itself: bash overflows its stack; weir stops.
        if StackGuard.isLow { throw ShellError("eval or source nests deeper than the stack allows", status: 2) }
        let savedSource = currentSource
        currentSource = source
        defer { currentSource = savedSource }
        let parser = Parser(source: source, aliases: self)
        parser.endOfInputIsFinal = true
        var ranAny = false
        while true {
            let list: CommandList?
            do {
                list = try parser.parseNextCommand()
                reportWarnings(of: parser, in: source)
            } catch let e as SyntaxError {
                var failure = ShellError(e.located(in: source, program: programName, dialect: messageDialect), kind: syntaxErrorExits ? .syntax : .utility, status: 2)
                failure.carriesLocation = true
                if syntaxErrorExits { return try fail(failure) }
                throw failure
            }
            guard let list else { break }
            if options.verbose { writeAll(2, source.slice(list.span) + "\n") }
            if options.noexec { continue }
            ranAny = true
            // Between complete commands a script forgets the jobs that have ended, as
            // bash does; within one (`kill %1; wait %1`, a group, a function) they stay.
            dropEndedJobs()
            try runCommandLine(list)
        }
        // Text with no command in it (`eval ''`, an empty file) has status 0.
        if !ranAny { environment.lastStatus = 0 }
        return environment.lastStatus
    }

    /// The parser's warnings (a here-document the end of input cut off), each at its line.
    func reportWarnings(of parser: Parser, in source: SourceFile) {
        guard !parser.warnings.isEmpty else { return }
        let saved = (lineSource, lineOffset)
        for w in parser.warnings {
            (lineSource, lineOffset) = (source, w.offset)
            error(w.message)
        }
        parser.warnings = []
        (lineSource, lineOffset) = saved
    }

    /// Runs one complete command; an error that abandons the line ends it here.
    /// `counted` commands advance the prompt's command number (`\#`); trap actions do not.
    public func runCommandLine(_ list: CommandList, counted: Bool = true) throws {
        defer { if counted { commandNumber += 1 } }
        do {
            try run(list)
        } catch let e as AbortCommandLine {
            environment.lastStatus = e.status
            if !processSubstitutions.pendingFIFOs.isEmpty { cleanUpFIFOs() }
        }
    }

    /// Runs a file as a script in this process (a child for ENOEXEC, `source`).
    public func runScriptFile(_ path: ByteString, arguments: [ByteString], name: ByteString) throws -> Int32 {
        guard let bytes = readWholeFile(path) else {
            let e = errno
            error("\(path): \(String(cString: strerror(e)))")
            return e == ENOENT ? 127 : 126
        }
        environment.positional = arguments
        environment.scriptName = name
        functions = [:]
        aliases = [:]
        variables.keepOnlyExported()
        return try runSource(SourceFile(name: path, bytes: scriptBytes(bytes)), syntaxErrorExits: true)
    }

    /// Runs commands from standard input, reading no further than each command needs,
    /// so a command that reads stdin itself gets the lines after it (as in bash).
    public func runStandardInput() throws -> Int32 {
        stdinIsScript = true
        var st = stat()
        if fstat(0, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG {
            return try runSeekableStandardInput()
        }
        let source = SourceFile(name: "stdin", bytes: [])
        let parser = Parser(source: source, aliases: self)
        let savedSource = currentSource
        currentSource = source
        defer { currentSource = savedSource }
        var eof = false
        /// Reads one more line into the parser; false at end of input.
        func readMore() -> Bool {
            guard !eof else { return false }
            let line = readLineBytes(0)
            eof = line.last != 0x0A
            if line.isEmpty { return false }
            parser.appendInput(line)
            return true
        }
        while true {
            let start = parser.readOffset
            // A line that ends in a continuation goes on in the next one.
            let bytes = source.bytes
            if !eof && (start >= bytes.count || (bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\\")
                                                 && bytes[bytes.count - 1] == 0x0A)) {
                if !readMore() && start >= source.bytes.count { break }
                continue
            }
            do {
                parser.endOfInputIsFinal = eof
                guard let list = try parser.parseNextCommand() else {
                    if eof { break }
                    _ = readMore()
                    continue
                }
                reportWarnings(of: parser, in: source)
                if options.verbose { writeAll(2, source.slice(list.span) + "\n") }
                if !options.noexec { try runCommandLine(list) }
            } catch let e as SyntaxError {
                if e.incomplete && !eof && parser.isAtTopLevel {
                    parser.rewind(to: start)
                    _ = readMore()
                    continue
                }
                return try fail(ShellError(e.located(in: source, program: programName, dialect: messageDialect), kind: .syntax, status: 2))
            }
        }
        return environment.lastStatus
    }

    /// Standard input is a file: read it whole, and before each command put the file
    /// offset just after that command's text, where a reading command would find it.
    func runSeekableStandardInput() throws -> Int32 {
        let start = lseek(0, 0, SEEK_CUR)
        var bytes: [UInt8] = []
        if !readToEnd(0, into: &bytes) {
            // A script too large to hold (or unreadable) is not run in part.
            return try fail(ShellError("stdin: \(String(cString: strerror(errno)))", kind: .syntax, status: 2))
        }
        let source = SourceFile(name: "stdin", bytes: bytes)
        let savedSource = currentSource
        currentSource = source
        defer { currentSource = savedSource }
        let parser = Parser(source: source, aliases: self)
        parser.endOfInputIsFinal = true
        while true {
            let list: CommandList?
            do {
                list = try parser.parseNextCommand()
                reportWarnings(of: parser, in: source)
            } catch let e as SyntaxError {
                return try fail(ShellError(e.located(in: source, program: programName, dialect: messageDialect), kind: .syntax, status: 2))
            }
            guard let list else { break }
            let expected = start + off_t(parser.readOffset)
            lseek(0, expected, SEEK_SET)
            if options.verbose { writeAll(2, source.slice(list.span) + "\n") }
            if !options.noexec { try runCommandLine(list) }
            let now = lseek(0, 0, SEEK_CUR)
            if now != expected && now > expected && now - start <= off_t(bytes.count) {
                // The command read some of the script: go on after what it read.
                parser.skip(to: Int(now - start))
            }
        }
        return environment.lastStatus
    }

    /// Reads a line from a descriptor a byte at a time (no read-ahead); nil at EOF.
    public func readLine(fd: Int32) -> ByteString? {
        let line = readLineBytes(fd)
        if line.isEmpty { return nil }
        return ByteString(line.last == 0x0A ? line.dropLast() : line[...])
    }
}

/// A script's bytes with NUL bytes removed: a shell word cannot hold them (bash drops
/// them too).
public func scriptBytes(_ bytes: [UInt8]) -> [UInt8] {
    // memchr: a script is scanned whole before it runs, and a byte loop shows in `-n` times.
    let hasNUL = bytes.withUnsafeBytes { $0.isEmpty ? false : memchr($0.baseAddress!, 0, $0.count) != nil }
    return hasNUL ? bytes.filter { $0 != 0 } : bytes
}
