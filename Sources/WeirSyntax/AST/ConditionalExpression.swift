/// The expression inside `[[ … ]]`. Words in it are neither split nor globbed.
public indirect enum ConditionalExpression {
    /// `-f file`, `-z str`, `-v name` …
    case unary(op: ByteString, operand: Word)
    /// `a == pattern`, `a =~ regex`, `a -nt b`, `a < b` …
    case binary(op: ByteString, lhs: Word, rhs: Word)
    /// A lone word: true when not empty.
    case word(Word)
    case not(ConditionalExpression)
    case and(ConditionalExpression, ConditionalExpression)
    case or(ConditionalExpression, ConditionalExpression)
    case group(ConditionalExpression)
}
