import Glibc
import WeirSyntax
import WeirExecution
import WeirExpansion
import WeirReadline

/// The shell's completions, offered to the line editor.
final class ShellCompletion: CompletionProvider {
    unowned let shell: Shell

    init(shell: Shell) { self.shell = shell }

    func completions(for word: [UInt8], line: [UInt8], wordStart: Int, point: Int) -> CompletionResult? {
        guard let r = shell.completionsWithOptions(for: ByteString(word), line: ByteString(line), wordStart: wordStart,
                                                   point: point) else { return nil }
        return CompletionResult(candidates: r.candidates.map { $0.bytes }, areFileNames: r.fileNames,
                                suppressAppend: r.noSpace, noQuote: r.noQuote)
    }
}

/// Where weir keeps history unless HISTFILE says otherwise:
/// `${XDG_STATE_HOME:-$HOME/.local/state}/weir/history`.
func defaultHistoryFile(_ shell: Shell) -> ByteString? {
    guard let home = shell.variables.value("HOME"), !home.isEmpty else { return nil }
    let state = shell.variables.value("XDG_STATE_HOME").flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
    return state + "/weir/history"
}

/// An interactive shell sets HISTFILE before its startup files run, as bash does (they
/// may change it; `weir -i -c` has it too).
func setHistoryFileVariable(_ shell: Shell) {
    guard shell.variables.value("HISTFILE") == nil, let file = defaultHistoryFile(shell) else { return }
    try? shell.variables.assign("HISTFILE", file)
}

/// The file history is kept in (nil: none, HISTFILE is empty or unset). Weir's own default
/// place gets its directories, made 0700.
func historyFile(_ shell: Shell) -> ByteString? {
    guard let file = shell.variables.value("HISTFILE"), !file.isEmpty else { return nil }
    if file == defaultHistoryFile(shell) {
        var path: ByteString = ""
        for part in file.split(separator: UInt8(ascii: "/")).dropLast() {
            path += "/" + part
            path.withCString { _ = mkdir($0, 0o700) }
        }
    }
    return file
}

/// Runs a startup file if it exists (`~/.weirrc`, `~/.profile`, `$ENV`).
func runStartupFile(_ shell: Shell, _ path: ByteString) {
    guard path.withCString({ access($0, R_OK) }) == 0, let bytes = readWholeFile(path) else { return }
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
    shell.becomeInteractive()
    // A default prompt that shows the directory.
    if shell.variables.value("PS1") == nil { try? shell.variables.assign("PS1", "\\w\\$ ") }
    let home = shell.variables.value("HOME") ?? ""
    setHistoryFileVariable(shell)
    // The editor comes first, so that `bind` works in the startup files (as in bash).
    let completion = ShellCompletion(shell: shell)
    let readlineEditor = isatty(0) != 0 ? ReadlineEditor(completion: completion) : nil
    let editor: LineEditor = readlineEditor ?? PlainLineEditor(fd: 0)
    readlineEditor?.runBoundCommand = { shell.runBoundCommand($0, line: $1, point: $2) }
    shell.interactiveInput = editor
    if options.login { runStartupFile(shell, home + "/.profile") }
    if let env = shell.variables.value("ENV"), !env.isEmpty {
        runStartupFile(shell, shell.expandPrompt(env))
    }
    if !options.noRC { runStartupFile(shell, options.rcFile ?? home + "/.weirrc") }
    if let readlineEditor {
        let size = Int(shell.variables.value("HISTSIZE") ?? "") ?? 500
        let fileSize = Int(shell.variables.value("HISTFILESIZE") ?? "") ?? 500
        readlineEditor.startHistory(file: historyFile(shell)?.bytes, size: size, fileSize: fileSize)
        if shell.options.vi { readlineEditor.setViMode(true) }
    }
    let status = withExtendedLifetime(completion) { shell.runInteractive(editor) }
    shell.releaseJobs()
    shell.finish(status)
}
