import WeirSyntax
// The compiled form of a shell pattern and the compiler that builds it.
//
// A pattern compiles to flat arrays: `ops` holds every sequence of the pattern (the top
// level and each alternative of each extglob group) as a contiguous range of ops; a
// group op refers to `groups`, whose alternatives are ranges of `ops`; a bracket op
// refers to `brackets`. Literal scalars are stored case-folded when the pattern is
// case-insensitive, so matching folds only the subject.

enum PatOpKind: UInt8, Sendable {
    /// One scalar equal to `value`.
    case literal
    /// `?`: any one scalar.
    case any
    /// `*`: any run of scalars (consecutive stars are compiled to one).
    case star
    /// `[...]`: `value` indexes `brackets`.
    case bracket
    /// An extglob group: `value` indexes `groups`.
    case group
}

struct PatOp: Sendable {
    var kind: PatOpKind
    /// Whether this op or a later op of the same sequence is a group: such a tail needs
    /// the position-set matcher; any other tail takes the linear star algorithm.
    var tailHasGroup: Bool = false
    /// Whether this op or a later op of the same sequence is a star or a group (else the
    /// tail consumes exactly one scalar per op).
    var tailIsVariable: Bool = false
    var value: UInt32

    init(_ kind: PatOpKind, _ value: UInt32 = 0) {
        self.kind = kind
        self.value = value
    }
}

enum PatGroupKind: UInt8, Sendable {
    case zeroOrOne   // ?(…)
    case zeroOrMore  // *(…)
    case oneOrMore   // +(…)
    case exactlyOne  // @(…)
    case not         // !(…)

    init?(_ c: UInt32) {
        switch c {
        case 0x3F: self = .zeroOrOne
        case 0x2A: self = .zeroOrMore
        case 0x2B: self = .oneOrMore
        case 0x40: self = .exactlyOne
        case 0x21: self = .not
        default: return nil
        }
    }
}

struct PatGroup: Sendable {
    var kind: PatGroupKind
    var alternatives: [Range<Int>]
    /// Every alternative consumes one scalar per op (no star, no group).
    var fixedAlternatives = false
}

enum PatBracketItem: Sendable {
    /// Scalars `lo...hi` (both folded when the pattern is case-insensitive); a single
    /// character is a range of one.
    case range(UInt32, UInt32)
    /// A class tests the subject scalar unfolded (bash: under nocasematch `A` is not
    /// `[[:lower:]]`).
    case charClass(PatternCharClass)
}

struct PatBracket: Sendable {
    /// The answer for each ASCII scalar, negation and case folding included.
    var asciiLo: UInt64 = 0
    var asciiHi: UInt64 = 0
    var negated: Bool
    var items: [PatBracketItem]
    /// Characters are bytes: values of 128 and up are bytes, not code points.
    var bytewise: Bool

    @inline(__always)
    func matches(_ c: UInt32, caseInsensitive: Bool) -> Bool {
        if c < 64 { return (asciiLo >> UInt64(c)) & 1 != 0 }
        if c < 128 { return (asciiHi >> UInt64(c - 64)) & 1 != 0 }
        return matchesNonASCII(c, caseInsensitive: caseInsensitive)
    }

    func matchesNonASCII(_ c: UInt32, caseInsensitive: Bool) -> Bool {
        // A byte of a pattern matched bytewise is never a letter to fold or in a class.
        let f = caseInsensitive && !bytewise ? patternFold(c) : c
        for item in items {
            switch item {
            case .range(let lo, let hi):
                if f >= lo && f <= hi { return !negated }
            case .charClass(let k):
                if !bytewise && k.contains(c) { return !negated }
            }
        }
        return negated
    }

