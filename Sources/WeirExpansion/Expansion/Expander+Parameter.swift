import WeirSyntax

/// A parameter's value before its operator: unset, one string, or a list (`$@`, `$*`,
/// `${a[@]}`, `${a[*]}`) that may become several fields.
enum ParameterValue {
    case unset
    case scalar(ByteString)
    case list([ByteString], star: Bool)

    /// A list (`$@`, `${a[@]}`) with no elements counts as unset.
    var isSet: Bool {
        switch self {
        case .unset: return false
        case .scalar: return true
        case .list(let l, _): return !l.isEmpty
        }
    }

    /// Null for the `:` forms: unset, empty, or a list that joins to nothing. `$*` joins
    /// with IFS's first character only where it becomes one string (`"$*"`, an assignment,
    /// a case word); where it is split, two empty elements are not null even with IFS
    /// empty (bash and dash).
    func isNull(ifs: ByteString, joined: Bool) -> Bool {
        switch self {
        case .unset: return true
        case .scalar(let s): return s.isEmpty
        case .list(let l, let star):
            if l.isEmpty { return true }
            let sep = star && joined ? Characters.first(ifs) : " "
            return l.joined(separator: sep).isEmpty
        }
    }

    func map(_ f: (ByteString) throws -> ByteString) rethrows -> ParameterValue {
        switch self {
        case .unset: return .unset
        case .scalar(let s): return .scalar(try f(s))
        case .list(let l, let star): return .list(try l.map(f), star: star)
        }
    }
}

extension Expander {
    /// The name as written, for messages: `x`, `1`, `@`, `a[2]`.
    func displayName(_ pe: ParameterExpansion) -> String {
        switch pe.name {
        case .variable(let n):
            switch pe.index {
            case .all?: return "\(n)[@]"
            case .star?: return "\(n)[*]"
            case .index(let w)?: return "\(n)[\(sourceText(w))]"
            case nil: return n.description
            }
        case .positional(let i): return String(i)
        case .special(let c): return String(UnicodeScalar(c))
        }
    }

    /// The value of the parameter itself (before any operator).
    func baseValue(_ pe: ParameterExpansion) throws -> ParameterValue {
        switch pe.name {
        case .positional(let i):
            if i == 0 { return .scalar(environment.scriptName) }
            return i <= environment.positional.count ? .scalar(environment.positional[i - 1]) : .unset
        case .special(let c):
            if c == UInt8(ascii: "@") || c == UInt8(ascii: "*") {
                return .list(environment.positional, star: c == UInt8(ascii: "*"))
            }
            return environment.special(c).map { .scalar($0) } ?? .unset
        case .variable(let name):
            return try variableValue(name, index: pe.index)
        }
    }

    func variableValue(_ name: ByteString, index: ParameterExpansion.Subscript?) throws -> ParameterValue {
        guard let v = variables.variable(name), let value = v.value else {
            if case .all? = index { return .list([], star: false) }
            if case .star? = index { return .list([], star: true) }
            return .unset
        }
        switch index {
        case nil:
            return value.scalar.map { .scalar($0) } ?? .unset
        case .all?, .star?:
            let star: Bool
            if case .star? = index { star = true } else { star = false }
            switch value {
            case .string(let s): return .list([s], star: star)
            case .indexed(let a): return .list(a.values, star: star)
            case .associative(let a): return .list(a.values, star: star)
            }
        case .index(let w)?:
            switch value {
            case .associative(let a):
                return a[try expandString(w)].map { .scalar($0) } ?? .unset
            case .indexed(let a):
                var i = Int(try evaluateSubscript(w))
                if i < 0 { i += a.end }
                if i < 0 {
                    // bash: a message, and the element is simply not there.
                    environment.reportError("\(name): bad array subscript")
                    return .unset
                }
                return a[i].map { .scalar($0) } ?? .unset
            case .string(let s):
                let i = try evaluateSubscript(w)
                return i == 0 || i == -1 ? .scalar(s) : .unset
            }
        }
    }

