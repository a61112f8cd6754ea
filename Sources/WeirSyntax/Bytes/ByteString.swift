/// A shell value: a string of bytes, not of characters.
///
/// Everything a script touches is one of these: its source text, words, variables and
/// their keys, arguments, the environment, here-documents, file names, command output.
/// Equality, hashing and `<` are byte for byte: `$'e\u0301'` and `$'\u00e9'` are two
/// different values, and `$'\x80'` stays the byte 0x80. (Swift's `String` would repair
/// invalid UTF-8 into U+FFFD and compare by canonical equivalence; it is kept for text a
/// person reads: messages, `--ast`, JSON, the trace table.) See `docs/bytes.md`.
///
/// Up to 15 bytes are held inline, with no allocation: names, numbers, most words. Longer
/// values share one `[UInt8]` buffer, copied on write. Every value of 15 bytes or fewer
/// is always inline, so two values are equal exactly when their representations are.
@frozen
public struct ByteString: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        /// Bytes 0–7 in `w0`, 8–14 in the low bytes of `w1` (little-endian), the count in
        /// the top byte of `w1`; unused bytes are zero.
        case small(UInt64, UInt64)
        /// More than `smallCapacity` bytes.
        case large([UInt8])
    }

    @usableFromInline var storage: Storage

    public static let smallCapacity = 15

    @inlinable @inline(__always)
    init(storage: Storage) { self.storage = storage }

    @inlinable @inline(__always)
    public init() { storage = .small(0, 0) }

    /// The bytes of `buffer`.
    @inlinable
    public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        let n = buffer.count
        if n <= ByteString.smallCapacity {
            var words: (UInt64, UInt64) = (0, UInt64(n) << 56)
            if n > 0 {
                withUnsafeMutableBytes(of: &words) { raw in
                    raw.baseAddress!.copyMemory(from: UnsafeRawPointer(buffer.baseAddress!), byteCount: n)
                }
            }
            storage = .small(words.0, words.1)
        } else {
            storage = .large(Array(buffer))
        }
    }

    @inlinable
    public init(_ buffer: UnsafeRawBufferPointer) {
        self.init(buffer.bindMemory(to: UInt8.self))
    }

    /// Takes `array` over without copying it when it is too long to hold inline.
    @inlinable
    public init(_ array: [UInt8]) {
        if array.count <= ByteString.smallCapacity {
            self = array.withUnsafeBufferPointer { ByteString($0) }
        } else {
            storage = .large(array)
        }
    }

    @inlinable
    public init(_ slice: ArraySlice<UInt8>) {
        self = slice.withUnsafeBufferPointer { ByteString($0) }
    }

    @inlinable
    public init(_ slice: Slice<ByteString>) {
        if slice.startIndex == 0 && slice.endIndex == slice.base.count {
            self = slice.base
            return
        }
        self = slice.base.withUnsafeBufferPointer { ByteString(UnsafeBufferPointer(rebasing: $0[slice.startIndex..<slice.endIndex])) }
    }

    /// The UTF-8 bytes of `text` (a literal in weir's own code, a message turned into a
    /// value where bash does the same).
    @inlinable
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ByteString($0) }
    }

    @inlinable
    public init(_ text: Substring) {
        var text = text
        self = text.withUTF8 { ByteString($0) }
    }

    @inlinable
    public init(_ text: StaticString) {
        // withUTF8Buffer also reads a literal of one scalar, which has no pointer.
        self = text.withUTF8Buffer { ByteString($0) }
    }

    /// The bytes of a C string, up to its NUL.
    @inlinable
    public init(cString p: UnsafePointer<CChar>) {
        var n = 0
        while p[n] != 0 { n += 1 }
        self.init(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// The bytes of a NUL-terminated buffer (the NUL and anything after it left out).
    @inlinable
    public init(cString buffer: [CChar]) {
        self = buffer.withUnsafeBufferPointer { b in
            let n = b.firstIndex(of: 0) ?? b.count
            return ByteString(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[0..<n]))
        }
    }

    /// One byte.
    @inlinable
    public init(byte: UInt8) {
        storage = .small(UInt64(byte), 1 << 56)
    }

    // MARK: Size and access

    @inlinable
    public var count: Int {
        @inline(__always) get {
            switch storage {
            case .small(_, let w1): return Int(truncatingIfNeeded: w1 >> 56)
            case .large(let a): return a.count
            }
        }
    }

    @inlinable
    public var isEmpty: Bool {
        @inline(__always) get {
            if case .small(_, let w1) = storage { return w1 == 0 }
            return false
        }
    }

    /// Calls `body` with the bytes, contiguous.
    @inlinable @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .small(let w0, let w1):
            var words = (w0, w1)
            let n = Int(truncatingIfNeeded: w1 >> 56)
            return try withUnsafeBytes(of: &words) { raw in
                try body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            }
        case .large(let a):
            return try a.withUnsafeBufferPointer(body)
        }
    }

    /// Calls `body` with the bytes followed by a NUL, for a C function. A value with a NUL
    /// inside reads as ending there, as it would in C.
    @inlinable
    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        switch storage {
        case .small(let w0, let w1):
            // The count byte becomes the terminator: bytes 0–14, then a zero.
            var words = (w0, w1 & 0x00FF_FFFF_FFFF_FFFF)
            return try withUnsafeBytes(of: &words) { raw in
                try body(raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
        case .large(let a):
            return try (a + [0]).withUnsafeBufferPointer { buf in
                try buf.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
            }
        }
    }

    /// The bytes as an array (a copy when they are held inline).
    @inlinable
    public var bytes: [UInt8] {
        switch storage {
        case .small: return withUnsafeBufferPointer { Array($0) }
        case .large(let a): return a
        }
    }

    /// The bytes of `range` as a value of their own.
    @inlinable
    public func slice(_ range: Range<Int>) -> ByteString {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        if range.lowerBound == 0 && range.upperBound == count { return self }
        return withUnsafeBufferPointer { ByteString(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    @inlinable
    public func slice(from start: Int) -> ByteString { slice(start..<count) }

    @inlinable
    public func slice(upTo end: Int) -> ByteString { slice(0..<end) }
}

// MARK: Collection

extension ByteString: RandomAccessCollection {
    public typealias Element = UInt8
    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> UInt8 {
        @inline(__always) get {
            switch storage {
            case .small(let w0, let w1):
                precondition(position >= 0 && position < Int(truncatingIfNeeded: w1 >> 56), "ByteString index out of range")
                return position < 8 ? UInt8(truncatingIfNeeded: w0 >> (UInt64(position) &* 8))
                                    : UInt8(truncatingIfNeeded: w1 >> (UInt64(position &- 8) &* 8))
            case .large(let a):
                return a[position]
            }
        }
    }

    @inlinable @inline(__always) public func index(after i: Int) -> Int { i + 1 }
    @inlinable @inline(__always) public func index(before i: Int) -> Int { i - 1 }

    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }

    /// The first index of `byte`, searched over the contiguous bytes.
    @inlinable
    public func firstIndex(of byte: UInt8) -> Int? {
        withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                if buf[i] == byte { return i }
                i &+= 1
            }
            return nil
        }
    }

    @inlinable
    public func lastIndex(of byte: UInt8) -> Int? {
        withUnsafeBufferPointer { buf in
            var i = buf.count - 1
            while i >= 0 {
                if buf[i] == byte { return i }
                i &-= 1
            }
            return nil
        }
    }

    @inlinable
    public func contains(_ byte: UInt8) -> Bool { firstIndex(of: byte) != nil }
}

