import Testing
import WeirTestSupport
@testable import WeirSyntax

/// Every word form: the argument of `echo` and a piece of its printed tree.
@Suite struct WordTests {
    static let cases: [(String, String)] = [
        ("'a b'", "(sq \"a b\")"),
        ("\"a $b ${c} $(d) `e` $((1+2)) \\$ \\\" \\x\"", "(dq (lit \"a \") (param b) (lit \" \") (param c) (lit \" \") (command-sub (list (simple (word \"d\")))) (lit \" \") (backquote (list (simple (word \"e\")))) (lit \" \") (arith-sub (1 + 2)) (lit \" \") (escaped \"$\") (lit \" \") (escaped \"\\\"\") (lit \" \\\\x\"))"),
        ("$'a\\tb\\n\\x41\\101\\u00e9\\cA\\e\\''", "(ansi-c \"a\\tb\\nAAé\\x01\\x1b'\")"),
        ("$\"loc\"", "(dq (lit \"loc\"))"),
        ("a\\ b\\'c", "(lit \"a\") (escaped \" \") (lit \"b\") (escaped \"'\") (lit \"c\")"),
        ("$x$1$10$@$*$#$?$-$$$!$0", "(param x) (param 1) (param 1) (lit \"0\") (param @) (param *) (param #) (param ?) (param -) (param $) (param !) (param 0)"),
        ("${10} ${#} ${#x} ${!x} ${!p*} ${!p@} ${!a[@]} ${a[i]} ${a[@]} ${a[*]}", "(param 10)"),
        ("${#x}", "(param x length)"),
        ("${!x}", "(param x indirect)"),
        ("${!pre*}", "(param pre (op names *))"),
        ("${!a[@]}", "(param a indirect [@])"),
        ("${a[i+1]}", "(param a (index (word \"i+1\")))"),
        ("${#a[@]}", "(param a length [@])"),
        ("${x:-d}", "(op :- (word \"d\"))"),
        ("${x-d}", "(op - (word \"d\"))"),
        ("${x:=d}", "(op := (word \"d\"))"),
        ("${x=d}", "(op = (word \"d\"))"),
        ("${x:?msg}", "(op :? (word \"msg\"))"),
        ("${x?}", "(op ? (word))"),
        ("${x:+a b}", "(op :+ (word \"a b\"))"),
        ("${x+\"q\"}", "(op + (word (dq (lit \"q\"))))"),
        ("${x#*/}", "(op # (word \"*/\"))"),
        ("${x##*/}", "(op ## (word \"*/\"))"),
        ("${x%.*}", "(op % (word \".*\"))"),
        ("${x%%.*}", "(op %% (word \".*\"))"),
        ("${x/a/b}", "(op / (word \"a\") (word \"b\"))"),
        ("${x//a/b}", "(op // (word \"a\") (word \"b\"))"),
        ("${x/#a/b}", "(op /# (word \"a\") (word \"b\"))"),
        ("${x/%a}", "(op /% (word \"a\"))"),
        ("${x:1:2}", "(op : (word \"1\") (word \"2\"))"),
        ("${x: -1}", "(op : (word \" -1\"))"),
        ("${x^}", "(op ^)"),
        ("${x^^[a-c]}", "(op ^^ (word \"[a-c]\"))"),
        ("${x,}", "(op ,)"),
        ("${x,,}", "(op ,,)"),
        ("${x@Q} ${x@E} ${x@P} ${x@A}", "(param x (op @Q))) (word (param x (op @E))) (word (param x (op @P))) (word (param x (op @A)))"),
        // The first `}` ends the expansion, as in bash and dash: `{` is not counted.
        ("${x:-{a}}", "(param x (op :- (word \"{a\"))) (lit \"}\")"),
        ("${x#{}", "(op # (word \"{\"))"),
        ("\"${x:-'a'}\"", "(dq (param x (op :- (word \"'a'\"))))"),
        ("${x#'*'}", "(op # (word (sq \"*\")))"),
        ("${a b}", "(bad-substitution \"${a b}\")"),
        ("$(case x in a) b;; esac)", "(command-sub (list (case (word \"x\") (item ;; (patterns (word \"a\")) (list (simple (word \"b\")))))))"),
        ("$( )", "(command-sub)"),
        ("`echo \\`inner\\``", "(backquote (list (simple (word \"echo\") (word (backquote (list (simple (word \"inner\"))))))))"),
        ("\"`echo \\\"q\\\"`\"", "(dq (backquote (list (simple (word \"echo\") (word (dq (lit \"q\")))))))"),
        ("$((x += 2, y = x ? 1 : 0))", "(arith-sub ((x += 2) , (y = (x ? 1 : 0))))"),
        ("$((16#ff + 0x10 + 010 + 2#101))", "(arith-sub (((255 + 16) + 8) + 5))"),
        ("$(($x + 1))", "(arith-sub (dynamic (word (param x) (lit \" + 1\"))))"),
        ("$((1 +))", "(arith-sub (invalid"),
        ("$((a) | b)", "(command-sub (list (pipeline (subshell"),
        ("$[1+2]", "(arith-sub (1 + 2))"),
        ("<(sort a) >(wc -l)", "(proc-sub < (list (simple (word \"sort\") (word \"a\"))))) (word (proc-sub > (list (simple (word \"wc\") (word \"-l\")))))"),
        ("~ ~/x ~root/y a~", "(word (tilde \"\")) (word (tilde \"\") (lit \"/x\")) (word (tilde \"root\") (lit \"/y\")) (word \"a~\")"),
        ("*.txt ?x [a-z]*", "(word \"*.txt\") (word \"?x\") (word \"[a-z]*\")"),
        ("@(a|b) !(x) *(y) +(z) ?(w|v)", "(extglob @ (word \"a\") (word \"b\"))) (word (extglob ! (word \"x\"))) (word (extglob * (word \"y\"))) (word (extglob + (word \"z\"))) (word (extglob ? (word \"w\") (word \"v\")))"),
        ("f@(a|*.c)", "(word (lit \"f\") (extglob @ (word \"a\") (word \"*.c\")))"),
        ("{a,b}c", "(word (brace (word \"a\") (word \"b\")) (lit \"c\"))"),
        ("{a,{b,c}}", "(brace (word \"a\") (word (brace (word \"b\") (word \"c\"))))"),
        ("{1..10..2} {a..e} {01..3}", "(brace-seq \"1\" \"10\" \"2\")) (word (brace-seq \"a\" \"e\")) (word (brace-seq \"01\" \"3\"))"),
        ("{} {a} {a,b", "(word \"{}\") (word \"{a}\") (word \"{a,b\")"),
        ("{\"a b\",$c}", "(brace (word (dq (lit \"a b\"))) (word (param c)))"),
    ]

