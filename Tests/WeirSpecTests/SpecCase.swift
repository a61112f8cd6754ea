import Glibc
import Testing
import WeirTestSupport

/// A case from Tests/spec/cases/*.sh: a script, the stdout and status expected, and the
/// shells the expectation was taken from (bash, dash or both).
struct SpecCase: CustomTestStringConvertible, Sendable {
    var file: String
    var name: String
    var oracles: [String]
    var script: String
    var stdout: String
    var status: Int32
    /// Why weir deliberately differs from the oracle here (`### weir-differs: …`).
    var weirDiffers: String?

    /// weir follows bash where bash and dash disagree; a dash-only case is checked against
    /// dash alone.
    /// Every case holds weir to its oracle (bash, dash or both) unless it says why weir
    /// deliberately differs (`### weir-differs:`): POSIX decides where bash and dash part.
    var appliesToWeir: Bool { weirDiffers == nil }

    var testDescription: String { "\(file): \(name)" }

    /// Every case of every file, in order, and the format errors found reading them.
    static let parsed: (cases: [SpecCase], errors: [String]) = {
        let dir = packageRoot + "/Tests/spec/cases"
        var cases: [SpecCase] = []
        var errors: [String] = []
        for f in listDirectory(dir) where f.hasSuffix(".sh") {
            let text = String(decoding: readFileBytes(dir + "/" + f) ?? [], as: UTF8.self)
            cases += parse(text, file: f, errors: &errors)
        }
        return (cases, errors)
    }()

    static var all: [SpecCase] { parsed.cases }
    static var formatErrors: [String] { parsed.errors }

    /// Parses the `### case:` / `### oracle:` / `### stdout:` / `### status:` / `### end` format.
    static func parse(_ text: String, file: String, errors: inout [String]) -> [SpecCase] {
        var cases: [SpecCase] = []
        var current: SpecCase?
        enum Section { case none, script, stdout }
        var section = Section.none
        var script: [Substring] = [], out: [Substring] = []
        var noNewline = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("### case:") {
                current = SpecCase(file: file, name: String(line.dropFirst(9)).trimmingSpaces(), oracles: [],
                                   script: "", stdout: "", status: 0, weirDiffers: nil)
                script = []
                out = []
                noNewline = false
                section = .none
            } else if line.hasPrefix("### oracle:") {
                let o = String(line.dropFirst(11)).trimmingSpaces()
                current?.oracles = o == "both" ? ["bash", "dash"] : [o]
                section = .script
            } else if line.hasPrefix("### weir-differs:") {
                current?.weirDiffers = String(line.dropFirst(17)).trimmingSpaces()
            } else if line.hasPrefix("### stdout:") {
                section = .stdout
            } else if line.hasPrefix("### no-newline") {
                noNewline = true
            } else if line.hasPrefix("### status:") {
                let word = String(line.dropFirst(11)).trimmingSpaces()
                if let status = Int32(word), (0...255).contains(status) {
                    current?.status = status
                } else {
                    errors.append("\(file):\(number + 1): bad status \(word.debugDescription)")
                }
                section = .none
            } else if line.hasPrefix("### end") {
                if var c = current {
                    c.script = script.joined(separator: "\n") + "\n"
                    var o = out.joined(separator: "\n")
                    if !out.isEmpty && !noNewline { o += "\n" }
                    c.stdout = o
                    cases.append(c)
                }
                current = nil
                section = .none
            } else {
                switch section {
                case .script: script.append(line)
                case .stdout: out.append(line)
                case .none: break
                }
            }
        }
        return cases
    }

    /// Runs the script with a shell in a fresh directory; stdin is empty.
    func run(with shell: String, environment extra: [String] = []) -> ProcessResult {
        let dir = makeTemporaryDirectory(prefix: "weir-spec-")
        defer { removeTree(dir) }
        // A small, fixed environment, as check.py uses: the cases do not depend on the
        // caller's locale, home or variables.
        let env = ["PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C", "LANG=C", "TERM=dumb", "USER=root", "HOME=" + dir]
        // A case that never ends (in weir, or in an oracle: bash 5.2 has loops that can
        // miss a signal) fails after a minute instead of holding the whole run.
        let limit = ["/usr/bin/timeout", "-k", "5", "60"]
        let bounded = access(limit[0], X_OK) == 0 ? limit : []
        return WeirTestSupport.run(bounded + [shell, "-c", script], directory: dir, environment: env + extra)
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
