/// History expansion as bash does it at the prompt (`set -H`, on by default there, off in
/// scripts): `!!`, `!n`, `!-n`, `!string`, `!?string?`, `!#`, `^old^new^`, word designators
/// (`:0`, `:n`, `^`, `$`, `*`, `x-y`, `x*`, `x-`, `%`) and modifiers (`:h :t :r :e :p :q :x
/// :s/old/new/ :& :g :a :G`).
///
/// Pure: it sees the line and the history, and keeps only the state bash keeps between lines
/// (the last substitution and the last `!?string?`).
public struct HistoryExpansion {
    public enum Outcome: Equatable {
        /// No `!` event in the line.
        case unchanged
        /// The expanded line; with `printOnly` (`:p`) it is shown and kept, not run.
        case expanded([UInt8], printOnly: Bool)
        /// An error message such as `!x: event not found`; the line is not run.
        case failed(String)
    }

    /// `histchars`: expansion, quick substitution, comment.
    public var expansionCharacter = UInt8(ascii: "!")
    public var substitutionCharacter = UInt8(ascii: "^")
    public var commentCharacter = UInt8(ascii: "#")
    /// With extglob, `!(` is a pattern, not an event.
    public var extglob = true

    var lastOld: [UInt8]?
    var lastNew: [UInt8] = []
    var lastSearch: [UInt8]?

    public init() {}

    /// Takes `histchars` as bash reads it: up to three bytes, each optional.
    public mutating func setCharacters(_ chars: [UInt8]?) {
        let c = chars ?? Array("!^#".utf8)
        expansionCharacter = c.count > 0 ? c[0] : UInt8(ascii: "!")
        substitutionCharacter = c.count > 1 ? c[1] : UInt8(ascii: "^")
        commentCharacter = c.count > 2 ? c[2] : UInt8(ascii: "#")
    }

    struct Failure: Error { let message: String }

    /// Expands `line` against `history` (oldest first; `firstNumber` is the first entry's
    /// number, for `!n`).
    public mutating func expand(_ line: [UInt8], history: [[UInt8]], firstNumber: Int) -> Outcome {
        guard line.contains(expansionCharacter) || line.first == substitutionCharacter else { return .unchanged }
        do {
            var out: [UInt8] = []
            var printOnly = false
            var changed = false
            var i = 0
            if line.first == substitutionCharacter, line.count > 1 {
                // `^old^new^` is `!!:s^old^new^`.
                guard let previous = history.last else { throw Failure(message: "\(text(line)): event not found") }
                var m = 0
                let (result, _) = try applySubstitution(to: previous, line, at: &m, delimiterAt: 0, global: false, eachWord: false)
                out = result
                i = m
                changed = true
            }
            var inSingle = false, inDouble = false
            while i < line.count {
                let c = line[i]
                if c == UInt8(ascii: "\\") && !inSingle && i + 1 < line.count {
                    out.append(c); out.append(line[i + 1]); i += 2; continue
                }
                if c == UInt8(ascii: "'") && !inDouble { inSingle.toggle() }
                if c == UInt8(ascii: "\"") && !inSingle { inDouble.toggle() }
                if inSingle { out.append(c); i += 1; continue }
                if c == commentCharacter && !inDouble && (i == 0 || isBlank(line[i - 1])) {
                    out += line[i...]
                    break
                }
                guard c == expansionCharacter, !isLiteral(line, at: i, inDouble: inDouble) else {
                    out.append(c); i += 1; continue
                }
                let start = i
                var j = i + 1
                let event = try parseEvent(line, at: &j, soFar: out, history: history, firstNumber: firstNumber, inDouble: inDouble)
                var words = try selectWords(event, line, at: &j, from: start)
                try applyModifiers(&words, line, at: &j, printOnly: &printOnly)
                out += words
                changed = true
                i = j
            }
            return changed ? .expanded(out, printOnly: printOnly) : .unchanged
        } catch let f as Failure {
            return .failed(f.message)
        } catch {
            return .failed("history expansion failed")
        }
    }

    /// A `!` that starts no event: before a blank, `=`, the end, `(` under extglob, a
    /// closing `"`; or in `$!`, `${!name}`, `[!…]`.
    func isLiteral(_ line: [UInt8], at i: Int, inDouble: Bool) -> Bool {
        guard i + 1 < line.count else { return true }
        let next = line[i + 1]
        if isBlank(next) || next == 0x0A || next == 0x0D || next == UInt8(ascii: "=") { return true }
        if inDouble && next == UInt8(ascii: "\"") { return true }
        if extglob && next == UInt8(ascii: "(") && line[(i + 2)...].contains(UInt8(ascii: ")")) { return true }
        if i > 0 && line[i - 1] == UInt8(ascii: "$") { return true }
        if i > 1 && line[i - 1] == UInt8(ascii: "{") && line[i - 2] == UInt8(ascii: "$") { return true }
        if i > 0 && line[i - 1] == UInt8(ascii: "[") && line[(i + 1)...].contains(UInt8(ascii: "]")) { return true }
        return false
    }

