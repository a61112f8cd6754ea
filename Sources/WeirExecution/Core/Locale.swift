import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// Takes the locale from `LC_ALL`, `LC_CTYPE`, `LC_COLLATE` and `LANG` (at start-up,
    /// and whenever the script assigns or unsets one of them): the characters that
    /// expansion counts, the case it maps and the order it sorts in follow it from the
    /// next command on, as in bash. A locale the system lacks leaves the category as it
    /// was; bash's warning says so when the variable just set (`changed`) is the one that
    /// failed: LC_ALL, LC_CTYPE or LC_COLLATE, never LANG (bash is silent about LANG, and
    /// so about a locale that cannot load under a low `ulimit -v`).
    public func applyLocale(changed: ByteString?) {
        let all = variables.value("LC_ALL"), ctype = variables.value("LC_CTYPE")
        let collate = variables.value("LC_COLLATE"), lang = variables.value("LANG")
        let value = changed.flatMap { variables.value($0) } ?? ""
        let cannotFail = changed == "LANG" || value.isEmpty || value == "C" || value == "POSIX"
        if importingEnvironment && (changed != "LC_ALL" || cannotFail) {
            // importEnvironment puts off the locale the whole environment names once it
            // has read it all. A mix seen on the way is no locale to load: LANG=C.UTF-8
            // read before LC_ALL=C loaded C.UTF-8's files at every start.
            return
        }
        if cannotFail {
            // Nothing to warn about (LANG never warns, C and POSIX always load, an empty
            // value names no locale of its own): the locale loads when first needed.
            ShellLocale.applyLater(all: all, ctype: ctype, collate: collate, lang: lang)
            return
        }
        let failed = ShellLocale.apply(all: all, ctype: ctype, collate: collate, lang: lang)
        guard let changed, changed != "LANG" else { return }
        // At start-up bash gives no reason.
        let reason = importingEnvironment ? "" : ": " + String(cString: strerror(ENOENT))
        for f in failed where ByteString(f.category) == changed {
            error("warning: setlocale: \(f.category): cannot change locale (\(f.name))\(reason)")
        }
    }
}
