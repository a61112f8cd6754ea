import Glibc
import WeirSyntax

/// The locale as word expansion sees it: whether characters are UTF-8 sequences or
/// single bytes (LC_CTYPE), and whether strings sort by bytes or by the C library's
/// collation (LC_COLLATE). The shell sets both from `LC_ALL`, `LC_CTYPE`,
/// `LC_COLLATE` and `LANG` at start-up and whenever a script assigns one of them, and
/// calls `setlocale` so that the C library's case mapping and collation agree.
///
/// Values are bytes whatever the locale (see `docs/bytes.md`): the locale only decides
/// where one character ends and the next begins, what a character class holds, how case
/// changes, and how two strings sort.
public enum ShellLocale {
    /// LC_CTYPE's character set is UTF-8. Otherwise every byte is a character of its
    /// own. (The library starts in UTF-8, for its tests; the shell sets this from the
    /// environment before it runs anything.)
    public static var isUTF8: Bool {
        get {
            if pending != nil { settle() }
            return utf8
        }
        set { settle(); utf8 = newValue }
    }
    nonisolated(unsafe) static var utf8 = true

    /// LC_COLLATE is `C` or `POSIX`: strings sort by their bytes.
    public static var collatesBytes: Bool {
        if pending != nil { settle() }
        return bytewiseCollation
    }
    nonisolated(unsafe) static var bytewiseCollation = true

    /// The LC_CTYPE and LC_COLLATE names an `applyLater` put off. Loading a locale costs
    /// a tenth of a millisecond of file opening and mapping, which `weir -c true` and most
    /// scripts never need: it happens when something first asks what the locale says.
    nonisolated(unsafe) static var pending: (ctype: ByteString, collate: ByteString)?

    /// Like `apply`, but the `setlocale` calls wait until a question above (or `settle`)
    /// needs them. Only for changes whose failure is not reported: `LANG` (as in bash),
    /// and a value of C, POSIX or nothing, which cannot fail.
    public static func applyLater(all: ByteString?, ctype: ByteString?, collate: ByteString?,
                                  lang: ByteString?) {
        let names = (ctype: pick(all, ctype, lang), collate: pick(all, collate, lang))
        // A change that replaces one still pending applies that one first: if the new
        // locale then fails to load, the one before it stays in force, as with setlocale.
        if let p = pending, p != names { settle() }
        pending = names
        Parser.settleLocale = settle
    }

    /// Applies a pending locale now: before the C library is called directly with text
    /// whose characters matter (regcomp, readline).
    public static func settle() {
        guard let p = pending else { return }
        pending = nil
        Parser.settleLocale = nil
        _ = setCategories(ctype: p.ctype, collate: p.collate, allSet: false)
    }

    static func pick(_ all: ByteString?, _ category: ByteString?, _ lang: ByteString?) -> ByteString {
        if let a = all, !a.isEmpty { return a }
        if let c = category, !c.isEmpty { return c }
        if let l = lang, !l.isEmpty { return l }
        return "C"
    }

    /// Applies the locale variables' values, the way bash does: `LC_ALL` overrides the
    /// category, which overrides `LANG`; an empty or unset value falls through. A locale
    /// the system does not have leaves the category as it was, and the name is returned
    /// so the caller can warn about it.
    @discardableResult
    public static func apply(all: ByteString?, ctype: ByteString?, collate: ByteString?,
                             lang: ByteString?) -> [(category: String, name: ByteString)] {
        // A change put off takes effect first: a locale that then fails to load leaves
        // that one in force.
        settle()
        return setCategories(ctype: pick(all, ctype, lang), collate: pick(all, collate, lang),
                             allSet: all?.isEmpty == false)
    }

    static func setCategories(ctype ctypeName: ByteString, collate collateName: ByteString,
                              allSet: Bool) -> [(category: String, name: ByteString)] {
        var failed: [(String, ByteString)] = []
        if ctypeName.withCString({ setlocale(LC_CTYPE, $0) }) == nil {
            failed.append((allSet ? "LC_ALL" : "LC_CTYPE", ctypeName))
        }
        // What the C library has now, loaded or not: a locale that fails to load at
        // start-up leaves it in "C", whatever the library assumed (LC_CTYPE=invalid).
        utf8 = currentCharsetIsUTF8()
        if collateName.withCString({ setlocale(LC_COLLATE, $0) }) != nil {
            bytewiseCollation = collateName == "C" || collateName == "POSIX"
        } else if !allSet {
            failed.append(("LC_COLLATE", collateName))
        }
        Parser.unicodeEscapesEncodeUTF8 = utf8
        return failed
    }

    /// Whether the C library's current LC_CTYPE is UTF-8.
    static func currentCharsetIsUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = ByteString(String(cString: cs)).asciiUppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Compares two values in the locale's collation order: <0, 0 or >0. Values that
    /// collate equal but differ in their bytes are ordered by their bytes, so no two
    /// different values compare equal.
    public static func compare(_ a: ByteString, _ b: ByteString) -> Int {
        if !collatesBytes {
            let c = a.withCString { x in b.withCString { y in strcoll(x, y) } }
            if c != 0 { return Int(c) }
        }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// True when `a` sorts before `b` in the locale's collation.
    public static func precedes(_ a: ByteString, _ b: ByteString) -> Bool { compare(a, b) < 0 }
}
