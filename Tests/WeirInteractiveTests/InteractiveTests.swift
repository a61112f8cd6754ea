import Glibc
import Testing
import WeirTestSupport

/// weir at a terminal, driven through a real pseudo-terminal with the same harness that
/// HarnessTests proves against bash.
@Suite(.serialized) struct InteractiveTests {
    func weir(home: String? = nil) throws -> ShellSession {
        try ShellSession([weirBinary, "--norc", "-i"])
    }

    /// History sizes past Int32 are clamped, and a position past the list is an error
    /// (issue 14: these were values that could trap).
    @Test func hugeHistorySizesAndPositions() throws {
        let sh = try ShellSession([weirBinary, "--norc", "-i"],
                                  environment: ["HISTSIZE=99999999999", "HISTFILESIZE=99999999999"])
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo one") == "one\n", sh.transcript)
        #expect((sh.run("history -d 99999999999; echo status=$?") ?? "").contains("history position out of range\nstatus=1"), sh.transcript)
        #expect((sh.run("history -d -99999999999; echo status=$?") ?? "").hasSuffix("status=1\n"), sh.transcript)
        #expect((sh.run("history") ?? "").contains("echo one"), sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    /// `kill -INT $$`, `-QUIT`, `-TERM` at the prompt leave the shell running (bash); its
    /// children still get those signals at their default.
    @Test func theShellSurvivesItsOwnInterruptQuitAndTerminate() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        for sig in ["INT", "QUIT", "TERM"] {
            _ = sh.run("kill -\(sig) $$")
            #expect(sh.run("echo alive-after-\(sig)") == "alive-after-\(sig)\n", sh.transcript)
        }
        #expect((sh.run("sh -c 'kill -TERM $$'; echo child=$?") ?? "").hasSuffix("child=143\n"), sh.transcript)
    }

    /// A background job killed the moment it starts dies of it: the signal waits, blocked,
    /// until the forked child has set its own dispositions. (It met the shell's, which
    /// ignores SIGTERM at a prompt, and was lost: most of ten such jobs kept running.)
    @Test(arguments: ShellSession.bashAndWeir)
    func aJobKilledAsItStartsDies(_ argv: [String]) throws {
        let sh = try ShellSession(argv)
        #expect(sh.prompt(), sh.transcript)
        let out = sh.run("for i in 1 2 3 4 5 6 7 8 9 10; do sleep 30 & kill $!; done; sleep 0.5; jobs | grep -c Running",
                         timeout: 10)
        // The count, among the `[1] pid` lines and the notices: no job still running.
        let counts = (out ?? "").split(separator: "\n").compactMap { Int($0) }
        #expect(counts == [0], sh.transcript)
        _ = sh.run("kill %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 2>/dev/null")
    }

    @Test func ctrlZOnSleepThenFgThenCtrlC() throws {
        runStopFgInterruptScenario(try weir(), stopReport: "[1]+  Stopped")
    }

