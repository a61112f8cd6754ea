import Glibc
import WeirSyntax
import WeirTracing
import WeirExpansion

extension Shell {
    /// Runs a command list; returns the status of the last command.
    @discardableResult
    public func run(_ list: CommandList) throws -> Int32 {
        // A child that ends with this list may let its last command replace it.
        let lastReplacesShell = execInPlace
        execInPlace = false
        // One command in the foreground, the usual body of a loop, function or branch.
        if list.items.count == 1 && !list.items[0].background {
            if options.noexec { return environment.lastStatus }
            execInPlace = lastReplacesShell
            let status = try run(list.items[0].andOr)
            if !processSubstitutions.pendingFIFOs.isEmpty { cleanUpFIFOs() }
            try serviceSignals()
            return status
        }
        var status = environment.lastStatus
        // Through the buffer: each item is read where it lies. A `for … in` copies every
        // item out, retaining and releasing all it holds (4% of a function call).
        try list.items.withUnsafeBufferPointer { items in
            for i in items.indices {
                // `set -n` takes effect at the next command, even on the same line.
                if options.noexec { break }
                if items[i].background {
                    status = try runInBackground(items[i].andOr)
                } else {
                    if lastReplacesShell && i == items.count - 1 { execInPlace = true }
                    status = try run(items[i].andOr)
                }
                if !processSubstitutions.pendingFIFOs.isEmpty { cleanUpFIFOs() }
                try serviceSignals()
            }
        }
        return status
    }

    /// `p1 && p2 || p3`: each pipeline but the last runs with `set -e` off.
    @inline(__always)
    func run(_ andOr: AndOrList) throws -> Int32 {
        if andOr.rest.isEmpty {
            let status = try runPipeline(andOr.first)
            try checkErrexit(status, andOr.first)
            return status
        }
        execInPlace = false
        var status = try runSuppressingErrexit(andOr.first)
        for (i, r) in andOr.rest.enumerated() {
            guard r.op == .and ? status == 0 : status != 0 else { continue }
            if options.noexec { break }
            if i == andOr.rest.count - 1 {
                status = try runPipeline(r.pipeline)
                try checkErrexit(status, r.pipeline)
            } else {
                status = try runSuppressingErrexit(r.pipeline)
            }
        }
        return status
    }

    func runSuppressingErrexit(_ p: Pipeline) throws -> Int32 {
        errexitSuppressed += 1
        defer { errexitSuppressed -= 1 }
        return try runPipeline(p)
    }

    /// `set -e`: a failed pipeline ends the shell, except where POSIX says it doesn't.
    @inline(__always)
    func checkErrexit(_ status: Int32, _ p: Pipeline) throws {
        guard status != 0 else { return }
        try checkErrexitAfterFailure(status, p)
    }

    func checkErrexitAfterFailure(_ status: Int32, _ p: Pipeline) throws {
        guard exitsOnError, errexitSuppressed == 0, !p.negated else { return }
        // A compound command's status that came from a failure -e ignored does not count;
        // a failure that counted has already ended the shell inside it.
        if p.commands.count == 1, case .compound(let c, _) = p.commands[0] {
            switch c {
            case .subshell, .arithmetic, .conditional: break
            default: return
            }
        }
        if p.commands.isEmpty { return }
        if traps.errTrap != nil { try runErrTrap(status) }
        throw exiting(status)
    }

    /// One pipeline in the foreground: `!`, `time`, and its stages.
    func runPipeline(_ p: Pipeline) throws -> Int32 {
        if let profile {
            profile.enter()
            defer { profile.leave(currentSource, p.span) }
            return try runPipelineUnprofiled(p)
        }
        return try runPipelineUnprofiled(p)
    }

    func runPipelineUnprofiled(_ p: Pipeline) throws -> Int32 {
        // Only a plain lone command can be the last thing a child does: `!`, `time` and
        // `trace` need the shell afterwards.
        if execInPlace && (p.negated || !p.prefixes.isEmpty || p.commands.count != 1 || traceSession != nil) {
            execInPlace = false
        }
        if let t = p.prefixes.first(where: { $0.kind == .trace }) { return try runTraceCommand(p, t) }
        if p.negated { errexitSuppressed += 1 }
        defer { if p.negated { errexitSuppressed -= 1 } }
        let timed = p.prefixes.first { $0.kind == .time }
        let clock = timed != nil ? PipelineClock() : nil
        var status: Int32
        switch p.commands.count {
        case 0:
            status = 0
        case 1:
            if let session = traceSession {
                if isExternalStage(p.commands[0]) {
                    status = try runTracedStages(p, in: session)
                } else if case .function = p.commands[0] {
                    status = try runCommand(p.commands[0])  // a definition runs nothing
                } else if session.depth == 0 || session.wholeScript {
                    status = try runTracedInShell(p.commands[0], in: session)
                } else {
                    // Inside a traced function or compound command, its own builtins and
                    // compound commands are part of its span; processes are traced.
                    status = try runCommand(p.commands[0])
                }
            } else {
                status = try runCommand(p.commands[0])
            }
            if setsPipeStatus(p.commands[0]) { setPipeStatus(status) }
        default:
            if let session = traceSession {
                status = try runTracedStages(p, in: session)
            } else {
                status = try runStages(p)
            }
        }
        if let clock, let t = timed { try reportTime(clock, posix: try timeIsPosix(t)) }
        if p.negated { status = status == 0 ? 1 : 0 }
        // The one writer of a command's `$?`: every command runs inside a pipeline. (The
        // other assignments restore `$?` around traps, xtrace and prompts, or give the
        // status of what ends by unwinding: `break`, `continue`, errors, `exit`, and `&`.)
        environment.lastStatus = status
        if let abandoned = abandonCommandLine {
            abandonCommandLine = nil
            throw AbortCommandLine(status: abandoned)
        }
        // A signal that came while the pipeline ran has its trap run now, as the wait
        // ends: before the ERR trap and before the next command's DEBUG trap (bash).
        if traps.hasPending { try runPendingTraps() }
        if !p.negated && status != 0 && errexitSuppressed == 0 && traps.errTrap != nil && !exitsOnError {
            try runErrTrap(status)
        }
        return status
    }

