import WeirSyntax

/// The lines of one command typed at the prompt, put together as one history entry the
/// way bash does with `cmdhist` on and `lithist` off: `for i in 1 2; do` / `echo $i` /
/// `done` is remembered as `for i in 1 2; do echo $i; done`, one line to recall and edit.
///
/// Where a line ends decides what joins it to the next (bash's history_delimiting_chars):
/// - inside quotes or a here-document, the newline itself: it is part of the text;
/// - after a backslash that continues the line, nothing (the backslash goes too);
/// - after a comment, the newline, so the comment does not swallow what follows;
/// - otherwise `; ` where a separator may stand, and a space where it may not (after
///   `do`, `then`, `|`, `&&`, `{`, a case pattern's `)`, `f()`, inside `x=(…)`). The
///   parser decides which: the text so far with `; ` and the new line must not be a
///   syntax error.
/// If the whole entry does not parse in the end, the lines are joined with newlines, as
/// `lithist` would: history never holds a command that reads differently from the one run.
struct HistoryEntry {
    private(set) var lines: [ByteString]
    private var joined: ByteString
    /// The previous line ended inside text (its joint was a newline kept as text): the
    /// next line starts inside quotes, where `#` and `\` are not what they seem.
    private var startsInText = false

    init(firstLine: ByteString) {
        lines = [firstLine]
        joined = firstLine
    }

    /// Adds the next line. `error` is what the parser said of the text before it (the
    /// input was incomplete); `aliases` are the shell's, for the parser's view.
    mutating func add(_ line: ByteString, after error: SyntaxError, aliases: AliasResolving?) {
        let previous = lines[lines.count - 1]
        lines.append(line)
        let previousStartedInText = startsInText
        startsInText = error.endedInText
        let end = previousStartedInText ? .plain : HistoryEntry.lineEnd(previous)
        if error.endedInText || end == .comment {
            joined += "\n" + line
            return
        }
        if end == .continuation {
            joined = joined.dropLast() + line
            return
        }
        // A blank line adds nothing: the joint before the next line is chosen there.
        if HistoryEntry.isBlank(line) { return }
        let withSeparator = joined + "; " + line
        let separates: Bool
        if lines.count <= HistoryEntry.linesCheckedByParsing {
            separates = HistoryEntry.parses(withSeparator, aliases: aliases)
        } else {
            let previousLine = lines.dropLast().last { !HistoryEntry.isBlank($0) } ?? ""
            separates = !HistoryEntry.takesNoSeparator(after: previousLine)
        }
        joined = separates ? withSeparator : joined + " " + line
    }

    /// Up to this many lines, each joint is chosen by parsing the text so far. Past it (a
    /// script pasted at the prompt) the previous line's last token decides, as in bash,
    /// and only the whole entry is parsed, at the end: parsing at every line made pasting a
    /// 1,500-line function 0.6 s slower.
    static let linesCheckedByParsing = 100

    static func isBlank(_ line: ByteString) -> Bool { line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// bash's own rule (history_delimiting_chars): no separator where a command is to
    /// follow (after an operator, `do`, `then`, `{` …) or after `in`.
    static func takesNoSeparator(after line: ByteString) -> Bool {
        Shell.isCommandPosition(line) || Shell.splitBlanks(line).last == "in"
    }

    /// The entry for a command that parsed: the joined lines, or the lines as typed when
    /// the joined text would not parse.
    func text(aliases: AliasResolving?) -> ByteString {
        if lines.count == 1 || HistoryEntry.parses(joined, aliases: aliases, complete: true) { return joined }
        return literalText
    }

    /// The joined lines, whatever they parse as (for a command with a syntax error, which
    /// is remembered to be mended).
    var joinedText: ByteString { joined }

    /// The lines joined with newlines, as typed (`lithist`).
    var literalText: ByteString { lines.joined(separator: "\n") }

    /// True when `text` parses, or is only incomplete (the rest of the command is still
    /// to come), unless `complete` asks for a whole command.
    static func parses(_ text: ByteString, aliases: AliasResolving?, complete: Bool = false) -> Bool {
        do {
            _ = try Parser(source: SourceFile(name: "stdin", text: text + "\n"), aliases: aliases).parseProgram()
            return true
        } catch let e as SyntaxError {
            return e.incomplete && !complete
        } catch {
            return false
        }
    }

    /// How a line read from outside quotes ends.
    enum LineEnd { case plain, comment, continuation }

    /// Whether the line ends in a comment (a `#` that starts a word) or in an unescaped
    /// backslash outside quotes, which continues it in the next line.
    static func lineEnd(_ line: ByteString) -> LineEnd {
        var quote: UInt8 = 0
        var escaped = false
        var atWordStart = true
        for b in line.bytes {
            if escaped { escaped = false; atWordStart = false; continue }
            if quote != 0 {
                if b == quote { quote = 0 } else if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { escaped = true }
                continue
            }
            switch b {
            case UInt8(ascii: "#") where atWordStart: return .comment
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = b
            default: break
            }
            atWordStart = separatesWords(b)
        }
        return escaped && quote == 0 ? .continuation : .plain
    }

    /// A blank or a metacharacter: a `#` after it starts a comment.
    static func separatesWords(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        default: return false
        }
    }
}
