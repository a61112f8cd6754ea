import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// `alias [-p] [name[=value]…]`. Listed as POSIX has it, `name='value'`; with `-p`
/// as bash writes them, `alias name='value'`.
func alias(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var rest = args.dropFirst()
    var prefix: ByteString = ""
    if rest.first == "-p" {
        rest = rest.dropFirst()
        prefix = "alias "
    }
    if rest.first == "--" { rest = rest.dropFirst() }
    if rest.isEmpty {
        for (k, v) in shell.aliases.sorted(by: { $0.key < $1.key }) { writeStdout(prefix + "\(k)=\(shellQuoteForAlias(v))\n") }
        return 0
    }
    var status: Int32 = 0
    for a in rest {
        if let eq = a.firstIndex(of: UInt8(ascii: "=")) {
            shell.aliases[a.slice(0..<eq)] = a.slice(from: eq + 1)
        } else if let v = shell.aliases[a] {
            writeStdout(prefix + "\(a)=\(shellQuoteForAlias(v))\n")
        } else {
            shell.error("alias: \(a): not found")
            status = 1
        }
    }
    return status
}

/// `unalias [-a] name…`
func unalias(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var args = args
    if args.count > 1 && args[1] == "--" { args.remove(at: 1) }
    if args.count > 1 && args[1] == "-a" {
        shell.aliases = [:]
        return 0
    }
    guard args.count > 1 else { throw ShellError("unalias: usage: unalias [-a] name [name ...]", status: 2) }
    var status: Int32 = 0
    for n in args.dropFirst() {
        if shell.aliases.removeValue(forKey: n) == nil {
            shell.error("unalias: \(n): not found")
            status = 1
        }
    }
    return status
}
