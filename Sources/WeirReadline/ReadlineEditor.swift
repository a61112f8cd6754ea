import WeirExpansion
import Glibc
import WeirSyntax
import CWeirSys
import WeirExecution
@preconcurrency import CReadline

/// The completion source and the candidates of the completion in progress.
nonisolated(unsafe) weak var activeCompletionProvider: CompletionProvider?
nonisolated(unsafe) var pendingCandidates: [[UInt8]] = []
nonisolated(unsafe) var pendingIndex = 0

/// readline's key reader, wrapped: a Ctrl-C (SIGINT, which interrupts the read) empties
/// the line and ends it, so readline returns and the shell can show a fresh prompt.
func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    var ch: UInt8 = 0
    let fd = fileno(stream)
    // The shell's one signal handler (C) flags SIGINT and writes a byte to the self-pipe,
    // so a Ctrl-C that comes between two reads still wakes this poll.
    let wake = weir_signal_wake_fd()
    while true {
        if weir_signal_peek(SIGINT) != 0 {
            weir_signal_drain_wake_fd()
            // The typed text stays on the screen with ^C after it (readline's
            // echo-control-characters), and the line ends; the shell discards it.
            rl_point = rl_end
            rl_redisplay()
            if rl_variable_value("echo-control-characters").map({ String(cString: $0) == "on" }) ?? true {
                _ = writeAll(fileno(rl_outstream ?? stdout), Array("^C".utf8))
            }
            return 10
        }
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let r = poll(&fds, 2, -1)
        if r < 0 {
            if errno == EINTR { continue }
            return EOF
        }
        if fds[1].revents != 0 { weir_signal_drain_wake_fd(); continue }
        let n = read(fd, &ch, 1)
        if n == 1 { return Int32(ch) }
        if n < 0 && errno == EINTR { continue }
        return EOF
    }
}

/// `read -e -i TEXT`: the text the line starts with, put in by readline's startup hook.
nonisolated(unsafe) var pendingInitialText: [UInt8] = []

/// histverify, histreedit: the text goes in once, for the next line only.
func insertInitialTextOnce() -> Int32 {
    rl_startup_hook = nil
    let r = insertInitialText()
    pendingInitialText = []
    return r
}

func insertInitialText() -> Int32 {
    guard !pendingInitialText.isEmpty else { return 0 }
    let c = cStringCopy(pendingInitialText)
    defer { free(c) }
    rl_insert_text(c)
    return 0
}

/// Hands readline the candidates one by one (it frees them).
func nextCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { pendingIndex = 0 }
    guard pendingIndex < pendingCandidates.count else { return nil }
    let c = pendingCandidates[pendingIndex]
    pendingIndex += 1
    return cStringCopy(c)
}

func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { bytes(ofCString: $0) } ?? []
    let line = rl_line_buffer.map { bytes(ofCString: $0) } ?? []
    guard let provider = activeCompletionProvider,
          let result = provider.completions(for: word, line: line, wordStart: Int(start), point: Int(rl_point)) else {
        return nil  // readline completes file names
    }
    rl_attempted_completion_over = 1
    pendingCandidates = result.candidates
    if result.areFileNames { rl_filename_completion_desired = 1 }
    if result.suppressAppend { rl_completion_suppress_append = 1 }
    if result.noQuote { rl_filename_quoting_desired = 0 }
    if result.candidates.isEmpty { return nil }
    return rl_completion_matches(text, nextCandidate)
}

/// GNU readline: emacs and vi editing, `~/.inputrc` (under the name `weir`), history kept
/// in a file and appended to as commands run, Tab completion through a provider.
public final class ReadlineEditor: LineEditor {
    /// The file's path, NUL-terminated.
    var historyFile: [CChar]?
    var maxFileLines = 500
    /// readline has run once (its terminal state exists).
    var started = false

