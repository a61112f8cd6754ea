import Glibc
import CWeirSys

// A program on a pseudo-terminal, driven as a person at a keyboard would (no Foundation).
//
// The child is started with posix_spawn, not fork: POSIX_SPAWN_SETSID makes it a session
// leader, and the first file action then opens the pty's slave side without O_NOCTTY,
// which on Linux makes it the session's controlling terminal (what TIOCSCTTY would do).
// No Swift code runs in the child.

/// The weir-test-helper executable that `swift test` built beside the test bundle.
public let testHelperBinary: String = {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    var path = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    // …/.build/debug/weirPackageTests.xctest → …/.build/debug/weir-test-helper
    while let slash = path.lastIndex(of: "/") {
        path = String(path[..<slash])
        if fileExists(path + "/weir-test-helper") { return path + "/weir-test-helper" }
        if path.isEmpty { break }
    }
    return packageRoot + "/.build/debug/weir-test-helper"
}()

public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var description: String
}

// Constants that Swift's Glibc module does not import (function-like macros or guarded by
// feature macros); the values are Linux's generic ioctl numbers (x86_64, aarch64) and
// glibc's spawn flag.
private let TIOCSPTLCK_: UInt = 0x4004_5431   // _IOW('T', 0x31, int): lock/unlock the slave
private let TIOCGPTN_: UInt = 0x8004_5430     // _IOR('T', 0x30, unsigned int): pty number
private let POSIX_SPAWN_SETSID_: Int32 = 0x80

public final class PseudoTerminal {
    private var master: Int32 = -1
    private let child: pid_t
    private var exitStatus: Int32?
    private var output: [UInt8] = []
    /// Where the unmatched part of `output` starts (just past the last successful match).
    private var matchStart = 0
    private var sawEOF = false

    /// The child's process id (also its process group and session id).
    public var pid: pid_t { child }

