import Glibc
import WeirSyntax

/// The report printed when a traced pipeline ends: one row per stage, one line per edge,
/// and the verdict that names the bottleneck.
public enum TraceTable {
    public static func render(_ p: TracedPipeline, colored: Bool) -> String {
        let bold = colored ? "\u{1B}[1m" : "", dim = colored ? "\u{1B}[2m" : ""
        let red = colored ? "\u{1B}[31m" : "", yellow = colored ? "\u{1B}[33m" : ""
        let reset = colored ? "\u{1B}[0m" : ""
        let indent = String(repeating: "  ", count: p.depth)
        var out = indent + bold + "trace" + reset + " " + firstLine(p.command) + "  " + dim + "("
            + TraceText.display(p.location) + ")" + reset + "\n"

        let header = ["#", "pid", "command", "status", "start", "wall", "user", "sys", "peak mem",
                      "run", "in-wait", "out-wait", "stdin", "stdout"]
        var rows: [[String]] = [header]
        var failed: [Bool] = [false]
        for s in p.stages {
            let sampled = s.sampleCount > 0
            rows.append([
                String(s.index + 1), String(s.pid), firstLine(s.command), describe(s),
                "+" + TraceUnits.duration(s.started), TraceUnits.duration(s.wall),
                TraceUnits.duration(s.userCPU), TraceUnits.duration(s.systemCPU),
                s.peakMemory.map { TraceUnits.bytes(Int64($0)) } ?? "-",
                sampled ? TraceUnits.percent(s.share(.running)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingInput)) : "-",
                sampled ? TraceUnits.percent(s.share(.waitingOutput)) : "-",
                s.stdin?.description ?? "-", s.stdout?.description ?? "-",
            ])
            failed.append(s.state.status != 0 && s.benignSIGPIPE == nil)
        }
        let rightAligned: Set<Int> = [0, 1, 4, 5, 6, 7, 8, 9, 10, 11]
        var widths = [Int](repeating: 0, count: header.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        widths[2] = min(widths[2], 40)
        for (k, r) in rows.enumerated() {
            var line = indent + " "
            for (i, c) in r.enumerated() {
                let text = i == 2 && c.count > 40 ? String(c.prefix(39)) + "…" : c
                let pad = String(repeating: " ", count: max(0, widths[i] - text.count))
                var cell = rightAligned.contains(i) ? pad + text : text + (i == r.count - 1 ? "" : pad)
                if k == 0 { cell = dim + cell + reset }
                if k > 0 && i == 3 && failed[k] { cell = red + cell + reset }
                line += " " + cell
            }
            out += line + "\n"
        }
        for e in p.edges {
            let from = p.stages[e.from], to = p.stages[e.to]
            var traffic: String
            if e.bytesWritten != e.bytesRead {
                traffic = "written " + TraceUnits.bytes(e.bytesWritten) + ", read " + TraceUnits.bytes(e.bytesRead)
            } else {
                traffic = TraceUnits.bytes(e.bytesRead)
            }
            traffic += ", " + TraceUnits.count(e.lines) + (e.lines == 1 ? " line" : " lines")
            if p.duration > 0.05 && e.bytesRead > 0 {
                traffic += ", " + TraceUnits.bytes(Int64(Double(e.bytesRead) / p.duration)) + "/s"
            }
            out += indent + "  \(e.from + 1) → \(e.to + 1)  " + short(from.command) + " → " + short(to.command)
                + " (" + e.kind + "): " + traffic + "\n"
        }
        out += indent + "  " + "status \(p.status), " + TraceUnits.duration(p.duration) + "\n"
        if let v = TraceVerdict.explain(p) { out += indent + "  " + yellow + v + reset + "\n" }
        return out
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

    public static func short(_ command: ByteString) -> String {
        let c = firstLine(command)
        return c.count > 30 ? String(c.prefix(29)) + "…" : c
    }

    /// A command written over several lines, shown by its first.
    public static func firstLine(_ command: ByteString) -> String {
        guard let nl = command.firstIndex(of: 0x0A) else { return TraceText.display(command) }
        return TraceText.display(command.slice(0..<nl)) + " …"
    }

    /// How a stage ended, in words.
    public static func describe(_ s: TracedStage) -> String {
        switch s.state {
        case .exited(let c): return "exit \(c)"
        case .signaled(let sig, let core):
            var t = signalName(sig)
            if let reader = s.benignSIGPIPE { t += " after `" + short(reader) + "` exited 0 (benign)" }
            return t + (core ? " (core dumped)" : "")
        case .stopped(let sig): return "stopped " + signalName(sig)
        case .running: return s.kind == .external || s.ended == nil ? "running" : "-"
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

/// Names the stage that held the pipeline back, and why.
public enum TraceVerdict {
    public static func explain(_ p: TracedPipeline) -> String? {
        let stages = p.stages.filter { $0.ended != nil }
        guard stages.count > 1 else {
            guard let s = stages.first, s.wall > 0 else { return nil }
            return "`\(TraceTable.short(s.command))` was on CPU \(TraceUnits.percent(min(1, s.cpuShare))) of its life"
        }
        let sampled = stages.contains { $0.sampleCount > 0 }
        let busiest = stages.max { $0.cpuShare < $1.cpuShare }!
        if !sampled {
            let most = stages.max { $0.userCPU + $0.systemCPU < $1.userCPU + $1.systemCPU }!
            return "finished in \(TraceUnits.duration(p.duration)), too quickly to sample; `\(TraceTable.short(most.command))` used the most CPU (\(TraceUnits.duration(most.userCPU + most.systemCPU)))"
        }
        // A pipeline where nobody computes much is held back by whoever sleeps on
        // something other than a pipe (a timer, the network, a disk).
        var culprit = busiest
        var reason = "on CPU \(TraceUnits.percent(min(1, busiest.cpuShare))) of its life"
        if busiest.cpuShare < 0.3, let sleeper = stages.max(by: { $0.share(.sleeping) < $1.share(.sleeping) }),
           sleeper.share(.sleeping) > 0.5 {
            culprit = sleeper
            reason = "asleep (not on a pipe) \(TraceUnits.percent(sleeper.share(.sleeping))) of its life"
        }
        var text = "`\(TraceTable.short(culprit.command))` is the bottleneck: " + reason
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
}
