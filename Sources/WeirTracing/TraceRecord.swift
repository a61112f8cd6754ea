import Glibc
import WeirSyntax
import WeirExpansion

/// What a traced stage is.
public enum StageKind: String {
    case external, builtin, function, subshell, compound
}

/// Where a stage spent its life, from /proc samples taken while it ran.
public enum StageActivity: String, CaseIterable {
    /// On a CPU or ready to run.
    case running
    /// Asleep reading an empty pipe: waiting for the previous stage.
    case waitingInput = "waiting-input"
    /// Asleep writing a full pipe: waiting for the next stage to read.
    case waitingOutput = "waiting-output"
    /// Asleep on anything else: a timer, a disk, the terminal, a child.
    case sleeping
    /// Stopped (Ctrl-Z, SIGSTOP): its own share, so it counts neither as running nor as
    /// waiting.
    case stopped
}

/// The kind of a descriptor a stage read or wrote: pipe, FIFO, file, terminal, socket…
public struct DescriptorKind: Equatable {
    public var kind: String
    public var path: ByteString?
    /// A FIFO's identity, `device:inode`: two traced jobs joined by one named FIFO carry
    /// the same id on the writer's stdout and the reader's stdin.
    public var id: String?

    public init(kind: String, path: ByteString? = nil, id: String? = nil) {
        self.kind = kind
        self.path = path
        self.id = id
    }

    public var description: String { path.map { "\(kind) \(TraceText.display($0))" } ?? kind }
}

/// One stage of a traced pipeline.
public final class TracedStage {
    public let index: Int
    public let command: ByteString
    public let kind: StageKind
    public var pid: pid_t = 0
    /// Seconds from the pipeline's start.
    public var started = 0.0
    public var ended: Double?
    public var state: ProcessState = .running
    public var userCPU = 0.0
    public var systemCPU = 0.0
    /// The stage's own peak resident memory in bytes (VmHWM, or ru_maxrss when that is
    /// known not to be the shell's), nil when it ended before it could be measured.
    public var peakMemory: Int?
    public var samples: [StageActivity: Int] = [:]
    /// Activity changes in time order, for the timeline (seconds from the pipeline's start).
    public var timeline: [(at: Double, activity: StageActivity)] = []
    public var stdin: DescriptorKind?
    public var stdout: DescriptorKind?
    /// Killed by SIGPIPE after the stage it wrote to had exited with status 0.
    public var benignSIGPIPE: ByteString?
    /// Its OTLP span id, when a TRACEPARENT naming it was given to its program.
    public var spanID: String?
    /// Its stdin and stdout have been looked at in /proc.
    public var endsKnown = false
    /// Seen to end by a pidfd, not waited for (an attached process): its status is unknown.
    public var endedUnwaited = false
    /// Its own redirections of stdin and stdout, known before it runs (they win over what
    /// /proc shows, which may be from before the stage made them).
    public var redirectedStdin = false
    public var redirectedStdout = false

    /// Records the stage's own redirections of fd 0 and 1 to files.
    public func noteRedirections(_ targets: [(fd: Int32, path: ByteString)]) {
        for (fd, given) in targets {
            var path = given
            if !path.hasPrefix("/") {
                if let cwd = physicalWorkingDirectory() { path = cwd + "/" + path }
            }
            guard let d = describePath(path) else { continue }
            if fd == 0 { stdin = d; redirectedStdin = true }
            if fd == 1 { stdout = d; redirectedStdout = true }
        }
    }
    /// The latest sample and CPU time, for the live view.
    public var currentActivity: StageActivity?
    public var currentCPU = 0.0

    public init(index: Int, command: ByteString, kind: StageKind) {
        self.index = index
        self.command = command
        self.kind = kind
    }

    public var wall: Double { (ended ?? started) - started }
    public var sampleCount: Int { samples.values.reduce(0, +) }

    /// The share of the samples spent in `activity`, 0…1.
    public func share(_ activity: StageActivity) -> Double {
        let n = sampleCount
        return n == 0 ? 0 : Double(samples[activity] ?? 0) / Double(n)
    }

    /// CPU time over wall time, 0…1 (more with several threads).
    public var cpuShare: Double { wall > 0 ? (userCPU + systemCPU) / wall : 0 }
}

/// The data that crossed one pipe between two stages, counted by weir's relay.
public final class TracedEdge {
    public let from: Int
    public let to: Int
    /// Bytes the upstream stage wrote into the pipe.
    public var bytesWritten: Int64 = 0
    /// Bytes the downstream stage read out of it.
    public var bytesRead: Int64 = 0
    /// Newlines in the bytes read.
    public var lines: Int64 = 0
    /// Bytes delivered over time (seconds from the pipeline's start, running total).
    public var progress: [(at: Double, bytes: Int64)] = []
    /// `pipe`, or `fifo` for a process substitution's FIFO (its path in `path`).
    public var kind = "pipe"
    public var path: ByteString?
    /// `--peek N`: the first and last lines that crossed it.
    public var peek: LinePeek?
    /// Attached (`trace -p`): no relay counted the bytes. They are estimates from the
    /// writer's and the reader's /proc/PID/io since the attach, lines are unknown, and
    /// the pipe's fill was sampled (bytes waiting in it, last seen and most).
    public var estimated = false
    public var fill = 0
    public var maxFill = 0

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}

/// One traced pipeline (or a single traced command), with its stages and edges.
public final class TracedPipeline {
    public let id: Int
    public let command: ByteString
    /// `file:line` of the pipeline.
    public let location: ByteString
    /// Wall-clock start (seconds since the epoch) and monotonic start.
    public let startedAtEpoch: Double
    public let startedMonotonic: Double
    /// Seconds from the session's start, for timelines of several pipelines.
    public var offset = 0.0
    public var duration = 0.0
    public var status: Int32 = 0
    public var stages: [TracedStage] = []
    public var edges: [TracedEdge] = []
    /// `--peek N`: how many lines each edge keeps from its start and its end (0: none).
    public var peekLines = 0
    /// The OTLP trace id, when the session exports OTLP (its stages' TRACEPARENT).
    public var otlpTraceID: String?
    /// Nesting depth: pipelines run inside a traced function or compound command.
    public var depth = 0
    /// Watched from outside (`trace -p`, `trace %JOB`): it was already running, times
    /// count from the attach, and the statuses are not known.
    public var attached = false

    public init(id: Int, command: ByteString, location: ByteString) {
        self.id = id
        self.command = command
        self.location = location
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        startedAtEpoch = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        startedMonotonic = monotonicSeconds()
    }

    public func now() -> Double { monotonicSeconds() - startedMonotonic }
}
