import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// Signal names without `SIG`, by number (Linux).
let signalNames: [Int32: ByteString] = [
    1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS", 8: "FPE", 9: "KILL", 10: "USR1",
    11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM", 16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP",
    20: "TSTP", 21: "TTIN", 22: "TTOU", 23: "URG", 24: "XCPU", 25: "XFSZ", 26: "VTALRM", 27: "PROF", 28: "WINCH",
    29: "IO", 30: "PWR", 31: "SYS",
]

/// A signal from a name (`INT`, `SIGINT`, `int`) or a number; 0 is EXIT for `trap`.
func signalNumber(_ text: ByteString) -> Int32? {
    if let n = Int32(text) { return n >= 0 && n < 65 ? n : nil }
    var name = text.asciiUppercased()
    if name.hasPrefix("SIG") { name = name.dropFirst(3) }
    if name == "EXIT" { return 0 }
    if name.hasPrefix("RTMIN") || name.hasPrefix("RTMAX") {
        let base: Int32 = name.hasPrefix("RTMIN") ? 34 : 64
        let rest = name.dropFirst(5)
        if rest.isEmpty { return base }
        guard let off = Int32(rest), off >= -30, off <= 30 else { return nil }
        let n = base + off
        return n >= 34 && n <= 64 ? n : nil
    }
    return signalNames.first { $0.value == name }?.key
}

/// `wait [-n] [pid|%job…]`
func wait(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var operands = Array(args.dropFirst())
    var any = false
    if operands.first == "-n" { any = true; operands.removeFirst() }
    if operands.first == "--" { operands.removeFirst() }
    if any { return shell.waitForAnyJob() }
    if operands.isEmpty { return shell.waitForAllJobs() }
    var status: Int32 = 0
    for op in operands {
        // bash's statuses: a job spec that names no job, or a pid that is not a child,
        // is 127 (POSIX's unknown process); an operand that is neither is 1.
        guard let pids = shell.pids(forJobSpec: op) else {
            if op.hasPrefix("%") {
                shell.error("wait: \(op): no such job")
                status = 127
            } else {
                shell.error("wait: `\(op)': not a pid or valid job spec")
                status = 1
            }
            continue
        }
        let unknown = !op.hasPrefix("%") && !pids.contains { shell.jobs.isKnown($0) }
        status = shell.waitForPids(pids)
        if unknown && status == 127, let pid = pids.first { shell.error("wait: pid \(pid) is not a child of this shell") }
    }
    return status
}

/// `kill [-s SIG | -SIG] pid|%job…` and `kill -l [n]`
func kill(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var rest = Array(args.dropFirst())
    var sig: Int32 = SIGTERM
    guard let first = rest.first else {
        throw ShellError("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", status: 2)
    }
    if first == "-l" || first == "-L" {
        rest.removeFirst()
        if rest.isEmpty {
            writeStdout(signalTable())
            return 0
        }
        for a in rest {
            if a == "0" || a.asciiUppercased() == "EXIT" {
                writeStdout(a == "0" ? "EXIT\n" : "0\n")
                continue
            }
            if let n = Int32(a) {
                let s = n > 128 ? n - 128 : n
                guard let name = signalNames[s] else { throw ShellError("kill: \(a): invalid signal specification") }
                writeStdout(name + "\n")
            } else if let n = signalNumber(a) {
                writeStdout("\(n)\n")
            } else {
                throw ShellError("kill: \(a): invalid signal specification")
            }
        }
        return 0
    }
    if first == "-s" || first == "-n" {
        guard rest.count > 1, let n = signalNumber(rest[1]) else { throw ShellError("kill: \(rest.count > 1 ? rest[1] : ""): invalid signal specification") }
        sig = n
        rest.removeFirst(2)
    } else if first.hasPrefix("-") && first != "--" && first.count > 1 {
        guard let n = signalNumber(ByteString(first.dropFirst())) else { throw ShellError("kill: \(first.dropFirst()): invalid signal specification") }
        sig = n
        rest.removeFirst()
    }
    if rest.first == "--" { rest.removeFirst() }
    guard !rest.isEmpty else { throw ShellError("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", status: 2) }
    var status: Int32 = 0
    for target in rest {
        if target.hasPrefix("%") {
            guard let job = shell.job(forSpec: target) else {
                shell.error("kill: \(target): no such job")
                status = 1
                continue
            }
            if let pg = job.processGroup { if Glibc.kill(-pg, sig) != 0 { status = 1 } } else {
                for p in job.pids { _ = Glibc.kill(p, sig) }
            }
            if sig == SIGTERM || sig == SIGHUP, job.isStopped, let pg = job.processGroup { _ = Glibc.kill(-pg, SIGCONT) }
            continue
        }
        guard let pid = Int32(target) else {
            shell.error("kill: \(target): arguments must be process or job IDs")
            status = 1
            continue
        }
        if Glibc.kill(pid, sig) != 0 {
            shell.error("kill: (\(pid)) - \(String(cString: strerror(errno)))")
            status = 1
        }
    }
    return status
}

