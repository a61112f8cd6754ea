import WeirSyntax
/// The options of `set -o` (and their letters).
public struct ShellOptions {
    public var errexit = false       // -e
    public var xtrace = false        // -x
    public var verbose = false       // -v
    public var noexec = false        // -n
    public var noclobber = false     // -C
    public var monitor = false       // -m
    public var hashall = true        // -h
    public var notify = false        // -b
    public var ignoreeof = false
    public var pipefail = false
    public var vi = false
    public var emacs = false
    public var interactive = false   // -i
    public var trace = false         // weir's `set -o trace`
    public var errtrace = false      // -E
    public var functrace = false     // -T
    public var posix = false
    /// `set -H`: `!` history expansion at the prompt (on there by default, as in bash).
    public var histexpand = false
    /// `set -o history`: lines typed at the prompt go into the history.
    public var history = false

    public init() {}

    /// Long names in the order `set -o` lists them, with their letter if any.
    public static let names: [(ByteString, Character?)] = [
        ("allexport", "a"), ("braceexpand", "B"), ("emacs", nil), ("errexit", "e"), ("errtrace", "E"),
        ("functrace", "T"), ("hashall", "h"), ("histexpand", "H"), ("history", nil), ("ignoreeof", nil), ("monitor", "m"), ("noclobber", "C"),
        ("noexec", "n"), ("noglob", "f"), ("notify", "b"), ("nounset", "u"), ("pipefail", nil),
        ("posix", nil), ("trace", nil), ("verbose", "v"), ("vi", nil), ("xtrace", "x"),
    ]
}