    func evaluateSubscript(_ w: Word) throws -> Int64 {
        let text = try expandString(w)
        return try ArithmeticEvaluator(environment: environment).evaluate(text: text)
    }

    /// `${!name}`: the parameter named by the value of `name`.
    func indirectValue(_ pe: ParameterExpansion) throws -> ParameterValue {
        if case .variable(let name) = pe.name, let index = pe.index {
            // `${!a[@]}` / `${!a[*]}`: the keys. With an operator after it, bash reads the
            // elements, joined, as the name to follow (`${!r[@]:-x}`).
            let star: Bool
            switch index {
            case .all where pe.op != nil, .star where pe.op != nil:
                let values = try baseValue(ParameterExpansion(name: pe.name, index: index, braced: true))
                switch values {
                case .unset: throw ShellError("\(name): invalid indirect expansion", kind: .commandFailure)
                case .scalar(let s): return try valueOfReference(s)
                case .list(let l, _): return try valueOfReference(l.joined(separator: " "))
                }
            case .all: star = false
            case .star: star = true
            case .index:
                let target = try baseValue(ParameterExpansion(name: pe.name, index: index, braced: true))
                guard case .scalar(let t) = target else { return .unset }
                return try valueOfReference(t)
            }
            guard let v = variables.variable(name)?.value else { return .list([], star: star) }
            switch v {
            case .string: return .list(["0"], star: star)
            case .indexed(let a): return .list(a.indices.map { ByteString($0) }, star: star)
            case .associative(let a): return .list(a.keys, star: star)
            }
        }
        // `${!ref}` of a nameref is the name it refers to (bash).
        if case .variable(let name) = pe.name, let raw = variables.entry(name), raw.attributes.contains(.nameref),
           case .string(let t)? = raw.value {
            return .scalar(t)
        }
        let target = try baseValue(ParameterExpansion(name: pe.name, braced: true))
        guard case .scalar(let ref) = target else {
            if case .unset = target, environment.options.nounset {
                throw ShellError("\(displayName(pe)): unbound variable", kind: .expansion, status: 1)
            }
            if case .unset = target, case .variable = pe.name {
                throw ShellError("\(displayName(pe)): invalid indirect expansion", kind: .commandFailure)
            }
            return .unset
        }
        return try valueOfReference(ref)
    }

    /// The value of a parameter named by text: `x`, `a[1]`, `a[@]`, `3`, `@`.
    func valueOfReference(_ ref: ByteString) throws -> ParameterValue {
        let parser = Parser(source: SourceFile(name: "ref", bytes: ("${" + ref + "}").bytes))
        guard let list = try? parser.parseNextCommand(),
              case .simple(let sc) = list.items.first?.andOr.first.commands.first,
              let word = sc.words.first, word.parts.count == 1,
              case .parameter(let inner) = word.parts[0].kind, inner.op == nil, !inner.length, !inner.indirect else {
            throw ShellError("\(ref): invalid variable name", kind: .commandFailure)
        }
        return try baseValue(inner)
    }

