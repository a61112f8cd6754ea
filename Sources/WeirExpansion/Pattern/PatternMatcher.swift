import WeirSyntax
// Matching a compiled pattern against UTF-8. Positions are byte offsets that always sit
// on scalar boundaries; `?` and brackets consume one whole scalar.
//
// Two engines:
// - A sequence without extglob groups is matched by the linear algorithm that
//   backtracks only to the most recent `*` (so `*a*b*c` costs O(n·m), never
//   exponential). It allocates nothing.
// - A sequence with groups is evaluated on sets of positions: starting from a set of
//   start offsets, each op maps the set to the offsets where it can end (a star fills
//   everything after the lowest, a group unions what its alternatives reach, `!(…)`
//   takes the complement). That finds every match end in one pass, costs
//   O(ops × n × n/64) at worst, and never backtracks exponentially
//   (`+(a|b)c` on a long `abab…` string is linear). The sets are bit sets of
//   (n + 1) bits in temporary (stack, when small) storage.

struct PatternMatcher {
    let ops: UnsafeBufferPointer<PatOp>
    let groups: UnsafeBufferPointer<PatGroup>
    let brackets: UnsafeBufferPointer<PatBracket>
    let s: UnsafeBufferPointer<UInt8>
    let ci: Bool
    /// Every byte is a character (see `PatternProgram.bytewise`).
    let bytewise: Bool

    /// The byte offset after the character at `i`.
    @inline(__always)
    func next(_ i: Int) -> Int {
        bytewise ? i + 1 : i + patternScalarLength(s[i])
    }

    /// The character at `i` and its length in bytes.
    @inline(__always)
    func decode(_ i: Int) -> (UInt32, Int) {
        bytewise ? (UInt32(s[i]), 1) : patternDecode(s, i)
    }

    /// The start of the character that ends at `i` (i > 0).
    @inline(__always)
    func previousStart(_ i: Int) -> Int {
        bytewise ? i - 1 : patternPreviousStart(s, i)
    }

    /// Whether a character starts at byte `k`.
    @inline(__always)
    func isBoundary(_ k: Int) -> Bool {
        bytewise || s[k] & 0xC0 != 0x80
    }

    /// Whether a single-scalar op (literal, `?`, bracket) accepts scalar `c`.
    @inline(__always)
    func accepts(_ op: PatOp, _ c: UInt32) -> Bool {
        switch op.kind {
        case .literal:
            return (ci && !(bytewise && c >= 0x80) ? patternFold(c) : c) == op.value
        case .any:
            return true
        case .bracket:
            return brackets[Int(op.value)].matches(c, caseInsensitive: ci)
        case .star, .group:
            return false
        }
    }

    /// Whether the single-scalar op at `p` accepts the scalar starting at byte `i` (< end).
    @inline(__always)
    func acceptsScalar(at i: Int, _ p: Int) -> Bool {
        let (c, _) = decode(i)
        return accepts(ops[p], c)
    }

    /// Whether ops[p..<pe] matches the whole of s[i..<se].
    @inline(__always)
    func match(_ p: Int, _ pe: Int, _ i: Int, _ se: Int) -> Bool {
        if p < pe && ops[p].tailHasGroup {
            return withPositionSet { cur in
                cur.insert(i)
                advance(p, pe, cur)
                return cur.contains(se)
            }
        }
        return matchSimple(p, pe, i, se)
    }

    /// The star algorithm for a sequence with no groups.
    func matchSimple(_ p0: Int, _ pe: Int, _ i0: Int, _ se: Int) -> Bool {
        var p = p0
        var i = i0
        var starP = -1
        var starI = 0
        while true {
            if p < pe {
                let op = ops[p]
                if op.kind == .star {
                    if p + 1 == pe { return true }  // a trailing star takes the rest
                    starP = p
                    starI = i
                    p += 1
                    continue
                }
                if i < se {
                    let (c, len) = decode(i)
                    if accepts(op, c) {
                        p += 1
                        i += len
                        continue
                    }
                }
            } else if i == se {
                return true
            }
            // Mismatch: let the last star take one more scalar.
            if starP < 0 || starI >= se { return false }
            starI = next(starI)
            i = starI
            p = starP + 1
        }
    }

    // MARK: - Position sets

    /// Runs `body` with an empty set able to hold the offsets 0...s.count.
    @inline(__always)
    func withPositionSet<R>(_ body: (PatternPositionSet) -> R) -> R {
        let words = (s.count >> 6) + 1
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { buf in
            buf.initialize(repeating: 0)
            return body(PatternPositionSet(words: buf.baseAddress!, count: words))
        }
    }

    /// Adds to `out` every offset k such that ops[p..<pe] matches s[i..<k].
    func ends(_ p: Int, _ pe: Int, from i: Int, into out: PatternPositionSet) {
        if p == pe {
            out.insert(i)
            return
        }
        if !ops[p].tailIsVariable {
            // One scalar per op: a single path.
            var k = i
            for q in p..<pe {
                if k >= s.count { return }
                let (c, len) = decode(k)
                if !accepts(ops[q], c) { return }
                k += len
            }
            out.insert(k)
            return
        }
        withPositionSet { cur in
            cur.insert(i)
            advance(p, pe, cur)
            out.formUnion(cur)
        }
    }

