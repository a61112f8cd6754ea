import WeirSyntax

/// bash's brace expansion: `a{b,c}d` → `abd acd`, `{1..5..2}`, `{a..e}`, nested braces.
/// Works on word parts, so quotes and expansions inside the braces survive.
enum BraceExpander {
    static func expand(_ parts: [WordPart]) -> [[WordPart]] {
        guard let i = parts.firstIndex(where: { if case .brace = $0.kind { return true }; return false }),
              case .brace(let b) = parts[i].kind else { return [parts] }
        let prefix = Array(parts[..<i])
        let suffixes = expand(Array(parts[(i + 1)...]))
        var out: [[WordPart]] = []
        let span = parts[i].span
        let middles: [[WordPart]]
        switch b {
        case .alternatives(let words):
            middles = words.flatMap { expand($0.parts) }
        case .sequence(let start, let end, let step):
            middles = sequence(start, end, step).map { [WordPart(.literal($0), span)] }
        }
        for m in middles {
            for s in suffixes { out.append(prefix + m + s) }
        }
        return out
    }

    static func sequence(_ a: String, _ z: String, _ stepText: String?) -> [String] {
        let step = abs(Int(stepText ?? "1") ?? 1)
        let by = step == 0 ? 1 : step
        if let x = Int(a), let y = Int(z) {
            // Zero padding when either end is written with a leading zero.
            func padded(_ s: String) -> Bool {
                let d = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
                return d.count > 1 && d.hasPrefix("0")
            }
            let width = padded(a) || padded(z) ? max(a.count, z.count) : 0
            var out: [String] = []
            var v = x
            while x <= y ? v <= y : v >= y {
                var s = String(abs(v))
                let neg = v < 0
                let w = neg ? width - 1 : width
                if s.count < w { s = String(repeating: "0", count: w - s.count) + s }
                out.append(neg ? "-" + s : s)
                if out.count > 1_000_000 { break }
                v = x <= y ? v + by : v - by
            }
            return out
        }
        guard let x = a.unicodeScalars.first?.value, let y = z.unicodeScalars.first?.value else { return [a, z] }
        var out: [String] = []
        var v = Int(x)
        let yy = Int(y)
        while x <= y ? v <= yy : v >= yy {
            if let u = Unicode.Scalar(UInt32(v)) { out.append(String(Character(u))) }
            v = x <= y ? v + by : v - by
        }
        return out
    }
}
