import Glibc
import WeirSyntax

/// The report printed when a traced pipeline ends: one row per stage, one line per edge,
/// and the verdict that names the bottleneck.
public enum TraceTable {
    /// - width: the columns the report may use (the terminal's); nil for no limit. The
    ///   full table is used when it fits; otherwise CPU is one column, the shares one
    ///   column, stdin and stdout one (`tty→pipe`), and the command is shortened.
    public static func render(_ p: TracedPipeline, colored: Bool, width: Int? = nil) -> String {
        let bold = colored ? "\u{1B}[1m" : "", dim = colored ? "\u{1B}[2m" : ""
        let red = colored ? "\u{1B}[31m" : "", yellow = colored ? "\u{1B}[33m" : ""
        let reset = colored ? "\u{1B}[0m" : ""
        let indent = String(repeating: "  ", count: p.depth)
        let location = TraceText.display(p.location)
        var out = indent + bold + "trace" + reset + " "
            + fitted(firstLine(p.command), width.map { $0 - indent.count - 10 - location.count })
            + "  " + dim + "(" + location + ")" + reset + "\n"

        // Notes that would widen a column go under the table, marked in it.
        var notes: [String] = []
        var statuses: [String] = []
        for s in p.stages {
            var status = describe(s, withReason: false)
            if let reader = s.benignSIGPIPE {
                notes.append("* `\(short(s.command))`: \(status) after `\(short(reader))` exited 0 (benign)")
                status += "*"
            }
            statuses.append(status)
        }
        var table = TableLayout.full(p, statuses: statuses)
        if let width, table.width(indent: indent.count) > width {
            table = TableLayout.compact(p, statuses: statuses)
            if table.width(indent: indent.count) > width {
                table = TableLayout.narrow(p, statuses: statuses)
            }
            table.shortenCommand(toFit: width, indent: indent.count)
            if table.width(indent: indent.count) > width {
                table.remove(column: 1)
                table.shortenCommand(toFit: width, indent: indent.count)
            }
        }
        let failed = [false] + p.stages.map { $0.state.status != 0 && $0.benignSIGPIPE == nil }
        for (k, r) in table.rows.enumerated() {
            var line = indent + " "
            for (i, c) in r.enumerated() {
                let w = table.widths[i]
                let text = c.count > w ? String(c.prefix(max(0, w - 1))) + "…" : c
                let pad = String(repeating: " ", count: max(0, w - text.count))
                var cell = table.rightAligned.contains(i) ? pad + text : text + (i == r.count - 1 ? "" : pad)
                if k == 0 { cell = dim + cell + reset }
                if k > 0 && i == table.statusColumn && failed[k] { cell = red + cell + reset }
                line += " " + cell
            }
            out += line + "\n"
        }
        for n in notes {
            for line in wrapped(n, width: width.map { $0 - indent.count - 2 }) { out += indent + "  " + dim + line + reset + "\n" }
        }
        for e in p.edges {
            let from = p.stages[e.from], to = p.stages[e.to]
            var traffic: String
            if e.estimated {
                traffic = TraceUnits.bytes(e.bytesWritten) == TraceUnits.bytes(e.bytesRead) ? "~" + TraceUnits.bytes(e.bytesRead)
                    : "written ~" + TraceUnits.bytes(e.bytesWritten) + ", read ~" + TraceUnits.bytes(e.bytesRead)
                traffic += ", pipe holds " + TraceUnits.bytes(Int64(e.fill)) + " (max " + TraceUnits.bytes(Int64(e.maxFill)) + ")"
            } else if e.bytesWritten != e.bytesRead {
                traffic = "written " + TraceUnits.bytes(e.bytesWritten) + ", read " + TraceUnits.bytes(e.bytesRead)
            } else {
                traffic = TraceUnits.bytes(e.bytesRead)
            }
            if !e.estimated { traffic += ", " + TraceUnits.count(e.lines) + (e.lines == 1 ? " line" : " lines") }
            if p.duration > 0.05 && e.bytesRead > 0 {
                traffic += ", " + TraceUnits.bytes(Int64(Double(e.bytesRead) / p.duration)) + "/s"
            }
            var edge = indent + "  \(e.from + 1) → \(e.to + 1)  " + short(from.command) + " → " + short(to.command)
                + " (" + e.kind + "): " + traffic
            // Too wide: shorter names, then the numbers alone name the stages.
            edge.removeFirst(indent.count + 2)
            if let width, edge.count > width - indent.count - 2 {
                edge = "\(e.from + 1) → \(e.to + 1)  " + fitted(short(from.command), 14) + " → " + fitted(short(to.command), 14)
                    + " (" + e.kind + "): " + traffic
                if edge.count > width - indent.count - 2 { edge = "\(e.from + 1) → \(e.to + 1)  (" + e.kind + "): " + traffic }
            }
            for line in wrapped(edge, width: width.map { $0 - indent.count - 2 }) { out += indent + "  " + line + "\n" }
            if let peek = e.peek { out += peekLines(peek, lines: e.lines, indent: indent, width: width, dim: dim, reset: reset) }
        }
        if p.attached {
            let note = "attached for " + TraceUnits.duration(p.duration)
                + ": times, CPU and bytes count from the attach; bytes (~) are estimates from /proc/PID/io"
            for line in wrapped(note, width: width.map { $0 - indent.count - 2 }) { out += indent + "  " + dim + line + reset + "\n" }
        } else {
            out += indent + "  " + "status \(p.status), " + TraceUnits.duration(p.duration) + "\n"
        }
        if let v = TraceVerdict.explain(p) {
            for line in wrapped(v, width: width.map { $0 - indent.count - 2 }) { out += indent + "  " + yellow + line + reset + "\n" }
        }
        return out
    }

