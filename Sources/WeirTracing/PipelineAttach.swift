import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// `trace -p PID…` and `trace %JOB`: a pipeline that is already running, watched from
/// outside without interposing. The graph comes from /proc: the pipe or FIFO a process
/// has as stdin or stdout is named by its inode in /proc/PID/fd, and the processes of the
/// same job holding the other end are found by scanning every process, from the given
/// ones outwards.
/// Each stage is then sampled as a traced one is (state, wchan, CPU, VmHWM), its bytes
/// estimated from /proc/PID/io, and each pipe's fill read through the reader's
/// descriptor (FIONREAD), until every stage has ended or Ctrl-C.
public final class PipelineAttach {
    /// One end of a pipe or FIFO held by a process.
    struct PipeEnd {
        let pid: pid_t
        let fd: Int32
        let key: PipeKey
        let writes: Bool
        /// A FIFO's path (nil for an anonymous pipe).
        let path: ByteString?
    }

    struct PipeKey: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// A stage of the graph: its pid and command line.
    public struct Stage {
        public let pid: pid_t
        public let command: ByteString
    }

    public struct Edge {
        public let from: Int
        public let to: Int
        let readerFD: Int32
        let path: ByteString?
    }

    public let stages: [Stage]
    public let edges: [Edge]

    /// The pipeline around `pids`; nil when none of them is a process weir may look at.
    public init?(pids: [pid_t]) {
        let me = getpid()
        let all = PipelineAttach.allPipeEnds(excluding: me)
        var byKey: [PipeKey: [PipeEnd]] = [:]
        var byPid: [pid_t: [PipeEnd]] = [:]
        for e in all {
            byKey[e.key, default: []].append(e)
            byPid[e.pid, default: []].append(e)
        }
        var members = Set<pid_t>()
        // A process with no pipe for stdin or stdout (a subshell running a background
        // pipeline, a script) stands for the processes it started.
        var seeds = pids.filter { $0 > 0 && $0 != me && access("/proc/\($0)/stat", R_OK) == 0 }
        var depth = 0
        while !seeds.isEmpty && depth < 8 {
            var next: [pid_t] = []
            for p in seeds {
                if byPid[p] != nil { members.insert(p) } else { next += PipelineAttach.children(of: p) }
            }
            if !members.isEmpty { break }
            seeds = next
            depth += 1
        }
        if members.isEmpty { members = Set(pids.filter { $0 > 0 && $0 != me && access("/proc/\($0)/stat", R_OK) == 0 }) }
        guard !members.isEmpty else { return nil }
        // Outwards along the data: downstream from a stage's stdout to the processes
        // reading that pipe as their stdin, upstream from its stdin to those writing it as
        // their stdout, each direction kept (so the other writers of a pipe the job's
        // output goes into, a harness's or a terminal multiplexer's, are not pulled in).
        // A pipeline is a job: the search also stays in the given processes' groups.
        let groups = Set(members.map { getpgid($0) })
        var frontier = members.map { ($0, true, true) }
        while let (p, down, up) = frontier.popLast() {
            for end in byPid[p] ?? [] {
                let follow = end.fd == 1 ? down : up
                guard follow else { continue }
                for other in byKey[end.key] ?? [] where other.fd == (end.fd == 1 ? 0 : 1) && !members.contains(other.pid)
                    && groups.contains(getpgid(other.pid)) {
                    members.insert(other.pid)
                    frontier.append((other.pid, end.fd == 1, end.fd == 0))
                }
            }
        }
        // One edge per pipe with a writer and a reader among the members (the lowest pids
        // when a subshell and its child both hold an end), in the order the data flows.
        var links: [(writer: pid_t, reader: pid_t, fd: Int32, path: ByteString?)] = []
        var seen = Set<PipeKey>()
        for p in members.sorted() {
            for end in byPid[p] ?? [] where !seen.contains(end.key) {
                seen.insert(end.key)
                let holders = (byKey[end.key] ?? []).filter { members.contains($0.pid) }
                guard let w = holders.filter({ $0.writes }).min(by: { $0.pid < $1.pid }),
                      let r = holders.filter({ !$0.writes && $0.pid != w.pid }).min(by: { $0.pid < $1.pid }) else { continue }
                links.append((w.pid, r.pid, r.fd, r.path))
            }
        }
        let order = PipelineAttach.flowOrder(Array(members), links.map { ($0.writer, $0.reader) })
        var index: [pid_t: Int] = [:]
        for (i, p) in order.enumerated() { index[p] = i }
        stages = order.map { Stage(pid: $0, command: PipelineAttach.commandLine(of: $0)) }
        edges = links.compactMap { l in
            guard let a = index[l.writer], let b = index[l.reader] else { return nil }
            return Edge(from: a, to: b, readerFD: l.fd, path: l.path)
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The pipeline around `pids` once it has settled: a job started a moment ago may not
    /// have started all its processes yet (a background pipeline runs in a subshell), so
    /// it is looked at until two looks 50 ms apart find the same processes, for up to a
    /// second.
    public static func settled(pids: [pid_t]) -> PipelineAttach? {
        var found = PipelineAttach(pids: pids)
        let deadline = monotonicSeconds() + 1
        while let g = found, monotonicSeconds() < deadline {
            var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
            nanosleep(&pause, nil)
            guard let again = PipelineAttach(pids: pids) else { break }
            found = again
            if !again.edges.isEmpty && again.stages.map({ $0.pid }) == g.stages.map({ $0.pid }) { break }
        }
        return found
    }

    /// The pipeline's text: the stages' command lines joined by `|` (in flow order).
    public var command: ByteString {
        ByteString(stages.map { $0.command }.joined(separator: " | "))
    }

    /// Sources first: a stage comes after every stage that writes to it (ties by pid).
    static func flowOrder(_ pids: [pid_t], _ links: [(pid_t, pid_t)]) -> [pid_t] {
        var incoming: [pid_t: Int] = [:]
        for p in pids { incoming[p] = 0 }
        for (_, r) in links where r != 0 { incoming[r, default: 0] += 1 }
        var order: [pid_t] = []
        var ready = pids.filter { incoming[$0] == 0 }.sorted()
        var placed = Set<pid_t>()
        while !ready.isEmpty {
            let p = ready.removeFirst()
            order.append(p)
            placed.insert(p)
            for (w, r) in links where w == p {
                incoming[r, default: 0] -= 1
                if incoming[r] == 0 && !placed.contains(r) { ready.append(r); ready.sort() }
            }
        }
        // A cycle (a process that feeds itself): the rest by pid.
        order += pids.filter { !placed.contains($0) }.sorted()
        return order
    }

    /// The children of `pid` (/proc/PID/task/*/children).
    static func children(of pid: pid_t) -> [pid_t] {
        let fd = open("/proc/\(pid)/task/\(pid)/children", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        _ = readToEnd(fd, into: &bytes)
        return String(decoding: bytes, as: UTF8.self).split(separator: " ").compactMap { pid_t($0) }
    }

    /// The ends of pipes and FIFOs every process holds (those weir may read).
    static func allPipeEnds(excluding me: pid_t) -> [PipeEnd] {
        guard let dir = opendir("/proc") else { return [] }
        defer { closedir(dir) }
        var out: [PipeEnd] = []
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), pid != me else { continue }
            out += pipeEnds(of: pid)
        }
        return out
    }

    /// A process's stdin and stdout when they are pipes or FIFOs: the data flow of a
    /// pipeline (its stages' stderr, often a pipe to whoever runs it, is not an edge).
    static func pipeEnds(of pid: pid_t) -> [PipeEnd] {
        var out: [PipeEnd] = []
        for fd: Int32 in [0, 1] {
            var st = stat()
            guard stat("/proc/\(pid)/fd/\(fd)", &st) == 0, st.st_mode & S_IFMT == S_IFIFO else { continue }
            var buf = [UInt8](repeating: 0, count: 4096)
            let n = buf.withUnsafeMutableBytes { b in
                readlink("/proc/\(pid)/fd/\(fd)", b.baseAddress!.assumingMemoryBound(to: CChar.self), 4095)
            }
            let target = n > 0 ? ByteString(Array(buf[0..<n])) : ByteString()
            out.append(PipeEnd(pid: pid, fd: fd, key: PipeKey(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)),
                               writes: accessMode(pid: pid, fd: fd) != O_RDONLY,
                               path: target.hasPrefix("pipe:") ? nil : target))
        }
        return out
    }