extension ByteString: RangeReplaceableCollection {
    @inlinable
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == UInt8 {
        var a = takeArray()
        a.replaceSubrange(subrange, with: newElements)
        self = ByteString(a)
    }

    /// The bytes as an array to change, leaving `self` empty (a long value's buffer is
    /// handed over without a copy when it is not shared).
    @inlinable
    mutating func takeArray() -> [UInt8] {
        switch storage {
        case .small:
            let a = bytes
            storage = .small(0, 0)
            return a
        case .large(let a):
            storage = .small(0, 0)
            return a
        }
    }

    @inlinable
    public mutating func reserveCapacity(_ n: Int) {}

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if case .small(var w0, var w1) = storage {
            let n = Int(truncatingIfNeeded: w1 >> 56)
            if n < ByteString.smallCapacity {
                if n < 8 { w0 |= UInt64(byte) << (UInt64(n) &* 8) } else { w1 |= UInt64(byte) << (UInt64(n &- 8) &* 8) }
                w1 = (w1 & 0x00FF_FFFF_FFFF_FFFF) | (UInt64(n + 1) << 56)
                storage = .small(w0, w1)
                return
            }
        }
        var a = takeArray()
        a.append(byte)
        storage = .large(a)
    }

    @inlinable
    public mutating func append(contentsOf other: ByteString) {
        if other.isEmpty { return }
        if isEmpty { self = other; return }
        let total = count + other.count
        if total <= ByteString.smallCapacity {
            // Both inline: shift the other's bytes in after ours.
            guard case .small(var w0, var w1) = storage, case .small(let o0, let o1) = other.storage else { return }
            let n = count
            let m = other.count
            for k in 0..<m {
                let b = k < 8 ? UInt64(truncatingIfNeeded: (o0 >> (UInt64(k) &* 8)) & 0xFF)
                              : UInt64(truncatingIfNeeded: (o1 >> (UInt64(k &- 8) &* 8)) & 0xFF)
                let p = n + k
                if p < 8 { w0 |= b << (UInt64(p) &* 8) } else { w1 |= b << (UInt64(p &- 8) &* 8) }
            }
            w1 = (w1 & 0x00FF_FFFF_FFFF_FFFF) | (UInt64(total) << 56)
            storage = .small(w0, w1)
            return
        }
        var a = takeArray()
        a.reserveCapacity(total)
        other.withUnsafeBufferPointer { a.append(contentsOf: $0) }
        storage = .large(a)
    }

    @inlinable
    public mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == UInt8 {
        if let done: Void = newElements.withContiguousStorageIfAvailable({ buf in
            if buf.isEmpty { return }
            if count + buf.count <= ByteString.smallCapacity {
                append(contentsOf: ByteString(buf))
            } else {
                var a = takeArray()
                a.append(contentsOf: buf)
                storage = .large(a)
            }
        }) { return done }
        var a = takeArray()
        a.append(contentsOf: newElements)
        self = ByteString(a)
    }

    @inlinable
    public init<S: Sequence>(_ elements: S) where S.Element == UInt8 {
        if let s = elements.withContiguousStorageIfAvailable({ ByteString($0) }) {
            self = s
        } else {
            self = ByteString(Array(elements))
        }
    }

    @inlinable
    public init(repeating byte: UInt8, count: Int) {
        self = ByteString([UInt8](repeating: byte, count: count))
    }

    @inlinable
    public static func + (a: ByteString, b: ByteString) -> ByteString {
        var r = a
        r.append(contentsOf: b)
        return r
    }

    @inlinable
    public static func += (a: inout ByteString, b: ByteString) {
        a.append(contentsOf: b)
    }

    @inlinable
    public mutating func removeAll() { storage = .small(0, 0) }

    @inlinable
    @discardableResult
    public mutating func removeLast() -> UInt8 {
        let n = count
        precondition(n > 0, "removeLast on an empty ByteString")
        let b = self[n - 1]
        self = slice(0..<(n - 1))
        return b
    }

    @inlinable
    public mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count)
        self = slice(0..<(count - k))
    }

    @inlinable
    public mutating func removeFirst(_ k: Int) {
        precondition(k >= 0 && k <= count)
        self = slice(k..<count)
    }

    @inlinable
    public func dropFirst(_ k: Int = 1) -> ByteString { slice(Swift.min(k, count)..<count) }

    @inlinable
    public func dropLast(_ k: Int = 1) -> ByteString { slice(0..<Swift.max(0, count - k)) }

    @inlinable
    public func prefix(_ k: Int) -> ByteString { slice(0..<Swift.min(Swift.max(0, k), count)) }

    @inlinable
    public func suffix(_ k: Int) -> ByteString { slice(Swift.max(0, count - Swift.max(0, k))..<count) }
}