    /// The editor exists before the startup files run (they may `bind`); the history
    /// comes after them (`startHistory`), as HISTFILE and HISTSIZE are set there.
    public init(completion: CompletionProvider?) {
        activeCompletionProvider = completion
        rl_readline_name = UnsafePointer(strdup("weir"))
        rl_catch_signals = 0
        rl_getc_function = readKey
        rl_attempted_completion_function = attemptCompletion
        addWeirFunctions()
        rl_completer_quote_characters = UnsafePointer(strdup("'\""))
        rl_filename_quote_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{(*?[]#!"))
        // bash's COMP_WORDBREAKS: `$VAR` and `${VAR` stay one word; `a=b`, `host:path` split.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n\"'><=;|&(:"))
        // File names go in backslash-quoted as bash puts them (`only\ dir/`, `it\'s`), or
        // inside the quote the user opened; `my\ f` is one word.
        rl_char_is_quoted_p = isQuotedInLine
        rl_filename_quoting_function = quoteFileName
        rl_filename_dequoting_function = dequoteFileName
        using_history()
    }

    /// Reads the history file and keeps adding to it.
    /// - file: where history is kept (created 0600); nil keeps it in memory.
    public func startHistory(file: [UInt8]?, size historySize: Int, fileSize: Int) {
        historyFile = file.map { $0.map { CChar(bitPattern: $0) } + [0] }
        maxFileLines = fileSize
        if historySize >= 0 { stifle_history(Int32(clamping: historySize)) }
        if let f = self.historyFile {
            // Created with mode 0600 before readline touches it.
            let fd = open(f, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
            _ = read_history(f)
            fileLinesKnown = countLines(f)
        }
    }

    /// Lines at the start of the history file this editor has read (for `history -n`).
    var fileLinesKnown = 0
    /// The lines this editor appended to the file after those, in order.
    var ownLinesUnread: [[UInt8]] = []

    public func readLine(prompt: [UInt8]) -> LineInput {
        activeEditor = self
        // readline reads the C library's locale for what a character is.
        ShellLocale.settle()
        // While a line is read, SIGINT is caught (by the C handler, without SA_RESTART),
        // and afterwards goes back to what the shell had.
        _ = weir_signal_take(SIGINT)
        weir_signal_prompt_begin()
        defer { weir_signal_prompt_end() }
        // The window may have changed while a command ran (readline must be set up first).
        // Only the size is read again: rl_resize_terminal would also redraw the last
        // line read, which is still readline's, above the new prompt.
        if started { rl_reset_screen_size() }
        started = true
        let cPrompt = cStringCopy(prompt)
        defer { free(cPrompt) }
        guard let p = readline(cPrompt) else { return .endOfInput }
        let line = bytes(ofCString: p)
        free(p)
        if weir_signal_take(SIGINT) != 0 { return .interrupted }
        return .line(line)
    }

    public func setNextLineText(_ text: [UInt8]) {
        pendingInitialText = text
        rl_startup_hook = insertInitialTextOnce
    }

    public func readLineForRead(prompt: [UInt8], initialText: [UInt8]) -> LineInput {
        let provider = activeCompletionProvider
        activeCompletionProvider = nil
        defer { activeCompletionProvider = provider }
        pendingInitialText = initialText
        rl_startup_hook = insertInitialText
        defer { rl_startup_hook = nil; pendingInitialText = [] }
        return readLine(prompt: prompt)
    }

    public func addToHistory(_ entry: [UInt8]) {
        let c = cStringCopy(entry)
        add_history(c)
        free(c)
        guard let f = historyFile else { return }
        // Append as commands run, so two shells do not lose each other's lines.
        if append_history(1, f) == 0 {
            ownLinesUnread += entry.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        }
        if maxFileLines >= 0 && fileLinesKnown + ownLinesUnread.count > maxFileLines {
            // The file may lose lines from its start: the lines known shift with them.
            _ = history_truncate_file(f, Int32(clamping: maxFileLines))
            let total = countLines(f)
            if total >= 0 {
                fileLinesKnown = max(0, min(fileLinesKnown, total - ownLinesUnread.count))
                if ownLinesUnread.count > total { ownLinesUnread.removeFirst(ownLinesUnread.count - total) }
            }
        }
    }

    public func addToHistoryList(_ entry: [UInt8]) {
        let c = cStringCopy(entry)
        add_history(c)
        free(c)
    }

    public func historyTime(_ number: Int) -> Int? {
        let (o, overflow) = number.subtractingReportingOverflow(Int(history_base))
        guard !overflow, o >= 0, o < Int(history_length), let e = history_get(Int32(clamping: number)) else { return nil }
        let t = history_get_time(e)
        return t > 0 ? Int(t) : nil
    }

    /// `history -n`: the lines other shells appended since this one last read the file.
    /// This shell appends its own lines as it goes, interleaved with theirs: each of its
    /// own is recognised and skipped once. Timestamp lines (`#` and digits) are skipped.
    public func readNewHistoryLines(from path: [UInt8]) -> Bool {
        guard let bytes = readWholeFile(ByteString(path)) else { return false }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        let fresh = lines.dropFirst(min(fileLinesKnown, lines.count))
        var own = ownLinesUnread[...]
        for line in fresh {
            if let i = own.firstIndex(of: line) {
                own.remove(at: i)
                continue
            }
            if isHistoryTimestampLine(line) { continue }
            addToHistoryList(line)
        }
        fileLinesKnown = lines.count
        ownLinesUnread = []
        return true
    }

    public var history: (first: Int, entries: [[UInt8]]) {
        var entries: [[UInt8]] = []
        let n = Int(history_length)
        for i in 0..<n {
            if let e = history_get(history_base + Int32(i)), let l = e.pointee.line { entries.append(bytes(ofCString: l)) }
        }
        return (Int(history_base), entries)
    }

    public func clearHistory() { clear_history() }

    public func deleteHistoryEntry(_ number: Int) -> Bool {
        let (o, overflow) = number.subtractingReportingOverflow(Int(history_base))
        guard !overflow, o >= 0 && o < Int(history_length), let e = remove_history(Int32(o)) else { return false }
        free_history_entry(e)
        return true
    }

    public func setViMode(_ vi: Bool) {
        _ = rl_variable_bind("editing-mode", vi ? "vi" : "emacs")
    }

    public var screenSize: (rows: Int, columns: Int)? {
        var rows: Int32 = 0, cols: Int32 = 0
        rl_get_screen_size(&rows, &cols)
        return rows > 0 && cols > 0 ? (Int(rows), Int(cols)) : nil
    }
}

/// The bytes of a C string.
func bytes(ofCString p: UnsafePointer<CChar>) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: p, count: strlen(p)))
}

