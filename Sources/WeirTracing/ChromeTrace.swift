import WeirSyntax
/// `trace --chrome FILE` (and `weir --trace-chrome=FILE`): the Chrome trace-event format
/// (JSON object form), which Perfetto and chrome://tracing open.
///
/// One process, the shell. Its own track holds what ran in the shell itself: a traced
/// function, builtin or compound command is a span there, and what ran inside it nests
/// under it by time. Every stage that was a process of its own gets a track named by its
/// pid, with one complete event for its whole life (category `stage`) and nested events
/// for its running and waiting spans (category `activity`). Each edge is a counter track
/// of bytes per second, and a flow arrow from the writing stage's track to the reading
/// stage's (category `edge`), so the graph of a command with substitutions shows as one.
public enum ChromeTrace {
    public static func document(for pipelines: [TracedPipeline], shellPid: Int) -> String {
        var events: [String] = []
        let pid = shellPid
        events.append(metadata("process_name", pid: pid, tid: 0, name: "weir \(shellPid)"))
        events.append(metadata("thread_name", pid: pid, tid: pid, name: "weir (shell)"))
        events.append(metadata("thread_sort_index", pid: pid, tid: pid, sortIndex: 0))
        var named = Set<Int>()
        var flowID = 0
        for p in pipelines {
            for s in p.stages {
                let tid = Int(s.pid)
                if tid != pid && named.insert(tid).inserted {
                    events.append(metadata("thread_name", pid: pid, tid: tid, name: "\(s.command) [pid \(s.pid)]"))
                    events.append(metadata("thread_sort_index", pid: pid, tid: tid, sortIndex: named.count))
                }
                let start = p.offset + s.started
                var args = JSONObject()
                args.add("pipeline", bytes: p.command)
                args.add("location", bytes: p.location)
                args.add("stage", number: s.index + 1)
                args.add("pid", number: Int(s.pid))
                args.add("status", string: TraceTable.describe(s))
                args.add("user_ms", milliseconds: s.userCPU)
                args.add("sys_ms", milliseconds: s.systemCPU)
                if let m = s.peakMemory { args.add("peak_memory_bytes", number: m) }
                events.append(complete(name: TraceText.display(s.command), category: "stage", pid: pid, tid: tid,
                                       start: start, duration: s.wall, args: args.text))
                for (k, span) in s.timeline.enumerated() {
                    let end = k + 1 < s.timeline.count ? s.timeline[k + 1].at : (s.ended ?? span.at)
                    guard end > span.at else { continue }
                    events.append(complete(name: span.activity.rawValue, category: "activity", pid: pid, tid: tid,
                                           start: p.offset + span.at, duration: end - span.at, args: "{}"))
                }
            }
            for e in p.edges {
                let from = p.stages[e.from], to = p.stages[e.to]
                flowID += 1
                let label = "\(e.kind) \(e.from + 1)→\(e.to + 1): \(e.bytesRead) bytes, \(e.lines) lines"
                events.append("{\"ph\":\"s\",\"id\":\(flowID),\"name\":" + JSONObject.quote(label) + ",\"cat\":\"edge\",\"pid\":\(pid),\"tid\":\(from.pid),\"ts\":" + micros(p.offset + from.started) + "}")
                events.append("{\"ph\":\"f\",\"bp\":\"e\",\"id\":\(flowID),\"name\":" + JSONObject.quote(label) + ",\"cat\":\"edge\",\"pid\":\(pid),\"tid\":\(to.pid),\"ts\":" + micros(p.offset + max(to.started, from.started)) + "}")
                let name = "\(p.id): \(e.from + 1)→\(e.to + 1) \(TraceTable.short(from.command)) → \(TraceTable.short(to.command)) bytes/s"
                var last = (at: 0.0, bytes: Int64(0))
                for point in e.progress where point.at > last.at {
                    let rate = Double(point.bytes - last.bytes) / (point.at - last.at)
                    events.append(counter(name: name, pid: pid, at: p.offset + last.at, value: rate))
                    last = point
                }
                events.append(counter(name: name, pid: pid, at: p.offset + max(last.at, p.duration), value: 0))
            }
        }
        return "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n" + events.joined(separator: ",\n") + "\n]}\n"
    }

    public static func micros(_ seconds: Double) -> String { TraceUnits.fixed(seconds * 1e6, 3) }

    public static func metadata(_ kind: String, pid: Int, tid: Int, name: String? = nil, sortIndex: Int? = nil) -> String {
        var args = JSONObject()
        if let name { args.add("name", string: name) }
        if let sortIndex { args.add("sort_index", number: sortIndex) }
        return "{\"ph\":\"M\",\"name\":\"\(kind)\",\"pid\":\(pid),\"tid\":\(tid),\"args\":\(args.text)}"
    }

    public static func complete(name: String, category: String, pid: Int, tid: Int, start: Double, duration: Double,
                         args: String) -> String {
        "{\"ph\":\"X\",\"name\":" + JSONObject.quote(name) + ",\"cat\":\"\(category)\",\"pid\":\(pid),\"tid\":\(tid),"
            + "\"ts\":" + micros(start) + ",\"dur\":" + micros(duration) + ",\"args\":" + args + "}"
    }

    public static func counter(name: String, pid: Int, at: Double, value: Double) -> String {
        "{\"ph\":\"C\",\"name\":" + JSONObject.quote(name) + ",\"pid\":\(pid),\"ts\":" + micros(at)
            + ",\"args\":{\"bytes_per_second\":" + TraceUnits.fixed(value, 0) + "}}"
    }
}
