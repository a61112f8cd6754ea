/// A short string (a variable name, a pattern's text) as a dictionary key. It hashes with
/// FNV-1a over the bytes instead of the standard library's seeded SipHash: these tables
/// are probed on every variable read and write and every `${x%pattern}`, and for strings
/// this short setting up and finishing SipHash cost more than the rest of the lookup (a
/// shell has no hash-flooding adversary).
struct ShortKey: Hashable {
    let text: String

    @inline(__always)
    init(_ text: String) { self.text = text }

    static func == (a: ShortKey, b: ShortKey) -> Bool { a.text == b.text }

    func hash(into hasher: inout Hasher) { hasher.combine(_rawHashValue(seed: 0)) }

    func _rawHashValue(seed: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var s = text
        s.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return Int(truncatingIfNeeded: h) ^ seed
    }
}
