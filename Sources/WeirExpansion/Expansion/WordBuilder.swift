import WeirSyntax

/// A word being expanded: its bytes, and for each byte whether it was quoted (no
/// globbing, no splitting) or came from an unquoted expansion (split by IFS).
struct WordBuilder {
    static let quoted: UInt8 = 1
    static let splittable: UInt8 = 2

    var bytes: [UInt8] = []
    var flags: [UInt8] = []
    /// In the order they happened: `"$@"` field breaks, and empty quoted strings (`""`,
    /// an empty `"$x"`), which make the field they stand in exist.
    var events: [(position: Int, isBreak: Bool)] = []

    var isEmpty: Bool { bytes.isEmpty && events.isEmpty }

    mutating func add(_ s: ByteString, quoted: Bool, splittable: Bool = false) {
        if s.isEmpty {
            if quoted { events.append((bytes.count, false)) }
            return
        }
        let f: UInt8 = quoted ? WordBuilder.quoted : (splittable ? WordBuilder.splittable : 0)
        bytes.append(s)
        flags.append(contentsOf: repeatElement(f, count: s.count))
    }

    mutating func fieldBreak() { events.append((bytes.count, true)) }

    /// A field after splitting: its bytes and which of them are quoted.
    struct Field {
        var bytes: ArraySlice<UInt8>
        var flags: ArraySlice<UInt8>

        var text: ByteString { ByteString(bytes) }

        /// True when some unquoted byte could start a wildcard.
        var mayGlob: Bool {
            for (b, f) in zip(bytes, flags) where f & WordBuilder.quoted == 0 {
                if b == UInt8(ascii: "*") || b == UInt8(ascii: "?") || b == UInt8(ascii: "[") { return true }
                if b == UInt8(ascii: "(") { return true }  // extglob
            }
            return false
        }

        /// The field as a pattern: quoted bytes that are special to patterns escaped.
        var pattern: ByteString { patternText(bytes, flags) }
    }

    /// Splits at IFS characters in splittable bytes and at `"$@"` breaks, with POSIX's
    /// rules: IFS white space at the start of a field is dropped and a run of it separates
    /// once; every other IFS character ends a field, even an empty one; a separator at the
    /// very end makes no empty field after it.
    func split(ifs: ByteString) -> [Field] {
        var isIFS = [Bool](repeating: false, count: 256)
        var isWhite = [Bool](repeating: false, count: 256)
        for b in ifs {
            isIFS[Int(b)] = true
            if b == 0x20 || b == 0x09 || b == 0x0A { isWhite[Int(b)] = true }
        }
        enum State { case none, white, nonWhite }
        var fields: [Field] = []
        var fieldStart = 0
        var exists = false
        var state = State.none
        var e = 0
        let n = bytes.count
        var i = 0
        func emit(_ end: Int) {
            fields.append(Field(bytes: bytes[fieldStart..<end], flags: flags[fieldStart..<end]))
        }
        while true {
            while e < events.count && events[e].position == i {
                if events[e].isBreak {
                    if i > fieldStart || exists { emit(i) }
                    fieldStart = i
                    exists = false
                } else {
                    exists = true
                }
                state = .none
                e += 1
            }
            if i == n { break }
            let b = bytes[i]
            let f = flags[i]
            if f & WordBuilder.splittable != 0 && isIFS[Int(b)] {
                if isWhite[Int(b)] {
                    if state == .none {
                        if i > fieldStart || exists {
                            emit(i)
                            state = .white
                        }
                    }
                } else {
                    if state == .nonWhite || state == .none {
                        emit(i)  // ends the field, even an empty one
                    }
                    state = .nonWhite
                }
                i += 1
                fieldStart = i
                exists = false
                continue
            }
            if f & WordBuilder.quoted != 0 { exists = true }
            state = .none
            i += 1
        }
        if n > fieldStart || exists { emit(n) }
        return fields
    }

    /// The whole word as one field (no splitting): assignments, `[[ ]]`, redirections.
    var wholeField: Field { Field(bytes: bytes[...], flags: flags[...]) }
}

/// Bytes that mean something in a pattern.
@inline(__always)
func patternSpecial(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"),
         UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "@"), UInt8(ascii: "!"),
         UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "^"):
        return true
    default:
        return false
    }
}

/// Bytes with flags as pattern text: quoted special bytes get a backslash.
func patternText(_ bytes: ArraySlice<UInt8>, _ flags: ArraySlice<UInt8>) -> ByteString {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (b, f) in zip(bytes, flags) {
        if f & WordBuilder.quoted != 0 && patternSpecial(b) { out.append(UInt8(ascii: "\\")) }
        out.append(b)
    }
    return ByteString(out)
}
