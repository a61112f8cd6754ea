import Testing
import WeirTestSupport

/// What weir says about itself (no bash to check these against): BASH_VERSION is not
/// set, so scripts do not take weir for bash; WEIR_VERSION is; WEIRPID is the real pid.
@Suite struct IdentityTests {
    @Test func versionVariables() {
        let r = run([weirBinary, "-c", "echo \"${BASH_VERSION-unset} ${WEIR_VERSION:+set}\"; [[ $WEIR_VERSION =~ ^[0-9]+\\.[0-9]+ ]] && echo numbered"])
        #expect(r.stdout == "unset set\nnumbered\n", "\(r.stderr)")
    }

    @Test func weirpidIsTheRealPid() {
        let r = run([weirBinary, "-c", "[ \"$WEIRPID\" = \"$$\" ] && echo same; ( [ \"$WEIRPID\" != \"$$\" ] && echo differs-in-subshell )"])
        #expect(r.stdout == "same\ndiffers-in-subshell\n", "\(r.stderr)")
    }
}
