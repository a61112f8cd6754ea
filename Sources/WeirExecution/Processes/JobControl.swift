import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// After a foreground job stops or ends: the shell takes the terminal back.
    func takeTerminalBack(from job: Job) {
        if let modes = terminal.takeBack(savingModes: job.isStopped) { job.terminalModes = modes }
    }

    /// `[1]+  Stopped                 command`
    func reportStopped(_ job: Job) {
        writeAll(2, "\n[\(job.id)]+  Stopped                 \(job.command)\n")
    }
}
