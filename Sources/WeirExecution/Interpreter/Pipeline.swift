import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

extension Shell {
    /// A pipeline of two or more stages: every stage starts before any is waited for,
    /// joined by close-on-exec pipes; each pipe end is closed in the shell as soon as the
    /// stage that needs it has started.
    ///
    /// Traced (`tracer` given), each edge is two pipes with weir's relay between them
    /// and the stages' ends are recorded; otherwise nothing is added.
    func runStages(_ p: Pipeline, tracer: PipelineTracer? = nil) throws -> Int32 {
        let n = p.commands.count
        var pids: [pid_t] = []
        var prevRead: Int32 = -1
        var group: pid_t?
        var failure: Error?
        // `shopt -s lastpipe` (without job control): the last stage runs in the shell.
        let lastInShell = shoptFlags.contains("lastpipe") && !options.monitor && tracer == nil
        for (i, cmd) in p.commands.enumerated() {
            if lastInShell && i == n - 1 { break }
            var fds: [Int32] = [-1, -1]
            if i < n - 1 {
                if let tracer {
                    if let relay = tracer.addEdge(from: i) {
                        fds = [relay.downstreamEnd, relay.upstreamEnd]
                    } else {
                        error("pipe: \(String(cString: strerror(errno)))")
                        break
                    }
                } else if weir_pipe2_cloexec(&fds) != 0 {
                    error("pipe: \(String(cString: strerror(errno)))")
                    break
                }
            }
            var wiring: [FdAction] = []
            if prevRead >= 0 { wiring.append(.duplicate(source: prevRead, fd: 0)) }
            if fds[1] >= 0 {
                wiring.append(.duplicate(source: fds[1], fd: 1))
                if p.operators[i].op == .pipeAll { wiring.append(.duplicate(source: 1, fd: 2)) }
            }
            for fd in [prevRead, fds[0], fds[1]] where fd > 2 { wiring.append(.close(fd)) }
            if let tracer { for fd in tracer.heldDescriptors { wiring.append(.close(fd)) } }
            // bash runs the DEBUG trap in the shell before each simple command of a
            // pipeline (a compound stage gets none; inside it, only with `set -T`).
            if traps.debugTrap != nil, case .simple(let sc) = cmd {
                setLine(sc.span)
                try debugTrap(before: sc.span)
            }
            do {
                var execed = false
                activeTracer = tracer
                activeStageIndex = i
                defer { activeTracer = nil }
                let pid = try startStage(cmd, wiring: wiring, processGroup: group, execed: &execed)
                pids.append(pid)
                if let tracer { tracer.stageStarted(tracer.record.stages[i], pid: pid, execed: execed) }
                if options.monitor && group == nil { group = pid }
            } catch {
                failure = error
            }
            if prevRead >= 0 { close(prevRead) }
            if fds[1] >= 0 { close(fds[1]) }
            prevRead = fds[0]
            if failure != nil { break }
        }
        if lastInShell && failure == nil && prevRead >= 0 {
            let saved = try applyRedirections([.duplicate(source: prevRead, fd: 0)], save: true)
            close(prevRead)
            prevRead = -1
            let lastStatus: Int32
            do {
                lastStatus = try runCommand(p.commands[n - 1])
            } catch {
                restore(saved)
                _ = waitForeground(pids)
                throw error
            }
            restore(saved)
            var status = waitForeground(pids)
            pipeStatus.append(lastStatus)
            status = lastStatus
            if options.pipefail, let failed = pipeStatus.last(where: { $0 != 0 }) { status = failed }
            return status
        }
        if prevRead >= 0 { close(prevRead) }
        let status = waitForeground(pids, command: currentSource.map { $0.slice(p.span) } ?? "", tracer: tracer)
        if let failure { throw failure }
        return status
    }

    /// Starts one stage: an external command is spawned directly when its words can be
    /// expanded here without side effects; anything else runs in a forked shell.
    func startStage(_ cmd: Command, wiring: [FdAction], processGroup: pid_t?, execed: inout Bool) throws -> pid_t {
        if case .simple(let sc) = cmd, isSideEffectFree(sc) {
            if let started = try spawnStage(sc, wiring: wiring, processGroup: processGroup) {
                execed = started.execed
                return started.pid
            }
        }
        return try forkShell(processGroup: processGroup) {
            _ = try self.applyRedirections(wiring, save: false)
            self.execInPlace = true
            return try self.runCommand(cmd)
        }
    }

