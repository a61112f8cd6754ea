import Glibc
import Testing
import WeirTestSupport

/// `trace`: exact bytes and lines on every edge, each stage's fate, and the JSON, table
/// and Chrome outputs, on pipelines whose answers are known.
@Suite struct TraceTests {
    /// Runs `script` in a fresh directory; `trace.jsonl` there holds the report when
    /// the script writes it with `-o`.
    func weir(_ script: String, environment: [String]? = nil) -> (ProcessResult, dir: String) {
        let dir = makeTemporaryDirectory()
        return (run([weirBinary, "-c", script], directory: dir, environment: environment), dir)
    }

    /// The JSON objects of a `trace --json` report.
    func objects(_ text: String) -> [JSONValue] {
        text.split(separator: "\n").compactMap { JSONValue.parse(String($0)) }
    }

    func traced(_ pipeline: String, setup: String = "") -> (result: ProcessResult, stages: [JSONValue], edges: [JSONValue], pipeline: JSONValue?) {
        let (r, dir) = weir(setup + "\ntrace --json -o trace.jsonl " + pipeline)
        defer { removeTree(dir) }
        let report = String(decoding: readFileBytes(dir + "/trace.jsonl") ?? [], as: UTF8.self)
        let all = objects(report)
        return (r, all.filter { $0["type"]?.string == "stage" }, all.filter { $0["type"]?.string == "edge" },
                all.last { $0["type"]?.string == "pipeline" })
    }

    /// On a kernel without pidfds the helper watches each stage's /proc/PID/stat for its
    /// end instead (forced here with WEIR_TRACE_NO_PIDFD): the counts stay exact.
    @Test func withoutPidfdsTheHelperStillSeesEachEnd() {
        let (r, dir) = weir("trace --json -o trace.jsonl seq 200000 | (sleep 0.1; grep 7) | wc -l",
                            environment: ["PATH=/usr/bin:/bin", "WEIR_TRACE_NO_PIDFD=1"])
        defer { removeTree(dir) }
        let all = objects(String(decoding: readFileBytes(dir + "/trace.jsonl") ?? [], as: UTF8.self))
        let edges = all.filter { $0["type"]?.string == "edge" }
        #expect(r.stdout == "81902\n", "\(r.stderr)")
        #expect(edges.map { $0["lines"]?.int ?? -1 } == [200000, 81902], "\(all)")
        #expect(all.filter { $0["type"]?.string == "stage" }.allSatisfy { $0["exit"]?.int == 0 }, "\(all)")
    }

    @Test func edgeBytesAreExact() {
        let t = traced("head -c 1000000 /dev/zero | wc -c")
        #expect(t.result.stdout == "1000000\n")
        #expect(t.edges.count == 1)
        #expect(t.edges.first?["bytes_written"]?.int == 1_000_000)
        #expect(t.edges.first?["bytes_read"]?.int == 1_000_000)
        #expect(t.edges.first?["lines"]?.int == 0)
    }

    @Test func edgeLinesMatchWhatWcCountsAtThatPoint() {
        // What `wc -l` says after each prefix of the pipeline, computed by running it.
        let stages = ["seq 100000", "sort -n", "uniq -c", "wc -l"]
        var expected: [Int] = []
        for k in 1..<stages.count {
            let (r, dir) = weir(stages[0..<k].joined(separator: " | ") + " | wc -l")
            removeTree(dir)
            expected.append(Int(r.stdout.trimmingNewline()) ?? -1)
        }
        let t = traced(stages.joined(separator: " | "))
        #expect(t.result.stdout == "100000\n")
        #expect(t.edges.map { $0["lines"]?.int ?? -1 } == expected)
        #expect(t.edges.map { $0["from"]?.int ?? 0 } == [1, 2, 3])
        // The bytes of the first edge: seq's output, all of it read.
        #expect(t.edges.first?["bytes_read"]?.int == 588_895)
    }

