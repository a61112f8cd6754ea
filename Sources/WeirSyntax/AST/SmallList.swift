/// A list of tree nodes that holds a single element inline and more in an array. Most
/// words are one part (`echo`, `"$x"`), most pipelines one command and most lists one
/// item, so most nodes need no array at all: parsing a script allocates a third less.
public struct SmallList<Element>: RandomAccessCollection, ExpressibleByArrayLiteral {
    @usableFromInline
    enum Storage {
        case empty
        case one(Element)
        /// Two or more.
        case many([Element])
    }

    @usableFromInline
    var storage: Storage

    @inlinable
    public init() { storage = .empty }

    @inlinable
    public init(_ elements: [Element]) {
        switch elements.count {
        case 0: storage = .empty
        case 1: storage = .one(elements[0])
        default: storage = .many(elements)
        }
    }

    @inlinable
    public init(arrayLiteral elements: Element...) { self.init(elements) }

    @inlinable
    public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int {
        switch storage {
        case .empty: return 0
        case .one: return 1
        case .many(let a): return a.count
        }
    }

    @inlinable
    public subscript(i: Int) -> Element {
        switch storage {
        case .one(let e):
            precondition(i == 0, "SmallList index out of range")
            return e
        case .many(let a):
            return a[i]
        case .empty:
            preconditionFailure("SmallList index out of range")
        }
    }

    @inlinable
    public mutating func append(_ e: consuming Element) {
        switch storage {
        case .empty:
            storage = .one(e)
        case .one(let first):
            var a: [Element] = []
            a.reserveCapacity(4)
            a.append(first)
            a.append(e)
            storage = .many(a)
        case .many(var a):
            storage = .empty  // so that `a` is the only reference and grows in place
            a.append(e)
            storage = .many(a)
        }
    }

    @inlinable
    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for e in elements { append(e) }
    }

    @inlinable
    public static func += <S: Sequence>(lhs: inout SmallList, rhs: S) where S.Element == Element {
        lhs.append(contentsOf: rhs)
    }
}

/// The parts of a word, in order.
public typealias WordParts = SmallList<WordPart>
