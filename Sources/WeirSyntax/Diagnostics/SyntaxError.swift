/// A syntax error, or input that ended before a construct was closed.
///
/// `incomplete` tells the two apart: an interactive shell answers an incomplete input by
/// reading another line (with PS2) and parsing the whole again.
public struct SyntaxError: Error, CustomStringConvertible {
    public var message: String
    /// Byte offset in the source where the error is reported.
    public var offset: Int
    public var incomplete: Bool

    public init(_ message: String, at offset: Int, incomplete: Bool = false) {
        self.message = message
        self.offset = offset
        self.incomplete = incomplete
    }

    public var description: String { "\(offset): \(message)" }

    /// `weir: FILE:LINE:COL: syntax error: WHAT`, the source line, and a caret under the column.
    public func render(in source: SourceFile, program: String = "weir") -> String {
        "\(program): " + located(in: source) + "\n"
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
