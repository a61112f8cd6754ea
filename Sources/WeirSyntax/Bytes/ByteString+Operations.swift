/// What the shell asks of its values: prefixes, splitting, joining, numbers in decimal.
extension ByteString {
    @inlinable
    public func hasPrefix(_ p: ByteString) -> Bool {
        let n = p.count
        if n > count { return false }
        if n == 0 { return true }
        return withUnsafeBufferPointer { a in
            p.withUnsafeBufferPointer { b in memcmpBytes(a.baseAddress!, b.baseAddress!, n) == 0 }
        }
    }

    @inlinable
    public func hasSuffix(_ s: ByteString) -> Bool {
        let n = s.count, m = count
        if n > m { return false }
        if n == 0 { return true }
        return withUnsafeBufferPointer { a in
            s.withUnsafeBufferPointer { b in memcmpBytes(a.baseAddress! + (m - n), b.baseAddress!, n) == 0 }
        }
    }

    /// The first place `needle` occurs, at or after `from`.
    public func firstRange(of needle: ByteString, from: Int = 0) -> Range<Int>? {
        let n = needle.count, m = count
        if n == 0 { return from <= m ? from..<from : nil }
        if n > m { return nil }
        return withUnsafeBufferPointer { a in
            needle.withUnsafeBufferPointer { b in
                let first = b[0]
                var i = from
                while i + n <= m {
                    if a[i] == first && memcmpBytes(a.baseAddress! + i, b.baseAddress!, n) == 0 { return i..<(i + n) }
                    i += 1
                }
                return nil
            }
        }
    }

    public func contains(_ needle: ByteString) -> Bool { firstRange(of: needle) != nil }

    /// The pieces between occurrences of `separator`, empty ones included (`a::b` →
    /// `a`, ``, `b`); `maxSplits` pieces at most are split off, the rest is the last.
    public func components(separatedBy separator: UInt8, maxSplits: Int = Int.max) -> [ByteString] {
        var out: [ByteString] = []
        withUnsafeBufferPointer { buf in
            var start = 0
            var i = 0
            while i < buf.count {
                if buf[i] == separator && out.count < maxSplits {
                    out.append(ByteString(UnsafeBufferPointer(rebasing: buf[start..<i])))
                    start = i + 1
                }
                i += 1
            }
            out.append(ByteString(UnsafeBufferPointer(rebasing: buf[start..<buf.count])))
        }
        return out
    }

    /// The pieces between runs of `separator`, no empty ones (`a::b` → `a`, `b`).
    public func split(separator: UInt8) -> [ByteString] {
        components(separatedBy: separator).filter { !$0.isEmpty }
    }

    /// The value with bytes in `set` taken off both ends.
    public func trimming(_ isTrimmed: (UInt8) -> Bool) -> ByteString {
        withUnsafeBufferPointer { buf in
            var lo = 0, hi = buf.count
            while lo < hi && isTrimmed(buf[lo]) { lo += 1 }
            while hi > lo && isTrimmed(buf[hi - 1]) { hi -= 1 }
            return lo == 0 && hi == buf.count ? self : ByteString(UnsafeBufferPointer(rebasing: buf[lo..<hi]))
        }
    }

