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
        try StackGuard.check()
        let exp = expander
        switch e {
        case .word(let w):
            return !(try exp.expandString(w)).isEmpty
        case .not(let x):
            return try !evaluateCondition(x)
        case .and(let a, _), .or(let a, _):
            switch a {
            case .and, .or: return try evaluateConditionChain(e)
            default: break
            }
            if case .and(_, let b) = e { return try evaluateCondition(a) && evaluateCondition(b) }
            guard case .or(_, let b) = e else { return false }
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
            // In the locale's collation order (bash; `test` compares bytes).
            case "<": return ShellLocale.precedes(lhs, try exp.expandString(r))
            case ">": return ShellLocale.precedes(try exp.expandString(r), lhs)
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
    public func isVariableSet(_ text: ByteString) -> Bool {
        if let open = text.firstIndex(of: UInt8(ascii: "[")), text.hasSuffix("]") {
            let name = text.slice(0..<open)
            let sub = text.slice((open + 1)..<(text.count - 1))
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
    func matchRegex(_ s: ByteString, _ pattern: ByteString) throws -> Bool {
        var re = regex_t()
        let flags = REG_EXTENDED | (environment.options.nocasematch ? REG_ICASE : 0)
        ShellLocale.settle()
        let rc = pattern.withCString { regcomp(&re, $0, flags) }
        if rc != 0 {
            // A pattern that does not compile: status 2, and no message (bash).
            throw ConditionError(message: "")
        }
        defer { regfree(&re) }
        let n = Int(re.re_nsub) + 1
        var matches = [regmatch_t](repeating: regmatch_t(), count: n)
        let r = s.withCString { regexec(&re, $0, n, &matches, 0) }
        if r != 0 {
            try? variables.assignValue("BASH_REMATCH", .indexed(IndexedArray()))
            return false
        }
        var groups: [ByteString] = []
        for m in matches {
            if m.rm_so < 0 { groups.append(""); continue }
            groups.append(s.slice(Int(m.rm_so)..<Int(m.rm_eo)))
        }
        try? variables.assignValue("BASH_REMATCH", .indexed(IndexedArray(groups)))
        return true
    }

    /// `a && b || c && …`: the parser's tree leans left, as deep as the chain is long; its
    /// left spine is walked without recursion (43,000 terms are fine in bash).
    func evaluateConditionChain(_ top: ConditionalExpression) throws -> Bool {
        var rights: [(isAnd: Bool, ConditionalExpression)] = []
        var node = top
        while true {
            if case .and(let l, let r) = node { rights.append((true, r)); node = l; continue }
            if case .or(let l, let r) = node { rights.append((false, r)); node = l; continue }
            break
        }
        var value = try evaluateCondition(node)
        for (isAnd, r) in rights.reversed() {
            value = isAnd ? (try value && evaluateCondition(r)) : (try value || evaluateCondition(r))
        }
        return value
    }

    /// The condition as text for `set -x`.
    func conditionText(_ e: ConditionalExpression) -> ByteString {
        let exp = expander
        func w(_ word: Word) -> ByteString { (try? exp.expandString(word)) ?? "" }
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
