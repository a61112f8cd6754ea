import Glibc
import CWeirSys
import WeirSyntax
import WeirTracing
import WeirExpansion

extension Shell {
    /// The plan of a pipeline of two or more stages in the shell's current state: job
    /// control decides the process groups and the terminal, the traps the children's
    /// signals, `lastpipe` whether the shell runs the last stage.
    func planPipeline(_ p: Pipeline, observer: PipelineObserver? = nil, background: Bool = false) -> PipelinePlan {
        let stages = p.commands.enumerated().map { i, cmd in
            PipelinePlan.Stage(command: cmd, stderrToPipe: i < p.operators.count && p.operators[i].op == .pipeAll)
        }
        return PipelinePlan(stages: stages, newProcessGroup: options.monitor,
                            takesTerminal: options.monitor && terminal.fd != nil && !background,
                            signals: childSignals(background: background),
                            lastStageInShell: shoptFlags.contains("lastpipe") && !options.monitor && observer == nil,
                            observer: observer)
    }

    /// Runs a pipeline of two or more stages from its plan: every stage starts before any
    /// is waited for, joined by close-on-exec pipes; each pipe end is closed in the shell
    /// as soon as the stage that needs it has started.
    ///
    /// Traced, the plan's observer is told each event (each pipe may become two with the
    /// tracer's relay between them); untraced there is no observer and nothing is added.
    ///
    /// `background` (a traced pipeline started with `&` under job control): the stages
    /// become a background job, watched by the observer's helper, and nothing waits.
    func runStages(_ p: Pipeline, observer: PipelineObserver? = nil, background: Bool = false) throws -> Int32 {
        let plan = planPipeline(p, observer: observer, background: background)
        let observer = plan.observer
        var pipes: [(read: Int32, write: Int32)] = []
        var pids: [pid_t] = []
        var leader: pid_t?
        var failure: Error?
        func closeUsedEnds(after i: Int) {
            // The shell keeps only the read end of the pipe after the stage just started.
            if i > 0, pipes[i - 1].read >= 0 { close(pipes[i - 1].read); pipes[i - 1].read = -1 }
            if i < pipes.count, pipes[i].write >= 0 { close(pipes[i].write); pipes[i].write = -1 }
        }
        for i in 0..<plan.childCount {
            let cmd = plan.stages[i].command
            if i < plan.pipeCount {
                var fds: [Int32] = [-1, -1]
                var relayErrno: Int32 = 0
                if let observer {
                    if let edge = observer.edge(after: i) { fds = [edge.read, edge.write] } else { relayErrno = errno }
                }
                if fds[0] < 0 {
                    guard weir_pipe2_cloexec(&fds) == 0 else {
                        // The stages started so far are waited for; the pipeline fails.
                        error("pipe: \(String(cString: strerror(errno)))")
                        failure = ShellError.reported()
                        break
                    }
                    if relayErrno != 0 {
                        // A relay needs twice the descriptors: under a low `ulimit -n` the
                        // edge runs as a plain pipe, unmeasured, rather than the pipeline failing.
                        error("trace: the pipe after stage \(i + 1) is not measured: \(String(cString: strerror(relayErrno)))")
                    }
                }
                pipes.append((fds[0], fds[1]))
            }
            let wiring = plan.descriptorActions(of: i, pipes: pipes, held: observer?.heldDescriptors ?? [])
            // bash runs the DEBUG trap in the shell before each simple command of a
            // pipeline (a compound stage gets none; inside it, only with `set -T`).
            if traps.debugTrap != nil, case .simple(let sc) = cmd {
                setLine(sc.span)
                try debugTrap(before: sc.span)
            }
            do {
                activeObserver = observer
                activeStageIndex = i
                defer { activeObserver = nil }
                var stage = lowerStage(cmd, wiring: wiring, group: plan.group(of: i, leader: leader),
                                       takesTerminal: plan.takesTerminal, signals: plan.signals)
                if let observer {
                    // OTLP: the program gets a TRACEPARENT naming its stage's span.
                    if case .exec(let path, let argv, let environment) = stage.child.body,
                       let parent = observer.traceParent(forStage: i) {
                        let kept = environment.filter { !$0.hasPrefix("TRACEPARENT=") }
                        stage.child.body = .exec(path: path, argv: argv, environment: kept + ["TRACEPARENT=" + parent])
                    }
                    observer.stageLowered(i, opens: stage.child.descriptors.compactMap {
                        if case .open(let path, _, _, let fd) = $0 { return (fd == bothOutputs ? 1 : fd, path) }
                        return nil
                    })
                }
                let pid = try launchStage(stage, cmd, wiring: wiring)
                pids.append(pid.pid)
                observer?.stageStarted(i, pid: pid.pid, execed: pid.execed)
                if plan.newProcessGroup && leader == nil { leader = pid.pid }
            } catch {
                failure = error
            }
            closeUsedEnds(after: i)
            if failure != nil { break }
        }
        let lastRead = plan.lastStageInShell && pipes.count == plan.pipeCount ? pipes.last?.read ?? -1 : -1
        if plan.lastStageInShell && failure == nil && lastRead >= 0 {
            let saved = try applyRedirections([.duplicate(source: lastRead, fd: 0)], save: true)
            close(lastRead)
            let lastStatus: Int32
            do {
                lastStatus = try runCommand(plan.stages[plan.stages.count - 1].command)
            } catch {
                restore(saved)
                _ = waitForeground(pids)
                throw error
            }
            restore(saved)
            var status = waitForeground(pids)
            pipeStatus.append(Int(lastStatus))
            status = lastStatus
            if options.pipefail, let failed = pipeStatus.last(where: { $0 != 0 }) { status = Int32(truncatingIfNeeded: failed) }
            return status
        }
        for end in pipes { for fd in [end.read, end.write] where fd >= 0 { close(fd) } }
        if background && !pids.isEmpty {
            makeRoomForBackgroundJob()
            let job = jobs.add(pids: pids, processGroup: plan.newProcessGroup ? pids.first : nil,
                               command: (currentSource.map { $0.slice(p.span) } ?? "").trimmingBlanks(), background: true)
            job.pendingTrace = observer
            observer?.watchInBackground(jobs: jobs)
            environment.lastBackgroundPid = pids.last
            if let failure { throw failure }
            return 0
        }
        let status = waitForeground(pids, command: currentSource.map { $0.slice(p.span) } ?? "", observer: observer)
        if let failure { throw failure }
        return status
    }

