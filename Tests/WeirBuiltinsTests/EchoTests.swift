import Testing
@testable import WeirBuiltins
@testable import WeirExpansion

/// One `echo ARGS...` run with what bash 5.2 printed (hard-coded).
struct EchoCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let stdout: [UInt8]
    let status: Int32

    init(_ arguments: [String], _ stdout: String, _ status: Int32) {
        self.arguments = arguments
        self.stdout = Array(stdout.utf8)
        self.status = status
    }

    init(_ arguments: [String], bytes: [UInt8], _ status: Int32) {
        self.arguments = arguments
        self.stdout = bytes
        self.status = status
    }

    var testDescription: String { "echo \(arguments.map(ShellQuoting.quote).joined(separator: " "))" }
}

@Suite struct EchoTests {
    static let cases: [EchoCase] = [
        EchoCase(["-e", "\\1\\01\\001\\0001\\00001|\\8|\\09|\\x41\\x4g\\x|\\u00e9\\u|\\U0001F600|\\e\\E\\a\\b\\f\\n\\r\\t\\v\\\\|\\\"\\?\\'\\q"], "\\1\u{1}\u{1}\u{1}\01|\\8|\09|A\u{4}g\\x|é\\u|😀|\u{1B}\u{1B}\u{7}\u{8}\u{C}\n\r\t\u{B}\\|\\\"\\?\\'\\q\n", 0),
        EchoCase(["-e", "a\\cb", "c"], "a", 0),
        EchoCase(["-n", "a", "b"], "a b", 0),
        EchoCase(["-ne", "a\\tb"], "a\tb", 0),
        EchoCase(["-en", "a\\tb"], "a\tb", 0),
        EchoCase(["-eE", "a\\tb"], "a\\tb\n", 0),
        EchoCase(["-Ee", "a\\tb"], "a\tb\n", 0),
        EchoCase(["-nx", "a"], "-nx a\n", 0),
        EchoCase(["-", "a"], "- a\n", 0),
        EchoCase(["--", "a"], "-- a\n", 0),
        EchoCase(["-n", "-e", "x\\ty", "-n"], "x\ty -n", 0),
        EchoCase([], "\n", 0),
        EchoCase(["-n"], "", 0),
        EchoCase(["-e"], "\n", 0),
        EchoCase([""], "\n", 0),
        EchoCase(["-e", "\\0101\\0"], "A\0\n", 0),
        EchoCase(["-e", "a\\"], "a\\\n", 0),
        EchoCase(["-e", "\\x41\\xff\\xFFz"], bytes: [0x41, 0xFF, 0xFF, 0x7A, 0x0A], 0),
        EchoCase(["-e", "\\u20ac\\U1F600x"], "€😀x\n", 0),
        EchoCase(["-e", "\\u00e9\\uD800\\U110000"], bytes: [0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0x0A], 0),
        EchoCase(["a\\tb", "\\c"], "a\\tb \\c\n", 0),
        EchoCase(["-E", "-e", "-n", "a\\nb"], "a\nb", 0),
        EchoCase(["-e", "-E", "a\\nb"], "a\\nb\n", 0),
        EchoCase(["a", "", "b"], "a  b\n", 0),
        EchoCase(["-nnn", "x"], "x", 0),
        EchoCase(["-ee", "a\\x7"], "a\u{7}\n", 0),
        EchoCase(["-e", "x\\c"], "x", 0),
        EchoCase(["-e", "\\c"], "", 0),
        EchoCase(["-e", "\\0", "\\00", "\\0000", "\\00000"], "\0 \0 \0 \00\n", 0),
        EchoCase(["-e", "\\U7FFFFFFF\\UFFFFFFFF|"], bytes: [0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0x7C, 0x0A], 0),
        EchoCase(["-n", "-n"], "", 0),
        EchoCase(["-e", "-n"], "", 0),
        EchoCase(["-n", "-"], "-", 0),
        EchoCase(["-N", "x"], "-N x\n", 0),
        EchoCase(["-e", "é\\té", "日本"], "é\té 日本\n", 0),
        EchoCase(["-e", "\\0377\\0400"], bytes: [0xFF, 0x00, 0x0A], 0),
        EchoCase(["-e", "\\\\\\\\"], "\\\\\n", 0),
    ]

    @Test(arguments: cases)
    func matchesBash(_ c: EchoCase) {
        let r = Echo.run(c.arguments)
        #expect(r.stdout == c.stdout, "stdout: \(String(decoding: r.stdout, as: UTF8.self).debugDescription)")
        #expect(r.diagnostics.isEmpty)
        #expect(r.status == c.status)
    }

    @Test func xpgEcho() {
        #expect(Echo.run(["a\\tb"], escapesByDefault: true).stdout == Array("a\tb\n".utf8))
        #expect(Echo.run(["-E", "a\\tb"], escapesByDefault: true).stdout == Array("a\\tb\n".utf8))
        #expect(Echo.run(["a\\c", "b"], escapesByDefault: true).stdout == Array("a".utf8))
    }
}
