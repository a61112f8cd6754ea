import CWeirStart
import WeirSyntax
import WeirExecution

/// The command line: `weir [options] [-c STRING [NAME ARG…] | FILE [ARG…]]`.
struct Options {
    enum Input {
        case string(ByteString)
        case file(ByteString)
        case standardInput
    }

    var input: Input = .standardInput
    /// `--ast`: print the tree.
    var printAST = false
    /// `$0` and the positional parameters.
    var name: ByteString?
    var arguments: [ByteString] = []
    /// `-e`, `+u`, `-o pipefail` …: (long name, on).
    var settings: [(ByteString, Bool)] = []
    var interactive = false
    /// `--norc`, `--rcfile FILE`
    var noRC = false
    var rcFile: ByteString?
    /// `-O name` / `+O name`: shopt flags.
    var shopts: [(ByteString, Bool)] = []
    var login = false
    /// `--trace` (a table on stderr), `--trace=FILE` (JSON Lines into FILE),
    /// `--trace-chrome=FILE` (a Chrome trace file): trace the whole script.
    var trace = false
    var traceJSONFile: ByteString?
    var traceChromeFile: ByteString?
    var traceOTLPFile: ByteString?
    /// `--profile` (report on stderr) or `--profile=FILE`: time per line and function.
    var profile = false
    var profileFile: ByteString?

    static let usage: String = "usage: weir [-abCefhimnuvx] [-o option] [--ast] [--trace[=FILE]] [--trace-chrome=FILE] [--profile[=FILE]] [-c STRING [NAME [ARG…]] | -s [ARG…] | FILE [ARG…]]\n"

    /// `weir --help`.
    static let helpText: String = usage + """

    A POSIX shell with the bash extensions people type daily, and a tracer built in.

      -c STRING   run STRING (then NAME is $0 and the ARGs $1, $2 …)
      -s          read commands from standard input (the default with no FILE)
      -i          interactive (the default when standard input and error are a terminal)
      -l, --login a login shell: read ~/.profile first
      -n          read and check the commands, run nothing (exit 0, or the error and 2)
      -abCefhmnuvxET, +…    set options as `set` does; -o NAME, +o NAME by name
      -O NAME, +O NAME      shopt flags
      --posix               set -o posix
      --norc                do not read ~/.weirrc
      --rcfile FILE         read FILE instead of ~/.weirrc (also --init-file)
      --noprofile, --noediting   accepted for bash's sake; no effect
      --ast                 print the syntax tree in a stable text form
      --trace               trace every pipeline of the script: a report on stderr
      --trace=FILE          … as one JSON stream into FILE
      --trace-chrome=FILE   … as one Perfetto / chrome://tracing timeline
      --trace-otlp=FILE     … as OpenTelemetry OTLP/JSON (TRACEPARENT is the parent)
      --profile[=FILE]      at exit, the time and CPU of each line (its own commands)
                            and of each function, most first, on stderr or into FILE
      --help                show this help
      --version             show the version

    Inside weir: `help` lists every builtin and reserved word, `help NAME` explains one,
    and `help trace` (or `trace --help`) explains the tracer.

    """

    /// The command line as the bytes it was given (`CommandLine.arguments` would repair
    /// invalid UTF-8), as glibc handed it to main (CWeirStart). A plain function, not a
    /// closure in main.swift: top-level code is main-actor code, and a closure there would
    /// bring in the concurrency runtime's isolation checks (and libdispatch's start-up)
    /// for nothing.
    static func commandLineBytes() -> [ByteString] {
        let count = Int(weir_start_argc())
        let argv = weir_start_argv()
        var args: [ByteString] = []
        args.reserveCapacity(max(0, count))
        for i in 0..<max(0, count) {
            if let p = argv?[i] { args.append(ByteString(cString: p)) }
        }
        return args
    }

    static func parse(_ argv: [ByteString]) -> Result<Options, OptionError> {
        var o = Options()
        var i = 0
        var commandFlag = false
        var readStdin = false
        while i < argv.count {
            let a = argv[i]
            if a == "--" || a == "-" { i += 1; break }
            if a == "--ast" { o.printAST = true; i += 1; continue }
            if a == "--help" { return .failure(OptionError(message: helpText, status: 0)) }
            if a == "--version" { return .failure(OptionError(message: "weir \(versionText)\n", status: 0)) }
            if a == "--login" { o.login = true; i += 1; continue }
            if a == "--posix" { o.settings.append(("posix", true)); i += 1; continue }
            if a == "--norc" { o.noRC = true; i += 1; continue }
            if a == "--trace" { o.trace = true; i += 1; continue }
            if a.hasPrefix("--trace=") { o.trace = true; o.traceJSONFile = a.dropFirst(8); i += 1; continue }
            if a.hasPrefix("--trace-otlp=") { o.trace = true; o.traceOTLPFile = a.dropFirst(13); i += 1; continue }
            if a == "--profile" { o.profile = true; i += 1; continue }
            if a.hasPrefix("--profile=") { o.profile = true; o.profileFile = a.dropFirst(10); i += 1; continue }
            if a.hasPrefix("--trace-chrome=") { o.trace = true; o.traceChromeFile = a.dropFirst(15); i += 1; continue }
            if a == "--noprofile" || a == "--noediting" { i += 1; continue }
            if a == "--rcfile" || a == "--init-file" {
                if i + 1 < argv.count { o.rcFile = argv[i + 1] }
                i += 2
                continue
            }
            if a.hasPrefix("--") {
                return .failure(OptionError(message: "weir: \(a): invalid option\n" + usage, status: 2))
            }
            guard (a.hasPrefix("-") || a.hasPrefix("+")) && a.count > 1 else { break }
            let on = a.hasPrefix("-")
            for byte in a.dropFirst() {
                switch byte {
                // -c: the first operand is the command string (options may come between).
                case UInt8(ascii: "c"): commandFlag = true
                case UInt8(ascii: "s"): readStdin = on
                case UInt8(ascii: "i"): o.interactive = on
                case UInt8(ascii: "l"): o.login = on
                case UInt8(ascii: "o"), UInt8(ascii: "O"):
                    i += 1
                    guard i < argv.count else {
                        return .failure(OptionError(message: "weir: -\(Character(UnicodeScalar(byte))): option requires an argument\n", status: 2))
                    }
                    if byte == UInt8(ascii: "o") { o.settings.append((argv[i], on)) } else { o.shopts.append((argv[i], on)) }
                default:
                    // The letters of `set` (ShellOptions.names), looked up only for a letter
                    // given: `weir -c` alone does no Character work.
                    let ch = Character(UnicodeScalar(byte))
                    guard let name = Shell.optionName(letter: ch) else {
                        return .failure(OptionError(message: "weir: \(on ? "-" : "+")\(ch): invalid option\n" + usage, status: 2))
                    }
                    o.settings.append((name, on))
                }
            }
            i += 1
        }
        var rest = Array(argv[i...])
        if commandFlag {
            guard !rest.isEmpty else {
                return .failure(OptionError(message: "weir: -c: option requires an argument\n", status: 2))
            }
            o.input = .string(rest.removeFirst())
            if let first = rest.first { o.name = first; o.arguments = Array(rest.dropFirst()) }
        } else if !readStdin, let file = rest.first {
            o.input = .file(file)
            o.name = file
            o.arguments = Array(rest.dropFirst())
        } else {
            o.arguments = rest
        }
        return .success(o)
    }
}

struct OptionError: Error {
    var message: String
    var status: Int32
}

let versionText = weirVersion
