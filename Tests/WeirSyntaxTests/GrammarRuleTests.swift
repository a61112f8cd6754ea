import Testing
import WeirTestSupport

/// `parseAndOr` → `and_or`, `parseTildeIfAny` → `tilde`.
func ruleName(forFunction f: String) -> String {
    var name = String(f.dropFirst("parse".count))
    if name.hasSuffix("IfAny") { name = String(name.dropLast("IfAny".count)) }
    var out = ""
    for (i, ch) in name.enumerated() {
        if ch.isUppercase {
            if i > 0 { out += "_" }
            out += ch.lowercased()
        } else {
            out.append(ch)
        }
    }
    return out
}

func parseFunctionNames() -> Set<String> {
    let dir = packageRoot + "/Sources/WeirSyntax/Parser"
    var names = Set<String>()
    for file in listDirectory(dir) where file.hasSuffix(".swift") {
        let text = String(decoding: readFileBytes(dir + "/" + file) ?? [], as: UTF8.self)
        for line in text.split(separator: "\n") {
            guard let r = line.firstRange(of: "func parse") else { continue }
            let rest = line[r.upperBound...]
            let ident = rest.prefix { $0.isLetter || $0.isNumber }
            if let first = ident.first, first.isUppercase { names.insert("parse" + ident) }
        }
    }
    return names
}

func grammarRuleNames() -> Set<String> {
    let text = String(decoding: readFileBytes(packageRoot + "/grammar/posix-shell.ebnf") ?? [], as: UTF8.self)
    var rules = Set<String>()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard let first = line.first, first.isLetter, let r = line.firstRange(of: "::=") else { continue }
        let name = line[..<r.lowerBound].trimmingCharactersInSpaces()
        if name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { rules.insert(name) }
    }
    return rules
}

extension Substring {
    func trimmingCharactersInSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

@Suite struct GrammarRuleTests {
    @Test func everyParseFunctionHasAGrammarRule() {
        let rules = grammarRuleNames()
        #expect(!rules.isEmpty, "grammar/posix-shell.ebnf has no rules")
        let missing = parseFunctionNames().filter { !rules.contains(ruleName(forFunction: $0)) }.sorted()
        #expect(missing.isEmpty, "parse functions without a grammar rule: \(missing)")
    }

    @Test func everyGrammarRuleHasAParseFunction() {
        let functions = Set(parseFunctionNames().map(ruleName(forFunction:)))
        #expect(!functions.isEmpty)
        let orphans = grammarRuleNames().filter { !functions.contains($0) }.sorted()
        #expect(orphans.isEmpty, "grammar rules without a parse function: \(orphans)")
    }

    @Test func ruleNamesMapFromFunctionNames() {
        #expect(ruleName(forFunction: "parseAndOr") == "and_or")
        #expect(ruleName(forFunction: "parseTildeIfAny") == "tilde")
        #expect(ruleName(forFunction: "parseIoHere") == "io_here")
    }
}
