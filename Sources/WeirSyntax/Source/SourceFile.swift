/// Shell text as bytes, with the name it is reported under (`-c`, `stdin`, a path).
///
/// The parser works on bytes, not `Character`s: a shell script may hold any bytes at
/// all, invalid UTF-8 and NUL included, and byte indexing is what keeps parsing fast.
public final class SourceFile {
    /// The name as given (a path is bytes); messages show it decoded.
    public let name: ByteString
    public private(set) var bytes: [UInt8]
    /// The line number of the first byte (a chunk of standard input read later starts
    /// further down).
    public var firstLine = 1
    /// Byte offset at which each line begins; built on first use.
    private var lineStarts: [Int]?

    public init(name: ByteString, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public convenience init(name: ByteString, text: ByteString) {
        self.init(name: name, bytes: text.bytes)
    }

    /// More text read (an interactive line, the next line of standard input).
    public func append(_ more: [UInt8]) {
        bytes += more
        lineStarts = nil
    }

    private func starts() -> [Int] {
        if let s = lineStarts { return s }
        var s = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { s.append(i + 1) }
        lineStarts = s
        return s
    }

    /// The line and column of a byte offset.
    public func position(of offset: Int) -> SourcePosition {
        let s = starts()
        var lo = 0, hi = s.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if s[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + firstLine, column: offset - s[lo] + 1)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ absoluteLine: Int) -> [UInt8] {
        let line = absoluteLine - firstLine + 1
        let s = starts()
        guard line >= 1 && line <= s.count else { return [] }
        var end = line < s.count ? s[line] : bytes.count
        if end > s[line - 1] && end <= bytes.count && end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
        return Array(bytes[s[line - 1]..<end])
    }

    /// The bytes a span covers (a function's text for `declare -f`, a job's command).
    public func slice(_ span: Span) -> ByteString {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return ByteString(bytes[lo..<hi])
    }

    /// The source text a span covers, decoded leniently, for a person to read.
    public func text(_ span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
