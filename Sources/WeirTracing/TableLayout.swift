/// The stage table's columns at three widths. `full` has every column; `compact` makes
/// user and system CPU one column, drops the start offset and shows stdin and stdout by
/// kind as one column (`tty→pipe`); `narrow` also makes the three shares one column
/// (`run/in/out`, in percent). The command column gives way last.
struct TableLayout {
    var rows: [[String]]
    var widths: [Int]
    var rightAligned: Set<Int>
    var statusColumn: Int
    var commandColumn: Int

    init(_ rows: [[String]], rightAligned: Set<Int>, statusColumn: Int, commandColumn: Int, commandLimit: Int = 40) {
        self.rows = rows
        self.rightAligned = rightAligned
        self.statusColumn = statusColumn
        self.commandColumn = commandColumn
        var widths = [Int](repeating: 0, count: rows.first?.count ?? 0)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        if commandColumn < widths.count { widths[commandColumn] = min(widths[commandColumn], commandLimit) }
        self.widths = widths
    }

    /// The width of a row: the indent, a space, and a space before each cell.
    func width(indent: Int) -> Int { indent + 1 + widths.reduce(0) { $0 + $1 + 1 } }

    /// The command column shrinks (to no less than 8) until the rows fit.
    mutating func shortenCommand(toFit width: Int, indent: Int) {
        let over = self.width(indent: indent) - width
        if over > 0 { widths[commandColumn] = max(8, widths[commandColumn] - over) }
    }

    static func full(_ p: TracedPipeline, statuses: [String]) -> TableLayout {
        var rows = [["#", "pid", "command", "status", "start", "wall", "user", "sys", "peak mem",
                     "run", "in-wait", "out-wait", "stdin", "stdout"]]
        for (k, s) in p.stages.enumerated() {
            let sampled = s.sampleCount > 0
            rows.append([
                String(s.index + 1), String(s.pid), TraceTable.firstLine(s.command), statuses[k],
                "+" + TraceUnits.duration(s.started), TraceUnits.duration(s.wall),
                TraceUnits.duration(s.userCPU), TraceUnits.duration(s.systemCPU), memory(s),
                sampled ? TraceUnits.percent(s.share(.running)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingInput)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingOutput)) : "-",
                s.stdin?.description ?? "-", s.stdout?.description ?? "-",
            ])
        }
        var t = TableLayout(rows, rightAligned: [0, 1, 4, 5, 6, 7, 8, 9, 10, 11], statusColumn: 3, commandColumn: 2)
        t.addStoppedShare(p, after: 11, header: "stopped")
        return t
    }

    static func compact(_ p: TracedPipeline, statuses: [String]) -> TableLayout {
        var rows = [["#", "pid", "command", "status", "wall", "cpu", "mem", "run", "in", "out", "stdin→out"]]
        for (k, s) in p.stages.enumerated() {
            let sampled = s.sampleCount > 0
            rows.append([
                String(s.index + 1), String(s.pid), TraceTable.firstLine(s.command), statuses[k],
                TraceUnits.duration(s.wall), TraceUnits.duration(s.userCPU + s.systemCPU), memory(s),
                sampled ? TraceUnits.percent(s.share(.running)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingInput)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingOutput)) : "-",
                streams(s),
            ])
        }
        var t = TableLayout(rows, rightAligned: [0, 1, 4, 5, 6, 7, 8, 9], statusColumn: 3, commandColumn: 2)
        t.addStoppedShare(p, after: 9, header: "stop")
        return t
    }

    static func narrow(_ p: TracedPipeline, statuses: [String]) -> TableLayout {
        let anyStopped = p.stages.contains { ($0.samples[.stopped] ?? 0) > 0 }
        var rows = [["#", "pid", "command", "status", "wall", "cpu", "mem", anyStopped ? "run/in/out/stop" : "run/in/out", "stdin→out"]]
        for (k, s) in p.stages.enumerated() {
            var shares = "-"
            if s.sampleCount > 0 {
                var parts = [s.share(.running), s.share(.waitingInput), s.share(.waitingOutput)]
                if anyStopped { parts.append(s.share(.stopped)) }
                shares = parts.map { String(Int(($0 * 100).rounded())) }.joined(separator: "/") + "%"
            }
            rows.append([
                String(s.index + 1), String(s.pid), TraceTable.firstLine(s.command), statuses[k],
                TraceUnits.duration(s.wall), TraceUnits.duration(s.userCPU + s.systemCPU), memory(s),
                shares, streams(s),
            ])
        }
        return TableLayout(rows, rightAligned: [0, 1, 4, 5, 6, 7], statusColumn: 3, commandColumn: 2)
    }

    /// A column for the share of its life each stage spent stopped, when any did.
    mutating func addStoppedShare(_ p: TracedPipeline, after column: Int, header: String) {
        guard p.stages.contains(where: { ($0.samples[.stopped] ?? 0) > 0 }) else { return }
        let at = column + 1
        rows[0].insert(header, at: at)
        for (k, s) in p.stages.enumerated() {
            rows[k + 1].insert(s.sampleCount > 0 ? TraceUnits.percent(s.share(.stopped)) : "-", at: at)
        }
        widths.insert(rows.map { $0[at].count }.max() ?? 0, at: at)
        rightAligned.insert(at)
    }

    /// Without a column (the pid, when even the narrow table is too wide).
    mutating func remove(column: Int) {
        for k in rows.indices { rows[k].remove(at: column) }
        widths.remove(at: column)
        rightAligned = Set(rightAligned.compactMap { $0 == column ? nil : ($0 > column ? $0 - 1 : $0) })
        if statusColumn > column { statusColumn -= 1 }
        if commandColumn > column { commandColumn -= 1 }
    }

    static func memory(_ s: TracedStage) -> String { s.peakMemory.map { TraceUnits.bytes(Int64($0)) } ?? "-" }

    /// `tty→pipe`: stdin and stdout by kind.
    static func streams(_ s: TracedStage) -> String { kind(s.stdin) + "→" + kind(s.stdout) }

    static func kind(_ d: DescriptorKind?) -> String {
        guard let d else { return "-" }
        switch d.kind {
        case "terminal": return "tty"
        case "/dev/null": return "null"
        case "directory": return "dir"
        default: return d.kind
        }
    }
}
