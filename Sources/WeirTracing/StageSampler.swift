import Glibc
import WeirSyntax

/// Reads a running stage's state from /proc: what it is doing now (running, asleep on an
/// empty pipe, asleep on a full pipe, asleep on something else) and its peak memory.
/// The files stay open and are re-read with pread, which regenerates them.
public struct StageSampler {
    public let pid: pid_t
    private var statFD: Int32
    private var wchanFD: Int32
    private var statusFD: Int32
    private var ticks = 0
    /// The highest VmHWM seen, in bytes.
    public private(set) var peakMemory: Int?

    public init(pid: pid_t) {
        self.pid = pid
        statFD = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        wchanFD = open("/proc/\(pid)/wchan", O_RDONLY | O_CLOEXEC)
        statusFD = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        if !DescriptorBudget.allows([statFD, wchanFD, statusFD]) { close() }
    }

    public mutating func close() {
        for fd in [statFD, wchanFD, statusFD] where fd >= 0 { Glibc.close(fd) }
        statFD = -1; wchanFD = -1; statusFD = -1
    }

    /// CPU time so far (user + system, in seconds), from the last sample.
    public private(set) var cpuSeconds = 0.0
    public private(set) var userSeconds = 0.0
    public private(set) var systemSeconds = 0.0

    /// One sample; nil when the process is gone or stopped.
    public mutating func sample() -> StageActivity? {
        ticks += 1
        if ticks == 1 || ticks % 5 == 0 { readPeakMemory() }
        guard statFD >= 0, let stat = preadText(statFD, 512) else { return nil }
        if let close = stat.lastIndex(of: ")") {
            // Fields after the command: state is the 3rd field, utime and stime the 14th and 15th.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 12, let u = Double(fields[11]), let s = Double(fields[12]) {
                userSeconds = u / StageSampler.clockTicks
                systemSeconds = s / StageSampler.clockTicks
                cpuSeconds = userSeconds + systemSeconds
            }
        }
        return StageSampler.activity(stat: stat, wchanFD: wchanFD, pid: pid, depth: 0)
    }

    public static let clockTicks = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Reads VmHWM now (also called once more just before the stage is expected to end).
    public mutating func readPeakMemory() {
        guard statusFD >= 0, let text = preadText(statusFD, 4096) else { return }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return }
        let digits = line.dropFirst(6).drop { $0 == " " || $0 == "\t" }.prefix { $0.isNumber }
        if let kb = Int(digits) { peakMemory = max(peakMemory ?? 0, kb * 1024) }
    }

    /// The state letter of a /proc/PID/stat text (R, S, D, T, Z…): the field after the
    /// command, which is in parentheses and may hold any byte.
    static func stateLetter(_ stat: String) -> Character? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].drop { $0 == " " }.first
    }

    /// A process that has exited (a zombie) or is gone.
    static func hasEnded(pid: pid_t) -> Bool {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { Glibc.close(fd) }
        guard let stat = preadText(fd, 512), let state = stateLetter(stat) else { return true }
        return state == "Z" || state == "X"
    }

    private static func activity(stat: String, wchanFD: Int32, pid: pid_t, depth: Int) -> StageActivity? {
        let state = stateLetter(stat)
        switch state {
        case "R"?: return .running
        case "T"?, "t"?: return .stopped
        case "Z"?, "X"?, nil: return nil
        default: break
        }
        let wchan = wchanFD >= 0 ? (preadText(wchanFD, 128) ?? "") : ""
        // Kernel symbol names: `anon_pipe_read` (6.x), `pipe_read`, `pipe_wait` (older).
        if wchan.hasSuffix("pipe_read") || wchan == "pipe_wait" { return .waitingInput }
        if wchan.hasSuffix("pipe_write") { return .waitingOutput }
        // A shell stage waiting for its own child: what the child does is what the stage does.
        if depth < 4 && (wchan.hasSuffix("do_wait") || wchan.hasSuffix("wait4") || wchan.hasSuffix("waitid")),
           let child = firstChild(of: pid) {
            let s = open("/proc/\(child)/stat", O_RDONLY | O_CLOEXEC)
            let w = open("/proc/\(child)/wchan", O_RDONLY | O_CLOEXEC)
            defer { if s >= 0 { Glibc.close(s) }; if w >= 0 { Glibc.close(w) } }
            if s >= 0, let text = preadText(s, 512), let a = activity(stat: text, wchanFD: w, pid: child, depth: depth + 1) {
                return a
            }
        }
        return .sleeping
    }

    private static func firstChild(of pid: pid_t) -> pid_t? {
        let fd = open("/proc/\(pid)/task/\(pid)/children", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        guard let text = preadText(fd, 256) else { return nil }
        return text.split(separator: " ").last.flatMap { pid_t($0.filter { $0.isNumber }) }
    }
}

/// The whole small /proc file, read from offset 0.
public func preadText(_ fd: Int32, _ capacity: Int) -> String? {
    var buf = [UInt8](repeating: 0, count: capacity)
    let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, capacity, 0) }
    guard n > 0 else { return nil }
    return String(decoding: buf[0..<n], as: UTF8.self)
}

/// What a stage's descriptor is, read from /proc/PID/fd/N (or the shell's own).
public func describeDescriptor(pid: pid_t, fd: Int32) -> DescriptorKind? {
    let link: ByteString = "/proc/\(pid)/fd/\(fd)"
    var buf = [CChar](repeating: 0, count: 4096)
    let n = link.withCString { readlink($0, &buf, buf.count - 1) }
    guard n > 0 else { return nil }
    let target = ByteString(buf[0..<n].map { UInt8(bitPattern: $0) })
    if target.hasPrefix("pipe:") { return DescriptorKind(kind: "pipe") }
    if target.hasPrefix("socket:") { return DescriptorKind(kind: "socket") }
    if target.hasPrefix("anon_inode:") { return DescriptorKind(kind: target.dropFirst(11).description) }
    return describePath(link, shownAs: target)
}

/// What the file at `path` is (a redirection's target, before or after it is opened).
public func describePath(_ path: ByteString, shownAs shown: ByteString? = nil) -> DescriptorKind? {
    let target = shown ?? path
    if target == "/dev/null" { return DescriptorKind(kind: "/dev/null") }
    let link = path
    var st = stat()
    guard link.withCString({ stat($0, &st) }) == 0 else { return DescriptorKind(kind: "file", path: target) }
    switch st.st_mode & S_IFMT {
    case S_IFIFO: return DescriptorKind(kind: "fifo", path: target, id: "\(st.st_dev):\(st.st_ino)")
    case S_IFREG: return DescriptorKind(kind: "file", path: target)
    case S_IFDIR: return DescriptorKind(kind: "directory", path: target)
    case S_IFSOCK: return DescriptorKind(kind: "socket", path: target)
    case S_IFCHR:
        let fdOpen = link.withCString { open($0, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC) }
        defer { if fdOpen >= 0 { close(fdOpen) } }
        if fdOpen >= 0 && isatty(fdOpen) != 0 { return DescriptorKind(kind: "terminal", path: target) }
        return DescriptorKind(kind: "device", path: target)
    default: return DescriptorKind(kind: "file", path: target)
    }
}
