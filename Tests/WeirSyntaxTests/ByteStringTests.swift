import Testing
@testable import WeirSyntax

/// The value type every shell value is: bytes compared as bytes, short ones inline.
@Suite struct ByteStringTests {
    /// Every length around the inline limit, built every way, compares and hashes alike.
    @Test func equalityAcrossTheInlineLimit() {
        for n in 0...40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + 128) }
            let a = ByteString(bytes)
            var b = ByteString()
            for x in bytes { b.append(x) }
            var c = ByteString()
            c.append(contentsOf: ByteString(Array(bytes.prefix(n / 2))))
            c.append(contentsOf: ByteString(Array(bytes.dropFirst(n / 2))))
            #expect(a == b && b == c, "length \(n)")
            #expect(a.hashValue == b.hashValue && b.hashValue == c.hashValue, "length \(n)")
            #expect(a.count == n && Array(a) == bytes && a.bytes == bytes)
            #expect(ByteString(a[...]) == a)
            if n > 0 {
                #expect(a.dropLast() == ByteString(Array(bytes.dropLast())))
                #expect(a.slice(1..<n) == ByteString(Array(bytes.dropFirst())))
                var d = a
                d.removeLast()
                #expect(d == a.dropLast(), "length \(n)")
            }
        }
    }

    /// Different bytes are different values, even when Swift's String would call them equal.
    @Test func canonicallyEquivalentTextIsNotEqual() {
        let nfd = ByteString("e\u{301}"), nfc = ByteString("\u{E9}")
        #expect(nfd != nfc)
        #expect(Set([nfd, nfc]).count == 2)
        #expect(ByteString([0x80]) != ByteString([0xEF, 0xBF, 0xBD]))
        #expect(ByteString([0x61, 0x00]) != ByteString([0x61]))
    }

    @Test func orderIsByteOrder() {
        let values: [ByteString] = ["", "a", "a\u{0}", "ab", "b", "B", "é", ByteString([0xFF]),
                                    ByteString(Array(repeating: 0x61, count: 20)), ByteString(Array(repeating: 0x61, count: 15))]
        let sorted = values.sorted()
        let byBytes = values.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        #expect(sorted == byBytes)
    }

    @Test func decimalNumbers() {
        for n: Int64 in [0, 1, -1, 9, 10, 99, 12345, -987654321, Int64.max, Int64.min, 999_999_999_999_999,
                         -99_999_999_999_999, 1_000_000_000_000_000] {
            #expect(ByteString(n) == ByteString(String(n)), "\(n)")
            #expect(Int64(ByteString(n)) == n)
        }
        #expect(Int64(ByteString("9223372036854775808")) == nil)
        #expect(Int64(ByteString("-9223372036854775809")) == nil)
        #expect(Int(ByteString("+12")) == 12)
        #expect(Int(ByteString("")) == nil && Int(ByteString("-")) == nil && Int(ByteString("1 ")) == nil)
        #expect(UInt8(ByteString("256")) == nil && UInt8(ByteString("-1")) == nil)
        #expect(Int(ByteString("ff"), radix: 16) == 255)
    }

    @Test func interpolationKeepsBytes() {
        let raw = ByteString([0x80, 0xFF])
        let s: ByteString = "x=\(raw) n=\(42) t=\("é")"
        #expect(s.bytes == Array("x=".utf8) + [0x80, 0xFF] + Array(" n=42 t=é".utf8))
    }

    @Test func cStrings() {
        let long = ByteString(Array(repeating: UInt8(ascii: "z"), count: 100))
        for v: ByteString in ["", "abc", "fifteen-bytes!!", long] {
            let back = v.withCString { ByteString(cString: $0) }
            #expect(back == v)
        }
    }

    @Test func splittingAndJoining() {
        let s: ByteString = "a::b:"
        #expect(s.components(separatedBy: UInt8(ascii: ":")) == ["a", "", "b", ""])
        #expect(s.split(separator: UInt8(ascii: ":")) == ["a", "b"])
        #expect(["x", "y", "z"].joined(separator: ", ") as ByteString == "x, y, z")
        #expect(ByteString("a'b'").replacing("'", with: "'\\''") == "a'\\''b'\\''")
        #expect(ByteString("  hi \n").trimmingSpace() == "hi")
    }

    /// glibc's UTF-8 decoder, which bash counts characters with.
    @Test func utf8SequencesAsGlibcReadsThem() {
        func decode(_ b: [UInt8]) -> (UInt32?, Int) { b.withUnsafeBufferPointer { UTF8Sequence.decode($0, at: 0) } }
        #expect(decode([0x41]) == (0x41, 1))
        #expect(decode([0xC3, 0xA9]) == (0xE9, 2))
        #expect(decode([0xC0, 0x80]) == (nil, 1))                    // overlong
        #expect(decode([0xED, 0xA0, 0x80]) == (nil, 1))              // surrogate
        #expect(decode([0xF4, 0x90, 0x80, 0x80]) == (0x110000, 4))   // above U+10FFFF: glibc takes it
        #expect(decode([0xF8, 0x88, 0x80, 0x80, 0x80]) == (0x200000, 5))
        #expect(decode([0xE0, 0x80, 0x80]) == (nil, 1))              // overlong
        #expect(decode([0xC3]) == (nil, 1))                          // cut short
        #expect(decode([0xC3, 0x41]) == (nil, 1))
        for v: UInt32 in [0x41, 0xE9, 0x20AC, 0x1F600, 0x10FFFF, 0x200000, 0x7FFF_FFFF] {
            var out: [UInt8] = []
            UTF8Sequence.encode(v, into: &out)
            #expect(decode(out) == (v, out.count), "\(v)")
        }
        var none: [UInt8] = []
        UTF8Sequence.encode(0x8000_0000, into: &none)
        #expect(none.isEmpty)
    }
}
