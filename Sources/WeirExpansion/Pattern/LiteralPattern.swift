import WeirSyntax

/// Patterns that are a literal with at most one `*` at one end — `.txt`, `*.txt`, `.*`,
/// `*/`, `prefix*` — the common ones in `${x%.*}`, `${x##*/}`, `${x#./}`: the prefix and
/// suffix removals find them with a byte search, no matcher and no allocation.
///
/// A byte search is exact for these: `*` matches any characters, so only where the
/// literal's bytes occur matters, and in valid UTF-8 a literal's bytes occur only at
/// character boundaries (a subject that is not valid UTF-8 is matched byte by byte anyway,
/// as bash does).
struct LiteralPattern: Sendable {
    enum Star: Sendable { case none, leading, trailing }
    let literal: [UInt8]
    let star: Star

    /// The shape of `pattern` (backslash-escaped as the caller gives it), or nil when it
    /// has any other wildcard, a bracket, an extglob group, or an empty literal.
    init?(_ pattern: ByteString, extglob: Bool) {
        var bytes: [UInt8] = []
        var star = Star.none
        var i = 0
        let n = pattern.count
        if n > 0 && pattern[0] == UInt8(ascii: "*") {
            star = .leading
            i = 1
        }
        while i < n {
            let c = pattern[i]
            switch c {
            case UInt8(ascii: "\\"):
                // An escaped byte is itself; a trailing lone backslash stands for itself.
                if i + 1 < n { bytes.append(pattern[i + 1]); i += 2 } else { bytes.append(c); i += 1 }
                continue
            case UInt8(ascii: "*"):
                guard i == n - 1, star == .none else { return nil }
                star = .trailing
            case UInt8(ascii: "?"), UInt8(ascii: "["):
                return nil
            case UInt8(ascii: "(") where extglob:
                return nil
            default:
                bytes.append(c)
            }
            i += 1
        }
        guard !bytes.isEmpty else { return nil }
        literal = bytes
        self.star = star
    }

    /// `${x#p}` / `${x##p}`: where the matching prefix ends; nil when none matches.
    func prefixEnd(_ s: UnsafeBufferPointer<UInt8>, longest: Bool) -> Int? {
        switch star {
        case .none: return hasPrefix(s) ? literal.count : nil
        case .trailing: return hasPrefix(s) ? (longest ? s.count : literal.count) : nil
        case .leading:
            // `*lit`: up to the end of the first (shortest) or last (longest) occurrence.
            guard let at = longest ? lastOccurrence(s) : firstOccurrence(s) else { return nil }
            return at + literal.count
        }
    }

    /// `${x%p}` / `${x%%p}`: where the matching suffix starts; nil when none matches.
    func suffixStart(_ s: UnsafeBufferPointer<UInt8>, longest: Bool) -> Int? {
        switch star {
        case .none: return hasSuffix(s) ? s.count - literal.count : nil
        case .leading: return hasSuffix(s) ? (longest ? 0 : s.count - literal.count) : nil
        case .trailing:
            // `lit*`: from the last (shortest) or first (longest) occurrence.
            return longest ? firstOccurrence(s) : lastOccurrence(s)
        }
    }

    private func hasPrefix(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count >= literal.count else { return false }
        for k in 0..<literal.count where s[k] != literal[k] { return false }
        return true
    }

    private func hasSuffix(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count >= literal.count else { return false }
        let base = s.count - literal.count
        for k in 0..<literal.count where s[base + k] != literal[k] { return false }
        return true
    }

    private func occurs(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for k in 0..<literal.count where s[i + k] != literal[k] { return false }
        return true
    }

    private func firstOccurrence(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard s.count >= literal.count else { return nil }
        let first = literal[0]
        for i in 0...(s.count - literal.count) where s[i] == first && occurs(s, at: i) { return i }
        return nil
    }

    private func lastOccurrence(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard s.count >= literal.count else { return nil }
        let first = literal[0]
        for i in stride(from: s.count - literal.count, through: 0, by: -1) where s[i] == first && occurs(s, at: i) { return i }
        return nil
    }
}
