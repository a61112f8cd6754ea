import Glibc
import Testing
import WeirTestSupport

// The pseudo-terminal harness, proved against a real interactive shell: bash 5.2 with no
// start-up files. The same scenarios, pointed at weirBinary, are weir's interactive tests.

/// The folder that holds weir-test-helper (put on the shell's PATH).
let helperDirectory = String(testHelperBinary[..<testHelperBinary.lastIndex(of: "/")!])

/// An interactive shell on a pseudo-terminal, with a known prompt.
final class ShellSession {
    static let prompt = "harness-prompt> "
    let pty: PseudoTerminal
    let home: String

    init(_ argv: [String] = ["/bin/bash", "--norc", "--noprofile", "-i"], environment extra: [String] = []) throws {
        home = makeTemporaryDirectory(prefix: "weir-pty-")
        pty = try PseudoTerminal(argv, environment: [
            "PATH=\(helperDirectory):/usr/bin:/bin",
            "HOME=\(home)",
            "TERM=xterm",
            "PS1=\(Self.prompt)",
            "HISTFILE=\(home)/history",
            "INPUTRC=/dev/null",
            "LANG=C.UTF-8",
        ] + extra, directory: home)
    }

    deinit {
        pty.close()
        removeTree(home)
    }

    /// The two shells a scenario is proved on: bash 5.2 (the oracle), then weir.
    static let bashAndWeir: [[String]] = [["/bin/bash", "--norc", "--noprofile", "-i"], [weirBinary, "--norc", "-i"]]

    /// Types `exit` and returns the shell's exit status (nil if it did not end).
    func leave() -> Int32? {
        pty.send("exit\r")
        return pty.wait()
    }

    /// Waits for the next prompt.
    func prompt(timeout: Double = 5) -> Bool { pty.expect(Self.prompt, timeout: timeout) }

    /// Types a command line and returns its output (the lines between the echoed command
    /// line and the next prompt), or nil if no prompt came back.
    func run(_ line: String, timeout: Double = 5) -> String? {
        pty.send(line + "\r")
        guard prompt(timeout: timeout) else { return nil }
        var text = pty.matched
        text.removeLast(Self.prompt.count)
        // The first line is the terminal's echo of what was typed.
        guard let newline = text.firstIndex(of: "\n") else { return "" }
        return String(text[text.index(after: newline)...])
    }

    /// Types `line`, waits until `program` has the terminal, stops it with Ctrl-Z, and
    /// expects the stop report and the next prompt.
    func runThenStop(_ line: String, foreground program: String) {
        pty.send(line + "\r")
        #expect(pty.waitForForeground(program) != nil, transcript)
        // Asleep first: a stop sent while the program is still starting can go unseen
        // (bash under load, in CI).
        #expect(pty.waitUntilIdle(), transcript)
        pty.send("\u{1a}")
        #expect(pty.expect("Stopped"), transcript)
        #expect(prompt(), transcript)
    }

    /// For failure messages.
    var transcript: Comment { Comment(rawValue: "transcript:\n" + pty.transcript.debugDescription) }
}

/// `weir-test-helper report`'s fields.
func parseReport(_ output: String) -> [String: String] {
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("pid=") }) else { return [:] }
    var fields: [String: String] = [:]
    for pair in line.split(separator: " ") {
        guard let eq = pair.firstIndex(of: "=") else { continue }
        fields[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
    }
    return fields
}

@Suite(.serialized) struct HarnessTests {
    @Test func stripEscapesRemovesControlSequences() {
        let raw = "\u{1b}[?2004hA\r\nB\u{1b}]0;title\u{07}C\u{1b}(BD\u{1b}[1;32mE\u{1b}[0m\u{1b}=F\u{07}"
        #expect(PseudoTerminal.stripEscapes(raw) == "A\nBCDEF")
        #expect(PseudoTerminal.stripEscapes("héllo\r\n") == "héllo\n")
    }

    @Test func helperBinaryIsBuilt() {
        #expect(access(testHelperBinary, X_OK) == 0, "\(testHelperBinary)")
    }