    /// Commands and paths are bytes: the JSON writes a byte that is not UTF-8 as `\udcNN`
    /// (Python's surrogateescape), the table shows such text in `$'…'` with `\xNN`; both
    /// stay valid UTF-8 and keep every byte.
    @Test func bytesThatAreNotUTF8AreEscapedLosslessly() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let script: [UInt8] = Array("trace --json -o t.jsonl printf %s a".utf8) + [0x80, 0xFF]
            + Array("b | cat > /dev/null\ntrace -o t.txt cat > out".utf8) + [0xFE] + Array(".txt < /dev/null\n".utf8)
        writeFileBytes(dir + "/s.sh", script)
        let r = run([weirBinary, "s.sh"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = readFileBytes(dir + "/t.jsonl") ?? []
        let table = readFileBytes(dir + "/t.txt") ?? []
        #expect(String(validating: json, as: UTF8.self) != nil, "the JSON is valid UTF-8")
        #expect(String(validating: table, as: UTF8.self) != nil, "the table is valid UTF-8")
        let jsonText = String(decoding: json, as: UTF8.self)
        #expect(jsonText.contains(#""command":"printf %s a\udc80\udcffb""#), "\(jsonText)")
        let tableText = String(decoding: table, as: UTF8.self)
        #expect(tableText.contains(#"$'cat > out\xfe.txt < /dev/null'"#), "\(tableText)")
        #expect(tableText.contains(#"file $'"# + dir + #"/out\xfe.txt'"#), "\(tableText)")
    }

    @Test func benignSIGPIPEIsToldApart() {
        let t = traced("yes | head -1")
        #expect(t.result.stdout == "y\n")
        #expect(t.stages.first?["signal"]?.string == "SIGPIPE")
        #expect(t.stages.first?["benign_sigpipe"]?.bool == true)
        #expect(t.stages.first?["status"]?.int == 141)
        #expect(t.stages.last?["exit"]?.int == 0)
        // head read no more than yes wrote, and the edge says both. Equal is possible: head
        // can read all of yes's first write before yes's second write meets the closed pipe.
        if let w = t.edges.first?["bytes_written"]?.int, let r = t.edges.first?["bytes_read"]?.int {
            #expect(w >= r && r > 0)
        }
        let (table, dir) = weir("trace yes | head -1")
        removeTree(dir)
        #expect(table.stderr.contains("SIGPIPE after `head -1` exited 0 (benign)"), "\(table.stderr)")
    }

    @Test func signalDeathAndExitStatusAreReported() {
        let killed = traced("sh -c 'kill -TERM $$' | cat")
        #expect(killed.stages.first?["signal"]?.string == "SIGTERM")
        #expect(killed.stages.first?["benign_sigpipe"]?.bool == false)
        #expect(killed.stages.first?["exit"] == .null)
        let three = traced("sh -c 'exit 3' | cat")
        #expect(three.stages.first?["exit"]?.int == 3)
        #expect(three.stages.first?["signal"] == .null)
        let (table, dir) = weir("trace sh -c 'exit 3' | cat; trace sh -c 'kill -TERM $$' | cat")
        removeTree(dir)
        #expect(table.stderr.contains("exit 3"))
        #expect(table.stderr.contains("SIGTERM"))
    }

    @Test func builtinFunctionSubshellAndCompoundStagesAreTraced() {
        let t = traced("printf '%s\\n' a b c | f | ( cat; echo more ) | { cat; } | wc -l",
                       setup: "f() { while read -r l; do echo \"$l\"; done; }")
        #expect(t.result.stdout == "4\n")
        #expect(t.stages.map { $0["kind"]?.string ?? "" } == ["builtin", "function", "subshell", "compound", "external"])
        #expect(t.edges.map { $0["lines"]?.int ?? -1 } == [3, 3, 4, 4])
        #expect(t.edges.map { $0["bytes_read"]?.int ?? -1 } == [6, 6, 11, 11])
        for s in t.stages {
            #expect((s["pid"]?.int ?? 0) > 0)
            #expect(s["exit"]?.int == 0)
        }
    }

    @Test func aTracedFunctionKeepsItsAssignmentsAndTracesItsPipelines() {
        let (r, dir) = weir("g() { seq 3 | sort -r | head -1; x=set; }\ntrace --json -o trace.jsonl g\necho \"x=$x status=$?\"")
        defer { removeTree(dir) }
        #expect(r.stdout == "3\nx=set status=0\n")
        let all = objects(String(decoding: readFileBytes(dir + "/trace.jsonl") ?? [], as: UTF8.self))
        let pipelines = all.filter { $0["type"]?.string == "pipeline" }
        #expect(pipelines.map { $0["command"]?.string ?? "" } == ["seq 3 | sort -r | head -1", "g"])
        #expect(pipelines.map { $0["depth"]?.int ?? -1 } == [1, 0])
    }

    @Test func statusAndPipestatusAreThoseOfThePipeline() {
        let (r, dir) = weir("trace --no-live true | false | sh -c 'exit 4' 2>/dev/null; echo \"$? ${PIPESTATUS[*]}\"; set -o pipefail; trace false | true 2>/dev/null; echo $?")
        removeTree(dir)
        #expect(r.stdout == "4 0 1 4\n1\n")
    }

    @Test func badOptionsAreErrors() {
        let (r, dir) = weir("trace --frobnicate true; echo $?")
        removeTree(dir)
        #expect(r.stdout == "2\n")
        #expect(r.stderr.contains("trace: unknown option `--frobnicate`"))
    }

    /// The schema tables in docs/trace-json.md, by object type: key → type.
    func documentedSchema() -> [String: [String: String]] {
        let doc = String(decoding: readFileBytes(packageRoot + "/docs/trace-json.md") ?? [], as: UTF8.self)
        var schema: [String: [String: String]] = [:]
        var section: String?
        for line in doc.split(separator: "\n") {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)); continue }
            guard let s = section, line.hasPrefix("| "), !line.hasPrefix("| key"), !line.hasPrefix("|---") else { continue }
            let cells = line.split(separator: "|").map { String($0).trimmingSpaces() }
            if cells.count >= 2 { schema[s, default: [:]][cells[0]] = cells[1] }
        }
        return schema
    }

    func matches(_ v: JSONValue, _ type: String) -> Bool {
        type.split(separator: " ").filter { $0 != "or" }.contains { t in
            t == v.typeName || (t == "number" && v.typeName == "integer")
        }
    }

    @Test func jsonMatchesItsDocumentedSchema() {
        let schema = documentedSchema()
        #expect(Set(schema.keys) == ["stage", "edge", "pipeline"])
        let t = traced("seq 20000 | sort -r | f | wc -l", setup: "f() { cat; }")
        let all = t.stages + t.edges + [t.pipeline ?? .null]
        #expect(all.count == 4 + 3 + 1)
        for o in all {
            guard let fields = o.object, let type = fields["type"]?.string, let keys = schema[type] else {
                Issue.record("not a trace object: \(o)")
                continue
            }
            #expect(Set(fields.keys) == Set(keys.keys), "\(type): \(fields.keys.sorted()) vs \(keys.keys.sorted())")
            for (k, v) in fields {
                if let want = keys[k] { #expect(matches(v, want), "\(type).\(k) = \(v), documented as \(want)") }
            }
            #expect(fields["schema"]?.int == 1)
        }
        #expect(t.pipeline?["stages"]?.int == 4)
        #expect(t.pipeline?["edges"]?.int == 3)
        #expect(t.pipeline?["command"]?.string == "seq 20000 | sort -r | f | wc -l")
    }

    @Test func chromeTraceParsesWithOneCompleteEventPerStage() {
        let (r, dir) = weir("trace --chrome t.json seq 50000 | sort -rn | head -3 >/dev/null")
        defer { removeTree(dir) }
        #expect(r.status == 0)
        let doc = JSONValue.parse(String(decoding: readFileBytes(dir + "/t.json") ?? [], as: UTF8.self))
        let events = doc?["traceEvents"]?.array ?? []
        #expect(!events.isEmpty)
        let stageEvents = events.filter { $0["ph"]?.string == "X" && $0["cat"]?.string == "stage" }
        #expect(stageEvents.map { $0["name"]?.string ?? "" } == ["seq 50000", "sort -rn", "head -3 >/dev/null"])
        for e in stageEvents {
            #expect(e["ts"]?.number != nil && (e["dur"]?.number ?? -1) >= 0)
        }
        #expect(events.contains { $0["ph"]?.string == "C" })
        // One flow arrow per edge, from the writer's track to the reader's.
        #expect(events.filter { $0["ph"]?.string == "s" }.count == 2)
        #expect(events.filter { $0["ph"]?.string == "f" }.count == 2)
        // Without --json the table still goes to stderr.
        #expect(r.stderr.contains("seq 50000"))
    }

    @Test func tableNamesEveryStageAndTheBottleneck() {
        let (r, dir) = weir("trace -o report.txt sh -c 'i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done; echo $i' | cat")
        defer { removeTree(dir) }
        #expect(r.stdout == "30000\n")
        #expect(r.stderr == "")
        let report = String(decoding: readFileBytes(dir + "/report.txt") ?? [], as: UTF8.self)
        #expect(report.contains("is the bottleneck: running"), "\(report)")
        #expect(report.contains("1 → 2"))
        #expect(!report.contains("\u{1B}"), "no colour in a file")
    }

    @Test func noEscapeSequencesReachANonTerminal() {
        // --live forces the live view, but stderr here is a file: nothing of it may appear.
        let (r, dir) = weir("trace --live sh -c 'sleep 0.7; echo x' | cat")
        removeTree(dir)
        #expect(r.stdout == "x\n")
        #expect(!r.stderr.contains("\u{1B}"), "\(r.stderr)")
        #expect(r.stderr.contains("sleep 0.7"))
    }
}