    /// `--peek`: the edge's first and last lines under it, the lines between counted.
    static func peekLines(_ peek: LinePeek, lines total: Int64, indent: String, width: Int?, dim: String, reset: String) -> String {
        let head = peek.headLines, tail = peek.tailLines
        let bar = indent + "     " + dim + "│" + reset + " "
        func show(_ line: [UInt8]) -> String {
            var text = TraceText.display(ByteString(line))
            if line.count >= LinePeek.maxLineBytes { text += "…" }
            return bar + fitted(text, width.map { $0 - indent.count - 7 }) + "\n"
        }
        var out = ""
        for l in head { out += show(l) }
        let between = total - Int64(head.count) - Int64(tail.count)
        if between > 0 { out += bar + dim + "… " + TraceUnits.count(between) + (between == 1 ? " line" : " lines") + " …" + reset + "\n" }
        for l in tail { out += show(l) }
        return out
    }

    /// Text broken at spaces into lines no wider than `width` (nil: one line); later lines
    /// are indented two more.
    static func wrapped(_ text: String, width: Int?) -> [String] {
        guard let width, width > 20, text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let limit = lines.isEmpty ? width : width - 2
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
    }

    /// One line for a command that ran in the shell, in a whole-script trace.
    public static func line(_ p: TracedPipeline, colored: Bool) -> String {
        let dim = colored ? "\u{1B}[2m" : "", reset = colored ? "\u{1B}[0m" : ""
        let s = p.stages[0]
        return String(repeating: "  ", count: p.depth) + "trace " + firstLine(p.command) + "  " + dim + "("
            + TraceText.display(p.location) + ", "
            + s.kind.rawValue + ")" + reset + "  " + describe(s) + ", " + TraceUnits.duration(p.duration)
            + ", CPU " + TraceUnits.duration(s.userCPU + s.systemCPU) + "\n"
    }

    /// Text cut to `width` characters with an ellipsis (nil: as it is).
    static func fitted(_ text: String, _ width: Int?) -> String {
        guard let width, text.count > width else { return text }
        return String(text.prefix(max(1, width - 1))) + "…"
    }

    public static func short(_ command: ByteString) -> String {
        let c = firstLine(command)
        return c.count > 30 ? String(c.prefix(29)) + "…" : c
    }

    /// A command written over several lines, shown by its first.
    public static func firstLine(_ command: ByteString) -> String {
        guard let nl = command.firstIndex(of: 0x0A) else { return TraceText.display(command) }
        return TraceText.display(command.slice(0..<nl)) + " …"
    }

    /// How a stage ended, in words; `withReason`: a benign SIGPIPE says whose exit
    /// caused it (the table puts that under itself instead).
    public static func describe(_ s: TracedStage, withReason: Bool = true) -> String {
        switch s.state {
        case .exited(let c): return "exit \(c)"
        case .signaled(let sig, let core):
            var t = signalName(sig)
            if withReason, let reader = s.benignSIGPIPE { t += " after `" + short(reader) + "` exited 0 (benign)" }
            return t + (core ? " (core dumped)" : "")
        case .stopped(let sig): return "stopped " + signalName(sig)
        case .running:
            if s.endedUnwaited { return "ended" }
            return s.kind == .external || s.ended == nil ? "running" : "-"
        }
    }

