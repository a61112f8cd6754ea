import Testing
import WeirTestSupport

/// `help`, `trace --help`, `weir --help` and `--version` (weir's own words: no oracle).
@Suite struct HelpTests {
    /// Every builtin `compgen -b` lists, and every reserved word, has a topic.
    @Test func everyBuiltinAndReservedWordHasATopic() {
        let builtins = run([weirBinary, "-c", "compgen -b"]).stdout.split(separator: "\n").map(String.init)
        #expect(builtins.count > 60)
        let words = ["!", "[[", "{", "(", "((", "case", "coproc", "for", "function", "if", "select", "time", "trace",
                     "until", "while"]
        for name in builtins + words {
            let r = run([weirBinary, "-c", "help -s -- \"$1\"", "sh", name])
            #expect(r.status == 0 && r.stdout.hasPrefix(name + ": "), "help -s \(name): \(r.stdout) \(r.stderr)")
        }
    }

    @Test func aTopicShowsSynopsisOptionsAndStatus() {
        let r = run([weirBinary, "-c", "help cd"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("cd: cd [-L|-P] [dir]\n    Change the working directory.\n"), "\(r.stdout)")
        #expect(r.stdout.contains("    Options:\n") && r.stdout.contains("    Exit Status:\n"), "\(r.stdout)")
    }

    /// Without glob characters a pattern is a prefix (as in bash); with them, a pattern.
    @Test func patternsAndFlags() {
        let d = run([weirBinary, "-c", "help -d re"])
        #expect(d.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
                == ["read", "readarray", "readonly", "return"], "\(d.stdout)")
        let s = run([weirBinary, "-c", "help -s 'c?'"])
        #expect(s.stdout == "Shell commands matching keyword `c?'\n\ncd: cd [-L|-P] [dir]\n", "\(s.stdout)")
        let m = run([weirBinary, "-c", "help -m pwd"])
        #expect(m.stdout.hasPrefix("NAME\n    pwd - ") && m.stdout.contains("\nSYNOPSIS\n    pwd [-LP]\n")
                && m.stdout.contains("\nDESCRIPTION\n"), "\(m.stdout)")
    }

    @Test func failures() {
        let none = run([weirBinary, "-c", "help nosuch; echo st=$?"])
        #expect(none.stdout == "st=1\n")
        #expect(none.stderr.contains("help: no help topics match `nosuch'"), "\(none.stderr)")
        let bad = run([weirBinary, "-c", "help -x; echo st=$?"])
        #expect(bad.stdout == "st=2\n" && bad.stderr.contains("help: usage: help [-dms] [pattern ...]"), "\(bad.stderr)")
        let full = run([weirBinary, "-c", "help cd > /dev/full; echo st=$?"])
        #expect(full.stdout == "st=1\n", "\(full.stderr)")
    }

    /// The list: a header, then two columns; a disabled builtin is starred.
    @Test func theListMarksDisabledBuiltins() {
        let r = run([weirBinary, "-c", "enable -n echo; COLUMNS=80 help"])
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("weir ") == true, "\(r.stdout)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(r.stdout)")
        #expect(r.stdout.contains("*echo [-neE] [arg ...]"), "\(r.stdout)")
        #expect(r.stdout.contains(" trace [--json]"), "\(r.stdout)")
    }

    /// The tracer's whole interface, the same from `trace --help` and `help trace`.
    @Test func traceHelp() {
        let t = run([weirBinary, "-c", "trace --help; echo st=$?"])
        #expect(t.stdout.hasPrefix("trace [--json] [--chrome FILE] [--otlp FILE] [-o FILE]"), "\(t.stdout)")
        for option in ["--json", "--chrome FILE", "--otlp FILE", "--peek N", "-o, --output FILE", "--live", "--no-live", "--no-color",
                       "weir --trace SCRIPT", "--trace=FILE", "--trace-chrome=FILE", "--trace-otlp=FILE", "set -o trace",
                       "weir --profile"] {
            #expect(t.stdout.contains(option), "trace --help lacks \(option)")
        }
        #expect(t.stdout.hasSuffix("st=0\n"))
        let h = run([weirBinary, "-c", "help trace"])
        #expect(h.stdout.hasPrefix("trace: trace [--json]") && h.stdout.contains("    --no-live"), "\(h.stdout)")
        let bad = run([weirBinary, "-c", "trace --bogus true; echo st=$?"])
        #expect(bad.stdout == "st=2\n" && bad.stderr.contains("--help"), "\(bad.stderr)")
    }

    @Test func weirHelpAndVersion() {
        let h = run([weirBinary, "--help"])
        #expect(h.status == 0 && h.stdout.hasPrefix("usage: weir "), "\(h.stdout)")
        for option in ["-c STRING", "--norc", "--rcfile FILE", "--trace=FILE", "--trace-chrome=FILE", "--version",
                       "help trace"] {
            #expect(h.stdout.contains(option), "weir --help lacks \(option)")
        }
        let v = run([weirBinary, "--version"])
        #expect(v.status == 0 && v.stdout.hasPrefix("weir ") && v.stdout.split(separator: "\n").count == 1, "\(v.stdout)")
    }
}