/// `trap [-lp] [[action] sig…]`
func trap(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var rest = Array(args.dropFirst())
    if rest.first == "--" {
        rest.removeFirst()
    } else if let o = rest.first, o.count > 1, o.hasPrefix("-"), o != "-l", o != "-p" {
        // `trap -` alone resets; any other option is a usage error (bash).
        throw ShellError("trap: \(o.prefix(2)): invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]", status: 2)
    }
    if rest.first == "-l" {
        writeStdout(signalTable())
        return 0
    }
    if rest.isEmpty || rest.first == "-p" {
        let wanted = rest.isEmpty ? [] : Array(rest.dropFirst())
        printTraps(shell, only: try wanted.map { w -> ByteString in
            guard let n = signalNumber(w) ?? pseudoSignal(w) else { throw ShellError("trap: \(w): invalid signal specification") }
            return trapName(n)
        })
        return 0
    }
    // `trap N…` with N a number: reset those signals (POSIX: a first operand that is an
    // unsigned integer means reset).
    var action: ByteString? = rest[0]
    var signals = Array(rest.dropFirst())
    if signals.isEmpty || !rest[0].isEmpty && rest[0].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        action = nil
        signals = rest
    }
    if action == "-" { action = nil }
    if let a = action, !a.isEmpty, !shell.isValidShellCode(a) {
        throw ShellError("trap: invalid trap action", status: 1)
    }
    var status: Int32 = 0
    for s in signals {
        if let p = pseudoSignal(s) {
            shell.traps.setPseudoTrap(p, action)
            continue
        }
        guard let n = signalNumber(s) else {
            shell.error("trap: \(s): invalid signal specification")
            status = 1
            continue
        }
        if n == SIGKILL || n == SIGSTOP { continue }
        if shell.traps.ignoredAtStart.contains(n) && !shell.interactive { continue }
        if n == 0 {
            shell.setTrap(0, action.map { .command($0) })
            continue
        }
        shell.setTrap(n, action.map { $0.isEmpty ? .ignore : .command($0) })
    }
    return status
}

/// ERR, RETURN and DEBUG as negative numbers.
func pseudoSignal(_ s: ByteString) -> Int32? {
    switch s.asciiUppercased() {
    case "ERR": return -1
    case "RETURN": return -2
    case "DEBUG": return -3
    default: return nil
    }
}

func trapName(_ n: Int32) -> ByteString {
    switch n {
    case 0: return "EXIT"
    case -1: return "ERR"
    case -2: return "RETURN"
    case -3: return "DEBUG"
    default: return "SIG" + (signalNames[n] ?? ByteString(n))
    }
}

func printTraps(_ shell: Shell, only: [ByteString]) {
    var lines: [(Int32, ByteString)] = []
    if case .command(let t)? = shell.traps.displayedAction(for: 0) { lines.append((0, t)) }
    for n in 1..<65 {
        switch shell.traps.displayedAction(for: Int32(n)) {
        case .command(let c)?: lines.append((Int32(n), c))
        case .ignore?: lines.append((Int32(n), ""))
        case nil: break
        }
    }
    if let t = shell.traps.errTrap { lines.append((-1, t)) }
    if let t = shell.traps.returnTrap { lines.append((-2, t)) }
    if let t = shell.traps.debugTrap { lines.append((-3, t)) }
    for (n, t) in lines {
        let name = trapName(n)
        if !only.isEmpty && !only.contains(name) { continue }
        writeStdout("trap -- \(shellQuoteForAlias(t)) \(name)\n")
    }
}

