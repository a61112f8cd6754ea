import Glibc
import WeirSyntax
import WeirExpansion
import FuzzSupport

// Word expansion with a fixed environment (FuzzSupport.fixedEnvironment): the input is
// command text after a one-byte option set; it is parsed, and every word of the top-level
// simple commands is expanded as an argument (brace, tilde, parameter, arithmetic,
// splitting, globbing in the sandbox tree), as a string (assignment, here-document), as a
// pattern and as a regex; assignment values and array elements too. Command and process
// substitutions run nothing (FakeSubstitutions).
//
// Option byte: bit 0 UTF-8 locale, 1 nounset, 2 noglob, 3 nullglob, 4 dotglob,
// 5 nocasematch+nocaseglob, 6 extglob off, 7 IFS=':' instead of the default.

let sandbox: Void = enterSandbox()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = sandbox
    let input = FlaggedInput(fuzzBytes(data, size))
    setUTF8Locale(input.bit(0))
    let env = fixedEnvironment()
    env.options.nounset = input.bit(1)
    env.options.noglob = input.bit(2)
    env.options.nullglob = input.bit(3)
    env.options.dotglob = input.bit(4)
    env.options.nocaseglob = input.bit(5)
    env.options.nocasematch = input.bit(5)
    env.options.extglob = !input.bit(6)
    if input.bit(7) {
        try? env.variables.assign("IFS", ":")
        env.refreshIFS()
    }
    // Brace ranges of millions of words are legal (weir and bash both take seconds and
    // gigabytes for `{1..30000000}`): they only time out or exceed -rss_limit_mb here.
    if braceRangeWords(Array(input.rest)) > 200_000 { return 0 }
    // A glob that can leave the sandbox tree (`/*/*/*`, `~/*`, `../*`) reads the whole file
    // system and only times out: such inputs are expanded without globbing.
    if leavesSandbox(Array(input.rest)) { env.options.noglob = true }
    let source = SourceFile(name: "fuzz", bytes: Array(input.rest))
    let parser = Parser(source: source)
    let expander = Expander(environment: env)
    var lists: [CommandList] = []
    do {
        while let list = try parser.parseNextCommand() { lists.append(list) }
    } catch {
        // Not a script: nothing to expand.
        return 0
    }
    for list in lists {
        for item in list.items {
            for pipeline in [item.andOr.first] + item.andOr.rest.map({ $0.pipeline }) {
                for command in pipeline.commands {
                    guard case .simple(let c) = command else { continue }
                    expand(c, expander)
                }
            }
        }
    }
    return 0
}

func expand(_ c: SimpleCommand, _ x: Expander) {
    for a in c.assignments {
        if let i = a.index { _ = try? x.expandSubscriptText(x.expandString(i)) }
        switch a.value {
        case .scalar(let w):
            _ = try? x.expandAssignmentValue(w)
        case .array(let elements):
            for el in elements {
                if let k = el.key { _ = try? x.expandString(k) }
                _ = try? x.expandWords([el.value])
            }
        }
    }
    _ = try? x.expandWords(c.words)
    for w in c.words {
        _ = try? x.expandString(w)
        _ = try? x.expandPattern(w)
        _ = try? x.expandRegex(w)
    }
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzExpand_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

/// A rough upper bound for the words that brace expansion can make of the text: the
/// product of the lengths of the numeric ranges `{A..B}` (steps ignored) and of the
/// alternative counts of the `{a,b,…}` lists, as a Double (no overflow).
func braceRangeWords(_ b: [UInt8]) -> Double {
    func number(_ i: inout Int) -> Double? {
        var j = i
        var negative = false
        if j < b.count && b[j] == UInt8(ascii: "-") { negative = true; j += 1 }
        let start = j
        var v = 0.0
        while j < b.count && b[j] >= UInt8(ascii: "0") && b[j] <= UInt8(ascii: "9") {
            v = v * 10 + Double(b[j] - UInt8(ascii: "0"))
            j += 1
        }
        if j == start { return nil }
        i = j
        return negative ? -v : v
    }
    var total = 1.0
    var i = 0
    while i < b.count {
        if b[i] == UInt8(ascii: "{") {
            var j = i + 1
            if let a = number(&j), j + 1 < b.count, b[j] == UInt8(ascii: "."), b[j + 1] == UInt8(ascii: ".") {
                j += 2
                if let z = number(&j) { total *= abs(z - a) + 1 }
            } else {
                var depth = 0, commas = 0, k = i + 1
                while k < b.count {
                    if b[k] == UInt8(ascii: "{") { depth += 1 }
                    else if b[k] == UInt8(ascii: "}") { if depth == 0 { break }; depth -= 1 }
                    else if b[k] == UInt8(ascii: ",") && depth == 0 { commas += 1 }
                    k += 1
                }
                if k < b.count && commas > 0 { total *= Double(commas + 1) }
            }
        }
        i += 1
    }
    return total
}

/// Whether a glob in the text could reach outside the sandbox: a `/` right before a glob
/// character (an absolute or parent path), a `~`, or `..`.
func leavesSandbox(_ text: [UInt8]) -> Bool {
    guard text.count > 1 else { return false }
    for i in 1..<text.count {
        let (a, b) = (text[i - 1], text[i])
        if a == UInt8(ascii: "/"), b == UInt8(ascii: "*") || b == UInt8(ascii: "?") || b == UInt8(ascii: "[") { return true }
        if a == UInt8(ascii: "."), b == UInt8(ascii: ".") { return true }
    }
    return text.contains(UInt8(ascii: "~"))
}
