/// An error the shell reports while it runs: what kind of error it is (the rows of POSIX
/// 2.8.1's table), the message, where in the source it happened (when the place is known
/// better than "the command being run"), the errno behind it, and the status it leaves.
///
/// What an error does to the shell is decided in one place, `Kind.consequence`, not by
/// the code that found it.
public struct ShellError: Error, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A shell language syntax error (a script, `eval`'s text, a sourced file).
        case syntax
        /// An error of a special builtin (`export` on a readonly name, `set -o bad`…).
        case specialBuiltin
        /// An error of any other builtin: only that command fails.
        case utility
        /// A redirection that failed, by what it was for.
        case redirection(RedirectionOwner)
        /// A variable assignment that failed (a readonly variable, a bad subscript).
        case assignment
        /// An expansion that failed (`${x?}`, `set -u`, a bad substitution, arithmetic).
        case expansion
        /// An error bash treats as the command's own failure (`${!x}` of a bad name).
        case commandFailure
        /// A command that was not found or could not be run.
        case commandNotFound
        /// An error bash answers by dropping the rest of the command line, in a script
        /// too, and going on with the next (failglob's "no match").
        case discardsLine
    }

    /// What a failed redirection was attached to.
    public enum RedirectionOwner: Equatable, Sendable {
        case specialBuiltin, compound, function, other
    }

    public var kind: Kind
    public var message: String
    /// Where the error is, when it is not simply the command being run.
    public var span: Span?
    /// The errno of the failed system call, 0 when there is none.
    public var errno: Int32
    /// The exit status the error leaves.
    public var status: Int32
    /// The message already names its place (a syntax error in `eval`'s text: `eval:1:4:
    /// syntax error: …` and a caret line).
    public var carriesLocation = false
    /// An error of arithmetic itself (division by 0, a bad operand), which fails `((…))`
    /// and `let` without ending the script; not an expansion inside it (`set -u`).
    public var isArithmetic = false
    /// The message already starts with the expression that failed (`1/0: division by 0`).
    public var namesExpression = false

    /// An arithmetic error with the expression that failed in front, once.
    public func naming(expression text: ByteString) -> ShellError {
        guard isArithmetic, !namesExpression else { return self }
        var e = self
        // Leading blanks go, trailing ones stay (bash: `1 +* 2 : syntax error…`).
        let shown = ByteString(text.bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A })
        e.message = "\(shown): " + message
        e.namesExpression = true
        return e
    }

    /// An error of arithmetic itself (kind `.expansion`, status 1).
    public static func arithmetic(_ message: String) -> ShellError {
        var e = ShellError(message, kind: .expansion, status: 1)
        e.isArithmetic = true
        return e
    }

    public init(_ message: String, kind: Kind = .utility, status: Int32 = 1, errno: Int32 = 0, span: Span? = nil) {
        self.message = message
        self.kind = kind
        self.status = status
        self.errno = errno
        self.span = span
    }

    /// An error whose message has already been written (several names each reported,
    /// then one failure for the command).
    public static func reported(kind: Kind = .utility, status: Int32 = 1) -> ShellError {
        ShellError("", kind: kind, status: status)
    }

    public var description: String { message }
}

/// What an error does to the shell.
public enum ErrorConsequence: Equatable, Sendable {
    /// A non-interactive shell exits (a subshell: just the subshell).
    case exitShell
    /// The rest of the command line is abandoned; the shell reads the next one.
    case abortCommandLine
    /// Only the command fails, with the error's status.
    case failCommand
}

extension ShellError.Kind {
    /// POSIX 2.8.1's table for a non-interactive shell, and bash's choices for an
    /// interactive one (which never exits on an error).
    public func consequence(interactive: Bool) -> ErrorConsequence {
        switch self {
        case .syntax, .assignment, .expansion:
            return interactive ? .abortCommandLine : .exitShell
        case .specialBuiltin, .redirection(.specialBuiltin):
            return interactive ? .failCommand : .exitShell
        case .utility, .redirection, .commandFailure, .commandNotFound:
            return .failCommand
        case .discardsLine:
            return .abortCommandLine
        }
    }
}
