import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// One `trace` (or a whole traced script): the pipelines it ran and where their reports go.
public final class TraceSession {
    public let options: TraceOptions
    /// `set -o trace` / `weir --trace`: every command is recorded, at every depth, and a
    /// command run in the shell gets one line rather than a table.
    public let wholeScript: Bool
    public private(set) var pipelines: [TracedPipeline] = []
    private var nextID = 1
    /// How many traced spans (functions, compound commands) enclose what runs now.
    public var depth = 0
    /// Stopped traced jobs whose records are not finished; the session stays open
    /// (closeRequested) until the last of them ends.
    public var pendingJobs = 0
    public var closeRequested = false
    /// A stage ended by the SIGINT the shell also got (see PipelineTracer.interrupted).
    public var interrupted = false
    public private(set) var isClosed = false
    public let startedMonotonic = monotonicSeconds()
    /// Where the table or JSON goes: stderr, or the `-o` file.
    public let reportFD: Int32
    private let ownsReportFD: Bool
    public let colored: Bool
    /// `$COLUMNS`, for a report that does not go to a terminal.
    public var columnsHint: Int?

    /// The columns the table may use: the terminal's width when the report goes to
    /// one, else `$COLUMNS`, else no limit.
    var reportWidth: Int? {
        var rows: Int32 = 0, cols: Int32 = 0
        if isatty(reportFD) != 0, weir_window_size(reportFD, &rows, &cols) == 0 { return Int(cols) }
        return columnsHint.flatMap { $0 > 0 ? $0 : nil }
    }

    public init(options: TraceOptions, colorAllowed: Bool, wholeScript: Bool = false) throws(TraceOptionError) {
        self.options = options
        self.wholeScript = wholeScript
        if let path = options.outputFile {
            reportFD = try Self.openOutput(path)
            ownsReportFD = true
        } else {
            reportFD = 2
            ownsReportFD = false
        }
        colored = options.color && colorAllowed && !options.json && isatty(reportFD) != 0
    }

    /// The copy a background job's child keeps (whole-script traces): its pipelines go to
    /// the same stream, numbered apart (pid × 1000 + n); the Chrome file stays the parent's.
    public func continueInBackgroundChild() {
        nextID = Int(getpid()) * 1000 + 1
        pipelines = []
        backgroundCopy = true
    }
    private var backgroundCopy = false

    public func begin(command: ByteString, location: ByteString) -> TracedPipeline {
        let p = TracedPipeline(id: nextID, command: command, location: location)
        nextID += 1
        p.offset = p.startedMonotonic - startedMonotonic
        p.depth = depth
        p.peekLines = options.peek
        if options.otlpFile != nil || otlpEndpoint != nil {
            // One trace for the session: the caller's (TRACEPARENT), or one of its own.
            if otlpTraceID == nil { otlpTraceID = traceParent?.traceID ?? OTLPExport.randomHex(bytes: 16) }
            p.otlpTraceID = otlpTraceID
        }
        return p
    }

    /// A pipeline has ended: its report is written now (a long script's trace streams).
    public func finish(_ p: TracedPipeline) {
        if isClosed { return }  // `set +o trace` itself ends after its session
        // Kept only for the Chrome file, written at the end (a long script's JSON and
        // table stream out as they go).
        if (options.chromeFile != nil || options.otlpFile != nil || otlpEndpoint != nil) && !backgroundCopy { pipelines.append(p) }
        if options.json {
            writeText(reportFD, TraceJSON.lines(for: p))
        } else if writesTable {
            // A whole script's commands that ran in the shell get a line each, not a table.
            let inShell = p.stages.count == 1 && p.stages[0].kind != .external
            writeText(reportFD, wholeScript && inShell ? TraceTable.line(p, colored: colored) : TraceTable.render(p, colored: colored, width: reportWidth))
        }
    }

    /// `weir --trace-chrome=FILE` (or `--trace-otlp=FILE`) alone asks for that file only; every other session
    /// writes its table (a background job's copy too: it has no Chrome file to add to).
    private var writesTable: Bool {
        (options.chromeFile == nil && options.otlpFile == nil) || options.outputFile != nil || !wholeScript || backgroundCopy
    }

    /// Closes the session; false (the message written) when a file could not be written.
    @discardableResult
    public func closeReportingErrors() -> Bool {
        do { try close() } catch {
            writeText(2, "weir: trace: " + error.message + "\n")
            return false
        }
        return true
    }

    /// The session is over: the Chrome file, and the `-o` file closed.
    public func close() throws(TraceOptionError) {
        guard !isClosed, !backgroundCopy else { return }
        isClosed = true
        defer { if ownsReportFD { Glibc.close(reportFD) } }
        if let path = options.chromeFile {
            let fd = try Self.openOutput(path)
            defer { Glibc.close(fd) }
            guard writeText(fd, ChromeTrace.document(for: pipelines, shellPid: Int(getpid()))) else {
                throw TraceOptionError("\(path): write error: \(String(cString: strerror(errno)))")
            }
        }
        var otlp: String?
        if otlpEndpoint != nil || options.otlpFile != nil { otlp = OTLPExport.document(for: pipelines, parent: traceParent) }
        // A collector that is down or refuses costs a message, not the command's status.
        if let endpoint = otlpEndpoint, let payload = otlp, !pipelines.isEmpty, let failure = endpoint.post(payload) {
            writeText(2, "weir: trace: OTLP export to \(endpoint.description): \(failure)\n")
        }
        if let path = options.otlpFile, let payload = otlp {
            let fd = try Self.openOutput(path)
            defer { Glibc.close(fd) }
            guard writeText(fd, payload) else {
                throw TraceOptionError("\(path): write error: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The W3C trace context the shell was started in (`TRACEPARENT`), set by the shell.
    public var traceParent: OTLPExport.TraceParent?
    /// `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`: the collector the OTLP payload is POSTed to.
    public var otlpEndpoint: OTLPEndpoint?
    private var otlpTraceID: String?

    /// Opens a report or timeline file for writing. A FIFO nobody reads is an error at once
    /// (ENXIO from a non-blocking open), not a shell blocked until a reader comes.
    static func openOutput(_ path: ByteString) throws(TraceOptionError) -> Int32 {
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0o644) }
        guard fd >= 0 else {
            if errno == ENXIO { throw TraceOptionError("\(path): no process is reading this FIFO") }
            throw TraceOptionError("\(path): \(String(cString: strerror(errno)))")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}
