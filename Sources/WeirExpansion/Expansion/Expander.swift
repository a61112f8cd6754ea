import Glibc
import WeirSyntax

/// Word expansion in POSIX order: brace (bash), tilde, parameter, command and
/// arithmetic substitution, field splitting, pathname expansion, quote removal.
public struct Expander {
    public let environment: ShellEnvironment

    public init(environment: ShellEnvironment) {
        self.environment = environment
    }

    var variables: VariableStore { environment.variables }
    var options: ExpansionOptions { environment.options }

    // MARK: Entry points

    /// Command arguments: every step, a word becoming zero or more fields.
    public func expandWords(_ words: [Word]) throws -> [ByteString] {
        var out: [ByteString] = []
        out.reserveCapacity(words.count)
        for w in words { try expandWord(w, into: &out) }
        return out
    }

    public func expandWord(_ word: Word, into out: inout [ByteString]) throws {
        if word.isAssignment {
            out.append(try expandString(word))
            return
        }
        if word.parts.count == 1 {
            switch word.parts[0].kind {
            case .literal(let s) where word.cannotGlob || !mayGlob(s):
                // One plain literal with nothing to glob.
                out.append(s)
                return
            case .singleQuoted(let s):
                out.append(s)
                return
            case .parameter(let pe) where pe.isPlain:
                // `$x`: when the value has nothing to split or glob, it is the one field.
                if let v = plainValue(pe) {
                    if v.isEmpty { return }
                    if !needsSplitOrGlob(v) {
                        out.append(v)
                        return
                    }
                }
            case .doubleQuoted(let inner) where inner.count == 1:
                if case .parameter(let pe) = inner[0].kind, pe.isPlain, let v = plainValue(pe) {
                    out.append(v)
                    return
                }
            default:
                break
            }
        }
        if word.parts.contains(where: { if case .brace = $0.kind { return true }; return false }) {
            if !options.braceexpand {
                try expandFields(BraceExpander.literal(word.parts), into: &out)
                return
            }
            let braceFirst: Bool = { if case .brace = word.parts[0].kind { return true }; return false }()
            for parts in try BraceExpander.expand(word.parts) {
                try expandFields(braceFirst ? Expander.tildeAfterBraces(parts) : parts, into: &out)
            }
            return
        }
        try expandFields(word.parts, into: &out)
    }

    /// A word that brace expansion left starting with `~` (`{~,/tmp}/bar`): bash expands
    /// tildes after braces, so its tilde-prefix (up to the first slash) is one too. A
    /// prefix that runs into a quoted or expanded part is left alone, as when it is typed.
    static func tildeAfterBraces(_ parts: [WordPart]) -> [WordPart] {
        guard let first = parts.first, case .literal(let s) = first.kind, s.first == UInt8(ascii: "~") else { return parts }
        let slash = s.firstIndex(of: UInt8(ascii: "/"))
        if slash == nil && parts.count > 1 { return parts }
        let end = slash ?? s.count
        var out = [WordPart(.tilde(ByteString(s[1..<end])), first.span)]
        if end < s.count { out.append(WordPart(.literal(ByteString(s[end...])), first.span)) }
        out += parts.dropFirst()
        return out
    }

    /// The value of a plain `$name`/`${name}` that is set; nil when it is unset or the
    /// general path is needed.
    @inline(__always)
    func plainValue(_ pe: ParameterExpansion) -> ByteString? { plainValue(of: pe.name) }

    /// The value of the variable or positional parameter `name` when it is set.
    @inline(__always)
    func plainValue(of name: ParameterExpansion.Name) -> ByteString? {
        if case .variable(let n) = name { return variables.value(n) }
        if case .positional(let i) = name, i > 0 {
            return i <= environment.positional.count ? environment.positional[i - 1] : nil
        }
        return nil
    }

    /// `${x#p}`, `${x%%p}`, `${#x}` on a set scalar, computed without building a word;
    /// nil when the general path is needed.
    func scalarParameter(_ pe: ParameterExpansion) throws -> ByteString? {
        guard pe.index == nil, !pe.indirect else { return nil }
        guard let v = plainValue(of: pe.name) else { return nil }
        if pe.length { return pe.op == nil ? ByteString(Characters.count(v)) : nil }
        switch pe.op {
        case .removePrefix(let longest, let word)?:
            return try operatorPattern(pe, word).removeMatchingPrefix(from: v, longest: longest)
        case .removeSuffix(let longest, let word)?:
            return try operatorPattern(pe, word).removeMatchingSuffix(from: v, longest: longest)
        default:
            return nil
        }
    }

