/// A variable name as the variable table's key. It hashes with FNV-1a over the name's
/// bytes instead of the standard library's seeded SipHash: the table is probed on every
/// variable read and write, and for names this short setting up and finishing SipHash
/// cost more than the rest of the lookup (a shell has no hash-flooding adversary).
struct VariableKey: Hashable {
    let name: String

    @inline(__always)
    init(_ name: String) { self.name = name }

    static func == (a: VariableKey, b: VariableKey) -> Bool { a.name == b.name }

    func hash(into hasher: inout Hasher) { hasher.combine(_rawHashValue(seed: 0)) }

    func _rawHashValue(seed: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var s = name
        s.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return Int(truncatingIfNeeded: h) ^ seed
    }
}
