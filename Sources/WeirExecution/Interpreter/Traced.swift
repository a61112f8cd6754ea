import Glibc
import CWeirSys
import WeirSyntax
import WeirTracing
import WeirExpansion

extension Shell {
    /// `trace [options] PIPELINE`: runs the pipeline traced and writes its report.
    /// Inside a trace already (a traced function calling `trace`), it simply runs.
    func runTraceCommand(_ p: Pipeline, _ prefix: PipelinePrefix) throws -> Int32 {
        var inner = p
        inner.prefixes.removeAll { $0.kind == .trace }
        let options: TraceOptions
        let session: TraceSession
        do {
            options = try TraceOptions(arguments: try prefix.options.map { try expander.expandString($0) })
            if options.help {
                let status: Int32 = writeAll(1, ByteString(traceHelpText)) ? 0 : 1
                environment.lastStatus = status
                return status
            }
            session = try TraceSession(options: options, colorAllowed: variables.value("NO_COLOR").map { $0.isEmpty } ?? true)
        } catch let e as TraceOptionError {
            error("trace: " + e.message)
            environment.lastStatus = 2
            return 2
        }
        session.columnsHint = columnsVariable
        if !options.attachPids.isEmpty || jobOperand(inner) != nil {
            let status = runAttachedTrace(inner, options: options, session: session)
            environment.lastStatus = status
            return status
        }
        if traceSession != nil { return try runPipeline(inner) }
        session.traceParent = traceParentVariable
        session.otlpEndpoint = otlpEndpointVariable
        traceSession = session
        var status: Int32
        do {
            status = try runPipeline(inner)
        } catch {
            traceSession = nil
            // A stopped job abandons the command line at the prompt: its report is written
            // when it ends, after `fg`.
            if error is AbortCommandLine && session.pendingJobs > 0 {
                session.closeRequested = true
            } else {
                try? session.close()
            }
            throw error
        }
        traceSession = nil
        if session.pendingJobs > 0 {
            session.closeRequested = true
        } else if !session.closeReportingErrors() && status == 0 {
            // The timeline could not be written: the command's success is not the trace's.
            status = 1
            environment.lastStatus = 1
        }
        if session.interrupted {
            // Die of the SIGINT the stages died of, as the shell would have without `trace`.
            weir_signal_set_default(SIGINT)
            kill(getpid(), SIGINT)
        }
        return status
    }

