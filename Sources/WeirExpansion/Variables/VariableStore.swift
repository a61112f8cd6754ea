import WeirSyntax
/// Errors from assigning or unsetting variables.
public enum VariableError: Error, Equatable {
    /// `NAME: readonly variable`
    case readonly(ByteString)
    /// `NAME: not a valid identifier`
    case invalidName(ByteString)
    /// A message from evaluating an integer variable's value.
    case arithmetic(String)
    /// Any other assignment that cannot be made, with bash's message.
    case cannotAssign(String)
    /// An index before the first element of an array (the caller names it).
    case badSubscript

    public var message: String {
        switch self {
        case .readonly(let n): return "\(n): readonly variable"
        case .invalidName(let n): return "`\(n)': not a valid identifier"
        case .arithmetic(let m), .cannotAssign(let m): return m
        case .badSubscript: return "bad array subscript"
        }
    }
}

/// One name's variables: the innermost, and under it those `local` hid.
final class VariableSlot {
    /// The scope of the innermost variable (0: global) and the variable itself: what
    /// the name means now.
    var depth: Int
    var variable: Variable
    /// The variables of outer scopes it hides, innermost last. Empty for most names: a
    /// global with no local over it needs no array (one allocation less per variable).
    var hidden: [Hidden] = []

    struct Hidden {
        var depth: Int
        var variable: Variable
    }

    init(depth: Int, variable: Variable) {
        self.depth = depth
        self.variable = variable
    }

    /// Makes `variable`, at `depth`, the innermost, hiding the one there was.
    func push(depth: Int, variable: Variable) {
        hidden.append(Hidden(depth: self.depth, variable: self.variable))
        self.depth = depth
        self.variable = variable
    }

    /// Drops the innermost variable; false when none was under it (the name is gone).
    func pop() -> Bool {
        guard let next = hidden.popLast() else { return false }
        depth = next.depth
        variable = next.variable
        return true
    }
}

/// The shell's variables, with bash's dynamic scoping: each function call pushes a scope
/// that `local` writes into; a name resolves to the innermost scope that has it, and an
/// assignment to a name no scope has creates it globally.
///
/// One table maps each name to a slot holding its stack of scoped variables, so a lookup
/// is one hash probe however deep the calls are; popping a scope pops the names it made.
public final class VariableStore {
    var table: [ByteString: VariableSlot] = [:]
    /// The names each scope above the global one created, to pop them with it.
    var scopeNames: [[ByteString]] = []
    /// Values computed when read (`RANDOM`, `SECONDS`, `LINENO` …), supplied by the shell.
    public var dynamicValue: ((ByteString) -> ByteString?)?
    /// Arrays computed when read (`PIPESTATUS`, `FUNCNAME`).
    public var dynamicArray: ((ByteString) -> [ByteString]?)?
    /// Called after a watched variable is assigned or unset (PATH empties the command
    /// hash, IFS refreshes its cached value).
    public var watchedNames: [ByteString] = [] {
        didSet {
            watchedLengths = 0
            for n in watchedNames where n.count < 64 { watchedLengths |= 1 << UInt64(n.count) }
        }
    }
    /// Bit n set when a watched name is n bytes long: most names are ruled out by their
    /// length, without comparing strings on every assignment.
    private var watchedLengths: UInt64 = 0

    @inline(__always)
    func isWatched(_ name: ByteString) -> Bool {
        let n = name.count
        return n < 64 && watchedLengths & (1 << UInt64(n)) != 0 && watchedNames.contains(name)
    }
    public var variableChanged: ((ByteString) -> Void)?
    /// Evaluates the value of an `-i` variable.
    public var integerEvaluator: ((ByteString) throws -> Int64)?
    /// An assignment to a dynamic variable (`RANDOM=5` seeds, `SECONDS=0` resets).
    public var dynamicAssigned: ((ByteString, ByteString) -> Void)?
    /// Changes whenever an exported variable does, so the environment can be cached.
    public private(set) var exportGeneration = 0
    /// `set -a`: every assignment exports.
    public var allExport = false

