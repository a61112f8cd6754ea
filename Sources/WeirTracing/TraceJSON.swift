import WeirSyntax

/// `trace --json`: one JSON object per line, for each stage, each edge and the pipeline
/// (in that order). The schema is in docs/trace-json.md; `"schema": 1` names its version.
public enum TraceJSON {
    public static let schemaVersion = 1

    public static func lines(for p: TracedPipeline) -> String {
        var out = ""
        for s in p.stages { out += stage(s, of: p) + "\n" }
        for e in p.edges { out += edge(e, of: p) + "\n" }
        out += pipeline(p) + "\n"
        return out
    }

    /// The fields a stage's or an edge's object opens with: its type, the schema version
    /// and the pipeline it belongs to.
    public static func record(_ type: String, of p: TracedPipeline) -> JSONObject {
        var o = JSONObject()
        o.add("type", string: type)
        o.add("schema", number: schemaVersion)
        o.add("pipeline", number: p.id)
        return o
    }

    public static func stage(_ s: TracedStage, of p: TracedPipeline) -> String {
        var o = record("stage", of: p)
        o.add("index", number: s.index + 1)
        o.add("pid", number: Int(s.pid))
        o.add("command", bytes: s.command)
        o.add("kind", string: s.kind.rawValue)
        switch s.state {
        case .exited(let c):
            o.add("exit", number: Int(c)); o.addNull("signal")
        case .signaled(let sig, _):
            o.addNull("exit"); o.add("signal", string: TraceTable.signalName(sig))
        default:
            o.addNull("exit"); o.addNull("signal")
        }
        o.add("status", number: Int(s.state.status))
        o.add("benign_sigpipe", bool: s.benignSIGPIPE != nil)
        o.add("start_ms", milliseconds: s.started)
        o.add("wall_ms", milliseconds: s.wall)
        o.add("user_ms", milliseconds: s.userCPU)
        o.add("sys_ms", milliseconds: s.systemCPU)
        if let m = s.peakMemory { o.add("peak_memory_bytes", number: m) } else { o.addNull("peak_memory_bytes") }
        var samples = JSONObject()
        for a in StageActivity.allCases { samples.add(a.rawValue.replacingDashes, number: s.samples[a] ?? 0) }
        o.add("samples", raw: samples.text)
        o.add("stdin", raw: descriptor(s.stdin))
        o.add("stdout", raw: descriptor(s.stdout))
        return o.text
    }

    public static func descriptor(_ d: DescriptorKind?) -> String {
        guard let d else { return "null" }
        var o = JSONObject()
        o.add("kind", string: d.kind)
        if let path = d.path { o.add("path", bytes: path) } else { o.addNull("path") }
        if let id = d.id { o.add("id", string: id) } else { o.addNull("id") }
        return o.text
    }

    public static func edge(_ e: TracedEdge, of p: TracedPipeline) -> String {
        var o = record("edge", of: p)
        o.add("from", number: e.from + 1)
        o.add("to", number: e.to + 1)
        o.add("kind", string: e.kind)
        if let path = e.path { o.add("path", bytes: path) } else { o.addNull("path") }
        o.add("bytes_written", number: Int(e.bytesWritten))
        o.add("bytes_read", number: Int(e.bytesRead))
        if e.estimated { o.addNull("lines") } else { o.add("lines", number: Int(e.lines)) }
        o.add("estimated", raw: e.estimated ? "true" : "false")
        if e.estimated {
            o.add("fill_bytes", number: e.fill)
            o.add("max_fill_bytes", number: e.maxFill)
        } else {
            o.addNull("fill_bytes")
            o.addNull("max_fill_bytes")
        }
        if let peek = e.peek {
            var inner = JSONObject()
            inner.add("head", raw: "[" + peek.headLines.map { TraceText.json(ByteString($0)) }.joined(separator: ",") + "]")
            inner.add("tail", raw: "[" + peek.tailLines.map { TraceText.json(ByteString($0)) }.joined(separator: ",") + "]")
            o.add("peek", raw: inner.text)
        } else {
            o.addNull("peek")
        }
        return o.text
    }

    public static func pipeline(_ p: TracedPipeline) -> String {
        var o = JSONObject()
        o.add("type", string: "pipeline")
        o.add("schema", number: schemaVersion)
        o.add("id", number: p.id)
        o.add("command", bytes: p.command)
        o.add("location", bytes: p.location)
        o.add("started_at", raw: TraceUnits.fixed(p.startedAtEpoch, 6))
        o.add("offset_ms", milliseconds: p.offset)
        o.add("duration_ms", milliseconds: p.duration)
        o.add("status", number: Int(p.status))
        o.add("depth", number: p.depth)
        o.add("attached", raw: p.attached ? "true" : "false")
        o.add("stages", number: p.stages.count)
        o.add("edges", number: p.edges.count)
        if let v = TraceVerdict.explain(p) { o.add("verdict", string: v) } else { o.addNull("verdict") }
        return o.text
    }
}

/// A JSON object written field by field.
public struct JSONObject {
    private var fields: [String] = []

    public mutating func add(_ key: String, string: String) { fields.append(JSONObject.quote(key) + ":" + JSONObject.quote(string)) }
    /// A command or a path: its bytes, losslessly (see `TraceText.json`).
    public mutating func add(_ key: String, bytes: ByteString) { fields.append(JSONObject.quote(key) + ":" + TraceText.json(bytes)) }
    public mutating func add(_ key: String, number: Int) { fields.append(JSONObject.quote(key) + ":" + String(number)) }
    public mutating func add(_ key: String, bool: Bool) { fields.append(JSONObject.quote(key) + ":" + (bool ? "true" : "false")) }
    public mutating func add(_ key: String, raw: String) { fields.append(JSONObject.quote(key) + ":" + raw) }
    public mutating func addNull(_ key: String) { fields.append(JSONObject.quote(key) + ":null") }
    /// Seconds, written as milliseconds with microsecond precision.
    public mutating func add(_ key: String, milliseconds seconds: Double) { add(key, raw: TraceUnits.fixed(seconds * 1000, 3)) }

    public var text: String { "{" + fields.joined(separator: ",") + "}" }

    public static func quote(_ s: String) -> String { TraceText.json(ByteString(s)) }
}

extension String {
    /// `waiting-input` → `waiting_input`, for JSON keys.
    public var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
