import WeirSyntax

// ${x/p/r} and its variants, as bash 5.2's pat_subst does them.

/// The replacement text of `${x/p/r}`, with bash 5.2's patsub_replacement rules applied
/// once: `&` stands for the matched text, `\&` is a literal `&`, `\\` a literal `\`,
/// and every other character (a backslash before anything else included) stands for
/// itself.
struct PatternReplacement {
    /// The replacement with the matched text left out.
    var text: [UInt8] = []
    /// Offsets in `text` where the matched text goes, in order.
    var holes: [Int] = []

    init(_ replacement: ByteString, ampersandIsMatch: Bool) {
        text.reserveCapacity(replacement.count)
        guard ampersandIsMatch else {
            text.append(replacement)
            return
        }
        var escaped = false
        for b in replacement {
            if escaped {
                if b != UInt8(ascii: "&") && b != UInt8(ascii: "\\") { text.append(UInt8(ascii: "\\")) }
                text.append(b)
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else if b == UInt8(ascii: "&") {
                holes.append(text.count)
            } else {
                text.append(b)
            }
        }
        if escaped { text.append(UInt8(ascii: "\\")) }
    }

    func append(to out: inout [UInt8], match: UnsafeBufferPointer<UInt8>.SubSequence) {
        if holes.isEmpty {
            out.append(contentsOf: text)
            return
        }
        var from = 0
        for h in holes {
            out.append(contentsOf: text[from..<h])
            out.append(contentsOf: match)
            from = h
        }
        out.append(contentsOf: text[from...])
    }

    /// The replacement for an empty match.
    var forEmptyMatch: ByteString {
        ByteString(text)
    }
}

extension ShellPattern {
    /// `${x/p/r}` (`.first`), `${x//p/r}` (`.all`), `${x/#p/r}` (`.prefix`),
    /// `${x/%p/r}` (`.suffix`), following bash 5.2:
    /// - a match is the leftmost, and the longest at that position;
    /// - `.all` resumes after each match; after an empty match it copies one character,
    ///   and it does not try the empty string at the very end (`${x//*(b)/z}` on `abc`
    ///   is `zazzc`);
    /// - an empty pattern replaces nothing with `.first`/`.all`, and with `.prefix` or
    ///   `.suffix` inserts the replacement at the start or end;
    /// - when `s` is empty, `.suffix` replaces if the pattern matches the empty string,
    ///   but `.first`, `.all` and `.prefix` only if, moreover, the pattern text begins
    ///   with `*` (bash 5.2: `${x/?(a)/r}` with `x` empty is empty, `${x/*(a)/r}` is `r`).
    ///
    /// With `ampersandIsMatch` (bash's `patsub_replacement`, on by default), the
    /// replacement is processed as bash's `strcreplace` does: an `&` stands for the
    /// matched text, `\&` for a literal `&`, `\\` for a literal `\`; a backslash before
    /// any other character is kept with it. So the caller passes the unquoted parts of
    /// the expanded replacement word as they are, and escapes every `\` and `&` that
    /// came from quoting (`"&"`, `'&'`, `\&`, `"$var"`) with a backslash. Without
    /// `ampersandIsMatch` the replacement is used verbatim.
    public func replace(in s: ByteString, with replacement: ByteString, mode: ReplaceMode,
                        ampersandIsMatch: Bool) -> ByteString {
        let rep = PatternReplacement(replacement, ampersandIsMatch: ampersandIsMatch)
        if program.isEmptySource {
            switch mode {
            case .prefix: return rep.forEmptyMatch + s
            case .suffix: return s + rep.forEmptyMatch
            case .first, .all: return s
            }
        }
        return s.withUnsafeBufferPointer { buf -> ByteString in
            let prog = program(for: buf)
            let n = buf.count
            let ps = prog.topStart, pe = prog.topEnd
            if n == 0 {
                let hit = (mode == .suffix || prog.sourceStartsWithStar)
                    && prog.withMatcher(buf) { m in m.match(ps, pe, 0, 0) }
                return hit ? rep.forEmptyMatch : s
            }
            var out: [UInt8] = []
            switch mode {
            case .prefix:
                guard let k = prefixEnd(buf, longest: true) else { return s }
                out.reserveCapacity(n + rep.text.count)
                rep.append(to: &out, match: buf[0..<k])
                out.append(contentsOf: buf[k...])
            case .suffix:
                guard let k = suffixStart(buf, longest: true) else { return s }
                out.reserveCapacity(n + rep.text.count)
                out.append(contentsOf: buf[..<k])
                rep.append(to: &out, match: buf[k...])
            case .first, .all:
                let changed = prog.withMatcher(buf) { m -> Bool in
                    var cur = 0
                    var changed = false
                    while cur < n {
                        var p = cur
                        var end = -1
                        while p < n {
                            if let b = prog.leadingByte {
                                // An ASCII byte always starts a scalar.
                                while p < n && buf[p] != b { p += 1 }
                                if p == n { break }
                            }
                            if let e = longestMatch(m, prog, at: p) {
                                end = e
                                break
                            }
                            p = m.next(p)
                        }
                        if end < 0 { break }
                        if !changed {
                            out.reserveCapacity(n + rep.text.count)
                            changed = true
                        }
                        out.append(contentsOf: buf[cur..<p])
                        rep.append(to: &out, match: buf[p..<end])
                        cur = end
                        if mode == .first { break }
                        if p == end {  // an empty match: copy one character and go on
                            // The subject's character, as the locale counts it, even when a
                            // pattern that is not UTF-8 is matched byte by byte (bash).
                            let e = m.bytewise && ShellLocale.isUTF8 ? min(n, cur + Characters.length(buf, at: cur)) : m.next(cur)
                            out.append(contentsOf: buf[cur..<e])
                            cur = e
                        }
                    }
                    if changed { out.append(contentsOf: buf[cur...]) }
                    return changed
                }
                if !changed { return s }
            }
            return ByteString(out)
        }
    }

    /// The end of the longest match that starts at byte `p` (< end of subject), or nil.
    func longestMatch(_ m: PatternMatcher, _ prog: PatternProgram, at p: Int) -> Int? {
        let n = m.s.count
        let ps = prog.topStart, pe = prog.topEnd
        if prog.fixedLength >= 0 {
            guard let k = m.advance(p, by: prog.fixedLength, limit: n) else { return nil }
            return m.match(ps, pe, p, k) ? k : nil
        }
        let first = m.ops[ps]
        if first.kind != .star && first.kind != .group && !m.acceptsScalar(at: p, ps) {
            return nil
        }
        if prog.hasGroups {
            return m.withPositionSet { cur in
                cur.insert(p)
                m.advance(ps, pe, cur)
                return cur.last()
            }
        }
        if prog.endsWithStar {
            return m.match(ps, pe, p, n) ? n : nil
        }
        let last = pe - 1
        let filter = m.ops[last].kind != .star && m.ops[last].kind != .group
        var k = n
        while true {
            if !filter || (k > p && m.acceptsScalar(at: m.previousStart(k), last)) {
                if m.match(ps, pe, p, k) { return k }
            }
            if k <= p { return nil }
            k = m.previousStart(k)
        }
    }
}
