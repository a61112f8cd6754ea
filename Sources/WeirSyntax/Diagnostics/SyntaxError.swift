/// A syntax error, or input that ended before a construct was closed.
///
/// `incomplete` tells the two apart: an interactive shell answers an incomplete input by
/// reading another line (with PS2) and parsing the whole again.
public struct SyntaxError: Error, CustomStringConvertible {
    public var message: String
    /// Byte offset in the source where the error is reported.
    public var offset: Int
    public var incomplete: Bool
    /// For incomplete input: it ended inside text (quotes, `${…}`, backquotes, a
    /// here-document), where the newline that comes next is part of a string, not a
    /// separator. The interactive shell keeps that newline when it puts the lines of one
    /// command together as one history entry.
    public var endedInText = false

    public init(_ message: String, at offset: Int, incomplete: Bool = false, endedInText: Bool = false) {
        self.message = message
        self.offset = offset
        self.incomplete = incomplete
        self.endedInText = endedInText
    }

    public var description: String { "\(offset): \(message)" }

    /// `weir: FILE:LINE:COL: syntax error: WHAT`, the source line, and a caret under the column.
    public func render(in source: SourceFile, program: String = "weir", dialect: MessageDialect = .weir) -> String {
        dialect == .bash ? located(in: source, program: program, dialect: .bash) + "\n"
            : "\(program): " + located(in: source) + "\n"
    }

    /// `located(in:)` in the given dialect. bash's says where without a column and words
    /// the error as bash does: `PLACE: line N: syntax error: unexpected end of file`, or
    /// `PLACE: line N: syntax error near unexpected token `T'` and `PLACE: line N: `LINE'`.
    /// PLACE is the file's name, or `PROGRAM: NAME` for text that is not a file (`-c`, `eval`).
    public func located(in source: SourceFile, program: String, dialect: MessageDialect) -> String {
        guard dialect == .bash else { return located(in: source) }
        let pos = source.position(of: offset)
        let place = MessageDialect.bashPlace(source.name, program: program) + ": line \(pos.line): "
        if incomplete || offset >= source.bytes.count {
            // bash reads a missing final newline as if it were there, and counts it.
            var line = source.position(of: source.bytes.count).line
            if source.bytes.last != 0x0A { line += 1 }
            return MessageDialect.bashPlace(source.name, program: program) + ": line \(line): syntax error: unexpected end of file"
        }
        // The token is the operator or word at the error's offset.
        let bytes = source.bytes
        var end = offset
        let operators: Set<UInt8> = Set(";&|<>()".utf8)
        if operators.contains(bytes[offset]) {
            while end < bytes.count && operators.contains(bytes[end]) && end - offset < 2 { end += 1 }
        } else {
            while end < bytes.count && !operators.contains(bytes[end]) && bytes[end] != 0x20 && bytes[end] != 0x09 && bytes[end] != 0x0A { end += 1 }
        }
        let token = String(decoding: bytes[offset..<max(end, offset + 1)], as: UTF8.self)
        let line = String(decoding: source.lineText(pos.line), as: UTF8.self)
        return place + "syntax error near unexpected token `\(token)'\n" + place + "`\(line)'"
    }

    /// `FILE:LINE:COL: syntax error: WHAT`, the source line and the caret line (no final
    /// newline): the message as a runtime error shows it after the program's name.
    public func located(in source: SourceFile) -> String {
        let pos = source.position(of: offset)
        var out = "\(source.name):\(pos.line):\(pos.column): syntax error: \(message)\n"
        let line = source.lineText(pos.line)
        // Show the line as text; control bytes other than tab become spaces so the caret lines up.
        var shown = [UInt8]()
        shown.reserveCapacity(line.count)
        for b in line { shown.append(b == 0x09 || b >= 0x20 ? b : 0x20) }
        out += String(decoding: shown, as: UTF8.self) + "\n"
        var caret = ""
        for i in 0..<min(pos.column - 1, line.count) { caret += line[i] == 0x09 ? "\t" : " " }
        return out + caret + "^"
    }
}

/// How messages name their place: weir's own `weir: FILE:LINE: message`, or bash's
/// `FILE: line LINE: message`, which weir speaks when it is run under the name `bash` (as
/// bash speaks POSIX when run as `sh`), so that tools that read bash's messages work.
public enum MessageDialect: Sendable {
    case weir, bash

    /// bash's name for a place: a file by its name; other text (`-c`, `eval`, `stdin`)
    /// after the program's name.
    public static func bashPlace(_ name: ByteString, program: String) -> String {
        switch name {
        case "-c", "eval", "stdin", "environment": return program + (name == "stdin" ? "" : ": " + String(decoding: name.bytes, as: UTF8.self))
        default: return String(decoding: name.bytes, as: UTF8.self)
        }
    }
}
