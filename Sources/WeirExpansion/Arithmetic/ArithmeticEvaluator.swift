import WeirSyntax

/// Evaluates arithmetic on 64-bit integers, reading and assigning shell variables. A
/// variable whose value is not a number is evaluated as an expression itself (bash).
public struct ArithmeticEvaluator {
    let environment: ShellEnvironment
    var depth = 0

    public init(environment: ShellEnvironment) {
        self.environment = environment
    }

    var variables: VariableStore { environment.variables }

    func error(_ message: String) -> ShellError { ShellError.arithmetic(message) }

    /// Parses and evaluates text (a variable's value, or `$((…))` after substitution).
    public func evaluate(text: ByteString) throws -> Int64 {
        if let v = ArithmeticEvaluator.simpleInteger(text) { return v }
        let bytes = text.bytes
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) { return 0 }
        switch ArithmeticParser.parse(bytes) {
        case .success(let e):
            var inner = self
            inner.depth += 1
            if inner.depth > 64 {
                var e = error("\(text): expression recursion level exceeded")
                e.namesExpression = true
                throw e
            }
            do {
                return try inner.evaluate(e)
            } catch let e as ShellError {
                throw e.naming(expression: text)
            }
        case .failure(let f):
            throw error(f.message).naming(expression: text)
        }
    }

    /// A plain decimal integer, with optional sign and surrounding blanks: the common case.
    static func simpleInteger(_ s: ByteString) -> Int64? {
        // Over the contiguous bytes: this runs for every variable an arithmetic
        // expression reads.
        return s.withUnsafeBufferPointer { u -> Int64? in
            var v: Int64 = 0
            var sawDigit = false
            var negative = false
            var i = 0
            let n = u.count
            while i < n, u[i] == 0x20 || u[i] == 0x09 { i += 1 }
            if i < n, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") {
                negative = u[i] == UInt8(ascii: "-")
                i += 1
            }
            if i < n, u[i] == UInt8(ascii: "0") {
                // 0, or octal / hex: leave those to the parser unless it is just "0".
                if i + 1 < n, u[i + 1] >= 0x30 && u[i + 1] <= 0x39 || u[i + 1] == UInt8(ascii: "x")
                    || u[i + 1] == UInt8(ascii: "X") {
                    return nil
                }
            }
            while i < n, u[i] >= 0x30 && u[i] <= 0x39 {
                v = v &* 10 &+ Int64(u[i] - 0x30)
                sawDigit = true
                i += 1
            }
            while i < n, u[i] == 0x20 || u[i] == 0x09 { i += 1 }
            guard sawDigit, i == n else { return nil }
            return negative ? 0 &- v : v
        }
    }

    public func evaluate(_ e: ArithmeticExpression) throws -> Int64 {
        try StackGuard.check()
        switch e {
        case .number(let n):
            return n
        case .variable(let lv):
            return try read(lv)
        case .unary(let op, let x):
            let v = try evaluate(x)
            switch op {
            case .plus: return v
            case .minus: return 0 &- v
            case .not: return v == 0 ? 1 : 0
            case .bitNot: return ~v
            }
        case .increment(let lv, let delta, let prefix):
            let old = try read(lv)
            let new = old &+ delta
            try write(lv, new)
            return prefix ? new : old
        case .binary(let op, let l, let r):
            if case .binary = l { return try evaluateLeftChain(e) }
            switch op {
            case .logicalAnd:
                return try evaluate(l) != 0 && evaluate(r) != 0 ? 1 : 0
            case .logicalOr:
                return try evaluate(l) != 0 || evaluate(r) != 0 ? 1 : 0
            case .comma:
                _ = try evaluate(l)
                return try evaluate(r)
            default:
                return try apply(op, try evaluate(l), try evaluate(r))
            }
        case .assign(let lv, let op, let r):
            // `y -= y += 1`: the variable's value is read before the right side runs (bash).
            guard let op else {
                let v = try evaluate(r)
                try write(lv, v)
                return v
            }
            let old = try read(lv)
            let v = try apply(op, old, try evaluate(r))
            try write(lv, v)
            return v
        case .conditional(let c, let a, let b):
            return try evaluate(c) != 0 ? evaluate(a) : evaluate(b)
        }
    }

    /// `a + b + c + …`: the parser builds left-associative operators as a tree that leans
    /// left, as deep as the chain is long (32,000 terms in one `$(( ))` are fine in bash).
    /// The left spine is walked without recursion: down to the first operand, then back up,
    /// applying each operator to what came before and its right operand.
    func evaluateLeftChain(_ top: ArithmeticExpression) throws -> Int64 {
        var depth = 0
        var node = top
        while case .binary(_, let l, _) = node { depth += 1; node = l }
        return try withUnsafeTemporaryAllocation(of: ArithmeticExpression.self, capacity: depth) { spine in
            var node = top
            for k in stride(from: depth - 1, through: 0, by: -1) {
                spine.initializeElement(at: k, to: node)
                if case .binary(_, let l, _) = node { node = l }
            }
            defer { _ = spine.deinitialize() }
            var value = try evaluate(node)
            for k in 0..<depth {
                guard case .binary(let op, _, let r) = spine[k] else { continue }
                switch op {
                case .logicalAnd: value = try value != 0 && evaluate(r) != 0 ? 1 : 0
                case .logicalOr: value = try value != 0 || evaluate(r) != 0 ? 1 : 0
                case .comma: value = try evaluate(r)
                default: value = try apply(op, value, try evaluate(r))
                }
            }
            return value
        }
    }

    func apply(_ op: ArithmeticBinaryOperator, _ a: Int64, _ b: Int64) throws -> Int64 {
        switch op {
        case .add: return a &+ b
        case .subtract: return a &- b
        case .multiply: return a &* b
        case .divide:
            if b == 0 { throw error("division by 0 (error token is \"\(b)\")") }
            if a == Int64.min && b == -1 { return Int64.min }
            return a / b
        case .remainder:
            if b == 0 { throw error("division by 0 (error token is \"\(b)\")") }
            if b == -1 { return 0 }
            return a % b
        case .power:
            if b < 0 { throw error("exponent less than 0 (error token is \"\(b)\")") }
            var result: Int64 = 1, base = a, e = b
            while e > 0 {
                if e & 1 == 1 { result = result &* base }
                base = base &* base
                e >>= 1
            }
            return result
        case .shiftLeft, .shiftRight:
            if b < 0 { throw error("negative shift count (error token is \"\(b)\")") }
            return op == .shiftLeft ? a << (b & 63) : a >> (b & 63)
        case .less: return a < b ? 1 : 0
        case .lessEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterEqual: return a >= b ? 1 : 0
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .bitAnd: return a & b
        case .bitOr: return a | b
        case .bitXor: return a ^ b
        case .logicalAnd, .logicalOr, .comma: return 0
        }
    }

    /// The element an lvalue names: its index for an indexed array, its key text for an
    /// associative one.
    func elementKey(_ lv: ArithmeticLValue) throws -> (index: Int?, key: ByteString?) {
        guard let text = lv.subscriptText else { return (nil, nil) }
        let name = variables.resolve(lv.name)
        if variables.variable(name)?.attributes.contains(.associativeArray) == true {
            return (nil, lv.index == nil ? try Expander(environment: environment).expandSubscriptText(text) : text)
        }
        let i: Int64
        if let e = lv.index { i = try evaluate(e) } else {
            i = try evaluate(text: try Expander(environment: environment).expandSubscriptText(text))
        }
        var idx = Int(i)
        if idx < 0, case .indexed(let a)? = variables.variable(name)?.value {
            idx += a.end
            if idx < 0 { throw error("\(lv.name)[\(i)]: bad array subscript") }
        }
        return (idx, nil)
    }

    func read(_ lv: ArithmeticLValue) throws -> Int64 {
        let text: ByteString?
        if lv.subscriptText != nil {
            let idx: Int?, key: ByteString?
            do {
                (idx, key) = try elementKey(lv)
            } catch let e as ShellError where e.message.hasSuffix("bad array subscript") {
                // Reading past the start of an array: bash says so and reads 0.
                environment.reportError("\(lv.name): bad array subscript")
                return 0
            }
            switch variables.variable(lv.name)?.value {
            case .indexed(let a)?: text = a[idx ?? 0]
            case .associative(let a)?: text = a[key ?? "0"]
            case .string(let s)?: text = (idx ?? 0) == 0 ? s : nil
            case nil: text = nil
            }
        } else {
            text = variables.value(lv.name)
        }
        guard let t = text else {
            if environment.options.nounset { throw ShellError("\(lv.name): unbound variable", kind: .expansion) }
            return 0
        }
        if t.isEmpty { return 0 }
        return try evaluate(text: t)
    }

    func write(_ lv: ArithmeticLValue, _ v: Int64) throws {
        do {
            if lv.subscriptText != nil {
                let (idx, key) = try elementKey(lv)
                try variables.assignElement(lv.name, index: idx, key: key, ByteString(v))
            } else {
                try variables.assign(lv.name, ByteString(v))
            }
        } catch let e as VariableError {
            throw error(e.message)
        }
    }
}

