import WeirSyntax

/// How `ShellPattern.replace` chooses what to replace: `${x/p/r}` (`.first`),
/// `${x//p/r}` (`.all`), `${x/#p/r}` (`.prefix`) and `${x/%p/r}` (`.suffix`).
public enum ReplaceMode: Sendable {
    case first, all, prefix, suffix
}

/// A shell pattern. Special: `*` `?` `[...]` (with `!` or `^` negation, ranges,
/// `[:alpha:]`-style classes, `[=c=]`, `[.c.]`, and `]` literal when first), and with
/// extglob `@(a|b)` `!(a|b)` `*(a|b)` `+(a|b)` `?(a|b)` (nestable). A backslash makes the
/// next character literal: the caller escapes quoted text that way (so the pattern `\*`
/// matches only `*`); a trailing lone backslash stands for itself. A `[` without a
/// closing `]`, and an extglob operator without a closing `)`, are literal.
///
/// Matching works on the locale's characters (see `ShellLocale`): under a UTF-8 locale
/// `?` matches `é` whole and ranges compare code points; under `C` every byte is a
/// character. As in bash, a pattern or subject that is not valid UTF-8 is matched byte
/// by byte. Offsets returned by the prefix/suffix functions are byte offsets on character
/// boundaries (a pattern may split a combining sequence, as bash does).
///
/// A pattern is compiled once at `init` (about 100 ns for a short one: the expander may
/// build one per expansion). Matching allocates nothing for patterns without extglob
/// groups; groups are matched on bit sets of positions in temporary storage (on the
/// stack for short subjects), so no pattern backtracks exponentially.
///
/// Where bash 5.2's matcher has bugs, this one does the regular thing: in bash a `*`
/// directly followed by an extglob group never lets the group match at the very end
/// (`[[ a == *!(a) ]]` is false there, true here), a pattern ending in `\*` after a
/// leading `*` is mis-prechecked by `${x/p/r}`, a group with an empty alternative is
/// mis-measured by `${x//p/r}`, and `[[ 'a\' == *\ ]]` is false.
public final class ShellPattern: Sendable {
    let program: PatternProgram
    /// The same pattern compiled to match bytes, for a subject that is not valid UTF-8
    /// (bash falls back to bytes for the whole match then); nil when `program` already
    /// matches bytes.
    let bytewiseFallback: BytewisePattern?
    /// A literal with at most one `*` at an end: prefixes and suffixes by byte search.
    let literalShape: LiteralPattern?

    public init(_ pattern: ByteString, extglob: Bool = true, caseInsensitive: Bool = false) {
        literalShape = caseInsensitive ? nil : LiteralPattern(pattern, extglob: extglob)
        let bytewise = !ShellLocale.isUTF8 || !pattern.withUnsafeBufferPointer(patternIsValidUTF8)
        program = PatternProgram(pattern, extglob: extglob, caseInsensitive: caseInsensitive, bytewise: bytewise)
        bytewiseFallback = bytewise ? nil : BytewisePattern(pattern, extglob: extglob, caseInsensitive: caseInsensitive)
    }

    /// The program that matches `subject`: characters when it is valid UTF-8 (or plain
    /// ASCII), bytes otherwise.
    @inline(__always)
    func program(for subject: UnsafeBufferPointer<UInt8>) -> PatternProgram {
        guard let f = bytewiseFallback, !patternIsValidUTF8(subject) else { return program }
        return f.program
    }

    /// Whether a word with this pattern needs pathname expansion, by bash's rule
    /// (glob_pattern_p): an unescaped `*` or `?`, an unescaped `[` with a `]` anywhere
    /// after it, or with extglob an unescaped `+(`, `@(` or `!(`. So `[]` and `@(a`
    /// count (they then match only themselves, and nullglob removes them), `a[` does not.
    public var hasWildcards: Bool { program.hasWildcards }

