import Testing
import WeirTestSupport
@testable import WeirSyntax

@Suite struct SyntaxErrorTests {
    /// Input, the line:column the error points at, a piece of its message, and whether
    /// the input is merely incomplete.
    static let cases: [(String, String, String, Bool)] = [
        ("if true; then\n  echo\n", "3:1", "expected `fi` to close `if` at 1:1", true),
        ("\n\nwhile a\ndo b", "4:5", "expected `done` to close `do` at 4:1", true),
        ("for x in a b\n", "2:1", "expected `do` to close `for` at 1:1", true),
        ("case x in a) b;;", "1:17", "expected `esac` to close `case` at 1:1", true),
        ("{ a; ", "1:6", "expected `}` to close `{` at 1:1", true),
        ("( a", "1:4", "expected `)` to close `(` at 1:1", true),
        ("echo 'abc", "1:6", "unterminated single quote", true),
        ("echo \"abc\n", "1:6", "unterminated double quote", true),
        ("echo $(ls", "1:10", "expected `)` to close `$(` at 1:6", true),
        ("echo ${x", "1:9", "`}`", true),
        ("echo `ls", "1:6", "unterminated backquote", true),
        ("echo $((1 + 2", "1:14", "expected `))` to close `$((` at 1:6", true),
        ("a |", "1:4", "expected a command after `|`", true),
        ("a &&\n", "2:1", "expected a command after `&&`", true),
        ("cat <<EOF\nbody\n", "1:5", "here-document delimited by `EOF` is not terminated", true),
        ("cat <<EOF", "1:5", "here-document delimited by `EOF` is not terminated", true),
        ("[[ a ", "1:6", "expected `]]` to close `[[` at 1:1", true),
        ("if then fi", "1:4", "expected a command after `if`, found `then`", false),
        ("echo a )", "1:8", "unexpected `)`", false),
        ("fi", "1:1", "unexpected `fi`", false),
        ("| a", "1:1", "unexpected `|`", false),
        ("a && && b", "1:6", "unexpected `&&`", false),
        ("a ;; b", "1:3", "unexpected `;;`", false),
        ("if a; then fi", "1:12", "expected a command after `then`, found `fi`", false),
        ("( )", "1:3", "expected a command after `(`", false),
        ("{ }", "1:3", "expected a command after `{`", false),
        ("echo >\n", "1:7", "expected a file name after `>`, found newline", false),
        ("echo >", "1:7", "expected a file name after `>`, found end of input", true),
        ("echo > ;", "1:8", "expected a file name after `>`, found `;`", false),
        ("f() echo", "1:5", "expected a compound command as the body of function `f`", false),
        ("case x a) ;; esac", "1:8", "expected `in` to close `case` at 1:1", false),
        ("[[ -f ]]", "1:7", "expected an operand after `-f`", false),
        ("[[ a b ]]", "1:6", "expected a test operator", false),
        ("while a; done", "1:10", "expected `do` to close `while` at 1:1", false),
        ("a & & b", "1:5", "unexpected `&`", false),
    ]

    @Test(arguments: cases)
    func reportsError(_ input: String, _ position: String, _ message: String, _ incomplete: Bool) {
        guard let e = syntaxError(input) else {
            Issue.record("\(input) parsed")
            return
        }
        let source = SourceFile(name: "-c", text: input)
        #expect(source.position(of: e.offset).description == position, "\(input): \(e.message)")
        #expect(e.message.contains(message), "\(input): \(e.message)")
        #expect(e.incomplete == incomplete, "\(input): \(e.message)")
    }

    @Test func rendersFileLineColumnSourceLineAndCaret() {
        let text = "echo ok\nif true; then\n\techo x )\nfi\n"
        let source = SourceFile(name: "script.sh", text: text)
        guard let e = syntaxError(text) else { Issue.record("parsed"); return }
        let rendered = e.render(in: source)
        #expect(rendered == "weir: script.sh:3:9: syntax error: expected `fi` to close `if` at 2:1, found `)`\n\techo x )\n\t       ^\n")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for (open, close) in [("( ", ")"), ("$(", ")"), ("{ ", "; }"), ("\"$(", ")\"")] {
            var text = "echo "
            if open == "( " || open == "{ " { text = "" }
            text += String(repeating: open, count: 10_000) + "a" + String(repeating: close, count: 10_000)
            let e = syntaxError(text)
            #expect(e?.message.contains("nesting deeper than") == true, "\(open): \(String(describing: e))")
        }
        let arith = "echo $((" + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "))"
        #expect(flat(arith).contains("(invalid \"expression nested too deeply\")"))
    }

    @Test func moderateNestingParses() {
        let text = String(repeating: "(", count: 150) + "a" + String(repeating: ")", count: 150)
        #expect(syntaxError(text) == nil)
    }
}

/// Line continuations vanish before tokens are formed, but places stay those of the
/// source: an error after one points at the right line and column.
@Suite struct LineContinuationTests {
    @Test func aContinuationInsideAnOperatorOrReservedWordIsRemoved() throws {
        #expect(ast("true &\\\n& echo x") == ast("true && echo x"))
        #expect(ast("i\\\nf true; then :; f\\\ni") == ast("if true; then :; fi"))
        #expect(ast("echo $\\\nx ${\\\ny}") == ast("echo $x ${y}"))
        #expect(ast("a\\\n=1 b=2\\\n3 cmd") == ast("a=1 b=23 cmd"))
    }

    @Test func aContinuationStaysInSingleQuotesAndComments() throws {
        #expect(ast("echo 'a\\\nb'") != ast("echo 'ab'"))
        #expect(ast("echo x # c \\\necho y") == ast("echo x\necho y"))
    }

    @Test func anErrorAfterAContinuationIsPlacedInTheSource() {
        let text = "echo a \\\n  b; fi"
        guard let e = syntaxError(text) else { Issue.record("parsed"); return }
        let p = SourceFile(name: "-c", text: ByteString(text)).position(of: e.offset)
        #expect(p.line == 2 && p.column == 6, "\(p)")
    }
}