    /// Spawns a stage that is an external command; nil when it is not one (a builtin, a
    /// function, a name not found): the caller forks instead.
    func spawnStage(_ sc: SimpleCommand, wiring: [FdAction], processGroup: pid_t?) throws -> (pid: pid_t, execed: Bool)? {
        // The name first: a stage that is not an external command has nothing expanded
        // here (its substitutions start once, in the child that runs it).
        guard let first = sc.words.first, isPure(first.parts, substitutionsArePure: false),
              let name = (try? expander.expandWords([first]))?.first,
              case .external(let path) = resolve(name),
              let argv = try? expander.expandWords(sc.words), !argv.isEmpty else { return nil }
        var env = childEnvironment()
        if !sc.assignments.isEmpty {
            variables.pushScope()
            defer { variables.popScope() }
            for a in sc.assignments {
                guard (try? performAssignment(a, exporting: true, temporary: true)) != nil else { return nil }
            }
            env = childEnvironment()
        }
        guard let redirections = try? planRedirections(sc.redirections) else { return nil }
        if let tracer = activeTracer {
            tracer.record.stages[activeStageIndex].noteRedirections(redirections.compactMap {
                if case .open(let path, _, _, let fd) = $0 { return (fd == bothOutputs ? 1 : fd, path) }
                return nil
            })
        }
        if options.xtrace { traceCommand(sc, argv) }
        do {
            // A FIFO's open may wait for its other end: the launcher forks for that, and
            // the stage's ends are then read from /proc later (not `execed`).
            let plan = childPlan(.exec(path: path, argv: argv, environment: env), descriptors: wiring + redirections,
                                 foreground: true, processGroup: processGroup)
            return (try launch(plan), !opensFIFO(redirections))
        } catch let e as ShellError {
            // The stage fails, in a process of its own so the pipeline still has its place.
            report(e)
            return (try forkShell(processGroup: processGroup) { e.status }, false)
        } catch is SpawnError {
            return nil
        }
    }

    /// True when expanding the command here changes nothing: no substitutions, no
    /// arithmetic (which may assign), no `${x=…}`.
    func isSideEffectFree(_ sc: SimpleCommand) -> Bool {
        // Traced, a process substitution starts here, in the shell, so that its FIFO
        // becomes an edge of the traced graph.
        let substitutionsArePure = activeTracer != nil
        for w in sc.words where !isPure(w.parts, substitutionsArePure: substitutionsArePure) { return false }
        for a in sc.assignments {
            switch a.value {
            case .scalar(let w): if !isPure(w.parts) { return false }
            case .array: return false
            }
        }
        for r in sc.redirections {
            switch r.target {
            case .word(let w): if !isPure(w.parts, substitutionsArePure: substitutionsArePure) { return false }
            case .hereDoc(let d):
                if !d.quoted {
                    guard let body = try? d.body, isPure(body.parts) else { return false }
                }
            }
            if r.fdVariable != nil { return false }
        }
        return true
    }

    func isPure(_ parts: [WordPart], substitutionsArePure: Bool = false) -> Bool {
        for p in parts {
            switch p.kind {
            case .literal, .escaped, .singleQuoted, .ansiC, .tilde: continue
            case .processSubstitution where substitutionsArePure: continue
            case .doubleQuoted(let inner): if !isPure(inner) { return false }
            case .parameter(let pe):
                switch pe.op {
                case .test(.assignDefault, _, _)?, .test(.errorIfUnset, _, _)?: return false
                case .test(_, _, let w)?: if !isPure(w.parts) { return false }
                case .bad?: return false
                default: break
                }
                if pe.index != nil || pe.indirect { return false }
                if environment.options.nounset { return false }
            case .extglob(_, let ws): if !ws.allSatisfy({ isPure($0.parts) }) { return false }
            case .brace(let b):
                if case .alternatives(let ws) = b, !ws.allSatisfy({ isPure($0.parts) }) { return false }
            case .commandSubstitution, .processSubstitution, .arithmetic, .arrayLiteral:
                return false
            }
        }
        return true
    }

    func opensFIFO(_ actions: [FdAction]) -> Bool {
        actions.contains { if case .open(let path, _, _, _) = $0 { return isFIFO(path) }; return false }
    }

    func isFIFO(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFIFO
    }

    /// True for a list that is one simple command: a child running it can exec in place.
    func isSingleSimpleCommand(_ list: CommandList) -> Bool {
        guard list.items.count == 1, !list.items[0].background, list.items[0].andOr.rest.isEmpty else { return false }
        let p = list.items[0].andOr.first
        guard p.commands.count == 1, !p.negated, p.prefixes.isEmpty, case .simple = p.commands[0] else { return false }
        return true
    }
}
