import Glibc
import Testing
import WeirTestSupport

/// The tracer with job control, at a prompt: a traced pipeline keeps flowing after
/// Ctrl-Z and `bg` (its relays run in a helper process, not in the shell's foreground
/// wait), reports exactly when it ends, and `trace %1` attaches to an untraced job.
@Suite(.serialized) struct TracedJobTests {
    /// The JSON objects of a `trace --json -o FILE` report.
    func report(_ path: String) -> [JSONValue] {
        String(decoding: readFileBytes(path) ?? [], as: UTF8.self).split(separator: "\n").compactMap { JSONValue.parse(String($0)) }
    }

    /// Types `line` until the transcript holds `text` (the shell prints job notices at a
    /// prompt), for at most `seconds`.
    func promptUntil(_ sh: ShellSession, shows text: String, seconds: Double) -> Bool {
        let deadline = monotonic() + seconds
        while monotonic() < deadline {
            if sh.pty.transcript.contains(text) { return true }
            _ = sh.run("sleep 0.3")
        }
        return sh.pty.transcript.contains(text)
    }

    func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    @Test func aStoppedTracedPipelineFinishesAfterBgWithAnExactReport() throws {
        let sh = try ShellSession(weirArgv)
        #expect(sh.prompt(), sh.transcript)
        let json = sh.home + "/trace.jsonl"
        sh.pty.send("trace --json -o \(json) seq 1e7 | sort | wc -l\r")
        #expect(sh.pty.waitForForeground("seq") != nil, sh.transcript)
        usleep(300_000)
        sh.pty.send("\u{1a}")
        #expect(sh.pty.expect("Stopped"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(report(json).isEmpty, "reported before the job ended")
        // Stopped for a while (the helper samples every 10 ms): its own share below.
        usleep(300_000)
        #expect(sh.run("bg") == "[1]+ trace --json -o \(json) seq 1e7 | sort | wc -l &\n", sh.transcript)
        // `jobs -t` while it runs in the background: a line per stage and per edge.
        let live = sh.run("jobs -t") ?? ""
        #expect(live.contains(" 1 seq 1e7") && live.contains(" 2 sort") && live.contains(" lines → 2"), sh.transcript)
        // No `fg`: the notice comes at a prompt once it has ended.
        #expect(promptUntil(sh, shows: "Done", seconds: 60), sh.transcript)
        #expect(sh.pty.transcript.contains("10000000"), sh.transcript)
        let objects = report(json)
        let edges = objects.filter { $0["type"]?.string == "edge" }
        #expect(edges.count == 2, "\(objects)")
        for e in edges {
            // seq 1e7 writes 78,888,897 bytes in 10,000,000 lines; sort passes them all on.
            #expect(e["bytes_written"]?.int == 78_888_897 && e["bytes_read"]?.int == 78_888_897, "\(e)")
            #expect(e["lines"]?.int == 10_000_000, "\(e)")
        }
        let stages = objects.filter { $0["type"]?.string == "stage" }
        #expect(stages.count == 3 && stages.allSatisfy { $0["exit"]?.int == 0 }, "\(stages)")
        // Its time stopped is its own share.
        #expect(stages.contains { ($0["samples"]?["stopped"]?.int ?? 0) > 0 }, "\(stages)")
        #expect(sh.run("jobs") == "", sh.transcript)
    }

    @Test func aTracedPipelineStartedWithAmpersandIsAJobOfTheShell() throws {
        let sh = try ShellSession(weirArgv)
        #expect(sh.prompt(), sh.transcript)
        let started = sh.run("trace --no-live seq 3e6 | sort -n | wc -l &") ?? ""
        #expect(started.hasPrefix("[1] "), sh.transcript)
        let live = sh.run("jobs -t") ?? ""
        #expect(live.contains("trace --no-live seq 3e6 | sort -n | wc -l &") && live.contains(" 2 sort -n"), sh.transcript)
        #expect(promptUntil(sh, shows: "Done", seconds: 60), sh.transcript)
        #expect(sh.pty.transcript.contains("1 → 2  seq 3e6 → sort -n (pipe): 21.8 MiB, 3,000,000 lines"), sh.transcript)
        #expect(sh.pty.transcript.contains("status 0, "), sh.transcript)
    }

    @Test func traceJobAttachesToAnUntracedPipelineAndNamesItsBottleneck() throws {
        #expect(which("pv") != nil, "pv is not installed (apt-get install pv)")
        let sh = try ShellSession(weirArgv, environment: ["COLUMNS=80"])
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("yes | pv -qL 1m | wc -c &")
        sh.pty.send("trace --no-live --no-color %1\r")
        usleep(1_500_000)
        sh.pty.send("\u{03}")
        #expect(sh.prompt(timeout: 10), sh.transcript)
        let text = sh.pty.transcript
        #expect(text.contains("trace yes | pv -qL 1m | wc -c  (%1)"), sh.transcript)
        #expect(text.contains("`pv -qL 1m` is the bottleneck"), sh.transcript)
        #expect(text.contains("1 → 2  (pipe): ") && text.contains("2 → 3  "), sh.transcript)
        #expect(sh.run("echo st=$?") == "st=0\n", sh.transcript)
        _ = sh.run("kill %1")
    }
}

/// `fg` and `bg` on a stopped job one of whose processes had already ended: its status
/// is the one collected before the stop (bash), not 127, and the job does end.
func resumeAfterAnEndedStageScenario(_ sh: ShellSession) {
    #expect(sh.prompt(), sh.transcript)
    sh.runThenStop("sleep 1.5 | (exit 3)", foreground: "sleep")
    #expect(sh.run("fg; echo st=$?", timeout: 10).map { $0.hasSuffix("st=3\n") } == true, sh.transcript)
    sh.runThenStop("sleep 1.5 | (exit 4)", foreground: "sleep")
    #expect(sh.run("bg").map { $0.hasPrefix("[1]+ sleep 1.5 |") } == true, sh.transcript)
    #expect(sh.run("wait %1; echo st=$?", timeout: 10).map { $0.contains("st=4\n") } == true, sh.transcript)
}

@Suite(.serialized) struct ResumedJobTests {
    @Test(arguments: [bashArgv, weirArgv])
    func resumeAfterAnEndedStage(_ argv: [String]) throws {
        resumeAfterAnEndedStageScenario(try ShellSession(argv))
    }
}
