import Glibc
import WeirExecution
import WeirSyntax
import WeirExpansion

/// `mkfifo [-m MODE] NAME…`, as coreutils' mkfifo behaves: the mode is 0666 less the
/// umask, or exactly MODE (octal, or symbolic relative to a=rw); each name that cannot
/// be made is reported and the others are still made; messages and statuses are
/// coreutils'.
func mkfifoCommand(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    func fail(_ message: String, usage: Bool = false) -> Int32 {
        writeText(2, "mkfifo: " + message + "\n" + (usage ? "Try 'mkfifo --help' for more information.\n" : ""))
        return 1
    }
    var modeSpec: ByteString?
    var names: [ByteString] = []
    var i = 1
    var optionsDone = false
    while i < args.count {
        let a = args[i]
        i += 1
        if optionsDone || a == "-" || !a.hasPrefix("-") { names.append(a); continue }
        if a == "--" { optionsDone = true; continue }
        if a.hasPrefix("--") {
            let (name, value) = a.firstIndex(of: "=").map { (a.slice(0..<$0), Optional(a.slice(from: $0 + 1))) } ?? (a, nil)
            switch name {
            case "--mode":
                if let value { modeSpec = value; continue }
                guard i < args.count else { return fail("option '--mode' requires an argument", usage: true) }
                modeSpec = args[i]
                i += 1
            case "--context": continue  // SELinux: no context to set here
            case "--help":
                writeStdout("Usage: mkfifo [OPTION]... NAME...\nCreate named pipes (FIFOs) with the given NAMEs.\n\n"
                    + "  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n"
                    + "  -Z, --context      accepted; there is no security context to set\n")
                return 0
            case "--version":
                writeStdout("mkfifo (weir builtin) \(weirVersion)\n")
                return 0
            default:
                return fail("unrecognized option '\(a)'", usage: true)
            }
            continue
        }
        // Clustered short options: -Z, -m MODE, -mMODE.
        var chars = a.dropFirst().bytes
        while !chars.isEmpty {
            let c = chars.removeFirst()
            switch c {
            case "Z": continue
            case "m":
                if !chars.isEmpty {
                    modeSpec = ByteString(chars)
                    chars = []
                } else {
                    guard i < args.count else { return fail("option requires an argument -- 'm'", usage: true) }
                    modeSpec = args[i]
                    i += 1
                }
            default:
                return fail("invalid option -- '\(Character(UnicodeScalar(c)))'", usage: true)
            }
        }
    }
    guard !names.isEmpty else { return fail("missing operand", usage: true) }

    var exact: mode_t?
    if let spec = modeSpec {
        if !spec.isEmpty, spec.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }), let v = mode_t(spec, radix: 8), v <= 0o7777 {
            exact = v
        } else if let v = applySymbolicMode(spec.description, to: 0o666) {
            exact = v
        } else {
            return fail("invalid mode")
        }
    }
    var status: Int32 = 0
    for name in names {
        if name.withCString({ mkfifo($0, exact ?? 0o666) }) != 0 {
            status = fail("cannot create fifo '\(name)': \(String(cString: strerror(errno)))")
            continue
        }
        // An explicit mode is set exactly, whatever the umask took away.
        if let m = exact, name.withCString({ chmod($0, m) }) != 0 {
            status = fail("cannot set permissions of '\(name)': \(String(cString: strerror(errno)))")
        }
    }
    return status
}
