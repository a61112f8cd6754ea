import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `ulimit [-HSa] [-cdfilmnpqrstuvx] [limit]`
func ulimit(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    // Linux resource numbers (RLIMIT_*), not all of which Glibc's module exports.
    let resources: [(Character, Int32, ByteString, rlim_t)] = [
        ("c", 4, "core file size          (blocks, -c)", 512),
        ("d", 2, "data seg size           (kbytes, -d)", 1024),
        ("e", 13, "scheduling priority             (-e)", 1),
        ("f", 1, "file size               (blocks, -f)", 512),
        ("i", 11, "pending signals                 (-i)", 1),
        ("l", 8, "max locked memory       (kbytes, -l)", 1024),
        ("m", 5, "max memory size         (kbytes, -m)", 1024),
        ("n", 7, "open files                      (-n)", 1),
        ("q", 12, "POSIX message queues     (bytes, -q)", 1),
        ("r", 14, "real-time priority              (-r)", 1),
        ("s", 3, "stack size              (kbytes, -s)", 1024),
        ("t", 0, "cpu time               (seconds, -t)", 1),
        ("u", 6, "max user processes              (-u)", 1),
        ("v", 9, "virtual memory          (kbytes, -v)", 1024),
        ("x", 10, "file locks                      (-x)", 1),
    ]
    var hard = false, soft = false, all = false
    var selected: [Character] = []
    var value: ByteString?
    for a in args.dropFirst() {
        if a == "--all" { all = true; continue }
        if a.hasPrefix("-") && a.count > 1 {
            for ch in a.dropFirst().optionLetters {
                switch ch {
                case "H": hard = true
                case "S": soft = true
                case "a": all = true
                default:
                    guard resources.contains(where: { $0.0 == ch }) else { throw ShellError("ulimit: -\(ch): invalid option", status: 2) }
                    selected.append(ch)
                }
            }
        } else {
            value = a
        }
    }
    if all && value != nil { throw ShellError("ulimit: too many arguments", status: 2) }
    if selected.isEmpty { selected = ["f"] }
    func show(_ v: rlim_t, _ unit: rlim_t) -> ByteString { v == rlim_t.max ? "unlimited" : ByteString(v / unit) }
    if all {
        for (_, res, label, unit) in resources {
            var rl = rlimit()
            getrlimit(__rlimit_resource_t(UInt32(res)), &rl)
            writeStdout("\(label) \(show(hard ? rl.rlim_max : rl.rlim_cur, unit))\n")
        }
        return 0
    }
    for ch in selected {
        guard let (_, res, _, unit) = resources.first(where: { $0.0 == ch }) else { continue }
        var rl = rlimit()
        getrlimit(__rlimit_resource_t(UInt32(res)), &rl)
        if let value {
            let n: rlim_t
            if value == "unlimited" { n = rlim_t.max } else if value == "hard" { n = rl.rlim_max } else if value == "soft" {
                n = rl.rlim_cur
            } else {
                guard let v = rlim_t(value) else { throw ShellError("ulimit: \(value): invalid number") }
                let (product, overflow) = v.multipliedReportingOverflow(by: unit)
                n = overflow ? rlim_t.max : product
            }
            // Neither -H nor -S: both limits.
            if soft || !hard { rl.rlim_cur = n }
            if hard || !soft { rl.rlim_max = n }
            if setrlimit(__rlimit_resource_t(UInt32(res)), &rl) != 0 {
                throw ShellError("ulimit: \(ch == "n" ? "open files" : "limit"): cannot modify limit: \(String(cString: strerror(errno)))")
            }
        } else {
            writeStdout(show(hard ? rl.rlim_max : rl.rlim_cur, unit) + "\n")
        }
    }
    return 0
}

/// `shopt [-pqsu] [-o] [name…]`
func shopt(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, names) = try parseOptions(args[1...], allowed: "pqsuo", command: "shopt")
    let setOn = letters.contains("s"), setOff = letters.contains("u"), quiet = letters.contains("q")
    let useSetO = letters.contains("o")
    func get(_ n: ByteString) -> Bool? {
        useSetO ? shell.option(named: n) : (shell.shoptValue(n) ?? shell.option(named: n).flatMap { _ in nil })
    }
    func put(_ n: ByteString, _ v: Bool) -> Bool {
        if useSetO { return shell.setOption(named: n, v) }
        return shell.setShopt(n, v)
    }
    if setOn || setOff {
        var status: Int32 = 0
        for n in names where !put(n, setOn) {
            shell.error("shopt: \(n): invalid shell option name")
            status = 1
        }
        return status
    }
    let list = names.isEmpty ? (useSetO ? ShellOptions.names.map { $0.0 } : Shell.shoptNames) : names
    var status: Int32 = 0
    for n in list {
        guard let v = get(n) else {
            shell.error("shopt: \(n): invalid shell option name")
            return 2
        }
        if !v && !names.isEmpty { status = 1 }
        if quiet { continue }
        if letters.contains("p") || useSetO && letters.contains("p") {
            writeStdout(useSetO ? "set \(v ? "-" : "+")o \(n)\n" : "shopt \(v ? "-s" : "-u") \(n)\n")
        } else {
            // bash's "%-15s\t%s": the name in 15 columns, then a tab.
            let pad = ByteString(repeating: UInt8(ascii: " "), count: max(0, 15 - n.count))
            writeStdout(n + pad + "\t" + (v ? "on" : "off") + "\n")
        }
    }
    return status
}

/// `caller [n]`: the line and (with n) function and file of a caller.
func caller(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let frames = shell.callerFrames
    // Outside any function or sourced file there is nothing to name (bash: status 1,
    // whatever the argument).
    guard !frames.isEmpty else { return 1 }
    var n = 0
    if args.count > 1 {
        // A frame number: a non-negative decimal that fits (bash's messages).
        let a = args[1]
        if a.first == UInt8(ascii: "-") && a.count > 1 {
            throw ShellError("caller: \(a): invalid option\ncaller: usage: caller [expr]", status: 2)
        }
        guard let v = Int(a), v >= 0 else {
            throw ShellError("caller: \(a): invalid number\ncaller: usage: caller [expr]", status: 2)
        }
        n = v
    }
    guard n < frames.count else { return 1 }
    let f = frames[frames.count - 1 - n]
    if args.count > 1 {
        writeStdout("\(f.line) \(f.function) \(f.file)\n")
    } else {
        writeStdout("\(f.line) \(f.file)\n")
    }
    return 0
}