    public static func signalName(_ sig: Int32) -> String {
        let names: [Int32: String] = [SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
            SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL",
            SIGUSR1: "SIGUSR1", SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM",
            SIGTERM: "SIGTERM", SIGSTOP: "SIGSTOP", SIGTSTP: "SIGTSTP", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ"]
        return names[sig] ?? "signal \(sig)"
    }
}

/// Names the stage that held the pipeline back, and why. Its shares are the table's
/// (`run`, `in-wait`, `out-wait`, `stopped`: one computation from the /proc samples), so
/// the verdict and the columns agree.
public enum TraceVerdict {
    public static func explain(_ p: TracedPipeline) -> String? {
        let stages = p.stages.filter { $0.ended != nil }
        let sampled = stages.contains { $0.sampleCount > 0 }
        guard stages.count > 1 else {
            guard let s = stages.first, s.wall > 0 else { return nil }
            if s.sampleCount > 0 {
                return "`\(TraceTable.short(s.command))` was running \(TraceUnits.percent(s.share(.running))) of its life" + stopped(s)
            }
            return "`\(TraceTable.short(s.command))` was on CPU \(TraceUnits.percent(min(1, s.cpuShare))) of its life"
        }
        let most = stages.max { $0.userCPU + $0.systemCPU < $1.userCPU + $1.systemCPU }!
        let mostCPU = "`\(TraceTable.short(most.command))` used the most CPU (\(TraceUnits.duration(most.userCPU + most.systemCPU)))"
        if !sampled {
            return "finished in \(TraceUnits.duration(p.duration)), too quickly to sample; " + mostCPU
        }
        // The stage that ran longest (samples come at a fixed rate, so their count is
        // time): a short stage that ran all of its few milliseconds did not hold back a
        // pipeline that took seconds.
        func ranLonger(_ a: TracedStage, _ b: TracedStage) -> Bool {
            let (x, y) = (a.samples[.running] ?? 0, b.samples[.running] ?? 0)
            return x != y ? x < y : a.share(.running) < b.share(.running)
        }
        let busiest = stages.max(by: ranLonger)!
        // A pipeline where nobody computes much is held back by whoever sleeps on
        // something other than a pipe (a timer, the network, a disk).
        var culprit = busiest
        var reason = "running \(TraceUnits.percent(busiest.share(.running))) of its life"
        if busiest.share(.running) < 0.3,
           let sleeper = stages.max(by: { ($0.samples[.sleeping] ?? 0, $0.share(.sleeping)) < ($1.samples[.sleeping] ?? 0, $1.share(.sleeping)) }),
           sleeper.share(.sleeping) > 0.5 {
            culprit = sleeper
            reason = "asleep (not on a pipe) \(TraceUnits.percent(sleeper.share(.sleeping))) of its life"
        } else if (busiest.samples[.running] ?? 0) == 0 {
            // Sampled, but never seen running or asleep on anything but a pipe (a short
            // pipeline whose few samples caught only waits): the CPU times tell.
            return (p.attached ? "no stage was seen running; " : "finished in \(TraceUnits.duration(p.duration)), too quickly to sample well; ") + mostCPU
        }
        var text = "`\(TraceTable.short(culprit.command))` is the bottleneck: " + reason + stopped(culprit)
        let i = culprit.index
        if i > 0 {
            let up = p.stages[i - 1]
            if up.share(.waitingOutput) >= 0.2 {
                text += "; `\(TraceTable.short(up.command))` waited to write \(TraceUnits.percent(up.share(.waitingOutput))) of its life"
            }
        }
        if i + 1 < p.stages.count {
            let down = p.stages[i + 1]
            if down.share(.waitingInput) >= 0.2 {
                text += "; `\(TraceTable.short(down.command))` waited for input \(TraceUnits.percent(down.share(.waitingInput))) of its life"
            }
        }
        return text
    }

    /// `, stopped 40%` when the stage spent time stopped (Ctrl-Z).
    static func stopped(_ s: TracedStage) -> String {
        let share = s.share(.stopped)
        return share > 0 ? " (stopped \(TraceUnits.percent(share)))" : ""
    }
}
