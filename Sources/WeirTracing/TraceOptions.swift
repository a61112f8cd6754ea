import Glibc
import WeirSyntax
/// What `trace` was asked for: `trace [--json] [--chrome FILE] [-o FILE] [--live|--no-live]
/// [--no-color] [--] PIPELINE`, or `trace [options] -p PID…` / `trace [options] %JOB` to
/// attach to a pipeline already running.
public struct TraceOptions: Equatable {
    public enum Live: Equatable { case auto, on, off }

    /// One JSON object per stage, edge and pipeline (schema in docs/trace-json.md).
    public var json = false
    /// A Chrome trace-event file, for Perfetto and chrome://tracing.
    public var chromeFile: ByteString?
    /// The report goes to this file instead of stderr.
    public var outputFile: ByteString?
    public var live = Live.auto
    public var color = true
    /// `--help`: show traceHelpText and run nothing.
    public var help = false
    /// `--otlp FILE`: the trace as OTLP/JSON into FILE.
    public var otlpFile: ByteString?
    /// `--peek N`: keep the first and last N lines of each edge (0: none).
    public var peek = 0
    public static let maxPeek = 1000
    /// `-p PID[,PID…]` (repeatable): attach to the running pipeline of these processes.
    public var attachPids: [pid_t] = []

    public init() {}

    /// Parses the option words after `trace`; the message names the bad one.
    public init(arguments: [ByteString]) throws(TraceOptionError) {
        var i = 0
        func value(_ name: ByteString) throws(TraceOptionError) -> ByteString {
            i += 1
            guard i < arguments.count else {
                throw TraceOptionError(name == "-p" || name == "--pid" ? "\(name) needs a process id" : "\(name) needs a file name")
            }
            return arguments[i]
        }
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--json": json = true
            case "--chrome": chromeFile = try value(a)
            case "-o", "--output": outputFile = try value(a)
            case "--live": live = .on
            case "--no-live": live = .off
            case "--no-color": color = false
            case "--help": help = true
            case "--peek": peek = try Self.peekCount(try value(a))
            case "--otlp": otlpFile = try value(a)
            case "-p", "--pid": attachPids += try Self.pids(try value(a))
            case "--": return
            default:
                if a.hasPrefix("--chrome=") { chromeFile = a.dropFirst(9); break }
                if a.hasPrefix("--output=") { outputFile = a.dropFirst(9); break }
                if a.hasPrefix("--otlp=") { otlpFile = a.dropFirst(7); break }
                if a.hasPrefix("--peek=") { peek = try Self.peekCount(a.dropFirst(7)); break }
                if a.hasPrefix("--pid=") { attachPids += try Self.pids(a.dropFirst(6)); break }
                throw TraceOptionError("unknown option `\(a)` (expected --json, --chrome FILE, --otlp FILE, -o FILE, --peek N, -p PID, --live, --no-live, --no-color, --help)")
            }
            i += 1
        }
    }
}

extension TraceOptions {
    /// `-p`'s process ids, separated by commas.
    static func pids(_ text: ByteString) throws(TraceOptionError) -> [pid_t] {
        var out: [pid_t] = []
        for part in String(decoding: text.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false) {
            guard let pid = pid_t(part), pid > 0 else { throw TraceOptionError("-p needs process ids (1,2,…), not `\(text)`") }
            out.append(pid)
        }
        return out
    }

    /// `--peek`'s count: 1 to maxPeek lines.
    static func peekCount(_ text: ByteString) throws(TraceOptionError) -> Int {
        guard let n = Int(String(decoding: text.bytes, as: UTF8.self)), n >= 1, n <= maxPeek else {
            throw TraceOptionError("--peek needs a number of lines from 1 to \(maxPeek), not `\(text)`")
        }
        return n
    }
}

public struct TraceOptionError: Error {
    public var message: String
    public init(_ m: String) { message = m }
}