    /// Expands `${…}` into the word being built.
    func addParameter(_ pe: ParameterExpansion, to b: inout WordBuilder, quoted: Bool, joinArrays: Bool) throws {
        if case .bad(let text)? = pe.op { throw ShellError("\(text): bad substitution", kind: .expansion) }
        var value: ParameterValue
        if case .namesWithPrefix(let star)? = pe.op, case .variable(let prefix) = pe.name {
            // In the locale's collation order, as bash sorts them.
            let names = variables.allVariables().filter { $0.0.hasPrefix(prefix) && $0.1.isSet }.map { $0.0 }
                .sorted(by: ShellLocale.precedes)
            value = .list(names, star: star)
            return emit(value, to: &b, quoted: quoted, joinArrays: joinArrays)
        }
        value = pe.indirect ? try indirectValue(pe) : try baseValue(pe)

        if pe.length {
            let n: Int
            switch value {
            case .unset:
                if environment.options.nounset { throw ShellError("\(displayName(pe)): unbound variable", kind: .expansion, status: 1) }
                n = 0
            case .scalar(let s): n = Characters.count(s)
            case .list(let l, _): n = l.count
            }
            return b.add(ByteString(n), quoted: quoted, splittable: !quoted)
        }

        guard let op = pe.op else {
            if environment.options.nounset {
                if case .unset = value { throw ShellError("\(displayName(pe)): unbound variable", kind: .expansion, status: 1) }
                if case .variable(let n) = pe.name, pe.index != nil, !pe.indirect, variables.variable(n) == nil {
                    throw ShellError("\(displayName(pe)): unbound variable", kind: .expansion, status: 1)
                }
            }
            return emit(value, to: &b, quoted: quoted, joinArrays: joinArrays)
        }

        if case .test(let kind, let colon, let word) = op {
            let missing = colon ? value.isNull(ifs: environment.ifs, joined: quoted || joinArrays) : !value.isSet
            switch kind {
            case .useDefault:
                if missing {
                    if quoted { b.add("", quoted: true) }
                    return try add(word.parts, to: &b, quoted: quoted, operand: !quoted, joinArrays: joinArrays)
                }
                return emit(value, to: &b, quoted: quoted, joinArrays: joinArrays)
            case .useAlternative:
                if !missing {
                    if quoted { b.add("", quoted: true) }
                    return try add(word.parts, to: &b, quoted: quoted, operand: !quoted, joinArrays: joinArrays)
                }
                // `"${a[@]+…}"` and `"${@+…}"` with nothing there are no word at all, as
                // `"$@"` is (bash: `("${a[@]+${a[@]}}")` of an empty array is empty).
                if quoted && !pe.expandsToEachElement { b.add("", quoted: true) }
                return
            case .assignDefault:
                if !missing { return emit(value, to: &b, quoted: quoted, joinArrays: joinArrays) }
                let new = try expandString(word)
                guard case .variable(let direct) = pe.name else {
                    throw ShellError("$\(displayName(pe)): cannot assign in this way", kind: .expansion)
                }
                // `${!z:=v}` assigns to the variable that z names.
                var name = direct
                if pe.indirect {
                    guard pe.index == nil, let target = variables.value(direct), isValidName(target) else {
                        throw ShellError("$\(displayName(pe)): cannot assign in this way", kind: .expansion)
                    }
                    name = target
                }
                do {
                    if case .index(let w)? = pe.index {
                        let isAssoc = variables.variable(name)?.attributes.contains(.associativeArray) == true
                        if isAssoc {
                            try variables.assignElement(name, index: nil, key: try expandString(w), new)
                        } else {
                            try variables.assignElement(name, index: Int(try evaluateSubscript(w)), key: nil, new)
                        }
                    } else {
                        try variables.assign(name, new)
                    }
                } catch let e as VariableError {
                    throw ShellError(e.message, kind: .expansion)
                }
                return emit(.scalar(variables.value(name) ?? new), to: &b, quoted: quoted, joinArrays: joinArrays)
            case .errorIfUnset:
                if !missing { return emit(value, to: &b, quoted: quoted, joinArrays: joinArrays) }
                let message = word.parts.isEmpty ? (colon ? "parameter null or not set" : "parameter not set")
                    : try expandString(word)
                throw ShellError("\(displayName(pe)): \(message)", kind: .expansion, status: 1)
            }
        }

        if case .unset = value, environment.options.nounset {
            throw ShellError("\(displayName(pe)): unbound variable", kind: .expansion, status: 1)
        }

        switch op {
        case .removePrefix(let longest, let word):
            let p = try operatorPattern(pe, word)
            value = value.map { p.removeMatchingPrefix(from: $0, longest: longest) }
        case .removeSuffix(let longest, let word):
            let p = try operatorPattern(pe, word)
            value = value.map { p.removeMatchingSuffix(from: $0, longest: longest) }
        case .replace(let mode, let patternWord, let replacementWord):
            let p = try operatorPattern(pe, patternWord)
            let replacement = try replacementWord.map { try expandReplacement($0) } ?? ""
            let m: ReplaceMode
            switch mode {
            case .first: m = .first
            case .all: m = .all
            case .prefix: m = .prefix
            case .suffix: m = .suffix
            }
            value = value.map { p.replace(in: $0, with: replacement, mode: m, ampersandIsMatch: true) }
        case .substring(let offsetWord, let lengthWord):
            value = try substring(value, pe: pe, offset: offsetWord, length: lengthWord)
        case .caseChange(let upper, let all, let patternWord):
            let p = try patternWord.map { ShellPattern(try expandPattern($0), extglob: options.extglob) }
            value = value.map { changeCase($0, upper: upper, all: all, pattern: p) }
        case .caseToggle(let all, let patternWord):
            let p = try patternWord.map { ShellPattern(try expandPattern($0), extglob: options.extglob) }
            value = value.map { changeCase($0, upper: nil, all: all, pattern: p) }
        case .transform(let t):
            value = try transform(value, t, pe: pe)
        default:
            break
        }
        emit(value, to: &b, quoted: quoted, joinArrays: joinArrays)
    }

