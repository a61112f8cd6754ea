import Glibc
import WeirSyntax
import WeirExpansion
import FuzzSupport

// Pathname expansion: the input (after one option byte) is a glob pattern, expanded in
// the fixed sandbox tree (FuzzSupport.enterSandbox: files, hidden files, odd names, a
// directory three deep, a link to it, a link loop, a dangling link). Patterns that could
// leave the tree (absolute, or with a `..` component) are skipped, so that a run reads
// only the sandbox (globskipdots is turned off only for a pattern without `/`).
// Option byte: bit 0 UTF-8 locale, 1 extglob off, 2 nocaseglob, 3 dotglob, 4 globstar,
// 5 globskipdots off.

let sandbox: Void = enterSandbox()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = sandbox
    let bytes = fuzzBytes(data, size)
    let input = FlaggedInput(bytes)
    setUTF8Locale(input.bit(0))
    let pattern = ByteString(input.rest)
    // No NUL: a shell word never holds one (bash and weir drop it from $'\0', $(…) and read),
    // and a path with one is cut short by the C calls, so `**/<NUL>/**` lists `dir/` again
    // below `dir/<NUL>/sub/`… without end (an out-of-memory that no script can reach).
    if pattern.contains(0) { return 0 }
    // Stay inside the tree: nothing absolute, no `..` (escaped or not).
    let unescaped = ShellPattern.unescape(pattern)
    if pattern.first == UInt8(ascii: "/") || unescaped.first == UInt8(ascii: "/") { return 0 }
    let text = Array(unescaped)
    for i in 0..<max(0, text.count - 1) where text[i] == UInt8(ascii: ".") && text[i + 1] == UInt8(ascii: ".") {
        return 0
    }
    var options = GlobOptions()
    options.extglob = !input.bit(1)
    options.nocaseglob = input.bit(2)
    options.dotglob = input.bit(3)
    options.globstar = input.bit(4)
    // Without globskipdots a wildcard may match `..`: only in a pattern with no `/`, so
    // that the walk never climbs out of the tree.
    options.skipDots = !(input.bit(5) && !pattern.contains(UInt8(ascii: "/")))
    let results = PathnameExpansion.expand(pattern, options: options)
    // Sorted, each once.
    for i in results.indices.dropFirst() where !ShellLocale.precedes(results[i - 1], results[i]) {
        invariantFailed("results not sorted or repeated at \(i)", bytes)
    }
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzGlob_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
