/// Errors from assigning or unsetting variables.
public enum VariableError: Error, Equatable {
    /// `NAME: readonly variable`
    case readonly(String)
    /// `NAME: not a valid identifier`
    case invalidName(String)
    /// A message from evaluating an integer variable's value.
    case arithmetic(String)

    public var message: String {
        switch self {
        case .readonly(let n): return "\(n): readonly variable"
        case .invalidName(let n): return "`\(n)': not a valid identifier"
        case .arithmetic(let m): return m
        }
    }
}

/// The shell's variables, with bash's dynamic scoping: each function call pushes a scope
/// that `local` writes into; a name resolves to the innermost scope that has it, and an
/// assignment to a name no scope has creates it globally.
public final class VariableStore {
    var scopes: [[String: Variable]] = [[:]]
    /// Values computed when read (`RANDOM`, `SECONDS`, `LINENO` …), supplied by the shell.
    public var dynamicValue: ((String) -> String?)?
    /// Arrays computed when read (`PIPESTATUS`, `FUNCNAME`, `BASH_REMATCH`-like state).
    public var dynamicArray: ((String) -> [String]?)?
    /// Called after a variable in `watchedNames` is assigned or unset (PATH empties the
    /// command hash).
    public var watchedNames: Set<String> = []
    public var variableChanged: ((String) -> Void)?
    /// Names that have a dynamic value.
    public var dynamicNames: Set<String> = []
    /// Evaluates the value of an `-i` variable.
    public var integerEvaluator: ((String) throws -> Int64)?
    /// Changes whenever an exported variable does, so the environment can be cached.
    public private(set) var exportGeneration = 0
    /// `set -a`: every assignment exports.
    public var allExport = false

    public init() {}

    public var depth: Int { scopes.count - 1 }

    public func pushScope() { scopes.append([:]) }

    public func popScope() {
        guard scopes.count > 1 else { return }
        let top = scopes.removeLast()
        if top.values.contains(where: { $0.attributes.contains(.exported) }) { exportGeneration &+= 1 }
    }

    // MARK: Reading

    /// The scope index holding `name`, innermost first.
    @inline(__always)
    func scopeIndex(of name: String) -> Int? {
        var i = scopes.count - 1
        while i >= 0 {
            if scopes[i][name] != nil { return i }
            i -= 1
        }
        return nil
    }

    /// Follows `declare -n` references to the name finally meant.
    public func resolve(_ name: String) -> String {
        var n = name
        for _ in 0..<16 {
            guard let i = scopeIndex(of: n), let v = scopes[i][n], v.attributes.contains(.nameref),
                  case .string(let target)? = v.value, !target.isEmpty else { return n }
            n = target
        }
        return n
    }

    public func variable(_ name: String) -> Variable? {
        if dynamicNames.contains(name) {
            if let d = dynamicValue?(name) { return Variable(value: .string(d)) }
            if let a = dynamicArray?(name) { return Variable(value: .indexed(IndexedArray(a)), attributes: .indexedArray) }
        }
        let n = resolve(name)
        guard let i = scopeIndex(of: n) else { return nil }
        return scopes[i][n]
    }

    /// The scalar value, or nil when unset.
    public func value(_ name: String) -> String? {
        if dynamicNames.contains(name), let d = dynamicValue?(name) { return d }
        return variable(name)?.value?.scalar
    }

    public func isSet(_ name: String) -> Bool { variable(name)?.isSet ?? false }

