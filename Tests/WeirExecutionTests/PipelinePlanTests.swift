import Testing
import Glibc
import WeirSyntax
import WeirTracing
@testable import WeirExecution

/// Pipeline plans, checked as values: no process is started.
@Suite struct PipelinePlanTests {
    /// The first pipeline of `text`.
    func pipeline(_ text: String) throws -> Pipeline {
        let program = try Parser(source: SourceFile(name: "t", text: ByteString(text))).parseProgram()
        return program.commands[0].items[0].andOr.first
    }

    @Test func stagesAreWiredThroughPipesByIndex() throws {
        let plan = Shell().planPipeline(try pipeline("a | b |& c"))
        #expect(plan.stages.count == 3 && plan.pipeCount == 2 && plan.childCount == 3)
        #expect(plan.wires(of: 0) == [.stdoutTo(pipe: 0)])
        #expect(plan.wires(of: 1) == [.stdinFrom(pipe: 0), .stdoutTo(pipe: 1), .stderrToStdout])
        #expect(plan.wires(of: 2) == [.stdinFrom(pipe: 1)])
        // Lowered with real descriptors: copies first, then every pipe end the stage holds.
        let pipes: [(read: Int32, write: Int32)] = [(10, 11), (12, 13)]
        #expect(plan.descriptorActions(of: 1, pipes: pipes) ==
                [.duplicate(source: 10, fd: 0), .duplicate(source: 13, fd: 1), .duplicate(source: 1, fd: 2),
                 .close(10), .close(12), .close(13)])
        #expect(plan.descriptorActions(of: 2, pipes: pipes, held: [40]) ==
                [.duplicate(source: 12, fd: 0), .close(12), .close(40)])
    }

    @Test func jobControlPutsTheJobInAGroupItsFirstStageLeads() throws {
        let shell = Shell()
        let p = try pipeline("a | b | c")
        let plain = shell.planPipeline(p)
        #expect(!plain.newProcessGroup && !plain.takesTerminal)
        #expect(plain.group(of: 0, leader: nil) == .shell && plain.group(of: 2, leader: 99) == .shell)
        shell.options.monitor = true
        let job = shell.planPipeline(p)
        #expect(job.newProcessGroup)
        #expect(job.group(of: 0, leader: nil) == .lead)
        #expect(job.group(of: 1, leader: 4242) == .join(4242) && job.group(of: 2, leader: 4242) == .join(4242))
        // No terminal here: nothing to hand over.
        #expect(!job.takesTerminal)
        // Under job control the last stage is never the shell's, even with lastpipe.
        shell.shoptFlags.insert("lastpipe")
        #expect(!shell.planPipeline(p).lastStageInShell)
    }

    @Test func lastpipeRunsTheLastStageInTheShellUnlessTraced() throws {
        let shell = Shell()
        shell.shoptFlags.insert("lastpipe")
        let p = try pipeline("printf x | read v")
        let plan = shell.planPipeline(p)
        #expect(plan.lastStageInShell && plan.childCount == 1)
        let traced = shell.planPipeline(p, observer: RecordingObserver())
        #expect(traced.traced && !traced.lastStageInShell && traced.childCount == 2)
    }

    @Test func childrenStartWithPOSIXSignalDispositions() throws {
        let shell = Shell()
        // A foreground job's children get nothing changed when the shell ignores nothing.
        #expect(shell.planPipeline(try pipeline("a | b")).signals == ChildSignals())
        // Without job control an asynchronous command ignores SIGINT and SIGQUIT
        // (POSIX 2.11); with it, it does not.
        #expect(shell.childSignals(background: true).ignored == [SIGINT, SIGQUIT])
        shell.options.monitor = true
        #expect(shell.childSignals(background: true).ignored.isEmpty)
        // What the shell ignores for itself goes back to the default in a child, unless it
        // was ignored when the shell started: that stays ignored.
        shell.shellIgnores.insert(SIGTERM)
        #expect(shell.planPipeline(try pipeline("a | b")).signals.defaults == [SIGTERM])
        shell.traps.ignoredAtStart.insert(SIGTERM)
        #expect(shell.planPipeline(try pipeline("a | b")).signals.defaults.isEmpty)
    }

    @Test func anExternalCommandIsLoweredToAProgram() throws {
        let shell = Shell()
        try shell.variables.assign("x", "two words")
        let wiring: [FdAction] = [.duplicate(source: 10, fd: 0)]
        let stage = shell.lowerStage(try pipeline("/bin/echo one $x <in").commands[0], wiring: wiring,
                                     group: .lead, takesTerminal: false, signals: ChildSignals())
        guard case .exec(let path, let argv, _) = stage.child.body else {
            Issue.record("not lowered to a program")
            return
        }
        #expect(path == "/bin/echo")
        #expect(argv == ["/bin/echo", "one", "two", "words"])
        #expect(stage.execed)
        #expect(stage.child.group == .lead)
        // The pipe wiring first, then the command's own redirections, opened in the child.
        #expect(stage.child.descriptors.count == 2 && stage.child.descriptors[0] == wiring[0])
        if case .open(let file, _, _, let fd) = stage.child.descriptors[1] {
            #expect(file == "in" && fd == 0)
        } else {
            Issue.record("the redirection is not an open: \(stage.child.descriptors[1])")
        }
    }

    @Test func shellCodeIsLoweredToAForkedShell() throws {
        let shell = Shell()
        _ = try shell.runSource(SourceFile(name: "t", text: "f() { :; }"), syntaxErrorExits: false)
        for text in ["f", "/bin/echo $(echo hi)", "{ /bin/echo; }", "x=$((y=1)) /bin/true",
                     "/bin/echo ${z=1}"] {
            let stage = shell.lowerStage(try pipeline(text).commands[0], wiring: [.close(12)], group: .shell,
                                         takesTerminal: false, signals: ChildSignals())
            if case .exec = stage.child.body { Issue.record("\(text) was lowered to a program") }
            #expect(stage.child.descriptors == [.close(12)], "\(text)")
            #expect(!stage.execed)
        }
        // Lowering expanded nothing that has side effects.
        #expect(shell.variables.value("y") == nil && shell.variables.value("z") == nil)
    }
}

/// An observer that only records what it is told (the tracer's place in a plan).
final class RecordingObserver: PipelineObserver {
    var events: [String] = []
    func edge(after stage: Int) -> (read: Int32, write: Int32)? { events.append("edge \(stage)"); return nil }
    var heldDescriptors: [Int32] { [] }
    func stageLowered(_ stage: Int, opens: [(fd: Int32, path: ByteString)]) { events.append("lowered \(stage)") }
    func stageStarted(_ stage: Int, pid: pid_t, execed: Bool) { events.append("started \(stage)") }
    func substitutionStarted(command: ByteString, pid: pid_t, stage: Int, isInput: Bool, fifo: ByteString,
                             source: Int32, sink: Int32) { events.append("substitution \(stage)") }
    func watch(jobs: ChildWaiter) { events.append("watch") }
    var stopped: Bool { false }
    func resumedJobEnded(status: Int32) { events.append("resumed \(status)") }
    func jobEndedInBackground(status: Int32, jobs: ChildWaiter) { events.append("ended in background \(status)") }
    func liveLines() -> [String] { [] }
    func watchInBackground(jobs: ChildWaiter) { events.append("background") }
    func childReaped(pid: pid_t, status: Int32, usage: rusage) { events.append("reaped") }
}
