import WeirExecution
import WeirExpansion
import WeirSyntax

/// `help [-dms] [pattern…]`: what each builtin and reserved word does (HelpTopics.swift).
/// A pattern with glob characters matches names as a pattern, one without matches them
/// by prefix, as in bash; no pattern lists every synopsis in two columns.
func help(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var summaryOnly = false, manual = false, synopsisOnly = false
    var i = 1
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst() {
            switch ch {
            case UInt8(ascii: "d"): summaryOnly = true
            case UInt8(ascii: "m"): manual = true
            case UInt8(ascii: "s"): synopsisOnly = true
            default:
                throw ShellError("help: -\(Character(UnicodeScalar(ch))): invalid option\nhelp: usage: help [-dms] [pattern ...]", status: 2)
            }
        }
        i += 1
    }
    let patterns = Array(args[i...])
    if patterns.isEmpty { return writeStdoutText(helpList(shell)) ? 0 : 1 }

    var out = ""
    var status: Int32 = 0
    let globbed = patterns.filter { isGlobPattern($0) }
    if !globbed.isEmpty {
        out += "Shell commands matching keyword" + (patterns.count > 1 ? "s" : "") + " `"
            + patterns.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: ", ") + "'\n\n"
    }
    for pattern in patterns {
        let matching = helpTopics.filter { topicMatches($0.name, pattern) }
        if matching.isEmpty {
            shell.error("help: no help topics match `\(pattern)'.  Try `help help' or `man -k \(pattern)'.")
            status = 1
            continue
        }
        for t in matching {
            if summaryOnly {
                out += t.name + " - " + t.summary + "\n"
            } else if synopsisOnly {
                out += t.name + ": " + t.synopsis + "\n"
            } else if manual {
                out += "NAME\n    \(t.name) - \(t.summary)\n\nSYNOPSIS\n    \(t.synopsis)\n\nDESCRIPTION\n"
                    + indented(t.description) + "\n"
            } else {
                out += t.name + ": " + t.synopsis + "\n" + indented(t.description)
            }
        }
    }
    guard writeStdoutText(out) else { return 1 }
    return status
}

/// A pattern with `*`, `?` or `[` matches as a pattern; any other text as a prefix.
func topicMatches(_ name: String, _ pattern: ByteString) -> Bool {
    let n = ByteString(name)
    if isGlobPattern(pattern) { return ShellPattern(pattern, extglob: false).matches(n) }
    return n.hasPrefix(pattern)
}

func isGlobPattern(_ p: ByteString) -> Bool {
    p.bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
        && p != "[" && p != "[["
}

func indented(_ text: String) -> String {
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
        out += line.isEmpty ? "    \n" : "    " + line + "\n"
    }
    return out
}

/// `help` alone: every synopsis, in two columns as wide as the terminal allows.
func helpList(_ shell: Shell) -> String {
    var out = "weir \(weirVersion)\n"
    out += "These commands are built into the shell. Type `help' to see this list.\n"
    out += "Type `help NAME' for more about NAME, `help trace' for the tracer.\n"
    out += "A star (*) next to a name means that the builtin is disabled (`enable -n').\n\n"
    let columns = Int(shell.variables.value("COLUMNS").map { String(decoding: $0.bytes, as: UTF8.self) } ?? "") ?? 80
    let width = max(20, min(columns, 512) / 2)
    let entries = helpTopics.map { t -> String in
        let star = shell.disabledBuiltins[ByteString(t.name)] != nil ? "*" : " "
        let text = star + t.synopsis
        return text.count > width - 2 ? String(text.prefix(width - 3)) + ">" : text
    }
    let half = (entries.count + 1) / 2
    for row in 0..<half {
        let left = entries[row]
        if row + half < entries.count {
            out += left + String(repeating: " ", count: max(1, width - left.count)) + entries[row + half] + "\n"
        } else {
            out += left + "\n"
        }
    }
    return out
}
