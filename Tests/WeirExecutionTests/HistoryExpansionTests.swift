import Testing
@testable import WeirExecution

/// `!` history expansion as a pure function of the line and the history.
@Suite struct HistoryExpansionTests {
    let history: [[UInt8]] = ["ls -l /usr/lib/x.tar.gz", "cat a.txt | grep 'two words' >> out", "make all"].map { Array($0.utf8) }

    func expand(_ line: String, _ e: inout HistoryExpansion) -> String {
        switch e.expand(Array(line.utf8), history: history, firstNumber: 10) {
        case .unchanged: return "="
        case .expanded(let l, let p): return String(decoding: l, as: UTF8.self) + (p ? " [p]" : "")
        case .failed(let m): return "error: " + m
        }
    }

    func expand(_ line: String) -> String {
        var e = HistoryExpansion()
        return expand(line, &e)
    }

    @Test func events() {
        #expect(expand("sudo !!") == "sudo make all")
        #expect(expand("!10") == "ls -l /usr/lib/x.tar.gz")
        #expect(expand("!-2") == "cat a.txt | grep 'two words' >> out")
        #expect(expand("!ls") == "ls -l /usr/lib/x.tar.gz")
        #expect(expand("!?grep?") == "cat a.txt | grep 'two words' >> out")
        #expect(expand("echo a !#") == "echo a echo a ")
        #expect(expand("!nope") == "error: !nope: event not found")
        #expect(expand("!13") == "error: !13: event not found")
        #expect(expand("!99999999999999999999999") == "error: !99999999999999999999999: event not found")
        #expect(expand("!-0") == "error: !-0: event not found")
    }

    @Test func wordsFollowTheShellsTokens() {
        #expect(HistoryExpansion.words(of: Array("cat a.txt | grep 'two words' >> out".utf8)).map { String(decoding: $0, as: UTF8.self) }
                == ["cat", "a.txt", "|", "grep", "'two words'", ">>", "out"])
        #expect(expand("echo !-2:4") == "echo 'two words'")
        #expect(expand("echo !-2:$ !-2:^ !-2:1-2") == "echo out a.txt a.txt |")
        #expect(expand("echo !-2:5*") == "echo >> out")
        #expect(expand("echo !-2:4-") == "echo 'two words' >>")
        #expect(expand("echo !-3:9") == "error: :9: bad word specifier")
        #expect(expand("echo !$") == "echo all")
    }

    @Test func modifiers() {
        #expect(expand("echo !ls:$:h !ls:$:t !ls:$:r !ls:$:e") == "echo /usr/lib x.tar.gz /usr/lib/x.tar .gz")
        #expect(expand("!!:s/all/install/") == "make install")
        #expect(expand("!!:gs/a/A/") == "mAke All")
        #expect(expand("!!:s/a/[&]/") == "m[a]ke all")
        #expect(expand("!!:q") == "'make all'")
        #expect(expand("!!:x") == "'make' 'all'")
        #expect(expand("!!:p") == "make all [p]")
        #expect(expand("!!:s/zz/y/") == "error: :s/zz/y/: substitution failed")
        #expect(expand("!!:z") == "error: z: unrecognized history modifier")
        var e = HistoryExpansion()
        #expect(expand("^all^clean^", &e) == "make clean")
        #expect(expand("!!:&", &e) == "make clean")
        #expect(expand("^nothing^x", &e) == "error: :s^nothing^x: substitution failed")
    }

    /// Where `!` is not an event: quotes, escapes, comments, `$!`, `${!x}`, `!(…)`, `!=`.
    @Test func literalBangs() {
        for line in ["echo '!!'", "echo \\!!", "echo $!", "echo ${!name}", "[[ a != b ]]", "echo !(x)", "echo ! x",
                     "echo hi # !!", "echo \"!\""] {
            #expect(expand(line) == "=", "\(line)")
        }
        #expect(expand("echo \"!!\"") == "echo \"make all\"")
        var e = HistoryExpansion()
        e.setCharacters(Array("%^#".utf8))
        #expect(expand("echo %% !!", &e) == "echo make all !!")
    }
}
