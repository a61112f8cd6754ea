import Glibc
import WeirSyntax
import FuzzSupport

// The parser, as `weir -n` runs it: the whole input is a script, read command by command
// (parseNextCommand, with a small alias table as the shell would pass), and each
// command's tree is printed back (ASTPrinter), which walks every node, here-document
// bodies included.

final class FixedAliases: AliasResolving {
    // No cycle: a cycle is a known open hang (issue 14), not something to rediscover.
    let table: [ByteString: ByteString] = [
        "ll": "echo -l ", "e": "echo ", "lp": "( echo ", "ifx": "if true; then echo; fi",
        "cs": "case x in ", "fn": "f() ",
    ]
    func alias(named name: ByteString) -> ByteString? { table[name] }
}
let aliases = FixedAliases()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let source = SourceFile(name: "fuzz", bytes: bytes)
    let parser = Parser(source: source, aliases: aliases)
    do {
        while let list = try parser.parseNextCommand() {
            _ = ASTPrinter.print(list)
        }
    } catch let e as SyntaxError {
        // The message with its source line, as weir prints it.
        _ = e.render(in: source)
    } catch {
    }
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzParser_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
