import Glibc

/// The controlling terminal under job control, and every hand-over of it: the one place
/// the shell calls `tcsetpgrp` (a spawned program's group takes it in the C shim, when
/// its `ChildPlan` says so).
public struct Terminal {
    /// Its descriptor; nil without job control.
    public internal(set) var fd: Int32?
    /// The shell's own modes, restored whenever the shell takes the terminal back.
    var shellModes: termios?
    /// The foreground group when the shell took the terminal, given back at exit.
    var originalGroup: pid_t?

    /// Job control starts: the shell's group takes the terminal, and its modes are kept.
    mutating func take(_ tty: Int32) {
        originalGroup = tcgetpgrp(tty)
        _ = tcsetpgrp(tty, getpgrp())
        var modes = termios()
        if tcgetattr(tty, &modes) == 0 { shellModes = modes }
        fd = tty
    }

    /// A job runs in the foreground: its group gets the terminal, with the modes it had
    /// when it stopped.
    func give(to group: pid_t, modes: termios? = nil) {
        guard let tty = fd else { return }
        if var m = modes { tcsetattr(tty, TCSADRAIN, &m) }
        _ = tcsetpgrp(tty, group)
    }

    /// After a foreground job stops or ends (or a child took the terminal and then failed
    /// to exec): the shell's group takes it back with the shell's modes. With
    /// `savingModes` (a stopped job) the job's modes are returned, for `fg`.
    @discardableResult
    func takeBack(savingModes: Bool = false) -> termios? {
        guard let tty = fd else { return nil }
        var saved: termios?
        if savingModes {
            var m = termios()
            if tcgetattr(tty, &m) == 0 { saved = m }
        }
        _ = tcsetpgrp(tty, getpgrp())
        if var m = shellModes { tcsetattr(tty, TCSADRAIN, &m) }
        return saved
    }

    /// Before each prompt, whatever happened since (a spawn, a forked subshell, a failed
    /// exec, a stop, a signal, a program that handed the terminal to a group of its own):
    /// if the terminal is not the shell's, the shell takes it back with its modes.
    func holdForPrompt() {
        guard let tty = fd else { return }
        let holder = tcgetpgrp(tty)
        if holder >= 0 && holder != getpgrp() { takeBack() }
    }

    /// At exit: the terminal goes back to the group that had it when weir started.
    func release() {
        guard let tty = fd, let group = originalGroup else { return }
        if var m = shellModes { tcsetattr(tty, TCSADRAIN, &m) }
        _ = tcsetpgrp(tty, group)
    }
}
