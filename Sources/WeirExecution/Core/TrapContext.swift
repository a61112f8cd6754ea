import WeirSyntax

/// What a running trap action sees and changes: which traps are running (none runs
/// inside itself), the command `$BASH_COMMAND` names, the line `$LINENO` holds, where a
/// function called from the action was called from, and the status from before it.
struct TrapContext {
    var isRunningErrTrap = false
    var isRunningDebugTrap = false
    /// The command `$BASH_COMMAND` names, and the text it is in: the simple command
    /// running, inside the DEBUG trap the one about to run, inside any other trap the one
    /// that ran before it (`trap 'echo "$BASH_COMMAND failed"' ERR EXIT`).
    var bashCommandSpan = Span(0, 0)
    var bashCommandSource: SourceFile?
    /// `$LINENO` inside the DEBUG trap: the line of the command it precedes.
    /// While a DEBUG or ERR trap runs: the line of the command that set it off, which
    /// LINENO keeps showing inside it (and inside traps it sets off in turn).
    var trapLine: Int?
    /// The place `trapLine` is the line of.
    var trapLineSite: (source: SourceFile?, offset: Int)?
    /// While a trap action runs: its text, and the place of the command it interrupted.
    var trapCallSite: (action: SourceFile, source: SourceFile?, offset: Int)?
    var isRunningReturnTrap = false
    /// While a trap action runs: `$?` when it started, and the function depth then.
    var trapEntry: (status: Int32, functionDepth: Int)?
}
