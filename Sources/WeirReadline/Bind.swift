import Glibc
import WeirExecution
@preconcurrency import CReadline

/// `bind` (readline key bindings and variables) and the bindings weir adds to readline:
/// `bind -x` shell commands and `edit-and-execute-command` (Ctrl-X Ctrl-E).

/// Runs a `bind -x` command: the line and the cursor go in as READLINE_LINE and
/// READLINE_POINT, and come back changed. Set by the executable.
nonisolated(unsafe) var boundCommandRunner: ((_ command: [UInt8], _ line: [UInt8], _ point: Int) -> (line: [UInt8], point: Int))?
/// `bind -x` commands by key sequence (as readline reports it while a key runs).
nonisolated(unsafe) var boundCommands: [[UInt8]: [UInt8]] = [:]
/// The editor of the running prompt, for edit-and-execute-command.
nonisolated(unsafe) weak var activeEditor: ReadlineEditor?

func runBoundKeyCommand(_ count: Int32, _ key: Int32) -> Int32 {
    guard let seq = rl_executing_keyseq, let runner = boundCommandRunner else { return 0 }
    let keys = Array(UnsafeRawBufferPointer(start: seq, count: Int(rl_key_sequence_length)))
    guard let command = boundCommands[keys] else { return 0 }
    let line = rl_line_buffer.map { bytes(ofCString: $0) } ?? []
    // As bash: the line is cleared, the command writes where it was, the prompt comes back.
    rl_clear_visible_line()
    fflush(rl_outstream)
    rl_deprep_terminal()
    let result = runner(command, line, Int(rl_point))
    rl_prep_terminal(0)
    let c = cStringCopy(result.line)
    rl_replace_line(c, 0)
    free(c)
    rl_point = Int32(clamping: min(max(0, result.point), result.line.count))
    rl_forced_update_display()
    return 0
}

/// Ctrl-X Ctrl-E (and `v` in vi command mode): the line goes into the history and is
/// edited with `fc`, which runs what the editor leaves (bash).
func editAndExecuteCommand(_ count: Int32, _ key: Int32) -> Int32 {
    let line = rl_line_buffer.map { bytes(ofCString: $0) } ?? []
    if !line.isEmpty { activeEditor?.addToHistory(line) }
    // readline's place in the history goes to the end again (the line being edited is
    // no longer the entry after the last), and the edits made so far are forgotten.
    using_history()
    // The line as typed stays on the screen, ended as by Enter; fc's text goes unseen.
    _ = rl_newline(1, key)
    let fc = cStringCopy(Array("fc -e \"${VISUAL:-${EDITOR:-vi}}\"".utf8))
    rl_replace_line(fc, 1)
    free(fc)
    rl_point = rl_end
    return 0
}

let bindUsage = "bind: usage: bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]"

/// Names readline knows a keymap by.
func keymap(named name: [UInt8]) -> Keymap? {
    let c = cStringCopy(name)
    defer { free(c) }
    return rl_get_keymap_by_name(c)
}

extension ReadlineEditor {
    /// Runs `bind -x` commands (the shell's part).
    public var runBoundCommand: ((_ command: [UInt8], _ line: [UInt8], _ point: Int) -> (line: [UInt8], point: Int))? {
        get { boundCommandRunner }
        set { boundCommandRunner = newValue }
    }

    /// Adds weir's own functions to readline and binds Ctrl-X Ctrl-E.
    func addWeirFunctions() {
        // readline keeps the name's pointer: it must outlive the call.
        rl_add_defun(strdup("edit-and-execute-command"), editAndExecuteCommand, -1)
        if let emacs = keymap(named: Array("emacs".utf8)) { rl_bind_keyseq_in_map("\\C-x\\C-e", editAndExecuteCommand, emacs) }
        if let vi = keymap(named: Array("vi-command".utf8)) { rl_bind_keyseq_in_map("v", editAndExecuteCommand, vi) }
    }

