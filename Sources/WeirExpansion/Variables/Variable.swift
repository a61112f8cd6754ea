import WeirSyntax
/// The attributes a variable can carry (`declare -x -r -i -l -u -n -a -A`).
public struct VariableAttributes: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let exported = VariableAttributes(rawValue: 1 << 0)
    public static let readonly = VariableAttributes(rawValue: 1 << 1)
    public static let integer = VariableAttributes(rawValue: 1 << 2)
    public static let lowercase = VariableAttributes(rawValue: 1 << 3)
    public static let uppercase = VariableAttributes(rawValue: 1 << 4)
    public static let nameref = VariableAttributes(rawValue: 1 << 5)
    public static let indexedArray = VariableAttributes(rawValue: 1 << 6)
    public static let associativeArray = VariableAttributes(rawValue: 1 << 7)
    /// `local` at function scope.
    public static let local = VariableAttributes(rawValue: 1 << 8)
    /// Computed when read (`RANDOM`, `LINENO`, `PIPESTATUS` …).
    public static let dynamic = VariableAttributes(rawValue: 1 << 9)
    /// Made by a prefix assignment (`v=x cmd`) for one command: a `local v` in a function
    /// it runs starts with its value (bash's make_local_variable).
    public static let temporary = VariableAttributes(rawValue: 1 << 10)
}

/// A variable's value: a string, or an array.
public enum VariableValue: Equatable {
    case string(ByteString)
    case indexed(IndexedArray)
    case associative(AssociativeArray)

    /// The value as a scalar: element 0 of an indexed array, key "0" of an associative one.
    public var scalar: ByteString? {
        switch self {
        case .string(let s): return s
        case .indexed(let a): return a[0]
        case .associative(let a): return a["0"]
        }
    }
}

/// A variable: a value (nil when declared but not set, like `local x` or `declare -a x`
/// before assignment) and its attributes.
public struct Variable {
    public var value: VariableValue?
    public var attributes: VariableAttributes

    public init(value: VariableValue?, attributes: VariableAttributes = []) {
        self.value = value
        self.attributes = attributes
    }

    public var isSet: Bool { value != nil }

    /// The associative array taken out of the value, which is left nil: the caller holds
    /// the only reference, so changing it does not copy it. nil when it is not one.
    mutating func takeAssociative() -> AssociativeArray? {
        guard case .associative(let a)? = value else { return nil }
        value = nil
        return a
    }
}

/// A sparse indexed array (bash arrays may have holes).
public struct IndexedArray: Equatable {
    var storage: [Int: ByteString] = [:]
    /// One past the largest index; appends go here.
    public private(set) var end = 0

    public init() {}

    public init(_ elements: [ByteString]) {
        for (i, e) in elements.enumerated() { storage[i] = e }
        end = elements.count
    }

    public subscript(_ i: Int) -> ByteString? {
        get { storage[i] }
        set {
            storage[i] = newValue
            if newValue != nil {
                // The largest index bash allows is Int64.max: `end` saturates there.
                if i >= end { end = i == Int.max ? Int.max : i + 1 }
            } else if i == end - 1 {
                end = (storage.keys.max() ?? -1) + 1
            }
        }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Indices in order.
    public var indices: [Int] {
        if storage.count == end { return Array(0..<end) }
        return storage.keys.sorted()
    }

    /// Values in index order.
    public var values: [ByteString] {
        if storage.count == end { return (0..<end).map { storage[$0]! } }
        return storage.keys.sorted().map { storage[$0]! }
    }

    public mutating func append(_ s: ByteString) { self[end] = s }
}

/// An associative array that remembers insertion order (bash prints in hash order;
/// weir uses insertion order, which is stable and readable).
public struct AssociativeArray: Equatable {
    var storage: [ByteString: ByteString] = [:]
    var order: [ByteString] = []

    public init() {}

    public subscript(_ key: ByteString) -> ByteString? {
        get { storage[key] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: key) == nil { order.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                order.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var keys: [ByteString] { order }
    public var values: [ByteString] { order.map { storage[$0]! } }
}