    /// The bits a...b (b ≤ 127) of a 128-bit set.
    static func asciiRangeMask(_ a: UInt32, _ b: UInt32) -> (UInt64, UInt64) {
        // Bits a...b of one word, for 0 ≤ a ≤ b ≤ 63.
        func word(_ a: UInt32, _ b: UInt32) -> UInt64 {
            let upTo: UInt64 = b == 63 ? ~0 : (1 << UInt64(b + 1)) &- 1
            return upTo & ~((1 << UInt64(a)) &- 1)
        }
        let lo: UInt64 = a < 64 ? word(a, min(b, 63)) : 0
        let hi: UInt64 = b >= 64 ? word(max(a, 64) - 64, b - 64) : 0
        return (lo, hi)
    }

    init(negated: Bool, items: [PatBracketItem], caseInsensitive: Bool, bytewise: Bool) {
        self.negated = negated
        self.items = items
        self.bytewise = bytewise
        var lo: UInt64 = 0, hi: UInt64 = 0
        for item in items {
            switch item {
            case .range(let a, let b):
                guard a <= b, a < 128 else { continue }
                var (rlo, rhi) = PatBracket.asciiRangeMask(a, min(b, 127))
                if caseInsensitive {
                    // A subject letter is tested folded: `A` is in the set when `a` is.
                    let upper: UInt64 = 0x07FF_FFFE          // A–Z within the high word
                    let lower: UInt64 = upper << 32          // a–z within the high word
                    rhi = (rhi & ~upper) | ((rhi & lower) >> 32)
                }
                lo |= rlo
                hi |= rhi
            case .charClass(let k):
                let m = k.asciiMask
                lo |= m.0
                hi |= m.1
            }
        }
        if negated {
            lo = ~lo
            hi = ~hi
        }
        asciiLo = lo
        asciiHi = hi
    }
}

/// A compiled pattern.
struct PatternProgram: Sendable {
    /// The top-level sequence first (ops[0..<topEnd]), then the alternatives of groups.
    var ops: [PatOp]
    var groups: [PatGroup]
    var brackets: [PatBracket]
    /// The end of the top-level sequence within `ops`.
    var topEnd: Int
    var topStart: Int { 0 }
    var caseInsensitive: Bool
    var hasWildcards: Bool
    /// The pattern text was empty.
    var isEmptySource: Bool
    /// The pattern text begins with `*` (bash lets only such a pattern match the empty
    /// string in `${x/p/r}` when `x` is empty).
    var sourceStartsWithStar: Bool
    /// The number of scalars every match has, or -1 when matches vary in length.
    var fixedLength: Int
    /// The top-level sequence ends with `*` (a match can always be extended to the end).
    var endsWithStar: Bool
    /// The top-level sequence begins with `*`.
    var beginsWithStar: Bool
    /// The top-level sequence holds an extglob group.
    var hasGroups: Bool
    /// The ASCII byte every match begins with, when the pattern begins with one (case
    /// sensitively): a search can skip to it.
    var leadingByte: UInt8?
    /// A file name that begins with `.` can match without dotglob: the pattern begins
    /// with a literal `.` (or an extglob group, other than `!(…)`, one of whose
    /// alternatives does).
    var allowsLeadingDot: Bool

    /// Characters are bytes: the locale's character set is not UTF-8, or the pattern
    /// or the subject is not valid UTF-8 (bash then matches bytes too).
    var bytewise: Bool