    /// Puts a parameter's (final) value into the word.
    func emit(_ value: ParameterValue, to b: inout WordBuilder, quoted: Bool, joinArrays: Bool) {
        switch value {
        case .unset:
            if quoted { b.add("", quoted: true) }
        case .scalar(let s):
            b.add(s, quoted: quoted, splittable: !quoted)
        case .list(let l, let star):
            if star && (quoted || joinArrays) {
                let sep = Characters.first(environment.ifs)
                b.add(l.joined(separator: joinArrays && !quoted ? (sep.isEmpty ? "" : sep) : sep), quoted: quoted,
                      splittable: !quoted)
                if l.isEmpty && quoted { b.add("", quoted: true) }
                return
            }
            if joinArrays {
                b.add(l.joined(separator: " "), quoted: quoted, splittable: !quoted)
                if l.isEmpty && quoted { b.add("", quoted: true) }
                return
            }
            if !quoted, let sep = environment.ifs.first, sep != 0x20, sep != 0x09, sep != 0x0A {
                // bash: unquoted, the elements are joined by IFS's first character and
                // split again, so with IFS=x `set -- a "" b; printf '<%s>' $@` gives
                // <a><><b>: an empty element between others is an empty field. (With a
                // blank first, or IFS empty, empty elements are dropped, as in dash.)
                b.add(l.joined(separator: Characters.first(environment.ifs)), quoted: false, splittable: true)
                return
            }
            for (i, s) in l.enumerated() {
                if i > 0 { b.fieldBreak() }
                b.add(s, quoted: quoted, splittable: !quoted)
            }
        }
    }