    /// A stage lowered to the child that runs it: an external command whose words can be
    /// expanded here without side effects becomes a program (`.exec`, spawned by vfork);
    /// anything else (a builtin, a function, a compound command, words with
    /// substitutions) becomes shell code run in a forked shell, which may exec its last
    /// command in place. `execed`: the program is known to be the stage's process from
    /// its start (no FIFO to wait for), so the tracer can read its ends at once.
    struct LoweredStage {
        var child: ChildPlan
        var execed: Bool
    }

    func lowerStage(_ cmd: Command, wiring: [FdAction], group: ProcessGroupPolicy, takesTerminal: Bool,
                    signals: ChildSignals) -> LoweredStage {
        // Anything that cannot be lowered to a program here (a redirection that cannot be
        // planned included) runs in a forked shell, which reports what went wrong.
        func forked() -> LoweredStage {
            LoweredStage(child: ChildPlan(body: .shell(stageBody(cmd)), descriptors: wiring, group: group,
                                          takesTerminal: takesTerminal, signals: signals), execed: false)
        }
        guard case .simple(let sc) = cmd, isSideEffectFree(sc),
              let first = sc.words.first, isPure(first.parts, substitutionsArePure: false),
              let name = (try? expander.expandWords([first]))?.first,
              case .external(let path) = resolve(name),
              let argv = try? expander.expandWords(sc.words), !argv.isEmpty else {
            // Not a program, or not one whose words can be expanded here: a stage that is
            // not an external command has nothing expanded here (its substitutions start
            // once, in the child that runs it).
            return forked()
        }
        // The environment once, with any prefix assignments in a scope of their own.
        let env: [ByteString]
        if sc.assignments.isEmpty {
            env = childEnvironment()
        } else {
            variables.pushScope()
            defer { variables.popScope() }
            for a in sc.assignments {
                guard (try? performAssignment(a, exporting: true, temporary: true)) != nil else { return forked() }
            }
            env = childEnvironment()
        }
        guard let redirections = try? planRedirections(sc.redirections) else { return forked() }
        if options.xtrace { traceCommand(sc, argv) }
        let child = ChildPlan(body: .exec(path: path, argv: argv, environment: env), descriptors: wiring + redirections,
                              group: group, takesTerminal: takesTerminal, signals: signals)
        // A FIFO's open may wait for its other end: the launcher forks for that, and the
        // stage's ends are then read from /proc later (not `execed`).
        return LoweredStage(child: child, execed: !opensFIFO(redirections))
    }

    /// Shell code for a stage in its forked child: the command is all the child does, so
    /// its last command may replace it.
    func stageBody(_ cmd: Command) -> () throws -> Int32 {
        { [unowned(unsafe) self] in
            self.execInPlace = true
            return try self.runCommand(cmd)
        }
    }

    /// Launches a lowered stage. A program that cannot be started falls back to a forked
    /// shell that runs the command and reports why (a script without `#!` runs in weir);
    /// a redirection that fails is reported and the stage becomes a process that exits
    /// with its status, so the pipeline keeps its shape.
    func launchStage(_ stage: LoweredStage, _ cmd: Command, wiring: [FdAction]) throws -> (pid: pid_t, execed: Bool) {
        do {
            return (try launch(stage.child), stage.execed)
        } catch let e as ShellError {
            report(e)
            var failed = stage.child
            failed.body = .shell({ e.status })
            failed.descriptors = wiring
            return (try launch(failed), false)
        } catch is SpawnError {
            var shell = stage.child
            shell.body = .shell(stageBody(cmd))
            shell.descriptors = wiring
            return (try launch(shell), false)
        }
    }

    /// True when expanding the command here changes nothing: no substitutions, no
    /// arithmetic (which may assign), no `${x=…}`.
    func isSideEffectFree(_ sc: SimpleCommand) -> Bool {
        // Traced, a process substitution starts here, in the shell, so that its FIFO
        // becomes an edge of the traced graph.
        let substitutionsArePure = activeObserver != nil
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
