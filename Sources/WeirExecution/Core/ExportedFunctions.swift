import WeirSyntax
import WeirExpansion

/// Functions in the environment, the way bash passes them (bats and other bash programs
/// rely on it): `export -f name` puts `BASH_FUNC_name%%=() { body }` in the environment of
/// every program started after it, and a shell that finds such a variable at start-up
/// defines the function (only when the value is exactly one function definition, bash's
/// rule since Shellshock) and exports it on.
extension Shell {
    public func exportFunction(_ name: ByteString) { exportedFunctions.insert(name) }

    public func unexportFunction(_ name: ByteString) { exportedFunctions.remove(name) }

    public func isFunctionExported(_ name: ByteString) -> Bool { exportedFunctions.contains(name) }

    public var exportedFunctionNames: [ByteString] { exportedFunctions.filter { functions[$0] != nil }.sorted() }

    /// The environment for a program: the exported variables, then the exported functions.
    public func childEnvironment() -> [ByteString] {
        let variables = self.variables.exportedEnvironment()
        guard !exportedFunctions.isEmpty else { return variables }
        var env = variables
        for name in exportedFunctionNames {
            guard let f = functions[name], let text = f.source?.slice(Span(f.body.span.start, f.span.end)) else { continue }
            env.append("BASH_FUNC_" + name + "%%=() " + text)
        }
        return env
    }

    /// `BASH_FUNC_name%%` from the environment: true when it defined the function.
    func importFunction(variable: ByteString, value: ByteString) -> Bool {
        guard variable.hasPrefix("BASH_FUNC_"), variable.hasSuffix("%%") else { return false }
        let name = variable.slice(10..<(variable.count - 2))
        guard !name.isEmpty, value.hasPrefix("() {") || value.hasPrefix("() (") else { return false }
        let source = SourceFile(name: "environment", text: name + " " + value)
        let parser = Parser(source: source)
        guard let program = try? parser.parseProgram(), case .function(let f)? = program.onlyCommand,
              f.name == name else { return false }
        functions[name] = f
        functionTexts[name] = source.slice(f.span)
        functionSources[name] = "environment"
        functionLines[name] = 1
        exportedFunctions.insert(name)
        return true
    }
}
