import Glibc
import CWeirSys

// Process and file helpers shared by the test targets (no Foundation).

/// The package root, found from this file's path at compile time.
public let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/WeirTestSupport/Processes.swift
    return parts.joined(separator: "/")
}()


public func readFileBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        out += buf[0..<n]
    }
    return out
}

public func listDirectory(_ path: String) -> [String] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
        let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

public func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// The result of running a program.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `argv` with `input` on stdin; output goes through temporary files, so nothing
/// can deadlock on a full pipe.
public func run(_ argv: [String], input: [UInt8] = [], directory: String? = nil,
                environment: [String]? = nil) -> ProcessResult {
    func tempFile(_ content: [UInt8]) -> (Int32, String) {
        var template = Array("/tmp/weir-test-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(cString: template)
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        lseek(fd, 0, SEEK_SET)
        return (fd, path)
    }
    let (inFd, inPath) = tempFile(input)
    let (outFd, outPath) = tempFile([])
    let (errFd, errPath) = tempFile([])
    defer {
        for (fd, p) in [(inFd, inPath), (outFd, outPath), (errFd, errPath)] { close(fd); unlink(p) }
    }
    var fa = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fa)
    defer { posix_spawn_file_actions_destroy(&fa) }
    posix_spawn_file_actions_adddup2(&fa, inFd, 0)
    posix_spawn_file_actions_adddup2(&fa, outFd, 1)
    posix_spawn_file_actions_adddup2(&fa, errFd, 2)
    if let directory { weirTestAddChdir(&fa, directory) }
    // Nothing of the test runner's leaks into the child: only 0, 1 and 2.
    _ = weir_fa_addclosefrom(&fa, 3)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    setCleanSignals(&attr, flags: 0)
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    var cenv: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
    defer { cenv?.forEach { free($0) } }
    let rc: Int32
    if cenv != nil {
        rc = posix_spawnp(&pid, cargs[0]!, &fa, &attr, &cargs, &cenv!)
    } else {
        rc = posix_spawnp(&pid, cargs[0]!, &fa, &attr, &cargs, environ)
    }
    guard rc == 0 else { return ProcessResult(status: 127, stdout: "", stderr: "spawn failed: \(rc)") }
    var st: Int32 = 0
    while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
    let status = (st & 0x7f) == 0 ? (st >> 8) & 0xff : 128 + (st & 0x7f)
    let out = String(decoding: readFileBytes(outPath) ?? [], as: UTF8.self)
    let err = String(decoding: readFileBytes(errPath) ?? [], as: UTF8.self)
    return ProcessResult(status: status, stdout: out, stderr: err)
}

/// The weir executable that `swift test` built beside the test bundle.
public let weirBinary: String = {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    var path = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    // …/.build/debug/weirPackageTests.xctest → …/.build/debug/weir
    while let slash = path.lastIndex(of: "/") {
        path = String(path[..<slash])
        if fileExists(path + "/weir") { return path + "/weir" }
        if path.isEmpty { break }
    }
    return packageRoot + "/.build/debug/weir"
}()

/// A program on PATH, or nil.
public func which(_ name: String) -> String? {
    for dir in ["/usr/bin", "/bin", "/usr/local/bin"] where access(dir + "/" + name, X_OK) == 0 {
        return dir + "/" + name
    }
    return nil
}

/// posix_spawn_file_actions_addchdir_np, through the C shim.
func weirTestAddChdir(_ fa: inout posix_spawn_file_actions_t, _ dir: String) {
    _ = weir_fa_addchdir(&fa, dir)
}

/// A new empty directory under /tmp.
public func makeTemporaryDirectory(prefix: String = "weir-test-") -> String {
    var template = Array(("/tmp/" + prefix + "XXXXXX").utf8CString)
    _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return String(cString: template)
}

/// Removes a directory tree (through rm, to keep the tests free of Foundation).
public func removeTree(_ path: String) {
    _ = run(["/bin/rm", "-rf", path])
}

/// A clean start for a spawned child: the test runner's threads may block or ignore
/// signals, and a child would inherit that (a shell's `wait` then never hears SIGCHLD).
/// `flags` are further posix_spawn flags to set with the signal ones.
func setCleanSignals(_ attr: inout posix_spawnattr_t, flags: Int32) {
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
}
