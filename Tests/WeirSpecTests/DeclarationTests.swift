import Testing
import WeirTestSupport

/// `builtin declare …` and `command typeset …` are declarations too: their array
/// literals are arrays and their values are not split. bash 5.3 does this (the
/// conformance suite expects it); bash 5.2, installed here, rejects the arrays, so these
/// cases are checked here rather than against it.
@Suite struct DeclarationTests {
    @Test func declarationsBehindBuiltinAndCommand() {
        let r = run([weirBinary, "-c", """
            x='a b'
            builtin declare a=(x y); declare -p a
            command typeset b=(1 2 3); echo "len=${#b[@]}"
            \\builtin declare d=$x; echo "$d"
            'builtin' declare e=$x; echo "$e"
            command -- declare c=(q); declare -p c
            """])
        #expect(r.stdout == """
            declare -a a=([0]="x" [1]="y")
            len=3
            a b
            a b
            declare -a c=([0]="q")

            """, "\(r.stderr)")
    }
}
