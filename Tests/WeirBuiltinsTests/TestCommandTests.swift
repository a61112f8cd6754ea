import Glibc
import Testing
@testable import WeirBuiltins
@testable import WeirExpansion

/// One `test ARGS...` or `[ ARGS... ]` run with bash 5.2's diagnostics and status
/// (hard-coded). Arguments starting with "fs/" name files of the fixture directory.
struct TestBuiltinCase: Sendable, CustomTestStringConvertible {
    let isBracket: Bool
    let arguments: [String]
    let diagnostics: [String]
    let status: Int32

    init(_ isBracket: Bool, _ arguments: [String], _ diagnostics: [String], _ status: Int32) {
        self.isBracket = isBracket
        self.arguments = arguments
        self.diagnostics = diagnostics
        self.status = status
    }

    var testDescription: String {
        (isBracket ? "[ " : "test ") + arguments.map(ShellQuoting.quote).joined(separator: " ")
    }
}

/// A temporary directory with one file of each kind, made once with mkdtemp.
enum TextFixture {
    static let directory: String = make()

    static func path(_ name: String) -> String { directory + "/" + name }

    static func make() -> String {
        var template = Array("/tmp/weir-test-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        func file(_ name: String, _ text: String, _ mode: mode_t) {
            let fd = open(dir + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
            _ = fchmod(fd, mode)
            _ = close(fd)
        }
        func times(_ name: String, access: timespec, modify: timespec) {
            let ts = [access, modify]
            _ = utimensat(AT_FDCWD, dir + "/" + name, ts, 0)
        }
        file("file", "hi\n", 0o644)
        file("empty", "", 0o644)
        file("exe", "hi\n", 0o755)
        file("suid", "hi\n", 0o4644)
        file("sgid", "hi\n", 0o2644)
        file("old", "", 0o644)
        file("oldhalf", "", 0o644)
        file("unread", "x", 0o644)
        file("read", "x", 0o644)
        times("old", access: timespec(tv_sec: 1_577_836_800, tv_nsec: 0), modify: timespec(tv_sec: 1_577_836_800, tv_nsec: 0))
        times("oldhalf", access: timespec(tv_sec: 1_577_836_800, tv_nsec: 500_000_000),
              modify: timespec(tv_sec: 1_577_836_800, tv_nsec: 500_000_000))
        times("unread", access: timespec(tv_sec: 1_000, tv_nsec: 0), modify: timespec(tv_sec: 1_000, tv_nsec: 1))
        times("read", access: timespec(tv_sec: 1_000, tv_nsec: 1), modify: timespec(tv_sec: 1_000, tv_nsec: 1))
        _ = mkdir(dir + "/dir", 0o755)
        _ = mkdir(dir + "/sticky", 0o755)
        _ = chmod(dir + "/sticky", 0o1777)
        _ = symlink("file", dir + "/link")
        _ = symlink("nowhere", dir + "/dangling")
        _ = link(dir + "/file", dir + "/hard")
        _ = mkfifo(dir + "/fifo", 0o644)
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let socketPath = Array((dir + "/sock").utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in socketPath.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        _ = close(s)
        return dir
    }
}

@Suite struct TestCommandTests {
    static let cases: [TestBuiltinCase] = [
        TestBuiltinCase(false, [], [], 1),
        TestBuiltinCase(false, [""], [], 1),
        TestBuiltinCase(false, ["a"], [], 0),
        TestBuiltinCase(false, ["-n"], [], 0),
        TestBuiltinCase(false, ["!"], [], 0),
        TestBuiltinCase(false, ["!", "-z"], [], 1),
        TestBuiltinCase(false, ["-z", ""], [], 0),
        TestBuiltinCase(false, ["!", ""], [], 0),
        TestBuiltinCase(false, ["!", "a"], [], 1),
        TestBuiltinCase(false, ["a", "=", "a", "-o", "b"], [], 0),
        TestBuiltinCase(false, ["(", "a", ")"], [], 0),
        TestBuiltinCase(true, ["=", "]"], [], 0),
        TestBuiltinCase(true, ["-f", "]"], [], 0),
        TestBuiltinCase(false, ["a", "b"], ["test: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["a", "b", "c", "d"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["a", "b", "c", "d", "e"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["(", "a", "b", ")"], ["test: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["(", "-n", "a", ")"], [], 0),
        TestBuiltinCase(false, ["(", "", ")"], [], 1),
        TestBuiltinCase(false, ["!", "(", "", ")"], [], 0),
        TestBuiltinCase(false, ["(", "a"], ["test: (: unary operator expected"], 2),
        TestBuiltinCase(false, ["(", "a", "b"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, ["(", "a", "-a"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, [")"], [], 0),
        TestBuiltinCase(false, ["("], [], 0),
        TestBuiltinCase(false, ["-a"], [], 0),
        TestBuiltinCase(false, ["-o"], [], 0),
        TestBuiltinCase(false, ["(", ")"], ["test: (: unary operator expected"], 2),
        TestBuiltinCase(false, ["a", "-a", "b", "-o", "c"], [], 0),
        TestBuiltinCase(false, ["", "-a", "b", "-o", "c"], [], 0),
        TestBuiltinCase(false, ["!", "a", "-a", "b"], [], 1),
        TestBuiltinCase(false, ["!", "!", "a"], [], 0),
        TestBuiltinCase(false, ["!", "!", "!", "a"], [], 1),
        TestBuiltinCase(false, ["a", "-x", "b"], ["test: -x: binary operator expected"], 2),
        TestBuiltinCase(false, ["a", "-eq", "b"], ["test: a: integer expression expected"], 2),
        TestBuiltinCase(false, ["1", "-eq", "1"], [], 0),
        TestBuiltinCase(false, ["1", "-eq", "a"], ["test: a: integer expression expected"], 2),
        TestBuiltinCase(false, [" 1 ", "-eq", "1"], [], 0),
        TestBuiltinCase(false, ["1", "-eq", "1 x"], ["test: 1 x: integer expression expected"], 2),
        TestBuiltinCase(false, ["-5", "-lt", "3"], [], 0),
        TestBuiltinCase(false, ["0x10", "-eq", "16"], ["test: 0x10: integer expression expected"], 2),
        TestBuiltinCase(false, ["010", "-eq", "10"], [], 0),
        TestBuiltinCase(false, ["+5", "-eq", "5"], [], 0),
        TestBuiltinCase(false, ["", "-eq", "0"], ["test: : integer expression expected"], 2),
        TestBuiltinCase(false, ["99999999999999999999", "-gt", "1"], ["test: 99999999999999999999: integer expression expected"], 2),
        TestBuiltinCase(false, ["-9223372036854775808", "-lt", "9223372036854775807"], [], 0),
        TestBuiltinCase(false, ["a", "-ot", "b", "-c"], ["test: syntax error: `-c' unexpected"], 2),
        TestBuiltinCase(false, ["-x"], [], 0),
        TestBuiltinCase(false, ["-t", "1", "x"], ["test: 1: binary operator expected"], 2),
        TestBuiltinCase(false, ["--"], [], 0),
        TestBuiltinCase(false, ["--", "a"], ["test: --: unary operator expected"], 2),
        TestBuiltinCase(false, ["a", "=", "b", "=", "c"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["=", "=", "="], [], 0),
        TestBuiltinCase(false, ["!", "=", "!"], [], 0),
        TestBuiltinCase(false, ["-n", "-n", "-n"], ["test: -n: binary operator expected"], 2),
        TestBuiltinCase(false, ["-z", "-z", "-z", "-z"], ["test: syntax error: `-z' unexpected"], 2),
        TestBuiltinCase(false, ["a", "-o"], ["test: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["a", "-o", "-z"], [], 0),
        TestBuiltinCase(false, ["x", "-a", "-z", ""], [], 0),
        TestBuiltinCase(false, ["a", "-a", "b", "-a", "-z"], [], 0),
        TestBuiltinCase(false, ["a", "-a", "b", "-a", "-q"], [], 0),
        TestBuiltinCase(false, ["a", "-a", "b", "-a", "("], ["test: argument expected"], 2),
        TestBuiltinCase(false, ["(", "a", "-a", "b", ")", "-o", "c"], [], 0),
        TestBuiltinCase(false, ["(", "a", "-a", "b"], ["test: `)' expected"], 2),
        TestBuiltinCase(false, ["(", "a", "-a", "b", "c"], ["test: `)' expected, found c"], 2),
        TestBuiltinCase(false, ["(", "(", "a", ")", ")"], [], 0),
        TestBuiltinCase(false, ["!", "!", "!", "!", "a"], [], 0),
        TestBuiltinCase(false, ["a", "-a", "(", "b", "-o", "", ")"], [], 0),
        TestBuiltinCase(false, ["-t"], [], 0),
        TestBuiltinCase(false, ["-t", "x", "-a", "a"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["-t", "99", "-a", "a"], [], 1),
        TestBuiltinCase(false, ["-t", "99"], [], 1),
        TestBuiltinCase(false, ["-t", " 99 "], [], 1),
        TestBuiltinCase(false, ["-t", "abc"], [], 1),
        TestBuiltinCase(false, ["", "-o", "", "-o", "a"], [], 0),
        TestBuiltinCase(false, ["!", "", "-a", ""], [], 0),
        TestBuiltinCase(false, ["1", "-lt", "2", "-a", "3", "-gt", "4", "-o", "5", "-eq", "5"], [], 0),
        TestBuiltinCase(false, ["a", "<", "b"], [], 0),
        TestBuiltinCase(false, ["b", "<", "a"], [], 1),
        TestBuiltinCase(false, ["a", ">", "B"], [], 0),
        TestBuiltinCase(false, ["é", ">", "z"], [], 0),
        TestBuiltinCase(false, ["a", "==", "a"], [], 0),
        TestBuiltinCase(false, ["a", "!=", "a"], [], 1),
        TestBuiltinCase(false, ["-v"], [], 0),
        TestBuiltinCase(false, ["-l", "a"], ["test: -l: unary operator expected"], 2),
        TestBuiltinCase(false, ["-ll", "a", "b"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, ["a", "-nt", "b"], [], 1),
        TestBuiltinCase(false, ["/", "-ef", "/"], [], 0),
        TestBuiltinCase(false, ["/", "-ef", "/nonexist"], [], 1),
        TestBuiltinCase(false, ["/nonexist", "-nt", "/"], [], 1),
        TestBuiltinCase(false, ["/", "-nt", "/nonexist"], [], 0),
        TestBuiltinCase(false, ["/nonexist", "-ot", "/"], [], 0),
        TestBuiltinCase(true, [], ["[: missing `]'"], 2),
        TestBuiltinCase(true, ["]"], [], 1),
        TestBuiltinCase(true, ["a"], ["[: missing `]'"], 2),
        TestBuiltinCase(true, ["a", "b"], ["[: missing `]'"], 2),
        TestBuiltinCase(true, ["]", "]"], [], 0),
        TestBuiltinCase(true, ["(", "]"], [], 0),
        TestBuiltinCase(true, ["a", "]]"], ["[: missing `]'"], 2),
        TestBuiltinCase(true, ["", "]"], [], 1),
        TestBuiltinCase(true, ["-n", "]"], [], 0),
        TestBuiltinCase(true, ["!", "]"], [], 0),
        TestBuiltinCase(true, ["a", "=", "a", "]"], [], 0),
        TestBuiltinCase(true, ["1", "-gt", "2", "]"], [], 1),
        TestBuiltinCase(true, ["x", "-eq", "1", "]"], ["[: x: integer expression expected"], 2),
        TestBuiltinCase(true, ["a", "b", "]"], ["[: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["-h", ""], [], 1),
        TestBuiltinCase(false, ["-L", ""], [], 1),
        TestBuiltinCase(false, ["-e", ""], [], 1),
        TestBuiltinCase(false, ["-z", "a", "b"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, ["-z", "a", "-o", "b"], [], 0),
        TestBuiltinCase(false, ["!", "a", "b"], ["test: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["!", "-n", "a", "b"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, ["!", "-e"], [], 1),
        TestBuiltinCase(false, ["a", "-lt"], ["test: a: unary operator expected"], 2),
        TestBuiltinCase(false, ["-o", "a", "b"], ["test: a: binary operator expected"], 2),
        TestBuiltinCase(false, ["(", "a", ")x"], [], 0),
        TestBuiltinCase(false, ["(x", "a", ")"], [], 0),
        TestBuiltinCase(false, ["(x", "", ")y"], [], 1),
        TestBuiltinCase(false, ["-q", "a", "-a", "b"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["-R", "x"], [], 1),
        TestBuiltinCase(false, ["(", "x", "y", ")z"], ["test: `)' expected, found y"], 2),
        TestBuiltinCase(false, ["(x", "a", "b", ")"], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["!", "(x", "a", ")"], [], 1),
        TestBuiltinCase(false, ["-a", "x"], [], 1),
        TestBuiltinCase(false, ["-o", "x"], [], 1),
        TestBuiltinCase(false, ["a", "-a", "b", "-a", "-z", "-a", ""], ["test: too many arguments"], 2),
        TestBuiltinCase(false, ["1", "-eq", "1", "-a"], ["test: argument expected"], 2),
        TestBuiltinCase(false, ["!", "", "=", ""], [], 1),
        TestBuiltinCase(false, ["", "=", "", "-a", "!", "a"], [], 1),
        TestBuiltinCase(false, ["-f", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-f", "fs/dir"], [], 1),
        TestBuiltinCase(false, ["-f", "fs/link"], [], 0),
        TestBuiltinCase(false, ["-f", "fs/dangling"], [], 1),
        TestBuiltinCase(false, ["-e", "fs/dangling"], [], 1),
        TestBuiltinCase(false, ["-h", "fs/dangling"], [], 0),
        TestBuiltinCase(false, ["-L", "fs/link"], [], 0),
        TestBuiltinCase(false, ["-h", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-d", "fs/dir"], [], 0),
        TestBuiltinCase(false, ["-d", "fs/link"], [], 1),
        TestBuiltinCase(false, ["-e", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["-a", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-s", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-s", "fs/empty"], [], 1),
        TestBuiltinCase(false, ["-s", "fs/dir"], [], 0),
        TestBuiltinCase(false, ["-p", "fs/fifo"], [], 0),
        TestBuiltinCase(false, ["-p", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-S", "fs/sock"], [], 0),
        TestBuiltinCase(false, ["-S", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-c", "/dev/null"], [], 0),
        TestBuiltinCase(false, ["-c", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-b", "/dev/null"], [], 1),
        TestBuiltinCase(false, ["-u", "fs/suid"], [], 0),
        TestBuiltinCase(false, ["-u", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-g", "fs/sgid"], [], 0),
        TestBuiltinCase(false, ["-g", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-k", "fs/sticky"], [], 0),
        TestBuiltinCase(false, ["-k", "fs/dir"], [], 1),
        TestBuiltinCase(false, ["-x", "fs/exe"], [], 0),
        TestBuiltinCase(false, ["-x", "fs/file"], [], 1),
        TestBuiltinCase(false, ["-x", "fs/dir"], [], 0),
        TestBuiltinCase(false, ["-x", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["-r", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-w", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-w", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["-O", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-G", "fs/file"], [], 0),
        TestBuiltinCase(false, ["-O", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["fs/file", "-ef", "fs/hard"], [], 0),
        TestBuiltinCase(false, ["fs/file", "-ef", "fs/link"], [], 0),
        TestBuiltinCase(false, ["fs/file", "-ef", "fs/empty"], [], 1),
        TestBuiltinCase(false, ["fs/old", "-ot", "fs/file"], [], 0),
        TestBuiltinCase(false, ["fs/file", "-nt", "fs/old"], [], 0),
        TestBuiltinCase(false, ["fs/oldhalf", "-nt", "fs/old"], [], 0),
        TestBuiltinCase(false, ["fs/old", "-nt", "fs/oldhalf"], [], 1),
        TestBuiltinCase(false, ["fs/old", "-ot", "fs/oldhalf"], [], 0),
        TestBuiltinCase(false, ["fs/old", "-nt", "fs/old"], [], 1),
        TestBuiltinCase(false, ["fs/nonexist", "-ot", "fs/old"], [], 0),
        TestBuiltinCase(false, ["fs/nonexist", "-nt", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["fs/nonexist", "-ot", "fs/nonexist"], [], 1),
        TestBuiltinCase(false, ["fs/file", "-nt", "fs/nonexist"], [], 0),
        TestBuiltinCase(false, ["-f", "fs/file", "-a", "-d", "fs/dir"], [], 0),
        TestBuiltinCase(false, ["-f", "fs/dir", "-o", "-d", "fs/file"], [], 1),
        TestBuiltinCase(false, ["!", "-f", "fs/dir"], [], 0),
        TestBuiltinCase(false, ["!", "-e", "fs/dangling", "-a", "-h", "fs/dangling"], [], 0),
        TestBuiltinCase(false, ["(", "-f", "fs/file", ")"], [], 0),
        TestBuiltinCase(false, ["-e", "fs/file", "fs/dir"], ["test: fs/file: binary operator expected"], 2),
        TestBuiltinCase(false, ["-v", "HOME"], [], 0),
        TestBuiltinCase(false, ["-v", "NOPE_NOT_SET"], [], 1),
        TestBuiltinCase(false, ["-o", "errexit"], [], 1),
        TestBuiltinCase(false, ["-o", "nosuch"], [], 1),
    ]

    static func run(_ arguments: [String], isBracket: Bool = false) -> BuiltinOutput {
        TestCommand.evaluate(isBracket ? arguments + ["]"] : arguments, isBracket: isBracket,
                             isVariableSet: { $0 == "HOME" },
                             isOptionSet: { $0 == "nosuch" ? nil : ($0 == "noclobber") })
    }

    @Test(arguments: cases)
    func matchesBash(_ c: TestBuiltinCase) {
        let arguments = c.arguments.map { $0.hasPrefix("fs/") ? TextFixture.path(String($0.dropFirst(3))) : $0 }
        let r = TestCommand.evaluate(arguments, isBracket: c.isBracket,
                                     isVariableSet: { $0 == "HOME" },
                                     isOptionSet: { $0 == "nosuch" ? nil : false })
        #expect(r.diagnostics == c.diagnostics.map { Self.fixturePaths($0) })
        #expect(r.status == c.status)
        #expect(r.stdout.isEmpty)
    }

    /// `s` with every "fs/" replaced by the fixture directory (no Foundation).
    static func fixturePaths(_ s: String) -> String {
        let pieces = s.split(separator: "fs/", omittingEmptySubsequences: false)
        return pieces.joined(separator: TextFixture.directory + "/")
    }

    @Test func modifiedSinceRead() {
        #expect(Self.run(["-N", TextFixture.path("unread")]).status == 0)
        #expect(Self.run(["-N", TextFixture.path("read")]).status == 1)
        #expect(Self.run(["-N", TextFixture.path("nonexistent")]).status == 1)
    }

    @Test func optionsAndVariables() {
        #expect(Self.run(["-o", "noclobber"]).status == 0)
        #expect(Self.run(["-o", "errexit"]).status == 1)
        #expect(Self.run(["-o", "nosuch"]).status == 1)
        #expect(Self.run(["-v", "HOME"], isBracket: true).status == 0)
        #expect(Self.run(["!", "-v", "UNSET"], isBracket: true).status == 0)
        #expect(Self.run(["-o", "noclobber", "-a", "-v", "HOME"]).status == 0)
    }

    @Test func fileTestAPI() {
        #expect(FileTest.unary("-f", TextFixture.path("file")) == true)
        #expect(FileTest.unary("-d", TextFixture.path("file")) == false)
        #expect(FileTest.unary("-z", "") == true)
        #expect(FileTest.unary("-n", "") == false)
        #expect(FileTest.unary("-t", "not a number") == false)
        #expect(FileTest.unary("-q", "x") == nil)
        #expect(FileTest.unary("-o", "errexit") == nil)
        #expect(FileTest.unary("-v", "x") == nil)
        #expect(FileTest.binary("-ef", TextFixture.path("file"), TextFixture.path("hard")) == true)
        #expect(FileTest.binary("-nt", TextFixture.path("file"), TextFixture.path("old")) == true)
        #expect(FileTest.binary("-ot", TextFixture.path("old"), TextFixture.path("oldhalf")) == true)
        #expect(FileTest.binary("-eq", "1", "1") == nil)
        #expect(FileTest.isUnaryOperator("-v"))
        #expect(FileTest.isUnaryOperator("-S"))
        #expect(!FileTest.isUnaryOperator("-q"))
        #expect(!FileTest.isUnaryOperator("-ff"))
        #expect(FileTest.isBinaryOperator("-nt") && FileTest.isBinaryOperator("==") && !FileTest.isBinaryOperator("-xx"))
        #expect(FileTest.legalNumber(" -12\t") == -12)
        #expect(FileTest.legalNumber("0x10") == nil)
        #expect(FileTest.legalNumber("") == nil)
        #expect(FileTest.legalNumber("9223372036854775808") == nil)
        #expect(FileTest.legalNumber("-9223372036854775808") == Int64.min)
    }
}
