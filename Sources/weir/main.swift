import Glibc
import WeirSyntax

// The executable stays thin: options, input, and wiring of the library targets.
let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let o): options = o
case .failure(let e):
    writeAll(e.status == 0 ? 1 : 2, e.message)
    exit(e.status)
}

let source: SourceFile
switch options.input {
case .string(let s):
    source = SourceFile(name: "-c", text: s)
case .file(let path):
    guard let bytes = readFile(path) else {
        let code = errno
        writeAll(2, "weir: \(path): \(errorMessage(code))\n")
        exit(code == ENOENT ? 127 : 126)
    }
    source = SourceFile(name: path, bytes: bytes)
case .standardInput:
    source = SourceFile(name: "stdin", bytes: readAll(fd: 0) ?? [])
}

let parser = Parser(source: source)
do {
    if options.printAST {
        writeAll(1, ASTPrinter.print(try parser.parseProgram()))
    } else {
        // Read command by command, as a running shell does, without keeping the tree.
        while try parser.parseNextCommand() != nil {}
    }
    if !options.parseOnly && !options.printAST {
        writeAll(2, "weir: running commands is not built yet; use -n to check syntax or --ast to see the tree\n")
        exit(2)
    }
    exit(0)
} catch let e as SyntaxError {
    writeAll(2, e.render(in: source))
    exit(2)
}
