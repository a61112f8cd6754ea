import Glibc
import CWeirSys
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `history [N]`, `history -c`, `history -d N[-M]`, `history -anrw [FILE]`,
/// `history -s ARG…`, `history -p ARG…`.
func history(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let usage = "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]"
    var rest = Array(args.dropFirst())
    var letters: [UInt8] = []
    var deleteSpec: ByteString?
    while let a = rest.first, a.hasPrefix("-"), a.count > 1, !isNumber(a) {
        rest.removeFirst()
        if a == "--" { break }
        for ch in a.dropFirst() {
            guard "acdnrwps".utf8.contains(ch) else {
                throw ShellError("history: -\(Character(UnicodeScalar(ch))): invalid option\n\(usage)", status: 2)
            }
            if ch == UInt8(ascii: "d") {
                guard !rest.isEmpty else { throw ShellError("history: -d: option requires an argument", status: 2) }
                deleteSpec = rest.removeFirst()
            } else {
                letters.append(ch)
            }
        }
    }
    func has(_ c: Character) -> Bool { letters.contains(UInt8(ascii: c.unicodeScalars.first!)) }
    if let spec = deleteSpec { return try deleteHistory(shell, spec) }
    guard let input = shell.interactiveInput else { return has("p") ? printExpanded(shell, rest) : 0 }
    if has("c") {
        input.clearHistory()
        if letters.count == 1 { return 0 }
    }
    if has("p") { return printExpanded(shell, rest) }
    if has("s") {
        // The `history -s` line itself gives way to the entry (bash).
        let h = input.history
        if !h.entries.isEmpty { _ = input.deleteHistoryEntry(h.first + h.entries.count - 1) }
        if !rest.isEmpty { input.addToHistoryList(rest.joined(separator: " ").bytes) }
        return 0
    }
    if let op = letters.first(where: { "anrw".utf8.contains($0) }) {
        guard let file = rest.first ?? shell.variables.value("HISTFILE"), !file.isEmpty else { return 0 }
        return try historyFile(shell, input, operation: op, file: file)
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
    let timeFormat = shell.variables.value("HISTTIMEFORMAT")
    var out: [UInt8] = []
    for i in start..<h.entries.count {
        let num = ByteString(h.first + i)
        out += [UInt8](repeating: UInt8(ascii: " "), count: max(0, 5 - num.count))
        out.append(num)
        out += Array("  ".utf8)
        if let format = timeFormat { out += formattedTime(input.historyTime(h.first + i), format) }
        out += h.entries[i] + [0x0A]
    }
    writeStdout(out)
    return 0
}

func isNumber(_ a: ByteString) -> Bool { Int(a) != nil }

/// `history -d N`, `-d -N` (from the end), `-d N-M` (a range).
func deleteHistory(_ shell: Shell, _ spec: ByteString) throws -> Int32 {
    // Any number that is not a position in the list (a script has no list) is out of range.
    guard let input = shell.interactiveInput else { throw ShellError("history: \(spec): history position out of range") }
    let h = input.history
    func position(_ s: ByteString) -> Int? {
        guard let n = Int(s) else { return nil }
        return n < 0 ? h.first + h.entries.count + n : n
    }
    if let dash = (1..<max(1, spec.count)).first(where: { spec[$0] == UInt8(ascii: "-") }) {
        let a = spec.slice(upTo: dash), b = spec.slice(from: dash + 1)
        guard let from = position(a), let to = position(b), from <= to, from >= h.first,
              to < h.first + h.entries.count else {
            throw ShellError("history: \(spec): history position out of range")
        }
        for _ in from...to { _ = input.deleteHistoryEntry(from) }
        return 0
    }
    guard let number = position(spec), input.deleteHistoryEntry(number) else {
        throw ShellError("history: \(spec): history position out of range")
    }
    return 0
}

/// `history -p ARG…`: each argument with its `!` events expanded, one per line.
func printExpanded(_ shell: Shell, _ args: [ByteString]) -> Int32 {
    var out: [UInt8] = []
    for a in args {
        switch shell.historyExpanded(a.bytes) {
        case .unchanged: out += a.bytes + [0x0A]
        case .expanded(let l, _): out += l + [0x0A]
        case .failed(let m):
            writeStdout(out)
            shell.error("history: \(m)")
            return 1
        }
    }
    writeStdout(out)
    return 0
}

/// `history -a` (new entries appended), `-n` (the file's new lines read), `-r` (the file
/// read into the list), `-w` (the list written over the file).
func historyFile(_ shell: Shell, _ input: LineEditor, operation: UInt8, file: ByteString) throws -> Int32 {
    let h = input.history
    func write(_ entries: ArraySlice<[UInt8]>, flags: Int32) throws {
        let fd = file.withCString { open($0, flags | O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw ShellError("history: \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        for e in entries { bytes += e + [0x0A] }
        guard writeAll(fd, bytes) else { throw ShellError("history: \(file): \(String(cString: strerror(errno)))") }
    }
    switch operation {
    case UInt8(ascii: "w"):
        try write(h.entries[...], flags: O_TRUNC)
        shell.historyAppendedThrough = h.first + h.entries.count
    case UInt8(ascii: "a"):
        // weir appends each command to HISTFILE as it runs; another file gets the entries
        // since the session began or the last -a.
        let since = max(shell.historyAppendedThrough ?? shell.historySessionStart ?? h.first, h.first)
        if file != shell.variables.value("HISTFILE"), since < h.first + h.entries.count {
            try write(h.entries[(since - h.first)...], flags: O_APPEND)
        }
        shell.historyAppendedThrough = h.first + h.entries.count
    case UInt8(ascii: "n"):
        guard input.readNewHistoryLines(from: file.bytes) else {
            throw ShellError("history: \(file): \(String(cString: strerror(errno)))")
        }
    default:  // r
        guard let bytes = readWholeFile(file) else {
            throw ShellError("history: \(file): \(String(cString: strerror(errno)))")
        }
        for line in bytes.split(separator: 0x0A) where !isHistoryTimestampLine(line) {
            input.addToHistoryList(Array(line))
        }
    }
    return 0
}

/// HISTTIMEFORMAT applied with strftime to an entry's time (nothing when unknown).
func formattedTime(_ time: Int?, _ format: ByteString) -> [UInt8] {
    guard let time else { return [] }
    var t = time_t(time)
    var parts = tm()
    guard localtime_r(&t, &parts) != nil else { return [] }
    var buffer = [CChar](repeating: 0, count: 256)
    let n = format.withCString { strftime(&buffer, buffer.count, $0, &parts) }
    return buffer[..<n].map { UInt8(bitPattern: $0) }
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
    var force = false
    var i = 1
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst() {
            guard ch == UInt8(ascii: "f") else {
                throw ShellError("suspend: -\(Character(UnicodeScalar(ch))): invalid option\nsuspend: usage: suspend [-f]", status: 2)
            }
            force = true
        }
        i += 1
    }
    if i < args.count { throw ShellError("suspend: too many arguments") }
    if shell.interactive && getpgrp() == getsid(0) && !force {
        throw ShellError("suspend: cannot suspend a login shell")
    }
    weir_signal_set_default(SIGTSTP)
    kill(0, SIGSTOP)
    if shell.options.monitor { weir_signal_ignore(SIGTSTP) }
    return 0
}
