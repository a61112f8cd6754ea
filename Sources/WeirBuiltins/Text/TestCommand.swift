import WeirExpansion
import WeirSyntax
/// bash's `test` and `[` builtins (bash 5.2, test.c): the POSIX rules for 0 to 4
/// arguments, then a recursive parser where `!` binds tighter than `-a`, which binds
/// tighter than `-o`, with `(` `)` for grouping.
public enum TestCommand {
    /// `test ARGS` or `[ ARGS ]` (when `isBracket`, the last argument must be "]").
    /// Status 0 true, 1 false, 2 error with a diagnostic starting with "test: " or "[: ".
    /// `isOptionSet` returns nil for a name that is not an option (then `-o` is false).
    public static func evaluate(_ arguments: [ByteString], isBracket: Bool,
                                isVariableSet: (ByteString) -> Bool, isOptionSet: (ByteString) -> Bool?) -> BuiltinOutput {
        let name = isBracket ? "[" : "test"
        var words = arguments
        if isBracket {
            guard let last = words.last, last == "]" else {
                return BuiltinOutput(diagnostics: ["[: missing `]'"], status: 2)
            }
            words.removeLast()
        }
        if words.isEmpty { return BuiltinOutput(status: 1) }
        return withoutActuallyEscaping(isVariableSet) { isVariableSet in
            withoutActuallyEscaping(isOptionSet) { isOptionSet in
                var parser = TestParser(words, isVariableSet: isVariableSet, isOptionSet: isOptionSet)
                do {
                    let value = try parser.run()
                    return BuiltinOutput(status: value ? 0 : 1)
                } catch {
                    let message = (error as? TestSyntaxError)?.message ?? "\(error)"
                    return BuiltinOutput(diagnostics: ["\(name): \(message)"], status: 2)
                }
            }
        }
    }
}

struct TestSyntaxError: Error {
    var message: String
}

/// A transcription of bash's test.c: `pos` walks `argv` (here without the command name),
/// `argc` is its length; an index past the end reads as an empty C string.
struct TestParser {
    let words: [ByteString]
    let argv: [[UInt8]]
    let argc: Int
    var pos = 0
    let isVariableSet: (ByteString) -> Bool
    let isOptionSet: (ByteString) -> Bool?

    init(_ words: [ByteString], isVariableSet: @escaping (ByteString) -> Bool, isOptionSet: @escaping (ByteString) -> Bool?) {
        self.words = words
        self.argv = words.map { $0.bytes }
        self.argc = words.count
        self.isVariableSet = isVariableSet
        self.isOptionSet = isOptionSet
    }

    // MARK: - Byte access

    @inline(__always) func ch(_ index: Int, _ offset: Int) -> UInt8 {
        guard index < argc else { return 0 }
        let w = argv[index]
        return offset < w.count ? w[offset] : 0
    }

    func isWord(_ index: Int, _ literal: ByteString) -> Bool {
        index < argc && argv[index].elementsEqual(literal)
    }

    func isBang(_ index: Int) -> Bool { isWord(index, "!") }
    func isEmpty(_ index: Int) -> Bool { index >= argc || argv[index].isEmpty }

    func isUnop(_ index: Int) -> Bool {
        index < argc && argv[index].count == 2 && argv[index][0] == UInt8(ascii: "-")
            && FileTest.unaryLetters.contains(argv[index][1])
    }

    func isBinop(_ index: Int) -> Bool {
        index < argc && FileTest.isBinaryOperator(argv[index])
    }

    func isAndOr(_ index: Int) -> Bool { isWord(index, "-a") || isWord(index, "-o") }

    // MARK: - Errors

    func syntaxError(_ message: String) -> TestSyntaxError { TestSyntaxError(message: message) }

    mutating func advance(_ check: Bool) throws {
        pos += 1
        if check && pos >= argc { throw syntaxError("argument expected") }
    }

    // MARK: - Driver

    mutating func run() throws -> Bool {
        let value = try posixTest()
        if pos != argc {
            if pos < argc && ch(pos, 0) == UInt8(ascii: "-") {
                throw syntaxError("syntax error: `\(words[pos])' unexpected")
            }
            throw syntaxError("too many arguments")
        }
        return value
    }

    mutating func posixTest() throws -> Bool {
        switch argc {
        case 0:
            pos = argc
            return false
        case 1:
            pos = argc
            return !argv[0].isEmpty
        case 2:
            let v = try twoArguments()
            pos = argc
            return v
        case 3:
            return try threeArguments()
        case 4:
            if isBang(pos) {
                try advance(true)
                return try !threeArguments()
            }
            if isWord(pos, "(") && isWord(argc - 1, ")") {
                try advance(true)
                let v = try twoArguments()
                pos = argc
                return v
            }
            return try expr()
        default:
            return try expr()
        }
    }

