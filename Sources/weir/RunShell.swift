import Glibc
import WeirSyntax
import WeirTracing
import WeirExecution
import WeirExpansion
import WeirBuiltins

/// Everything `weir` does, from its arguments to its exit; run on the interpreter's stack.
func runShell() -> Never {
    let commandLine = Options.commandLineBytes()
    let options: Options
    switch Options.parse(Array(commandLine.dropFirst())) {
    case .success(let o): options = o
    case .failure(let e):
        writeText(e.status == 0 ? 1 : 2, e.message)
        exit(e.status)
    }

    let shell = Shell()
    if options.printAST {
        // Parse only, and print the tree.
        let source: SourceFile
        switch options.input {
        case .string(let s): source = SourceFile(name: "-c", text: s)
        case .file(var path):
            // A name without a slash that is not in the current directory is looked for in
            // PATH (bash: `bash bats -v` runs the bats on PATH).
            if !path.contains(UInt8(ascii: "/")), path.withCString({ access($0, F_OK) }) != 0,
               let found = shell.searchPathReadable(path) {
                path = found
            }
            guard let bytes = readWholeFile(path) else {
                let code = errno
                writeAll(2, "weir: \(path): \(String(cString: strerror(code)))\n")
                exit(code == ENOENT ? 127 : 126)
            }
            source = SourceFile(name: path, bytes: bytes)
        case .standardInput:
            source = SourceFile(name: "stdin", bytes: readWholeFile("/dev/stdin") ?? [])
        }
        do {
            writeText(1, ASTPrinter.print(try Parser(source: source).parseProgram()))
            exit(0)
        } catch let e as SyntaxError {
            writeText(2, e.render(in: source))
            exit(2)
        } catch {
            writeText(2, "weir: \(error)\n")
            exit(2)
        }
    }

    // Run under the name `bash` (a link, as test runners make), weir words its messages as
    // bash does; under any other name they are weir's.
    let invokedAs = commandLine.first?.split(separator: UInt8(ascii: "/")).last
    if let invokedAs { shell.shellName = invokedAs }
    if let zero = commandLine.first, invokedAs == "bash" {
        shell.programName = String(decoding: zero.bytes, as: UTF8.self)
        shell.messageDialect = .bash
    }
    BuiltinTable.install(into: shell)
    shell.watchChildren()
    shell.importEnvironment()
    if shell.messageDialect == .bash, let zero = commandLine.first { shell.takeBashIdentity(invokedAs: zero) }
    // `-l`, or `-weir` from login(1) and sshd.
    shell.isLoginShell = options.login || (commandLine.first ?? "").hasPrefix("-")
    for (name, on) in options.settings where !shell.setOption(named: name, on) {
        writeAll(2, "weir: \(name): invalid option name\n")
        exit(2)
    }
    for (name, on) in options.shopts where !shell.setShopt(name, on) {
        writeAll(2, "weir: \(name): invalid shell option name\n")
        exit(2)
    }
    shell.environment.scriptName = options.name ?? commandLine.first ?? "weir"
    shell.environment.positional = options.arguments
    // SIGPIPE stays as the shell found it: at its default, a write to a closed pipe ends
    // weir as it ends any program (`weir -c 'while :; do echo y; done' | head -1` ends).
    if options.profile { shell.startProfile(output: options.profileFile) }
    if options.trace {
        var t = TraceOptions()
        if let f = options.traceJSONFile { t.json = true; t.outputFile = f }
        t.chromeFile = options.traceChromeFile
        t.otlpFile = options.traceOTLPFile
        t.live = .off
        shell.startScriptTrace(t)
        shell.options.trace = true
    }

    // Interactive: -i, or commands from a terminal on stdin with stderr a terminal too.
    let readsStandardInput: Bool = { if case .standardInput = options.input { return true }; return false }()
    if options.interactive && !readsStandardInput {
        // `weir -i -c …`: the command runs as an interactive shell would run it.
        shell.becomeInteractive()
        shell.enableJobControl(terminal: 0)
        setHistoryFileVariable(shell)
    } else if options.interactive || (readsStandardInput && isatty(0) != 0 && isatty(2) != 0) {
        if shell.isLoginShell {
            var o = options
            o.login = true
            runInteractiveShell(shell, o)
        }
        runInteractiveShell(shell, options)
    }
    // A login shell that runs a script or `-c` reads ~/.profile first too, as bash and
    // dash do (`weir -lc CMD` runs CMD in the login environment).
    if shell.isLoginShell, let home = shell.variables.value("HOME") { runStartupFile(shell, home + "/.profile") }

    var status: Int32 = 0
    do {
        switch options.input {
        case .string(let s):
            shell.commandStringGiven = true
            status = try shell.runSource(SourceFile(name: "-c", text: s), syntaxErrorExits: true)
        case .file(var path):
            // A name without a slash that is not in the current directory is looked for in
            // PATH (bash: `bash bats -v` runs the bats on PATH).
            if !path.contains(UInt8(ascii: "/")), path.withCString({ access($0, F_OK) }) != 0,
               let found = shell.searchPathReadable(path) {
                path = found
            }
            guard let bytes = readWholeFile(path) else {
                let code = errno
                shell.error("\(path): \(String(cString: strerror(code)))")
                exit(code == ENOENT ? 127 : 126)
            }
            shell.scriptFile = path
            status = try shell.runSource(SourceFile(name: path, bytes: scriptBytes(bytes)), syntaxErrorExits: true)
        case .standardInput:
            status = try shell.runStandardInput()
        }
    } catch let e as ShellExit {
        status = e.status
    } catch ControlFlow.returnFromFunction(let s) {
        status = s
    } catch ControlFlow.breakLoop, ControlFlow.continueLoop {
        status = shell.environment.lastStatus
    } catch let e as ShellError {
        shell.report(e)
        status = e.status
    } catch {
        status = shell.environment.lastStatus
    }
    shell.finish(status)
}