/// `times`: user and system time of the shell and of its children.
func times(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var a = rusage(), b = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &a)
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &b)
    func fmt(_ t: timeval) -> ByteString {
        let total = Double(t.tv_sec) + Double(t.tv_usec) / 1e6
        let m = Int(total / 60)
        let s = total - Double(m * 60)
        let ms = Int((s * 1000).rounded())
        let whole = ms / 1000, frac = ms % 1000
        let f = ByteString(frac)
        return "\(m)m\(whole).\(ByteString(repeating: UInt8(ascii: "0"), count: 3 - f.count))\(f)s"
    }
    writeStdout("\(fmt(a.ru_utime)) \(fmt(a.ru_stime))\n\(fmt(b.ru_utime)) \(fmt(b.ru_stime))\n")
    return 0
}

/// `jobs [-lprs]`
func jobsBuiltin(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, _) = try parseOptions(args[1...], allowed: "lprsnt", command: "jobs")
    shell.jobs.reapFinished()
    shell.settleTracedJobs()
    // A job reported as done is listed once. A script keeps it (for `wait %N`) until its
    // command ends or the next `jobs`; a prompt drops it at once (bash).
    shell.jobs.pruneDone()
    let listed = shell.jobs.jobs.contains { $0.background } ? shell.jobs.jobs : shell.jobs.inheritedJobs
    let background = listed.filter { $0.background }
    for job in background {
        if letters.contains("r") && (job.isDone || job.isStopped) { continue }
        if letters.contains("s") && !job.isStopped { continue }
        if letters.contains("p") {
            writeStdout(job.pids.map { ByteString($0) }.joined(separator: "\n") + "\n")
            continue
        }
        let state: ByteString
        if job.isDone, let last = job.pids.last, case .signaled(let sig, let core)? = job.states[last] {
            // bash names the signal (`Terminated`, `Killed`), not its status.
            state = ByteString(cString: strsignal(sig)) + (core ? " (core dumped)" : "")
        } else {
            state = job.isDone ? (job.status == 0 ? "Done" : "Exit \(job.status)") : (job.isStopped ? "Stopped" : "Running")
        }
        let marker: ByteString = job === background.last ? "+"
            : (background.count >= 2 && job === background[background.count - 2] ? "-" : " ")
        // bash's columns: `[1]+  Done`, and with -l `[1]+ 12345 Done` (the pid in five).
        var line: ByteString = "[\(job.id)]\(marker) "
        if letters.contains("l") {
            let pid = ByteString(job.pids.first ?? 0)
            line += ByteString(repeating: UInt8(ascii: " "), count: max(0, 5 - pid.count)) + pid + " "
        } else {
            line += " "
        }
        line += state.padding(to: 24) + job.command + (job.isDone || job.isStopped ? "" : " &")
        writeStdout(line + "\n")
        // -t: a traced job's numbers so far.
        if letters.contains("t"), let trace = job.pendingTrace {
            for l in trace.liveLines() { writeStdout(ByteString(l) + "\n") }
        }
        if job.isDone { job.notified = true }
    }
    if shell.interactive { shell.jobs.pruneDone() }
    return 0
}

func fg(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard shell.options.monitor else { throw ShellError("fg: no job control") }
    guard let job = shell.job(forSpec: args.count > 1 ? args[1] : "%+") else { throw ShellError("fg: current: no such job") }
    return shell.resumeInForeground(job)
}

func bg(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard shell.options.monitor else { throw ShellError("bg: no job control") }
    guard let job = shell.job(forSpec: args.count > 1 ? args[1] : "%+") else { throw ShellError("bg: current: no such job") }
    shell.resumeInBackground(job)
    return 0
}

extension ByteString {
    func padding(to n: Int) -> ByteString {
        count >= n ? self + " " : self + ByteString(repeating: UInt8(ascii: " "), count: n - count)
    }
}

/// bash's `kill -l` table: five signals a line, ` 1) SIGHUP\t 2) SIGINT…`, real-time
/// signals included.
func signalTable() -> ByteString {
    var entries: [ByteString] = []
    for n in 1...64 {
        let name: ByteString
        if let s = signalNames[Int32(n)] { name = "SIG" + s } else if n >= 34 && n <= 49 {
            name = n == 34 ? "SIGRTMIN" : "SIGRTMIN+\(n - 34)"
        } else if n >= 50 {
            name = n == 64 ? "SIGRTMAX" : "SIGRTMAX-\(64 - n)"
        } else {
            continue
        }
        let num: ByteString = n < 10 ? " \(n)" : "\(n)"
        entries.append("\(num)) \(name)")
    }
    var out: ByteString = ""
    for (i, e) in entries.enumerated() {
        out += e
        out += (i % 5 == 4 || i == entries.count - 1) ? "\n" : "\t"
    }
    return out
}