    /// Leading and trailing blanks and newlines removed.
    public func trimmingSpace() -> ByteString {
        trimming { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
    }

    /// Every `old` byte replaced by `new`.
    public func replacing(_ old: UInt8, with new: UInt8) -> ByteString {
        guard contains(old) else { return self }
        return ByteString(map { $0 == old ? new : $0 })
    }

    /// Every occurrence of `old` replaced by `new`.
    public func replacing(_ old: ByteString, with new: ByteString) -> ByteString {
        guard !old.isEmpty, var r = firstRange(of: old) else { return self }
        var out = ByteString()
        var from = 0
        while true {
            out += slice(from..<r.lowerBound)
            out += new
            from = r.upperBound
            guard let next = firstRange(of: old, from: from) else { break }
            r = next
        }
        out += slice(from..<count)
        return out
    }

    /// True when every byte is ASCII.
    public var isASCII: Bool {
        withUnsafeBufferPointer { buf in !buf.contains { $0 >= 0x80 } }
    }

    /// ASCII letters made lower case; other bytes unchanged.
    public func asciiLowercased() -> ByteString {
        ByteString(map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    /// ASCII letters made upper case; other bytes unchanged.
    public func asciiUppercased() -> ByteString {
        ByteString(map { $0 >= 0x61 && $0 <= 0x7A ? $0 & ~0x20 : $0 })
    }
}

// MARK: Numbers

extension ByteString {
    /// `n` in decimal, built on the stack (a loop counter is never allocated).
    @inlinable
    public init(_ n: Int64) {
        var m = n.magnitude
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        self = withUnsafeMutableBytes(of: &text) { raw in
            // Digits from the right end of the 24-byte buffer, then the sign.
            var p = raw.count
            repeat {
                p -= 1
                raw[p] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
            } while m > 0
            if n < 0 { p -= 1; raw[p] = UInt8(ascii: "-") }
            return ByteString(UnsafeRawBufferPointer(rebasing: raw[p...]))
        }
    }

    @inlinable
    public init(_ n: Int) { self.init(Int64(n)) }

    @inlinable
    public init(_ n: Int32) { self.init(Int64(n)) }

    @inlinable
    public init(_ n: UInt32) { self.init(Int64(n)) }

    @inlinable
    public init(_ n: UInt) { self.init(UInt64(n)) }

    @inlinable
    public init(_ n: UInt64) {
        if n <= UInt64(Int64.max) { self.init(Int64(n)) } else { self.init(String(n)) }
    }
}

extension FixedWidthInteger {
    /// The value of decimal text as Swift's `Int(_: String)` reads it: an optional sign,
    /// then digits only; nil when it is empty, has any other byte or does not fit.
    @inlinable
    public init?(_ text: ByteString, radix: Int = 10) {
        var result: Self = 0
        let ok: Bool = text.withUnsafeBufferPointer { buf in
            var i = 0
            var negative = false
            if buf.count > 0 && (buf[0] == UInt8(ascii: "-") || buf[0] == UInt8(ascii: "+")) {
                negative = buf[0] == UInt8(ascii: "-")
                i = 1
            }
            if i == buf.count { return false }
            if negative && !Self.isSigned { return false }
            while i < buf.count {
                let b = buf[i]
                let d: Int
                switch b {
                case 0x30...0x39: d = Int(b - 0x30)
                case 0x61...0x7A: d = Int(b - 0x61) + 10
                case 0x41...0x5A: d = Int(b - 0x41) + 10
                default: return false
                }
                if d >= radix { return false }
                let (m, o1) = result.multipliedReportingOverflow(by: Self(radix))
                if o1 { return false }
                let (s, o2) = negative ? m.subtractingReportingOverflow(Self(d)) : m.addingReportingOverflow(Self(d))
                if o2 { return false }
                result = s
                i += 1
            }
            return true
        }
        guard ok else { return nil }
        self = result
    }
}

// MARK: Joining

extension Sequence where Element == ByteString {
    /// The values one after another, `separator` between each two.
    public func joined(separator: ByteString = ByteString()) -> ByteString {
        var out: [UInt8] = []
        var first = true
        for v in self {
            if !first { separator.withUnsafeBufferPointer { out.append(contentsOf: $0) } }
            first = false
            v.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        }
        return ByteString(out)
    }
}

extension Array where Element == UInt8 {
    @inlinable
    public mutating func append(_ value: ByteString) {
        value.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}

// MARK: Matching bytes against characters

/// `case "a":` in a `switch` over a byte: the byte is that ASCII character.
@inlinable
public func ~= (pattern: Unicode.Scalar, value: UInt8) -> Bool { pattern.value == UInt32(value) }

/// `case "0"..."9":` in a `switch` over a byte.
@inlinable
public func ~= (pattern: ClosedRange<Unicode.Scalar>, value: UInt8) -> Bool {
    pattern.lowerBound.value <= UInt32(value) && UInt32(value) <= pattern.upperBound.value
}

extension ByteString {
    /// The first index of an ASCII character (`s.firstIndex(of: "=")`).
    @inlinable
    public func firstIndex(of ascii: Unicode.Scalar) -> Int? { firstIndex(of: UInt8(ascii: ascii)) }

    /// The last index of an ASCII character.
    @inlinable
    public func lastIndex(of ascii: Unicode.Scalar) -> Int? { lastIndex(of: UInt8(ascii: ascii)) }
}
