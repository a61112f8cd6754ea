import Testing
import WeirSyntax
@testable import WeirExecution

/// The lines of one command typed at the prompt, joined into one history entry as bash
/// joins them. Each expectation is what bash 5.2's `history` listed for the same lines,
/// except where a comment says where weir keeps the command's meaning and bash does not.
@Suite struct HistoryEntryTests {
    /// Feeds the lines as the prompt does: each one after the parser found the text
    /// before it incomplete.
    func entry(_ lines: [String]) -> String {
        var text = ByteString(lines[0])
        var entry = HistoryEntry(firstLine: text)
        for line in lines.dropFirst() {
            var error: SyntaxError?
            do {
                _ = try Parser(source: SourceFile(name: "stdin", text: text + "\n")).parseProgram()
            } catch let e as SyntaxError {
                error = e
            } catch {}
            // A line continuation parses; the prompt reads on all the same.
            entry.add(ByteString(line), after: error ?? SyntaxError("the line continues", at: 0, incomplete: true),
                      aliases: nil)
            text += "\n" + ByteString(line)
        }
        return String(decoding: entry.text(aliases: nil).bytes, as: UTF8.self)
    }

    @Test func separatorsWhereTheyMayStandSpacesWhereTheyMayNot() {
        #expect(entry(["for i in 1 2; do", "echo $i", "done"]) == "for i in 1 2; do echo $i; done")
        #expect(entry(["if true", "then echo a", "fi"]) == "if true; then echo a; fi")
        #expect(entry(["f() {", "echo", "}"]) == "f() { echo; }")
        #expect(entry(["echo a |", "cat"]) == "echo a | cat")
        #expect(entry(["echo a &&", "echo b"]) == "echo a && echo b")
        #expect(entry(["(echo a", "echo b)"]) == "(echo a; echo b)")
        #expect(entry(["{", "echo a", "}"]) == "{ echo a; }")
        #expect(entry(["for i", "in 1; do :; done"]) == "for i in 1; do :; done")
        #expect(entry(["function g", "{ :; }"]) == "function g { :; }")
        #expect(entry(["f2()", "{ :; }"]) == "f2() { :; }")
        #expect(entry(["if", "true; then :; fi"]) == "if true; then :; fi")
        #expect(entry(["x=(", "a", "b)"]) == "x=( a b)")
        #expect(entry(["f3() (echo", ")"]) == "f3() (echo; )")
        #expect(entry(["case x in", "x)", "echo y", ";;", "esac"]) == "case x in x) echo y; ;; esac")
        // bash keeps this newline (its delimiter stack counts `$(`); a separator means the same.
        #expect(entry(["echo $(echo a", "echo b)"]) == "echo $(echo a; echo b)")
    }

    @Test func newlinesThatArePartOfTheTextStay() {
        #expect(entry(["echo 'a", "b'"]) == "echo 'a\nb'")
        #expect(entry(["echo \"a", "b\" |", "cat"]) == "echo \"a\nb\" | cat")
        #expect(entry(["cat <<EOF", "x", "EOF"]) == "cat <<EOF\nx\nEOF")
        // bash makes this `${x:-a; b}`, another word.
        #expect(entry(["echo ${x:-a", "b}"]) == "echo ${x:-a\nb}")
        // A backslash in single quotes is text too.
        #expect(entry(["echo 'a\\", "b'"]) == "echo 'a\\\nb'")
    }

    @Test func aCommentKeepsItsNewlineAndAContinuationIsTakenOut() {
        #expect(entry(["for i in 1 # c", "do echo; done"]) == "for i in 1 # c\ndo echo; done")
        // bash leaves a comment-only line out (`if true; then\necho x; fi`); weir keeps it.
        #expect(entry(["if true; then", "# note", "echo x", "fi"]) == "if true; then # note\necho x; fi")
        #expect(entry(["echo a\\", "b"]) == "echo ab")
        #expect(entry(["for i in 1 2 \\", "3; do echo $i; done"]) == "for i in 1 2 3; do echo $i; done")
        // `#` inside a word or quotes is no comment (bash keeps a newline here all the same).
        #expect(entry(["for i in a#b '#'", "do :; done"]) == "for i in a#b '#'; do :; done")
    }

    /// bash lists `while false;  do :; done`, with two spaces.
    @Test func blankLinesAddNothing() {
        #expect(entry(["while false", "", "do :; done"]) == "while false; do :; done")
    }

    /// Past `linesCheckedByParsing` lines (a script pasted at the prompt) the previous
    /// line's last token chooses the joint, and the whole entry is checked once: a body of
    /// plain commands is still one line; what that rule gets wrong is kept as typed.
    @Test func aLongPasteIsJoinedByTheLastToken() {
        let body = (1...150).map { "echo \($0)" }
        #expect(entry(["f() {"] + body + ["}"]) == "f() { " + body.joined(separator: "; ") + "; }")
        let items = (1...60).flatMap { ["v\($0))", "echo \($0)", ";;"] }
        let typed = ["case x in"] + items + ["esac"]
        #expect(entry(typed) == typed.joined(separator: "\n"))
    }

    /// A single line is kept as typed; one command over lines never becomes text that
    /// reads differently.
    @Test func oneLineIsKeptAsTyped() {
        #expect(entry(["echo   a ; "]) == "echo   a ; ")
    }
}