    /// The compiled pattern of `${x#p}`, `${x%p}` or `${x/p/r}`. One with no expansion in
    /// it (`.*`, `'a b'`) is kept in the tree, for as long as extglob and the locale's
    /// encoding are those it was compiled under; any other goes through `pattern(_:)`.
    func operatorPattern(_ pe: ParameterExpansion, _ word: Word) throws -> ShellPattern {
        let extglob = options.extglob
        let utf8 = ShellLocale.isUTF8
        if let m = pe.patternMemo {
            // Only the expander stores a memo, and it is always a PatternMemo.
            let memo = unsafeDowncast(m, to: PatternMemo.self)
            if let p = memo.pattern, memo.extglob == extglob, memo.utf8 == utf8 { return p }
            if memo.pattern == nil { return pattern(try expandPattern(word)) }
        }
        let p = pattern(try expandPattern(word))
        let fixed = word.staticText != nil
        pe.patternMemo = PatternMemo(pattern: fixed ? p : nil, extglob: extglob, utf8: utf8)
        return p
    }

    /// A compiled pattern, from the environment's small cache (loops use the same few).
    func pattern(_ text: ByteString) -> ShellPattern {
        let extglob = options.extglob
        let utf8 = ShellLocale.isUTF8
        if let p = environment.patternCache[text], environment.patternCacheExtglob == extglob,
           environment.patternCacheUTF8 == utf8 { return p }
        if environment.patternCacheExtglob != extglob || environment.patternCacheUTF8 != utf8
            || environment.patternCache.count >= 64 {
            environment.patternCache.removeAll(keepingCapacity: true)
            environment.patternCacheExtglob = extglob
            environment.patternCacheUTF8 = utf8
        }
        let p = ShellPattern(text, extglob: extglob)
        environment.patternCache[text] = p
        return p
    }

    /// True when a value would be split by IFS or could be a pattern.
    func needsSplitOrGlob(_ v: ByteString) -> Bool {
        let table = environment.splitOrGlobBytes
        return v.withUnsafeBufferPointer { buf in
            for b in buf where table[Int(b)] { return true }
            return false
        }
    }

    /// True when a literal could match files: `*`, `?`, or a `[` closed later by `]`.
    func mayGlob(_ s: ByteString) -> Bool {
        if options.noglob { return false }
        // Over the contiguous bytes: this is asked of every literal argument.
        return s.withUnsafeBufferPointer { buf in
            var open = false
            for b in buf {
                if b == UInt8(ascii: "*") || b == UInt8(ascii: "?") { return true }
                if b == UInt8(ascii: "[") { open = true } else if open && b == UInt8(ascii: "]") { return true }
            }
            return false
        }
    }

    func expandFields(_ parts: [WordPart], into out: inout [ByteString]) throws {
        var b = WordBuilder()
        try add(parts, to: &b, quoted: false)
        let fields = b.split(ifs: environment.ifs)
        for f in fields {
            if !options.noglob && f.mayGlob {
                let pattern = f.pattern
                let p = ShellPattern(pattern, extglob: options.extglob)
                if p.hasWildcards {
                    var g = GlobOptions()
                    g.dotglob = options.dotglob
                    g.globstar = options.globstar
                    g.nocaseglob = options.nocaseglob
                    g.extglob = options.extglob
                    g.skipDots = options.globskipdots
                    // GLOBIGNORE: its patterns take matches away, and it implies dotglob.
                    let ignore = environment.variables.value("GLOBIGNORE").flatMap { $0.isEmpty ? nil : $0 }
                    if ignore != nil { g.dotglob = true }
                    var matches = PathnameExpansion.expand(pattern, options: g)
                    if let ignore { matches = filterIgnored(matches, ignore) }
                    if !matches.isEmpty {
                        out.append(contentsOf: matches)
                        continue
                    }
                    if options.nullglob { continue }
                    if options.failglob { throw ShellError("no match: \(f.text)", kind: .discardsLine) }
                }
            }
            out.append(f.text)
        }
    }