    /// Whether the pattern matches the whole of `s` (`case`, `[[ s == p ]]`).
    public func matches(_ s: ByteString) -> Bool {
        s.withUnsafeBufferPointer { buf in
            let prog = program(for: buf)
            return prog.withMatcher(buf) { m in m.match(prog.topStart, prog.topEnd, 0, buf.count) }
        }
    }

    /// Whether a file name matches, with the rules of pathname expansion for a leading
    /// `.`: such a name matches only when `dotglob` is set or the pattern itself begins
    /// with a `.`; `.` and `..` never match.
    public func matchesFileName(_ name: ByteString, dotglob: Bool) -> Bool {
        if name.first == UInt8(ascii: ".") {
            if name == "." || name == ".." { return false }
            if !dotglob && !program.allowsLeadingDot { return false }
        }
        return matches(name)
    }

    // MARK: - Prefixes and suffixes

    /// `${x##p}`: the end (a byte offset) of the longest prefix of `s` that the pattern matches.
    public func longestPrefix(of s: ByteString) -> Int? {
        s.withUnsafeBufferPointer { prefixEnd($0, longest: true) }
    }

    /// `${x#p}`: the end of the shortest prefix of `s` that the pattern matches.
    public func shortestPrefix(of s: ByteString) -> Int? {
        s.withUnsafeBufferPointer { prefixEnd($0, longest: false) }
    }

    /// `${x%%p}`: the start (a byte offset) of the longest suffix of `s` that the pattern matches.
    public func longestSuffix(of s: ByteString) -> Int? {
        s.withUnsafeBufferPointer { suffixStart($0, longest: true) }
    }

    /// `${x%p}`: the start of the shortest suffix of `s` that the pattern matches.
    public func shortestSuffix(of s: ByteString) -> Int? {
        s.withUnsafeBufferPointer { suffixStart($0, longest: false) }
    }

    /// `${x#p}` (`longest: false`) and `${x##p}` (`longest: true`): `s` without the
    /// matching prefix, or `s` when no prefix matches.
    public func removeMatchingPrefix(from s: ByteString, longest: Bool) -> ByteString {
        guard let k = s.withUnsafeBufferPointer({ prefixEnd($0, longest: longest) }) else { return s }
        return k == 0 ? s : s.slice(k..<s.count)
    }

    /// `${x%p}` (`longest: false`) and `${x%%p}` (`longest: true`): `s` without the
    /// matching suffix, or `s` when no suffix matches.
    public func removeMatchingSuffix(from s: ByteString, longest: Bool) -> ByteString {
        guard let k = s.withUnsafeBufferPointer({ suffixStart($0, longest: longest) }) else { return s }
        return k == s.count ? s : s.slice(0..<k)
    }

    /// The byte offset where the longest or shortest matching prefix ends.
    func prefixEnd(_ buf: UnsafeBufferPointer<UInt8>, longest: Bool) -> Int? {
        if let l = literalShape { return l.prefixEnd(buf, longest: longest) }
        let prog = program(for: buf)
        return prog.withMatcher(buf) { m in
            let n = buf.count
            let ps = prog.topStart, pe = prog.topEnd
            if prog.fixedLength >= 0 {
                guard let k = m.advance(0, by: prog.fixedLength, limit: n) else { return nil }
                return m.match(ps, pe, 0, k) ? k : nil
            }
            if prog.hasGroups {
                return m.withPositionSet { cur in
                    cur.insert(0)
                    m.advance(ps, pe, cur)
                    return longest ? cur.last() : cur.first()
                }
            }
            if longest && prog.endsWithStar {
                // Any matching prefix extends to the whole string.
                return m.match(ps, pe, 0, n) ? n : nil
            }
            let last = pe - 1
            let filter = m.ops[last].kind != .star && m.ops[last].kind != .group
            if longest {
                var k = n
                while true {
                    if !filter || (k > 0 && m.acceptsScalar(at: m.previousStart(k), last)) {
                        if m.match(ps, pe, 0, k) { return k }
                    }
                    if k == 0 { return nil }
                    k = m.previousStart(k)
                }
            } else {
                var k = 0
                while true {
                    if !filter || (k > 0 && m.acceptsScalar(at: m.previousStart(k), last)) {
                        if m.match(ps, pe, 0, k) { return k }
                    }
                    if k >= n { return nil }
                    k = m.next(k)
                }
            }
        }
    }

