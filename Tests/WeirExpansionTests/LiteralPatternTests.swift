import Testing
@testable import WeirExpansion
import WeirSyntax

/// The byte-search path for literal patterns with a `*` at one end (`${x%.*}`,
/// `${x##*/}`) gives what the general matcher gives: each pattern is checked against the
/// same pattern wrapped in `@(…)`, which the matcher takes instead.
@Suite struct LiteralPatternTests {
    @Test func theShapesThatTakeTheShortPath() {
        for p in [".*", "*/", ".txt", "*.tar.gz", "ab*", "\\*x", "x\\?", "é*", "a\\"] {
            #expect(ShellPattern(ByteString(p)).literalShape != nil, "\(p)")
        }
        for p in ["*", "a*b", "*a*", "a?", "[ab]", "@(a)", "**", "", "*(a)"] {
            #expect(ShellPattern(ByteString(p)).literalShape == nil, "\(p)")
        }
        #expect(ShellPattern("a(b", extglob: false).literalShape != nil)
    }

    @Test func sameAnswersAsTheMatcher() {
        let patterns = [".*", "*.", "*/", "/*", ".txt", "*.tar.gz", "ab*", "*ab", "a", "aa*", "*aa", "\\*x", "é*", "*é"]
        let alphabet: [[UInt8]] = [[0x61], [0x62], [0x2E], [0x2F], [0x2A], [0x78], [0x5C], Array("é".utf8), [0xFF]]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for p in patterns {
            let fast = ShellPattern(ByteString(p))
            let slow = ShellPattern(ByteString("@(" + p + ")"))
            #expect(fast.literalShape != nil && slow.literalShape == nil, "\(p)")
            for _ in 0..<400 {
                var bytes: [UInt8] = []
                for _ in 0..<(next() % 9) { bytes += alphabet[next() % alphabet.count] }
                let s = ByteString(bytes)
                for longest in [false, true] {
                    #expect(fast.removeMatchingPrefix(from: s, longest: longest) == slow.removeMatchingPrefix(from: s, longest: longest),
                            "\(p) # \(bytes) longest \(longest)")
                    #expect(fast.removeMatchingSuffix(from: s, longest: longest) == slow.removeMatchingSuffix(from: s, longest: longest),
                            "\(p) % \(bytes) longest \(longest)")
                }
            }
        }
    }
}
