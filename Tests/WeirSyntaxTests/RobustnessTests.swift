import Testing
import WeirTestSupport
@testable import WeirSyntax

/// Any bytes at all give a tree or an error: never a crash, never a hang.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Bytes that matter to the lexer, weighted above the rest.
    static let interesting: [UInt8] = Array("()[]{}<>|&;$`'\"\\\n\t #!=*?@+-~:,/%^0123456789aeifdnoct".utf8) + [0, 0xFF, 0xC3, 0x80]

    func parses(_ bytes: [UInt8]) -> Bool {
        let p = Parser(source: SourceFile(name: "fuzz", bytes: bytes))
        do {
            _ = try p.parseProgram()
            return true
        } catch is SyntaxError {
            return false
        } catch {
            Issue.record("unexpected error type: \(error)")
            return false
        }
    }

    @Test func randomBytes() {
        var rng = Random(state: 0x9E37_79B9_7F4A_7C15)
        var accepted = 0
        for _ in 0..<4000 {
            let n = rng.below(60)
            var bytes: [UInt8] = []
            for _ in 0..<n {
                bytes.append(rng.below(4) == 0 ? UInt8(rng.below(256))
                             : RobustnessTests.interesting[rng.below(RobustnessTests.interesting.count)])
            }
            if parses(bytes) { accepted += 1 }
        }
        // Both outcomes occur: the generator reaches real syntax and real errors.
        #expect(accepted > 50 && accepted < 3950, "accepted \(accepted)")
    }

    @Test func mutatedScripts() {
        var rng = Random(state: 42)
        let files = RoundTripTests.corpusFiles()
        var rejected = 0, total = 0
        for path in files {
            let original = readFileBytes(path) ?? []
            guard !original.isEmpty else { continue }
            for _ in 0..<15 {
                var bytes = original
                for _ in 0..<(1 + rng.below(4)) {
                    let at = rng.below(bytes.count + 1)
                    switch rng.below(4) {
                    case 0 where at < bytes.count: bytes.remove(at: at)
                    case 1: bytes.insert(RobustnessTests.interesting[rng.below(RobustnessTests.interesting.count)], at: at)
                    case 2 where at < bytes.count: bytes[at] = UInt8(rng.below(256))
                    default:
                        // Truncate: an input that ends too early.
                        bytes = Array(bytes[0..<min(at, bytes.count)])
                    }
                    if bytes.isEmpty { break }
                }
                total += 1
                if !parses(bytes) { rejected += 1 }
            }
        }
        #expect(total > 1000)
        #expect(rejected > 0)
    }

    @Test func everyPrefixOfAScriptEndsOrErrs() {
        // Cutting a script anywhere gives a tree, or an error; cut inside a construct,
        // the error says the input is incomplete.
        let text = Array("if a; then\n  x=$(echo \"${y:-z}\" | tr a b)\nfi\ncat <<E\nbody\nE\n".utf8)
        for n in 0...text.count {
            let p = Parser(source: SourceFile(name: "cut", bytes: Array(text[0..<n])))
            do {
                _ = try p.parseProgram()
            } catch let e as SyntaxError {
                #expect(e.incomplete, "cut at \(n): \(e.message)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
