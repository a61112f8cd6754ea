import Glibc
import Testing
import WeirTestSupport

/// `weir --profile[=FILE] script`: the time and CPU of each line's own commands and of
/// each function, most expensive first, written once when the shell exits.
@Suite struct ProfileTests {
    func script(_ text: String, _ arguments: [String]) -> (ProcessResult, dir: String) {
        let dir = makeTemporaryDirectory()
        writeFileBytes(dir + "/s.sh", Array(text.utf8))
        return (run([weirBinary] + arguments + ["s.sh"], directory: dir), dir)
    }

    /// The rows of the report, without the headers.
    func rows(_ report: String) -> [String] {
        report.split(separator: "\n" as Character).map(String.init).filter { $0.contains("s.sh:") }
    }

    /// The calls column: the number just before `FILE:LINE`.
    func calls(_ row: String) -> Int {
        let words = row.split(separator: " ")
        guard let i = words.firstIndex(where: { $0.contains("s.sh:") }), i > 0 else { return -1 }
        return Int(words[i - 1].filter { $0 != "," }) ?? -1
    }

    @Test func theSlowLineComesFirstAndFunctionsAreSummed() {
        let (r, dir) = script("""
            spin() {
              i=0
              while [ $i -lt 3000 ]; do i=$((i+1)); done
            }
            for n in 1 2 3; do spin; done
            sleep 0.4
            echo done
            """, ["--profile"])
        defer { removeTree(dir) }
        #expect(r.status == 0 && r.stdout == "done\n", "\(r.stderr)")
        #expect(r.stderr.hasPrefix("profile: "), "\(r.stderr)")
        let lines = rows(r.stderr)
        #expect(lines.first?.hasSuffix("s.sh:6  sleep 0.4") == true, "\(r.stderr)")
        // The loop's line counts every test and assignment of all three calls.
        #expect(lines.contains { $0.contains("s.sh:3  while [ $i -lt 3000 ]") }, "\(r.stderr)")
        let loop = lines.first { $0.contains("s.sh:3 ") } ?? ""
        #expect(calls(loop) >= 18_000, "\(loop)")
        let functions = r.stderr.split(separator: "\n" as Character).map(String.init).drop { !$0.contains("by function") }
        let spin = functions.first { $0.hasSuffix("  spin") } ?? ""
        #expect(spin.split(separator: " ").dropLast().last == "3", "three calls of spin: \(r.stderr)")
    }

    @Test func intoAFileOnceEvenWithSubshellsAndExit() {
        let (r, dir) = script("""
            f() { (true); x=$(echo sub); exit 3; }
            f
            """, ["--profile=p.txt"])
        defer { removeTree(dir) }
        #expect(r.status == 3)
        #expect(r.stderr == "", "\(r.stderr)")
        let text = String(decoding: readFileBytes(dir + "/p.txt") ?? [], as: UTF8.self)
        #expect(text.split(separator: "\n" as Character).filter { $0.hasPrefix("profile: ") }.count == 1, "\(text)")
        #expect(text.contains("s.sh:2  f\n") && text.contains("s.sh:1  f() { (true);"), "\(text)")
    }

    @Test func aFullDiskIsAnError() {
        let (r, dir) = script("echo hi", ["--profile=/dev/full"])
        defer { removeTree(dir) }
        #expect(r.stdout == "hi\n")
        #expect(r.stderr.contains("profile: /dev/full: No space left on device"), "\(r.stderr)")
    }

    @Test func anUnwritableFileIsAnError() {
        let (r, dir) = script("echo hi", ["--profile=/nonexistent/p.txt"])
        defer { removeTree(dir) }
        #expect(r.stdout == "hi\n")
        #expect(r.stderr.contains("profile: /nonexistent/p.txt: No such file or directory"), "\(r.stderr)")
    }
}