    @Test func threeStagePipelineStoppedThenBgThenFg() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.runThenStop("sleep 30 | cat | cat", foreground: "sleep")
        let bg = sh.run("bg") ?? ""
        #expect(bg.contains("sleep 30 | cat | cat &"), sh.transcript)
        #expect((sh.run("jobs") ?? "").contains("Running"), sh.transcript)
        sh.pty.send("fg\r")
        #expect(sh.pty.waitForForeground("sleep") != nil, sh.transcript)
        sh.pty.send("\u{03}")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
    }

    @Test func tracedPipelineStoppedThenFgReportsItsWholeLife() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.runThenStop("trace --no-live -o report.txt sh -c 'sleep 1; seq 3' | wc -l", foreground: "sh")
        #expect(sh.run("cat report.txt 2>&1") == "", "no report while the job is stopped: \(sh.transcript)")
        sh.pty.send("fg\r")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.pty.transcript.contains("wc -l\r\n3\r\n"), "the relays carried the data after fg: \(sh.transcript)")
        let report = sh.run("cat report.txt") ?? ""
        #expect(report.contains("3 lines"), sh.transcript)
        #expect(report.contains("exit 0"), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=0\n", sh.transcript)
    }

    @Test func liveViewKeepsItsRowsOutOfTheOutputAndCleansUp() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        let out = sh.run("trace --live sh -c 'echo first; sleep 0.8; echo second' | cat", timeout: 10) ?? ""
        #expect(out.contains("first") && out.contains("second"), sh.transcript)
        let raw = sh.pty.transcript
        // A scroll region above the reserved rows while it runs, reset at the end.
        #expect(raw.contains("\u{1B}[1;"), sh.transcript)
        #expect(raw.contains("\u{1B}[r"), sh.transcript)
        #expect(raw.contains("waiting-input") || raw.contains("sleeping"), sh.transcript)
        #expect(out.contains("is the bottleneck"), sh.transcript)
    }

    @Test func aFIFOWithNoReaderLeavesTheShellResponsiveAndCtrlCFreesIt() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("cd \"$(mktemp -d)\" && mkfifo f")
        // A builtin: the shell itself waits for a reader, in poll, not stuck in open(2).
        sh.pty.send("echo hi > f\r")
        #expect(sh.pty.expect("echo hi > f"), sh.transcript)
        usleep(300_000)
        sh.pty.send("\u{03}")
        // As in bash: the line is abandoned, status 130, no message.
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
        // An external command: it is the job that waits, and Ctrl-C ends it.
        sh.pty.send("cat f\r")
        #expect(sh.pty.waitForForeground("weir") != nil || sh.pty.waitForForeground("cat") != nil, sh.transcript)
        usleep(300_000)
        sh.pty.send("\u{03}")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
        // A reader now: the writer goes through.
        #expect((sh.run("cat f & echo through > f; wait") ?? "").contains("through"), sh.transcript)
    }

    @Test func ctrlCOnAProcessSubstitutionLeavesNoFIFO() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("export TMPDIR=\"$(mktemp -d)\"")
        sh.pty.send("cat <(sleep 30)\r")
        #expect(sh.pty.waitForForeground("cat") != nil, sh.transcript)
        sh.pty.send("\u{03}")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("ls \"$TMPDIR\"/*/ | wc -l") == "0\n", "no FIFO left after the command: \(sh.transcript)")
        let tmp = String((sh.run("echo \"$TMPDIR\"") ?? "").filter { $0 != "\n" && $0 != "\r" })
        sh.pty.send("exit\r")
        #expect(sh.pty.wait() != nil, sh.transcript)
        #expect(listDirectory(tmp).isEmpty, "the directory went at exit: \(listDirectory(tmp))")
        removeTree(tmp)
    }

    @Test func allStagesOfAJobShareOneGroupThatOwnsTheTerminal() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        // Later stages read the pipe; they look at the terminal through /dev/tty.
        _ = sh.run("weir-test-helper report > a | weir-test-helper report > b < /dev/tty | weir-test-helper report > c < /dev/tty")
        let reports = ["a", "b", "c"].map { parseReport(sh.run("cat \($0)") ?? "") }
        let groups = Set(reports.compactMap { $0["pgrp"] })
        #expect(groups.count == 1, "\(reports)")
        #expect(reports.allSatisfy { $0["tty_fg"] == $0["pgrp"] }, "\(reports)")
        #expect(!groups.contains(String(sh.pty.pid)), "the job has its own group")
        for r in reports {
            for sig in ["sigint", "sigquit", "sigtstp", "sigttin", "sigttou", "sigchld", "sigpipe"] {
                #expect(r[sig] == "default", "\(sig): \(r[sig] ?? "missing")")
            }
            #expect(r["blocked"] == "none", sh.transcript)
        }
        // A background job has its own group and does not get the terminal.
        let bg = parseReport(sh.run("weir-test-helper report & wait") ?? "")
        #expect(bg["pgrp"] != nil && bg["pgrp"] != bg["tty_fg"] && bg["tty_fg"] == String(sh.pty.pid), sh.transcript)
    }

    @Test func ctrlCAtThePrompt() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("echo this is discarded")
        #expect(sh.pty.expect("discarded"), sh.transcript)
        _ = sh.pty.waitUntilIdle()
        sh.pty.send("\u{03}")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
    }

    @Test func completesACommandNameAndAFileNameWithASpace() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("touch 'my file.txt'")
        sh.pty.send("weir-test-hel\t")
        #expect(sh.pty.expect("weir-test-helper "), sh.transcript)
        sh.pty.send("modes\r")
        #expect(sh.pty.expect("icanon=1"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("ls my\t")
        // Backslash-quoted, as bash puts it in.
        #expect(sh.pty.expect("my\\ file.txt "), sh.transcript)
        sh.pty.send("\r")
        #expect(sh.pty.expect("my file.txt"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
    }

    /// A variable whose value is a directory completes with a slash and no space, as does
    /// `~user`: the path goes on (weir put a space after `$PWD` and `~root/`).
    @Test(arguments: ShellSession.bashAndWeir)
    func completedDirectoryVariablesAndUsersTakeASlash(_ argv: [String]) throws {
        let sh = try ShellSession(argv, environment: ["WEIRTESTDIR=/tmp", "WEIRTESTFILE=/etc/passwd"])
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo $WEIRTESTD\tX") == "/tmp/X\n", sh.transcript)
        #expect(sh.run("echo ${WEIRTESTD\tX") == "/tmp/X\n", sh.transcript)
        #expect(sh.run("echo $WEIRTESTF\tX") == "/etc/passwd X\n", sh.transcript)
        #expect(sh.run("echo ~roo\tX") == "/root/X\n", sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    /// The startup file runs in an interactive shell: `i` is in `$-` (a `.bashrc` returns
    /// at once when it is not, and weir's did), and what it sets stays when the prompt
    /// loop starts.
    @Test(arguments: [["/bin/bash", "--noprofile"], [weirBinary]])
    func theStartupFileSeesAnInteractiveShell(_ shell: [String]) throws {
        let dir = makeTemporaryDirectory(prefix: "weir-rc-")
        defer { removeTree(dir) }
        let rc = dir + "/rc"
        writeFileBytes(rc, Array("""
            case $- in *i*) ;; *) return ;; esac
            echo "rc-ran"
            set -o vi
            set +o history
            alias greet='echo hello-from-rc'
            PS1='\(ShellSession.prompt)'

            """.utf8))
        let sh = try ShellSession(shell + ["--rcfile", rc, "-i"])
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.pty.transcript.contains("rc-ran\r\n"), sh.transcript)
        #expect(sh.run("greet") == "hello-from-rc\n", sh.transcript)
        #expect(sh.run("set -o | grep -E '^(vi|history) '") == "history        \toff\nvi             \ton\n", sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    @Test func historyIsCarriedToTheNextRun() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("echo first-run-marker")
        // Up recalls it in the same run.
        sh.pty.send("\u{1b}[A")
        #expect(sh.pty.expect("echo first-run-marker"), sh.transcript)
        sh.pty.send("\r")
        #expect(sh.pty.expect("first-run-marker"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
        let history = String(decoding: readFileBytes(sh.home + "/history") ?? [], as: UTF8.self)
        #expect(history.contains("echo first-run-marker"), "history file: \(history)")
        // A second weir with the same HISTFILE lists it.
        let second = try PseudoTerminal([weirBinary, "--norc", "-i"], environment: [
            "PATH=/usr/bin:/bin", "HOME=\(sh.home)", "TERM=xterm", "PS1=\(ShellSession.prompt)",
            "HISTFILE=\(sh.home)/history", "INPUTRC=/dev/null",
        ], directory: sh.home)
        defer { second.close() }
        #expect(second.expect(ShellSession.prompt), "\(second.transcript)")
        second.send("history\r")
        #expect(second.expect("echo first-run-marker"), "\(second.transcript)")
    }

    /// A command typed over several lines is one history entry on one line, as bash keeps
    /// it; a line that ends in a backslash goes on in the next (weir ran `echo a` and then
    /// the command `b`).
    @Test(arguments: ShellSession.bashAndWeir)
    func aCommandOverSeveralLinesIsOneEntry(_ argv: [String]) throws {
        let sh = try ShellSession(argv)
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("for i in 1 2; do\r")
        sh.pty.send("echo \"n$i\"\r")
        sh.pty.send("done\r")
        #expect(sh.pty.expect("n2"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("echo a\\\r")
        sh.pty.send("b\r")
        #expect(sh.pty.expect("\nab\n"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        let listed = sh.run("history") ?? ""
        #expect(listed.contains("  for i in 1 2; do echo \"n$i\"; done\n"), sh.transcript)
        #expect(listed.contains("  echo ab\n"), sh.transcript)
        // Up Up recalls the loop as one line, and it runs again.
        sh.pty.send("\u{1b}[A\u{1b}[A\u{1b}[A")
        #expect(sh.pty.expect("for i in 1 2; do echo \"n$i\"; done"), sh.transcript)
        sh.pty.send("\r")
        #expect(sh.pty.expect("n2"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    /// The input ending right after a line continuation (Ctrl-D at PS2) runs what was
    /// typed, as a script that ends so does; input ending inside quotes is reported.
    /// (bash reads on here, so this one is weir's alone.)
    @Test func endOfInputAfterAContinuationRunsTheLine() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("echo cont\\\r")
        #expect(sh.pty.expect("> "), sh.transcript)
        sh.pty.send("\u{4}")
        #expect(sh.pty.expect("\ncont\n"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("echo \"open\r")
        #expect(sh.pty.expect("> "), sh.transcript)
        sh.pty.send("\u{4}")
        #expect(sh.pty.expect("unterminated double quote"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo still-here") == "still-here\n", sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    /// PS0 is expanded and shown after a command is read, before it runs; an empty line
    /// runs nothing and shows none (weir had no PS0).
    @Test(arguments: ShellSession.bashAndWeir)
    func ps0IsShownBeforeACommandRuns(_ argv: [String]) throws {
        let sh = try ShellSession(argv)
        #expect(sh.prompt(), sh.transcript)
        _ = sh.run("PS0='<ps0 \\[$((1+1))\\]>\\n'")
        #expect(sh.run("echo hi") == "<ps0 \u{1}2\u{2}>\nhi\n", sh.transcript)
        #expect(sh.run("") == "", sh.transcript)
        #expect(sh.run("unset PS0; echo bye") == "<ps0 \u{1}2\u{2}>\nbye\n", sh.transcript)
        #expect(sh.run("echo after") == "after\n", sh.transcript)
        #expect(sh.leave() == 0, sh.transcript)
    }

    /// `exit` at the prompt says `exit` on its way out (weir said nothing); in a subshell
    /// it says nothing.
    @Test(arguments: ShellSession.bashAndWeir)
    func exitAtThePromptSaysSo(_ argv: [String]) throws {
        let sh = try ShellSession(argv)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("(exit 3); echo st=$?") == "st=3\n", sh.transcript)
        sh.pty.send("exit 4\r")
        #expect(sh.pty.expect("exit 4\nexit\n"), sh.transcript)
        #expect(sh.pty.wait() == 4, sh.transcript)
    }

    @Test func rawModeProgramStoppedAndResumedGetsItsModesBack() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("weir-test-helper raw\r")
        #expect(sh.pty.expect("raw-ready"), sh.transcript)
        sh.pty.send("m\r")
        #expect(sh.pty.expect("icanon=0 echo=0 isig=0"), sh.transcript)
        sh.pty.send("\u{1a}")
        #expect(sh.pty.expect("Stopped"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        // The shell has its own modes again.
        #expect(sh.run("weir-test-helper modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
        sh.pty.send("fg\r")
        #expect(sh.pty.waitForForeground("weir-test-helper") != nil, sh.transcript)
        // And the job gets its raw modes back.
        sh.pty.send("m\r")
        #expect(sh.pty.expect("icanon=0 echo=0 isig=0"), sh.transcript)
        // Raw again, so `q` alone ends it (no Enter left over for the shell).
        sh.pty.send("q")
        #expect(sh.pty.expect("raw-done"), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("weir-test-helper modes") == "icanon=1 echo=1 isig=1\n", sh.transcript)
    }

    @Test func exitWithAStoppedJobWarnsFirst() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.runThenStop("sleep 20", foreground: "sleep")
        sh.pty.send("exit\r")
        #expect(sh.pty.expect("There are stopped jobs."), sh.transcript)
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("exit\r")
        #expect(sh.pty.wait() != nil, sh.transcript)
    }

    @Test func weirRunFromAnotherShellGivesTheTerminalBack() throws {
        let sh = try ShellSession()  // bash
        #expect(sh.prompt(), sh.transcript)
        sh.pty.send("\(weirBinary) --norc -i\r")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.run("echo inside-weir") == "inside-weir\n", sh.transcript)
        sh.pty.send("exit\r")
        #expect(sh.prompt(), sh.transcript)
        #expect(sh.pty.foregroundProcessGroup == sh.pty.pid, "bash owns the terminal again")
        #expect(sh.run("echo back-in-bash") == "back-in-bash\n", sh.transcript)
    }

    @Test func syntaxErrorAtThePromptIsReportedAndTheShellGoesOn() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        let out = sh.run("echo )") ?? ""
        #expect(out.contains("syntax error"), sh.transcript)
        sh.pty.send("if true; then\r")
        #expect(sh.pty.expect("> "), sh.transcript)
        #expect(sh.run("echo continued; fi") == "continued\n", sh.transcript)
    }

    @Test func finishedBackgroundJobIsReportedBeforeThePrompt() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        let started = sh.run("sleep 0.2 &") ?? ""
        #expect(started.contains("[1] "), sh.transcript)
        var shown = false
        for _ in 0..<20 where !shown {
            usleep(200_000)
            sh.pty.send("\r")
            shown = sh.pty.expect("[1]+  Done", timeout: 0.5)
        }
        #expect(shown, sh.transcript)
        #expect(sh.pty.expect("sleep 0.2"), sh.transcript)
    }

    @Test func backgroundJobReadingTheTerminalIsStoppedAndShown() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        // The stop is shown before the next prompt once cat has tried to read (it may
        // already come with the prompt after `cat &`).
        var shown = (sh.run("cat &") ?? "").contains("Stopped (tty input)")
        for _ in 0..<40 where !shown {
            sh.pty.send("\r")
            shown = sh.pty.expect("Stopped (tty input)", timeout: 0.5)
        }
        #expect(shown, sh.transcript)
        _ = sh.pty.waitUntilIdle()
        _ = sh.run("kill -9 %1")
    }

    @Test func windowResizeIsNoticed() throws {
        let sh = try weir()
        #expect(sh.prompt(), sh.transcript)
        sh.pty.resize(rows: 40, columns: 100)
        // readline redraws the prompt on SIGWINCH; let that settle first.
        _ = sh.pty.waitUntilIdle()
        sh.pty.send("echo size=$COLUMNS,$LINES\r")
        #expect(sh.pty.expect("size=100,40"), sh.transcript)
    }
}
