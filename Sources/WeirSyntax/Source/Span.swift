/// A half-open byte range `[start, end)` in the main source buffer.
///
/// Every node of the tree carries one. Text that came from an alias expansion or a
/// backquoted command substitution carries the span of the text it replaced.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    // 32-bit offsets keep every node small (the tree of a big script stays in cache);
    // a script over 4 GiB is not a thing a shell reads.
    var lo: UInt32
    var hi: UInt32

    public var start: Int {
        get { Int(lo) }
        set { lo = UInt32(truncatingIfNeeded: newValue) }
    }

    public var end: Int {
        get { Int(hi) }
        set { hi = UInt32(truncatingIfNeeded: newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        self.lo = UInt32(truncatingIfNeeded: start)
        self.hi = UInt32(truncatingIfNeeded: end)
    }

    public static let empty = Span(0, 0)

    public var length: Int { end - start }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(Swift.min(start, other.start), Swift.max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column (the column counts bytes).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
