import Testing
@testable import WeirSyntax

/// The consequences of errors: POSIX 2.8.1's table for a script, bash's for a prompt.
@Suite struct ShellErrorTests {
    typealias Kind = ShellError.Kind

    @Test func aScriptEndsOnSyntaxSpecialBuiltinAssignmentAndExpansionErrors() {
        for kind: Kind in [.syntax, .specialBuiltin, .redirection(.specialBuiltin), .assignment, .expansion] {
            #expect(kind.consequence(interactive: false) == .exitShell, "\(kind)")
        }
    }

    @Test func aScriptGoesOnAfterUtilityRedirectionAndNotFoundErrors() {
        for kind: Kind in [.utility, .redirection(.compound), .redirection(.function), .redirection(.other),
                           .commandFailure, .commandNotFound] {
            #expect(kind.consequence(interactive: false) == .failCommand, "\(kind)")
        }
    }

    @Test func aPromptNeverExits() {
        #expect(Kind.syntax.consequence(interactive: true) == .abortCommandLine)
        #expect(Kind.assignment.consequence(interactive: true) == .abortCommandLine)
        #expect(Kind.expansion.consequence(interactive: true) == .abortCommandLine)
        #expect(Kind.specialBuiltin.consequence(interactive: true) == .failCommand)
        #expect(Kind.redirection(.specialBuiltin).consequence(interactive: true) == .failCommand)
        #expect(Kind.utility.consequence(interactive: true) == .failCommand)
    }

    @Test func aReportedErrorHasNoMessageOfItsOwn() {
        let e = ShellError.reported(status: 2)
        #expect(e.message.isEmpty)
        #expect(e.status == 2)
        #expect(e.kind == .utility)
    }
}
