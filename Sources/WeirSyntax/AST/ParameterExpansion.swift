/// `$name` or `${…}` with everything that can follow the name.
///
/// A class: the tree holds it by reference, so expanding `${x%.*}` in a loop does not
/// copy (and destroy) every field on each pass.
public final class ParameterExpansion {
    public enum Name: Equatable, Sendable {
        case variable(ByteString)
        /// `$1`, `${10}`
        case positional(Int)
        /// `$@ $* $# $? $- $$ $! $0`
        case special(UInt8)
    }

    public enum Subscript {
        /// `[@]`
        case all
        /// `[*]`
        case star
        /// `[expr]`: arithmetic for indexed arrays, a key for associative ones.
        case index(Word)
    }

    public var name: Name
    public var index: Subscript?
    /// `${name}` rather than `$name`.
    public var braced: Bool
    /// `${#name}`
    public var length: Bool
    /// `${!name}`: the variable named by the value.
    public var indirect: Bool
    public var op: ParameterOperator?
    /// The expander's memo of the operator's compiled pattern (`${x%.*}`), when its text
    /// cannot change from one expansion to the next. Not part of the syntax.
    public var patternMemo: AnyObject?

    /// `$@`, `${a[@]}`: quoted, a word per element (none for no elements).
    public var expandsToEachElement: Bool {
        if case .all? = index { return true }
        if index == nil, case .special(let c) = name, c == UInt8(ascii: "@") { return true }
        return false
    }

    /// `$x`, `${x}`, `$1`: no operator, subscript, length or indirection.
    public var isPlain: Bool { op == nil && index == nil && !length && !indirect }

    public init(name: Name, index: Subscript? = nil, braced: Bool, length: Bool = false,
                indirect: Bool = false, op: ParameterOperator? = nil) {
        self.name = name
        self.index = index
        self.braced = braced
        self.length = length
        self.indirect = indirect
        self.op = op
    }
}

public enum ParameterOperator {
    public enum TestKind: String, Sendable {
        /// `-` / `:-`
        case useDefault = "-"
        /// `=` / `:=`
        case assignDefault = "="
        /// `?` / `:?`
        case errorIfUnset = "?"
        /// `+` / `:+`
        case useAlternative = "+"
    }

    public enum ReplaceMode: String, Sendable {
        case first = "/"
        case all = "//"
        case prefix = "/#"
        case suffix = "/%"
    }

    /// `${x:-w}` and friends; `colon` means an empty value counts as unset.
    case test(TestKind, colon: Bool, word: Word)
    /// `${x#p}` / `${x##p}`
    case removePrefix(longest: Bool, pattern: Word)
    /// `${x%p}` / `${x%%p}`
    case removeSuffix(longest: Bool, pattern: Word)
    /// `${x/p/r}` and its `//` `/#` `/%` forms.
    case replace(ReplaceMode, pattern: Word, replacement: Word?)
    /// `${x:offset}` `${x:offset:length}`: arithmetic texts.
    case substring(offset: Word, length: Word?)
    /// `${x^p}` `${x^^p}` `${x,p}` `${x,,p}`
    case caseChange(upper: Bool, all: Bool, pattern: Word?)
    /// `${x~p}` `${x~~p}`: bash's case toggle (the first character, or all).
    case caseToggle(all: Bool, pattern: Word?)
    /// `${x@Q}` and the other transformations (`Q E P A U L u a K k`).
    case transform(UInt8)
    /// `${!prefix*}` / `${!prefix@}`: the names of variables starting with a prefix.
    case namesWithPrefix(star: Bool)
    /// Text that is not a valid expansion. bash reports it when the word is expanded,
    /// not when it is parsed, and so does weir ("bad substitution").
    case bad(String)
}
