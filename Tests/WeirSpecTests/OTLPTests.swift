import Glibc
import Testing
import WeirTestSupport

/// `trace --otlp FILE` and `weir --trace-otlp=FILE`: OpenTelemetry's OTLP/JSON, a span per
/// pipeline and per stage, edges as links, under a W3C TRACEPARENT when one is set.
@Suite struct OTLPTests {
    func spans(_ arguments: [String], environment: [String]? = nil, file: String = "o.json") -> (ProcessResult, [JSONValue], String) {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let r = run([weirBinary] + arguments, directory: dir, environment: environment)
        let text = String(decoding: readFileBytes(dir + "/" + file) ?? [], as: UTF8.self)
        let doc = JSONValue.parse(text)
        let list = doc?["resourceSpans"]?.array?.first?["scopeSpans"]?.array?.first?["spans"]?.array ?? []
        return (r, list, text)
    }

    func attribute(_ span: JSONValue, _ key: String) -> JSONValue? {
        span["attributes"]?.array?.first { $0["key"]?.string == key }?["value"]
    }

    func isHex(_ s: String?, _ count: Int) -> Bool {
        guard let s else { return false }
        return s.count == count && s.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    @Test func aSpanPerPipelineAndStageWithEdgesAsLinks() {
        let (r, list, text) = spans(["-c", "trace --otlp o.json seq 3 | wc -l"])
        #expect(r.stdout == "3\n", "\(r.stderr)")
        #expect(list.count == 3, "\(text)")
        guard list.count == 3 else { return }
        let (pipeline, seq, wc) = (list[0], list[1], list[2])
        let trace = pipeline["traceId"]?.string
        #expect(isHex(trace, 32) && list.allSatisfy { $0["traceId"]?.string == trace }, "\(text)")
        #expect(list.allSatisfy { isHex($0["spanId"]?.string, 16) }, "\(text)")
        #expect(pipeline["parentSpanId"] == nil, "\(text)")
        #expect(seq["parentSpanId"]?.string == pipeline["spanId"]?.string && wc["parentSpanId"]?.string == pipeline["spanId"]?.string)
        #expect(attribute(pipeline, "weir.command")?["stringValue"]?.string == "seq 3 | wc -l", "\(text)")
        #expect(attribute(seq, "weir.stdout.lines")?["intValue"]?.string == "3", "\(text)")
        let link = wc["links"]?.array?.first
        #expect(link?["spanId"]?.string == seq["spanId"]?.string, "\(text)")
        #expect(link.map { attribute($0, "weir.edge.bytes_read")?["intValue"]?.string } == "6", "\(text)")
        // Times in nanoseconds since the epoch, in order.
        let start = Int(pipeline["startTimeUnixNano"]?.string ?? "") ?? 0
        let end = Int(pipeline["endTimeUnixNano"]?.string ?? "") ?? 0
        #expect(start > 1_700_000_000_000_000_000 && end >= start, "\(text)")
        #expect(pipeline["status"]?["code"]?.number == 0)
    }

    /// The file is an `ExportTraceServiceRequest` by the official protobuf definitions
    /// (PyPI opentelemetry-proto): every field known and of its type, and the ids hex of
    /// the OTLP/JSON lengths (protobuf's own JSON would read them as base64).
    @Test func theFileParsesWithTheOfficialProtobufDefinitions() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let weir = run([weirBinary, "-c", "trace --otlp o.json seq 100 | (sleep 0.05; grep 7) | wc -l; trace --otlp p.json false"],
                       directory: dir)
        #expect(weir.stdout == "19\n", "\(weir.stderr)")
        let check = """
            import sys, json
            from google.protobuf import json_format
            from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
            for name in sys.argv[1:]:
                text = open(name).read()
                request = json_format.Parse(text, ExportTraceServiceRequest(), ignore_unknown_fields=False)
                spans = [s for r in request.resource_spans for ss in r.scope_spans for s in ss.spans]
                raw = [s for r in json.loads(text)["resourceSpans"] for ss in r["scopeSpans"] for s in ss["spans"]]
                for s in raw:
                    assert len(bytes.fromhex(s["traceId"])) == 16 and len(bytes.fromhex(s["spanId"])) == 8, s
                    for l in s.get("links", []): assert len(bytes.fromhex(l["spanId"])) == 8, l
                print(name, len(spans), sum(len(s.links) for s in spans), [s.status.code for s in spans])
            """
        let r = run(["python3", "-c", check, "o.json", "p.json"], directory: dir)
        #expect(r.status == 0, "opentelemetry-proto (pip install opentelemetry-proto) did not accept the file: \(r.stderr)")
        #expect(r.stdout == "o.json 4 2 [0, 0, 0, 0]\np.json 2 0 [2, 2]\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func theSpansJoinTheTraceparentsTrace() {
        let trace = "4bf92f3577b34da6a3ce929d0e0e4736", parent = "00f067aa0ba902b7"
        let env = ["PATH=/usr/bin:/bin", "TRACEPARENT=00-\(trace)-\(parent)-01"]
        let (_, list, text) = spans(["-c", "trace --otlp o.json true | false"], environment: env)
        #expect(list.first?["traceId"]?.string == trace && list.first?["parentSpanId"]?.string == parent, "\(text)")
        // A failed stage has an error status.
        #expect(list.last?["status"]?["code"]?.number == 2, "\(text)")
        let (_, bad, badText) = spans(["-c", "trace --otlp o.json true"], environment: ["PATH=/usr/bin:/bin", "TRACEPARENT=00-zz-1-01"])
        #expect(isHex(bad.first?["traceId"]?.string, 32) && bad.first?["parentSpanId"] == nil, "\(badText)")
    }

