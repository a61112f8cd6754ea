import Glibc

/// `read` at a terminal sets its modes as bash does, and puts them back when it ends:
/// - `-s` alone: no echo, the line still edited by the terminal;
/// - `-n`, `-N` or a delimiter other than newline: each key as it comes (no canonical
///   mode), echoed unless `-s`.
/// The terminal's own modes are untouched when the input is not a terminal.
struct ReadTerminalModes {
    private let fd: Int32
    private var saved: termios?

    init(fd: Int32, silent: Bool, keyByKey: Bool) {
        self.fd = fd
        guard silent || keyByKey, isatty(fd) != 0 else { return }
        var modes = termios()
        guard tcgetattr(fd, &modes) == 0 else { return }
        saved = modes
        if silent { modes.c_lflag &= ~tcflag_t(ECHO | ECHOK | ECHONL | ECHOE) }
        if keyByKey {
            modes.c_lflag &= ~tcflag_t(ICANON)
            modes.c_lflag |= tcflag_t(ISIG)
            withUnsafeMutableBytes(of: &modes.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        _ = tcsetattr(fd, TCSADRAIN, &modes)
    }

    /// Puts the terminal's modes back as they were before `read`.
    func restore() {
        guard var m = saved else { return }
        _ = tcsetattr(fd, TCSADRAIN, &m)
    }
}
