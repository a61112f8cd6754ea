/// `trace --peek N`: the first and the last N lines that crossed an edge, kept as the
/// relay moves the bytes. A line longer than `maxLineBytes` is kept cut (the report marks
/// it); the tail keeps only the stream's last few lines' worth of bytes.
public struct LinePeek {
    public let limit: Int
    public static let maxLineBytes = 512
    /// The first lines, complete.
    public private(set) var head: [[UInt8]] = []
    /// The line being read while the head fills.
    private var current: [UInt8] = []
    /// Bytes fed so far, and where the head ended (the tail starts after it).
    private var fed: Int64 = 0
    private var headEnd: Int64 = 0
    /// The stream's last bytes, and the offset of the first of them.
    private var tailBytes: [UInt8] = []
    private var tailStart: Int64 = 0
    /// Enough for the last lines even after a reader that left early takes back what it
    /// never read (at most a pipe's worth, EdgeRelay.pipeSize).
    private var cap: Int { (limit + 1) * LinePeek.maxLineBytes + Int(EdgeRelay.pipeSize) }

    public init(limit: Int) { self.limit = limit }

    /// A peek settled elsewhere (the tracer's helper process): its lines as they were.
    init(limit: Int, head: [[UInt8]], tail: [[UInt8]]) {
        self.limit = limit
        self.head = head
        settledTail = tail
    }

    /// The tail of a settled peek.
    private var settledTail: [[UInt8]]?

    /// Bytes that crossed the edge, in order.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        var i = 0
        while head.count < limit && i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0x0A {
                head.append(current)
                current = []
                headEnd = fed + Int64(i)
            } else if current.count < LinePeek.maxLineBytes {
                current.append(b)
            }
        }
        if head.count < limit { headEnd = fed + Int64(bytes.count) }
        // The tail: at least the last `cap` bytes (trimmed when twice that, so each byte
        // is moved a bounded number of times).
        let keep = min(bytes.count, cap)
        let from = bytes.count - keep
        if keep == cap {
            tailBytes = Array(bytes[from...])
            tailStart = fed + Int64(from)
        } else {
            tailBytes.append(contentsOf: bytes[from...])
            if tailBytes.count > 2 * cap {
                let over = tailBytes.count - cap
                tailBytes.removeFirst(over)
                tailStart += Int64(over)
            }
        }
        fed += Int64(bytes.count)
    }

    /// The last `n` bytes fed never reached the reader (it left early): they go.
    public mutating func dropUnread(_ n: Int64) {
        guard n > 0 else { return }
        let k = Int(min(n, Int64(tailBytes.count)))
        tailBytes.removeLast(k)
        fed -= n
    }

    /// The head, with an unterminated first line when the stream ended inside it.
    public var headLines: [[UInt8]] {
        head.count < limit && !current.isEmpty ? head + [current] : head
    }

    /// The last lines after the head's (none when the head holds the whole stream).
    public var tailLines: [[UInt8]] {
        if let settledTail { return settledTail }
        guard head.count >= limit, fed > headEnd else { return [] }
        // Only the bytes after the head, and from the first whole line kept.
        let skip = Int(max(0, headEnd - tailStart))
        guard skip <= tailBytes.count else { return [] }
        var segments = tailBytes[skip...].split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if segments.last?.isEmpty == true { segments.removeLast() }
        // A first segment that began before the bytes kept is only the end of a line.
        if tailStart > headEnd && !segments.isEmpty { segments.removeFirst() }
        return segments.suffix(limit).map { Array($0.prefix(LinePeek.maxLineBytes)) }
    }
}
