import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// The letters `complete` and `compgen` take for actions.
let actionLetters: [(UInt8, CompletionAction)] = [
    (UInt8(ascii: "a"), .alias), (UInt8(ascii: "b"), .builtin), (UInt8(ascii: "c"), .command),
    (UInt8(ascii: "d"), .directory), (UInt8(ascii: "e"), .export), (UInt8(ascii: "f"), .file),
    (UInt8(ascii: "g"), .group), (UInt8(ascii: "j"), .job), (UInt8(ascii: "k"), .keyword),
    (UInt8(ascii: "s"), .service), (UInt8(ascii: "u"), .user), (UInt8(ascii: "v"), .variable),
]

/// What `complete`, `compgen` and `compopt` were asked.
struct CompletionArguments {
    var spec = CompletionSpec()
    var print = false, remove = false
    var defaultTarget = false, emptyTarget = false, initialTarget = false
    var optionsOff: Set<ByteString> = []
    var operands: [ByteString] = []
}

/// Parses the options the three builtins share; `allowed` is the letters this one takes.
func parseCompletionArguments(_ args: [ByteString], command: String, allowed: String) throws -> CompletionArguments {
    var r = CompletionArguments()
    var i = 1
    let usage: String
    switch command {
    case "compgen": usage = "compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]"
    case "compopt": usage = "compopt: usage: compopt [-o|+o option] [-DEI] [name ...]"
    default: usage = "complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]"
    }
    while i < args.count {
        let a = args[i]
        guard a.count > 1, a.hasPrefix("-") || (a.hasPrefix("+") && command == "compopt") else { break }
        if a == "--" { i += 1; break }
        let plus = a.hasPrefix("+")
        var k = 1
        while k < a.count {
            let ch = a[k]
            guard allowed.utf8.contains(ch) else {
                throw ShellError("\(command): \(plus ? "+" : "-")\(Character(UnicodeScalar(ch))): invalid option\n\(usage)", status: 2)
            }
            /// The option's argument: the rest of this word, or the next one.
            func value() throws -> ByteString {
                let rest = a.slice(from: k + 1)
                k = a.count
                if !rest.isEmpty { return rest }
                i += 1
                guard i < args.count else {
                    throw ShellError("\(command): -\(Character(UnicodeScalar(ch))): option requires an argument\n\(usage)", status: 2)
                }
                return args[i]
            }
            if let action = actionLetters.first(where: { $0.0 == ch })?.1 {
                if !r.spec.actions.contains(action) { r.spec.actions.append(action) }
                k += 1
                continue
            }
            switch ch {
            case UInt8(ascii: "p"): r.print = true
            case UInt8(ascii: "r"): r.remove = true
            case UInt8(ascii: "D"): r.defaultTarget = true
            case UInt8(ascii: "E"): r.emptyTarget = true
            case UInt8(ascii: "I"): r.initialTarget = true
            case UInt8(ascii: "o"):
                let o = try value()
                guard CompletionSpec.optionNames.contains(o) else { throw ShellError("\(command): \(o): invalid option name", status: 2) }
                if plus { r.optionsOff.insert(o) } else { r.spec.options.insert(o) }
                continue
            case UInt8(ascii: "A"):
                let name = try value()
                guard let action = CompletionAction(rawValue: String(decoding: name.bytes, as: UTF8.self)) else {
                    throw ShellError("\(command): \(name): invalid action name")
                }
                if !r.spec.actions.contains(action) { r.spec.actions.append(action) }
                continue
            case UInt8(ascii: "G"): r.spec.glob = try value(); continue
            case UInt8(ascii: "W"): r.spec.wordList = try value(); continue
            case UInt8(ascii: "F"): r.spec.function = try value(); continue
            case UInt8(ascii: "C"): r.spec.command = try value(); continue
            case UInt8(ascii: "X"): r.spec.filter = try value(); continue
            case UInt8(ascii: "P"): r.spec.prefix = try value(); continue
            case UInt8(ascii: "S"): r.spec.suffix = try value(); continue
            default:
                throw ShellError("\(command): -\(Character(UnicodeScalar(ch))): invalid option\n\(usage)", status: 2)
            }
            k += 1
        }
        i += 1
    }
    r.operands = Array(args[min(i, args.count)...])
    return r
}

