import Glibc
import WeirSyntax
import WeirExpansion
import FuzzSupport

// The pattern matcher used by `case`, `[[ s == p ]]`, `${x#p}` `${x%%p}`, `${x/p/r}` and
// pathname expansion's name matching. Input: one option byte, then PATTERN NUL SUBJECT
// [NUL REPLACEMENT].
// Option byte: bit 0 UTF-8 locale, 1 extglob off, 2 case-insensitive, 3 dotglob,
// 4 `&` in the replacement is the match (patsub_replacement).
//
// Beyond not trapping, it checks what must hold between the entry points: a pattern that
// matches the whole subject has the whole subject as its longest prefix and suffix; the
// shortest prefix is no longer than the longest, the shortest suffix no longer than the
// longest; offsets lie within the subject.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let input = FlaggedInput(bytes)
    setUTF8Locale(input.bit(0))
    let parts = splitAtNUL(input.rest, maxParts: 3)
    let patternText = parts[0]
    let subject = parts.count > 1 ? parts[1] : ""
    let replacement = parts.count > 2 ? parts[2] : "<&>"
    let p = ShellPattern(patternText, extglob: !input.bit(1), caseInsensitive: input.bit(2))
    _ = p.hasWildcards
    let whole = p.matches(subject)
    let n = subject.count
    let lp = p.longestPrefix(of: subject), sp = p.shortestPrefix(of: subject)
    let ls = p.longestSuffix(of: subject), ss = p.shortestSuffix(of: subject)
    for (name, v) in [("longestPrefix", lp), ("shortestPrefix", sp), ("longestSuffix", ls), ("shortestSuffix", ss)] {
        if let v, v < 0 || v > n { invariantFailed("\(name) \(v) outside 0...\(n)", bytes) }
    }
    if whole && lp != n { invariantFailed("matches whole subject but longestPrefix is \(String(describing: lp))", bytes) }
    if whole && ls != 0 { invariantFailed("matches whole subject but longestSuffix is \(String(describing: ls))", bytes) }
    if (lp == nil) != (sp == nil) { invariantFailed("longestPrefix \(String(describing: lp)) vs shortestPrefix \(String(describing: sp))", bytes) }
    if (ls == nil) != (ss == nil) { invariantFailed("longestSuffix \(String(describing: ls)) vs shortestSuffix \(String(describing: ss))", bytes) }
    if let a = sp, let b = lp, a > b { invariantFailed("shortestPrefix \(a) > longestPrefix \(b)", bytes) }
    if let a = ss, let b = ls, a < b { invariantFailed("shortestSuffix starts at \(a) before longestSuffix \(b)", bytes) }
    _ = p.removeMatchingPrefix(from: subject, longest: true)
    _ = p.removeMatchingPrefix(from: subject, longest: false)
    _ = p.removeMatchingSuffix(from: subject, longest: true)
    _ = p.removeMatchingSuffix(from: subject, longest: false)
    for mode in [ReplaceMode.first, .all, .prefix, .suffix] {
        _ = p.replace(in: subject, with: replacement, mode: mode, ampersandIsMatch: input.bit(4))
    }
    for name in sandboxNames + [subject] {
        _ = p.matchesFileName(name, dotglob: input.bit(3))
    }
    _ = ShellPattern.unescape(patternText)
    let literal = ShellPattern(ShellPattern.escape(subject), extglob: !input.bit(1))
    if !literal.matches(subject) { invariantFailed("escape(subject) does not match the subject", bytes) }
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzPattern_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