    /// Every variable visible now, innermost scope winning.
    public func allVariables() -> [(String, Variable)] {
        var seen: [String: Variable] = [:]
        for scope in scopes { for (k, v) in scope { seen[k] = v } }
        return seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Writing

    /// Applies an `-i`, `-l` or `-u` attribute to a value being stored.
    func transform(_ s: String, _ attrs: VariableAttributes) throws -> String {
        var s = s
        if attrs.contains(.integer), let eval = integerEvaluator {
            do { s = String(try eval(s)) } catch let e as VariableError { throw e } catch {
                throw VariableError.arithmetic("\(error)")
            }
        }
        if attrs.contains(.lowercase) { s = s.lowercased() } else if attrs.contains(.uppercase) { s = s.uppercased() }
        return s
    }

    /// Assigns a scalar (`name=value`), or appends with `+=`.
    public func assign(_ name: String, _ value: String, append: Bool = false) throws {
        let n = resolve(name)
        let i = scopeIndex(of: n) ?? 0
        var v = scopes[i][n] ?? Variable(value: nil)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        var new = value
        if append {
            if v.attributes.contains(.integer), let eval = integerEvaluator {
                let old = v.value?.scalar ?? "0"
                let base = (try? eval(old)) ?? 0
                new = String(base &+ (try eval(value)))
            } else {
                new = (v.value?.scalar ?? "") + value
            }
        }
        new = try transform(new, v.attributes.subtracting(append ? .integer : []))
        switch v.value {
        case .indexed(var a)?:
            a[0] = new
            v.value = .indexed(a)
        case .associative(var a)?:
            a["0"] = new
            v.value = .associative(a)
        default:
            v.value = .string(new)
        }
        if allExport { v.attributes.insert(.exported) }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        scopes[i][n] = v
        if watchedNames.contains(n) { variableChanged?(n) }
    }

    /// Stores a whole value (arrays), keeping attributes.
    public func assignValue(_ name: String, _ value: VariableValue?, attributes: VariableAttributes = []) throws {
        let n = resolve(name)
        let i = scopeIndex(of: n) ?? 0
        var v = scopes[i][n] ?? Variable(value: nil)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        v.value = value
        v.attributes.formUnion(attributes)
        if case .indexed? = value { v.attributes.insert(.indexedArray) }
        if case .associative? = value { v.attributes.insert(.associativeArray) }
        if allExport { v.attributes.insert(.exported) }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        scopes[i][n] = v
    }

    /// Sets one element of an array (`a[i]=v`): an index for indexed arrays, a key for
    /// associative ones. A scalar becomes an indexed array.
    public func assignElement(_ name: String, index: Int?, key: String?, _ value: String, append: Bool = false) throws {
        let n = resolve(name)
        let i = scopeIndex(of: n) ?? 0
        var v = scopes[i][n] ?? Variable(value: nil)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        switch v.value {
        case .associative(var a)?:
            let k = key ?? String(index ?? 0)
            a[k] = try transform(append ? (a[k] ?? "") + value : value, v.attributes)
            v.value = .associative(a)
        default:
            if v.attributes.contains(.associativeArray) {
                var a = AssociativeArray()
                let k = key ?? String(index ?? 0)
                a[k] = try transform(value, v.attributes)
                v.value = .associative(a)
                break
            }
            var a: IndexedArray
            switch v.value {
            case .indexed(let x)?: a = x
            case .string(let s)?: a = IndexedArray([s])
            default: a = IndexedArray()
            }
            let idx = index ?? 0
            a[idx] = try transform(append ? (a[idx] ?? "") + value : value, v.attributes)
            v.value = .indexed(a)
            v.attributes.insert(.indexedArray)
        }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        scopes[i][n] = v
    }

    /// Changes attributes; creates the variable (unset) in the scope that resolves it,
    /// or in the current function scope when `local`.
    public func setAttributes(_ name: String, add: VariableAttributes, remove: VariableAttributes = [],
                              local: Bool = false) throws {
        let n = add.contains(.nameref) || remove.contains(.nameref) ? name : resolve(name)
        let i = local ? scopes.count - 1 : (scopeIndex(of: n) ?? 0)
        var v = scopes[i][n] ?? Variable(value: nil)
        if v.attributes.contains(.readonly) && !remove.isEmpty && remove.contains(.readonly) {
            throw VariableError.readonly(n)
        }
        v.attributes.formUnion(add)
        v.attributes.subtract(remove)
        if local { v.attributes.insert(.local) }
        if add.contains(.exported) || remove.contains(.exported) || v.attributes.contains(.exported) {
            exportGeneration &+= 1
        }
        scopes[i][n] = v
    }

    /// A prefix assignment (`x=1 cmd`): set in the innermost scope, exported, gone when
    /// that scope is popped.
    public func assignTemporary(_ name: String, _ value: String) throws {
        let n = resolve(name)
        var attrs: VariableAttributes = [.exported, .local]
        if let i = scopeIndex(of: n), let v = scopes[i][n] {
            if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
            attrs.formUnion(v.attributes.intersection([.integer, .lowercase, .uppercase]))
        }
        let top = scopes.count - 1
        scopes[top][n] = Variable(value: .string(try transform(value, attrs)), attributes: attrs)
        exportGeneration &+= 1
    }

    /// `local name`: a new, unset variable in the current function's scope. Like bash,
    /// it starts with the value of the variable it shadows only for `local -` forms the
    /// caller handles; here it is unset.
    public func declareLocal(_ name: String) throws {
        let top = scopes.count - 1
        if scopes[top][name] != nil { return }
        if let i = scopeIndex(of: name), scopes[i][name]!.attributes.contains(.readonly) {
            throw VariableError.readonly(name)
        }
        var v = Variable(value: nil, attributes: .local)
        if allExport { v.attributes.insert(.exported) }
        scopes[top][name] = v
    }

    /// True when `name` lives in the innermost function scope.
    public func isLocal(_ name: String) -> Bool { scopes.count > 1 && scopes[scopes.count - 1][name] != nil }

    /// `unset name`: removes it from the innermost scope that has it.
    public func unset(_ name: String) throws {
        let n = resolve(name)
        guard let i = scopeIndex(of: n) else { return }
        let v = scopes[i][n]!
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        defer { if watchedNames.contains(n) { variableChanged?(n) } }
        if i > 0 && v.attributes.contains(.local) {
            // An unset local stays local, and unset: it does not reveal an outer variable
            // (bash and dash agree).
            scopes[i][n] = Variable(value: nil, attributes: .local)
        } else {
            scopes[i][n] = nil
        }
    }

    /// `unset 'a[i]'`
    public func unsetElement(_ name: String, index: Int?, key: String?) throws {
        let n = resolve(name)
        guard let i = scopeIndex(of: n), var v = scopes[i][n] else { return }
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        switch v.value {
        case .indexed(var a)?:
            if let idx = index { a[idx] = nil }
            v.value = .indexed(a)
        case .associative(var a)?:
            if let k = key { a[k] = nil }
            v.value = .associative(a)
        case .string?:
            if index == 0 { v.value = nil }
        default: break
        }
        scopes[i][n] = v
    }

    /// Keeps only exported variables (a script run by a child weir, as a new shell would
    /// see it).
    public func keepOnlyExported() {
        var kept: [String: Variable] = [:]
        for scope in scopes {
            for (k, v) in scope where v.attributes.contains(.exported) { kept[k] = v }
        }
        scopes = [kept]
    }

    // MARK: Environment

    var cachedEnvironment: [String] = []
    var cachedGeneration = -1

    /// `NAME=value` for every exported variable that is set, for a child's environment.
    public func exportedEnvironment() -> [String] {
        if cachedGeneration == exportGeneration { return cachedEnvironment }
        var seen: [String: String] = [:]
        for scope in scopes {
            for (k, v) in scope {
                if v.attributes.contains(.exported), let s = v.value?.scalar {
                    seen[k] = s
                } else {
                    seen[k] = nil
                }
            }
        }
        cachedEnvironment = seen.map { $0.key + "=" + $0.value }
        cachedGeneration = exportGeneration
        return cachedEnvironment
    }
}
