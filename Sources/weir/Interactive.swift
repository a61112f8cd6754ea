import Glibc
import WeirSyntax
import WeirExecution
import WeirExpansion
import WeirLineEditor

/// Connects the line editor to the shell: the editor reads lines, the shell completes.
final class EditorInput: InteractiveInput, CompletionProvider {
    var editor: LineEditor!
    unowned let shell: Shell

    init(shell: Shell) { self.shell = shell }

    func readLine(prompt: String) -> InteractiveLine {
        switch editor.readLine(prompt: prompt) {
        case .line(let l): return .line(l)
        case .endOfInput: return .endOfInput
        case .interrupted: return .interrupted
        }
    }

    func remember(_ command: String) { editor.addToHistory(command) }
    var historyEntries: (first: Int, entries: [String]) { editor.history }
    func clearHistory() { editor.clearHistory() }
    func deleteHistoryEntry(_ number: Int) -> Bool { editor.deleteHistoryEntry(number) }
    func setViMode(_ vi: Bool) { editor.setViMode(vi) }
    var screenSize: (rows: Int, columns: Int)? { editor.screenSize }

    func completions(for word: String, line: String, wordStart: Int) -> CompletionResult? {
        guard let r = shell.completions(for: word, line: line, wordStart: wordStart) else { return nil }
        return CompletionResult(candidates: r.candidates, areFileNames: r.fileNames)
    }
}

/// `${XDG_STATE_HOME:-$HOME/.local/state}/weir/history`, its directories made 0700.
func defaultHistoryFile(_ shell: Shell) -> String? {
    if let f = shell.variables.value("HISTFILE") { return f.isEmpty ? nil : f }
    guard let home = shell.variables.value("HOME"), !home.isEmpty else { return nil }
    let state = shell.variables.value("XDG_STATE_HOME").flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
    var path = ""
    for part in (state + "/weir").split(separator: "/") {
        path += "/" + part
        mkdir(path, 0o700)
    }
    let file = state + "/weir/history"
    try? shell.variables.assign("HISTFILE", file)
    return file
}

/// Runs a startup file if it exists (`~/.weirrc`, `~/.profile`, `$ENV`).
func runStartupFile(_ shell: Shell, _ path: String) {
    guard access(path, R_OK) == 0, let bytes = readWholeFile(path) else { return }
    do {
        _ = try shell.runSourced(SourceFile(name: path, bytes: scriptBytes(bytes)), arguments: nil)
    } catch let e as ShellExit {
        shell.releaseJobs()
        shell.finish(e.status)
    } catch {}
}

/// The interactive shell: job control, startup files, readline, the loop.
func runInteractiveShell(_ shell: Shell, _ options: Options) -> Never {
    shell.enableJobControl(terminal: 0)
    // A default prompt that shows the directory.
    if shell.variables.value("PS1") == nil { try? shell.variables.assign("PS1", "\\w\\$ ") }
    let home = shell.variables.value("HOME") ?? ""
    if options.login { runStartupFile(shell, home + "/.profile") }
    if let env = shell.variables.value("ENV"), !env.isEmpty {
        runStartupFile(shell, shell.expandPrompt(env))
    }
    if !options.noRC { runStartupFile(shell, options.rcFile ?? home + "/.weirrc") }

    let input = EditorInput(shell: shell)
    if isatty(0) != 0 {
        let size = Int(shell.variables.value("HISTSIZE") ?? "") ?? 500
        let fileSize = Int(shell.variables.value("HISTFILESIZE") ?? "") ?? 500
        input.editor = ReadlineEditor(historyFile: defaultHistoryFile(shell), historySize: size,
                                      historyFileSize: fileSize, completion: input)
        if shell.options.vi { input.editor.setViMode(true) }
    } else {
        input.editor = PlainLineEditor(fd: 0)
    }
    let status = shell.runInteractive(input)
    shell.releaseJobs()
    shell.finish(status)
}