    /// OTEL_EXPORTER_OTLP_ENDPOINT: the same payload POSTed to `/v1/traces` of a running
    /// collector (here a one-request Python server); a collector that is not there costs
    /// a message, not the command's status.
    @Test func postedToACollector() {
        let dir = makeTemporaryDirectory()
        defer { removeTree(dir) }
        let server = """
            import http.server
            class H(http.server.BaseHTTPRequestHandler):
                def do_POST(s):
                    body = s.rfile.read(int(s.headers["Content-Length"]))
                    open("got.json", "wb").write(body)
                    open("path.txt", "w").write(s.path + " " + s.headers["Content-Type"])
                    s.send_response(200)
                    s.end_headers()
                def log_message(*a): pass
            srv = http.server.HTTPServer(("127.0.0.1", 0), H)
            open("port.tmp", "w").write(str(srv.server_port))
            __import__("os").rename("port.tmp", "port")
            srv.handle_request()
            """
        writeFileBytes(dir + "/server.py", Array(server.utf8))
        let script = "python3 server.py & while [ ! -s port ]; do sleep 0.05; done; "
            + "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$(cat port) \"$0\" -c 'trace seq 3 | wc -l' 2>/dev/null; wait"
        let r = run(["/bin/sh", "-c", script, weirBinary], directory: dir)
        #expect(r.stdout == "3\n", "\(r.stderr)")
        let path = String(decoding: readFileBytes(dir + "/path.txt") ?? [], as: UTF8.self)
        #expect(path == "/v1/traces application/json", "\(path)")
        let body = JSONValue.parse(String(decoding: readFileBytes(dir + "/got.json") ?? [], as: UTF8.self))
        let list = body?["resourceSpans"]?.array?.first?["scopeSpans"]?.array?.first?["spans"]?.array ?? []
        #expect(list.count == 3, "\(String(describing: body))")

        let down = run([weirBinary, "-c", "trace true | true; echo st=$?"],
                       environment: ["PATH=/usr/bin:/bin", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:1/x"])
        #expect(down.stdout == "st=0\n", "\(down.stderr)")
        #expect(down.stderr.contains("OTLP export to http://127.0.0.1:1/x: Connection refused"), "\(down.stderr)")
    }

    /// Each traced program gets a TRACEPARENT naming its own stage's span, so that an
    /// instrumented program's spans nest under its stage.
    @Test func eachStageGetsItsOwnTraceparent() {
        let trace = "4bf92f3577b34da6a3ce929d0e0e4736"
        let env = ["PATH=/usr/bin:/bin", "TRACEPARENT=00-\(trace)-00f067aa0ba902b7-01"]
        let (r, list, text) = spans(["-c", "trace --otlp o.json sh -c 'echo $TRACEPARENT' | cat"], environment: env)
        guard list.count == 3 else {
            Issue.record("\(text)")
            return
        }
        #expect(r.stdout == "00-\(trace)-\(list[1]["spanId"]?.string ?? "?")-01\n", "\(r.stdout) \(text)")
    }

    /// A full disk: the command succeeded, the trace could not be written, status 1.
    @Test func aFullDiskIsAnError() {
        let r = run([weirBinary, "-c", "trace --otlp /dev/full true | true; echo st=$?"])
        #expect(r.stdout == "st=1\n", "\(r.stderr)")
        #expect(r.stderr.contains("trace: /dev/full: write error"), "\(r.stderr)")
    }

    @Test func aWholeScriptIntoOneFile() {
        let (r, list, text) = spans(["--trace-otlp=o.json", "-c", "seq 2 | cat > /dev/null; echo hi | wc -c > /dev/null"])
        #expect(r.status == 0 && r.stderr == "", "OTLP alone writes no table: \(r.stderr)")
        #expect(list.filter { attribute($0, "weir.stages") != nil }.count == 2, "\(text)")
        #expect(list.count == 6, "\(text)")
    }
}
