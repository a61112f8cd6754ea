import WeirSyntax
@testable import WeirBuiltins
@testable import WeirExpansion

// The cases are written as Swift strings; these adapters pass their UTF-8 bytes to the
// byte-string API.

extension Echo {
    static func run(_ arguments: [String]) -> BuiltinOutput { run(arguments.map { ByteString($0) }) }
}

extension Printf {
    static func format(_ format: String, _ arguments: [String]) -> BuiltinOutput {
        self.format(ByteString(format), arguments.map { ByteString($0) })
    }
}

extension TestCommand {
    static func evaluate(_ arguments: [String], isBracket: Bool, isVariableSet: (String) -> Bool,
                         isOptionSet: (String) -> Bool?) -> BuiltinOutput {
        evaluate(arguments.map { ByteString($0) }, isBracket: isBracket,
                 isVariableSet: { isVariableSet($0.description) }, isOptionSet: { isOptionSet($0.description) })
    }
}

extension FileTest {
    static func unary(_ op: String, _ operand: String) -> Bool? { unary(ByteString(op), ByteString(operand)) }
    static func binary(_ op: String, _ lhs: String, _ rhs: String) -> Bool? {
        binary(ByteString(op), ByteString(lhs), ByteString(rhs))
    }
}

extension ShellQuoting {
    static func quote(_ s: String) -> String { quote(ByteString(s)).description }
}