    /// Replaces the offsets in `cur` by the offsets where ops[p..<pe], started at any of
    /// them, can end.
    func advance(_ p: Int, _ pe: Int, _ cur: PatternPositionSet) {
        let n = s.count
        var q = p
        while q < pe {
            let op = ops[q]
            switch op.kind {
            case .star:
                guard let lo = cur.first() else { return }
                var k = lo
                while k < n {
                    if isBoundary(k) { cur.insert(k) }
                    k += 1
                }
                cur.insert(n)
            case .group:
                let g = groups[Int(op.value)]
                withPositionSet { reached in
                    groupEnds(g, from: cur, into: reached)
                    cur.assign(reached)
                }
            default:
                // Each offset moves one scalar on, or drops out. Going down, a moved bit
                // never lands on one still to visit.
                var w = cur.count - 1
                while w >= 0 {
                    var bits = cur.words[w]
                    if bits != 0 {
                        cur.words[w] = 0
                        while bits != 0 {
                            let b = 63 - bits.leadingZeroBitCount
                            bits &= ~(1 << UInt64(b))
                            let j = w << 6 | b
                            if j < n {
                                let (c, len) = decode(j)
                                if accepts(op, c) { cur.insert(j + len) }
                            }
                        }
                    }
                    w -= 1
                }
            }
            if cur.isEmpty { return }
            q += 1
        }
    }

    /// Adds to `out` every offset k such that group `g` matches s[j..<k] for some j in
    /// `starts`.
    func groupEnds(_ g: PatGroup, from starts: PatternPositionSet, into out: PatternPositionSet) {
        switch g.kind {
        case .exactlyOne:
            alternativeEnds(g, from: starts, into: out)
        case .zeroOrOne:
            out.formUnion(starts)
            alternativeEnds(g, from: starts, into: out)
        case .zeroOrMore, .oneOrMore:
            // One or more alternatives in a row. Repeating from an offset already
            // reached adds nothing, so each offset is expanded once (and an empty
            // alternative cannot loop).
            withPositionSet { acc in
                alternativeEnds(g, from: starts, into: acc)
                if g.fixedAlternatives {
                    // Cheap single steps: expand each reached offset, going up.
                    var m = acc.next(from: 0)
                    while m >= 0 {
                        for r in g.alternatives {
                            ends(r.lowerBound, r.upperBound, from: m, into: acc)
                        }
                        m = acc.next(from: m + 1)
                    }
                } else {
                    // Expand the newly reached offsets together, round by round.
                    withPositionSet { frontier in
                        withPositionSet { found in
                            frontier.assign(acc)
                            while true {
                                found.clear()
                                alternativeEnds(g, from: frontier, into: found)
                                if !frontier.assignDifference(found, acc) { break }
                                acc.formUnion(frontier)
                            }
                        }
                    }
                }
                if g.kind == .zeroOrMore { acc.formUnion(starts) }
                out.formUnion(acc)
            }
        case .not:
            // The complement is taken per start.
            let n = s.count
            withPositionSet { acc in
                var j = starts.next(from: 0)
                while j >= 0 {
                    acc.clear()
                    for r in g.alternatives {
                        ends(r.lowerBound, r.upperBound, from: j, into: acc)
                    }
                    var k = j
                    while true {
                        if !acc.contains(k) { out.insert(k) }
                        if k >= n { break }
                        k = next(k)
                    }
                    j = starts.next(from: j + 1)
                }
            }
        }
    }

    /// Adds to `out` the ends of every alternative of `g` started at any offset in
    /// `starts`.
    func alternativeEnds(_ g: PatGroup, from starts: PatternPositionSet, into out: PatternPositionSet) {
        for r in g.alternatives {
            if r.isEmpty {
                out.formUnion(starts)
            } else if !ops[r.lowerBound].tailIsVariable {
                var j = starts.next(from: 0)
                while j >= 0 {
                    ends(r.lowerBound, r.upperBound, from: j, into: out)
                    j = starts.next(from: j + 1)
                }
            } else {
                withPositionSet { cur in
                    cur.assign(starts)
                    advance(r.lowerBound, r.upperBound, cur)
                    out.formUnion(cur)
                }
            }
        }
    }
}

/// A set of byte offsets as a bit set in borrowed storage.
struct PatternPositionSet {
    let words: UnsafeMutablePointer<UInt64>
    let count: Int

    @inline(__always)
    func insert(_ k: Int) {
        words[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always)
    func contains(_ k: Int) -> Bool {
        (words[k >> 6] >> UInt64(k & 63)) & 1 != 0
    }

    var isEmpty: Bool {
        for w in 0..<count where words[w] != 0 { return false }
        return true
    }

    func formUnion(_ other: PatternPositionSet) {
        for w in 0..<count { words[w] |= other.words[w] }
    }

    func assign(_ other: PatternPositionSet) {
        words.update(from: other.words, count: count)
    }

    func clear() {
        words.update(repeating: 0, count: count)
    }

    /// Sets self to a minus b; returns whether the result is non-empty.
    func assignDifference(_ a: PatternPositionSet, _ b: PatternPositionSet) -> Bool {
        var any: UInt64 = 0
        for w in 0..<count {
            let v = a.words[w] & ~b.words[w]
            words[w] = v
            any |= v
        }
        return any != 0
    }

    /// The lowest member ≥ k, or -1.
    func next(from k: Int) -> Int {
        var w = k >> 6
        guard w < count else { return -1 }
        var bits = words[w] & (~0 << UInt64(k & 63))
        while true {
            if bits != 0 { return w << 6 | bits.trailingZeroBitCount }
            w += 1
            if w >= count { return -1 }
            bits = words[w]
        }
    }

    func first() -> Int? {
        let k = next(from: 0)
        return k < 0 ? nil : k
    }

    func last() -> Int? {
        var w = count - 1
        while w >= 0 {
            let bits = words[w]
            if bits != 0 { return w << 6 | (63 - bits.leadingZeroBitCount) }
            w -= 1
        }
        return nil
    }
}
