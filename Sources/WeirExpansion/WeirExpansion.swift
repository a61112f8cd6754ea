/// Word expansion: from the parser's `Word`s to fields (tilde, parameter, command and
/// arithmetic substitution, field splitting, pathname expansion, quote removal).
///
/// Command substitution is reached through a protocol that the executor implements, so
/// this target depends on WeirSyntax only. The expander arrives with issue 3.
public enum WeirExpansion {}
