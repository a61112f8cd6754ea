import Glibc
import WeirSyntax
import WeirExpansion
import FuzzSupport

// Arithmetic evaluation, `$(( ))` and `(( ))`: the input is the expression text. It is
// evaluated as a variable's value is (ArithmeticEvaluator.evaluate(text:)), and parsed
// then evaluated (ArithmeticParser.parse, as `$(( ))` after substitution), in a fixed
// environment (FuzzSupport.fixedEnvironment: n=5, big=INT64_MAX, min=INT64_MIN,
// expr='n+1', rec='rec+1', arrays a, sparse, A, namerefs, integer iv, ...). Errors
// (division by 0, syntax) are thrown, not trapped.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let env = fixedEnvironment()
    let evaluator = ArithmeticEvaluator(environment: env)
    let viaText = try? evaluator.evaluate(text: ByteString(bytes))
    // A second pass on a fresh environment through the parser's tree: the same result
    // (evaluate(text:) has a fast path for plain decimals; the two must agree).
    let env2 = fixedEnvironment()
    if case .success(let e) = ArithmeticParser.parse(bytes) {
        let viaTree = try? ArithmeticEvaluator(environment: env2).evaluate(e)
        if let a = viaText, let b = viaTree, a != b {
            invariantFailed("evaluate(text:) gives \(a), evaluate(parse(text)) gives \(b)", bytes)
        }
    }
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzArith_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
