/// The parts of a word, in order. Most words are one part (`echo`, `"$x"`, `$1`): that
/// part is held inline, so such a word needs no array (parsing a script allocates a
/// fifth less); a word of more parts keeps them in an array.
public struct WordParts: RandomAccessCollection, ExpressibleByArrayLiteral {
    enum Storage {
        case one(WordPart)
        case many([WordPart])
    }

    var storage: Storage

    public init() { storage = .many([]) }

    public init(_ parts: [WordPart]) {
        storage = parts.count == 1 ? .one(parts[0]) : .many(parts)
    }

    public init(arrayLiteral parts: WordPart...) { self.init(parts) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .one: return 1
        case .many(let a): return a.count
        }
    }

    public subscript(i: Int) -> WordPart {
        switch storage {
        case .one(let p):
            precondition(i == 0, "WordParts index out of range")
            return p
        case .many(let a):
            return a[i]
        }
    }

    public mutating func append(_ p: WordPart) {
        switch storage {
        case .one(let first):
            var a: [WordPart] = []
            a.reserveCapacity(4)
            a.append(first)
            a.append(p)
            storage = .many(a)
        case .many(var a):
            if a.isEmpty {
                storage = .one(p)
                return
            }
            storage = .many([])  // so that `a` is the only reference and grows in place
            a.append(p)
            storage = .many(a)
        }
    }

    public mutating func append<S: Sequence>(contentsOf parts: S) where S.Element == WordPart {
        for p in parts { append(p) }
    }

    public static func += <S: Sequence>(lhs: inout WordParts, rhs: S) where S.Element == WordPart {
        lhs.append(contentsOf: rhs)
    }
}
