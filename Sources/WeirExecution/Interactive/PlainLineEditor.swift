import WeirExpansion
import Glibc

/// Reads lines from a descriptor without editing (input is not a terminal).
public final class PlainLineEditor: LineEditor {
    let fd: Int32
    var entries: [[UInt8]] = []
    var firstNumber = 1

    public init(fd: Int32 = 0) { self.fd = fd }

    public func readLine(prompt: [UInt8]) -> LineInput {
        if !prompt.isEmpty { _ = writeAll(2, prompt) }
        var out: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { return .interrupted }
            if n <= 0 { return out.isEmpty ? .endOfInput : .line(out) }
            if byte == 0x0A { return .line(out) }
            out.append(byte)
        }
    }

    public func addToHistory(_ entry: [UInt8]) { entries.append(entry) }
    public var history: (first: Int, entries: [[UInt8]]) { (firstNumber, entries) }
    public func clearHistory() { entries = [] }

    public func deleteHistoryEntry(_ number: Int) -> Bool {
        let (i, overflow) = number.subtractingReportingOverflow(firstNumber)
        guard !overflow, i >= 0 && i < entries.count else { return false }
        entries.remove(at: i)
        return true
    }

    public func setViMode(_ vi: Bool) {}
    public var screenSize: (rows: Int, columns: Int)? { nil }
}