    init(_ pattern: ByteString, extglob: Bool, caseInsensitive: Bool, bytewise: Bool) {
        let compiled: (ops: [PatOp], topEnd: Int, groups: [PatGroup], brackets: [PatBracket], wild: Bool)
        compiled = pattern.withUnsafeBufferPointer { bytes in
            if bytewise || !bytes.contains(where: { $0 >= 0x80 }) {
                var c = PatternCompiler(PatternBytesText(bytes: bytes), extglob: extglob, caseInsensitive: caseInsensitive,
                                        bytewise: bytewise)
                return c.compile()
            }
            var scalars: [UInt32] = []
            var i = 0
            while i < bytes.count {
                let (v, n) = UTF8Sequence.decode(bytes, at: i)
                scalars.append(v ?? UInt32(bytes[i]))
                i += n
            }
            var c = PatternCompiler(PatternScalarsText(scalars: scalars), extglob: extglob,
                                    caseInsensitive: caseInsensitive, bytewise: false)
            return c.compile()
        }
        self.bytewise = bytewise
        ops = compiled.ops
        topEnd = compiled.topEnd
        groups = compiled.groups
        brackets = compiled.brackets
        hasWildcards = compiled.wild
        self.caseInsensitive = caseInsensitive
        isEmptySource = pattern.isEmpty
        sourceStartsWithStar = pattern.first == 0x2A
        var fixed = true
        for q in 0..<topEnd where ops[q].kind == .star || ops[q].kind == .group {
            fixed = false
            break
        }
        fixedLength = fixed ? topEnd : -1
        endsWithStar = topEnd > 0 && ops[topEnd - 1].kind == .star
        beginsWithStar = topEnd > 0 && ops[0].kind == .star
        hasGroups = topEnd > 0 && ops[0].tailHasGroup
        if topEnd > 0 && ops[0].kind == .literal && ops[0].value < 0x80
            && !(caseInsensitive && (ops[0].value | 0x20) &- 0x61 < 26) {
            leadingByte = UInt8(ops[0].value)
        } else {
            leadingByte = nil
        }
        allowsLeadingDot = PatternProgram.sequenceAllowsLeadingDot(0..<topEnd, ops, groups)
    }

    private static func sequenceAllowsLeadingDot(_ r: Range<Int>, _ ops: [PatOp], _ groups: [PatGroup]) -> Bool {
        guard let first = r.first else { return false }
        let op = ops[first]
        switch op.kind {
        case .literal:
            return op.value == 0x2E
        case .group:
            let g = groups[Int(op.value)]
            if g.kind == .not { return false }
            return g.alternatives.contains { sequenceAllowsLeadingDot($0, ops, groups) }
        default:
            return false
        }
    }

    /// Runs `body` with a matcher over the UTF-8 of `subject`.
    @inline(__always)
    func withMatcher<R>(_ subject: UnsafeBufferPointer<UInt8>, _ body: (PatternMatcher) -> R) -> R {
        ops.withUnsafeBufferPointer { o in
            groups.withUnsafeBufferPointer { g in
                brackets.withUnsafeBufferPointer { b in
                    body(PatternMatcher(ops: o, groups: g, brackets: b, s: subject, ci: caseInsensitive,
                                        bytewise: bytewise))
                }
            }
        }
    }
}

/// The text of a pattern as scalar values.
protocol PatternText {
    var count: Int { get }
    subscript(_ i: Int) -> UInt32 { get }
}

/// An ASCII pattern read in place.
struct PatternBytesText: PatternText {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    subscript(_ i: Int) -> UInt32 { UInt32(bytes[i]) }
}

struct PatternScalarsText: PatternText {
    let scalars: [UInt32]
    var count: Int { scalars.count }
    subscript(_ i: Int) -> UInt32 { scalars[i] }
}

struct PatternCompiler<Text: PatternText> {
    let p: Text
    let extglob: Bool
    let caseInsensitive: Bool
    let bytewise: Bool
    /// The alternatives of groups, each a contiguous range (appended after the top level).
    var subOps: [PatOp] = []
    var groups: [PatGroup] = []
    var brackets: [PatBracket] = []
    /// The index of the pattern's last `]`, or -1: a `[` after it cannot open a bracket,
    /// and is known to be literal without a scan to the end (40,000 `[` were quadratic).
    let lastCloseBracket: Int

    init(_ pattern: Text, extglob: Bool, caseInsensitive: Bool, bytewise: Bool) {
        self.p = pattern
        self.extglob = extglob
        self.caseInsensitive = caseInsensitive
        self.bytewise = bytewise
        var last = -1
        var k = pattern.count - 1
        while k >= 0 {
            if pattern[k] == 0x5D { last = k; break }
            k -= 1
        }
        lastCloseBracket = last
    }

