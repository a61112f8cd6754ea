import WeirExecution
import WeirExpansion
import WeirSyntax

/// `enable [-a] [-nps] [name…]`: turns builtins off (`-n`: a command of the same name is
/// then found in PATH) and on again, or lists them. Loadable builtins (`-f`, `-d`) are
/// not supported: weir is one static executable.
func enable(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var disable = false, all = false, specialOnly = false, printing = false
    var names: [ByteString] = []
    var i = 1
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst() {
            switch ch {
            case UInt8(ascii: "n"): disable = true
            case UInt8(ascii: "a"): all = true
            case UInt8(ascii: "s"): specialOnly = true
            case UInt8(ascii: "p"): printing = true
            case UInt8(ascii: "f"), UInt8(ascii: "d"):
                throw ShellError("enable: -\(Character(UnicodeScalar(ch))): loadable builtins are not supported")
            default:
                throw ShellError("enable: -\(Character(UnicodeScalar(ch))): invalid option\nenable: usage: enable [-a] [-dnps] [-f filename] [name ...]", status: 2)
            }
        }
        i += 1
    }
    names = Array(args[i...])
    if names.isEmpty || printing {
        var rows: [(ByteString, Bool)] = []
        for (n, b) in shell.builtins where !specialOnly || b.special { rows.append((n, true)) }
        for (n, b) in shell.disabledBuiltins where !specialOnly || b.special { rows.append((n, false)) }
        rows.sort { $0.0.bytes.lexicographicallyPrecedes($1.0.bytes) }
        var out: [UInt8] = []
        for (n, on) in rows {
            // No flags: the enabled ones; -n: the disabled ones; -a: all, each as it is.
            if !all && on == disable { continue }
            out += (on ? "enable " + n : "enable -n " + n).bytes + [0x0A]
        }
        writeStdout(out)
        return 0
    }
    var status: Int32 = 0
    for n in names {
        if disable {
            guard let b = shell.builtins[n] else {
                if shell.disabledBuiltins[n] == nil { shell.error("enable: \(n): not a shell builtin"); status = 1 }
                continue
            }
            shell.disabledBuiltins[n] = b
            shell.builtins[n] = nil
        } else if let b = shell.disabledBuiltins[n] {
            shell.builtins[n] = b
            shell.disabledBuiltins[n] = nil
        } else if shell.builtins[n] == nil {
            shell.error("enable: \(n): not a shell builtin")
            status = 1
        }
    }
    return status
}

/// `bind […]`: readline's key bindings, through the line editor (a warning without one).
func bind(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let r: BindResult
    if let editor = shell.interactiveInput {
        r = editor.bind(args.dropFirst().map { $0.bytes })
    } else {
        var w = BindResult()
        w.errors = ["bind: warning: line editing not enabled"]
        r = w
    }
    for e in r.errors { shell.error(e) }
    writeStdout(r.output)
    return r.status
}
