import WeirExpansion
import WeirSyntax
/// bash's `echo` builtin.
public enum Echo {
    /// Leading options `-n` `-e` `-E`, combinable (`-ne`, `-En`) only when every letter is
    /// one of n e E; `--` is not special. With escapes on (`-e`, or `escapesByDefault` for
    /// xpg_echo) each argument is interpreted like printf's `%b`, except that `\1`..`\7`
    /// stay as they are and a `\x` without digits is kept silently; `\c` stops all output,
    /// the newline included.
    public static func run(_ arguments: [ByteString], escapesByDefault: Bool = false) -> BuiltinOutput {
        var out = BuiltinOutput()
        var newline = true
        var escapes = escapesByDefault
        var index = 0
        while index < arguments.count {
            let option = arguments[index].bytes
            guard option.count >= 2, option[0] == UInt8(ascii: "-"),
                  option.dropFirst().allSatisfy({ $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
            else { break }
            for letter in option.dropFirst() {
                switch letter {
                case UInt8(ascii: "n"): newline = false
                case UInt8(ascii: "e"): escapes = true
                default: escapes = false
                }
            }
            index += 1
        }
        var first = true
        while index < arguments.count {
            if !first { out.stdout.append(0x20) }
            first = false
            if escapes {
                let r = Escapes.process(arguments[index].bytes, mode: .echo)
                out.stdout.append(contentsOf: r.bytes)
                if r.stopped { return out }
            } else {
                out.stdout.append(arguments[index])
            }
            index += 1
        }
        if newline { out.stdout.append(0x0A) }
        return out
    }
}