    /// `trace %JOB`: the job spec, when the pipeline is that one word.
    func jobOperand(_ p: Pipeline) -> ByteString? {
        guard p.commands.count == 1, case .simple = p.commands[0] else { return nil }
        let text = commandText(p.commands[0].span).trimmingBlanks()
        guard text.hasPrefix("%"), !text.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return nil }
        return text
    }

    /// `trace -p PID…` or `trace %JOB`: watches the running pipeline those processes belong
    /// to until it ends or Ctrl-C, and reports it as estimates (PipelineAttach).
    func runAttachedTrace(_ p: Pipeline, options: TraceOptions, session: TraceSession) -> Int32 {
        var pids = options.attachPids
        var label: ByteString = "pid " + ByteString(pids.map { ByteString($0) }.joined(separator: ","))
        if let spec = jobOperand(p) {
            guard let job = job(forSpec: spec) else {
                error("trace: \(spec): no such job")
                try? session.close()
                return 1
            }
            pids += job.pids
            label = spec
        } else if !p.commands.isEmpty {
            error("trace: -p attaches to a running pipeline: give it no command")
            try? session.close()
            return 2
        }
        guard let graph = PipelineAttach.settled(pids: pids) else {
            error("trace: \(label): no such process")
            try? session.close()
            return 1
        }
        let record = session.begin(command: graph.command, location: label)
        let watch = AttachedWatch(graph: graph, record: record)
        watch.live = session.options.live
        // Ctrl-C at a terminal leaves `^C` on the line: the report starts on the next.
        if watch.run() && isatty(2) != 0 { writeAll(2, "\n") }
        session.finish(record)
        return session.closeReportingErrors() ? 0 : 1
    }

    /// `$TRACEPARENT` (W3C trace context), for OTLP spans that join the caller's trace.
    var traceParentVariable: OTLPExport.TraceParent? {
        variables.value("TRACEPARENT").flatMap { OTLPExport.TraceParent($0) }
    }

    /// The OTLP/HTTP collector named by the environment, if any.
    var otlpEndpointVariable: OTLPEndpoint? {
        OTLPEndpoint(traces: variables.value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), base: variables.value("OTEL_EXPORTER_OTLP_ENDPOINT"))
    }

    /// `$COLUMNS` as a number, for reports that do not go to a terminal.
    var columnsVariable: Int? {
        variables.value("COLUMNS").flatMap { Int(String(decoding: $0.bytes, as: UTF8.self)) }
    }

    /// `set -o trace`, `weir --trace[=FILE]`: every pipeline and command from here on is
    /// traced into one session (one report, one JSON stream, one Chrome timeline).
    public func startScriptTrace(_ options: TraceOptions) {
        guard scriptTrace == nil, !isSubshell else { return }
        do {
            let session = try TraceSession(options: options, colorAllowed: variables.value("NO_COLOR").map { $0.isEmpty } ?? true,
                                           wholeScript: true)
            session.columnsHint = columnsVariable
            session.traceParent = traceParentVariable
            session.otlpEndpoint = otlpEndpointVariable
            scriptTrace = session
            traceSession = session
        } catch {
            self.error("trace: " + error.message)
        }
    }

    /// The whole-script trace ends (`set +o trace`, or the shell exits): files are written.
    public func stopScriptTrace() {
        guard let session = scriptTrace, !isSubshell else { return }
        scriptTrace = nil
        if traceSession === session { traceSession = nil }
        options.trace = false
        session.closeReportingErrors()
    }

    /// A pipeline (or a lone external command) run under the active trace session.
    func runTracedStages(_ p: Pipeline, in session: TraceSession) throws -> Int32 {
        setLine(p.span)
        let text = p.commands.isEmpty ? "" : commandText(Span(p.commands[0].span.start, p.commands[p.commands.count - 1].span.end))
        let record = session.begin(command: text, location: traceLocation())
        record.stages = p.commands.enumerated().map { i, c in
            TracedStage(index: i, command: commandText(c.span), kind: stageKind(c))
        }
        let tracer = PipelineTracer(record: record)
        tracer.mainStageCount = p.commands.count
        tracer.live = session.options.live
        tracer.forkHelper = { [unowned self] body in try self.forkShell(foreground: false, body) }
        let background = tracedInBackground
        tracedInBackground = false
        let status = try runStages(p, observer: tracer, background: background)
        let finish: (Int32) -> Void = { status in
            tracer.judgeSIGPIPEs()
            record.duration = tracer.finishedAt ?? record.now()
            record.status = status
            session.finish(record)
            if tracer.interrupted { session.interrupted = true }
        }
        if tracer.stopped || tracer.inBackground {
            // Ctrl-Z, or started with `&`: the record and the session wait for the job to
            // end, after `fg` or in the background (the report covers its whole life).
            session.pendingJobs += 1
            tracer.whenDone = { status in
                finish(status)
                session.pendingJobs -= 1
                if session.pendingJobs == 0 && session.closeRequested { session.closeReportingErrors() }
            }
        } else {
            finish(status)
        }
        return status
    }

    /// A lone builtin, function or compound command under a trace: it runs in this shell
    /// (its assignments stay), measured as a span; pipelines inside it are traced too.
    func runTracedInShell(_ c: Command, in session: TraceSession) throws -> Int32 {
        setLine(c.span)
        let record = session.begin(command: commandText(c.span), location: traceLocation())
        let stage = TracedStage(index: 0, command: commandText(c.span), kind: stageKind(c))
        stage.pid = getpid()
        stage.noteRedirections(literalRedirections(of: c))
        record.stages = [stage]
        let before = childAndSelfCPU()
        session.depth += 1
        let savedSpan = activeSpan, savedRelays = spanRelays
        activeSpan = record
        spanRelays = []
        // The command's substitutions may end while it runs: their ends are caught here.
        let reaps = SpanSubstitutionReaps(shell: self, record: record)
        jobs.addReapObserver(reaps)
        func finish(_ status: Int32) {
            session.depth -= 1
            finishSpanSubstitutions(record)
            jobs.removeReapObserver(reaps)
            activeSpan = savedSpan
            spanRelays = savedRelays
            let after = childAndSelfCPU()
            stage.ended = record.now()
            stage.state = .exited(status)
            stage.userCPU = after.user - before.user
            stage.systemCPU = after.system - before.system
            if !stage.redirectedStdin { stage.stdin = describeDescriptor(pid: getpid(), fd: 0) }
            if !stage.redirectedStdout { stage.stdout = describeDescriptor(pid: getpid(), fd: 1) }
            record.duration = record.now()
            record.status = status
            session.finish(record)
        }
        let status: Int32
        do {
            status = try runCommand(c)
        } catch ControlFlow.returnFromFunction(let s) {
            // `trace return 7`: the status the shell goes on with is the table's too.
            finish(s)
            throw ControlFlow.returnFromFunction(s)
        } catch let e as ShellExit {
            finish(e.status)
            throw e
        } catch {
            finish(environment.lastStatus)
            throw error
        }
        finish(status)
        return status
    }

    /// The command has ended: each substitution's helper reports its edge, and the
    /// substitutions are reaped (with their resource usage) when they end soon.
    func finishSpanSubstitutions(_ record: TracedPipeline) {
        let relays = spanRelays
        spanRelays = []
        guard !relays.isEmpty else { return }
        for r in relays { r.finish(jobs: jobs) }
        let stages = Dictionary(uniqueKeysWithValues: relays.map { ($0.stage.pid, $0.stage) })
        let deadline = monotonicSeconds() + PipelineTracer.substitutionGrace
        while stages.values.contains(where: { $0.ended == nil }) && monotonicSeconds() < deadline {
            jobs.reapFinished()
            if !stages.values.contains(where: { $0.ended == nil }) { break }
            var ts = timespec(tv_sec: 0, tv_nsec: 2_000_000)
            nanosleep(&ts, nil)
        }
        for s in stages.values {
            if s.stdin == nil { s.stdin = DescriptorKind(kind: "pipe") }
            if s.stdout == nil { s.stdout = DescriptorKind(kind: "pipe") }
        }
    }

    /// A process substitution of a traced in-shell command ended (from the waiter).
    func substitutionEnded(pid: pid_t, status: Int32, usage: rusage, in record: TracedPipeline) {
        guard let s = record.stages.first(where: { $0.pid == pid && $0.index > 0 }) else { return }
        let state = ProcessState(waitStatus: status)
        switch state {
        case .exited, .signaled: break
        default: return
        }
        s.state = state
        s.ended = record.now()
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        s.userCPU = secs(usage.ru_utime)
        s.systemCPU = secs(usage.ru_stime)
        // A forked shell: its peak memory is its own.
        s.peakMemory = Int(usage.ru_maxrss) * 1024
    }

    /// A command's own redirections of fd 0 and 1 to a file named by a plain word (for the
    /// trace: what its stdin and stdout were; nothing is expanded for this).
    func literalRedirections(of c: Command) -> [(fd: Int32, path: ByteString)] {
        let redirections: [Redirection]
        switch c {
        case .simple(let sc): redirections = sc.redirections
        case .compound(_, let r): redirections = r
        default: return []
        }
        var out: [(fd: Int32, path: ByteString)] = []
        for r in redirections {
            switch r.op {
            case .input, .output, .clobber, .append, .readWrite, .outputAll, .appendAll: break
            default: continue
            }
            guard r.fdVariable == nil, case .word(let w) = r.target, isPure(w.parts),
                  let path = try? expander.expandString(w) else { continue }
            out.append((r.fd ?? r.op.defaultFD, path))
        }
        return out
    }

    /// True when a lone command would be spawned as an external program.
    func isExternalStage(_ c: Command) -> Bool { stageKind(c) == .external }

    func stageKind(_ c: Command) -> StageKind {
        switch c {
        case .simple(let sc):
            guard let w = sc.words.first else { return .builtin }
            guard isPure(w.parts), let name = (try? expander.expandWords([w]))?.first else { return .external }
            switch resolve(name) {
            case .builtin: return .builtin
            case .function: return .function
            case .external, .notFound: return .external
            }
        case .compound(.subshell, _): return .subshell
        case .compound: return .compound
        case .function, .coprocess: return .builtin
        }
    }

    /// A command as written, without the blanks around it.
    func commandText(_ span: Span) -> ByteString { sourceText(span).trimmingBlanks() }

    /// `file:line` of the command being run.
    func traceLocation() -> ByteString {
        let file = currentSource?.name ?? ByteString(programName)
        return "\(file):\(currentLineNumber)"
    }
}

/// While a traced command runs in the shell: the ends of its process substitutions, as
/// the waiter collects them.
final class SpanSubstitutionReaps: ReapObserver {
    unowned let shell: Shell
    let record: TracedPipeline

    init(shell: Shell, record: TracedPipeline) {
        self.shell = shell
        self.record = record
    }

    func childReaped(pid: pid_t, status: Int32, usage: rusage) {
        shell.substitutionEnded(pid: pid, status: status, usage: usage, in: record)
    }
}