// MARK: Equality, hashing, order

extension ByteString: Hashable, Comparable {
    @inlinable
    public static func == (a: ByteString, b: ByteString) -> Bool {
        switch (a.storage, b.storage) {
        case (.small(let a0, let a1), .small(let b0, let b1)):
            return a0 == b0 && a1 == b1
        case (.large(let x), .large(let y)):
            if x.count != y.count { return false }
            return x.withUnsafeBufferPointer { p in
                y.withUnsafeBufferPointer { q in
                    p.baseAddress == q.baseAddress || memcmpBytes(p.baseAddress!, q.baseAddress!, p.count) == 0
                }
            }
        default:
            return false
        }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_rawHashValue(seed: 0))
    }

    /// A fast unseeded hash (FNV-1a over long values, a mix of the two words over short
    /// ones): shell values are hashed on every variable lookup.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        var h: UInt64
        switch storage {
        case .small(let w0, let w1):
            h = (w0 &* 0x9E37_79B9_7F4A_7C15) ^ (w1 &+ 0x632B_E59B_D9B4_E019)
        case .large(let a):
            h = 0xcbf2_9ce4_8422_2325
            a.withUnsafeBufferPointer { buf in
                for b in buf { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
        }
        // Final avalanche (MurmurHash3's fmix64) so the low bits depend on every byte.
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h) ^ seed
    }

    /// Byte order (as `LC_ALL=C` sorts); the locale's collation is `Collation`'s.
    @inlinable
    public static func < (a: ByteString, b: ByteString) -> Bool {
        if case .small(let a0, let a1) = a.storage, case .small(let b0, let b1) = b.storage {
            // Bytes in order of significance, then the count: a prefix sorts first.
            let x0 = a0.byteSwapped, y0 = b0.byteSwapped
            if x0 != y0 { return x0 < y0 }
            let x1 = (a1 & 0x00FF_FFFF_FFFF_FFFF).byteSwapped, y1 = (b1 & 0x00FF_FFFF_FFFF_FFFF).byteSwapped
            if x1 != y1 { return x1 < y1 }
            return a1 >> 56 < b1 >> 56
        }
        return a.withUnsafeBufferPointer { p in
            b.withUnsafeBufferPointer { q in
                let n = Swift.min(p.count, q.count)
                let c = n == 0 ? 0 : memcmpBytes(p.baseAddress!, q.baseAddress!, n)
                return c != 0 ? c < 0 : p.count < q.count
            }
        }
    }
}

