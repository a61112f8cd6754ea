import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `umask [-S] [-p] [mode]`: octal, or symbolic clauses like chmod's (`u=rwx,g-w,o=u`),
/// applied to the permissions the mask allows.
func umask(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, operands) = try parseOptions(args[1...], allowed: "Sp", command: "umask")
    if operands.count > 1 { throw ShellError("umask: too many arguments") }
    let current = Glibc.umask(0)
    _ = Glibc.umask(current)
    guard let spec = operands.first else {
        if letters.contains("S") {
            writeStdout(symbolicMask(current) + "\n")
        } else {
            let o = String(current, radix: 8)
            writeStdout(ByteString((letters.contains("p") ? "umask " : "") + String(repeating: "0", count: max(0, 4 - o.count)) + o + "\n"))
        }
        return 0
    }
    if spec.first.map({ $0 >= 0x30 && $0 <= 0x37 }) == true {
        guard spec.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }), let n = mode_t(spec, radix: 8), n <= 0o7777 else {
            throw ShellError("umask: \(spec): octal number out of range")
        }
        _ = Glibc.umask(n & 0o777)
        return 0
    }
    guard let allowed = applySymbolicMode(spec.description, to: ~current & 0o777) else {
        throw ShellError("umask: \(spec): invalid symbolic mode operator")
    }
    _ = Glibc.umask(~allowed & 0o777)
    if letters.contains("S") { writeStdout(symbolicMask(~allowed & 0o777) + "\n") }
    return 0
}

func symbolicMask(_ mask: mode_t) -> ByteString {
    let allowed = ~mask & 0o777
    func part(_ shift: mode_t) -> ByteString {
        var s: ByteString = ""
        if allowed & (4 << shift) != 0 { s += "r" }
        if allowed & (2 << shift) != 0 { s += "w" }
        if allowed & (1 << shift) != 0 { s += "x" }
        return s
    }
    return "u=\(part(6)),g=\(part(3)),o=\(part(0))"
}

/// chmod-style symbolic modes on 9 permission bits; nil on a syntax error.
func applySymbolicMode(_ spec: String, to start: mode_t) -> mode_t? {
    var mode = start
    for clause in spec.split(separator: ",", omittingEmptySubsequences: false) {
        if clause.isEmpty { return nil }
        var chars = Array(clause)
        var who: mode_t = 0
        while let c = chars.first, "ugoa".contains(c) {
            switch c {
            case "u": who |= 0o700
            case "g": who |= 0o070
            case "o": who |= 0o007
            default: who |= 0o777
            }
            chars.removeFirst()
        }
        if who == 0 { who = 0o777 }
        guard !chars.isEmpty else { return nil }
        while let op = chars.first {
            guard "=+-".contains(op) else { return nil }
            chars.removeFirst()
            var bits: mode_t = 0
            while let c = chars.first, !"=+-".contains(c) {
                switch c {
                case "r": bits |= 0o444
                case "w": bits |= 0o222
                case "x": bits |= 0o111
                case "X":
                    // As bash does it for umask: execute when the mask has an execute bit.
                    if ~start & 0o111 != 0 { bits |= 0o111 }
                case "s", "t": break
                // Copies take the mode as it was before the whole specification.
                case "u": bits |= copyBits(start, 6)
                case "g": bits |= copyBits(start, 3)
                case "o": bits |= copyBits(start, 0)
                default: return nil
                }
                chars.removeFirst()
            }
            switch op {
            case "=": mode = (mode & ~who) | (bits & who)
            case "+": mode |= bits & who
            default: mode &= ~(bits & who)
            }
        }
    }
    return mode
}

/// The rwx bits of one class, copied to all three classes.
func copyBits(_ mode: mode_t, _ shift: mode_t) -> mode_t {
    let rwx = (mode >> shift) & 0o7
    return (rwx << 6) | (rwx << 3) | rwx
}