    @Test func commandAndOutput() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        // The echoed line holds "$((6*7))", only the output holds "42".
        #expect(sh.run("echo answer=$((6*7))") == "answer=42\n", sh.transcript)
        #expect(sh.run("printf '%s\\n' one two") == "one\ntwo\n", sh.transcript)
        sh.pty.send("exit 3\r")
        #expect(sh.pty.wait() == 3, sh.transcript)
    }

    @Test func ctrlDAtEmptyPromptExits() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("false") == "", sh.transcript)
        sh.pty.send("\u{04}")
        #expect(sh.pty.wait() == 1, sh.transcript)  // bash exits with the last status
    }

    @Test func ctrlCAtPromptDiscardsTheLine() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("echo never-$((1+1))")
        #expect(sh.pty.expect("never-$((1+1))"), sh.transcript)
        #expect(sh.pty.waitUntilIdle(), sh.transcript)
        sh.pty.send("\u{03}")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
        #expect(!PseudoTerminal.stripEscapes(sh.pty.transcript).contains("never-2"), sh.transcript)
    }

    @Test func tabCompletesACommandName() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("weir-test-hel\t")
        #expect(sh.pty.expect("weir-test-helper "), sh.transcript)
        #expect(sh.run("modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
    }

    @Test func stopWithCtrlZThenFgThenCtrlC() throws {
        runStopFgInterruptScenario(try ShellSession(), stopReport: "Stopped")
    }

    @Test func foregroundJobOwnsTheTerminal() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        let report = parseReport(sh.run("weir-test-helper report") ?? "")
        let shellPid = String(sh.pty.pid)
        #expect(report["pgrp"] != nil, sh.transcript)
        #expect(report["pgrp"] == report["pid"], "a one-command job leads its own group")
        #expect(report["tty_fg"] == report["pgrp"], sh.transcript)
        #expect(report["pgrp"] != shellPid, sh.transcript)
        #expect(report["sid"] == shellPid, "the shell leads the session")
        for sig in ["sigint", "sigquit", "sigtstp", "sigttin", "sigttou", "sigchld", "sigpipe"] {
            #expect(report[sig] == "default", "\(sig): \(report[sig] ?? "missing")")
        }
        #expect(report["blocked"] == "none", sh.transcript)
        // An ignored signal is inherited as ignored.
        let ignored = parseReport(sh.run("trap '' QUIT PIPE; weir-test-helper report") ?? "")
        #expect(ignored["sigquit"] == "ignore" && ignored["sigpipe"] == "ignore", sh.transcript)
        // A background job gets its own group and does not own the terminal.
        let bg = parseReport(sh.run("weir-test-helper report & wait") ?? "")
        #expect(bg["pgrp"] != nil && bg["pgrp"] != bg["tty_fg"] && bg["tty_fg"] == shellPid, sh.transcript)
    }

    /// A raw-mode program is stopped (Ctrl-Z, which it turns into SIGTSTP itself, as ISIG is
    /// off) while the terminal is raw, and resumed with fg. bash puts its own modes back
    /// when the job stops, but does not give the job its raw modes back on fg (zsh and
    /// ksh93 do); `restoresJobModes` says which the shell under test promises.
    func rawModeJobStoppedAndResumed(_ sh: ShellSession, restoresJobModes: Bool) {
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("weir-test-helper raw\r")
        #expect(sh.pty.expect("raw-ready"), sh.transcript)
        // "m\r": in raw mode the \r is ignored; in cooked mode it ends the line.
        sh.pty.send("m\r")
        #expect(sh.pty.expect("icanon=0 echo=0 isig=0"), sh.transcript)
        sh.pty.send("\u{1a}")
        #expect(sh.pty.expect("Stopped"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        // The shell's own modes came back for the next command.
        #expect(sh.run("weir-test-helper modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
        sh.pty.send("fg\r")
        #expect(sh.pty.expect("weir-test-helper raw"), sh.transcript)
        #expect(sh.pty.waitForForeground("weir-test-helper") != nil, sh.transcript)
        sh.pty.send("m\r")
        let expected = restoresJobModes ? "icanon=0 echo=0 isig=0" : "icanon=1 echo=1 isig=1"
        #expect(sh.pty.expect(expected), sh.transcript)
        sh.pty.send("q\r")
        #expect(sh.pty.expect("raw-done"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("weir-test-helper modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
    }

    @Test func rawModeJobUnderBash() throws {
        rawModeJobStoppedAndResumed(try ShellSession(), restoresJobModes: false)
    }

    @Test func rawModeJobKilledLeavesCookedTerminal() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("weir-test-helper raw\r")
        #expect(sh.pty.expect("raw-ready"), sh.transcript)
        sh.pty.send("\u{03}")  // the helper raises SIGINT and dies still raw
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
        #expect(sh.run("weir-test-helper modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
    }

    @Test func windowSizeAndResize() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("stty size") == "24 80\n", sh.transcript)
        sh.pty.resize(rows: 40, columns: 100)
        // Readline redraws its line on SIGWINCH.
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("stty size") == "40 100\n", sh.transcript)
    }

    @Test func closeKillsTheWholeSession() throws {
        let sh = try ShellSession()
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("weir-test-helper sleep 60 &") != nil, sh.transcript)
        sh.pty.send("weir-test-helper sleep 61\r")
        #expect(sh.pty.waitForForeground("weir-test-helper") != nil, sh.transcript)
        sh.pty.send("\u{1a}")
        #expect(sh.prompt(), sh.transcript)
        let pids = (sh.run("jobs -p") ?? "").split(separator: "\n").compactMap { pid_t($0) }
        #expect(pids.count == 2, sh.transcript)
        sh.pty.close()
        // Gone, or a zombie waiting for init.
        func alive(_ pid: pid_t) -> Bool {
            guard let stat = readFileBytes("/proc/\(pid)/stat"),
                  let paren = stat.lastIndex(of: UInt8(ascii: ")")), paren + 2 < stat.count else { return false }
            return stat[paren + 2] != UInt8(ascii: "Z")
        }
        for _ in 0..<100 where pids.contains(where: alive) {
            var ts = timespec(tv_sec: 0, tv_nsec: 20_000_000)
            nanosleep(&ts, nil)
        }
        #expect(!pids.contains(where: alive), "left running: \(pids.filter(alive))")
        #expect(sh.pty.wait() != nil)
    }

    @Test func waitTimesOutAndKills() throws {
        let pty = try PseudoTerminal([testHelperBinary, "sleep", "30"], environment: [])
        #expect(pty.wait(timeout: 0.3) == nil)
        #expect(kill(pty.pid, 0) != 0, "killed and reaped")
        #expect(!pty.expect("anything", timeout: 0.2))
    }
}
