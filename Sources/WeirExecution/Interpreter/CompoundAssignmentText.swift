import WeirSyntax

extension Shell {
    /// The elements of a compound assignment given as text: `declare -a 'x=(1 $y)'` hands
    /// `declare` the value `(1 $y)`, which bash parses and expands again, as a typed
    /// `x=(1 $y)` would be. Nil when the text is not one `( … )` of elements.
    public func compoundAssignmentElements(_ value: ByteString) -> [ArrayElement]? {
        guard value.first == UInt8(ascii: "("), value.last == UInt8(ascii: ")") else { return nil }
        let parser = Parser(source: SourceFile(name: ByteString(programName), text: "x=" + value))
        guard let program = try? parser.parseProgram(), case .simple(let c)? = program.onlyCommand,
              c.words.isEmpty, c.redirections.isEmpty, c.assignments.count == 1,
              case .array(let elements) = c.assignments[0].value else { return nil }
        return elements
    }
}