    /// Compiles the whole pattern: the ops (top level first), the end of the top level,
    /// the groups, the brackets, and whether there is any wildcard.
    mutating func compile() -> (ops: [PatOp], topEnd: Int, groups: [PatGroup], brackets: [PatBracket], wild: Bool) {
        var top: [PatOp] = []
        top.reserveCapacity(p.count + 1)
        _ = parseSequence(0, inGroup: false, into: &top)
        let topEnd = top.count
        if !subOps.isEmpty {
            top.append(contentsOf: subOps)
            for g in groups.indices {
                groups[g].alternatives = groups[g].alternatives.map { ($0.lowerBound + topEnd)..<($0.upperBound + topEnd) }
            }
        }
        return (top, topEnd, groups, brackets, Self.hasGlobCharacters(p, extglob: extglob))
    }

    /// bash's test for whether a word needs pathname expansion (glob_pattern_p): an
    /// unescaped `*` or `?`, a `[` with a `]` somewhere after it, or with extglob an
    /// unescaped `+(`, `@(` or `!(`. Whether the brackets or groups are well formed
    /// does not matter: a malformed one then matches its own text.
    static func hasGlobCharacters(_ p: Text, extglob: Bool) -> Bool {
        var bracket = false
        var i = 0
        let n = p.count
        while i < n {
            switch p[i] {
            case backslash:
                i += 1
            case star, question:
                return true
            case lbracket:
                bracket = true
            case rbracket:
                if bracket { return true }
            case 0x2B, 0x40, 0x21:  // + @ !
                if extglob && i + 1 < n && p[i + 1] == lparen { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    private static var backslash: UInt32 { 0x5C }
    private static var star: UInt32 { 0x2A }
    private static var question: UInt32 { 0x3F }
    private static var lbracket: UInt32 { 0x5B }
    private static var rbracket: UInt32 { 0x5D }
    private static var lparen: UInt32 { 0x28 }
    private static var rparen: UInt32 { 0x29 }
    private static var bar: UInt32 { 0x7C }

    private func literal(_ c: UInt32) -> PatOp {
        PatOp(.literal, fold(c))
    }

    /// `c` case-folded when the pattern ignores case (only ASCII letters, bytewise).
    private func fold(_ c: UInt32) -> UInt32 {
        guard caseInsensitive else { return c }
        return bytewise && c >= 0x80 ? c : patternFold(c)
    }

    /// Parses the sequence that starts at `start` into `seq`; inside a group it ends at
    /// a `|` or `)` of its own level. Returns where it stopped.
    mutating func parseSequence(_ start: Int, inGroup: Bool, into seq: inout [PatOp]) -> Int {
        var i = start
        var depth = 0  // bare parentheses inside a group: `@(a(b)c)` is one alternative
        let n = p.count
        while i < n {
            let c = p[i]
            if inGroup && depth == 0 && (c == Self.bar || c == Self.rparen) { break }
            if extglob, i + 1 < n, p[i + 1] == Self.lparen, let kind = PatGroupKind(c),
               groupEnd(from: i + 2) != nil {
                seq.append(PatOp(.group, UInt32(parseGroup(kind, at: i + 2, next: &i))))
                continue
            }
            switch c {
            case Self.backslash:
                if i + 1 < n {
                    seq.append(literal(p[i + 1]))
                    i += 2
                } else {
                    seq.append(literal(c))  // a trailing backslash stands for itself
                    i += 1
                }
            case Self.star:
                if seq.last?.kind != .star { seq.append(PatOp(.star)) }
                i += 1
            case Self.question:
                seq.append(PatOp(.any))
                i += 1
            case Self.lbracket:
                if let (negated, items, end) = parseBracket(at: i) {
                    brackets.append(PatBracket(negated: negated, items: items, caseInsensitive: caseInsensitive,
                                               bytewise: bytewise))
                    seq.append(PatOp(.bracket, UInt32(brackets.count - 1)))
                        i = end
                } else {
                    seq.append(literal(c))  // no closing `]`: a plain `[`
                    i += 1
                }
            default:
                if inGroup {
                    if c == Self.lparen { depth += 1 } else if c == Self.rparen { depth -= 1 }
                }
                seq.append(literal(c))
                i += 1
            }
        }
        var tail = false
        var variable = false
        for k in seq.indices.reversed() {
            if seq[k].kind == .group { tail = true }
            if seq[k].kind == .group || seq[k].kind == .star { variable = true }
            seq[k].tailHasGroup = tail
            seq[k].tailIsVariable = variable
        }
        return i
    }

    /// Parses the alternatives of a group whose `(` is just before `start`; sets `next`
    /// past the closing `)` and returns the group's index.
    private mutating func parseGroup(_ kind: PatGroupKind, at start: Int, next: inout Int) -> Int {
        var alternatives: [Range<Int>] = []
        var j = start
        while true {
            var seq: [PatOp] = []
            let stop = parseSequence(j, inGroup: true, into: &seq)
            let base = subOps.count
            subOps.append(contentsOf: seq)
            alternatives.append(base..<subOps.count)
            j = stop + 1
            if stop >= p.count || p[stop] == Self.rparen { break }
        }
        var group = PatGroup(kind: kind, alternatives: alternatives)
        group.fixedAlternatives = alternatives.allSatisfy { $0.isEmpty || !subOps[$0.lowerBound].tailIsVariable }
        groups.append(group)
        next = j
        return groups.count - 1
    }

    /// The index of the `)` that closes a group whose contents start at `start`, or nil
    /// when there is none (then the group's opening characters are literal).
    private func groupEnd(from start: Int) -> Int? {
        var depth = 0
        var i = start
        let n = p.count
        while i < n {
            let c = p[i]
            if c == Self.backslash {
                i += 2
            } else if c == Self.lbracket, let (_, _, end) = parseBracket(at: i) {
                i = end
            } else if c == Self.lparen {
                depth += 1
                i += 1
            } else if c == Self.rparen {
                if depth == 0 { return i }
                depth -= 1
                i += 1
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Where `delim` followed by `]` first occurs at or after `from`.
    private func findClose(_ delim: UInt32, from: Int) -> Int? {
        var k = from
        while k + 1 < p.count {
            if p[k] == delim && p[k + 1] == Self.rbracket { return k }
            k += 1
        }
        return nil
    }

    private func text(_ r: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for k in r {
            if let u = Unicode.Scalar(p[k]) { s.append(u) }
        }
        return String(s)
    }

    /// Parses the bracket expression that starts with the `[` at `start`: its sense,
    /// its items and the index after its `]`; nil when it has no closing `]`.
    func parseBracket(at start: Int) -> (Bool, [PatBracketItem], Int)? {
        // The first `]` (after a `!` or `^`) is a member, not the end.
        if lastCloseBracket <= start + 1 { return nil }
        let n = p.count
        var j = start + 1
        var negated = false
        if j < n && (p[j] == 0x21 || p[j] == 0x5E) {  // ! or ^
            negated = true
            j += 1
        }
        var items: [PatBracketItem] = []
        var first = true
        while j < n {
            let c = p[j]
            if c == Self.rbracket && !first { return (negated, items, j + 1) }
            first = false
            var lo: UInt32
            if c == Self.lbracket && j + 1 < n && (p[j + 1] == 0x3A || p[j + 1] == 0x3D || p[j + 1] == 0x2E),
               let close = findClose(p[j + 1], from: j + 2) {
                let kind = p[j + 1]
                let content = (j + 2)..<close
                j = close + 2
                if kind == 0x3A {  // [:class:]
                    items.append(.charClass(PatternCharClass(name: Substring(text(content)))))
                    continue
                }
                if kind == 0x3D {  // [=c=]: an equivalence class is just the character
                    guard content.count == 1 else {
                        items.append(.charClass(.invalid))
                        continue
                    }
                    let ch = p[content.lowerBound]
                    let f = fold(ch)
                    items.append(.range(f, f))
                    continue
                }
                // [.c.]: a collating symbol, which may begin a range
                guard let sym = collatingSymbol(content) else {
                    items.append(.charClass(.invalid))  // an unknown collating symbol matches nothing
                    continue
                }
                lo = sym
            } else if c == Self.backslash && j + 1 < n {
                lo = p[j + 1]
                j += 2
            } else {
                lo = c
                j += 1
            }
            var hi = lo
            if j + 1 < n && p[j] == 0x2D && p[j + 1] != Self.rbracket {  // a range `lo-hi`
                let e = p[j + 1]
                if e == Self.backslash && j + 2 < n {
                    hi = p[j + 2]
                    j += 3
                } else if e == Self.lbracket && j + 2 < n && p[j + 2] == 0x2E,
                          let close = findClose(0x2E, from: j + 3),
                          let sym = collatingSymbol((j + 3)..<close) {
                    hi = sym
                    j = close + 2
                } else {
                    hi = e
                    j += 2
                }
            }
            lo = fold(lo)
            hi = fold(hi)
            items.append(.range(lo, hi))
        }
        return nil
    }

    /// The character a collating symbol `[.x.]` names: a single character, or one of
    /// POSIX's names for the portable characters (`[.hyphen.]`, `[.space.]`).
    func collatingSymbol(_ r: Range<Int>) -> UInt32? {
        if r.count == 1 { return p[r.lowerBound] }
        return patternCollatingNames[text(r)]
    }
}

private let patternCollatingNames: [String: UInt32] = [
    "NUL": 0, "SOH": 1, "STX": 2, "ETX": 3, "EOT": 4, "ENQ": 5, "ACK": 6, "alert": 7, "BEL": 7,
    "backspace": 8, "BS": 8, "tab": 9, "HT": 9, "newline": 10, "LF": 10, "vertical-tab": 11, "VT": 11,
    "form-feed": 12, "FF": 12, "carriage-return": 13, "CR": 13, "SO": 14, "SI": 15, "DLE": 16,
    "DC1": 17, "DC2": 18, "DC3": 19, "DC4": 20, "NAK": 21, "SYN": 22, "ETB": 23, "CAN": 24, "EM": 25,
    "SUB": 26, "ESC": 27, "IS4": 28, "FS": 28, "IS3": 29, "GS": 29, "IS2": 30, "RS": 30, "IS1": 31, "US": 31,
    "space": 32, "exclamation-mark": 33, "quotation-mark": 34, "number-sign": 35, "dollar-sign": 36,
    "percent-sign": 37, "ampersand": 38, "apostrophe": 39, "left-parenthesis": 40,
    "right-parenthesis": 41, "asterisk": 42, "plus-sign": 43, "comma": 44, "hyphen": 45,
    "hyphen-minus": 45, "period": 46, "full-stop": 46, "slash": 47, "solidus": 47, "zero": 48,
    "one": 49, "two": 50, "three": 51, "four": 52, "five": 53, "six": 54, "seven": 55, "eight": 56,
    "nine": 57, "colon": 58, "semicolon": 59, "less-than-sign": 60, "equals-sign": 61,
    "greater-than-sign": 62, "question-mark": 63, "commercial-at": 64, "left-square-bracket": 91,
    "backslash": 92, "reverse-solidus": 92, "right-square-bracket": 93, "circumflex": 94,
    "circumflex-accent": 94, "underscore": 95, "low-line": 95, "grave-accent": 96,
    "left-brace": 123, "left-curly-bracket": 123, "vertical-line": 124, "right-brace": 125,
    "right-curly-bracket": 125, "tilde": 126, "DEL": 127,
]
