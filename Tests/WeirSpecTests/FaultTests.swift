import Glibc
import Testing
import WeirTestSupport

/// Faults must give clear messages and POSIX statuses, and a long run must leave no
/// zombie and no descriptor behind.
@Suite struct FaultTests {
    func weir(_ script: String) -> ProcessResult {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        return run([weirBinary, "-c", script], directory: dir)
    }

    @Test(.timeLimit(.minutes(5)))
    func tenThousandPipelinesLeaveNoZombiesAndNoDescriptors() {
        // Descriptors are compared by number (with their targets in the message). Each
        // listing is taken three times and only what all three show counts: `ls` runs in
        // a child of the command substitution and may look while the shell is between
        // fork and closing the substitution pipe's write end.
        let r = weir("""
            list() { ls -l /proc/$$/fd | awk 'NR > 1 { printf "%s%s ", $9, $11 }'; }
            b1=$(list); b2=$(list); b3=$(list)
            i=0
            while [ $i -lt 10000 ]; do
              echo x | /bin/cat > /dev/null
              i=$((i+1))
            done
            a1=$(list); a2=$(list); a3=$(list)
            zombies=$(ps -o stat= --ppid $$ | grep -c Z)
            printf '%s\n' "$b1" "$b2" "$b3" "$a1" "$a2" "$a3" "$zombies $i"
            """)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 7, "\(r.stdout) \(r.stderr)")
        if lines.count >= 7 {
            func numbers(_ l: String) -> Set<String> { Set(l.split(separator: " ").map { String($0.prefix { $0.isNumber }) }) }
            let before = numbers(lines[0]).intersection(numbers(lines[1])).intersection(numbers(lines[2]))
            let after = numbers(lines[3]).intersection(numbers(lines[4])).intersection(numbers(lines[5]))
            #expect(before == after, "descriptors before: \(lines[0...2]); after: \(lines[3...5])")
            #expect(lines[6] == "0 10000", "zombies and iterations: \(lines[6])")
        }
    }

    /// Lengths at the top of the 64-bit range stop at the end of the value (bash 5.2
    /// aborts on the first one under LC_ALL=C, so it cannot be the oracle here).
    @Test func hugeSubstringLengthsAreClampedNotACrash() {
        let r = weir("""
            x=abc; echo "[${x:1:9223372036854775807}]"
            set -- a b; echo "${@:1:9223372036854775807}"
            a=(p q r); echo "${a[@]:1:9223372036854775807}"
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[bc]\na b\nq r\n", "\(r.stdout)")
    }

    @Test func commandThatCannotBeSpawned() {
        var r = weir("nonexistent-command-xyz; echo $?")
        #expect(r.stdout == "127\n")
        #expect(r.stderr == "weir: -c:1: nonexistent-command-xyz: command not found\n")
        r = weir("printf 'echo hi' > f; ./f; echo $?")
        #expect(r.stdout == "126\n")
        #expect(r.stderr.contains("weir: -c:1: ./f: Permission denied"))
        r = weir("mkdir d; ./d; echo $?")
        #expect(r.stdout == "126\n")
        #expect(r.stderr == "weir: -c:1: ./d: Is a directory\n")
    }

    @Test func scriptWithoutShebangRunsInWeir() {
        let r = weir("printf 'echo from script $1\\n' > s; chmod +x s; ./s arg; echo $?")
        #expect(r.stdout == "from script arg\n0\n")
    }

    @Test func failedRedirection() {
        let r = weir("echo hi > /nonexistent/x; echo status=$?; cat < missing; echo status=$?")
        #expect(r.stdout == "status=1\nstatus=1\n")
        #expect(r.stderr == "weir: -c:1: /nonexistent/x: No such file or directory\nweir: -c:1: missing: No such file or directory\n")
    }

    /// A runtime message names the file and line of the command (`weir: FILE:LINE: …`).
    @Test func runtimeMessagesCarryTheirPlace() {
        let r = weir("true\n\nnonexistent-command-xyz\nf() {\n  cat < missing\n}\nf")
        #expect(r.stderr == "weir: -c:3: nonexistent-command-xyz: command not found\nweir: -c:5: missing: No such file or directory\n")
    }

    @Test func readonlyVariableAssigned() {
        let r = weir("readonly x=1; x=2; echo not reached")
        #expect(r.stdout == "")
        #expect(r.status == 1)
        #expect(r.stderr == "weir: -c:1: x: readonly variable\n")
    }

    @Test func exitInsidePipelineEndsOnlyThatStage() {
        let r = weir("exit 3 | echo still; echo status=$?; echo x | { read v; exit 4; }; echo status=$?")
        #expect(r.stdout == "still\nstatus=0\nstatus=4\n")
        #expect(r.status == 0)
    }

    @Test func syntaxErrorInScriptExitsTwo() {
        let r = weir("echo before\nif then\necho after")
        #expect(r.stdout == "before\n")
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("weir: -c:2:4: syntax error"))
    }

    @Test func largeHereDocumentDoesNotDeadlock() {
        // A 1 MiB body: more than a pipe holds, so it goes through a temporary file.
        let r = weir("""
            line=0123456789012345678901234567890123456789012345678901234567890123
            body=$(i=0; while [ $i -lt 16384 ]; do echo $line; i=$((i+1)); done)
            eval "cat <<EOF
            $body
            EOF" | wc -c
            """)
        #expect(r.stdout.trimmingNewline().split(separator: " ").last == "1064960", "\(r.stdout) \(r.stderr)")
    }

    @Test func fifoRedirectionDoesNotBlockTheShell() {
        let r = weir("""
            mkfifo p
            cat p > out &
            echo through-fifo > p
            wait
            cat out
            """)
        #expect(r.stdout == "through-fifo\n")
    }
}

extension String {
    func trimmingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// The static release executable must not use glibc's NSS (a static `getpwnam`
    /// dlopens `libnss_systemd` and crashes). `.ci/run` builds it before the tests.
    @Test func staticExecutableLooksUpUsersWithoutNSS() {
        let release = packageRoot + "/.build/release/weir"
        guard access(release, X_OK) == 0 else { return }
        let r = run([release, "-c", "echo ~no_such_user_weir ~root; cd ~root && pwd"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "~no_such_user_weir /root\n/root\n")
    }
}
