import WeirSyntax
// Character classification and case folding for shell patterns, modelled on glibc's
// C.UTF-8 locale (what bash 5.2 sees under LC_ALL=C.UTF-8): ASCII is exact; for other
// scalars the Unicode properties stand in for glibc's tables (letters and non-ASCII
// decimal digits are `alpha`, every other graphic character is `punct`, no-break
// spaces are not `space`). Nothing here allocates, except case folding of non-ASCII
// scalars whose lower-case mapping Unicode gives as a string.

/// A POSIX character class inside a bracket expression (`[[:alpha:]]`).
enum PatternCharClass: UInt8, Sendable {
    case alpha, digit, space, upper, lower, alnum, punct, xdigit, blank, cntrl, print, graph, word
    /// An unknown class name: it matches nothing (bash: `[[:foo:]]` matches no character).
    case invalid

    init(name: Substring) {
        switch name {
        case "alpha": self = .alpha
        case "digit": self = .digit
        case "space": self = .space
        case "upper": self = .upper
        case "lower": self = .lower
        case "alnum": self = .alnum
        case "punct": self = .punct
        case "xdigit": self = .xdigit
        case "blank": self = .blank
        case "cntrl": self = .cntrl
        case "print": self = .print
        case "graph": self = .graph
        case "word": self = .word
        default: self = .invalid
        }
    }

    /// The ASCII members of the class as a 128-bit set (low word: 0–63, high word: 64–127).
    var asciiMask: (UInt64, UInt64) { PatternCharClass.asciiMasks[Int(rawValue)] }

    private static let asciiMasks: [(UInt64, UInt64)] = (0...PatternCharClass.invalid.rawValue).map { raw in
        let k = PatternCharClass(rawValue: raw)!
        var lo: UInt64 = 0, hi: UInt64 = 0
        for c in 0..<128 where PatternCharClass.asciiContains(k, UInt8(c)) {
            if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
        }
        return (lo, hi)
    }

    static func asciiContains(_ k: PatternCharClass, _ c: UInt8) -> Bool {
        let isUpper = c >= 65 && c <= 90
        let isLower = c >= 97 && c <= 122
        let isDigit = c >= 48 && c <= 57
        let isAlpha = isUpper || isLower
        let isPrint = c >= 32 && c < 127
        switch k {
        case .alpha: return isAlpha
        case .digit: return isDigit
        case .space: return c == 32 || (c >= 9 && c <= 13)
        case .upper: return isUpper
        case .lower: return isLower
        case .alnum: return isAlpha || isDigit
        case .punct: return isPrint && c != 32 && !isAlpha && !isDigit
        case .xdigit: return isDigit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
        case .blank: return c == 32 || c == 9
        case .cntrl: return c < 32 || c == 127
        case .print: return isPrint
        case .graph: return isPrint && c != 32
        case .word: return isAlpha || isDigit || c == 95
        case .invalid: return false
        }
    }

    /// Whether scalar `c` belongs to the class.
    func contains(_ c: UInt32) -> Bool {
        if c < 128 {
            return PatternCharClass.asciiContains(self, UInt8(truncatingIfNeeded: c))
        }
        guard let u = Unicode.Scalar(c) else { return false }
        let p = u.properties
        switch self {
        case .digit, .xdigit, .invalid: return false
        case .alpha, .alnum, .word: return Self.isAlpha(p)
        case .upper: return p.isUppercase || p.changesWhenLowercased
        case .lower: return p.isLowercase || p.changesWhenUppercased
        case .space: return Self.isSpace(c, p)
        case .blank: return Self.isBlank(c, p)
        case .cntrl:
            let gc = p.generalCategory
            return gc == .control || gc == .lineSeparator || gc == .paragraphSeparator
        case .print: return Self.isPrint(p)
        case .graph: return Self.isPrint(p) && !Self.isSpace(c, p)
        case .punct: return Self.isPrint(p) && !Self.isSpace(c, p) && !Self.isAlpha(p)
        }
    }

    private static func isAlpha(_ p: Unicode.Scalar.Properties) -> Bool {
        p.isAlphabetic || p.generalCategory == .decimalNumber
    }

    private static func isNoBreakSpace(_ c: UInt32) -> Bool {
        c == 0xA0 || c == 0x2007 || c == 0x202F
    }

    private static func isSpace(_ c: UInt32, _ p: Unicode.Scalar.Properties) -> Bool {
        let gc = p.generalCategory
        if gc == .spaceSeparator { return !isNoBreakSpace(c) }
        return gc == .lineSeparator || gc == .paragraphSeparator
    }

    private static func isBlank(_ c: UInt32, _ p: Unicode.Scalar.Properties) -> Bool {
        p.generalCategory == .spaceSeparator && !isNoBreakSpace(c)
    }

    private static func isPrint(_ p: Unicode.Scalar.Properties) -> Bool {
        switch p.generalCategory {
        case .control, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator: return false
        default: return true
        }
    }
}

/// Case folding as bash does it for nocasematch/nocaseglob: both sides are lower-cased.
@inline(__always)
func patternFold(_ c: UInt32) -> UInt32 {
    if c < 128 {
        return (c &- 65) < 26 ? c | 0x20 : c
    }
    return patternFoldNonASCII(c)
}

func patternFoldNonASCII(_ c: UInt32) -> UInt32 {
    guard let u = Unicode.Scalar(c) else { return c }
    let p = u.properties
    guard p.changesWhenLowercased else { return c }
    // glibc's towlower maps to one character; Unicode's full mapping is a string whose
    // first scalar is that character (U+0130 İ → "i̇", towlower gives "i").
    return p.lowercaseMapping.unicodeScalars.first?.value ?? c
}

/// Decodes the character that starts at `i` in valid UTF-8 (as glibc reads it: up to six
/// bytes) and returns its value with its length.
@inline(__always)
func patternDecode(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(s[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 {
        return (((b0 & 0x1F) << 6) | (UInt32(s[i + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0 {
        return (((b0 & 0x0F) << 12) | ((UInt32(s[i + 1]) & 0x3F) << 6) | (UInt32(s[i + 2]) & 0x3F), 3)
    }
    let (v, n) = UTF8Sequence.decode(s, at: i)
    return (v ?? b0, n)
}

/// The length in bytes of the UTF-8 sequence that starts with byte `b`.
@inline(__always)
func patternScalarLength(_ b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b < 0xE0 { return 2 }
    if b < 0xF0 { return 3 }
    if b < 0xF8 { return 4 }
    return b < 0xFC ? 5 : 6
}

/// Whether every byte of `s` belongs to a character of valid UTF-8 (as glibc reads it),
/// so that a pattern can match it character by character.
@inline(__always)
func patternIsValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = s.count
    while i < n {
        if s[i] < 0x80 { i += 1; continue }
        let (v, len) = UTF8Sequence.decode(s, at: i)
        if v == nil { return false }
        i += len
    }
    return true
}

/// The start of the scalar that ends at `i` (i > 0) in valid UTF-8.
@inline(__always)
func patternPreviousStart(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    var j = i - 1
    while j > 0 && s[j] & 0xC0 == 0x80 { j -= 1 }
    return j
}
