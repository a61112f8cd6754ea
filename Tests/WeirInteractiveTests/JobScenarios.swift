import Testing
import WeirTestSupport

/// `sleep` stopped with Ctrl-Z, brought back with `fg`, then ended with Ctrl-C: run
/// against bash (proving the harness) and against weir. `stopReport` is the part of
/// the stop message the shell must print.
func runStopFgInterruptScenario(_ sh: ShellSession, stopReport: String) {
    #expect(sh.prompt(), sh.transcript)
    sh.pty.send("sleep 10\r")
    let job = sh.pty.waitForForeground("sleep")
    #expect(job != nil && job != sh.pty.pid, sh.transcript)
    sh.pty.send("\u{1a}")
    #expect(sh.pty.expect(stopReport), sh.transcript)
    #expect(sh.prompt(), sh.transcript)
    #expect(sh.pty.foregroundProcessGroup == sh.pty.pid, "the shell took the terminal back")
    let jobs = sh.run("jobs") ?? ""
    #expect(jobs.contains("[1]+") && jobs.contains("Stopped") && jobs.contains("sleep 10"), sh.transcript)
    sh.pty.send("fg\r")
    #expect(sh.pty.expect("sleep 10"), sh.transcript)
    #expect(sh.pty.waitForForeground("sleep") == job, sh.transcript)
    sh.pty.send("\u{03}")
    #expect(sh.prompt(), sh.transcript)
    #expect(sh.run("echo status=$?") == "status=130\n", sh.transcript)
    #expect(sh.run("jobs") == "", sh.transcript)
}
