import WeirExpansion
import WeirSyntax

extension Shell {
    /// `bind -x`: runs a command for a key. The line being edited and the cursor go in
    /// as READLINE_LINE and READLINE_POINT (a byte offset), and what the command leaves
    /// in them becomes the line; both are unset afterwards, as in bash.
    public func runBoundCommand(_ command: [UInt8], line: [UInt8], point: Int) -> (line: [UInt8], point: Int) {
        try? variables.assign("READLINE_LINE", ByteString(line))
        try? variables.assign("READLINE_POINT", ByteString(point))
        let status = environment.lastStatus
        _ = try? withoutJobControl {
            try runSource(SourceFile(name: "bind -x", bytes: command), syntaxErrorExits: false)
        }
        environment.lastStatus = status
        let newLine = variables.value("READLINE_LINE")?.bytes ?? line
        var newPoint = point
        if let p = variables.value("READLINE_POINT"), let n = Int(String(decoding: p.bytes, as: UTF8.self)) { newPoint = n }
        try? variables.unset("READLINE_LINE")
        try? variables.unset("READLINE_POINT")
        return (newLine, max(0, min(newPoint, newLine.count)))
    }
}
