import WeirSyntax

/// The FIFOs that `<(…)` and `>(…)` are: the private directory they are made in (made
/// on first use, removed at exit), how many have been made, and those of the command
/// being run, removed when it ends.
struct ProcessSubstitutions {
    var directory: ByteString?
    var counter = 0
    /// FIFOs of process substitutions in the command being run: (path, is `<(…)`).
    var pendingFIFOs: [(ByteString, Bool)] = []
}