/// `complete`: define, print (`-p`) or remove (`-r`) completion specifications.
func complete(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let r = try parseCompletionArguments(args, command: "complete", allowed: "abcdefgjksuvprDEIoAGWFCXPS")
    let noSpec = r.spec == CompletionSpec()
    let targets = r.defaultTarget || r.emptyTarget || r.initialTarget
    if r.remove {
        if r.operands.isEmpty && !targets { shell.completionSpecs.removeAll(); return 0 }
        if r.defaultTarget { shell.completionSpecs.defaultSpec = nil }
        if r.emptyTarget { shell.completionSpecs.emptySpec = nil }
        if r.initialTarget { shell.completionSpecs.initialSpec = nil }
        var status: Int32 = 0
        for n in r.operands {
            if shell.completionSpecs.byCommand[n] == nil {
                shell.error("complete: \(n): no completion specification")
                status = 1
            }
            shell.completionSpecs.remove(n)
        }
        return status
    }
    if r.print || (noSpec && !targets) {
        var out: [UInt8] = []
        var status: Int32 = 0
        if r.operands.isEmpty && !targets {
            for n in shell.completionSpecs.commandOrder { out += specLine(shell.completionSpecs.byCommand[n]!, target: n) }
            if let s = shell.completionSpecs.defaultSpec { out += specLine(s, target: "-D") }
            if let s = shell.completionSpecs.emptySpec { out += specLine(s, target: "-E") }
            if let s = shell.completionSpecs.initialSpec { out += specLine(s, target: "-I") }
        }
        if r.defaultTarget, let s = shell.completionSpecs.defaultSpec { out += specLine(s, target: "-D") }
        if r.emptyTarget, let s = shell.completionSpecs.emptySpec { out += specLine(s, target: "-E") }
        if r.initialTarget, let s = shell.completionSpecs.initialSpec { out += specLine(s, target: "-I") }
        for n in r.operands {
            if let s = shell.completionSpecs.byCommand[n] { out += specLine(s, target: n) } else {
                shell.error("complete: \(n): no completion specification")
                status = 1
            }
        }
        writeStdout(out)
        return status
    }
    if r.defaultTarget { shell.completionSpecs.defaultSpec = r.spec }
    if r.emptyTarget { shell.completionSpecs.emptySpec = r.spec }
    if r.initialTarget { shell.completionSpecs.initialSpec = r.spec }
    if r.operands.isEmpty && !targets {
        throw ShellError("complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]", status: 2)
    }
    for n in r.operands { shell.completionSpecs.set(r.spec, for: n) }
    return 0
}

/// A spec as the `complete` command that makes it (bash's order).
func specLine(_ s: CompletionSpec, target: ByteString) -> [UInt8] {
    var parts: [ByteString] = ["complete"]
    for o in CompletionSpec.optionNames where s.options.contains(o) { parts += ["-o", o] }
    for (letter, action) in actionLetters where s.actions.contains(action) { parts.append(ByteString([UInt8(ascii: "-"), letter])) }
    for action in CompletionAction.allCases where s.actions.contains(action) && !actionLetters.contains(where: { $0.1 == action }) {
        parts += ["-A", ByteString(action.rawValue)]
    }
    func quoted(_ v: ByteString) -> ByteString {
        var out: ByteString = "'"
        for b in v { if b == UInt8(ascii: "'") { out += "'\\''" } else { out.append(b) } }
        return out + "'"
    }
    if let g = s.glob { parts += ["-G", quoted(g)] }
    if let w = s.wordList { parts += ["-W", quoted(w)] }
    if let p = s.prefix { parts += ["-P", quoted(p)] }
    if let x = s.suffix { parts += ["-S", quoted(x)] }
    if let f = s.filter { parts += ["-X", quoted(f)] }
    if let c = s.command { parts += ["-C", quoted(c)] }
    if let f = s.function { parts += ["-F", f] }
    parts.append(target)
    return parts.joined(separator: " ").bytes + [0x0A]
}

/// `compgen [options] [word]`: the matches a spec would generate, one per line.
func compgen(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let r = try parseCompletionArguments(args, command: "compgen", allowed: "abcdefgjksuvoAGWFCXPS")
    let word = r.operands.first ?? ""
    if r.spec.function != nil || r.spec.command != nil {
        writeAll(2, "\(shell.programName): warning: compgen: -F option may not work as you expect\n")
    }
    // Inside a completion function the COMP_* variables are set; outside, a context
    // made from the word alone lets -F and -C still run.
    let context = CompletionContext(line: word, point: word.count, words: [word], wordIndex: 0, commandName: word)
    var matches = try shell.generateMatches(r.spec, word: word, context: context)
    if matches.isEmpty && r.spec.options.contains("dirnames") {
        matches = try shell.generateMatches({ var s = CompletionSpec(); s.actions = [.directory]; return s }(), word: word, context: nil)
    }
    guard !matches.isEmpty else { return 1 }
    var out: [UInt8] = []
    for m in matches { out += m.bytes + [0x0A] }
    writeStdout(out)
    return 0
}

/// `compopt [-o|+o OPTION] [-DEI] [NAME…]`: changes the options of the completion under
/// way (no name) or of the named specs.
func compopt(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let r = try parseCompletionArguments(args, command: "compopt", allowed: "oDEI")
    let on = r.spec.options, off = r.optionsOff
    func apply(_ s: inout CompletionSpec) {
        s.options.formUnion(on)
        s.options.subtract(off)
    }
    if r.operands.isEmpty && !(r.defaultTarget || r.emptyTarget || r.initialTarget) {
        guard var current = shell.currentCompletionOptions else {
            throw ShellError("compopt: not currently executing completion function")
        }
        current.formUnion(on)
        current.subtract(off)
        shell.currentCompletionOptions = current
        return 0
    }
    if r.defaultTarget, var s = shell.completionSpecs.defaultSpec { apply(&s); shell.completionSpecs.defaultSpec = s }
    if r.emptyTarget, var s = shell.completionSpecs.emptySpec { apply(&s); shell.completionSpecs.emptySpec = s }
    if r.initialTarget, var s = shell.completionSpecs.initialSpec { apply(&s); shell.completionSpecs.initialSpec = s }
    var status: Int32 = 0
    for n in r.operands {
        guard var s = shell.completionSpecs.byCommand[n] else {
            shell.error("compopt: \(n): no completion specification")
            status = 1
            continue
        }
        apply(&s)
        shell.completionSpecs.byCommand[n] = s
    }
    return status
}