    /// Room for the environment and the shell's own variables from the start: growing the
    /// table while they are imported rehashed it several times (`weir -c true`). 96 is
    /// what 128 buckets hold: a usual environment and the shell's own 25 fit, and the
    /// table is half the memory (and pages touched) of the next size up. (Made with room,
    /// not grown with `reserveCapacity`: that call is not specialized, and the metadata of
    /// the dictionary type it needs costs 18K instructions at every start.)
    public init() { table = [ByteString: VariableSlot](minimumCapacity: 96) }

    public var depth: Int { scopeNames.count }

    public func pushScope() { scopeNames.append([]) }

    public func popScope() {
        guard let names = scopeNames.popLast() else { return }
        let d = scopeNames.count + 1
        for n in names {
            guard let slot = table[n] else { continue }
            if slot.depth == d {
                if slot.variable.attributes.contains(.exported) { exportGeneration &+= 1 }
                if !slot.pop() { table[n] = nil }
                if isWatched(n) { variableChanged?(n) }
            }
        }
    }

    /// Makes a dynamic variable: its value is computed by `dynamicValue`/`dynamicArray`.
    public func declareDynamic(_ name: ByteString) {
        table[name] = VariableSlot(depth: 0, variable: Variable(value: nil, attributes: .dynamic))
    }

    // MARK: Reading

    /// The innermost variable called `name`, without following namerefs.
    @inline(__always)
    func entry(_ name: ByteString) -> Variable? { table[name]?.variable }

    /// The innermost variable called `name`, with its value taken out of the table (the
    /// caller stores it back): an array value is then not shared and changes in place.
    func takeEntry(_ name: ByteString) -> Variable? {
        guard let slot = table[name] else { return nil }
        let v = slot.variable
        slot.variable.value = nil
        return v
    }

    /// `name+=(…)` on an indexed array: the new elements are added in place. `elements`
    /// are already expanded; a nil index appends. False when `name` is not an indexed
    /// array this can change (the caller assigns the whole array instead).
    public func appendToIndexedArray(_ name: ByteString, _ elements: [(index: Int?, value: ByteString)]) throws -> Bool {
        let n = try resolveForWrite(name)
        guard let current = entry(n), case .indexed? = current.value,
              current.attributes.isDisjoint(with: [.readonly, .dynamic, .integer, .lowercase, .uppercase]) else { return false }
        var v = takeEntry(n)!
        guard case .indexed(var a)? = v.value else { store(n, v); return false }
        v.value = nil
        var next = a.end
        for (index, value) in elements {
            var i = index ?? next
            if i < 0 { i += a.end }
            // Past the last index there is no next one: an error, not an overwrite.
            if index == nil && i == Int.max && a[i] != nil {
                v.value = .indexed(a)
                store(n, v)
                throw VariableError.arithmetic("\(n): cannot append past index \(Int.max)")
            }
            if i < 0 {
                v.value = .indexed(a)
                store(n, v)
                throw VariableError.arithmetic("\(n)[\(index ?? 0)]: bad array subscript")
            }
            a[i] = value
            next = i == Int.max ? Int.max : i + 1
        }
        v.value = .indexed(a)
        store(n, v)
        return true
    }

    /// `a[2]` → ("a", "2"): a nameref may name one element of an array.
    func splitSubscript(_ name: ByteString) -> (ByteString, ByteString)? {
        guard name.hasSuffix("]"), let open = name.firstIndex(of: UInt8(ascii: "[")) else { return nil }
        return (name.slice(0..<open), name.slice((open + 1)..<(name.count - 1)))
    }

    /// One element of an array, as a scalar variable (for a nameref to `a[i]`).
    func element(_ base: ByteString, _ sub: ByteString) -> Variable? {
        guard let v = entry(base) else { return nil }
        switch v.value {
        case .associative(let a)?: return a[sub].map { Variable(value: .string($0)) }
        case .indexed(let a)?:
            guard let i = try? integerEvaluator?(sub) else { return nil }
            return a[Int(i) < 0 ? a.end + Int(i) : Int(i)].map { Variable(value: .string($0)) }
        case .string(let s)?:
            return (try? integerEvaluator?(sub)) == 0 ? Variable(value: .string(s)) : nil
        case nil: return nil
        }
    }

    /// The innermost variable called `name` itself: a nameref is not followed.
    public func rawVariable(_ name: ByteString) -> Variable? { entry(name) }