    /// The matches GLOBIGNORE leaves: not `.` or `..` (as a last component), and not
    /// matching any of its colon-separated patterns (each matched against the whole path).
    func filterIgnored(_ matches: [ByteString], _ globignore: ByteString) -> [ByteString] {
        let patterns = Expander.colonSeparatedPatterns(globignore).map { ShellPattern($0, extglob: options.extglob) }
        return matches.filter { m in
            let last = m.split(separator: UInt8(ascii: "/")).last ?? m
            if last == "." || last == ".." { return false }
            return !patterns.contains { $0.matches(m) }
        }
    }

    /// The patterns of a colon-separated list (GLOBIGNORE): a colon inside a bracket
    /// expression (`[[:alnum:]]*`, or a `[` never closed) or after a backslash separates
    /// nothing, as in bash.
    static func colonSeparatedPatterns(_ list: ByteString) -> [ByteString] {
        let b = list.bytes
        var patterns: [ByteString] = []
        var start = 0, i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"):
                i += 2
                continue
            case UInt8(ascii: "["):
                // An unclosed bracket runs to the end, colons and all (bash).
                i = bracketExpressionEnd(b, from: i).map { $0 + 1 } ?? b.count
                continue
            case UInt8(ascii: ":"):
                if i > start { patterns.append(ByteString(b[start..<i])) }
                start = i + 1
            default:
                break
            }
            i += 1
        }
        if b.count > start { patterns.append(ByteString(b[start...])) }
        return patterns
    }

    /// The index of the `]` that closes the bracket expression opening at `open`: a `]`
    /// right after `[` or `[!` is a member, and `[:…:]`, `[=…=]`, `[.….]` are skipped.
    /// Nil when none closes it (the `[` is then an ordinary character).
    static func bracketExpressionEnd(_ b: [UInt8], from open: Int) -> Int? {
        var i = open + 1
        if i < b.count, b[i] == UInt8(ascii: "!") || b[i] == UInt8(ascii: "^") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1 }
        while i < b.count {
            if b[i] == UInt8(ascii: "["), i + 1 < b.count,
               b[i + 1] == UInt8(ascii: ":") || b[i + 1] == UInt8(ascii: "=") || b[i + 1] == UInt8(ascii: ".") {
                let kind = b[i + 1]
                var j = i + 2
                while j + 1 < b.count, !(b[j] == kind && b[j + 1] == UInt8(ascii: "]")) { j += 1 }
                if j + 1 < b.count { i = j + 2; continue }
            }
            if b[i] == UInt8(ascii: "]") { return i }
            i += 1
        }
        return nil
    }

    /// One string, without field splitting or pathname expansion: assignment values,
    /// the `case` word, `[[ ]]` operands, here-strings, redirection targets.
    public func expandString(_ word: Word) throws -> ByteString {
        if word.parts.count == 1 {
            switch word.parts[0].kind {
            case .literal(let s), .singleQuoted(let s), .escaped(let s), .ansiC(let s): return s
            case .arithmetic(let a): return ByteString(try evaluate(a))
            case .parameter(let pe) where pe.isPlain:
                if let v = plainValue(pe) { return v }
            case .parameter(let pe):
                if let v = try scalarParameter(pe) { return v }
            case .doubleQuoted(let inner) where inner.count == 1:
                if case .parameter(let pe) = inner[0].kind, pe.isPlain, let v = plainValue(pe) { return v }
            default: break
            }
        }
        var b = WordBuilder()
        try add(word.parts, to: &b, quoted: false, joinArrays: true)
        return ByteString(b.bytes)
    }

    /// Assignment values: like `expandString`, but `$@` joins with spaces (bash).
    public func expandAssignmentValue(_ word: Word) throws -> ByteString { try expandString(word) }

    /// A pattern (`case`, `[[ == ]]`, `${x#…}`): quoted characters escaped with `\`.
    public func expandPattern(_ word: Word) throws -> ByteString {
        if word.parts.count == 1, case .literal(let s) = word.parts[0].kind { return s }
        var b = WordBuilder()
        try add(word.parts, to: &b, quoted: false, joinArrays: true)
        return patternText(b.bytes[...], b.flags[...])
    }

    /// A regular expression for `=~`: quoted characters lose their special meaning.
    public func expandRegex(_ word: Word) throws -> ByteString {
        var b = WordBuilder()
        try add(word.parts, to: &b, quoted: false, joinArrays: true)
        var out: [UInt8] = []
        let bytes = b.bytes, flags = b.flags
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            let quoted = flags[i] & WordBuilder.quoted != 0
            if !quoted && c == UInt8(ascii: "[") {
                // A bracket expression: quoted characters go in without a backslash, which
                // is literal inside brackets in an ERE (bash: `[\]\[a-z]` is `[][a-z]`).
                out.append(c)
                i += 1
                if i < bytes.count && bytes[i] == UInt8(ascii: "^") { out.append(bytes[i]); i += 1 }
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") { out.append(bytes[i]); i += 1 }
                while i < bytes.count {
                    let d = bytes[i]
                    if d == UInt8(ascii: "["), i + 1 < bytes.count,
                       [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "=")].contains(bytes[i + 1]) {
                        // [:class:], [.coll.], [=equiv=] are copied whole.
                        let kind = bytes[i + 1]
                        out.append(d); out.append(kind)
                        i += 2
                        while i < bytes.count, !(bytes[i] == kind && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "]")) {
                            out.append(bytes[i]); i += 1
                        }
                        if i < bytes.count { out.append(bytes[i]); out.append(bytes[i + 1]); i += 2 }
                        continue
                    }
                    out.append(d)
                    i += 1
                    if d == UInt8(ascii: "]") { break }
                }
                continue
            }
            if quoted && regexSpecial(c) { out.append(UInt8(ascii: "\\")) }
            out.append(c)
            i += 1
        }
        return ByteString(out)
    }

    func regexSpecial(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
            return true
        default: return false
        }
    }

    /// A here-document body: expansions, no splitting, no globbing.
    public func expandHereDoc(_ word: Word) throws -> ByteString { try expandString(word) }

    // MARK: Parts

    /// Adds the expansion of `parts` to a word. `quoted`: inside double quotes.
    /// `operand`: the word of `${x:-word}` outside quotes, whose literal text is split too.
    /// `joinArrays`: `$@` and `${a[@]}` become one string (no field breaks).
    func add(_ parts: [WordPart], to b: inout WordBuilder, quoted: Bool, operand: Bool = false,
             joinArrays: Bool = false) throws {
        for (i, p) in parts.enumerated() {
            switch p.kind {
            case .literal(let s):
                b.add(s, quoted: quoted, splittable: operand && !quoted)
            case .escaped(let s), .singleQuoted(let s), .ansiC(let s):
                b.add(s, quoted: true)
            case .doubleQuoted(let inner):
                if inner.isEmpty { b.add("", quoted: true) }
                try add(inner, to: &b, quoted: true, joinArrays: joinArrays)
            case .parameter(let pe):
                try addParameter(pe, to: &b, quoted: quoted, joinArrays: joinArrays)
            case .commandSubstitution(let cs):
                let output = try commandSubstitution(cs)
                b.add(output, quoted: quoted, splittable: !quoted)
            case .arithmetic(let a):
                b.add(ByteString(try evaluate(a)), quoted: quoted, splittable: !quoted)
            case .processSubstitution(let ps):
                guard let runner = environment.substitutions else { throw ShellError("process substitution unavailable", kind: .expansion) }
                b.add(try runner.startProcessSubstitution(ps.body, isInput: ps.isInput), quoted: true)
            case .tilde(let user):
                // A tilde prefix expands only when the word goes on after it with `/`, `:` or nothing.
                if let home = tildeExpansion(user) {
                    b.add(home, quoted: true)
                } else {
                    b.add("~" + user, quoted: quoted)
                }
                _ = i
            case .extglob(let op, let patterns):
                var text = ByteString(byte: op) + "("
                for (k, w) in patterns.enumerated() {
                    if k > 0 { text += "|" }
                    text += try expandPattern(w)
                }
                text += ")"
                b.add(text, quoted: false)
            case .brace(let br):
                // Only reached where brace expansion does not apply: keep the text.
                b.add(braceText(br), quoted: quoted)
            case .arrayLiteral(let elements):
                // `declare a=(…)` arguments: kept as text for the builtin to parse again.
                var items: [ByteString] = []
                for e in elements {
                    if let key = e.key {
                        items.append("[" + shellQuote(try expandString(key)) + "]=" + shellQuote(try expandString(e.value)))
                    } else {
                        items += try expandWords([e.value]).map(shellQuote)
                    }
                }
                b.add("(" + items.joined(separator: " ") + ")", quoted: true)
            }
        }
    }

    func braceText(_ br: BraceExpansion) -> ByteString {
        switch br {
        case .alternatives(let ws):
            return "{" + ws.map { w in w.parts.map { p -> ByteString in
                if case .literal(let s) = p.kind { return s }
                return ""
            }.joined() }.joined(separator: ",") + "}"
        case .sequence(let a, let z, let step):
            return "{" + a + ".." + z + (step.map { ".." + $0 } ?? "") + "}"
        }
    }

    func commandSubstitution(_ cs: CommandSubstitution) throws -> ByteString {
        guard let runner = environment.substitutions else { throw ShellError("command substitution unavailable", kind: .expansion) }
        if cs.inShell {
            var out = try runner.runFunctionSubstitution(cs.body, reply: cs.valueOfReply)
            if !cs.valueOfReply { while out.last == 0x0A { out.removeLast() } }
            return out
        }
        var out = try runner.runCommandSubstitution(cs.body)
        while out.last == 0x0A { out.removeLast() }
        return out
    }

    public func evaluate(_ a: Arithmetic) throws -> Int64 {
        let evaluator = ArithmeticEvaluator(environment: environment)
        switch a.parsed {
        case .expression(let e):
            do {
                return try evaluator.evaluate(e)
            } catch let error as ShellError {
                throw error.naming(expression: sourceText(a.text))
            }
        case .invalid(let message, _):
            throw ShellError.arithmetic(message).naming(expression: sourceText(a.text))
        case .dynamic:
            let text = try expandString(a.text)
            switch ArithmeticParser.parse(text.bytes) {
            case .success(let e):
                do {
                    return try evaluator.evaluate(e)
                } catch let error as ShellError {
                    throw error.naming(expression: text)
                }
            case .failure(let f):
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) { return 0 }
                throw ShellError.arithmetic(f.message).naming(expression: text)
            }
        }
    }

    /// The literal text of an arithmetic word, for messages.
    func sourceText(_ w: Word) -> ByteString {
        w.parts.map { p -> ByteString in
            if case .literal(let s) = p.kind { return s }
            return ""
        }.joined().trimmingSpace()
    }

    func tildeExpansion(_ user: ByteString) -> ByteString? {
        if user.isEmpty {
            if let h = variables.value("HOME") { return h }
            return UserAccounts.withID(getuid())?.home
        }
        if user == "+" { return variables.value("PWD") }
        if user == "-" { return variables.value("OLDPWD") }
        return UserAccounts.named(user)?.home
    }
}

