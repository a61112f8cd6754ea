import Glibc
import CWeirSys
import WeirSyntax
import WeirExpansion

/// `$(echo …)`, `$(printf …)`, `$(pwd)`, `$(true)`, without a child: a command
/// substitution whose body is one of these builtins, with words whose expansion changes
/// nothing, runs in the shell with its stdout on an in-memory file (StdoutCapture). Nothing it
/// can do outlives it but its output and its status, so there is nothing to restore;
/// anything else (another command, an assignment, a redirection, `${x=…}`, `$((i++))`,
/// a nested substitution, `$RANDOM`, xtrace, a DEBUG trap) runs in a forked child as
/// before. An expansion error falls back to the child too, which reports it as a
/// subshell would. WEIR_FORK_SUBSTITUTIONS in the environment turns this off (for
/// differential tests).
extension Shell {
    /// The builtins a substitution may run in the shell: they change no shell state.
    static let inShellSubstitutionBuiltins: Set<ByteString> = ["echo", "printf", "pwd", "true", "false", ":"]

    /// The output of `body` run in the shell, or nil when it must run in a child.
    func runSubstitutionInShell(_ body: CommandList) throws -> ByteString? {
        guard !forkEverySubstitution, !options.xtrace, traps.debugTrap == nil,
              isSingleSimpleCommand(body), case .simple(let sc) = body.items[0].andOr.first.commands[0],
              sc.assignments.isEmpty, sc.redirections.isEmpty,
              let name = sc.words.first?.literalText, Shell.inShellSubstitutionBuiltins.contains(name),
              let builtin = builtins[name], builtin.special || functions[name] == nil,
              sc.words.allSatisfy(Shell.expandsWithoutEffects) else { return nil }
        let argv: [ByteString]
        do {
            argv = try expander.expandWords(sc.words)
        } catch {
            return nil
        }
        // `printf -v NAME` assigns.
        guard argv.first == name, !(name == "printf" && argv.count > 1 && argv[1].hasPrefix("-v")) else { return nil }
        var status: Int32 = 0
        BuiltinStdout.failure = 0
        guard let (_, captured) = try capturingStdout("command substitution", { () throws -> Void in
            do {
                status = try builtin.run(self, argv)
            } catch let e as ShellError {
                // As in the child: the builtin's error is reported and is its status.
                report(e)
                status = e.status
            }
        }) else { return nil }
        if BuiltinStdout.failure != 0 {
            error("\(name): write error: \(String(cString: strerror(BuiltinStdout.failure)))")
            BuiltinStdout.failure = 0
            if status == 0 { status = 1 }
        }
        environment.lastStatus = status
        return substitutionValue(captured)
    }

    /// A word whose expansion reads the shell's state and changes none of it: literals,
    /// quotes, tildes, and parameters read plainly or through the operators that only
    /// read (`${x:-y}`, `${x#p}`, `${x/p/r}`, `${#x}`, `${x^^}`…), with words of the same
    /// kind inside. Not `${x=y}`, `${x?}`, `${x:1}` or `$((…))` (arithmetic may assign),
    /// not substitutions, and not the parameters that differ in a subshell.
    static func expandsWithoutEffects(_ w: Word) -> Bool {
        w.parts.allSatisfy(partExpandsWithoutEffects)
    }

    static func partExpandsWithoutEffects(_ p: WordPart) -> Bool {
        switch p.kind {
        case .literal, .escaped, .singleQuoted, .ansiC, .tilde: return true
        case .doubleQuoted(let inner): return inner.allSatisfy(partExpandsWithoutEffects)
        case .parameter(let pe):
            if case .variable(let n) = pe.name, subshellParameters.contains(n) { return false }
            // `$-` loses i, m and s in a subshell.
            if case .special(let c) = pe.name, c == UInt8(ascii: "-") { return false }
            switch pe.index {
            case nil, .all?, .star?: break
            case .index?: return false  // an arithmetic index may assign
            }
            switch pe.op {
            case nil: return true
            case .test(let kind, _, let word)?:
                return (kind == .useDefault || kind == .useAlternative) && expandsWithoutEffects(word)
            case .removePrefix(_, let pattern)?, .removeSuffix(_, let pattern)?: return expandsWithoutEffects(pattern)
            case .replace(_, let pattern, let replacement)?:
                return expandsWithoutEffects(pattern) && (replacement.map(expandsWithoutEffects) ?? true)
            case .caseChange(_, _, let pattern)?, .caseToggle(_, let pattern)?:
                return pattern.map(expandsWithoutEffects) ?? true
            case .namesWithPrefix?: return true
            case .substring?, .transform?, .bad?: return false
            }
        case .commandSubstitution, .arithmetic, .processSubstitution, .extglob, .brace, .arrayLiteral: return false
        }
    }

    /// Parameters whose value in a subshell is not the shell's (or that change when read).
    static let subshellParameters: Set<ByteString> = ["RANDOM", "SRANDOM", "BASHPID", "BASH_SUBSHELL", "BASH_COMMAND", "_"]
}