    /// O_RDONLY, O_WRONLY or O_RDWR, from the `flags:` line of /proc/PID/fdinfo/FD (octal).
    static func accessMode(pid: pid_t, fd: Int32) -> Int32 {
        let f = open("/proc/\(pid)/fdinfo/\(fd)", O_RDONLY | O_CLOEXEC)
        guard f >= 0 else { return O_RDONLY }
        defer { close(f) }
        guard let text = preadText(f, 512),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags:") }),
              let flags = Int32(line.dropFirst(6).trimmingPrefix(while: { $0 == " " || $0 == "\t" }), radix: 8) else { return O_RDONLY }
        return flags & O_ACCMODE
    }

    /// /proc/PID/cmdline with its arguments joined by spaces (the name in /proc/PID/comm
    /// for a process without one).
    static func commandLine(of pid: pid_t) -> ByteString {
        var bytes: [UInt8] = []
        let fd = open("/proc/\(pid)/cmdline", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = readToEnd(fd, into: &bytes)
            close(fd)
        }
        while bytes.last == 0 { bytes.removeLast() }
        if bytes.isEmpty {
            let c = open("/proc/\(pid)/comm", O_RDONLY | O_CLOEXEC)
            if c >= 0 {
                _ = readToEnd(c, into: &bytes)
                close(c)
            }
            while bytes.last == 0x0A { bytes.removeLast() }
            return "[" + ByteString(bytes) + "]"
        }
        return ByteString(bytes.map { $0 == 0 ? 0x20 : $0 })
    }
}