/// `weir --trace…` and `set -o trace`: a whole script into one JSON stream and one Chrome
/// timeline, with file:line and functions as nested spans.
@Suite struct ScriptTraceTests {
    @Test func wholeScriptIntoOneJSONStreamAndOneChromeTimeline() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let script = """
            f() {
              seq 100 | sort -rn | head -1
              echo inner
            }
            x=1
            f
            """
        _ = run(["/bin/sh", "-c", "cat > s.sh <<'EOF'\n" + script + "\nEOF"], directory: dir)
        let r = run([weirBinary, "--trace=t.jsonl", "--trace-chrome=t.json", "s.sh"], directory: dir)
        #expect(r.stdout == "100\ninner\n")
        #expect(r.stderr == "")
        let lines = String(decoding: readFileBytes(dir + "/t.jsonl") ?? [], as: UTF8.self).split(separator: "\n")
        let pipelines = lines.compactMap { JSONValue.parse(String($0)) }.filter { $0["type"]?.string == "pipeline" }
        let summary = pipelines.map { "\($0["command"]?.string ?? "")@\($0["location"]?.string ?? "")/\($0["depth"]?.int ?? -1)" }
        #expect(summary == ["x=1@s.sh:5/0", "seq 100 | sort -rn | head -1@s.sh:2/1", "echo inner@s.sh:3/1", "f@s.sh:6/0"])
        let chrome = JSONValue.parse(String(decoding: readFileBytes(dir + "/t.json") ?? [], as: UTF8.self))
        let stages = (chrome?["traceEvents"]?.array ?? []).filter { $0["cat"]?.string == "stage" }
        #expect(stages.count == 1 + 3 + 1 + 1)
        // The function's span holds the spans of what ran inside it.
        if let f = stages.first(where: { $0["name"]?.string == "f" }), let fs = f["ts"]?.number, let fd = f["dur"]?.number,
           let inner = stages.first(where: { $0["name"]?.string == "echo inner" }), let ins = inner["ts"]?.number {
            #expect(ins >= fs && ins <= fs + fd)
            #expect(f["tid"] == inner["tid"], "both ran in the shell: one track")
        } else {
            Issue.record("no span for f or echo inner: \(stages)")
        }
    }

    @Test func setOTraceStartsAndStops() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary, "-c", "echo before; set -o trace; seq 3 | wc -l; set +o trace; echo after"], directory: dir)
        #expect(r.stdout == "before\n3\nafter\n")
        #expect(r.stderr.contains("seq 3 | wc -l"))
        #expect(!r.stderr.contains("echo before") && !r.stderr.contains("echo after"), "\(r.stderr)")
    }
}