    mutating func twoArguments() throws -> Bool {
        if isBang(pos) { return isEmpty(pos + 1) }
        if ch(pos, 0) == UInt8(ascii: "-") && ch(pos, 1) != 0 && ch(pos, 2) == 0 {
            if isUnop(pos) { return try unaryOperator() }
        }
        throw syntaxError("\(words[pos]): unary operator expected")
    }

    mutating func threeArguments() throws -> Bool {
        let value: Bool
        if isBinop(pos + 1) {
            value = try binaryOperator()
            pos = argc
        } else if isAndOr(pos + 1) {
            let left = !isEmpty(pos), right = !isEmpty(pos + 2)
            value = ch(pos + 1, 1) == UInt8(ascii: "a") ? (left && right) : (left || right)
            pos = argc
        } else if isBang(pos) {
            try advance(true)
            value = try !twoArguments()
            pos = argc
        } else if ch(pos, 0) == UInt8(ascii: "(") && ch(pos + 2, 0) == UInt8(ascii: ")") {
            value = !isEmpty(pos + 1)
            pos = argc
        } else {
            throw syntaxError("\(words[pos + 1]): binary operator expected")
        }
        return value
    }

    // MARK: - Recursive descent

    mutating func expr() throws -> Bool {
        if pos >= argc { throw syntaxError("argument expected") }
        return try or()
    }

    mutating func or() throws -> Bool {
        let value = try and()
        if pos < argc && isWord(pos, "-o") {
            try advance(false)
            let v2 = try or()
            return value || v2
        }
        return value
    }

    mutating func and() throws -> Bool {
        let value = try term()
        if pos < argc && isWord(pos, "-a") {
            try advance(false)
            let v2 = try and()
            return value && v2
        }
        return value
    }

    mutating func term() throws -> Bool {
        if pos >= argc { throw syntaxError("argument expected") }
        if isBang(pos) {
            var negate = false
            while pos < argc && isBang(pos) {
                try advance(true)
                negate.toggle()
            }
            let v = try term()
            return negate ? !v : v
        }
        if isWord(pos, "(") {
            try advance(true)
            let value = try expr()
            if pos >= argc { throw syntaxError("`)' expected") }
            if !isWord(pos, ")") { throw syntaxError("`)' expected, found \(words[pos])") }
            try advance(false)
            return value
        }
        if pos + 3 <= argc && isBinop(pos + 1) {
            return try binaryOperator()
        }
        if pos + 2 <= argc && isUnop(pos) {
            return try unaryOperator()
        }
        let value = !argv[pos].isEmpty
        try advance(false)
        return value
    }

    // MARK: - Operators

    mutating func binaryOperator() throws -> Bool {
        let op = words[pos + 1]
        let lhs = words[pos], rhs = words[pos + 2]
        let value: Bool
        switch op {
        case "=", "==": value = argv[pos] == argv[pos + 2]
        case "!=": value = argv[pos] != argv[pos + 2]
        case "<": value = argv[pos].lexicographicallyPrecedes(argv[pos + 2])
        case ">": value = argv[pos + 2].lexicographicallyPrecedes(argv[pos])
        case "-nt", "-ot", "-ef": value = FileTest.binary(op, lhs, rhs) ?? false
        case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
            guard let l = FileTest.legalNumber(argv[pos]) else { throw syntaxError("\(lhs): integer expression expected") }
            guard let r = FileTest.legalNumber(argv[pos + 2]) else { throw syntaxError("\(rhs): integer expression expected") }
            switch op {
            case "-eq": value = l == r
            case "-ne": value = l != r
            case "-lt": value = l < r
            case "-le": value = l <= r
            case "-gt": value = l > r
            default: value = l >= r
            }
        default:
            throw syntaxError("\(op): binary operator expected")
        }
        pos += 3
        return value
    }

    mutating func unaryOperator() throws -> Bool {
        let op = words[pos]
        if ch(pos, 1) == UInt8(ascii: "t") {
            try advance(false)
            if pos < argc {
                if FileTest.legalNumber(argv[pos]) != nil {
                    try advance(false)
                    return unaryTest(op, words[pos - 1])
                }
                return false
            }
            return unaryTest(op, "1")
        }
        try advance(true)
        pos += 1
        return unaryTest(op, words[pos - 1])
    }

    func unaryTest(_ op: ByteString, _ operand: ByteString) -> Bool {
        switch op {
        case "-o": return isOptionSet(operand) == true
        case "-v": return isVariableSet(operand)
        case "-R": return false
        default: return FileTest.unary(op, operand) ?? false
        }
    }
}