    /// The replacement of `${x/p/r}`: quoted `&` and `\` are escaped, so that only an
    /// unquoted `&` stands for the match (bash 5.2's patsub_replacement).
    func expandReplacement(_ word: Word) throws -> ByteString {
        var b = WordBuilder()
        try add(word.parts, to: &b, quoted: false, joinArrays: true)
        var out: [UInt8] = []
        for (c, f) in zip(b.bytes, b.flags) {
            if f & WordBuilder.quoted != 0 && (c == UInt8(ascii: "&") || c == UInt8(ascii: "\\")) {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(c)
        }
        return ByteString(out)
    }

    func substring(_ value: ParameterValue, pe: ParameterExpansion, offset: Word, length: Word?) throws -> ParameterValue {
        let evaluator = ArithmeticEvaluator(environment: environment)
        let off = try evaluator.evaluate(text: try expandString(offset))
        let len = try length.map { try evaluator.evaluate(text: try expandString($0)) }
        switch value {
        case .unset:
            return .unset
        case .scalar(let s):
            let n = Int64(Characters.count(s))
            var start = off < 0 ? n + off : off
            if start < 0 || start > n { return .scalar("") }
            start = min(start, n)
            var end = n
            if let len {
                // A length past the end (however large) stops at the end.
                end = len < 0 ? n + len : start.addingReportingOverflow(len).overflow ? n : start + len
                if end < start {
                    if len < 0 { throw ShellError("\(len): substring expression < 0", kind: .commandFailure) }
                    end = start
                }
                end = min(end, n)
            }
            return .scalar(Characters.substring(s, from: Int(start), count: Int(end - start)))
        case .list(let l, let star):
            // `${a[@]:o:n}` counts from index o of the (possibly sparse) array, a negative
            // o from one past its last index; n counts elements.
            if case .variable(let name) = pe.name, pe.index != nil,
               case .indexed(let arr)? = variables.variable(name)?.value, arr.count != arr.end {
                let first = off < 0 ? Int64(arr.end) + off : off
                if first < 0 { return .list([], star: star) }
                if let len, len < 0 { throw ShellError("\(len): substring expression < 0", kind: .commandFailure) }
                var picked: [ByteString] = []
                for i in arr.indices where Int64(i) >= first {
                    if let len, Int64(picked.count) >= len { break }
                    picked.append(arr[i]!)
                }
                return .list(picked, star: star)
            }
            // `${@:0}` starts with $0.
            var elements = l
            if case .special(let c) = pe.name, c == UInt8(ascii: "@") || c == UInt8(ascii: "*") {
                elements = [environment.scriptName] + l
            }
            let n = Int64(elements.count)
            var start = off < 0 ? n + off : off
            if start < 0 || start > n { return .list([], star: star) }
            start = min(start, n)
            var end = n
            if let len {
                if len < 0 { throw ShellError("\(len): substring expression < 0", kind: .commandFailure) }
                end = start.addingReportingOverflow(len).overflow ? n : min(n, start + len)
            }
            return .list(Array(elements[Int(start)..<Int(end)]), star: star)
        }
    }

    /// `^`/`,` (upper true/false) or `~` (nil: each character's case is toggled).
    func changeCase(_ s: ByteString, upper: Bool?, all: Bool, pattern: ShellPattern?) -> ByteString {
        let change: CaseMapping.Change = upper.map { $0 ? .upper : .lower } ?? .toggle
        return CaseMapping.map(s, change, firstOnly: !all) { c in pattern?.matches(c) ?? true }
    }

    /// The variable `@a` and `@A` describe: the parameter's own, or with `!` the one its
    /// value names (`${!1@a}`: the attributes of the variable $1 names; a subscript in
    /// that name is dropped, as the attributes are the array's).
    func attributeTargetName(_ pe: ParameterExpansion) throws -> ByteString? {
        guard pe.indirect else {
            if case .variable(let name) = pe.name { return name }
            return nil
        }
        guard case .scalar(let target) = try baseValue(ParameterExpansion(name: pe.name, index: pe.index, braced: true)) else {
            return nil
        }
        let name = target.firstIndex(of: UInt8(ascii: "[")).map { ByteString(target[..<$0]) } ?? target
        return isValidName(name) ? name : nil
    }

    func transform(_ value: ParameterValue, _ t: UInt8, pe: ParameterExpansion) throws -> ParameterValue {
        switch t {
        case UInt8(ascii: "Q"):
            // bash: `$'…'` for a value with control characters, else single quotes.
            return value.map { v in
                let bytes = v.bytes
                return ShellQuoting.needsANSIC(bytes) ? ByteString(ShellQuoting.ansiC(bytes)) : shellQuoteAlways(v)
            }
        case UInt8(ascii: "E"):
            return value.map { ByteString(Escapes.process($0.bytes, mode: .dollarQuote).bytes) }
        case UInt8(ascii: "P"):
            guard let runner = environment.substitutions else { return value }
            return value.map { runner.expandPrompt($0) }
        case UInt8(ascii: "U"): return value.map { CaseMapping.uppercased($0) }
        case UInt8(ascii: "L"): return value.map { CaseMapping.lowercased($0) }
        case UInt8(ascii: "u"): return value.map { CaseMapping.map($0, .upper, firstOnly: true) { _ in true } }
        case UInt8(ascii: "a"):
            // The attribute letters, once per element for `${a[@]@a}` (bash).
            guard let name = try attributeTargetName(pe), let v = variables.variable(name) else {
                if case .list(_, let star) = value { return .list([], star: star) }
                return .scalar("")
            }
            let letters = attributeLetters(v.attributes)
            if case .list(let l, let star) = value { return .list(l.map { _ in letters }, star: star) }
            return .scalar(letters)
        case UInt8(ascii: "A"):
            // bash: `name='v'` for a plain variable, `declare -FLAGS name='v'` with
            // attributes; the whole array for `${a[@]@A}`, one element otherwise.
            guard let name = try attributeTargetName(pe), let v = variables.variable(name), let val = v.value else {
                return .scalar("")
            }
            let flags = attributeLetters(v.attributes)
            let decl = "declare -" + (flags.isEmpty ? "-" : flags) + " " + name
            var whole = false
            if case .all? = pe.index { whole = true }
            if case .star? = pe.index { whole = true }
            switch val {
            case .indexed(let a) where whole:
                let items = a.indices.map { "[\($0)]=" + doubleQuote(a[$0]!) }.joined(separator: " ")
                return .scalar(decl + "=(" + items + ")")
            case .associative(let a) where whole:
                let items = a.keys.map { "[\(assocKeyQuote($0))]=" + doubleQuote(a[$0]!) }.joined(separator: " ")
                return .scalar(decl + "=(" + items + (a.isEmpty ? ")" : " )"))
            default:
                guard case .scalar(let s) = value else { return .scalar(decl) }
                return .scalar((flags.isEmpty ? name : decl) + "=" + shellQuoteAlways(s))
            }
        case UInt8(ascii: "K"), UInt8(ascii: "k"):
            return value.map { shellQuoteAlways($0) }
        default:
            return value
        }
    }

    func attributeLetters(_ a: VariableAttributes) -> ByteString {
        var s: ByteString = ""
        if a.contains(.indexedArray) { s += "a" }
        if a.contains(.associativeArray) { s += "A" }
        if a.contains(.integer) { s += "i" }
        if a.contains(.lowercase) { s += "l" }
        if a.contains(.nameref) { s += "n" }
        if a.contains(.readonly) { s += "r" }
        if a.contains(.uppercase) { s += "u" }
        if a.contains(.exported) { s += "x" }
        return s
    }
}

/// `$'…'` for a string with control characters or invalid UTF-8; nil otherwise.
public func ansiCQuoteIfNeeded(_ s: ByteString) -> ByteString? {
    let bytes = s.bytes
    return ShellQuoting.needsANSIC(bytes) ? ByteString(ShellQuoting.ansiC(bytes)) : nil
}

/// `'…'` quoting, always (bash's `${x@Q}`).
public func shellQuoteAlways(_ s: ByteString) -> ByteString {
    "'" + s.replacing("'", with: "'\\''") + "'"
}

/// `"…"` quoting with `"` `\` `$` `` ` `` escaped (declare -p of arrays); `$'…'` when
/// the value holds control characters, as bash does, so that the text reads back.
public func doubleQuote(_ s: ByteString) -> ByteString {
    if let c = ansiCQuoteIfNeeded(s) { return c }
    var out: [UInt8] = [UInt8(ascii: "\"")]
    for b in s {
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "$") || b == UInt8(ascii: "`") {
            out.append(UInt8(ascii: "\\"))
        }
        out.append(b)
    }
    out.append(UInt8(ascii: "\""))
    return ByteString(out)
}

/// An associative array key as `declare -p` writes it: bare when it is plain, else in
/// double quotes (bash: `[a]`, `["b c"]`, `["\$x"]`).
public func assocKeyQuote(_ key: ByteString) -> ByteString {
    let plain = !key.isEmpty && key.allSatisfy { u in
        (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39) || "_./-:%+,".utf8.contains(u)
    }
    return plain ? key : doubleQuote(key)
}
