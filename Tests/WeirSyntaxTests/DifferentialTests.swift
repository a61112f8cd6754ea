import Testing
import WeirTestSupport
@testable import WeirSyntax

/// weir's parser against `bash -n` on the corpus in Tests/corpus: weir accepts what bash
/// accepts and rejects what bash rejects. bash is the oracle where it is installed.
@Suite struct DifferentialTests {
    static let bash = which("bash")

    static func files(_ dir: String) -> [String] {
        let path = packageRoot + "/Tests/corpus/" + dir
        return listDirectory(path).filter { $0.hasSuffix(".sh") }.map { path + "/" + $0 }
    }

    func weirAccepts(_ path: String) -> (Bool, String) {
        let source = SourceFile(name: ByteString(path), bytes: readFileBytes(path) ?? [])
        do {
            _ = try Parser(source: source).parseProgram()
            return (true, "")
        } catch let e as SyntaxError {
            return (false, e.render(in: source))
        } catch {
            return (false, "\(error)")
        }
    }

    @Test func acceptsWhatBashAccepts() {
        let valid = DifferentialTests.files("valid")
        #expect(valid.count >= 120)
        for path in valid {
            if let bash = DifferentialTests.bash {
                #expect(run([bash, "-n", path]).status == 0, "bash rejects \(path): fix the corpus")
            }
            let (ok, message) = weirAccepts(path)
            #expect(ok, "weir rejects \(path):\n\(message)")
        }
    }

    /// Extglob patterns: bash needs `shopt -s extglob` before it parses them; weir always
    /// reads them (the option only changes how they match).
    @Test func acceptsExtglobScripts() {
        for path in DifferentialTests.files("valid-extglob") {
            if let bash = DifferentialTests.bash {
                #expect(run([bash, "-O", "extglob", "-n", path]).status == 0, "bash rejects \(path)")
            }
            let (ok, message) = weirAccepts(path)
            #expect(ok, "weir rejects \(path):\n\(message)")
        }
    }

    /// Files where weir knowingly differs from `bash -n`.
    static let knownDifferences: Set<String> = [
        // Extglob without `shopt -s extglob`: weir always parses extglob.
        "073-unquoted-extglob-without-shopt.sh",
    ]

    @Test func rejectsWhatBashRejects() {
        let invalid = DifferentialTests.files("invalid")
        #expect(invalid.count >= 60)
        for path in invalid {
            let name = String(path.split(separator: "/").last!)
            if let bash = DifferentialTests.bash {
                #expect(run([bash, "-n", path]).status != 0, "bash accepts \(path): fix the corpus")
            }
            if DifferentialTests.knownDifferences.contains(name) { continue }
            let (ok, _) = weirAccepts(path)
            #expect(!ok, "weir accepts \(path)")
        }
    }

    /// `[[ ]]` errors: bash prints a message but `bash -n` still exits 0 (it stops reading
    /// instead). weir reports them as syntax errors; the check is that bash complains too.
    @Test func rejectsConditionalErrors() {
        for path in DifferentialTests.files("invalid-cond") {
            if let bash = DifferentialTests.bash {
                // bash complains, or silently stops reading: a `)` added at the end
                // then goes unnoticed.
                let r = run([bash, "-n", path])
                let rest = run([bash, "-n"], input: (readFileBytes(path) ?? []) + Array("\n)\n".utf8))
                #expect(!r.stderr.isEmpty || rest.status == 0, "bash takes \(path) as valid")
            }
            let (ok, _) = weirAccepts(path)
            #expect(!ok, "weir accepts \(path)")
        }
    }
}

/// The executable's parse-only modes.
@Suite struct ExecutableTests {
    @Test func checkOnlyExitsZeroOrTwo() {
        #expect(run([weirBinary, "-n", "-c", "echo hi | wc -l"]).status == 0)
        let r = run([weirBinary, "-n", "-c", "if true; then echo"])
        #expect(r.status == 2)
        #expect(r.stderr == "weir: -c:1:19: syntax error: expected `fi` to close `if` at 1:1, found end of input\nif true; then echo\n                  ^\n")
    }

    @Test func checksFilesAndStandardInput() {
        let path = packageRoot + "/Tests/corpus/valid/" + (listDirectory(packageRoot + "/Tests/corpus/valid").first ?? "")
        #expect(run([weirBinary, "-n", path]).status == 0)
        let r = run([weirBinary, "-n"], input: Array("echo (\n".utf8))
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("weir: stdin:1:6: syntax error: unexpected `(`"))
        #expect(run([weirBinary, "-n", "/nonexistent/x.sh"]).status == 127)
    }

    @Test func printsTheTree() {
        let r = run([weirBinary, "--ast", "-c", "echo \"$x\" | wc"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            (program
              (list
                (pipeline
                  (simple
                    (word "echo")
                    (word
                      (dq
                        (param x))))
                  |
                  (simple
                    (word "wc")))))

            """)
    }

    @Test func deepNestingThroughTheExecutable() {
        let text = "echo " + String(repeating: "$(", count: 10_000) + String(repeating: ")", count: 10_000)
        let r = run([weirBinary, "-n", "-c", text])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nesting deeper than"))
    }
}
