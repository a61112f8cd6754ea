import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// Takes the locale from `LC_ALL`, `LC_CTYPE`, `LC_COLLATE` and `LANG` (at start-up,
    /// and whenever the script assigns or unsets one of them): the characters that
    /// expansion counts, the case it maps and the order it sorts in follow it from the
    /// next command on, as in bash. A locale the system lacks leaves the category as it
    /// was; with `warn`, bash's warning says so.
    public func applyLocale(warn: Bool) {
        let failed = ShellLocale.apply(all: variables.value("LC_ALL"), ctype: variables.value("LC_CTYPE"),
                                       collate: variables.value("LC_COLLATE"), lang: variables.value("LANG"))
        guard warn else { return }
        let reason = String(cString: strerror(ENOENT))
        for f in failed {
            error("warning: setlocale: \(f.category): cannot change locale (\(f.name)): \(reason)")
        }
    }
}
