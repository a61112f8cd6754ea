import Testing
import WeirTestSupport

/// bash 5.3's `${ list; }` and `${| list; }`, by its manual (bash 5.2, the oracle here,
/// has neither): the list runs in the current shell as an unnamed function would.
@Suite struct FunctionSubstitutionTests {
    func weir(_ script: String) -> ProcessResult { run([weirBinary, "-c", script]) }

    @Test func outputIsCapturedAndEffectsStay() {
        let r = weir("""
            x=${ echo hi; }; echo "[$x] $?"
            y=${ v=set; cd /; echo out; }; echo "[$y] v=$v $PWD"
            w=${ false; }; echo "false: $?"
            m=${ printf 'x\\n\\n'
            echo y
            }; echo "[$m]"
            echo ${ echo joined; }tail "${ printf '%s\\n' 'in quotes'; }"
            n=${ echo a; echo ${ echo b; } $(echo c); }; echo "$n"
            """)
        #expect(r.stdout == "[hi] 0\n[out] v=set /\nfalse: 1\n[x\n\ny]\njoinedtail in quotes\na\nb c\n", "\(r.stderr)")
    }

    @Test func localAndReturnActAsInAFunction() {
        let r = weir("""
            f() { local n=1; z=${ local n=2; echo $n; }; echo "$z $n"; }; f
            s=${ return 3; echo no; }; echo "st=$? [$s]"
            set -- p q; t=${ echo "$#:$1"; }; echo "$t"
            """)
        #expect(r.stdout == "2 1\nst=3 []\n2:p\n", "\(r.stderr)")
    }

    @Test func replyIsTheValueAndLocal() {
        let r = weir("""
            r=${| REPLY=value; echo to-stdout; }; echo "[$r] ${REPLY-unset}"
            REPLY=orig; r=${| echo "in: ${REPLY-unset}"; REPLY=$'two\\n\\n'; }; printf '[%s] %s\\n' "$r" "$REPLY"
            """)
        #expect(r.stdout == "to-stdout\n[value] unset\nin: unset\n[two\n\n] orig\n", "\(r.stderr)")
    }

    @Test func exitEndsTheShellAndAnUnclosedOneIsASyntaxError() {
        let r = weir("x=${ echo a; exit 4; }; echo not-reached")
        #expect(r.status == 4 && r.stdout == "", "\(r.stderr)")
        let bad = weir("x=${ echo a")
        #expect(bad.status == 2 && bad.stderr.contains("${"), "\(bad.stderr)")
    }
}
