import Testing
@testable import WeirExpansion

/// `${x#p}` `${x##p}` `${x%p}` `${x%%p}` and `${x/p/r}` against bash 5.2's answers.
@Suite struct PatternSubstitutionTests {
    @Test(arguments: PatternTables.shortestPrefixRemoved)
    func shortestPrefix(_ pattern: String, _ subject: String, _ expected: String) {
        let p = ShellPattern(pattern)
        #expect(p.removeMatchingPrefix(from: subject, longest: false) == expected, "${\(subject)#\(pattern)}")
        let i = p.shortestPrefix(of: subject)
        #expect(subject.bytes(from: i ?? 0) == expected)
    }

    @Test(arguments: PatternTables.longestPrefixRemoved)
    func longestPrefix(_ pattern: String, _ subject: String, _ expected: String) {
        let p = ShellPattern(pattern)
        #expect(p.removeMatchingPrefix(from: subject, longest: true) == expected, "${\(subject)##\(pattern)}")
        let i = p.longestPrefix(of: subject)
        #expect(subject.bytes(from: i ?? 0) == expected)
    }

    @Test(arguments: PatternTables.shortestSuffixRemoved)
    func shortestSuffix(_ pattern: String, _ subject: String, _ expected: String) {
        let p = ShellPattern(pattern)
        #expect(p.removeMatchingSuffix(from: subject, longest: false) == expected, "${\(subject)%\(pattern)}")
        let i = p.shortestSuffix(of: subject)
        #expect(subject.bytes(upTo: i ?? subject.utf8.count) == expected)
    }

    @Test(arguments: PatternTables.longestSuffixRemoved)
    func longestSuffix(_ pattern: String, _ subject: String, _ expected: String) {
        let p = ShellPattern(pattern)
        #expect(p.removeMatchingSuffix(from: subject, longest: true) == expected, "${\(subject)%%\(pattern)}")
        let i = p.longestSuffix(of: subject)
        #expect(subject.bytes(upTo: i ?? subject.utf8.count) == expected)
    }

    @Test(arguments: PatternTables.replacements)
    func replace(_ mode: ReplaceMode, _ pattern: String, _ subject: String, _ replacement: String, _ expected: String) {
        let got = ShellPattern(pattern).replace(in: subject, with: replacement, mode: mode, ampersandIsMatch: true)
        #expect(got == expected, "\(mode) pattern \(pattern) in \(subject) with \(replacement)")
    }

    @Test(arguments: PatternTables.caseInsensitiveReplacements)
    func replaceWithNocasematch(_ mode: ReplaceMode, _ pattern: String, _ subject: String, _ replacement: String, _ expected: String) {
        let got = ShellPattern(pattern, caseInsensitive: true).replace(in: subject, with: replacement, mode: mode, ampersandIsMatch: true)
        #expect(got == expected, "\(mode) pattern \(pattern) in \(subject) with \(replacement)")
    }

    @Test func offsetsAreCharacterAligned() {
        let s = "e\u{301}x"  // one Character, two code points (1 + 2 bytes), then x
        let p = ShellPattern("?")
        let i = p.shortestPrefix(of: s)!
        #expect(i == 1)
        #expect(s.bytes(from: i) == "\u{301}x")
        #expect(p.removeMatchingPrefix(from: s, longest: false) == "\u{301}x")
        #expect(ShellPattern("?x").removeMatchingSuffix(from: s, longest: false) == "e")
        #expect(ShellPattern("*").longestPrefix(of: s) == s.utf8.count)
        #expect(ShellPattern("*").shortestPrefix(of: s) == 0)
        #expect(ShellPattern("*").longestSuffix(of: s) == 0)
        #expect(ShellPattern("*").shortestSuffix(of: s) == s.utf8.count)
        #expect(ShellPattern("z").longestPrefix(of: s) == nil)
        #expect(ShellPattern("z").shortestSuffix(of: s) == nil)
        #expect(ShellPattern("é").replace(in: "café crème", with: "e", mode: .all, ampersandIsMatch: false) == "cafe crème")
    }

