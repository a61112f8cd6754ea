import Glibc
import Testing
@testable import WeirSyntax

/// The package root, found from this file's path at compile time.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/WeirSyntaxTests/Support.swift
    return parts.joined(separator: "/")
}()

func parse(_ text: String, name: String = "-c") throws -> Program {
    try Parser(source: SourceFile(name: name, text: text)).parseProgram()
}

/// The printed tree of `text`, or the error message.
func ast(_ text: String) -> String {
    do { return ASTPrinter.print(try parse(text)) } catch { return "ERROR: \(error)" }
}

/// The syntax error `text` gives; nil when it parses.
func syntaxError(_ text: String) -> SyntaxError? {
    do {
        _ = try parse(text)
        return nil
    } catch let e as SyntaxError {
        return e
    } catch {
        return nil
    }
}

/// The whole tree folded onto one line, whitespace runs squeezed: handy for `contains`.
func flat(_ text: String) -> String {
    var out = ""
    var lastSpace = false
    for ch in ast(text) {
        if ch == "\n" || ch == " " {
            if !lastSpace { out.append(" ") }
            lastSpace = true
        } else {
            out.append(ch)
            lastSpace = false
        }
    }
    return out.replacingSpaceBeforeParen()
}

extension String {
    func replacingSpaceBeforeParen() -> String {
        var out = ""
        var pendingSpace = false
        for ch in self {
            if ch == " " { pendingSpace = true; continue }
            if pendingSpace && ch != ")" { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }
}

func readFileBytes(_ path: String) -> [UInt8]? {
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

func listDirectory(_ path: String) -> [String] {
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

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// The result of running a program.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `argv` with `input` on stdin; output goes through temporary files, so nothing
/// can deadlock on a full pipe.
func run(_ argv: [String], input: [UInt8] = []) -> ProcessResult {
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
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, cargs[0]!, &fa, nil, &cargs, environ)
    guard rc == 0 else { return ProcessResult(status: 127, stdout: "", stderr: "spawn failed: \(rc)") }
    var st: Int32 = 0
    while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
    let status = (st & 0x7f) == 0 ? (st >> 8) & 0xff : 128 + (st & 0x7f)
    let out = String(decoding: readFileBytes(outPath) ?? [], as: UTF8.self)
    let err = String(decoding: readFileBytes(errPath) ?? [], as: UTF8.self)
    return ProcessResult(status: status, stdout: out, stderr: err)
}

/// The weir executable that `swift test` built beside the test bundle.
let weirBinary: String = {
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
func which(_ name: String) -> String? {
    for dir in ["/usr/bin", "/bin", "/usr/local/bin"] where access(dir + "/" + name, X_OK) == 0 {
        return dir + "/" + name
    }
    return nil
}
