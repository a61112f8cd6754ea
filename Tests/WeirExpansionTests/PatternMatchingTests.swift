import Testing
@testable import WeirExpansion

/// Whole-string matching (`case`, `[[ == ]]`): the tables hold what bash 5.2 answered.
@Suite struct PatternMatchingTests {
    @Test(arguments: PatternTables.matches)
    func matchesLikeBash(_ pattern: String, _ subject: String, _ expected: Bool) {
        #expect(ShellPattern(pattern).matches(subject) == expected, "[[ \(subject) == \(pattern) ]]")
    }

    @Test(arguments: PatternTables.caseInsensitiveMatches)
    func matchesLikeBashWithNocasematch(_ pattern: String, _ subject: String, _ expected: Bool) {
        #expect(ShellPattern(pattern, caseInsensitive: true).matches(subject) == expected,
                "nocasematch: [[ \(subject) == \(pattern) ]]")
    }

    static let basics: [(String, String, Bool)] = [
        ("", "", true),
        ("", "a", false),
        ("abc", "abc", true),
        ("a*", "a/b/c", true),          // no FNM_PATHNAME outside pathname expansion
        ("*", ".profile", true),        // no special leading dot outside pathname expansion
        ("[[:alpha:]]", "é", true),
        ("???", "a€😀", true),          // 1, 3 and 4 UTF-8 bytes: one scalar each
        ("??", "a€😀", false),
        ("*😀", "a€😀", true),
        ("[😀-😂]", "😁", true),
        ("[!😀]", "😀", false),
        ("\u{301}", "\u{301}", true),   // a combining mark is a character of its own
        ("e?", "e\u{301}", true),
        ("?", "e\u{301}", false),
        ("a\\*", "a*", true),
        ("a\\*", "ab", false),
        ("\\[a]", "[a]", true),
        ("[a\\]]", "]", true),
        ("[[:digit:]x]", "x", true),
        ("[[.space.]]", " ", true),
        ("*(a|b)c", String(repeating: "ab", count: 50) + "c", true),
    ]

    @Test(arguments: basics)
    func basicMatches(_ pattern: String, _ subject: String, _ expected: Bool) {
        #expect(ShellPattern(pattern).matches(subject) == expected, "[[ \(subject) == \(pattern) ]]")
    }

    @Test func extglobOffMakesOperatorsLiteral() {
        let p = ShellPattern("@(a|b)", extglob: false)
        #expect(p.matches("@(a|b)"))
        #expect(!p.matches("a"))
        #expect(ShellPattern("*(a)", extglob: false).matches("x(a)"))
        #expect(ShellPattern("?(a)", extglob: false).matches("x(a)"))
        #expect(!ShellPattern("+(a)", extglob: false).hasWildcards)
    }

    /// Where weir deliberately differs from bash 5.2, whose matcher has these quirks.
    @Test func bashQuirksNotReproduced() {
        // bash: a `*` followed by an extglob group never lets the group match the empty
        // string at the end, so [[ a == *!(a) ]] is false there. Here `*` takes "a".
        #expect(ShellPattern("*!(a)").matches("a"))
        // bash: [[ 'a\' == *\ ]] is false although [[ 'abc\' == abc\ ]] is true; here a
        // trailing backslash is a literal backslash in both.
        #expect(ShellPattern("*\\").matches("a\\"))
        #expect(ShellPattern("abc\\").matches("abc\\"))
    }

    /// As bash's glob_pattern_p: a `[` counts when any `]` follows, an extglob
    /// operator when its `(` does (well formed or not).
    static let wildcardCases: [(String, Bool)] = [
        ("abc", false), ("a*", true), ("a?", true), ("[ab]", true), ("a[", false), ("[]", true),
        ("]a[", false), ("[]]", true), ("a\\*", false), ("\\?\\[x]", false), ("[x\\]", false),
        ("@(a)", true), ("!(a)", true), ("+(a)", true), ("@(a", true), ("a|b", false), ("(a)", false),
        ("\\@(a)", false), ("x\\", false), ("", false), ("é", false), ("[é]", true),
    ]

    @Test(arguments: wildcardCases)
    func hasWildcards(_ pattern: String, _ expected: Bool) {
        #expect(ShellPattern(pattern).hasWildcards == expected, "\(pattern)")
    }

    static let literals = ["", "plain", "*", "a?b", "[x]", "a\\b", "@(a|b)", "!(x)", "+(y)", "a-b^c", "]", "\\", "é*ü", "x|y", "(z)", "&"]

    @Test(arguments: literals)
    func escapeMakesALiteralPattern(_ s: String) {
        let escaped = ShellPattern.escape(s)
        let p = ShellPattern(escaped)
        #expect(!p.hasWildcards, "\(escaped)")
        #expect(p.matches(s), "\(escaped)")
        #expect(ShellPattern.unescape(escaped) == s)
        // Inside a bracket expression too: [\]] [\-] [\^] [\!]
        if s.unicodeScalars.count == 1 {
            #expect(ShellPattern("[" + escaped + "]").matches(s), "[\(escaped)]")
            #expect(ShellPattern("x@(" + escaped + "|y)").matches("x" + s), "@(\(escaped)|y)")
        }
    }

    @Test func unescape() {
        #expect(ShellPattern.unescape("a\\*b") == "a*b")
        #expect(ShellPattern.unescape("\\\\") == "\\")
        #expect(ShellPattern.unescape("a\\") == "a\\")
        #expect(ShellPattern.unescape("\\é") == "é")
        #expect(ShellPattern.unescape("plain") == "plain")
    }

    @Test func fileNameRules() {
        let star = ShellPattern("*")
        #expect(star.matchesFileName("a", dotglob: false))
        #expect(!star.matchesFileName(".a", dotglob: false))
        #expect(star.matchesFileName(".a", dotglob: true))
        #expect(!star.matchesFileName(".", dotglob: true))
        #expect(!star.matchesFileName("..", dotglob: true))
        #expect(ShellPattern(".*").matchesFileName(".a", dotglob: false))
        #expect(!ShellPattern(".*").matchesFileName("..", dotglob: false))
        #expect(ShellPattern("\\.a").matchesFileName(".a", dotglob: false))
        #expect(!ShellPattern("[.]a").matchesFileName(".a", dotglob: false))
        #expect(!ShellPattern("?a").matchesFileName(".a", dotglob: false))
        #expect(ShellPattern("@(.a|b)").matchesFileName(".a", dotglob: false))
        #expect(ShellPattern("*(.)*").matchesFileName(".a", dotglob: false))
        #expect(!ShellPattern("!(b)").matchesFileName(".a", dotglob: false))
        #expect(ShellPattern("!(b)").matchesFileName(".a", dotglob: true))
    }

    /// Patterns that are exponential for a naive backtracker finish at once.
    @Test func noBlowUp() {
        let long = String(repeating: "a", count: 3000)
        #expect(!ShellPattern("*a*a*a*a*a*a*a*a*b").matches(long))
        #expect(ShellPattern("*a*a*a*a*a*a*a*a*").matches(long))
        #expect(!ShellPattern("+(a|aa)b").matches(long))
        #expect(!ShellPattern("*(a|a)*(a)b").matches(long))
        #expect(ShellPattern("+(+(a)|b)").matches(long))
        #expect(!ShellPattern("!(*a)").matches(long))
        #expect(ShellPattern("@(*a)").removeMatchingSuffix(from: long, longest: false) == String(long.dropLast()))
        #expect(ShellPattern("+(a)").replace(in: long + "b" + long, with: "x", mode: .all, ampersandIsMatch: false) == "xbx")
    }
}
