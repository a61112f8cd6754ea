/// The command line: `weir [options] [-c STRING | FILE] [ARGS…]`.
struct Options {
    enum Input {
        case string(String)
        case file(String)
        case standardInput
    }

    var input: Input = .standardInput
    /// `-n`: parse only.
    var parseOnly = false
    /// `--ast`: print the tree.
    var printAST = false
    /// `$0` and the positional parameters.
    var name = "weir"
    var arguments: [String] = []

    static let usage = "usage: weir [-n] [--ast] [-c STRING [NAME [ARG…]] | FILE [ARG…]]\n"

    /// Parses argv (without argv[0]); returns an error message for a bad option.
    static func parse(_ argv: [String]) -> Result<Options, OptionError> {
        var o = Options()
        var i = 0
        var command: String?
        var readStdin = false
        while i < argv.count {
            let a = argv[i]
            if a == "--" { i += 1; break }
            if a == "--ast" { o.printAST = true; i += 1; continue }
            if a == "--help" { return .failure(OptionError(message: usage, status: 0)) }
            guard a.hasPrefix("-") || a.hasPrefix("+"), a.count > 1, !a.hasPrefix("--") else {
                if a.hasPrefix("--") { return .failure(OptionError(message: "weir: \(a): invalid option\n" + usage, status: 2)) }
                break
            }
            for ch in a.dropFirst() {
                switch ch {
                case "n": o.parseOnly = a.hasPrefix("-")
                case "c":
                    i += 1
                    guard i < argv.count else {
                        return .failure(OptionError(message: "weir: -c: option requires an argument\n", status: 2))
                    }
                    command = argv[i]
                case "s": readStdin = true
                case "e", "u", "x", "v", "f", "C", "a", "m", "i", "h", "b": break  // options of the executor (issue 3)
                default:
                    return .failure(OptionError(message: "weir: -\(ch): invalid option\n" + usage, status: 2))
                }
            }
            i += 1
        }
        let rest = Array(argv[i...])
        if let command {
            o.input = .string(command)
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
