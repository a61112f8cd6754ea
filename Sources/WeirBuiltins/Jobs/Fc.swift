import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `fc [-e EDITOR] [-lnr] [FIRST [LAST]]` and `fc -s [OLD=NEW] [COMMAND]` (POSIX):
/// list, edit and run again, or run again with a substitution. The `fc` line itself gives
/// way in the history to the commands it runs.
func fc(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var list = false, numbers = true, reverse = false, substitute = false
    var editor: ByteString?
    var rest = Array(args.dropFirst())
    while let a = rest.first, a.hasPrefix("-"), a.count > 1, Int(a) == nil {
        rest.removeFirst()
        if a == "--" { break }
        var k = 1
        while k < a.count {
            switch a[k] {
            case UInt8(ascii: "l"): list = true
            case UInt8(ascii: "n"): numbers = false
            case UInt8(ascii: "r"): reverse = true
            case UInt8(ascii: "s"): substitute = true
            case UInt8(ascii: "e"):
                let inline = a.slice(from: k + 1)
                if !inline.isEmpty { editor = inline; k = a.count; continue }
                guard !rest.isEmpty else { throw ShellError("fc: -e: option requires an argument", status: 2) }
                editor = rest.removeFirst()
            default:
                throw ShellError("fc: -\(Character(UnicodeScalar(a[k]))): invalid option\nfc: usage: fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]", status: 2)
            }
            k += 1
        }
    }
    guard let input = shell.interactiveInput else {
        throw ShellError("fc: history specification out of range")
    }
    let h = input.history
    // The last entry is this `fc` line; the commands before it are the ones to pick.
    let current = h.entries.count - 1
    guard current >= 0 else {
        if list { return 0 }
        throw ShellError("fc: history specification out of range")
    }

    /// An index into the entries: a number, a negative offset from the fc line, or the
    /// latest command that starts with a string.
    func index(_ spec: ByteString, clamp: Bool) throws -> Int {
        if let n = Int(spec) {
            let i: Int
            if n < 0 {
                let (v, o) = current.subtractingReportingOverflow(-n)
                i = o ? Int.min : v
            } else {
                let (v, o) = n.subtractingReportingOverflow(h.first)
                i = o ? Int.max : v
            }
            if i >= 0 && i < current { return i }
            if clamp { return i < 0 ? 0 : current - 1 }
            throw ShellError("fc: history specification out of range")
        }
        if let i = h.entries[..<current].lastIndex(where: { $0.starts(with: spec.bytes) }) { return i }
        throw ShellError("fc: no command found")
    }

    if substitute || editor == "-" {
        var old: ByteString?, new: ByteString = ""
        if let f = rest.first, let eq = f.firstIndex(of: UInt8(ascii: "=")) {
            old = f.slice(upTo: eq)
            new = f.slice(from: eq + 1)
            rest.removeFirst()
        }
        guard current > 0 else { throw ShellError("fc: no command found") }
        let i = try rest.first.map { try index($0, clamp: false) } ?? current - 1
        var command = h.entries[i]
        if let old, !old.isEmpty { command = replacingAll(command, old.bytes, new.bytes) }
        return try rerun(shell, input, command)
    }

    guard current > 0 else {
        if list { return 0 }
        throw ShellError("fc: history specification out of range")
    }
    var first: Int, last: Int
    if list {
        first = try rest.first.map { try index($0, clamp: true) } ?? max(0, current - 16)
        last = try rest.dropFirst().first.map { try index($0, clamp: true) } ?? current - 1
        if rest.count == 1 { last = current - 1 }
    } else {
        first = try rest.first.map { try index($0, clamp: false) } ?? current - 1
        last = try rest.dropFirst().first.map { try index($0, clamp: false) } ?? first
    }
    var picked = first <= last ? Array(first...last) : Array((last...first).reversed())
    if reverse { picked.reverse() }

    if list {
        var out: [UInt8] = []
        for i in picked {
            if numbers { out += Array(String(h.first + i).utf8) }
            out += Array("\t ".utf8) + h.entries[i] + [0x0A]
        }
        writeStdout(out)
        return 0
    }

    // Edit the commands in a file, then run what the editor left.
    let chosen = editor ?? shell.variables.value("FCEDIT") ?? shell.variables.value("EDITOR") ?? "vi"
    var template = Array((shell.variables.value("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp").bytes)
    template += Array("/weir-fc.XXXXXX".utf8) + [0]
    let fd = template.withUnsafeMutableBufferPointer { buf in
        buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { mkstemp($0) }
    }
    guard fd >= 0 else { throw ShellError("fc: cannot make a temporary file: \(String(cString: strerror(errno)))") }
    let path = ByteString(Array(template.dropLast()))
    defer { path.withCString { _ = unlink($0) } }
    var text: [UInt8] = []
    for i in picked { text += h.entries[i] + [0x0A] }
    let wrote = writeAll(fd, text)
    close(fd)
    guard wrote else { throw ShellError("fc: \(path): \(String(cString: strerror(errno)))") }
    let status = try shell.runSource(SourceFile(name: "fc", text: chosen + " " + quotedForShell(path)), syntaxErrorExits: false)
    guard status == 0 else { return status }
    guard let edited = readWholeFile(path) else { throw ShellError("fc: \(path): \(String(cString: strerror(errno)))") }
    var command = edited
    while command.last == 0x0A { command.removeLast() }
    return try rerun(shell, input, command)
}

/// Shows the command, puts it in the history in place of the `fc` line, and runs it.
func rerun(_ shell: Shell, _ input: LineEditor, _ command: [UInt8]) throws -> Int32 {
    guard !command.isEmpty else { return 0 }
    writeAll(2, command + [0x0A])
    let h = input.history
    if !h.entries.isEmpty { _ = input.deleteHistoryEntry(h.first + h.entries.count - 1) }
    input.addToHistoryList(command)
    return try shell.runSource(SourceFile(name: "fc", text: ByteString(command) + "\n"), syntaxErrorExits: false)
}

func replacingAll(_ text: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < text.count {
        if i + old.count <= text.count, text[i..<(i + old.count)].elementsEqual(old) {
            out += new
            i += old.count
        } else {
            out.append(text[i])
            i += 1
        }
    }
    return out
}

/// A word in single quotes, for a command line the shell will read.
func quotedForShell(_ s: ByteString) -> ByteString {
    var out: [UInt8] = [UInt8(ascii: "'")]
    for b in s {
        if b == UInt8(ascii: "'") { out += Array("'\\''".utf8) } else { out.append(b) }
    }
    out.append(UInt8(ascii: "'"))
    return ByteString(out)
}
