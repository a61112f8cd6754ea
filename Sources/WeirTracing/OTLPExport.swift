import Glibc
import WeirSyntax
import WeirExpansion

/// `trace --otlp FILE` (and `weir --trace-otlp=FILE`): the trace as OTLP/JSON, the JSON
/// encoding of OpenTelemetry's `ExportTraceServiceRequest`, which the OpenTelemetry
/// Collector, Jaeger, Tempo and Honeycomb take in.
///
/// Each pipeline is a span, each of its stages a child span; an edge is a link from the
/// reading stage's span to the writing stage's, with the bytes and lines that crossed it.
/// Attributes carry the pid, command, status, CPU and peak memory; a failed stage has an
/// error status. With a W3C `TRACEPARENT` in the environment, the spans join that trace
/// and the pipelines are children of its span.
public enum OTLPExport {
    /// A W3C trace context: `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`.
    public struct TraceParent: Equatable {
        public let traceID: String
        public let spanID: String

        public init?(_ header: ByteString) {
            let parts = String(decoding: header.bytes, as: UTF8.self).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0].count == 2, parts[0] != "ff", parts[1].count == 32, parts[2].count == 16,
                  parts[3].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }),
                  parts[1].contains(where: { $0 != "0" }), parts[2].contains(where: { $0 != "0" }) else { return nil }
            traceID = parts[1].lowercased()
            spanID = parts[2].lowercased()
        }
    }

    /// Random ids in lowercase hex: 16 bytes for a trace, 8 for a span.
    public static func randomHex(bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        var out = ""
        for _ in 0..<bytes {
            let b = UInt8.random(in: 0...255, using: &g)
            out += (b < 16 ? "0" : "") + String(b, radix: 16)
        }
        return out
    }

    public static func document(for pipelines: [TracedPipeline], parent: TraceParent?) -> String {
        let traceID = pipelines.first?.otlpTraceID ?? parent?.traceID ?? randomHex(bytes: 16)
        var spans: [String] = []
        for p in pipelines {
            let pipelineID = randomHex(bytes: 8)
            let start = p.startedAtEpoch
            var attributes = [string("weir.command", TraceText.display(p.command)),
                              string("weir.location", TraceText.display(p.location)),
                              int("weir.status", Int64(p.status)), int("weir.stages", Int64(p.stages.count))]
            if let v = TraceVerdict.explain(p) { attributes.append(string("weir.verdict", v)) }
            spans.append(span(traceID: traceID, id: pipelineID, parent: parent?.spanID, name: firstLine(p.command),
                              start: start, end: start + p.duration, attributes: attributes, links: [],
                              failed: p.status != 0))
            // Stage spans first get their ids, so that edges can link them.
            let stageIDs = p.stages.map { $0.spanID ?? randomHex(bytes: 8) }
            for (k, s) in p.stages.enumerated() {
                var a = [string("weir.command", TraceText.display(s.command)), string("weir.kind", s.kind.rawValue),
                         int("process.pid", Int64(s.pid)), string("weir.status", TraceTable.describe(s)),
                         int("weir.stage", Int64(s.index + 1)),
                         double("weir.cpu.user_s", s.userCPU), double("weir.cpu.system_s", s.systemCPU)]
                if let m = s.peakMemory { a.append(int("weir.memory.peak_bytes", Int64(m))) }
                var links: [String] = []
                for e in p.edges where e.to == k {
                    links.append("{\"traceId\":\"\(traceID)\",\"spanId\":\"\(stageIDs[e.from])\",\"attributes\":["
                        + [string("weir.edge.kind", e.kind), int("weir.edge.from", Int64(e.from + 1)),
                           int("weir.edge.bytes_written", e.bytesWritten), int("weir.edge.bytes_read", e.bytesRead),
                           int("weir.edge.lines", e.lines)].joined(separator: ",") + "]}")
                }
                for e in p.edges where e.from == k {
                    a.append(int("weir.stdout.bytes_written", e.bytesWritten))
                    a.append(int("weir.stdout.lines", e.lines))
                }
                let stageStart = start + s.started
                spans.append(span(traceID: traceID, id: stageIDs[k], parent: pipelineID, name: firstLine(s.command),
                                  start: stageStart, end: stageStart + s.wall, attributes: a, links: links,
                                  failed: s.state.status != 0 && s.benignSIGPIPE == nil))
            }
        }
        let resource = "{\"attributes\":[" + [string("service.name", "weir"), string("weir.version", weirVersionText),
                                              int("process.pid", Int64(getpid()))].joined(separator: ",") + "]}"
        return "{\"resourceSpans\":[{\"resource\":" + resource
            + ",\"scopeSpans\":[{\"scope\":{\"name\":\"weir.trace\",\"version\":\"" + weirVersionText + "\"},\"spans\":[\n"
            + spans.joined(separator: ",\n") + "\n]}]}]}\n"
    }

    /// The version the resource names (set by the shell).
    nonisolated(unsafe) public static var weirVersionText = ""

    static func firstLine(_ b: ByteString) -> String { TraceTable.firstLine(b) }

    static func span(traceID: String, id: String, parent: String?, name: String, start: Double, end: Double,
                     attributes: [String], links: [String], failed: Bool) -> String {
        var o = "{\"traceId\":\"\(traceID)\",\"spanId\":\"\(id)\""
        if let parent { o += ",\"parentSpanId\":\"\(parent)\"" }
        o += ",\"name\":" + JSONObject.quote(name) + ",\"kind\":1"
        o += ",\"startTimeUnixNano\":\"" + nanos(start) + "\",\"endTimeUnixNano\":\"" + nanos(max(start, end)) + "\""
        o += ",\"attributes\":[" + attributes.joined(separator: ",") + "]"
        if !links.isEmpty { o += ",\"links\":[" + links.joined(separator: ",") + "]" }
        o += ",\"status\":{\"code\":" + (failed ? "2" : "0") + "}}"
        return o
    }

    /// Seconds since the epoch as whole nanoseconds, a decimal string (int64 in JSON).
    static func nanos(_ seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        let ns = Int64(((seconds - whole) * 1e9).rounded())
        let total = Int64(whole) &* 1_000_000_000 &+ ns
        return String(total)
    }

    static func string(_ key: String, _ value: String) -> String {
        "{\"key\":" + JSONObject.quote(key) + ",\"value\":{\"stringValue\":" + JSONObject.quote(value) + "}}"
    }

    static func int(_ key: String, _ value: Int64) -> String {
        "{\"key\":" + JSONObject.quote(key) + ",\"value\":{\"intValue\":\"\(value)\"}}"
    }

    static func double(_ key: String, _ value: Double) -> String {
        "{\"key\":" + JSONObject.quote(key) + ",\"value\":{\"doubleValue\":" + TraceUnits.fixed(value, 6) + "}}"
    }
}
