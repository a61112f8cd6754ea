import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// A prompt: bash's backslash escapes, then parameter, arithmetic and command
    /// substitution (quotes in the result are kept as text).
    public func expandPrompt(_ ps: String) -> String {
        let escaped = promptEscapes(ps)
        guard escaped.contains("$") || escaped.contains("`") else { return escaped }
        let saved = environment.lastStatus
        defer { environment.lastStatus = saved }
        let parser = Parser(source: SourceFile(name: "prompt", text: "\"" + escaped.replacingQuotes() + "\""))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first,
              let w = sc.words.first, let s = try? expander.expandString(w) else { return escaped }
        return s
    }

    /// `\u \h \H \w \W \$ \t \T \@ \A \d \n \j \! \# \e \a \s \v \[ \] \\ \nnn`
    func promptEscapes(_ ps: String) -> String {
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
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            let e = it[i + 1]
            i += 2
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
            case "v", "V": out += weirVersion
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
                if let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
            default:
                out += "\\"
                out.unicodeScalars.append(e)
            }
        }
        it = []
        return out
    }

    func userName() -> String {
        if let account = UserAccounts.withID(geteuid()) { return account.name }
        return variables.value("USER") ?? ""
    }

    func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        return gethostname(&buf, buf.count) == 0 ? String(cString: buf) : ""
    }

    /// The number the next history entry will get (`\!`).
    var historyNumber: Int {
        guard let h = interactiveInput?.historyEntries else { return 1 }
        return h.first + h.entries.count
    }
}