    /// The event's line; `j` moves past its specification.
    mutating func parseEvent(_ line: [UInt8], at j: inout Int, soFar: [UInt8], history: [[UInt8]],
                             firstNumber: Int, inDouble: Bool) throws -> [UInt8] {
        let start = j - 1
        func notFound() -> Failure { Failure(message: "\(text(Array(line[start..<j]))): event not found") }
        let c = line[j]
        if c == expansionCharacter {
            j += 1
            guard let last = history.last else { throw notFound() }
            return last
        }
        // `!$`, `!^`, `!*`, `!%`, `!:…`: words of the previous command.
        if c == UInt8(ascii: "$") || c == UInt8(ascii: "^") || c == UInt8(ascii: "*") || c == UInt8(ascii: "%") || c == UInt8(ascii: ":") {
            guard let last = history.last else { j += 1; throw notFound() }
            return last
        }
        if c == UInt8(ascii: "#") {
            j += 1
            return soFar
        }
        if isDigit(c) || (c == UInt8(ascii: "-") && j + 1 < line.count && isDigit(line[j + 1])) {
            let negative = c == UInt8(ascii: "-")
            if negative { j += 1 }
            var n = 0
            var overflow = false
            while j < line.count, isDigit(line[j]) {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(line[j] - 0x30))
                overflow = overflow || o1 || o2
                n = s
                j += 1
            }
            guard !overflow else { throw notFound() }
            let index = negative ? history.count - n : n - firstNumber
            guard index >= 0, index < history.count, !(negative && n == 0) else { throw notFound() }
            return history[index]
        }
        if c == UInt8(ascii: "?") {
            j += 1
            var needle: [UInt8] = []
            while j < line.count, line[j] != UInt8(ascii: "?"), line[j] != 0x0A { needle.append(line[j]); j += 1 }
            if j < line.count, line[j] == UInt8(ascii: "?") { j += 1 }
            if needle.isEmpty, let s = lastSearch { needle = s }
            lastSearch = needle
            guard let found = history.last(where: { contains($0, needle) }) else { throw notFound() }
            return found
        }
        // `!string`: the latest command that starts with it.
        var prefix: [UInt8] = []
        while j < line.count {
            let b = line[j]
            if isBlank(b) || b == 0x0A || b == UInt8(ascii: ":") || b == UInt8(ascii: ";") || b == UInt8(ascii: "&")
                || b == UInt8(ascii: "|") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "<")
                || b == UInt8(ascii: ">") || (inDouble && b == UInt8(ascii: "\"")) { break }
            prefix.append(b)
            j += 1
        }
        guard let found = history.last(where: { $0.starts(with: prefix) }) else { throw notFound() }
        return found
    }

    /// The words a designator picks from the event (the whole line without one).
    func selectWords(_ event: [UInt8], _ line: [UInt8], at j: inout Int, from start: Int) throws -> [UInt8] {
        guard j < line.count else { return event }
        var k = j
        let c = line[k]
        if c == UInt8(ascii: ":") {
            guard k + 1 < line.count else { return event }
            let d = line[k + 1]
            guard isDigit(d) || d == UInt8(ascii: "^") || d == UInt8(ascii: "$") || d == UInt8(ascii: "*")
                    || d == UInt8(ascii: "-") || d == UInt8(ascii: "%") else { return event }
            k += 1
        } else if !(c == UInt8(ascii: "^") || c == UInt8(ascii: "$") || c == UInt8(ascii: "*") || c == UInt8(ascii: "%")
                    || (c == UInt8(ascii: "-") && line[start + 1] != UInt8(ascii: "-"))) {
            return event
        }
        let designatorStart = j
        let words = HistoryExpansion.words(of: event)
        let last = words.count - 1
        func bad() -> Failure {
            Failure(message: "\(text(Array(line[designatorStart..<min(k + 1, line.count)]))): bad word specifier")
        }
        func number() -> Int? {
            var n = 0
            var any = false
            while k < line.count, isDigit(line[k]) {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(line[k] - 0x30))
                if o1 || o2 { n = Int.max } else { n = s }
                any = true
                k += 1
            }
            return any ? n : nil
        }
        var from: Int, to: Int
        let d = line[k]
        if d == UInt8(ascii: "*") {
            k += 1
            j = k
            return words.count > 1 ? join(words[1...]) : []
        } else if d == UInt8(ascii: "^") {
            k += 1; from = 1
        } else if d == UInt8(ascii: "$") {
            k += 1; from = last
        } else if d == UInt8(ascii: "%") {
            k += 1
            guard let s = lastSearch, let w = words.first(where: { contains($0, s) }) else { j = k; throw bad() }
            j = k
            return w
        } else if d == UInt8(ascii: "-") {
            from = 0
        } else {
            from = number() ?? 0
        }
        to = from
        if k < line.count, line[k] == UInt8(ascii: "-") {
            k += 1
            if k < line.count, line[k] == UInt8(ascii: "$") { k += 1; to = last }
            else if k < line.count, line[k] == UInt8(ascii: "^") { k += 1; to = 1 }
            else if let n = number() { to = n }
            else { to = last - 1 }  // `x-`: all but the last
        } else if k < line.count, line[k] == UInt8(ascii: "*") {
            k += 1
            to = last
            j = k
            if from > last { return [] }
        }
        j = k
        guard from >= 0, from <= last, to <= last, to >= from - 1 else { throw bad() }
        return to < from ? [] : join(words[from...to])
    }

    /// Applies `:h`, `:t`, `:r`, `:e`, `:p`, `:q`, `:x`, `:s`, `:&`, with `g`/`a`/`G`.
    mutating func applyModifiers(_ words: inout [UInt8], _ line: [UInt8], at j: inout Int, printOnly: inout Bool) throws {
        while j + 1 < line.count, line[j] == UInt8(ascii: ":") {
            var k = j + 1
            var global = false, eachWord = false
            if line[k] == UInt8(ascii: "g") || line[k] == UInt8(ascii: "a") { global = true; k += 1 }
            else if line[k] == UInt8(ascii: "G") { eachWord = true; k += 1 }
            guard k < line.count else { throw Failure(message: ": unrecognized history modifier") }
            let m = line[k]
            switch m {
            case UInt8(ascii: "h"):
                if let slash = words.lastIndex(of: UInt8(ascii: "/")) { words = slash == 0 ? [UInt8(ascii: "/")] : Array(words[..<slash]) }
                j = k + 1
            case UInt8(ascii: "t"):
                if let slash = words.lastIndex(of: UInt8(ascii: "/")) { words = Array(words[(slash + 1)...]) }
                j = k + 1
            case UInt8(ascii: "r"):
                if let dot = suffixDot(words) { words = Array(words[..<dot]) }
                j = k + 1
            case UInt8(ascii: "e"):
                if let dot = suffixDot(words) { words = Array(words[dot...]) } else { words = [] }
                j = k + 1
            case UInt8(ascii: "p"):
                printOnly = true
                j = k + 1
            case UInt8(ascii: "q"):
                words = singleQuoted(words)
                j = k + 1
            case UInt8(ascii: "x"):
                words = join(HistoryExpansion.blankSeparated(words).map { singleQuoted($0) }[...])
                j = k + 1
            case UInt8(ascii: "s"), UInt8(ascii: "&"):
                var e = k
                if m == UInt8(ascii: "s") {
                    guard k + 1 < line.count else { throw Failure(message: "\(text(Array(line[j...]))): substitution failed") }
                    let (result, _) = try applySubstitution(to: words, line, at: &e, delimiterAt: k + 1, global: global, eachWord: eachWord, modifierStart: j)
                    words = result
                } else {
                    guard let old = lastOld else { throw Failure(message: "\(text(Array(line[j...k]))): no previous substitution") }
                    guard let r = substitute(words, old: old, new: lastNew, global: global, eachWord: eachWord) else {
                        throw Failure(message: "\(text(Array(line[j...k]))): substitution failed")
                    }
                    words = r
                    e = k + 1
                }
                j = e
            default:
                throw Failure(message: "\(text([m])): unrecognized history modifier")
            }
        }
    }

    /// `s/old/new/` with its delimiter at `d`; `m` ends after it. `&` in new stands for old;
    /// an empty old is the last one (or the last `!?string?`).
    mutating func applySubstitution(to words: [UInt8], _ line: [UInt8], at m: inout Int, delimiterAt d: Int,
                                    global: Bool, eachWord: Bool, modifierStart: Int? = nil) throws -> ([UInt8], Int) {
        let delimiter = line[d]
        var k = d + 1
        func field(_ isNew: Bool) -> [UInt8] {
            var f: [UInt8] = []
            while k < line.count, line[k] != delimiter, line[k] != 0x0A {
                if line[k] == UInt8(ascii: "\\"), k + 1 < line.count, line[k + 1] == delimiter || (isNew && line[k + 1] == UInt8(ascii: "&")) {
                    if isNew && line[k + 1] == UInt8(ascii: "&") { f.append(0) }  // a literal & (marked)
                    f.append(line[k + 1]); k += 2; continue
                }
                f.append(line[k]); k += 1
            }
            return f
        }
        var old = field(false)
        if k < line.count, line[k] == delimiter { k += 1 }
        var new = field(true)
        if k < line.count, line[k] == delimiter { k += 1 }
        if old.isEmpty { old = lastOld ?? lastSearch ?? [] }
        // `&` is the old text; `\&` (marked with a NUL) a literal one.
        var expandedNew: [UInt8] = []
        var x = 0
        while x < new.count {
            if new[x] == 0, x + 1 < new.count { expandedNew.append(new[x + 1]); x += 2; continue }
            if new[x] == UInt8(ascii: "&") { expandedNew += old } else { expandedNew.append(new[x]) }
            x += 1
        }
        new = expandedNew
        lastOld = old
        lastNew = new
        let spec = text(Array(line[(modifierStart ?? d)..<k]))
        m = k
        guard !old.isEmpty, let r = substitute(words, old: old, new: new, global: global, eachWord: eachWord) else {
            throw Failure(message: "\(modifierStart == nil ? ":s" : "")\(spec): substitution failed")
        }
        return (r, k)
    }

    /// Replaces the first (or every) occurrence; `eachWord` does it once in each word.
    func substitute(_ text: [UInt8], old: [UInt8], new: [UInt8], global: Bool, eachWord: Bool) -> [UInt8]? {
        if eachWord {
            var any = false
            let parts = HistoryExpansion.blankSeparated(text).map { w -> [UInt8] in
                if let r = substitute(w, old: old, new: new, global: false, eachWord: false) { any = true; return r }
                return w
            }
            return any ? join(parts[...]) : nil
        }
        var out: [UInt8] = []
        var i = 0
        var replaced = false
        while i < text.count {
            if (!replaced || global), i + old.count <= text.count, !old.isEmpty, text[i..<(i + old.count)].elementsEqual(old) {
                out += new
                i += old.count
                replaced = true
                continue
            }
            out.append(text[i])
            i += 1
        }
        return replaced ? out : nil
    }

    /// The words of a history line as bash counts them: blank-separated, quotes kept
    /// whole, and `|`, `;`, `&`, `<`, `>`, `(`, `)` (doubled or with `&`) words of their own.
    public static func words(of line: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var i = 0
        let n = line.count
        func isMeta(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "|") || b == UInt8(ascii: ";") || b == UInt8(ascii: "&") || b == UInt8(ascii: "<")
                || b == UInt8(ascii: ">") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
        }
        while i < n {
            if isBlank(line[i]) || line[i] == 0x0A { i += 1; continue }
            let start = i
            if isMeta(line[i]) {
                let a = line[i]
                i += 1
                if i < n {
                    let b = line[i]
                    if (b == a && a != UInt8(ascii: "(") && a != UInt8(ascii: ")"))
                        || (a == UInt8(ascii: ">") && (b == UInt8(ascii: "&") || b == UInt8(ascii: "|")))
                        || (a == UInt8(ascii: "<") && (b == UInt8(ascii: "&") || b == UInt8(ascii: ">")))
                        || (a == UInt8(ascii: "&") && b == UInt8(ascii: ">")) { i += 1 }
                }
                words.append(Array(line[start..<i]))
                continue
            }
            var quote: UInt8 = 0
            while i < n {
                let b = line[i]
                if quote != 0 {
                    if b == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") && i + 1 < n { i += 2; continue }
                    if b == quote { quote = 0 }
                    i += 1
                    continue
                }
                if b == UInt8(ascii: "\\") && i + 1 < n { i += 2; continue }
                if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "`") { quote = b; i += 1; continue }
                if isBlank(b) || b == 0x0A || isMeta(b) { break }
                i += 1
            }
            words.append(Array(line[start..<min(i, n)]))
        }
        return words
    }

    static func blankSeparated(_ text: [UInt8]) -> [[UInt8]] {
        text.split(whereSeparator: { isBlank($0) || $0 == 0x0A }).map { Array($0) }
    }

    /// The `.` that starts the suffix of the last path component, if any.
    func suffixDot(_ w: [UInt8]) -> Int? {
        guard let dot = w.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        if let slash = w.lastIndex(of: UInt8(ascii: "/")), slash > dot { return nil }
        return dot
    }

    func singleQuoted(_ w: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "'")]
        for b in w {
            if b == UInt8(ascii: "'") { out += Array("'\\''".utf8) } else { out.append(b) }
        }
        out.append(UInt8(ascii: "'"))
        return out
    }

    func join(_ words: ArraySlice<[UInt8]>) -> [UInt8] {
        var out: [UInt8] = []
        for (k, w) in words.enumerated() {
            if k > 0 { out.append(0x20) }
            out += w
        }
        return out
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

@inline(__always) private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
@inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
