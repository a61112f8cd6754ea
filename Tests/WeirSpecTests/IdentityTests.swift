import Testing
import WeirTestSupport

/// What weir says about itself (no bash to check these against): BASH_VERSION is not
/// set under weir's own name, so scripts do not take weir for bash; WEIR_VERSION is;
/// WEIRPID is the real pid.
@Suite struct IdentityTests {
    /// `-l`, or an argv[0] that begins with `-` (login(1), sshd), makes a login shell:
    /// it reads ~/.profile first, shopt's login_shell is on, and `logout` leaves it.
    @Test func loginShell() {
        let home = makeTemporaryDirectory(prefix: "weir-login-")
        defer { removeTree(home) }
        writeFileBytes(home + "/.profile", Array("echo profile-read\n".utf8))
        let env = ["HOME=\(home)", "PATH=/usr/bin:/bin"]
        var r = run([weirBinary, "-l", "-c", "shopt -q login_shell && echo login; logout 5; echo not reached"],
                    environment: env)
        #expect(r.stdout == "profile-read\nlogin\n", "\(r.stderr)")
        #expect(r.status == 5)
        r = run(["/bin/bash", "-c", "exec -a -weir \"$0\" -c 'shopt login_shell'", weirBinary], environment: env)
        #expect(r.stdout == "profile-read\nlogin_shell    \ton\n", "\(r.stderr)")
        r = run([weirBinary, "-c", "shopt -q login_shell || echo not-login; logout; echo \"status $?\""], environment: env)
        #expect(r.stdout == "not-login\nstatus 1\n")
        #expect(r.stderr == "weir: -c:1: logout: not login shell: use `exit'\n")
    }

    @Test func versionVariables() {
        let r = run([weirBinary, "-c", "echo \"${BASH_VERSION-unset} ${WEIR_VERSION:+set}\"; [[ $WEIR_VERSION =~ ^[0-9]+\\.[0-9]+ ]] && echo numbered"])
        #expect(r.stdout == "unset set\nnumbered\n", "\(r.stderr)")
    }

    @Test func weirpidIsTheRealPid() {
        let r = run([weirBinary, "-c", "[ \"$WEIRPID\" = \"$$\" ] && echo same; ( [ \"$WEIRPID\" != \"$$\" ] && echo differs-in-subshell )"])
        #expect(r.stdout == "same\ndiffers-in-subshell\n", "\(r.stderr)")
    }
}
