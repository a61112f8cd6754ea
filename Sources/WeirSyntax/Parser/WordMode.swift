/// How an unquoted word is read: where it stops and which expansions its text may hold.
/// Each mode is one of the lexer modes of `grammar/lexer-modes.md`.
struct WordMode {
    enum Stop {
        /// Blanks, newline and operator characters (command words, patterns).
        case meta
        /// An unbalanced `}` (the operand of `${x…}`); blanks are part of the word.
        case rbrace
        /// An unbalanced `]` (a subscript).
        case rbracket
        /// A `=~` operand: blanks at parenthesis depth 0.
        case regex
        /// A `[[ ]]` operand: blanks, newline, `&&` `||` `)` `<` `>`, `;` `&` `|`.
        case condition
        /// An alternative of a brace expansion: `,` or `}`, or a meta character.
        case braceAlternative
        /// A pattern inside `@(…)`: `|` or `)`.
        case extglobPattern
    }

    enum Tilde { case none, wordStart, assignment }

    var stop: Stop
    var braceExpansion = false
    var tilde: Tilde = .none
    var extglob = false
    /// In `${x/p/r}`: a `/` ends the pattern.
    var stopAtSlash = false
    /// In `${x:o:l}`: a `:` ends the offset.
    var stopAtColon = false

    static let command = WordMode(stop: .meta, braceExpansion: true, tilde: .wordStart, extglob: true)
    static let assignmentValue = WordMode(stop: .meta, tilde: .assignment, extglob: true)
    static let pattern = WordMode(stop: .meta, tilde: .wordStart, extglob: true)
    static let arraySubscript = WordMode(stop: .rbracket)
    static let condition = WordMode(stop: .condition, tilde: .wordStart, extglob: true)
    static let regex = WordMode(stop: .regex, tilde: .wordStart)
    /// Extglob text here stays literal: the pattern matcher reads it when the pattern is
    /// used, and bash's parser only looks for the closing `}`.
    static let parameterArgument = WordMode(stop: .rbrace, tilde: .wordStart)
    static let braceAlternative = WordMode(stop: .braceAlternative, braceExpansion: true, extglob: true)
    static let extglobPattern = WordMode(stop: .extglobPattern, extglob: true)
}

/// Where a double-quote-like scan stops.
enum QuotedStop {
    /// The closing `"`.
    case quote
    /// An unbalanced `}`: the operand of `${x:-…}` inside double quotes.
    case rbrace
    /// The end of a here-document body (the frame's limit).
    case hereDoc(stripTabs: Bool)

    var isBrace: Bool {
        if case .rbrace = self { return true }
        return false
    }
}