    /// Starts argv on a new pseudo-terminal (the child is a session leader with the pty as
    /// its controlling terminal, 80x24, environment given). argv[0] is looked up on the
    /// PATH of the test process if it has no slash.
    public init(_ argv: [String], environment: [String], directory: String? = nil,
                rows: UInt16 = 24, columns: UInt16 = 80) throws {
        precondition(!argv.isEmpty, "PseudoTerminal needs a program")
        func failure(_ what: String, _ code: Int32 = errno) -> PseudoTerminalError {
            PseudoTerminalError(description: "\(what): \(String(cString: strerror(code)))")
        }
        // The master: posix_openpt(O_RDWR | O_NOCTTY), grantpt (a no-op with devpts) and
        // unlockpt, spelled with the underlying calls.
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure("open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(fd, TIOCSPTLCK_, &unlock) == 0, ioctl(fd, TIOCGPTN_, &number) == 0 else {
            let e = failure("unlocking the pty")
            Glibc.close(fd)
            throw e
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)

        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        // After setsid, so this open makes the pty the controlling terminal.
        posix_spawn_file_actions_addopen(&fa, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&fa, 0, 1)
        posix_spawn_file_actions_adddup2(&fa, 0, 2)
        if let directory { weirTestAddChdir(&fa, directory) }
        _ = weir_fa_addclosefrom(&fa, 3)
        // A clean start, in a new session.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        setCleanSignals(&attr, flags: Int32(POSIX_SPAWN_SETSID_))

        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cenv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            cargs.forEach { free($0) }
            cenv.forEach { free($0) }
        }
        var childPid: pid_t = 0
        let rc = posix_spawnp(&childPid, cargs[0]!, &fa, &attr, &cargs, &cenv)
        guard rc == 0 else {
            Glibc.close(fd)
            throw failure("spawning \(argv[0])", rc)
        }
        master = fd
        child = childPid
    }

    deinit { close() }

    /// Writes bytes as if typed (e.g. "echo hi\r", "\u{03}" for Ctrl-C, "\u{1a}" Ctrl-Z,
    /// "\u{04}" Ctrl-D, "\t" Tab). Output is drained meanwhile, so a child blocked on a
    /// full terminal cannot stall the write.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var off = 0
        let deadline = Self.now() + 5
        while off < bytes.count && master >= 0 {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + off, $0.count - off) }
            if n > 0 { off += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN {
                if Self.now() > deadline { return }
                var fds = [pollfd(fd: master, events: Int16(POLLOUT | POLLIN), revents: 0)]
                _ = poll(&fds, 1, 50)
                if fds[0].revents & Int16(POLLIN) != 0 { _ = readAvailable() }
                continue
            }
            return  // EIO: the child side is gone
        }
    }

    /// Reads output until `pattern` (a plain substring) appears in what was read since the
    /// last successful expect, or the timeout passes; returns true if found. The text is
    /// matched after `stripEscapes`; a match consumes the output up to its end.
    @discardableResult
    public func expect(_ pattern: String, timeout: Double = 5) -> Bool {
        let needle = Array(pattern.utf8)
        let deadline = Self.now() + timeout
        var checkedCount = -1
        while true {
            if output.count != checkedCount {
                checkedCount = output.count
                if let end = Self.find(needle, inRawOutput: output, from: matchStart) {
                    matched = Self.stripEscapes(String(decoding: output[matchStart..<end], as: UTF8.self))
                    matchStart = end
                    return true
                }
            }
            let remaining = deadline - Self.now()
            if remaining <= 0 || sawEOF { return false }
            waitForOutput(milliseconds: Int32(min(remaining * 1000, 1000).rounded(.up)))
        }
    }

    /// The stripped output that the last successful expect consumed: from the end of the
    /// match before it through the end of its own match (e.g. a command's output, when the
    /// pattern is the next prompt).
    public private(set) var matched: String = ""

    /// Everything read from the terminal so far, unaltered.
    public var transcript: String { String(decoding: output, as: UTF8.self) }

    /// The output since the last successful expect, escapes stripped (for failure messages).
    public var unmatched: String {
        Self.stripEscapes(String(decoding: output[min(matchStart, output.count)...], as: UTF8.self))
    }

    /// Waits for the child to exit (with timeout), returns its exit status (128+N for a
    /// signal N), or nil on timeout, after killing it with SIGKILL.
    public func wait(timeout: Double = 5) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Self.now() + timeout
        while true {
            if reap(options: WNOHANG) { return exitStatus }
            if Self.now() >= deadline { break }
            if master >= 0 && !sawEOF {
                waitForOutput(milliseconds: 10)
            } else {
                var ts = timespec(tv_sec: 0, tv_nsec: 10_000_000)
                nanosleep(&ts, nil)
            }
        }
        kill(child, SIGKILL)
        _ = reap(options: 0)
        return nil
    }

    /// The terminal's foreground process group (tcgetpgrp on the master side, which Linux
    /// answers for the slave), or -1.
    public var foregroundProcessGroup: pid_t {
        master >= 0 ? tcgetpgrp(master) : -1
    }

    /// Waits until the terminal's foreground process group is led by a process running a
    /// program whose name starts with `program` (/proc/PID/comm: the file name, cut to
    /// 15 bytes), draining output meanwhile; returns that process group, or nil on timeout.
    /// A job started from the shell has then been exec'd and owns the terminal, so keys
    /// like Ctrl-Z reach it and not the shell or a child still between fork and exec.
    @discardableResult
    public func waitForForeground(_ program: String, timeout: Double = 5) -> pid_t? {
        let want = String(program.utf8.prefix(15))!
        let deadline = Self.now() + timeout
        while true {
            let pgrp = foregroundProcessGroup
            if pgrp > 0, let comm = readFileBytes("/proc/\(pgrp)/comm") {
                let name = String(decoding: comm.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
                if name.hasPrefix(want) { return pgrp }
            }
            if Self.now() >= deadline { return nil }
            if master >= 0 && !sawEOF {
                waitForOutput(milliseconds: 10)
            } else {
                var ts = timespec(tv_sec: 0, tv_nsec: 10_000_000)
                nanosleep(&ts, nil)
            }
        }
    }

    /// Waits until the terminal's foreground process group leader (the shell, at its
    /// prompt) is asleep — blocked reading the terminal, for a shell at its prompt — and no
    /// output has come for `quiet` seconds; returns false on timeout. Send a signal key
    /// (Ctrl-C, Ctrl-Z, Ctrl-\) after this: a key that arrives while a shell is between
    /// checking for signals and blocking in read() can sit unnoticed until the next key
    /// (bash 5.2 does this).
    @discardableResult
    public func waitUntilIdle(quiet: Double = 0.05, timeout: Double = 5) -> Bool {
        let deadline = Self.now() + timeout
        var since = Self.now()
        var seen = output.count
        while true {
            let pgrp = foregroundProcessGroup
            let asleep = pgrp > 0 && Self.processState(pgrp) == UInt8(ascii: "S")
            let t = Self.now()
            if !asleep || output.count != seen {
                since = t
                seen = output.count
            } else if t - since >= quiet {
                return true
            }
            if t >= deadline { return false }
            if master >= 0 && !sawEOF {
                waitForOutput(milliseconds: 5)
            } else {
                var ts = timespec(tv_sec: 0, tv_nsec: 5_000_000)
                nanosleep(&ts, nil)
            }
        }
    }

    /// The state letter in /proc/PID/stat (R, S, D, T, Z…), or nil.
    private static func processState(_ pid: pid_t) -> UInt8? {
        guard let stat = readFileBytes("/proc/\(pid)/stat"),
              let paren = stat.lastIndex(of: UInt8(ascii: ")")), paren + 2 < stat.count else { return nil }
        return stat[paren + 2]
    }

    /// Sets the terminal's size; the child's foreground process group gets SIGWINCH.
    public func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        if master >= 0 { _ = ioctl(master, UInt(TIOCSWINSZ), &size) }
    }

    /// Closes the master and kills the child if it is still running, together with every
    /// other process left in its session (stopped or background jobs).
    public func close() {
        // The session's other members first, while the child (running or a zombie) still
        // holds its pid, so the session id cannot have been reused.
        killSession()
        if exitStatus == nil && !reap(options: WNOHANG) {
            kill(child, SIGKILL)
            _ = reap(options: 0)
        }
        if master >= 0 {
            Glibc.close(master)
            master = -1
        }
    }

    /// Removes ANSI escape sequences (CSI, OSC, two- and three-byte ESC sequences), \r and
    /// BEL, for matching convenience.
    public static func stripEscapes(_ s: String) -> String {
        String(decoding: strip(Array(s.utf8)).bytes, as: UTF8.self)
    }

    // MARK: - Internals

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Polls the master for up to `milliseconds` and reads whatever is there.
    private func waitForOutput(milliseconds: Int32) {
        guard master >= 0, !sawEOF else { return }
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        let r = poll(&fds, 1, milliseconds)
        if r < 0 { return }  // EINTR: the caller loops
        if r > 0 {
            if !readAvailable() && fds[0].revents & Int16(POLLHUP | POLLERR) != 0 {
                // Hang-up with nothing left: every slave descriptor is closed. Linux
                // reports POLLHUP until one is opened again, so stop polling.
                sawEOF = true
            }
        }
    }

    /// Reads until the master would block; returns whether anything was read.
    @discardableResult
    private func readAvailable() -> Bool {
        var got = false
        var buf = [UInt8](repeating: 0, count: 4096)
        while master >= 0 {
            let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                output += buf[0..<n]
                got = true
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN { break }
            // EIO (or 0): the slave side is closed and drained.
            sawEOF = true
            break
        }
        return got
    }

    /// Reaps the child if it has exited; records its status.
    private func reap(options: Int32) -> Bool {
        if exitStatus != nil { return true }
        var st: Int32 = 0
        while true {
            let r = waitpid(child, &st, options)
            if r == child {
                exitStatus = weir_WIFEXITED(st) != 0 ? weir_WEXITSTATUS(st) : 128 + weir_WTERMSIG(st)
                return true
            }
            if r < 0 && errno == EINTR { continue }
            if r < 0 && errno == ECHILD { exitStatus = exitStatus ?? -1; return true }
            return false
        }
    }

    /// SIGKILLs every process whose session is the child's (found through /proc), so that
    /// no stopped or background job outlives the test.
    private func killSession() {
        for _ in 0..<3 {
            var found = false
            for name in listDirectory("/proc") {
                guard let p = pid_t(name), p != getpid(), p != child,
                      let stat = readFileBytes("/proc/\(name)/stat"),
                      let paren = stat.lastIndex(of: UInt8(ascii: ")")) else { continue }
                // After "(comm)": state ppid pgrp session …
                let fields = stat[(paren + 1)...].split(separator: UInt8(ascii: " "))
                guard fields.count > 3,
                      let sid = pid_t(String(decoding: fields[3], as: UTF8.self)),
                      sid == child else { continue }
                kill(p, SIGKILL)
                found = true
            }
            if !found { return }
            var ts = timespec(tv_sec: 0, tv_nsec: 20_000_000)
            nanosleep(&ts, nil)
        }
    }

    /// Finds `needle` in the stripped form of `raw[from...]`; returns the raw offset just
    /// past the match.
    private static func find(_ needle: [UInt8], inRawOutput raw: [UInt8], from: Int) -> Int? {
        let stripped = strip(Array(raw[min(from, raw.count)...]))
        let hay = stripped.bytes
        if needle.isEmpty { return from }
        guard hay.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
                return from + stripped.rawEnd[i + needle.count - 1]
            }
            i += 1
        }
        return nil
    }

    /// The stripped bytes, and for each the raw offset just past it.
    private static func strip(_ raw: [UInt8]) -> (bytes: [UInt8], rawEnd: [Int]) {
        var out: [UInt8] = []
        var ends: [Int] = []
        out.reserveCapacity(raw.count)
        ends.reserveCapacity(raw.count)
        let esc: UInt8 = 0x1b
        var i = 0
        let n = raw.count
        while i < n {
            let b = raw[i]
            if b == UInt8(ascii: "\r") || b == 0x07 { i += 1; continue }
            if b != esc {
                out.append(b)
                ends.append(i + 1)
                i += 1
                continue
            }
            // ESC …
            guard i + 1 < n else { break }  // incomplete: wait for more
            let c = raw[i + 1]
            switch c {
            case UInt8(ascii: "["):
                i = skipCSI(raw, i + 2)
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"):
                // OSC / DCS / APC / PM: up to BEL or ESC \.
                var j = i + 2
                while j < n {
                    if raw[j] == 0x07 { j += 1; break }
                    if raw[j] == esc && j + 1 < n && raw[j + 1] == UInt8(ascii: "\\") { j += 2; break }
                    j += 1
                }
                i = j
            case 0x20...0x2f:
                // ESC intermediate… final, e.g. ESC ( B
                var j = i + 2
                while j < n && (0x20...0x2f).contains(raw[j]) { j += 1 }
                i = min(j + 1, n)
            default:
                i += 2  // ESC = , ESC > , ESC 7, ESC M …
            }
        }
        return (out, ends)
    }

    /// Skips a CSI's parameter, intermediate and final bytes, starting after the introducer.
    private static func skipCSI(_ raw: [UInt8], _ start: Int) -> Int {
        var j = start
        while j < raw.count && (0x20...0x3f).contains(raw[j]) { j += 1 }
        return min(j + 1, raw.count)
    }
}
