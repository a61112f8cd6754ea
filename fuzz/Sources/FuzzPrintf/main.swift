import Glibc
import WeirSyntax
import WeirExpansion
import WeirBuiltins
import FuzzSupport

// printf's formatter (Printf.format, the text engine of the builtin): after one option
// byte, FORMAT NUL ARG NUL ARG ... (up to 8 arguments). Conversions, flags, widths and
// precisions (literal and `*`), `%b`, `%q`, `%(…)T`, character constants ('a), numbers
// in every base and out of range.
// Option byte: bit 0 UTF-8 locale.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let input = FlaggedInput(bytes)
    setUTF8Locale(input.bit(0))
    Printf.shellStartTime = 1_700_000_000
    let parts = splitAtNUL(input.rest, maxParts: 9)
    _ = Printf.format(parts[0], Array(parts.dropFirst()))
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzPrintf_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