    @Test func replacementIsVerbatimWithoutPatsubReplacement() {
        let p = ShellPattern("b")
        #expect(p.replace(in: "abc", with: "[&]", mode: .first, ampersandIsMatch: false) == "a[&]c")
        #expect(p.replace(in: "abc", with: "\\\\&", mode: .first, ampersandIsMatch: false) == "a\\\\&c")
        #expect(p.replace(in: "abc", with: "[&]", mode: .first, ampersandIsMatch: true) == "a[b]c")
        #expect(p.replace(in: "abc", with: "\\&", mode: .first, ampersandIsMatch: true) == "a&c")
        #expect(p.replace(in: "abc", with: "\\\\&", mode: .first, ampersandIsMatch: true) == "a\\bc")
        #expect(p.replace(in: "abc", with: "\\q", mode: .first, ampersandIsMatch: true) == "a\\qc")
    }

    @Test func emptyPatternAndEmptySubject() {
        let empty = ShellPattern("")
        #expect(empty.replace(in: "abc", with: "z", mode: .first, ampersandIsMatch: true) == "abc")
        #expect(empty.replace(in: "abc", with: "z", mode: .all, ampersandIsMatch: true) == "abc")
        #expect(empty.replace(in: "abc", with: "<&>", mode: .prefix, ampersandIsMatch: true) == "<>abc")
        #expect(empty.replace(in: "abc", with: "<&>", mode: .suffix, ampersandIsMatch: true) == "abc<>")
        #expect(empty.replace(in: "", with: "z", mode: .prefix, ampersandIsMatch: true) == "z")
        // bash 5.2: on an empty subject only a pattern that begins with `*` matches in
        // the /, // and /# forms; /% takes any pattern that matches the empty string.
        #expect(ShellPattern("*(x)").replace(in: "", with: "z", mode: .all, ampersandIsMatch: true) == "z")
        #expect(ShellPattern("?(x)").replace(in: "", with: "z", mode: .all, ampersandIsMatch: true) == "")
        #expect(ShellPattern("?(x)").replace(in: "", with: "z", mode: .prefix, ampersandIsMatch: true) == "")
        #expect(ShellPattern("?(x)").replace(in: "", with: "z", mode: .suffix, ampersandIsMatch: true) == "z")
        // .all copies a character after an empty match and stops at the end.
        #expect(ShellPattern("*(b)").replace(in: "abc", with: "z", mode: .all, ampersandIsMatch: true) == "zazzc")
    }

    /// Where weir deliberately differs from bash 5.2 (its `*` + extglob quirk, which it
    /// also applies as a pre-check before `${x/%p/r}`).
    @Test func bashQuirksNotReproduced() {
        // bash leaves "a" alone: its pre-check `*!(a)` fails on "a". The empty suffix
        // does match `!(a)`.
        #expect(ShellPattern("!(a)").replace(in: "a", with: "<&>", mode: .suffix, ampersandIsMatch: true) == "a<>")
    }

    @Test func longStringsStayLinear() {
        let path = String(repeating: "dir/", count: 5000) + "file.tar.gz"
        #expect(ShellPattern("*/").removeMatchingPrefix(from: path, longest: true) == "file.tar.gz")
        #expect(ShellPattern("*/").removeMatchingPrefix(from: path, longest: false) == String(path.dropFirst(4)))
        #expect(ShellPattern(".*").removeMatchingSuffix(from: path, longest: false) == String(path.dropLast(3)))
        #expect(ShellPattern(".*").removeMatchingSuffix(from: path, longest: true) == String(path.dropLast(7)))
        #expect(ShellPattern("/").replace(in: path, with: ":", mode: .all, ampersandIsMatch: false).utf8.filter { $0 == 58 }.count == 5000)
        #expect(ShellPattern("d*r").replace(in: path, with: "", mode: .all, ampersandIsMatch: false) == ".gz")
        #expect(ShellPattern("d?r").replace(in: path, with: "", mode: .all, ampersandIsMatch: false) == String(repeating: "/", count: 5000) + "file.tar.gz")
        #expect(ShellPattern("+(dir/)").replace(in: path, with: "", mode: .all, ampersandIsMatch: false) == "file.tar.gz")
    }
}
