/// A set of signal numbers 1…64 as one mask: the signals ignored when the shell started
/// are read at every start-up, and a `Set<Int32>` cost a hash table for a handful of bits.
public struct SignalSet: Equatable, ExpressibleByArrayLiteral {
    public private(set) var bits: UInt64 = 0

    public init() {}

    /// Bit signal-1 for each signal in the set.
    public init(bits: UInt64) { self.bits = bits }

    public init(arrayLiteral signals: Int32...) {
        for s in signals { insert(s) }
    }

    @inline(__always)
    static func bit(_ signal: Int32) -> UInt64 {
        signal >= 1 && signal <= 64 ? 1 << UInt64(signal - 1) : 0
    }

    public func contains(_ signal: Int32) -> Bool { bits & SignalSet.bit(signal) != 0 }

    public mutating func insert(_ signal: Int32) { bits |= SignalSet.bit(signal) }

    public mutating func formUnion(_ other: SignalSet) { bits |= other.bits }

    public var isEmpty: Bool { bits == 0 }
}
