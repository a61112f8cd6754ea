import Glibc
import Testing
import WeirTestSupport

/// The table fits the width it is given (the terminal's, or `$COLUMNS` for a report that
/// goes elsewhere): every column at full width, merged columns at 80, the pid dropped
/// below that; notes go under the table; the verdict quotes the table's own shares.
@Suite struct TraceTableWidthTests {
    func report(_ script: String, columns: Int?) -> String {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let set = columns.map { "COLUMNS=\($0); " } ?? ""
        let r = run([weirBinary, "-c", set + script], directory: dir)
        return r.stderr
    }

    /// Lines of the report, as the terminal counts them (characters, not bytes).
    func widths(_ text: String) -> [Int] {
        var out: [Int] = []
        for line in text.split(separator: "\n" as Character, omittingEmptySubsequences: true) { out.append(line.count) }
        return out
    }

    @Test(arguments: [80, 72])
    func aNarrowReportFits(_ columns: Int) {
        // The README's examples: ps aux into awk, yes into head, and six stages.
        let text = report("""
            trace seq 200000 | sort -n | uniq -c | wc -l > /dev/null; trace yes | head -1 > /dev/null
            trace ps aux | awk '{print $1}' | sort | uniq -c | sort -rn | head -5 > /dev/null
            trace seq 300000 | sed 's/0$//' | sort -n | uniq -c | awk '{print $1}' | sort -n | uniq -c > /dev/null
            """, columns: columns)
        #expect(widths(text).allSatisfy { $0 <= columns }, "wider than \(columns):\n\(text)")
        #expect(text.contains("stdin→out") && text.contains("→pipe"), "\(text)")
        // The benign SIGPIPE is a note under the table, marked in the status column.
        #expect(text.contains("SIGPIPE*"), "\(text)")
        #expect(text.contains("after `head -1"), "\(text)")
    }

    @Test func aWideReportHasEveryColumn() {
        let text = report("trace seq 2000 | wc -l > /dev/null", columns: nil)
        for header in ["start", "user", "sys", "peak mem", "in-wait", "out-wait", "stdin", "stdout"] {
            #expect(text.contains(header), "no \(header):\n\(text)")
        }
        let at80 = report("trace seq 2000 | wc -l > /dev/null", columns: 80)
        #expect(!at80.contains("in-wait") && at80.contains(" cpu "), "\(at80)")
    }

    /// A stage stopped for half its life: the stopped share is its own column, and the
    /// verdict's running share is the one in the table.
    @Test func stoppedTimeIsItsOwnShare() {
        let text = report("""
            trace sh -c 'echo $$ > pid; kill -STOP $$; echo resumed' | sh -c 'sleep 0.6; kill -CONT $(cat pid); cat > /dev/null'
            """, columns: nil)
        #expect(text.contains("stopped"), "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first(where: { $0.contains(" stopped ") || $0.hasSuffix("stopped") }),
              let row = lines.first(where: { $0.contains("kill -STOP") && !$0.hasPrefix("trace") }) else {
            Issue.record("no stopped column: \(text)")
            return
        }
        #expect(header.contains("stopped"))
        let percents = row.split(separator: " ").filter { $0.hasSuffix("%") }.compactMap { Int($0.dropLast()) }
        #expect(percents.contains { $0 >= 50 }, "no share of 50% or more: \(row)")
    }

    /// A builtin or a stage too short to sample still shows what the pipeline's ends
    /// were: the shell's own stdin and stdout (here files), not `-`.
    @Test func unsampledEndsShowTheShellsStreams() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let script = "trace --json -o r.jsonl echo hi | cat; trace --json -o s.jsonl read x"
        let r = run(["/bin/sh", "-c", "echo line > in.txt; \"$0\" -c \"$1\" < in.txt > out.txt", weirBinary, script],
                    directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["r.jsonl", "s.jsonl"] {
            let text = String(decoding: readFileBytes(dir + "/" + name) ?? [], as: UTF8.self)
            let stages = text.split(separator: "\n" as Character).compactMap { JSONValue.parse(String($0)) }
                .filter { $0["type"]?.string == "stage" }
            #expect(stages.first?["stdin"]?["kind"]?.string == "file", "\(name): \(text)")
            #expect(stages.last?["stdout"]?["kind"]?.string == "file", "\(name): \(text)")
        }
    }

    @Test func theVerdictQuotesTheRunColumn() {
        let text = report("trace sh -c 'i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done' | cat", columns: nil)
        let lines = text.split(separator: "\n").map(String.init)
        guard let verdict = lines.first(where: { $0.contains("is the bottleneck: running ") }),
              let row = lines.first(where: { $0.contains("sh -c") && !$0.hasPrefix("trace") }) else {
            Issue.record("no verdict or row: \(text)")
            return
        }
        // "running 97% of its life": the same percent stands in the stage's row.
        let quoted = verdict.split(separator: " ").first { $0.hasSuffix("%") }.map(String.init) ?? "?"
        #expect(row.split(separator: " ").contains { String($0) == quoted }, "\(quoted) not in: \(row)")
    }
}
