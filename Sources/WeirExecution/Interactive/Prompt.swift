import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// A prompt: bash's backslash escapes, then parameter, arithmetic and command
    /// substitution (quotes in the result are kept as text).
    public func expandPrompt(_ ps: String) -> String {
        guard ps.contains("$") || ps.contains("`") else { return promptEscapes(ps) }
        let escaped = promptEscapes(ps, quoted: true)
        let saved = environment.lastStatus
        defer { environment.lastStatus = saved }
        let parser = Parser(source: SourceFile(name: "prompt", text: "\"" + escaped + "\""))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first,
              let w = sc.words.first, let s = try? expander.expandString(w) else { return escaped }
        return s
    }

    /// `\u \h \H \w \W \$ \t \T \@ \A \d \n \j \! \# \e \a \s \v \V \l \D{…} \[ \] \\ \nnn`
    ///
    /// `quoted` makes the result the inside of a double-quoted word for the expansion
    /// that follows: what an escape produced is protected (a `$` in the directory
    /// name stays text, `\\` stays one backslash), as bash does.
    func promptEscapes(_ ps: String, quoted: Bool = false) -> String {
        var out = ""
        var it = Array(ps.unicodeScalars)
        var i = 0
        func now() -> tm {
            var t = time(nil)
            var result = tm()
            localtime_r(&t, &result)
            return result
        }
        func format(_ f: String) -> String {
            var t = now()
            var buf = [CChar](repeating: 0, count: 128)
            let n = strftime(&buf, buf.count, f, &t)
            return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        while i < it.count {
            let c = it[i]
            guard c == "\\", i + 1 < it.count else {
                if quoted && (c == "\"" || c == "\\") { out += "\\" }
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            let e = it[i + 1]
            i += 2
            let before = out
            out = ""
            var raw = false
            switch e {
            case "u": out += userName()
            case "h": out += String(hostName().split(separator: ".").first ?? "")
            case "H": out += hostName()
            case "w", "W":
                var pwd = variables.value("PWD") ?? ""
                let home = variables.value("HOME") ?? ""
                if e == "W" {
                    if pwd != "/" && pwd != home { pwd = String(pwd.split(separator: "/").last ?? "") } else if pwd == home && !home.isEmpty { pwd = "~" }
                } else if !home.isEmpty && (pwd == home || pwd.hasPrefix(home + "/")) {
                    pwd = "~" + pwd.dropFirst(home.count)
                }
                out += pwd
            case "$": out += geteuid() == 0 ? "#" : "$"
            case "t": out += format("%H:%M:%S")
            case "T": out += format("%I:%M:%S")
            case "@": out += format("%I:%M %p")
            case "A": out += format("%H:%M")
            case "d": out += format("%a %b %d")
            case "n": out += "\n"
            case "r": out += "\r"
            case "j": out += String(jobs.jobs.filter { $0.background && !$0.isDone }.count)
            case "!": out += String(historyNumber)
            case "#": out += String(commandNumber)
            case "e": out += "\u{1B}"
            case "a": out += "\u{07}"
            case "s": out += "weir"
            case "v": out += weirVersion.split(separator: ".").prefix(2).joined(separator: ".")
            case "V": out += weirVersion
            case "l": out += terminalName()
            case "D":
                // \D{format}: strftime; an empty format is the locale's time.
                guard i < it.count, it[i] == "{", let close = it[i...].firstIndex(of: "}") else {
                    out += "\\D"
                    break
                }
                let f = String(String.UnicodeScalarView(it[(i + 1)..<close]))
                i = close + 1
                out += format(f.isEmpty ? "%X" : f)
            case "[": out += "\u{01}"
            case "]": out += "\u{02}"
            case "\\": out += "\\"
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3, i < it.count, it[i].value >= 48, it[i].value <= 55 {
                    v = v * 8 + it[i].value - 48
                    i += 1
                    n += 1
                }
                // bash keeps the low byte: `\555` is `m`.
                if let u = Unicode.Scalar(v & 0xFF) { out.unicodeScalars.append(u) }
            default:
                raw = true
                out += "\\"
                out.unicodeScalars.append(e)
            }
            out = before + (quoted && !raw ? quotedForDoubleQuotes(out) : out)
        }
        it = []
        return out
    }

    func quotedForDoubleQuotes(_ s: String) -> String {
        var q = ""
        for c in s.unicodeScalars {
            if c == "$" || c == "`" || c == "\"" || c == "\\" { q += "\\" }
            q.unicodeScalars.append(c)
        }
        return q
    }

    /// The basename of standard input's terminal (`\l`), or `tty` when it is none.
    func terminalName() -> String {
        guard let name = ttyname(0) else { return "tty" }
        return String(String(cString: name).split(separator: "/").last ?? "tty")
    }

    /// The effective user's name, read from the password file once (`\u` is in
    /// most prompts, drawn before every command).
    func userName() -> String {
        if let name = promptUserName { return name }
        guard let account = UserAccounts.withID(geteuid()) else { return variables.value("USER") ?? "" }
        promptUserName = account.name
        return account.name
    }

    func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        return gethostname(&buf, buf.count) == 0 ? String(cString: buf) : ""
    }

    /// The number the next history entry will get (`\!`).
    var historyNumber: Int {
        guard let h = interactiveInput?.history else { return 1 }
        return h.first + h.entries.count
    }
}
