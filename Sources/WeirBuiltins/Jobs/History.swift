import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `history [N]`, `history -c`, `history -d N`
func history(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var rest = Array(args.dropFirst())
    if rest.first == "--" { rest.removeFirst() }
    if rest.first == "-d" {
        guard rest.count > 1 else { throw ShellError("history: -d: option requires an argument", status: 2) }
        // Any number that is not a position in the list (a script has no list) is out of range.
        guard let n = Int(rest[1]), let input = shell.interactiveInput else {
            throw ShellError("history: \(rest[1]): history position out of range")
        }
        let h = input.history
        let number = n < 0 ? h.first + h.entries.count + n : n
        guard input.deleteHistoryEntry(number) else { throw ShellError("history: \(rest[1]): history position out of range") }
        return 0
    }
    guard let input = shell.interactiveInput else { return 0 }
    if rest.first == "-c" {
        input.clearHistory()
        return 0
    }
    if let f = rest.first, f.hasPrefix("-") && f.count > 1 {
        throw ShellError("history: \(f): invalid option\nhistory: usage: history [-c] [-d offset] [n]", status: 2)
    }
    if rest.count > 1 { throw ShellError("history: too many arguments", status: 2) }
    let h = input.history
    var start = 0
    if let f = rest.first {
        guard let n = Int(f.hasPrefix("+") ? f.dropFirst() : f), n >= 0 else {
            throw ShellError("history: \(f): numeric argument required", status: 2)
        }
        start = max(0, h.entries.count - n)
    }
    var out: [UInt8] = []
    for i in start..<h.entries.count {
        let num = ByteString(h.first + i)
        out += [UInt8](repeating: UInt8(ascii: " "), count: max(0, 5 - num.count))
        out.append(num)
        out += Array("  ".utf8) + h.entries[i] + [0x0A]
    }
    writeStdout(out)
    return 0
}

/// `disown [-h] [-ar] [%job…]`: the jobs get no SIGHUP at exit (and leave the table
/// unless -h).
func disown(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, specs) = try parseOptions(args[1...], allowed: "ahr", command: "disown")
    var targets: [Job] = []
    if letters.contains("a") || letters.contains("r") {
        targets = shell.jobs.jobs.filter { $0.background && (!letters.contains("r") || !$0.isStopped) }
    } else if specs.isEmpty {
        if let j = shell.job(forSpec: "%+") { targets = [j] }
    } else {
        for s in specs {
            guard let j = shell.job(forSpec: s) else { throw ShellError("disown: \(s): no such job") }
            targets.append(j)
        }
    }
    for j in targets {
        j.disowned = true
        if !letters.contains("h") { shell.jobs.remove(j) }
    }
    return 0
}

/// `suspend [-f]`: stops the shell until it gets SIGCONT.
func suspend(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    if shell.interactive && getpgrp() == getsid(0) && !args.contains("-f") {
        throw ShellError("suspend: cannot suspend a login shell")
    }
    signal(SIGTSTP, SIG_DFL)
    kill(0, SIGSTOP)
    if shell.options.monitor { signal(SIGTSTP, SIG_IGN) }
    return 0
}
