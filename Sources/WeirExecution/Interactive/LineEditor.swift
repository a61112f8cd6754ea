/// What reading a line gave. Lines, prompts, history and completions are bytes, as the
/// terminal gives and takes them (the shell's values are bytes).
public enum LineInput: Equatable {
    case line([UInt8])
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
    /// Ctrl-C: the line was discarded.
    case interrupted
}

/// Where the interactive shell reads its lines: GNU readline at a terminal, a plain
/// reader otherwise. The shell sees only this protocol.
public protocol LineEditor: AnyObject {
    func readLine(prompt: [UInt8]) -> LineInput
    /// Remembers a command (a multi-line command is one entry).
    func addToHistory(_ entry: [UInt8])
    /// The history, oldest first, with the number of the first entry.
    var history: (first: Int, entries: [[UInt8]]) { get }
    func clearHistory()
    /// Deletes the entry with this number; false when there is none.
    func deleteHistoryEntry(_ number: Int) -> Bool
    /// `set -o vi` / `set -o emacs`.
    func setViMode(_ vi: Bool)
    /// The terminal's size, when known.
    var screenSize: (rows: Int, columns: Int)? { get }
    /// `read -e [-i TEXT]`: a line edited from TEXT, with file name completion, kept out
    /// of the history.
    func readLineForRead(prompt: [UInt8], initialText: [UInt8]) -> LineInput
    /// Adds an entry to the list only, not to the history file (`history -s`, `-r`, the
    /// command `fc` ran).
    func addToHistoryList(_ entry: [UInt8])
    /// When the entry with this number was added, in seconds since the epoch, if known.
    func historyTime(_ number: Int) -> Int?
    /// `history -n`: the lines the file gained since the editor last read or wrote it,
    /// added to the list. False when the file cannot be read.
    func readNewHistoryLines(from path: [UInt8]) -> Bool
    /// The next line read starts with this text, to be edited (histverify, histreedit).
    func setNextLineText(_ text: [UInt8])
    /// `bind ARGS…`: readline's key bindings and variables.
    func bind(_ args: [[UInt8]]) -> BindResult
}

/// What `bind` printed, its messages and its status.
public struct BindResult {
    public var output: [UInt8] = []
    public var errors: [String] = []
    public var status: Int32 = 0
    public init() {}
}

extension LineEditor {
    public func readLineForRead(prompt: [UInt8], initialText: [UInt8]) -> LineInput {
        readLine(prompt: prompt)
    }
    public func addToHistoryList(_ entry: [UInt8]) { addToHistory(entry) }
    public func historyTime(_ number: Int) -> Int? { nil }
    public func readNewHistoryLines(from path: [UInt8]) -> Bool { false }
    public func setNextLineText(_ text: [UInt8]) {}
    public func bind(_ args: [[UInt8]]) -> BindResult {
        var r = BindResult()
        r.errors = ["bind: warning: line editing not enabled"]
        return r
    }
}

/// Completion candidates for the word being typed; nil lets the editor complete file
/// names itself.
public protocol CompletionProvider: AnyObject {
    /// `point` is the cursor's offset in `line`.
    func completions(for word: [UInt8], line: [UInt8], wordStart: Int, point: Int) -> CompletionResult?
}

public struct CompletionResult {
    public var candidates: [[UInt8]]
    /// The candidates are file names: quote them and mark directories.
    public var areFileNames: Bool
    /// No space after a single match (`-o nospace`).
    public var suppressAppend: Bool
    /// The candidates are put in as they are, not quoted (`-o noquote`).
    public var noQuote: Bool

    public init(candidates: [[UInt8]], areFileNames: Bool, suppressAppend: Bool = false, noQuote: Bool = false) {
        self.candidates = candidates
        self.areFileNames = areFileNames
        self.suppressAppend = suppressAppend
        self.noQuote = noQuote
    }
}

/// A history file's timestamp line: `#` and digits, the time of the entry after it (as
/// readline writes it with HISTTIMEFORMAT).
public func isHistoryTimestampLine<C: Collection>(_ line: C) -> Bool where C.Element == UInt8 {
    line.count > 1 && line.first == UInt8(ascii: "#") && line.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
}
