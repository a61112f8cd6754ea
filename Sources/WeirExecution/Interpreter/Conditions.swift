import Glibc
import WeirSyntax
import WeirExpansion

/// An error inside `[[ ]]` (status 2): a bad regex, a bad operand.
struct ConditionError: Error {
    var message: String
}

extension Shell {
    /// Evaluates a `[[ ]]` expression. Words are expanded without splitting or globbing;
    /// the right side of `==`/`!=` is a pattern, of `=~` an extended regex.
    func evaluateCondition(_ e: ConditionalExpression) throws -> Bool {
        let exp = expander
        switch e {
        case .word(let w):
            return !(try exp.expandString(w)).isEmpty
        case .not(let x):
            return try !evaluateCondition(x)
        case .and(let a, let b):
            return try evaluateCondition(a) && evaluateCondition(b)
        case .or(let a, let b):
            return try evaluateCondition(a) || evaluateCondition(b)
        case .group(let x):
            return try evaluateCondition(x)
        case .unary(let op, let w):
            let operand = try exp.expandString(w)
            switch op {
            case "-z": return operand.isEmpty
            case "-n": return !operand.isEmpty
            case "-v": return isVariableSet(operand)
            case "-o": return option(named: operand) ?? false
            default:
                return FileTest.unary(op, operand) ?? false
            }
        case .binary(let op, let l, let r):
            let lhs = try exp.expandString(l)
            switch op {
            case "==", "=", "!=":
                let pattern = try exp.expandPattern(r)
                let m = ShellPattern(pattern, extglob: true, caseInsensitive: environment.options.nocasematch).matches(lhs)
                return op == "!=" ? !m : m
            case "=~":
                return try matchRegex(lhs, try exp.expandRegex(r))
            case "<": return Array(lhs.utf8).lexicographicallyPrecedes(Array(try exp.expandString(r).utf8))
            case ">": return Array(try exp.expandString(r).utf8).lexicographicallyPrecedes(Array(lhs.utf8))
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
                let ev = ArithmeticEvaluator(environment: environment)
                let a = try ev.evaluate(text: lhs), b = try ev.evaluate(text: try exp.expandString(r))
                switch op {
                case "-eq": return a == b
                case "-ne": return a != b
                case "-lt": return a < b
                case "-le": return a <= b
                case "-gt": return a > b
                default: return a >= b
                }
            default:
                return FileTest.binary(op, lhs, try exp.expandString(r)) ?? false
            }
        }
    }

    /// `-v name` / `-v 'a[i]'`
    public func isVariableSet(_ text: String) -> Bool {
        if let open = text.firstIndex(of: "["), text.hasSuffix("]") {
            let name = String(text[..<open])
            let sub = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            guard let v = variables.variable(name)?.value else { return false }
            switch v {
            case .associative(let a): return a[sub] != nil
            case .indexed(let a):
                if sub == "@" || sub == "*" { return !a.isEmpty }
                guard var i = try? ArithmeticEvaluator(environment: environment).evaluate(text: sub) else { return false }
                if i < 0 { i += Int64(a.end) }
                return a[Int(i)] != nil
            case .string: return sub == "0" || sub == "@" || sub == "*"
            }
        }
        if let n = Int(text) { return n <= environment.positional.count }
        return variables.isSet(text)
    }

    /// `=~` with POSIX extended regexes; sets BASH_REMATCH.
    func matchRegex(_ s: String, _ pattern: String) throws -> Bool {
        var re = regex_t()
        let flags = REG_EXTENDED | (environment.options.nocasematch ? REG_ICASE : 0)
        let rc = regcomp(&re, pattern, flags)
        if rc != 0 {
            var buf = [CChar](repeating: 0, count: 256)
            regerror(rc, &re, &buf, buf.count)
            throw ConditionError(message: "\(pattern): \(String(cString: buf))")
        }
        defer { regfree(&re) }
        let n = Int(re.re_nsub) + 1
        var matches = [regmatch_t](repeating: regmatch_t(), count: n)
        let bytes = Array(s.utf8CString)
        let r = bytes.withUnsafeBufferPointer { regexec(&re, $0.baseAddress!, n, &matches, 0) }
        if r != 0 {
            try? variables.assignValue("BASH_REMATCH", .indexed(IndexedArray()))
            return false
        }
        let utf8 = Array(s.utf8)
        var groups: [String] = []
        for m in matches {
            if m.rm_so < 0 { groups.append(""); continue }
            groups.append(String(decoding: utf8[Int(m.rm_so)..<Int(m.rm_eo)], as: UTF8.self))
        }
        try? variables.assignValue("BASH_REMATCH", .indexed(IndexedArray(groups)))
        return true
    }

    /// The condition as text for `set -x`.
    func conditionText(_ e: ConditionalExpression) -> String {
        let exp = expander
        func w(_ word: Word) -> String { (try? exp.expandString(word)) ?? "" }
        switch e {
        case .word(let x): return w(x)
        case .not(let x): return "! " + conditionText(x)
        case .and(let a, let b): return conditionText(a) + " && " + conditionText(b)
        case .or(let a, let b): return conditionText(a) + " || " + conditionText(b)
        case .group(let x): return "( " + conditionText(x) + " )"
        case .unary(let op, let x): return op + " " + w(x)
        case .binary(let op, let a, let b): return w(a) + " " + op + " " + w(b)
        }
    }
}
