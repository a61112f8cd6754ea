import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `pushd`, `popd` and `dirs`. The whole stack is `$PWD` followed by
/// `shell.directoryStack`; entry 0 is the current directory.
struct DirectoryStackCommand {
    let shell: Shell
    let name: String

    var entries: [ByteString] { [shell.variables.value("PWD") ?? physicalWorkingDirectory() ?? ""] + shell.directoryStack }

    func usage(_ message: String) -> ShellError {
        let forms = ["pushd": "pushd [-n] [+N | -N | dir]", "popd": "popd [-n] [+N | -N]", "dirs": "dirs [-clpv] [+N] [-N]"]
        return ShellError("\(name): \(message)\n\(name): usage: \(forms[name] ?? name)", status: 2)
    }

    /// `+N` counts from the top, `-N` from the bottom; nil when `word` is not one.
    func stackIndex(_ word: ByteString) throws -> Int? {
        guard let sign = word.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), word.count > 1 else { return nil }
        guard let n = Int(word.dropFirst()), n >= 0 else { throw usage("\(word): invalid number") }
        let count = entries.count
        guard count > 1 || n == 0 else { throw ShellError("\(name): directory stack empty") }
        let i = sign == UInt8(ascii: "+") ? n : count - 1 - n
        guard i >= 0 && i < count else { throw ShellError("\(name): \(word): directory stack index out of range") }
        return i
    }

    /// `cd`s to `dir`, reporting errors under this command's name.
    func change(to dir: ByteString) throws {
        do {
            _ = try cd(shell, ["cd", "--", dir])
        } catch let e as ShellError {
            let message = e.message.hasPrefix("cd: ") ? String(e.message.dropFirst(4)) : e.message
            throw ShellError("\(name): \(message)", status: e.status)
        }
    }

    func display(_ path: ByteString, long: Bool) -> ByteString {
        guard !long, let home = shell.variables.value("HOME"), !home.isEmpty, home != "/" else { return path }
        if path == home { return "~" }
        if path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    func printStack() {
        writeStdout(entries.map { display($0, long: false) }.joined(separator: " ") + "\n")
    }
}

/// `pushd [-n] [dir | +N | -N]`
func pushd(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let s = DirectoryStackCommand(shell: shell, name: "pushd")
    var noChange = false
    var operands: [ByteString] = []
    for a in args.dropFirst() {
        if a == "-n" && operands.isEmpty { noChange = true; continue }
        if a == "--" && operands.isEmpty { continue }
        operands.append(a)
    }
    guard operands.count <= 1 else { throw ShellError("pushd: too many arguments") }
    guard let operand = operands.first else {
        // No operand: swap the top two entries.
        guard let next = shell.directoryStack.first else { throw ShellError("pushd: no other directory") }
        // With -n the top cannot change without a cd: nothing moves.
        if !noChange {
            let current = s.entries[0]
            try s.change(to: next)
            shell.directoryStack[0] = current
        }
        s.printStack()
        return 0
    }
    if let i = try s.stackIndex(operand) {
        // Rotate so that entry i is on top.
        let all = s.entries
        let rotated = Array(all[i...] + all[..<i])
        if !noChange {
            try s.change(to: rotated[0])
            shell.directoryStack = Array(rotated.dropFirst())
        }
        s.printStack()
        return 0
    }
    if noChange {
        shell.directoryStack.insert(operand, at: 0)
    } else {
        let current = s.entries[0]
        try s.change(to: operand)
        shell.directoryStack.insert(current, at: 0)
    }
    s.printStack()
    return 0
}

/// `popd [-n] [+N | -N]`
func popd(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let s = DirectoryStackCommand(shell: shell, name: "popd")
    var noChange = false
    var index = 0
    for a in args.dropFirst() {
        if a == "-n" { noChange = true; continue }
        if a == "--" { continue }
        guard let i = try s.stackIndex(a) else { throw s.usage("\(a): invalid argument") }
        index = i
    }
    guard !shell.directoryStack.isEmpty else { throw ShellError("popd: directory stack empty") }
    if index == 0 {
        // The top entry goes; without -n, the shell moves to the next one.
        if noChange {
            shell.directoryStack.removeFirst()
        } else {
            try s.change(to: shell.directoryStack[0])
            shell.directoryStack.removeFirst()
        }
    } else {
        shell.directoryStack.remove(at: index - 1)
    }
    s.printStack()
    return 0
}

/// `dirs [-clpv] [+N | -N]`
func dirs(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let s = DirectoryStackCommand(shell: shell, name: "dirs")
    var long = false, perLine = false, numbered = false
    var only: Int?
    var cleared = false
    for a in args.dropFirst() {
        let isOptions = a.hasPrefix("-") && a.count > 1 && a.dropFirst().allSatisfy { "clpv".utf8.contains($0) }
        if !isOptions {
            guard let i = try s.stackIndex(a) else { throw s.usage("\(a): invalid argument") }
            only = i
            continue
        }
        for ch in a.dropFirst() {
            switch ch {
            case "c": shell.directoryStack = []; cleared = true
            case "l": long = true
            case "p": perLine = true
            default: perLine = true; numbered = true
            }
        }
    }
    if cleared { return 0 }
    let all = s.entries.map { s.display($0, long: long) }
    if let only {
        writeStdout((numbered ? "\(ByteString(only).leftPadded(2))  " : "") + all[only] + "\n")
        return 0
    }
    if numbered {
        writeStdout(all.indices.map { "\(ByteString($0).leftPadded(2))  \(all[$0])\n" }.joined())
    } else {
        writeStdout(all.joined(separator: perLine ? "\n" : " ") + "\n")
    }
    return 0
}

extension ByteString {
    func leftPadded(_ width: Int) -> ByteString {
        count >= width ? self : ByteString(repeating: UInt8(ascii: " "), count: width - count) + self
    }
}
