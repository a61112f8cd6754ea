import WeirSyntax

/// bash's brace expansion: `a{b,c}d` → `abd acd`, `{1..5..2}`, `{a..e}`, nested braces.
/// Works on word parts, so quotes and expansions inside the braces survive.
enum BraceExpander {
    /// The most words one brace expansion may make. bash has no limit and dies when memory
    /// runs out; 10,000,000 words take about 2 GB in either shell.
    static let maxWords = 1 << 25

    static func tooMany(_ count: UInt64) -> ShellError {
        ShellError("brace expansion: \(count) words are more than the limit of \(maxWords)", kind: .expansion)
    }

    static func expand(_ parts: [WordPart]) throws -> [[WordPart]] {
        try StackGuard.check()
        guard let i = parts.firstIndex(where: { if case .brace = $0.kind { return true }; return false }),
              case .brace(let b) = parts[i].kind else { return [parts] }
        let prefix = Array(parts[..<i])
        let suffixes = try expand(Array(parts[(i + 1)...]))
        var out: [[WordPart]] = []
        let span = parts[i].span
        let middles: [[WordPart]]
        switch b {
        case .alternatives(let words):
            var all: [[WordPart]] = []
            for w in words {
                all += try expand(w.parts)
                if all.count > maxWords { throw tooMany(UInt64(all.count)) }
            }
            middles = all
        case .sequence(let start, let end, let step):
            middles = try sequence(start, end, step).map { [WordPart(.literal($0), span)] }
        }
        let (total, overflow) = UInt64(middles.count).multipliedReportingOverflow(by: UInt64(suffixes.count))
        if overflow || total > UInt64(maxWords) { throw tooMany(overflow ? UInt64.max : total) }
        out.reserveCapacity(Int(total))
        for m in middles {
            for s in suffixes { out.append(joiningLiterals(prefix, m, s)) }
        }
        return out
    }

    /// `set +B`: the braces stay as written, `{a,b}` and `{1..3}` literal (what is
    /// inside them is still expanded).
    static func literal(_ parts: [WordPart]) -> [WordPart] {
        var out: [WordPart] = []
        for part in parts {
            guard case .brace(let b) = part.kind else { out.append(part); continue }
            let span = part.span
            switch b {
            case .alternatives(let words):
                out.append(WordPart(.literal("{"), span))
                for (k, w) in words.enumerated() {
                    if k > 0 { out.append(WordPart(.literal(","), span)) }
                    out += literal(w.parts)
                }
                out.append(WordPart(.literal("}"), span))
            case .sequence(let start, let end, let step):
                var text: ByteString = "{" + start + ".." + end
                if let step { text += ".." + step }
                out.append(WordPart(.literal(text + "}"), span))
            }
        }
        return joiningLiterals(out, [], [])
    }

    /// `a + b + c` with neighbouring literal parts made one: each word of `{a,b}{a,b}…`
    /// is then one part, not one per brace (22 braces made 4 GB of parts before).
    static func joiningLiterals(_ a: [WordPart], _ b: [WordPart], _ c: [WordPart]) -> [WordPart] {
        var out: [WordPart] = []
        out.reserveCapacity(a.count + b.count + c.count)
        for list in [a, b, c] {
            for part in list {
                if case .literal(let text) = part.kind, let last = out.last, case .literal(let before) = last.kind {
                    out[out.count - 1] = WordPart(.literal(before + text), last.span)
                } else {
                    out.append(part)
                }
            }
        }
        return out
    }

    static func sequence(_ a: ByteString, _ z: ByteString, _ stepText: ByteString?) throws -> [ByteString] {
        // The step's sign does not matter: the direction comes from the ends.
        let stepValue = stepText.flatMap { Int64($0) } ?? 1
        let by = stepValue == 0 ? 1 : stepValue.magnitude
        if let x = Int64(a), let y = Int64(z) {
            // Zero padding when either end is written with a leading zero.
            func padded(_ s: ByteString) -> Bool {
                let d = s.hasPrefix("-") ? s.dropFirst() : s
                return d.count > 1 && d.hasPrefix("0")
            }
            let width = padded(a) || padded(z) ? max(a.count, z.count) : 0
            // How many words, counted before any is made (the distance cannot overflow
            // in unsigned arithmetic).
            let distance = x <= y ? UInt64(bitPattern: y &- x) : UInt64(bitPattern: x &- y)
            let count = distance / by + 1
            if count > UInt64(maxWords) { throw tooMany(count) }
            var out: [ByteString] = []
            out.reserveCapacity(Int(count))
            var v = x
            while true {
                var s = ByteString(v.magnitude)
                let neg = v < 0
                let w = neg ? width - 1 : width
                if s.count < w { s = ByteString(repeating: UInt8(ascii: "0"), count: w - s.count) + s }
                out.append(neg ? "-" + s : s)
                // The distance left, in unsigned arithmetic: it cannot overflow.
                let left = x <= y ? UInt64(bitPattern: y &- v) : UInt64(bitPattern: v &- y)
                if left < by { break }
                v = x <= y ? Int64(bitPattern: UInt64(bitPattern: v) &+ by) : Int64(bitPattern: UInt64(bitPattern: v) &- by)
            }
            return out
        }
        guard let x = a.first, let y = z.first else { return [a, z] }
        var out: [ByteString] = []
        var v = Int(x)
        let yy = Int(y)
        let step = by > 256 ? 256 : Int(by)
        while x <= y ? v <= yy : v >= yy {
            out.append(ByteString(byte: UInt8(v)))
            v = x <= y ? v + step : v - step
        }
        return out
    }
}