    @Test(arguments: cases)
    func parsesWordForm(_ word: String, _ expected: String) {
        let tree = flat("echo " + word)
        #expect(tree.contains(expected), "\(word)\n got: \(tree)")
    }

    @Test func assignmentValuesExpandTildesAfterColons() {
        #expect(flat("PATH=~/bin:~x/y").contains("(word (tilde \"\") (lit \"/bin:\") (tilde \"x\") (lit \"/y\"))"))
        #expect(flat("x={a,b}").contains("(word \"{a,b}\")"))
    }

    @Test func quotedHereDocDelimiters() {
        for d in ["'E'", "\"E\"", "\\E", "E\"\""] {
            #expect(flat("cat <<\(d)\n$x\nE").contains("delimiter=\"E\" quoted (word \"$x\\n\")"), "\(d)")
        }
    }

    @Test func invalidUTF8AndNULStayInTheTree() throws {
        let bytes: [UInt8] = Array("echo a".utf8) + [0xFF, 0x00, 0xC3] + Array(" b\n".utf8)
        let program = try Parser(source: SourceFile(name: "t", bytes: bytes)).parseProgram()
        guard case .simple(let s) = program.commands[0].items[0].andOr.first.commands[0] else {
            Issue.record("not a simple command")
            return
        }
        #expect(s.words.count == 3)
    }
}

@Suite struct ArithmeticTests {
    static let cases: [(String, String)] = [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("2 ** 3 ** 2", "(2 ** (3 ** 2))"),
        ("-2 ** 2", "((-2) ** 2)"),
        ("a = b = 3", "(a = (b = 3))"),
        ("a <<= 1", "(a <<= 1)"),
        ("x++ + ++y", "((x++) + (++y))"),
        ("!a && ~b || c", "(((!a) && (~b)) || c)"),
        ("a | b ^ c & d", "(a | (b ^ (c & d)))"),
        ("a == b != c", "((a == b) != c)"),
        ("a < b <= c > d >= e", "((((a < b) <= c) > d) >= e)"),
        ("1 << 2 >> 3", "((1 << 2) >> 3)"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("1, 2, 3", "((1 , 2) , 3)"),
        ("7 / 2 % 3 - 1", "(((7 / 2) % 3) - 1)"),
        ("a[i + 1] += 2", "(a[i + 1] += 2)"),
        ("64#_ + 36#Z + 8#17", "((63 + 35) + 15)"),
        ("0x1F + 017 + 0", "((31 + 15) + 0)"),
    ]

    @Test(arguments: cases)
    func parsesExpression(_ text: String, _ expected: String) throws {
        switch ArithmeticParser.parse(Array(text.utf8)) {
        case .success(let e): #expect(ASTPrinter.arith(e) == expected, "\(text)")
        case .failure(let f): Issue.record("\(text): \(f.message)")
        }
    }

    @Test(arguments: ["1 +", "(1", "09", "2#2", "1 = 2", "a ? b", "* 3", "65#1"])
    func rejectsInvalidExpression(_ text: String) {
        if case .success(let e) = ArithmeticParser.parse(Array(text.utf8)) {
            Issue.record("\(text) parsed as \(ASTPrinter.arith(e))")
        }
    }

    @Test func invalidArithmeticIsReportedWhenEvaluated() throws {
        // Like bash, `weir -n` accepts it: the error belongs to the moment it runs.
        #expect(syntaxError("echo $((1 +))") == nil)
        #expect(flat("echo $((1 +))").contains("(invalid \"syntax error: operand expected"))
    }
}
