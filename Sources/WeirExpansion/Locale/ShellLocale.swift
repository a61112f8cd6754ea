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
    public nonisolated(unsafe) static var isUTF8 = true

    /// LC_COLLATE is `C` or `POSIX`: strings sort by their bytes.
    public nonisolated(unsafe) static var collatesBytes = true

    /// Applies the locale variables' values, the way bash does: `LC_ALL` overrides the
    /// category, which overrides `LANG`; an empty or unset value falls through. A locale
    /// the system does not have leaves the category as it was, and the name is returned
    /// so the caller can warn about it.
    @discardableResult
    public static func apply(all: ByteString?, ctype: ByteString?, collate: ByteString?,
                             lang: ByteString?) -> [(category: String, name: ByteString)] {
        func pick(_ category: ByteString?) -> ByteString {
            if let a = all, !a.isEmpty { return a }
            if let c = category, !c.isEmpty { return c }
            if let l = lang, !l.isEmpty { return l }
            return "C"
        }
        var failed: [(String, ByteString)] = []
        let ctypeName = pick(ctype)
        if ctypeName.withCString({ setlocale(LC_CTYPE, $0) }) != nil {
            isUTF8 = currentCharsetIsUTF8()
        } else {
            failed.append((all?.isEmpty == false ? "LC_ALL" : "LC_CTYPE", ctypeName))
        }
        let collateName = pick(collate)
        if collateName.withCString({ setlocale(LC_COLLATE, $0) }) != nil {
            collatesBytes = collateName == "C" || collateName == "POSIX"
        } else if all?.isEmpty != false {
            failed.append(("LC_COLLATE", collateName))
        }
        Parser.unicodeEscapesEncodeUTF8 = isUTF8
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
