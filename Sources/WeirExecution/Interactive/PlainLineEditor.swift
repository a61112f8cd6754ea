import WeirExpansion
import Glibc

/// Reads lines from a descriptor without editing (input is not a terminal).
public final class PlainLineEditor: LineEditor {
    let fd: Int32
    var entries: [[UInt8]] = []
    /// When each entry was added (seconds since the epoch), for HISTTIMEFORMAT.
    var times: [Int] = []
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

    public func addToHistory(_ entry: [UInt8]) {
        entries.append(entry)
        times.append(Int(time(nil)))
    }
    public var history: (first: Int, entries: [[UInt8]]) { (firstNumber, entries) }
    public func clearHistory() { entries = []; times = [] }

    public func historyTime(_ number: Int) -> Int? {
        let (i, overflow) = number.subtractingReportingOverflow(firstNumber)
        guard !overflow, i >= 0 && i < times.count else { return nil }
        return times[i]
    }

    public func deleteHistoryEntry(_ number: Int) -> Bool {
        let (i, overflow) = number.subtractingReportingOverflow(firstNumber)
        guard !overflow, i >= 0 && i < entries.count else { return false }
        entries.remove(at: i)
        times.remove(at: i)
        return true
    }

    public func setViMode(_ vi: Bool) {}
    public var screenSize: (rows: Int, columns: Int)? { nil }
}
