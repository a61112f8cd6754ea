import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// The interactive loop: prompt, read (with PS2 while the input is incomplete), run,
    /// report finished jobs, again. Returns the exit status.
    public func runInteractive(_ input: LineEditor) -> Int32 {
        becomeInteractive()
        interactiveInput = input
        historySessionStart = input.history.first + input.history.entries.count
        var warnedAboutStoppedJobs = false
        var endsOfInput = 0
        while true {
            terminal.holdForPrompt()
            reportFinishedJobs()
            if traps.hasPending { try? runPendingTraps() }
            noteScreenSize(input)
            runPromptCommand()
            let ps1 = variables.value("PS1") ?? "\\w\\$ "
            var text: ByteString
            let read = input.readLine(prompt: expandPrompt(ps1).bytes)
            if case .endOfInput = read {} else { endsOfInput = 0 }
            switch read {
            case .endOfInput:
                if jobs.jobs.contains(where: { $0.isStopped }) && !warnedAboutStoppedJobs {
                    writeAll(2, "There are stopped jobs.\n")
                    warnedAboutStoppedJobs = true
                    continue
                }
                // IGNOREEOF (or `set -o ignoreeof`, 10): that many Ctrl-D in a row are refused.
                endsOfInput += 1
                if endsOfInput <= endsOfInputIgnored {
                    writeAll(2, "Use \"exit\" to leave the shell.\n")
                    continue
                }
                writeAll(2, farewell)
                return environment.lastStatus
            case .interrupted:
                // Ctrl-C at the prompt: status 130, and the INT trap runs (bash).
                environment.lastStatus = 130
                if case .command(let action)? = traps.action(for: SIGINT) {
                    do {
                        _ = try runTrapAction(action, status: 130)
                    } catch let e as ShellExit {
                        return e.status
                    } catch {}
                    environment.lastStatus = 130
                }
                continue
            case .line(let l):
                noteScreenSize(input)  // the window may have changed while typing
                guard let expanded = expandHistory(l) else { continue }
                text = ByteString(expanded)
            }
            // Read more while the parser says the input is incomplete.
            var program: Program?
            var source = SourceFile(name: "stdin", text: text + "\n")
            var entry = HistoryEntry(firstLine: text)
            while true {
                source = SourceFile(name: "stdin", text: text + "\n")
                program = nil
                do {
                    let parser = Parser(source: source, aliases: self)
                    program = try parser.parseProgram()
                    // `echo a\` then Enter: the command goes on in the next line (and
                    // is run as it stands if the input ends there, as bash reads a script).
                    if parser.endedInContinuation {
                        throw SyntaxError("the line continues", at: source.bytes.count, incomplete: true)
                    }
                    break
                } catch let e as SyntaxError where e.incomplete {
                    let ps2 = variables.value("PS2") ?? "> "
                    switch input.readLine(prompt: expandPrompt(ps2).bytes) {
                    case .line(let more):
                        guard let expanded = expandHistory(more) else { program = nil; break }
                        entry.add(ByteString(expanded), after: e, aliases: self)
                        text += "\n" + ByteString(expanded)
                        continue
                    case .interrupted:
                        program = nil
                        environment.lastStatus = 130
                    case .endOfInput:
                        if program != nil { break }
                        writeText(2, e.render(in: source, program: programName, dialect: messageDialect))
                        environment.lastStatus = 2
                    }
                    break
                } catch let e as SyntaxError {
                    writeText(2, e.render(in: source, program: programName, dialect: messageDialect))
                    environment.lastStatus = 2
                    rememberInHistory(entry, parsed: false)
                    program = nil
                    break
                } catch {
                    program = nil
                    break
                }
            }
            guard let program else { continue }
            rememberInHistory(entry, parsed: true)
            if !program.commands.isEmpty { showPS0() }
            let savedSource = currentSource
            currentSource = source
            defer { currentSource = savedSource }
            do {
                for list in program.commands {
                    if options.verbose { writeAll(2, source.slice(list.span) + "\n") }
                    try runCommandLine(list)
                }
                // A warning about stopped jobs holds only for the very next exit.
                warnedAboutStoppedJobs = false
            } catch let e as ShellExit {
                if jobs.jobs.contains(where: { $0.isStopped }) && !warnedAboutStoppedJobs && !exitConfirmed {
                    writeAll(2, "There are stopped jobs.\n")
                    warnedAboutStoppedJobs = true
                    continue
                }
                return e.status
            } catch {
                continue
            }
        }
    }

    /// How many Ctrl-D in a row the prompt refuses: IGNOREEOF's number (10 when it is set
    /// but not a number), 10 under `set -o ignoreeof`, else none.
    var endsOfInputIgnored: Int {
        if let v = variables.value("IGNOREEOF") {
            return Int(String(decoding: v.bytes, as: UTF8.self)).map { max(0, $0) } ?? 10
        }
        return options.ignoreeof ? 10 : 0
    }

    /// PROMPT_COMMAND before each prompt: its value, or each element of the array, run as
    /// commands; `$?` is kept for the next command line.
    func runPromptCommand() {
        guard let value = variables.variable("PROMPT_COMMAND")?.value else { return }
        let commands: [ByteString]
        switch value {
        case .string(let s): commands = [s]
        case .indexed(let a): commands = a.values
        case .associative(let a): commands = a.values
        }
        let status = environment.lastStatus
        defer { environment.lastStatus = status }
        for c in commands where !c.isEmpty {
            do {
                _ = try runSource(SourceFile(name: "PROMPT_COMMAND", text: c), syntaxErrorExits: false)
            } catch {
                continue
            }
        }
    }

    /// COLUMNS and LINES follow the terminal's size.
    func noteScreenSize(_ input: LineEditor) {
        guard let size = input.screenSize else { return }
        try? variables.assign("LINES", ByteString(size.rows))
        try? variables.assign("COLUMNS", ByteString(size.columns))
    }

    /// `!` history expansion of a line typed at the prompt (`set -H`). The expanded line is
    /// shown on stderr, as bash shows it. nil when the expansion failed (the message is
    /// shown, the line is dropped) or was only to be shown (`:p`, which keeps it in the
    /// history).
    func expandHistory(_ line: [UInt8]) -> [UInt8]? {
        guard options.histexpand, let input = interactiveInput else { return line }
        historyExpansion.extglob = environment.options.extglob
        historyExpansion.setCharacters(variables.value("histchars")?.bytes)
        let history = input.history
        switch historyExpansion.expand(line, history: history.entries, firstNumber: history.first) {
        case .unchanged:
            return line
        case .failed(let message):
            error(message)
            // histreedit: the line comes back to be corrected.
            if shoptValue("histreedit") == true { input.setNextLineText(line) }
            return nil
        case .expanded(let expanded, let printOnly):
            if printOnly {
                writeAll(2, expanded + [0x0A])
                rememberInHistory(ByteString(expanded))
                return nil
            }
            // histverify: the expanded line comes back to be edited before it runs.
            if shoptValue("histverify") == true {
                input.setNextLineText(expanded)
                return nil
            }
            writeAll(2, expanded + [0x0A])
            return expanded
        }
    }

    /// `history -p`: the text with its `!` events expanded against the history.
    public func historyExpanded(_ text: [UInt8]) -> HistoryExpansion.Outcome {
        guard let input = interactiveInput else { return .unchanged }
        historyExpansion.extglob = environment.options.extglob
        historyExpansion.setCharacters(variables.value("histchars")?.bytes)
        let history = input.history
        return historyExpansion.expand(text, history: history.entries, firstNumber: history.first)
    }

    /// PS0, expanded as a prompt, on standard error after a command is read and before it
    /// runs (bash 4.4): `PS0='\t\n'` stamps each command with its start. As in bash, the
    /// markers of `\[ \]` are written too (a terminal shows nothing for them).
    func showPS0() {
        guard let ps0 = variables.value("PS0"), !ps0.isEmpty else { return }
        let text = expandPrompt(ps0)
        if !text.isEmpty { _ = writeAll(2, text) }
    }

    /// Adds the lines of one command to the history: as one entry joined as bash joins
    /// them (`cmdhist`, the default), joined with newlines (`lithist`), or one entry per
    /// line (`shopt -u cmdhist`).
    func rememberInHistory(_ entry: HistoryEntry, parsed: Bool) {
        if shoptValue("cmdhist") == false {
            for line in entry.lines { rememberInHistory(line) }
        } else if shoptValue("lithist") == true {
            rememberInHistory(entry.literalText)
        } else {
            rememberInHistory(parsed ? entry.text(aliases: self) : entry.joinedText)
        }
    }

    /// Adds a command to the history, as HISTCONTROL says (ignorespace, ignoredups,
    /// ignoreboth), unless `set +o history`.
    func rememberInHistory(_ text: ByteString) {
        guard options.history, let input = interactiveInput, !text.trimming({ $0 == 0x20 || $0 == 0x09 }).isEmpty else { return }
        let control = (variables.value("HISTCONTROL") ?? "").split(separator: UInt8(ascii: ":"))
        let ignoreSpace = control.contains("ignorespace") || control.contains("ignoreboth")
        let ignoreDups = control.contains("ignoredups") || control.contains("ignoreboth")
        if ignoreSpace && (text.hasPrefix(" ") || text.hasPrefix("\t")) { return }
        if ignoreDups && input.history.entries.last == text.bytes { return }
        if control.contains("erasedups") {
            let h = input.history
            for (k, e) in h.entries.enumerated().reversed() where e == text.bytes { _ = input.deleteHistoryEntry(h.first + k) }
        }
        // HISTIGNORE: colon-separated patterns matched against the whole line; `&` is the
        // previous entry.
        if let ignore = variables.value("HISTIGNORE"), !ignore.isEmpty {
            for pattern in ignore.split(separator: UInt8(ascii: ":")) {
                if pattern == "&" {
                    if input.history.entries.last == text.bytes { return }
                } else if ShellPattern(pattern, extglob: environment.options.extglob).matches(text) {
                    return
                }
            }
        }
        input.addToHistory(text.bytes)
    }
}