/// memcmp without importing Glibc into every file that compares values.
@inlinable
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
    var i = 0
    while i < n {
        let x = a[i], y = b[i]
        if x != y { return x < y ? -1 : 1 }
        i &+= 1
    }
    return 0
}

// MARK: Literals and text

extension ByteString: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Literals are taken as the bytes the compiler laid down: no `String` is made and
    /// read back for `name == "PATH"` (a string literal cost a tenth of start-up).
    public typealias StringLiteralType = StaticString

    @inlinable
    public init(stringLiteral value: StaticString) { self.init(value) }

    /// `"\(name)=\(value)"` as a value: byte strings are put in as bytes, integers in
    /// decimal, `String`s as their UTF-8.
    public struct StringInterpolation: StringInterpolationProtocol {
        @usableFromInline var bytes: [UInt8] = []

        @inlinable
        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        @inlinable
        public mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        @inlinable
        public mutating func appendInterpolation(_ value: ByteString) {
            value.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        }

        @inlinable
        public mutating func appendInterpolation(_ value: String) { bytes.append(contentsOf: value.utf8) }

        @inlinable
        public mutating func appendInterpolation<T: BinaryInteger>(_ value: T) {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    @inlinable
    public init(stringInterpolation: StringInterpolation) {
        self.init(stringInterpolation.bytes)
    }
}

extension ByteString: CustomStringConvertible, CustomDebugStringConvertible {
    /// The bytes decoded as UTF-8 for a person to read, invalid sequences shown as
    /// U+FFFD. Never turned back into a value.
    public var description: String { withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

    public var debugDescription: String {
        "\"" + backslashEscaped(self, quote: UInt8(ascii: "\""), escapesReturn: true, escapesDelete: true,
                                control: hexEscape, invalid: { hexEscape(UInt32($0)) }) + "\""
    }
}