    /// `declare -n name=target`: makes (or retargets) the reference itself. The target must
    /// be a variable name, or one with a subscript.
    public func assignNameref(_ name: ByteString, _ target: ByteString, local: Bool) throws {
        let base = splitSubscript(target)?.0 ?? target
        guard isValidName(base) else { throw VariableError.cannotAssign("`\(target)': invalid variable name for name reference") }
        if base == name { throw VariableError.cannotAssign("\(name): nameref variable self references not allowed") }
        let inCurrent = local && table[name]?.depth != scopeNames.count
        var v = (inCurrent ? nil : entry(name)) ?? Variable(value: nil)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(name) }
        v.value = .string(target)
        v.attributes.insert(.nameref)
        if local { v.attributes.insert(.local) }
        if local { storeInCurrentScope(name, v) } else { store(name, v) }
    }

    /// `resolve` for an assignment: a chain of namerefs that comes back on itself is
    /// bash's "circular name reference", and nothing is assigned.
    func resolveForWrite(_ name: ByteString) throws -> ByteString {
        guard let first = entry(name), first.attributes.contains(.nameref) else { return name }
        var seen: Set<ByteString> = [name]
        var n = name
        while let v = entry(n), v.attributes.contains(.nameref), case .string(let target)? = v.value, !target.isEmpty {
            if !seen.insert(target).inserted { throw VariableError.cannotAssign("\(name): circular name reference") }
            n = target
        }
        return n
    }

    /// Follows `declare -n` references to the name finally meant.
    public func resolve(_ name: ByteString) -> ByteString {
        var n = name
        for _ in 0..<16 {
            guard let v = entry(n), v.attributes.contains(.nameref), case .string(let target)? = v.value,
                  !target.isEmpty else { return n }
            n = target
        }
        return n
    }

    public func variable(_ name: ByteString) -> Variable? {
        guard var v = entry(name) else { return nil }
        if v.attributes.contains(.nameref) {
            let r = resolve(name)
            if let (base, sub) = splitSubscript(r) { return element(base, sub) }
            guard let target = entry(r) else { return nil }
            v = target
        }
        if v.attributes.contains(.dynamic) {
            if let d = dynamicValue?(name) { return Variable(value: .string(d)) }
            if let a = dynamicArray?(name) { return Variable(value: .indexed(IndexedArray(a)), attributes: .indexedArray) }
            return Variable(value: nil)
        }
        return v
    }

    /// The scalar value, or nil when unset.
    public func value(_ name: ByteString) -> ByteString? {
        guard let v = entry(name) else { return nil }
        if v.attributes.contains(.dynamic) || v.attributes.contains(.nameref) { return variable(name)?.value?.scalar }
        return v.value?.scalar
    }

    public func isSet(_ name: ByteString) -> Bool { variable(name)?.isSet ?? false }

    /// Every variable visible now, sorted by name.
    public func allVariables() -> [(ByteString, Variable)] {
        table.keys.sorted().compactMap { k in variable(k).map { (k, $0) } }
    }

    /// Replaces the innermost variable called `name` (creating a global one).
    @inline(__always)
    func store(_ name: ByteString, _ v: Variable) {
        if let slot = table[name] {
            slot.variable = v
        } else {
            table[name] = VariableSlot(depth: 0, variable: v)
        }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        if isWatched(name) { variableChanged?(name) }
    }

    /// Adds a variable in the current (innermost) scope, shadowing outer ones.
    func storeInCurrentScope(_ name: ByteString, _ v: Variable) {
        let d = scopeNames.count
        if let slot = table[name] {
            if slot.depth == d {
                slot.variable = v
            } else {
                slot.push(depth: d, variable: v)
                scopeNames[d - 1].append(name)
            }
        } else {
            table[name] = VariableSlot(depth: d, variable: v)
            if d > 0 { scopeNames[d - 1].append(name) }
        }
        exportGeneration &+= 1
        if isWatched(name) { variableChanged?(name) }
    }

    // MARK: Writing

    /// Applies an `-i`, `-l` or `-u` attribute to a value being stored.
    func transform(_ s: ByteString, _ attrs: VariableAttributes) throws -> ByteString {
        var s = s
        if attrs.contains(.integer), let eval = integerEvaluator {
            do { s = ByteString(try eval(s)) } catch let e as VariableError { throw e } catch {
                throw VariableError.arithmetic("\(error)")
            }
        }
        if attrs.contains(.lowercase) { s = CaseMapping.lowercased(s) } else if attrs.contains(.uppercase) { s = CaseMapping.uppercased(s) }
        return s
    }

    /// Assigns a scalar (`name=value`), or appends with `+=`.
    public func assign(_ name: ByteString, _ value: ByteString, append: Bool = false) throws {
        // The common case in one probe: a plain string variable, no attributes that
        // change the value, not watched, not exported.
        if !append, !allExport, let slot = table[name] {
            let attrs = slot.variable.attributes
            if attrs.isDisjoint(with: [.readonly, .dynamic, .nameref, .integer, .lowercase, .uppercase, .exported,
                                       .indexedArray, .associativeArray]),
               !isWatched(name) {
                switch slot.variable.value {
                case .string?, nil:
                    slot.variable.value = .string(value)
                    return
                default:
                    break
                }
            }
        }
        let n = try resolveForWrite(name)
        if n != name, let (base, sub) = splitSubscript(n) {
            // Through a nameref to one array element.
            if entry(base)?.attributes.contains(.associativeArray) == true {
                return try assignElement(base, index: nil, key: sub, value, append: append)
            }
            let i = Int((try integerEvaluator?(sub)) ?? 0)
            return try assignElement(base, index: i, key: nil, value, append: append)
        }
        var v = entry(n) ?? Variable(value: nil)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        if v.attributes.contains(.dynamic) {
            dynamicAssigned?(n, value)
            return
        }
        var new = value
        if append {
            if v.attributes.contains(.integer), let eval = integerEvaluator {
                let old = v.value?.scalar ?? "0"
                let base = (try? eval(old)) ?? 0
                new = ByteString(base &+ (try eval(value)))
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
        // A declared array with no value yet (`declare -a x; x=v`) takes it as element 0.
        case nil where v.attributes.contains(.indexedArray):
            var a = IndexedArray()
            a[0] = new
            v.value = .indexed(a)
        case nil where v.attributes.contains(.associativeArray):
            var a = AssociativeArray()
            a["0"] = new
            v.value = .associative(a)
        default:
            v.value = .string(new)
        }
        if allExport { v.attributes.insert(.exported) }
        store(n, v)
    }

    /// Stores a whole value (arrays), keeping attributes.
    public func assignValue(_ name: ByteString, _ value: VariableValue?, attributes: VariableAttributes = []) throws {
        let n = try resolveForWrite(name)
        var v = entry(n) ?? Variable(value: nil)
        v.attributes.remove(.dynamic)
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        v.value = value
        v.attributes.formUnion(attributes)
        if case .indexed? = value { v.attributes.insert(.indexedArray) }
        if case .associative? = value { v.attributes.insert(.associativeArray) }
        if allExport { v.attributes.insert(.exported) }
        store(n, v)
    }

    /// Sets one element of an array (`a[i]=v`): an index for indexed arrays, a key for
    /// associative ones. A scalar becomes an indexed array.
    public func assignElement(_ name: ByteString, index: Int?, key: ByteString?, _ value: ByteString, append: Bool = false) throws {
        let n = try resolveForWrite(name)
        // The value is taken out of the table while it changes: the array is then not
        // shared, and setting one element changes it in place instead of copying it.
        var v = takeEntry(n) ?? Variable(value: nil)
        v.attributes.remove(.dynamic)
        let attributes = v.attributes
        if attributes.contains(.readonly) {
            store(n, v)
            throw VariableError.readonly(n)
        }
        if var a = v.takeAssociative() {
            let k = key ?? ByteString(index ?? 0)
            let new: ByteString
            do { new = try transform(append ? (a[k] ?? "") + value : value, attributes) } catch {
                v.value = .associative(a)
                store(n, v)
                throw error
            }
            a[k] = new
            v.value = .associative(a)
        } else if attributes.contains(.associativeArray) {
            var a = AssociativeArray()
            let k = key ?? ByteString(index ?? 0)
            let new: ByteString
            do { new = try transform(value, attributes) } catch { store(n, v); throw error }
            a[k] = new
            v.value = .associative(a)
        } else {
            var a: IndexedArray
            var scalar: ByteString?
            switch v.value {
            case .indexed(let x)?: a = x
            case .string(let s)?: a = IndexedArray([s]); scalar = s
            default: a = IndexedArray()
            }
            let wasSet = v.value != nil
            v.value = nil
            var idx = index ?? 0
            if idx < 0 {
                // Counted back from one past the last element (`printf -v 'a[-1]'`, a
                // nameref to `a[-1]`); before the first is an error, as in bash.
                idx += a.end
                if idx < 0 {
                    v.value = scalar.map { .string($0) } ?? (wasSet ? .indexed(a) : nil)
                    store(n, v)
                    throw VariableError.cannotAssign("\(n)[\(index ?? 0)]: bad array subscript")
                }
            }
            let new: ByteString
            do { new = try transform(append ? (a[idx] ?? "") + value : value, attributes) } catch {
                // Put back what was there (no copy of the array was kept meanwhile).
                v.value = scalar.map { .string($0) } ?? (wasSet ? .indexed(a) : nil)
                store(n, v)
                throw error
            }
            a[idx] = new
            v.value = .indexed(a)
            v.attributes.insert(.indexedArray)
        }
        store(n, v)
    }

    /// A variable from the environment at start-up: exported, its value as it came. A
    /// name nothing declared yet takes one insertion, where `assign` and `setAttributes`
    /// took several lookups each, for every variable of the environment at every start.
    public func importExported(_ name: ByteString, _ value: ByteString) {
        if scopeNames.isEmpty, !allExport {
            // One hash for a new name (the usual case); a name the environment repeats
            // puts the first slot back and takes the assignment path below.
            let slot = VariableSlot(depth: 0, variable: Variable(value: .string(value), attributes: .exported))
            guard let earlier = table.updateValue(slot, forKey: name) else {
                exportGeneration &+= 1
                if isWatched(name) { variableChanged?(name) }
                return
            }
            table[name] = earlier
        }
        try? assign(name, value)
        try? setAttributes(name, add: .exported)
    }

    /// Changes attributes; creates the variable (unset) in the scope that resolves it,
    /// or in the current function scope when `local`.
    public func setAttributes(_ name: ByteString, add: VariableAttributes, remove: VariableAttributes = [],
                              local: Bool = false) throws {
        let n = add.contains(.nameref) || remove.contains(.nameref) ? name : resolve(name)
        let inCurrent = local && table[n]?.depth != scopeNames.count
        var v = (inCurrent ? nil : entry(n)) ?? Variable(value: nil)
        if v.attributes.contains(.readonly) && !remove.isEmpty && remove.contains(.readonly) {
            throw VariableError.readonly(n)
        }
        v.attributes.formUnion(add)
        v.attributes.subtract(remove)
        if local { v.attributes.insert(.local) }
        if local { storeInCurrentScope(n, v) } else { store(n, v) }
        exportGeneration &+= 1
    }

    /// A prefix assignment (`x=1 cmd`): set in the innermost scope, exported, gone when
    /// that scope is popped.
    public func assignTemporary(_ name: ByteString, _ value: ByteString) throws {
        let n = try resolveForWrite(name)
        var attrs: VariableAttributes = [.exported, .local, .temporary]
        if let v = entry(n) {
            if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
            attrs.formUnion(v.attributes.intersection([.integer, .lowercase, .uppercase]))
        }
        storeInCurrentScope(n, Variable(value: .string(try transform(value, attrs)), attributes: attrs))
    }

    /// `local name`: a new, unset variable in the current function's scope. Like bash,
    /// it starts with the value of the variable it shadows only when that is a prefix
    /// assignment's (`v=x f` and `local v` in f: v is x), or for `local -` forms the
    /// caller handles.
    public func declareLocal(_ name: ByteString) throws {
        if isLocal(name) { return }
        let shadowed = entry(name)
        // A readonly global cannot be shadowed; a calling function's readonly local can
        // (bash's make_local_variable).
        if let v = shadowed, v.attributes.contains(.readonly), (table[name]?.depth ?? 0) == 0 {
            throw VariableError.readonly(name)
        }
        var v = Variable(value: nil, attributes: .local)
        if let shadowed, shadowed.attributes.contains(.temporary), case .string? = shadowed.value {
            v.value = shadowed.value
            // The prefix assignment of this very call (`v=x f`, `local v` in f): the local
            // takes its place and is still a prefix assignment's, for a function f calls.
            if table[name]?.depth == scopeNames.count - 1 { v.attributes.insert(.temporary) }
        }
        // The local copy of an exported variable is exported too (bash, dash).
        if allExport || shadowed?.attributes.contains(.exported) == true { v.attributes.insert(.exported) }
        storeInCurrentScope(name, v)
    }

    /// True when `name` lives in the innermost function scope.
    public func isLocal(_ name: ByteString) -> Bool {
        scopeNames.count > 0 && table[name]?.depth == scopeNames.count
    }

    /// `unset name`: removes it from the innermost scope that has it.
    public func unset(_ name: ByteString) throws {
        let n = resolve(name)
        guard let slot = table[n] else { return }
        let v = slot.variable
        let lastDepth = slot.depth
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        if v.attributes.contains(.exported) { exportGeneration &+= 1 }
        defer { if isWatched(n) { variableChanged?(n) } }
        if lastDepth > 0 && lastDepth < depth && v.attributes.contains(.local) {
            // A calling function's local, unset from a function it called, is gone: the
            // variable outside it shows again (bash; bash_completion's `_upvars` sets its
            // caller's variables this way).
            if !slot.pop() { table[n] = nil }
        } else if lastDepth > 0 && v.attributes.contains(.local) {
            // An unset local stays local, and unset: it does not reveal an outer variable
            // (bash and dash agree).
            slot.variable = Variable(value: nil, attributes: .local)
        } else if lastDepth == 0 {
            if !slot.pop() { table[n] = nil }
        } else {
            slot.variable = Variable(value: nil, attributes: v.attributes.intersection(.local))
        }
    }

    /// `unset 'a[i]'`
    public func unsetElement(_ name: ByteString, index: Int?, key: ByteString?) throws {
        let n = resolve(name)
        guard var v = entry(n) else { return }
        if v.attributes.contains(.readonly) { throw VariableError.readonly(n) }
        switch v.value {
        case .indexed(var a)?:
            if var idx = index {
                // Counted back from one past the last element, as an assignment is;
                // before the first is an error (bash).
                if idx < 0 { idx += a.end }
                if idx < 0 { throw VariableError.badSubscript }
                a[idx] = nil
            }
            v.value = .indexed(a)
        case .associative(var a)?:
            if let k = key { a[k] = nil }
            v.value = .associative(a)
        case .string?:
            if index == 0 { v.value = nil }
        default: break
        }
        store(n, v)
    }

    /// Keeps only exported variables (a script run by a child weir, as a new shell would
    /// see it).
    public func keepOnlyExported() {
        var kept: [ByteString: VariableSlot] = [:]
        for (k, slot) in table {
            let v = slot.variable
            guard v.attributes.contains(.exported) || v.attributes.contains(.dynamic) else { continue }
            kept[k] = VariableSlot(depth: 0, variable: v)
        }
        table = kept
        scopeNames = []
        for n in watchedNames { variableChanged?(n) }
    }

    // MARK: Environment

    var cachedEnvironment: [ByteString] = []
    var cachedGeneration = -1

    /// Exported dynamic variables (`export SHELLOPTS`): their values are computed each
    /// time, so they are not in the cached list.
    var cachedDynamicExports: [ByteString] = []

    /// `NAME=value` for every exported variable that is set, for a child's environment.
    public func exportedEnvironment() -> [ByteString] {
        if cachedGeneration != exportGeneration {
            var env: [ByteString] = []
            var dynamic: [ByteString] = []
            for (k, slot) in table where slot.variable.attributes.contains(.exported) {
                if slot.variable.attributes.contains(.dynamic) {
                    // Not `_`: bash gives a child the path of the command it runs there,
                    // not the last argument.
                    if k != "_" { dynamic.append(k) }
                } else if case .string(let s)? = slot.variable.value {
                    // Arrays are not exported (bash: the environment has no form for them).
                    env.append(k + "=" + s)
                }
            }
            cachedEnvironment = env
            cachedDynamicExports = dynamic
            cachedGeneration = exportGeneration
        }
        if cachedDynamicExports.isEmpty { return cachedEnvironment }
        var env = cachedEnvironment
        for k in cachedDynamicExports {
            if let v = dynamicValue?(k) { env.append(k + "=" + v) }
        }
        return env
    }
}
