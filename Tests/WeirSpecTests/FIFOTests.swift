import Glibc
import Testing
import WeirTestSupport

/// Named pipes across two weir processes, and the private FIFO directory of process
/// substitution: nothing of weir's is left behind, however weir ends.
@Suite struct FIFOTests {
    func environment(tmp: String) -> [String] { ["PATH=/usr/bin:/bin", "TMPDIR=\(tmp)", "LC_ALL=C"] }

    @Test func twoWeirProcessesTalkThroughAFIFO() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary, "-c", """
            mkfifo chat
            "$1" -c 'cat chat' > heard &
            "$1" -c 'echo hello > chat'
            wait
            cat heard
            """, "sh", weirBinary], directory: dir)
        #expect(r.stdout == "hello\n", "\(r.stderr)")
    }

    @Test func theDirectoryGoesAtANormalExit() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary, "-c", "diff <(echo a) <(echo a) && ls \"$TMPDIR\" | wc -l; ( cat <(echo in a subshell) )"],
                    directory: dir, environment: environment(tmp: dir))
        #expect(r.stdout == "1\nin a subshell\n", "while running, one private directory: \(r.stderr)")
        #expect(listDirectory(dir).isEmpty, "left: \(listDirectory(dir))")
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func theDirectoryGoesWhenASignalEndsWeir(_ signal: Int32) {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        // weir starts a substitution, then waits; the outer weir signals it once the
        // directory is there. (A background job of a script ignores SIGINT: env gives
        // the inner weir its default back, as a terminal's foreground job has it.)
        let r = run([weirBinary, "-c", """
            env --default-signal=INT "$1" -c 'cat <(echo x) > /dev/null; : <(sleep 30); sleep 30' &
            pid=$!
            i=0; while [ -z "$(ls "$TMPDIR")" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done
            before=$(ls "$TMPDIR" | wc -l)
            kill -\(signal) $pid
            wait $pid
            echo "status $? before $before after $(ls "$TMPDIR" | wc -l)"
            """, "sh", weirBinary], directory: dir, environment: environment(tmp: dir))
        #expect(r.stdout == "status \(128 + signal) before 1 after 0\n", "\(r.stderr)")
    }
}