    /// Whether a lone command sets PIPESTATUS. Compound commands that run a list in
    /// this shell do not: the pipelines inside them did (bash).
    func setsPipeStatus(_ c: Command) -> Bool {
        guard case .compound(let cc, _) = c else { return true }
        switch cc {
        case .braceGroup, .ifClause, .loop, .forIn, .arithmeticFor, .caseClause: return false
        case .subshell, .conditional, .arithmetic: return true
        }
    }

    func timeIsPosix(_ prefix: PipelinePrefix) throws -> Bool {
        try prefix.options.contains { try expander.expandString($0) == "-p" }
    }

    /// One command in the current shell (compound commands, builtins, functions), or an
    /// external command spawned and waited for.
    public func runCommand(_ c: Command) throws -> Int32 {
        switch c {
        case .simple(let s):
            return try runSimple(s)
        case .compound(let cc, let redirections):
            // A subshell or a group can be the last thing a child does; in any other
            // compound command the last command is not the process's last.
            switch cc {
            case .subshell, .braceGroup: break
            default: execInPlace = false
            }
            if redirections.isEmpty { return try runCompound(cc) }
            let actions: [FdAction]
            let saved: SavedDescriptors
            do {
                actions = try planRedirections(redirections)
                saved = try applyRedirections(actions, save: true)
            } catch var e as ShellError {
                if case .redirection = e.kind { e.kind = .redirection(.compound) }
                let status = try fail(e)
                // A failed redirection is the compound command's own failure: -e applies.
                if exitsOnError && errexitSuppressed == 0 { throw exiting(status) }
                return status
            }
            defer { restore(saved) }
            return try runCompound(cc)
        case .function(let f):
            execInPlace = false
            if readonlyFunctions.contains(f.name) {
                error("\(f.name): readonly function")
                return 1
            }
            functions[f.name] = f
            functionTexts[f.name] = currentSource?.slice(f.span) ?? f.name + " ()"
            functionSources[f.name] = bashSourceName(currentSource)
            functionLines[f.name] = currentSource?.position(of: f.span.start).line ?? 0
            return 0
        case .coprocess(let co):
            execInPlace = false
            return try startCoprocess(co)
        }
    }
}

/// Wall and CPU time around a timed pipeline.
struct PipelineClock {
    let start = monotonicSeconds()
    let startUsage: (user: Double, system: Double) = childAndSelfCPU()
}

func childAndSelfCPU() -> (user: Double, system: Double) {
    var a = rusage(), b = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &a)
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &b)
    func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return (secs(a.ru_utime) + secs(b.ru_utime), secs(a.ru_stime) + secs(b.ru_stime))
}

extension Shell {
    /// Prints `time`'s report to stderr: bash's default format, `TIMEFORMAT`, or `-p`.
    func reportTime(_ clock: PipelineClock, posix: Bool) throws {
        let real = monotonicSeconds() - clock.start
        let now = childAndSelfCPU()
        let user = now.user - clock.startUsage.user, sys = now.system - clock.startUsage.system
        func fixed(_ v: Double, _ digits: Int) -> String {
            let scale = digits == 3 ? 1000.0 : (digits == 2 ? 100.0 : (digits == 1 ? 10.0 : 1.0))
            let n = Int64((max(0, v) * scale).rounded())
            let whole = n / Int64(scale), frac = n % Int64(scale)
            if digits == 0 { return String(whole) }
            let f = String(frac)
            return String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
        }
        func long(_ v: Double) -> String {
            let m = Int(max(0, v) / 60)
            return "\(m)m" + fixed(v - Double(m * 60), 3) + "s"
        }
        if posix {
            writeAll(2, "real \(fixed(real, 2))\nuser \(fixed(user, 2))\nsys \(fixed(sys, 2))\n")
            return
        }
        if let format = variables.value("TIMEFORMAT") {
            // TIMEFORMAT's own bytes pass through as they are.
            var out: [UInt8] = []
            let it = format.bytes
            var i = 0
            while i < it.count {
                let c = it[i]
                if c == UInt8(ascii: "%") && i + 1 < it.count {
                    var j = i + 1
                    var digits = 3
                    var isLong = false
                    if it[j] >= 0x30 && it[j] <= 0x39 { digits = min(Int(it[j] - 0x30), 3); j += 1 }
                    if j < it.count && it[j] == UInt8(ascii: "l") { isLong = true; j += 1 }
                    guard j < it.count else { out.append(c); i += 1; continue }
                    switch it[j] {
                    case UInt8(ascii: "R"): out += (isLong ? long(real) : fixed(real, digits)).utf8
                    case UInt8(ascii: "U"): out += (isLong ? long(user) : fixed(user, digits)).utf8
                    case UInt8(ascii: "S"): out += (isLong ? long(sys) : fixed(sys, digits)).utf8
                    case UInt8(ascii: "P"): out += fixed(real > 0 ? (user + sys) / real * 100 : 0, 2).utf8
                    case UInt8(ascii: "%"): out.append(c)
                    default: out += it[i...j]
                    }
                    i = j + 1
                    continue
                }
                out.append(c)
                i += 1
            }
            out.append(0x0A)
            writeAll(2, out)
            return
        }
        writeAll(2, "\nreal\t\(long(real))\nuser\t\(long(user))\nsys\t\(long(sys))\n")
    }
}
