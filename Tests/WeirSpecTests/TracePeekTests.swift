import Glibc
import Testing
import WeirTestSupport

/// `trace --peek N`: the first and last N lines that crossed each edge, in the JSON and
/// under the edge in the table.
@Suite struct TracePeekTests {
    func traced(_ script: String) -> (result: ProcessResult, edges: [JSONValue], text: String) {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary, "-c", script], directory: dir)
        let text = String(decoding: readFileBytes(dir + "/t.jsonl") ?? [], as: UTF8.self)
        let edges = text.split(separator: "\n" as Character).compactMap { JSONValue.parse(String($0)) }
            .filter { $0["type"]?.string == "edge" }
        return (r, edges, text)
    }

    func strings(_ v: JSONValue?) -> [String] { v?.array?.compactMap { $0.string } ?? [] }

    @Test func headAndTailOfEachEdge() {
        let t = traced("trace --json -o t.jsonl --peek 2 seq 10 | sed 's/^/n/' | cat > /dev/null")
        #expect(t.result.status == 0, "\(t.result.stderr)")
        #expect(t.edges.count == 2, "\(t.text)")
        #expect(strings(t.edges.first?["peek"]?["head"]) == ["1", "2"], "\(t.text)")
        #expect(strings(t.edges.first?["peek"]?["tail"]) == ["9", "10"], "\(t.text)")
        #expect(strings(t.edges.last?["peek"]?["head"]) == ["n1", "n2"], "\(t.text)")
        #expect(strings(t.edges.last?["peek"]?["tail"]) == ["n9", "n10"], "\(t.text)")
    }

    /// Fewer lines than the head holds: all of them in the head, the tail empty; no
    /// newline at the end: the last line still shows.
    @Test func shortStreams() {
        let t = traced("trace --json -o t.jsonl --peek 3 printf 'a\\nb' | cat > /dev/null")
        #expect(strings(t.edges.first?["peek"]?["head"]) == ["a", "b"], "\(t.text)")
        #expect(strings(t.edges.first?["peek"]?["tail"]) == [], "\(t.text)")
        let overlap = traced("trace --json -o t.jsonl --peek 2 seq 3 | cat > /dev/null")
        #expect(strings(overlap.edges.first?["peek"]?["head"]) == ["1", "2"], "\(overlap.text)")
        #expect(strings(overlap.edges.first?["peek"]?["tail"]) == ["3"], "\(overlap.text)")
    }

    /// A reader that leaves early: the tail is what it read, not what was written after.
    @Test func aReaderThatLeftEarly() {
        let t = traced("trace --json -o t.jsonl --peek 1 seq 1000000 | head -2 > /dev/null")
        guard let edge = t.edges.first else {
            Issue.record("no edge: \(t.text)")
            return
        }
        let read = edge["bytes_read"]?.number ?? -1
        #expect(read < (edge["bytes_written"]?.number ?? 0), "\(t.text)")
        #expect(strings(edge["peek"]?["head"]) == ["1"], "\(t.text)")
        // The last line read is whole or the start of one, never past what was read.
        let last = strings(edge["peek"]?["tail"]).last ?? ""
        #expect(!last.isEmpty && (Int(last) ?? Int.max) <= 1_000_000, "\(t.text)")
        #expect(Double(edge["lines"]?.number ?? 0) <= read, "\(t.text)")
    }

    /// A substitution used by a command that runs in the shell is relayed by a forked
    /// helper; its peek comes back with its counts.
    @Test func aSubstitutionOfACommandInTheShell() {
        let t = traced("trace --json -o t.jsonl --peek 1 while read x; do :; done < <(seq 4)")
        let fifo = t.edges.first { $0["kind"]?.string == "fifo" }
        #expect(fifo?["lines"]?.int == 4, "\(t.text)")
        #expect(strings(fifo?["peek"]?["head"]) == ["1"] && strings(fifo?["peek"]?["tail"]) == ["4"], "\(t.text)")
    }

    @Test func theTableShowsThemUnderTheEdge() {
        let r = run([weirBinary, "-c", "trace --peek 1 seq 5 | cat > /dev/null"])
        #expect(r.stderr.contains("1 → 2  seq 5 → cat > /dev/null (pipe): 10 B, 5 lines\n     │ 1\n     │ … 3 lines …\n     │ 5\n"),
                "\(r.stderr)")
    }

    @Test(arguments: ["0", "-1", "x", "1001", ""])
    func aBadCountIsAnError(_ n: String) {
        let r = run([weirBinary, "-c", "trace --peek '\(n)' true; echo st=$?"])
        #expect(r.stdout == "st=2\n" && r.stderr.contains("--peek needs a number of lines"), "\(r.stderr)")
    }
}
