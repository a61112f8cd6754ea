import Glibc
import Testing
import WeirTestSupport

/// `trace -p PID…`: attaching to a pipeline another shell started, found from /proc and
/// watched without interposing until SIGINT.
@Suite struct TraceAttachTests {
    @Test func attachesToAPipelineBashStartedAndNamesItsBottleneck() {
        #expect(which("pv") != nil, "pv is not installed (apt-get install pv)")
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        // bash starts the pipeline (its own output not a pipe to this test); weir attaches
        // by the pid of its middle stage, and SIGINT ends the watch after 1.5 s. `set -m`:
        // background jobs of a script would otherwise start with SIGINT ignored.
        let script = """
            set -m
            bash -c 'yes | pv -qL 1m | wc -c' >/dev/null 2>&1 &
            for i in $(seq 50); do
              pv=$(for p in /proc/[0-9]*; do [ "$(cat $p/comm 2>/dev/null)" = pv ] && [ "$(cat $p/stat | cut -d' ' -f5)" = "$!" ] && echo ${p#/proc/}; done)
              [ -n "$pv" ] && break; sleep 0.05
            done
            COLUMNS=80 "$WEIR" -c "trace --no-color --json -o attach.jsonl -p $pv" &
            t=$!
            sleep 1.5
            kill -INT $t
            wait $t
            echo "weir=$?"
            kill -- -$(cat /proc/$pv/stat | cut -d' ' -f5)
            """
        let r = run(["/bin/bash", "-c", script], directory: dir, environment: ["PATH=/usr/bin:/bin", "WEIR=\(weirBinary)"])
        #expect(r.stdout == "weir=0\n", "\(r.stderr)")
        let objects = String(decoding: readFileBytes(dir + "/attach.jsonl") ?? [], as: UTF8.self)
            .split(separator: "\n").compactMap { JSONValue.parse(String($0)) }
        let stages = objects.filter { $0["type"]?.string == "stage" }
        let edges = objects.filter { $0["type"]?.string == "edge" }
        let pipeline = objects.first { $0["type"]?.string == "pipeline" }
        #expect(stages.map { $0["command"]?.string ?? "" } == ["yes", "pv -qL 1m", "wc -c"], "\(objects)")
        #expect(edges.map { [$0["from"]?.int ?? 0, $0["to"]?.int ?? 0] } == [[1, 2], [2, 3]], "\(objects)")
        for e in edges {
            #expect(e["estimated"] == .bool(true) && e["lines"] == .null, "\(e)")
            // About 1 MiB/s for 1.5 s passed through pv.
            let bytes = e["bytes_read"]?.int ?? 0
            #expect(bytes > 500_000 && bytes < 4_000_000, "\(e)")
        }
        // yes keeps the pipe to pv full; pv's own pipe to wc stays empty.
        #expect((edges.first?["max_fill_bytes"]?.int ?? 0) > 0, "\(edges)")
        #expect(pipeline?["attached"] == .bool(true), "\(objects)")
        #expect(pipeline?["verdict"]?.string?.hasPrefix("`pv -qL 1m` is the bottleneck") == true, "\(objects)")
        #expect(stages.first { $0["command"]?.string == "yes" }?["samples"]?["waiting_output"]?.int ?? 0 > 0, "\(stages)")
    }

    @Test func theTableSaysItIsAnEstimateAndFitsEightyColumns() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let script = """
            set -m
            bash -c 'sleep 30 | cat' >/dev/null 2>&1 &
            sleep 0.3
            "$WEIR" -c "trace --no-color -p $(cat /proc/$!/task/$!/children | cut -d' ' -f1)" 2>out &
            t=$!
            sleep 0.5
            kill -INT $t; wait $t
            kill -- -$!
            cat out
            """
        let r = run(["/bin/bash", "-c", script], directory: dir, environment: ["PATH=/usr/bin:/bin", "WEIR=\(weirBinary)", "COLUMNS=80"])
        #expect(r.stdout.contains("trace sleep 30 | cat  (pid "), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("1 → 2  sleep 30 → cat (pipe): ~0 B, pipe holds 0 B (max 0 B)"), "\(r.stdout)")
        #expect(r.stdout.contains("attached for "), "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(r.stdout)")
    }

    @Test func badAttachRequestsSayWhatIsWrong() {
        let cases: [(String, String, Int32)] = [
            ("trace -p 999999999", "trace: pid 999999999: no such process", 1),
            ("trace -p x", "trace: -p needs process ids (1,2,…), not `x`", 2),
            ("trace -p 1 ls", "trace: -p attaches to a running pipeline: give it no command", 2),
            ("trace %3", "trace: %3: no such job", 1),
        ]
        for (script, message, status) in cases {
            let r = run([weirBinary, "-c", script])
            #expect(r.status == status && r.stderr.contains(message), "\(script): \(r.status) \(r.stderr)")
        }
        let r = run([weirBinary, "-c", "trace -p"])
        #expect(r.status == 2 && r.stderr.contains("`-p` needs a process id"), "\(r.stderr)")
    }
}
