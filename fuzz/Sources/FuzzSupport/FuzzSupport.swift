import Glibc
import CFuzzDriver
import WeirSyntax
import WeirExpansion

// Shared by the libFuzzer targets. No Foundation, as in the engine.

/// The fuzzer's bytes as an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Splits at NUL bytes into at most `maxParts` parts (the last keeps any further NULs).
public func splitAtNUL(_ bytes: ArraySlice<UInt8>, maxParts: Int) -> [ByteString] {
    var parts: [ByteString] = []
    var start = bytes.startIndex
    var i = start
    while i < bytes.endIndex {
        if bytes[i] == 0 && parts.count < maxParts - 1 {
            parts.append(ByteString(bytes[start..<i]))
            start = i + 1
        }
        i += 1
    }
    parts.append(ByteString(bytes[start..<bytes.endIndex]))
    return parts
}

/// The first byte of an input, read as option bits (targets that take one), and the rest.
public struct FlaggedInput {
    public let flags: UInt8
    public let rest: ArraySlice<UInt8>
    public init(_ bytes: [UInt8]) {
        flags = bytes.first ?? 0
        rest = bytes.isEmpty ? [] : bytes[1...]
    }
    public func bit(_ n: Int) -> Bool { flags & (1 << n) != 0 }
}

/// Chooses the character set as the shell does from LC_ALL/LC_CTYPE: UTF-8, or bytes (C).
public func setUTF8Locale(_ on: Bool) {
    ShellLocale.isUTF8 = on
}

/// A command substitution that runs nothing: `$(…)` and `${ …; }` give fixed texts,
/// `<(…)` a fixed path, `${x@P}` the text unchanged. Expansion never starts a process under fuzzing.
public final class FakeSubstitutions: SubstitutionRunning {
    public init() {}
    public func runCommandSubstitution(_ body: CommandList?) throws -> ByteString {
        "sub out\n\n"
    }
    public func runFunctionSubstitution(_ body: CommandList?, reply: Bool) throws -> ByteString {
        reply ? "reply out\n" : "funsub out\n\n"
    }
    public func startProcessSubstitution(_ body: CommandList?, isInput: Bool) throws -> ByteString {
        "/dev/fd/63"
    }
    public func expandPrompt(_ text: ByteString) -> ByteString { text }
}

/// Kept alive for the process: the environment holds it unowned.
public let fakeSubstitutions = FakeSubstitutions()

/// A fresh environment with fixed variables (every input starts from the same state, so a
/// crash reproduces from its input alone):
/// - scalars: x=abc, e= (set, empty), sp='a b  c', n=5, neg=-3, zero=0,
///   big=9223372036854775807, min=-9223372036854775808, oct=010, hex=0x1f,
///   expr='n+1', rec='rec+1' (recursive), glob='*', star='a*b', path=/usr/local/bin:/bin,
///   utf='héllo wörld', bad=$'\xff\xfe', IFS unset (the default) unless the target sets it;
/// - arrays: a=(one 'two three' '' four), sparse=([3]=x [100]=y),
///   assoc A=([k]=v ['a b']=c); namerefs nr -> x, nra -> a[1]; integer iv=7;
/// - positional parameters: p1 'p 2' '' '*'.
public func fixedEnvironment() -> ShellEnvironment {
    let env = ShellEnvironment()
    env.substitutions = fakeSubstitutions
    env.reportError = { _ in }
    env.shellPid = 4242
    env.lastStatus = 3
    env.lastBackgroundPid = 4243
    env.scriptName = "fuzz"
    env.positional = ["p1", "p 2", "", "*"]
    let v = env.variables
    let scalars: [(ByteString, ByteString)] = [
        ("x", "abc"), ("e", ""), ("sp", "a b  c"), ("n", "5"), ("neg", "-3"), ("zero", "0"),
        ("big", "9223372036854775807"), ("min", "-9223372036854775808"), ("oct", "010"),
        ("hex", "0x1f"), ("expr", "n+1"), ("rec", "rec+1"), ("glob", "*"), ("star", "a*b"),
        ("path", "/usr/local/bin:/bin"), ("utf", "héllo wörld"), ("bad", ByteString([0xFF, 0xFE, 0x41])),
        ("HOME", "/nonexistent-home"), ("ref", "x"), ("aref", "a[1]"),
    ]
    for (name, value) in scalars { try? v.assign(name, value) }
    let elements: [(Int, ByteString)] = [(0, "one"), (1, "two three"), (2, ""), (3, "four")]
    for (i, value) in elements { try? v.assignElement("a", index: i, key: nil, value) }
    try? v.assignElement("sparse", index: 3, key: nil, "x")
    try? v.assignElement("sparse", index: 100, key: nil, "y")
    try? v.setAttributes("A", add: .associativeArray)
    try? v.assignElement("A", index: nil, key: "k", "v")
    try? v.assignElement("A", index: nil, key: "a b", "c")
    try? v.assignNameref("nr", "x", local: false)
    try? v.assignNameref("nra", "a[1]", local: false)
    try? v.setAttributes("iv", add: .integer)
    try? v.assign("iv", "7")
    env.refreshIFS()
    return env
}

/// A small fixed directory tree for pathname expansion, created once in /tmp and made the
/// working directory, so that globbing under fuzzing reads only these names:
///
///     a  b  abc  'a b'  .hidden  'x*y'  'q?'  '[ab]'  é  $'\xff\xfe'  UPPER  dir/
///     dir/f1  dir/.h  dir/sub/g  dir/sub/deep/h  link -> dir  loop -> loop  dangling -> nowhere
public let sandboxNames: [ByteString] = [
    "a", "b", "abc", "a b", ".hidden", "x*y", "q?", "[ab]", "é", ByteString([0xFF, 0xFE]), "UPPER",
    "dir", "link", "loop", "dangling", ".", "..", "", "-", "\\", "a\\b",
]

public func enterSandbox() {
    let root = "/tmp/weir-fuzz-tree-\(getuid())"
    mkdir(root, 0o755)
    guard chdir(root) == 0 else { return }
    func touch(_ path: [UInt8]) {
        let fd = (path + [0]).withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        if fd >= 0 { close(fd) }
    }
    for name in ["a", "b", "abc", "a b", ".hidden", "x*y", "q?", "[ab]", "é", "UPPER"] { touch(Array(name.utf8)) }
    touch([0xFF, 0xFE])
    for d in ["dir", "dir/sub", "dir/sub/deep"] { mkdir(d, 0o755) }
    for f in ["dir/f1", "dir/.h", "dir/sub/g", "dir/sub/deep/h"] { touch(Array(f.utf8)) }
    symlink("dir", "link")
    symlink("loop", "loop")
    symlink("nowhere", "dangling")
}

/// Stops the process with a message: a broken invariant is a finding, as a trap is.
public func invariantFailed(_ message: String, _ input: [UInt8]) -> Never {
    var text = "weir-fuzz invariant failed: " + message + "\ninput bytes:"
    for b in input.prefix(200) { text += " " + String(b, radix: 16) }
    text += "\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    abort()
}

/// The entry point's body: libFuzzer's driver with the program's arguments, testing each
/// input with `callback` (the target's LLVMFuzzerTestOneInput).
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    weir_fuzz_run_driver(argc, argv, callback)
}