    public func bind(_ args: [[UInt8]]) -> BindResult {
        var result = BindResult()
        var map: Keymap? = nil
        var i = 0
        var operands: [[UInt8]] = []
        func value(_ k: inout Int, _ a: [UInt8], _ j: Int) -> [UInt8]? {
            if j + 1 < a.count { k = a.count; return Array(a[(j + 1)...]) }
            i += 1
            return i < args.count ? args[i] : nil
        }
        var actions: [(UInt8, [UInt8])] = []
        while i < args.count {
            let a = args[i]
            guard a.count > 1, a[0] == UInt8(ascii: "-") else { operands.append(a); i += 1; continue }
            if a == Array("--".utf8) { operands += args[(i + 1)...]; break }
            var j = 1
            while j < a.count {
                let ch = a[j]
                switch ch {
                case UInt8(ascii: "l"), UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "s"), UInt8(ascii: "S"),
                     UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "X"):
                    actions.append((ch, []))
                case UInt8(ascii: "m"), UInt8(ascii: "f"), UInt8(ascii: "q"), UInt8(ascii: "u"), UInt8(ascii: "r"), UInt8(ascii: "x"):
                    var k = j
                    guard let v = value(&k, a, j) else {
                        result.errors.append("bind: -\(Character(UnicodeScalar(ch))): option requires an argument" + "\n" + bindUsage)
                        result.status = 2
                        return result
                    }
                    if ch == UInt8(ascii: "m") {
                        guard let m = keymap(named: v) else {
                            result.errors.append("bind: `\(String(decoding: v, as: UTF8.self))': invalid keymap name")
                            result.status = 1
                            return result
                        }
                        map = m
                    } else {
                        actions.append((ch, v))
                    }
                    j = a.count
                    continue
                default:
                    result.errors.append("bind: -\(Character(UnicodeScalar(ch))): invalid option\n" + bindUsage)
                    result.status = 2
                    return result
                }
                j += 1
            }
            i += 1
        }
        let savedMap = rl_get_keymap()
        if let map { rl_set_keymap(map) }
        defer { rl_set_keymap(savedMap) }
        for (ch, v) in actions {
            let name = String(decoding: v, as: UTF8.self)
            switch ch {
            case UInt8(ascii: "l"):
                if let names = rl_funmap_names() {
                    var k = 0
                    while let n = names[k] { result.output += bytes(ofCString: n) + [0x0A]; k += 1 }
                }
            case UInt8(ascii: "p"), UInt8(ascii: "P"): dumping(&result) { rl_function_dumper(ch == UInt8(ascii: "p") ? 1 : 0) }
            case UInt8(ascii: "s"), UInt8(ascii: "S"): dumping(&result) { rl_macro_dumper(ch == UInt8(ascii: "s") ? 1 : 0) }
            case UInt8(ascii: "v"), UInt8(ascii: "V"): dumping(&result) { rl_variable_dumper(ch == UInt8(ascii: "v") ? 1 : 0) }
            case UInt8(ascii: "X"):
                for (keys, command) in boundCommands.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                    var quoted: [UInt8] = []
                    for b in command {
                        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { quoted.append(UInt8(ascii: "\\")) }
                        quoted.append(b)
                    }
                    result.output += Array("\"".utf8) + printableKeys(keys) + Array("\": \"".utf8) + quoted + Array("\"\n".utf8)
                }
            case UInt8(ascii: "f"):
                // The path as its bytes (a String would repair invalid UTF-8).
                let path = cStringCopy(v)
                defer { free(path) }
                if rl_read_init_file(path) != 0 {
                    result.errors.append("bind: \(name): cannot read: \(String(cString: strerror(errno)))")
                    result.status = 1
                }
            case UInt8(ascii: "q"):
                guard let f = rl_named_function(name) else {
                    result.errors.append("bind: `\(name)': unknown function name")
                    result.status = 1
                    continue
                }
                if let seqs = rl_invoking_keyseqs(f), seqs[0] != nil {
                    var list: [String] = []
                    var k = 0
                    while let s = seqs[k] { list.append("\"\(String(cString: s))\""); free(s); k += 1 }
                    free(seqs)
                    result.output += Array("\(name) can be invoked via \(list.joined(separator: ", ")).\n".utf8)
                } else {
                    result.output += Array("\(name) is not bound to any keys.\n".utf8)
                }
            case UInt8(ascii: "u"):
                guard let f = rl_named_function(name) else {
                    result.errors.append("bind: `\(name)': unknown function name")
                    result.status = 1
                    continue
                }
                rl_unbind_function_in_map(f, rl_get_keymap())
            case UInt8(ascii: "r"):
                let keys = cStringCopy(v)
                defer { free(keys) }
                rl_bind_keyseq(keys, nil)
            case UInt8(ascii: "x"):
                // keyseq:shell-command, the key sequence quoted or not.
                guard let colon = v.firstIndex(of: UInt8(ascii: ":")) else {
                    result.errors.append("bind: \(name): missing colon separator")
                    result.status = 1
                    continue
                }
                var keyText = Array(v[..<colon])
                var command = Array(v[(colon + 1)...])
                while command.first == 0x20 || command.first == 0x09 { command.removeFirst() }
                if keyText.first == UInt8(ascii: "\""), keyText.last == UInt8(ascii: "\""), keyText.count >= 2 { keyText = Array(keyText[1..<(keyText.count - 1)]) }
                if command.first == UInt8(ascii: "\""), command.last == UInt8(ascii: "\""), command.count >= 2 { command = Array(command[1..<(command.count - 1)]) }
                let ks = cStringCopy(keyText)
                var translated = [CChar](repeating: 0, count: keyText.count * 2 + 2)
                var length: Int32 = 0
                rl_translate_keyseq(ks, &translated, &length)
                free(ks)
                let keys = translated[..<Int(length)].map { UInt8(bitPattern: $0) }
                boundCommands[keys] = command
                let c = cStringCopy(keyText)
                rl_bind_keyseq(c, runBoundKeyCommand)
                free(c)
            default: break
            }
        }
        for line in operands {
            // A readline init-file line: "keyseq": function, or set variable value.
            // readline reports a bad line itself; bash's status stays 0.
            var c = line.map { CChar(bitPattern: $0) } + [0]
            _ = rl_parse_and_bind(&c)
        }
        return result
    }

    /// What readline's dumpers print (to its output stream), caught in memory.
    func dumping(_ result: inout BindResult, _ dump: () -> Void) {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return }
        let saved = rl_outstream
        rl_outstream = stream
        dump()
        rl_outstream = saved
        fclose(stream)
        if let buffer {
            result.output += UnsafeRawBufferPointer(start: buffer, count: size)
            free(buffer)
        }
    }

    func printableKeys(_ keys: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for k in keys {
            if k == 0x1B { out += Array("\\e".utf8) } else if k < 0x20 { out += Array("\\C-".utf8) + [k + 0x60] } else { out.append(k) }
        }
        return out
    }
}
