import Glibc
import WeirSyntax
import WeirExpansion
import WeirTracing

/// `weir --profile[=FILE] script`: where a script spends its time. Each pipeline the
/// shell runs (a simple command, a pipeline, a compound command) is timed; its wall time
/// and CPU (the shell's and its children's) go to its `file:line`, less what the
/// pipelines inside it took (so a loop's line holds only the loop's own work), and each
/// function call's whole time goes to the function. Printed when the shell exits, most
/// expensive first.
public final class ScriptProfile {
    struct Totals {
        var calls = 0
        var wall = 0.0
        var cpu = 0.0
    }

    /// A line of a source: the source (kept for its name and text) and the offset of
    /// the first pipeline timed on it.
    struct LineKey: Hashable {
        let source: ObjectIdentifier
        let line: Int
    }

    struct Frame {
        let wall: Double
        let cpu: Double
        var childWall = 0.0
        var childCPU = 0.0
    }

    let output: ByteString?
    /// Only the shell that started the profile reports (not its subshells).
    let owner = getpid()
    let started = monotonicSeconds()
    let startedCPU = processCPU()
    var lines: [LineKey: Totals] = [:]
    var lineText: [LineKey: (name: ByteString, text: ByteString)] = [:]
    var sources: [ObjectIdentifier: SourceFile] = [:]
    var functions: [ByteString: Totals] = [:]
    var frames: [Frame] = []
    var commands = 0

    init(output: ByteString?) { self.output = output }

    /// The CPU time of this process and of the children it has waited for.
    static func processCPU() -> Double {
        var me = rusage(), kids = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &me)
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &kids)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return secs(me.ru_utime) + secs(me.ru_stime) + secs(kids.ru_utime) + secs(kids.ru_stime)
    }

    func enter() {
        frames.append(Frame(wall: monotonicSeconds(), cpu: ScriptProfile.processCPU()))
    }

    /// The pipeline at `span` of `source` ended.
    func leave(_ source: SourceFile?, _ span: Span) {
        guard let frame = frames.popLast() else { return }
        let wall = monotonicSeconds() - frame.wall
        let cpu = ScriptProfile.processCPU() - frame.cpu
        if !frames.isEmpty {
            frames[frames.count - 1].childWall += wall
            frames[frames.count - 1].childCPU += cpu
        }
        commands += 1
        guard let source else { return }
        let id = ObjectIdentifier(source)
        let key = LineKey(source: id, line: source.position(of: span.start).line)
        if lineText[key] == nil {
            sources[id] = source
            // The line as written (a loop's whole line, not the test that ended first).
            let text = source.lineText(key.line).drop { $0 == 0x20 || $0 == 0x09 }
            lineText[key] = (source.name, ByteString(Array(text)))
        }
        lines[key, default: Totals()].calls += 1
        lines[key]!.wall += max(0, wall - frame.childWall)
        lines[key]!.cpu += max(0, cpu - frame.childCPU)
    }

    func function(_ name: ByteString, wall: Double, cpu: Double) {
        functions[name, default: Totals()].calls += 1
        functions[name]!.wall += wall
        functions[name]!.cpu += cpu
    }

    /// The report: totals, then the most expensive lines and functions.
    func report() -> String {
        let wall = monotonicSeconds() - started
        let cpu = ScriptProfile.processCPU() - startedCPU
        var out = "profile: \(TraceUnits.duration(wall)) wall, \(TraceUnits.duration(cpu)) CPU, "
            + "\(TraceUnits.count(Int64(commands))) commands run\n"
        let shown = 25
        out += "  by line (the time of its own commands, not of those inside it):\n"
        out += "  " + pad("wall", 9) + pad("cpu", 9) + pad("calls", 9) + "  where\n"
        let byLine = lines.sorted { $0.value.wall > $1.value.wall || ($0.value.wall == $1.value.wall && $0.key.line < $1.key.line) }
        for (key, t) in byLine.prefix(shown) {
            let (name, text) = lineText[key] ?? ("?", "")
            out += "  " + pad(TraceUnits.duration(t.wall), 9) + pad(TraceUnits.duration(t.cpu), 9)
                + pad(TraceUnits.count(Int64(t.calls)), 9) + "  " + TraceText.display(name) + ":\(key.line)  "
                + TraceText.display(text) + "\n"
        }
        if byLine.count > shown { out += "  … \(byLine.count - shown) more lines\n" }
        if !functions.isEmpty {
            out += "  by function (each call's whole time, what it calls included):\n"
            out += "  " + pad("wall", 9) + pad("cpu", 9) + pad("calls", 9) + "  function\n"
            for (name, t) in functions.sorted(by: { $0.value.wall > $1.value.wall }).prefix(shown) {
                out += "  " + pad(TraceUnits.duration(t.wall), 9) + pad(TraceUnits.duration(t.cpu), 9)
                    + pad(TraceUnits.count(Int64(t.calls)), 9) + "  " + TraceText.display(name) + "\n"
            }
        }
        return out
    }

    func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}

extension Shell {
    /// `--profile[=FILE]`: profiling starts now, for the rest of the shell's life.
    public func startProfile(output: ByteString?) {
        profile = ScriptProfile(output: output)
    }

    /// At exit: the profile goes to its file, or to stderr.
    func writeProfile() {
        guard let p = profile, p.owner == getpid() else { return }
        profile = nil
        let text = p.report()
        if let path = p.output {
            let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
            guard fd >= 0 else {
                error("profile: \(path): \(String(cString: strerror(errno)))")
                return
            }
            defer { close(fd) }
            if !writeText(fd, text) { error("profile: \(path): \(String(cString: strerror(errno)))") }
        } else {
            _ = writeText(2, text)
        }
    }
}
