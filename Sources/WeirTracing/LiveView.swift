import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// The live view of a traced pipeline on the terminal: a few rows kept at the bottom of
/// the screen (a scroll region above them takes the pipeline's own output, so the two
/// never mix), redrawn in place, and cleared when the pipeline ends.
///
/// Each redraw is one write that saves the cursor, draws the rows and restores the
/// cursor, so a stage writing to the same terminal never sees its cursor moved.
public final class LiveView {
    private let fd: Int32
    private let record: TracedPipeline
    private var reserved = 0
    private var screenRows = 0
    private var screenColumns = 0
    private var last: (at: Double, bytes: [Int64], cpu: [Double])?
    private var rates: [Double]
    private var cpuShares: [Double]
    public static let interval = 0.2

    /// nil when `fd` is not a terminal: escape sequences never go anywhere else.
    public init?(fd: Int32, record: TracedPipeline) {
        guard isatty(fd) != 0 else { return nil }
        var rows: Int32 = 0, cols: Int32 = 0
        guard weir_window_size(fd, &rows, &cols) == 0, rows >= 8, cols >= 20 else { return nil }
        self.fd = fd
        self.record = record
        screenRows = Int(rows)
        screenColumns = Int(cols)
        rates = Array(repeating: 0, count: record.edges.count)
        cpuShares = Array(repeating: 0, count: record.stages.count)
    }

    public func draw(at t: Double) {
        updateRates(at: t)
        let lines = render(at: t)
        var out = ""
        if reserved == 0 {
            reserved = min(lines.count, screenRows / 2)
            // Make room below the cursor, then keep those rows out of the scroll region.
            out += String(repeating: "\n", count: reserved) + "\u{1B}[\(reserved)A"
            out += "\u{1B}7\u{1B}[1;\(screenRows - reserved)r\u{1B}8"
        }
        out += "\u{1B}7"
        for (i, line) in lines.prefix(reserved).enumerated() {
            out += "\u{1B}[\(screenRows - reserved + 1 + i);1H\u{1B}[2K" + clip(line)
        }
        out += "\u{1B}8"
        writeText(fd, out)
    }

    /// Gives the rows back: the scroll region is reset and the rows are blanked.
    public func clear() {
        guard reserved > 0 else { return }
        var out = "\u{1B}7\u{1B}[r"
        for i in 0..<reserved { out += "\u{1B}[\(screenRows - reserved + 1 + i);1H\u{1B}[2K" }
        out += "\u{1B}8"
        writeText(fd, out)
        reserved = 0
    }

    private func updateRates(at t: Double) {
        let bytes = record.edges.map { $0.bytesRead }
        let cpu = record.stages.map { $0.currentCPU }
        if let l = last, t - l.at > 0 {
            let dt = t - l.at
            rates = zip(bytes, l.bytes).map { Double($0 - $1) / dt }
            cpuShares = zip(cpu, l.cpu).map { max(0, $0 - $1) / dt }
        }
        last = (t, bytes, cpu)
    }

    private func render(at t: Double) -> [String] {
        var lines = ["trace  " + TraceText.display(record.command) + "   " + TraceUnits.duration(t)]
        let width = LiveView.nameWidth(record)
        for s in record.stages {
            let cpu = s.ended != nil ? "" : "CPU " + pad(TraceUnits.percent(cpuShares[s.index]), 4)
            lines.append(LiveView.stageLine(s, width: width) + " " + cpu)
            if s.index < record.edges.count {
                let e = record.edges[s.index]
                lines.append("   │ " + pad(LiveView.edgeBytes(e), 10) + "  "
                             + pad(TraceUnits.bytes(Int64(rates[s.index])) + "/s", 12) + "  " + LiveView.edgeTail(e))
            }
        }
        return lines
    }

    /// The numbers so far without rates, for `jobs -t`: a line per stage (its state and
    /// CPU time) and per edge (bytes and lines so far).
    public static func lines(record: TracedPipeline, at t: Double) -> [String] {
        var lines: [String] = []
        let width = nameWidth(record)
        for s in record.stages {
            let cpu = s.ended != nil ? TraceUnits.duration(s.userCPU + s.systemCPU) : TraceUnits.duration(s.currentCPU)
            lines.append(stageLine(s, width: width) + " CPU " + cpu)
            for e in record.edges where e.from == s.index {
                lines.append("   │ " + edgeBytes(e) + ", " + edgeTail(e) + " → \(e.to + 1)")
            }
        }
        lines.append("   " + TraceUnits.duration(t) + " so far")
        return lines
    }

    /// The width of the command column: the longest command, at most 40.
    static func nameWidth(_ record: TracedPipeline) -> Int {
        min(40, record.stages.map { TraceText.display($0.command).count }.max() ?? 10)
    }

    /// ` N command   state          `: a stage's number, its command cut to `width`, and
    /// what it is doing (or how it ended), padded.
    static func stageLine(_ s: TracedStage, width: Int) -> String {
        let command = TraceText.display(s.command)
        let name = command.count > width ? String(command.prefix(width - 1)) + "…" : command
        var state = s.ended != nil ? TraceTable.describe(s) : (s.currentActivity?.rawValue ?? "starting")
        state += String(repeating: " ", count: max(0, 15 - state.count))
        return " \(s.index + 1) " + name + String(repeating: " ", count: max(0, width - name.count)) + "  " + state
    }

    /// An edge's bytes so far (`~` when attached: an estimate).
    static func edgeBytes(_ e: TracedEdge) -> String { (e.estimated ? "~" : "") + TraceUnits.bytes(e.bytesRead) }

    /// Its lines, or for an attached edge the pipe's fill (no relay sees its lines).
    static func edgeTail(_ e: TracedEdge) -> String {
        e.estimated ? "pipe holds " + TraceUnits.bytes(Int64(e.fill)) : TraceUnits.count(e.lines) + " lines"
    }

    private func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }

    private func clip(_ s: String) -> String {
        s.count < screenColumns ? s : String(s.prefix(screenColumns - 1))
    }
}