    /// The byte offset where the longest or shortest matching suffix starts.
    func suffixStart(_ buf: UnsafeBufferPointer<UInt8>, longest: Bool) -> Int? {
        if let l = literalShape { return l.suffixStart(buf, longest: longest) }
        let prog = program(for: buf)
        return prog.withMatcher(buf) { m in
            let n = buf.count
            let ps = prog.topStart, pe = prog.topEnd
            if prog.fixedLength >= 0 {
                guard let k = m.retreat(n, by: prog.fixedLength) else { return nil }
                return m.match(ps, pe, k, n) ? k : nil
            }
            if longest && prog.beginsWithStar {
                return m.match(ps, pe, 0, n) ? 0 : nil
            }
            if longest {
                var k = 0
                while true {
                    if m.match(ps, pe, k, n) { return k }
                    if k >= n { return nil }
                    k = m.next(k)
                }
            } else {
                var k = n
                while true {
                    if m.match(ps, pe, k, n) { return k }
                    if k == 0 { return nil }
                    k = m.previousStart(k)
                }
            }
        }
    }

    // MARK: - Escaping

    /// The characters `escape` protects: everything that can be special somewhere in a
    /// pattern (`-` `^` `!` `]` in brackets, `|` `(` `)` in extglob groups).
    static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"),
             UInt8(ascii: "!"), UInt8(ascii: "^"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// Backslash-escapes every character special to patterns, so that the result
    /// matches exactly `literal`.
    public static func escape(_ literal: ByteString) -> ByteString {
        guard literal.contains(where: isSpecial) else { return literal }
        var out: [UInt8] = []
        out.reserveCapacity(literal.count + 8)
        for b in literal {
            if isSpecial(b) { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        return ByteString(out)
    }

    /// Removes backslash escapes: `\x` becomes `x`; a trailing lone backslash stays.
    public static func unescape(_ pattern: ByteString) -> ByteString {
        guard pattern.contains(UInt8(ascii: "\\")) else { return pattern }
        var out: [UInt8] = []
        out.reserveCapacity(pattern.count)
        var escaped = false
        for b in pattern {
            if !escaped && b == UInt8(ascii: "\\") {
                escaped = true
                continue
            }
            escaped = false
            out.append(b)
        }
        if escaped { out.append(UInt8(ascii: "\\")) }
        return ByteString(out)
    }
}

/// A pattern's bytewise program, compiled the first time a subject needs it.
final class BytewisePattern: @unchecked Sendable {
    let text: ByteString
    let extglob: Bool
    let caseInsensitive: Bool
    private var compiled: PatternProgram?

    init(_ text: ByteString, extglob: Bool, caseInsensitive: Bool) {
        self.text = text
        self.extglob = extglob
        self.caseInsensitive = caseInsensitive
    }

    var program: PatternProgram {
        if let p = compiled { return p }
        let p = PatternProgram(text, extglob: extglob, caseInsensitive: caseInsensitive, bytewise: true)
        compiled = p
        return p
    }
}

extension PatternMatcher {
    /// The byte offset `count` scalars after `i`, or nil past `limit`.
    @inline(__always)
    func advance(_ i: Int, by count: Int, limit: Int) -> Int? {
        var k = i
        var c = count
        while c > 0 {
            if k >= limit { return nil }
            k = next(k)
            c -= 1
        }
        return k
    }

    /// The byte offset `count` scalars before `i`, or nil before the start.
    @inline(__always)
    func retreat(_ i: Int, by count: Int) -> Int? {
        var k = i
        var c = count
        while c > 0 {
            if k <= 0 { return nil }
            k = previousStart(k)
            c -= 1
        }
        return k
    }
}
