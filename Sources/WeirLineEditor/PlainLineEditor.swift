import Glibc

/// Reads lines from a descriptor without editing (input is not a terminal).
public final class PlainLineEditor: LineEditor {
    let fd: Int32
    var entries: [String] = []
    var firstNumber = 1

    public init(fd: Int32 = 0) { self.fd = fd }

    public func readLine(prompt: String) -> LineInput {
        if !prompt.isEmpty { writeString(2, prompt) }
        var out: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { return .interrupted }
            if n <= 0 { return out.isEmpty ? .endOfInput : .line(String(decoding: out, as: UTF8.self)) }
            if byte == 0x0A { return .line(String(decoding: out, as: UTF8.self)) }
            out.append(byte)
        }
    }

    public func addToHistory(_ entry: String) { entries.append(entry) }
    public var history: (first: Int, entries: [String]) { (firstNumber, entries) }
    public func clearHistory() { entries = [] }

    public func deleteHistoryEntry(_ number: Int) -> Bool {
        let i = number - firstNumber
        guard i >= 0 && i < entries.count else { return false }
        entries.remove(at: i)
        return true
    }

    public func setViMode(_ vi: Bool) {}
    public var screenSize: (rows: Int, columns: Int)? { nil }
}

func writeString(_ fd: Int32, _ s: String) {
    var s = s
    s.withUTF8 { b in
        var off = 0
        while off < b.count {
            let n = write(fd, b.baseAddress! + off, b.count - off)
            if n < 0 { if errno == EINTR { continue }; return }
            off += n
        }
    }
}