/// Quotes a string for reuse as shell input (`'…'`, with `'\''` for quotes).
public func shellQuote(_ s: ByteString) -> ByteString {
    if !s.isEmpty && s.allSatisfy({ b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || "_-./:=@%+,".utf8.contains(b)
    }) { return s }
    if let c = ansiCQuoteIfNeeded(s) { return c }
    return shellQuoteAlways(s)
}

extension Expander {
    /// A subscript that comes from a string (`x='a[$i]'; $((x))`, `unset 'a[$k]'`):
    /// bash expands `$…`, `$(…)`, quotes and backslashes in it before using it. Text
    /// without any of those is returned as it is.
    public func expandSubscriptText(_ text: ByteString) throws -> ByteString {
        guard text.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
                                          || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "\\") }) else { return text }
        // Read as the value of an assignment: one word, no field splitting.
        let parser = Parser(source: SourceFile(name: "subscript", bytes: ("x=" + text).bytes))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first, sc.words.isEmpty,
              let a = sc.assignments.first, sc.assignments.count == 1, case .scalar(let w) = a.value else { return text }
        return try expandAssignmentValue(w)
    }
}

/// What `operatorPattern` keeps in a `ParameterExpansion`: the compiled pattern (nil when
/// the pattern's text has expansions, and so may change) and the settings it was
/// compiled under.
final class PatternMemo {
    let pattern: ShellPattern?
    let extglob: Bool
    let utf8: Bool

    init(pattern: ShellPattern?, extglob: Bool, utf8: Bool) {
        self.pattern = pattern
        self.extglob = extglob
        self.utf8 = utf8
    }
}
