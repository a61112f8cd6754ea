import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// A prompt: bash's backslash escapes, then parameter, arithmetic and command
    /// substitution (quotes in the result are kept as text).
    public func expandPrompt(_ ps: ByteString) -> ByteString {
        guard ps.contains(UInt8(ascii: "$")) || ps.contains(UInt8(ascii: "`")) else { return promptEscapes(ps) }
        let escaped = promptEscapes(ps, quoted: true)
        let saved = environment.lastStatus
        defer { environment.lastStatus = saved }
        let parser = Parser(source: SourceFile(name: "prompt", text: "\"" + escaped + "\""))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first,
              let w = sc.words.first, let s = try? expander.expandString(w) else { return escaped }
        return s
    }

    /// `\w` under PROMPT_DIRTRIM=N (bash's trim_pathname): the last N directories, the ones
    /// before them shown as `...` (`.../WeirSyntax/Parser`), after a `~/` kept as it is. A
    /// path of N directories or fewer, or whose cut part is 3 bytes or less, stays whole.
    static func trimmedDirectory(_ path: ByteString, keeping n: Int64) -> ByteString {
        let b = path.bytes
        let slash = UInt8(ascii: "/")
        // What follows a tilde prefix (`~/` or `~user/`) is what is trimmed.
        var start = 0
        if b.first == UInt8(ascii: "~") {
            guard let s = b.firstIndex(of: slash) else { return path }
            start = s + 1
        }
        guard start < b.count, Int64(b[start...].lazy.filter { $0 == slash }.count) >= n else { return path }
        var tail = b.count - 1
        var left = n
        while tail > start {
            if b[tail] == slash { left -= 1 }
            if left == 0 { break }
            tail -= 1
        }
        guard tail > start, tail - start > 3 else { return path }
        return ByteString(Array(b[..<start]) + Array("...".utf8) + Array(b[tail...]))
    }

    /// `\u \h \H \w \W \$ \t \T \@ \A \d \n \j \! \# \e \a \s \v \V \l \D{…} \[ \] \\ \nnn`
    ///
    /// `quoted` makes the result the inside of a double-quoted word for the expansion
    /// that follows: what an escape produced is protected (a `$` in the directory
    /// name stays text, `\\` stays one backslash), as bash does.
    func promptEscapes(_ ps: ByteString, quoted: Bool = false) -> ByteString {
        var out: [UInt8] = []
        let it = ps.bytes
        var i = 0
        func now() -> tm {
            var t = time(nil)
            var result = tm()
            localtime_r(&t, &result)
            return result
        }
        func format(_ f: ByteString) -> ByteString {
            var t = now()
            var buf = [CChar](repeating: 0, count: 128)
            let n = f.withCString { strftime(&buf, buf.count, $0, &t) }
            return ByteString(buf[0..<n].map { UInt8(bitPattern: $0) })
        }
        while i < it.count {
            let c = it[i]
            guard c == UInt8(ascii: "\\"), i + 1 < it.count else {
                if quoted && (c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")) { out.append(UInt8(ascii: "\\")) }
                out.append(c)
                i += 1
                continue
            }
            let e = it[i + 1]
            i += 2
            var piece: ByteString = ""
            var raw = false
            switch e {
            case UInt8(ascii: "u"): piece = userName()
            case UInt8(ascii: "h"): piece = hostName().split(separator: UInt8(ascii: ".")).first ?? ""
            case UInt8(ascii: "H"): piece = hostName()
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                var pwd = variables.value("PWD") ?? ""
                let home = variables.value("HOME") ?? ""
                if e == UInt8(ascii: "W") {
                    if pwd != "/" && pwd != home {
                        pwd = pwd.split(separator: UInt8(ascii: "/")).last ?? ""
                    } else if pwd == home && !home.isEmpty {
                        pwd = "~"
                    }
                } else {
                    if !home.isEmpty && (pwd == home || pwd.hasPrefix(home + "/")) {
                        pwd = "~" + pwd.dropFirst(home.count)
                    }
                    if let keep = variables.value("PROMPT_DIRTRIM").flatMap({ FileTest.legalNumber($0) }), keep > 0 {
                        pwd = Shell.trimmedDirectory(pwd, keeping: keep)
                    }
                }
                piece = pwd
            case UInt8(ascii: "$"): piece = geteuid() == 0 ? "#" : "$"
            case UInt8(ascii: "t"): piece = format("%H:%M:%S")
            case UInt8(ascii: "T"): piece = format("%I:%M:%S")
            case UInt8(ascii: "@"): piece = format("%I:%M %p")
            case UInt8(ascii: "A"): piece = format("%H:%M")
            case UInt8(ascii: "d"): piece = format("%a %b %d")
            case UInt8(ascii: "n"): piece = "\n"
            case UInt8(ascii: "r"): piece = "\r"
            case UInt8(ascii: "j"): piece = ByteString(jobs.jobs.filter { $0.background && !$0.isDone }.count)
            case UInt8(ascii: "!"): piece = ByteString(historyNumber)
            case UInt8(ascii: "#"): piece = ByteString(commandNumber)
            case UInt8(ascii: "e"): piece = "\u{1B}"
            case UInt8(ascii: "a"): piece = "\u{07}"
            case UInt8(ascii: "s"): piece = shellName
            case UInt8(ascii: "v"):
                piece = ByteString(weirVersion).components(separatedBy: UInt8(ascii: ".")).prefix(2).joined(separator: ".")
            case UInt8(ascii: "V"): piece = ByteString(weirVersion)
            case UInt8(ascii: "l"): piece = terminalName()
            case UInt8(ascii: "D"):
                // \D{format}: strftime; an empty format is the locale's time.
                guard i < it.count, it[i] == UInt8(ascii: "{"),
                      let close = it[i...].firstIndex(of: UInt8(ascii: "}")) else {
                    piece = "\\D"
                    raw = true
                    break
                }
                let f = ByteString(it[(i + 1)..<close])
                i = close + 1
                piece = format(f.isEmpty ? "%X" : f)
            case UInt8(ascii: "["): piece = "\u{01}"
            case UInt8(ascii: "]"): piece = "\u{02}"
            case UInt8(ascii: "\\"): piece = "\\"
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = Int(e) - 48
                var n = 1
                while n < 3, i < it.count, it[i] >= 48, it[i] <= 55 {
                    v = v * 8 + Int(it[i]) - 48
                    i += 1
                    n += 1
                }
                // bash keeps the low byte: `\555` is `m`.
                piece = ByteString(byte: UInt8(truncatingIfNeeded: v))
            default:
                raw = true
                piece = ByteString([UInt8(ascii: "\\"), e])
            }
            out.append(quoted && !raw ? quotedForDoubleQuotes(piece) : piece)
        }
        return ByteString(out)
    }

    func quotedForDoubleQuotes(_ s: ByteString) -> ByteString {
        var q: [UInt8] = []
        for c in s {
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "`") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                q.append(UInt8(ascii: "\\"))
            }
            q.append(c)
        }
        return ByteString(q)
    }

    /// The basename of standard input's terminal (`\l`), or `tty` when it is none.
    func terminalName() -> ByteString {
        guard let name = ttyname(0) else { return "tty" }
        return ByteString(cString: name).split(separator: UInt8(ascii: "/")).last ?? "tty"
    }

    /// The effective user's name, read from the password file once (`\u` is in
    /// most prompts, drawn before every command).
    func userName() -> ByteString {
        if let name = promptUserName { return name }
        guard let account = UserAccounts.withID(geteuid()) else { return variables.value("USER") ?? "" }
        promptUserName = account.name
        return account.name
    }

    func hostName() -> ByteString {
        var buf = [CChar](repeating: 0, count: 256)
        return gethostname(&buf, buf.count) == 0 ? ByteString(cString: buf) : ""
    }

    /// The number the next history entry will get (`\!`).
    var historyNumber: Int {
        guard let h = interactiveInput?.history else { return 1 }
        return h.first + h.entries.count
    }
}
