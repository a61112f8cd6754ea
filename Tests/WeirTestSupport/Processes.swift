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

/// Writes a file (created or truncated, mode 0644).
public func writeFileBytes(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    precondition(fd >= 0, "cannot write \(path)")
    defer { close(fd) }
    var off = 0
    while off < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
        if n <= 0 { break }
        off += n
    }
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

/// The result of running a program, its output as the bytes it wrote.
public struct ProcessBytes {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: [UInt8]
}

/// Runs `argv` with `input` on stdin; output goes through temporary files, so nothing
/// can deadlock on a full pipe.
public func run(_ argv: [String], input: [UInt8] = [], directory: String? = nil,
                environment: [String]? = nil) -> ProcessResult {
    let r = runBytes(argv, input: input, directory: directory, environment: environment)
    return ProcessResult(status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                         stderr: String(decoding: r.stderr, as: UTF8.self))
}

/// `run`, with the output kept as bytes.
public func runBytes(_ argv: [String], input: [UInt8] = [], directory: String? = nil,
                     environment: [String]? = nil) -> ProcessBytes {
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
    guard rc == 0 else { return ProcessBytes(status: 127, stdout: [], stderr: Array("spawn failed: \(rc)".utf8)) }
    var st: Int32 = 0
    while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
    let status = (st & 0x7f) == 0 ? (st >> 8) & 0xff : 128 + (st & 0x7f)
    return ProcessBytes(status: status, stdout: readFileBytes(outPath) ?? [], stderr: readFileBytes(errPath) ?? [])
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

/// The release build of weir when it is at least as new as every source file (CI builds
/// it just before the tests), else the debug one: for tests that run many thousands of
/// commands, where a debug build is ten times slower.
public let fastestWeirBinary: String = {
    let release = packageRoot + "/.build/release/weir"
    var st = stat()
    guard stat(release, &st) == 0 else { return weirBinary }
    let built = st.st_mtim.tv_sec
    func newestSource(_ dir: String) -> Int {
        var newest = 0
        for name in listDirectory(dir) {
            let path = dir + "/" + name
            var s = stat()
            guard lstat(path, &s) == 0 else { continue }
            if (s.st_mode & S_IFMT) == S_IFDIR {
                newest = max(newest, newestSource(path))
            } else {
                newest = max(newest, s.st_mtim.tv_sec)
            }
        }
        return newest
    }
    var pkg = stat()
    let packageTime = stat(packageRoot + "/Package.swift", &pkg) == 0 ? pkg.st_mtim.tv_sec : 0
    return built >= max(newestSource(packageRoot + "/Sources"), packageTime) ? release : weirBinary
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