/// A malloc'd C string with `bytes` (a NUL among them ends it early); the caller frees it.
func cStringCopy(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
    let p = malloc(bytes.count + 1)!.assumingMemoryBound(to: CChar.self)
    bytes.withUnsafeBytes { b in
        if b.count > 0 { UnsafeMutableRawPointer(p).copyMemory(from: b.baseAddress!, byteCount: b.count) }
    }
    p[bytes.count] = 0
    return p
}

/// The number of lines in a file, or -1 when it cannot be read.
func countLines(_ path: UnsafePointer<CChar>) -> Int {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return -1 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 65536)
    var lines = 0
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        for i in 0..<n where buffer[i] == 0x0A { lines += 1 }
    }
    return lines
}

/// Whether the byte at `index` is quoted: escaped by a backslash, or inside quotes.
func isQuotedInLine(_ text: UnsafeMutablePointer<CChar>?, _ index: Int32) -> Int32 {
    guard let text else { return 0 }
    var quote: CChar = 0
    var i: Int32 = 0
    while i < index {
        let c = text[Int(i)]
        if c == 0 { return 0 }
        if quote != 0 {
            if c == quote { quote = 0 } else if c == 0x5C && quote == 0x22 { i += 1 }
        } else if c == 0x5C {
            if i + 1 == index { return 1 }
            i += 1
        } else if c == 0x27 || c == 0x22 {
            quote = c
        }
        i += 1
    }
    return quote != 0 ? 1 : 0
}

/// A completed file name as it goes into the line: each special byte backslash-escaped,
/// or, inside a quote the user opened, that quote's way (a `'` as `'\''`).
func quoteFileName(_ text: UnsafeMutablePointer<CChar>?, _ matchType: Int32,
                   _ quotePointer: UnsafeMutablePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let name = bytes(ofCString: text)
    let quote = quotePointer?.pointee ?? 0
    var out: [UInt8] = []
    if quote == 0x27 {
        out.append(0x27)
        for b in name { if b == 0x27 { out += Array("'\\''".utf8) } else { out.append(b) } }
    } else if quote == 0x22 {
        out.append(0x22)
        for b in name {
            if b == 0x22 || b == 0x5C || b == 0x24 || b == 0x60 { out.append(0x5C) }
            out.append(b)
        }
    } else {
        let special = Array(" \t\n\"\\'`@$><=;|&{}()*?[]#!^~,".utf8)
        for (k, b) in name.enumerated() {
            // A leading `~` names a home directory; elsewhere it is plain.
            if special.contains(b) && !(b == 0x7E && k > 0) { out.append(0x5C) }
            out.append(b)
        }
    }
    return cStringCopy(out)
}

/// The file name a quoted word stands for: backslashes and quotes taken out.
func dequoteFileName(_ text: UnsafeMutablePointer<CChar>?, _ quoteChar: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    var out: [UInt8] = []
    var quote: UInt8 = quoteChar > 0 ? UInt8(truncatingIfNeeded: quoteChar) : 0
    var i = 0
    let name = bytes(ofCString: text)
    while i < name.count {
        let b = name[i]
        if quote == 0x27 {
            if b == 0x27 { quote = 0 } else { out.append(b) }
        } else if b == 0x5C && i + 1 < name.count && (quote == 0 || [0x22, 0x5C, 0x24, 0x60].contains(name[i + 1])) {
            out.append(name[i + 1])
            i += 1
        } else if quote == 0x22 && b == 0x22 {
            quote = 0
        } else if quote == 0 && (b == 0x27 || b == 0x22) {
            quote = b
        } else {
            out.append(b)
        }
        i += 1
    }
    return cStringCopy(out)
}
