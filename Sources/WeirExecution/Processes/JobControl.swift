import Glibc
import WeirSyntax

extension Shell {
    /// After a foreground job stops or ends: the shell takes the terminal back.
    func takeTerminalBack(from job: Job) {
        guard let tty = terminalFD else { return }
        if job.isStopped {
            var modes = termios()
            if tcgetattr(tty, &modes) == 0 { job.terminalModes = modes }
        }
        _ = tcsetpgrp(tty, getpgrp())
        if var modes = shellTerminalModes { tcsetattr(tty, TCSADRAIN, &modes) }
    }

    /// `[1]+  Stopped                 command`
    func reportStopped(_ job: Job) {
        writeAll(2, "\n[\(job.id)]+  Stopped                 \(job.command)\n")
    }
}
