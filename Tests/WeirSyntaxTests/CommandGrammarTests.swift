import Testing
import WeirTestSupport
@testable import WeirSyntax

/// One case per grammar rule of the command language: the input and a piece of the
/// printed tree (whitespace folded) that shows the rule did its work.
@Suite struct CommandGrammarTests {
    static let cases: [(String, String)] = [
        // program, next_command, complete_command, list, newline_list, linebreak
        ("a; b & c\n\nd", "(program (list (simple (word \"a\")) (background (simple (word \"b\"))) (simple (word \"c\"))) (list (simple (word \"d\"))))"),
        ("a &", "(list (background (simple (word \"a\"))))"),
        // and_or
        ("a && b || c", "(and-or (simple (word \"a\")) && (simple (word \"b\")) || (simple (word \"c\")))"),
        ("a &&\n\n b", "(and-or (simple (word \"a\")) && (simple (word \"b\")))"),
        // pipeline, pipeline_prefix
        ("! a | b |& c", "(pipeline ! (simple (word \"a\")) | (simple (word \"b\")) |& (simple (word \"c\")))"),
        ("time -p a | b", "(pipeline (time (word \"-p\")) (simple (word \"a\")) | (simple (word \"b\")))"),
        ("trace --json -o out.txt sort f", "(pipeline (trace (word \"--json\") (word \"-o\") (word \"out.txt\")) (simple (word \"sort\") (word \"f\")))"),
        ("time", "(pipeline (time))"),
        ("a |\n b", "(pipeline (simple (word \"a\")) | (simple (word \"b\")))"),
        // simple_command, assignment, array_literal, array key
        ("a=1 b+=2 cmd x", "(simple (assign \"a\" = (word \"1\")) (assign \"b\" += (word \"2\")) (word \"cmd\") (word \"x\"))"),
        ("arr=(x 'y z' [3]=w)", "(assign \"arr\" = (array (word \"x\") (word (sq \"y z\")) (keyed (word \"3\") (word \"w\"))))"),
        ("a[i+1]=v", "(assign \"a\" = (subscript (word \"i+1\")) (word \"v\"))"),
        ("x=a y", "(simple (assign \"x\" = (word \"a\")) (word \"y\"))"),
        ("echo a=b", "(simple (word \"echo\") (word \"a=b\"))"),
        ("local -a xs=(1 2) y=~/b", "(word (lit \"xs=\") (array (word \"1\") (word \"2\")))"),
        ("> out echo 2>&1 hi", "(simple (word \"echo\") (word \"hi\") (redirect > (word \"out\")) (redirect >& fd=2 (word \"1\")))"),
        // compound commands
        ("{ a; b; }", "(brace-group (list (simple (word \"a\")) (simple (word \"b\"))))"),
        ("(a)", "(subshell (list (simple (word \"a\"))))"),
        ("if a; then b; elif c; then d; else e; fi", "(if (condition (list (simple (word \"a\")))) (then (list (simple (word \"b\")))) (elif (list (simple (word \"c\")))) (then (list (simple (word \"d\")))) (else (list (simple (word \"e\")))))"),
        ("while a; do b; done", "(while (list (simple (word \"a\"))) (do (list (simple (word \"b\")))))"),
        ("until a\ndo b\ndone", "(until (list (simple (word \"a\"))) (do (list (simple (word \"b\")))))"),
        ("for i in a b; do c; done", "(for \"i\" (in (word \"a\") (word \"b\")) (do (list (simple (word \"c\")))))"),
        ("for i\ndo c; done", "(for \"i\" (do (list (simple (word \"c\")))))"),
        ("for i; { c; }", "(for \"i\" (do (list (simple (word \"c\")))))"),
        ("for ((i=0; i<3; i++)); do c; done", "(arith-for (init (i = 0)) (cond (i < 3)) (step (i++)) (do"),
        ("for ((;;)) { c; }", "(arith-for (init) (cond) (step) (do"),
        ("select x in a b; do c; done", "(select \"x\" (in (word \"a\") (word \"b\"))"),
        ("case $x in a|b) c;; (d) e;& f) g;;& *) ;; esac", "(case (word (param x)) (item ;; (patterns (word \"a\") (word \"b\")) (list (simple (word \"c\")))) (item ;& (patterns (word \"d\")) (list (simple (word \"e\")))) (item ;;& (patterns (word \"f\")) (list (simple (word \"g\")))) (item ;; (patterns (word \"*\"))))"),
        ("case x in\n a) b\n esac", "(item ;; (patterns (word \"a\")) (list (simple (word \"b\")))))"),
        ("case x in esac", "(case (word \"x\"))"),
        ("[[ -f x && ( a == b* || ! c =~ ^d+$ ) ]]", "([[ (&& (test -f (word \"x\")) (group (|| (test == (word \"a\") (word \"b*\")) (! (test =~ (word \"c\") (word \"^d+$\")))))))"),
        ("[[ a < b ]]", "(test < (word \"a\") (word \"b\"))"),
        ("[[ $x ]]", "([[ (word (param x)))"),
        ("[[ $x =~ (a|b)c ]]", "(test =~ (word (param x)) (word \"(a|b)c\"))"),
        ("((x = 1 + 2))", "(arith-cmd (x = (1 + 2)))"),
        ("((a)); ((b))", "(arith-cmd a) (arith-cmd b)"),
        ("((echo a); (echo b))", "(subshell (list (subshell"),
        // functions and coproc
        ("f() { a; }", "(function \"f\" (brace-group (list (simple (word \"a\")))))"),
        ("function g { a; } > out", "(function \"g\" (brace-group (list (simple (word \"a\")))) (redirect > (word \"out\")))"),
        ("function h() ( a )", "(function \"h\" (subshell"),
        ("f()\n{ a; }", "(function \"f\" (brace-group"),
        ("coproc W { a; }", "(coproc \"W\" (brace-group"),
        ("coproc cat -n", "(coproc (simple (word \"cat\") (word \"-n\")))"),
        // redirections: every operator
        ("a < i > o >| c >> p <> rw <&3 >&- 3>&4- &> all &>> app", "(redirect < (word \"i\")) (redirect > (word \"o\")) (redirect >| (word \"c\")) (redirect >> (word \"p\")) (redirect <> (word \"rw\")) (redirect <& (word \"3\")) (redirect >& (word \"-\")) (redirect >& fd=3 (word \"4-\")) (redirect &> (word \"all\")) (redirect &>> (word \"app\"))"),
        ("exec {fd}>file 4<&-", "(redirect > var=fd (word \"file\")) (redirect <& fd=4 (word \"-\"))"),
        ("cat <<< \"$x\"", "(redirect <<< (word (dq (param x))))"),
        ("{ a; } 2>/dev/null", "(redirections (redirect > fd=2 (word \"/dev/null\")))"),
        // reserved words are reserved only in command position
        ("echo if then fi done", "(simple (word \"echo\") (word \"if\") (word \"then\") (word \"fi\") (word \"done\"))"),
        ("echo {", "(word \"{\")"),
        // comments and continuations
        ("echo a # comment\necho b", "(list (simple (word \"echo\") (word \"a\"))) (list (simple (word \"echo\") (word \"b\")))"),
        ("echo a#b", "(word \"a#b\")"),
        ("ec\\\nho hi", "(simple (word \"echo\") (word \"hi\"))"),
    ]