/// `trace` on commands with process substitutions and named FIFOs: a graph, not a line.
@Suite struct TracedGraphTests {
    func traced(_ script: String) -> (ProcessResult, [JSONValue]) {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary, "-c", script], directory: dir)
        let text = String(decoding: readFileBytes(dir + "/trace.jsonl") ?? [], as: UTF8.self)
        return (r, text.split(separator: "\n").compactMap { JSONValue.parse(String($0)) })
    }

    func of(_ type: String, _ all: [JSONValue]) -> [JSONValue] { all.filter { $0["type"]?.string == type } }

    @Test func inputSubstitutionsAreStagesJoinedByFIFOEdges() {
        let (r, all) = traced("printf 'b\\na\\nc\\n' > a; printf 'c\\nb\\nd\\n' > b; trace --json -o trace.jsonl diff <(sort a) <(sort b)")
        #expect(r.stdout == "1d0\n< a\n3a3\n> d\n")
        let stages = of("stage", all), edges = of("edge", all)
        #expect(stages.map { $0["command"]?.string ?? "" } == ["diff <(sort a) <(sort b)", "<(sort a)", "<(sort b)"])
        #expect(stages.map { $0["kind"]?.string ?? "" } == ["external", "subshell", "subshell"])
        #expect(edges.map { "\($0["from"]?.int ?? 0)→\($0["to"]?.int ?? 0) \($0["kind"]?.string ?? "")" } == ["2→1 fifo", "3→1 fifo"])
        #expect(edges.map { $0["bytes_read"]?.int ?? -1 } == [6, 6])
        #expect(edges.map { $0["lines"]?.int ?? -1 } == [3, 3])
        #expect(edges.allSatisfy { ($0["path"]?.string ?? "").hasSuffix("fifo1") || ($0["path"]?.string ?? "").hasSuffix("fifo2") })
        #expect(of("pipeline", all).first?["status"]?.int == 1)
    }

    @Test func outputSubstitutionsGetEveryByteTheCommandWrote() {
        let (r, all) = traced("""
            seq 20000 > data
            trace --json -o trace.jsonl tee >(wc -c > bytes) >(wc -l > lines) < data > /dev/null
            echo "$(cat bytes) $(cat lines)"
            """)
        #expect(r.stdout == "108894 20000\n", "\(r.stderr)")
        let edges = of("edge", all)
        #expect(edges.map { "\($0["from"]?.int ?? 0)→\($0["to"]?.int ?? 0)" } == ["1→2", "1→3"])
        #expect(edges.allSatisfy { $0["bytes_read"]?.int == 108894 && $0["lines"]?.int == 20000 && $0["kind"]?.string == "fifo" })
        let stages = of("stage", all)
        #expect(stages.dropFirst().allSatisfy { $0["exit"]?.int == 0 }, "the substitutions were waited for and reaped")
    }

    @Test func aCommandRunningInTheShellReadsThroughATracedFIFO() {
        let (r, all) = traced("""
            n=0
            trace --json -o trace.jsonl while read -r l; do n=$((n + l)); done < <(seq 1000)
            echo "n=$n"
            """)
        #expect(r.stdout == "n=500500\n", "the loop ran in the shell: \(r.stderr)")
        let stages = of("stage", all), edges = of("edge", all)
        #expect(stages.map { $0["kind"]?.string ?? "" } == ["compound", "subshell"])
        #expect(stages.last?["exit"]?.int == 0)
        #expect(edges.map { "\($0["from"]?.int ?? 0)→\($0["to"]?.int ?? 0) \($0["kind"]?.string ?? "")" } == ["2→1 fifo"])
        #expect(edges.first?["bytes_read"]?.int == 3893)
        #expect(edges.first?["lines"]?.int == 1000)
    }

    @Test func stderrThroughATracedOutputSubstitution() {
        let (r, all) = traced("trace --json -o trace.jsonl { echo out; echo noise >&2; echo kept >&2; } 2> >(grep -v noise > err); wait $!; cat err")
        #expect(r.stdout == "out\nkept\n", "\(r.stderr)")
        let edges = of("edge", all)
        #expect(edges.map { "\($0["from"]?.int ?? 0)→\($0["to"]?.int ?? 0)" } == ["1→2"])
        #expect(edges.first?["bytes_read"]?.int == 11)
        #expect(edges.first?["lines"]?.int == 2)
    }

    @Test func aSubstitutionNobodyOpensDoesNotHoldTheCommand() {
        let (r, all) = traced("trace --json -o trace.jsonl /bin/true <(seq 100000); echo \"status $?\"")
        #expect(r.stdout == "status 0\n")
        #expect(of("edge", all).first?["bytes_read"]?.int == 0)
    }

    @Test func theTableNamesFIFOEdges() {
        let (r, _) = traced("trace --no-color cat <(echo hi) | wc -l")
        #expect(r.stdout == "1\n")
        #expect(r.stderr.contains("<(echo hi) → cat <(echo hi) (fifo): 3 B, 1 line"), "\(r.stderr)")
        #expect(r.stderr.contains("1 → 2  cat <(echo hi) → wc -l (pipe)"), "\(r.stderr)")
    }

    @Test func twoJobsJoinedByANamedFIFOCarryItsIdentity() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let s = run([weirBinary, "--trace=trace.jsonl", "-c", "mkfifo f; (sleep 0.05; seq 3) > f & wc -l < f; wait"], directory: dir)
        #expect(s.stdout == "3\n")
        let records = String(decoding: readFileBytes(dir + "/trace.jsonl") ?? [], as: UTF8.self)
            .split(separator: "\n").compactMap { JSONValue.parse(String($0)) }
        let stages = of("stage", records)
        let writer = stages.first { $0["stdout"]?["kind"]?.string == "fifo" }
        let reader = stages.first { $0["stdin"]?["kind"]?.string == "fifo" }
        #expect(writer?["command"]?.string == "(sleep 0.05; seq 3) > f")
        #expect(reader?["command"]?.string == "wc -l < f")
        #expect(writer?["stdout"]?["id"]?.string != nil)
        #expect(writer?["stdout"]?["id"] == reader?["stdin"]?["id"])
        #expect(writer?["pipeline"] != reader?["pipeline"], "two jobs")
    }
}