    @Test(arguments: cases)
    func parsesRule(_ input: String, _ expected: String) {
        let tree = flat(input)
        #expect(tree.contains(expected), "\(input)\n got: \(tree)")
    }

    @Test func hereDocumentsAreReadAfterTheLine() throws {
        let text = "cat <<A <<-'B'; echo x\nbody $y\nA\n\t\tlit $z\n\tB\necho after\n"
        let tree = flat(text)
        #expect(tree.contains("(redirect << delimiter=\"A\" (word (lit \"body \") (param y) (lit \"\\n\")))"), "\(tree)")
        #expect(tree.contains("(redirect <<- delimiter=\"B\" quoted (word \"lit $z\\n\"))"), "\(tree)")
        #expect(tree.contains("(list (simple (word \"echo\") (word \"after\")))"), "\(tree)")
    }

    @Test func hereDocumentInsideCommandSubstitution() {
        let tree = flat("x=$(cat <<EOF\nin $a\nEOF\n)\necho $x")
        #expect(tree.contains("(command-sub (list (simple (word \"cat\") (redirect << delimiter=\"EOF\" (word (lit \"in \") (param a) (lit \"\\n\"))))))"), "\(tree)")
    }

    @Test func hereDocumentBackslashesAndQuotes() {
        let tree = flat("cat <<E\n\"q\" 'a' \\$x \\n\nE")
        #expect(tree.contains("(word (lit \"\\\"q\\\" 'a' \") (escaped \"$\") (lit \"x \\\\n\\n\"))"), "\(tree)")
    }

    @Test func aliasesExpandInCommandPosition() throws {
        final class Table: AliasResolving {
            func alias(named name: ByteString) -> ByteString? {
                (["ll": "ls -l ", "q": "quiet", "loop": "while true; do"] as [ByteString: ByteString])[name]
            }
        }
        let p = Parser(source: SourceFile(name: "t", text: "ll q x\nq ll\nloop a; done"), aliases: Table())
        let tree = ASTPrinter.print(try p.parseProgram())
        let f = tree.split(separator: "\n").map { $0.trimmingCharacters() }.joined(separator: " ")
        #expect(f.contains("(word \"ls\") (word \"-l\") (word \"quiet\") (word \"x\")"), "\(f)")
        #expect(f.contains("(word \"quiet\") (word \"ll\")"), "\(f)")
        #expect(f.contains("(while"), "\(f)")
    }

    @Test func commandsCanBeReadOneAtATime() throws {
        let p = Parser(source: SourceFile(name: "t", text: "a\nb; c\n\n"))
        var count = 0
        while let list = try p.parseNextCommand() {
            count += 1
            #expect(!list.items.isEmpty)
        }
        #expect(count == 2)
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(drop { $0 == " " }) }
}
