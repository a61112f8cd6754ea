import Glibc

// A small program for the interactive tests: it reports what a shell handed it (process
// group, session, terminal owner, signal dispositions, blocked signals) and plays a
// raw-mode full-screen program. It depends on no weir target.
//
//   weir-test-helper report   one line: pid= pgrp= sid= tty_fg= sigint= sigquit= sigtstp=
//                             sigttin= sigttou= sigchld= sigpipe= blocked=
//   weir-test-helper raw      raw mode on fd 0, prints "raw-ready", then reads bytes:
//                               q      restore the original modes, print "raw-done", exit 0
//                                      (in cooked mode, after the rest of its line)
//                               m      print "icanon=… echo=… isig=…" (the modes now)
//                               ^Z ^C ^\  kill(0, SIGTSTP / SIGINT / SIGQUIT) without
//                                      touching the modes: ISIG is off in raw mode, so the
//                                      helper raises the signal a cooked terminal would
//                                      have sent, and is stopped or killed by the default
//                                      action while the terminal is still raw
//   weir-test-helper sleep N  sleeps N seconds (fractions allowed)
//   weir-test-helper modes    prints "icanon=0|1 echo=0|1 isig=0|1" for fd 0

func writeOut(_ s: String, fd: Int32 = 1) {
    var bytes = Array(s.utf8)
    var off = 0
    while off < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
        if n < 0 {
            if errno == EINTR { continue }
            return
        }
        off += n
    }
    bytes.removeAll()
}

func fail(_ message: String) -> Never {
    writeOut("weir-test-helper: \(message)\n", fd: 2)
    exit(2)
}

let signalNames: [Int32: String] = [
    SIGHUP: "HUP", SIGINT: "INT", SIGQUIT: "QUIT", SIGILL: "ILL", SIGTRAP: "TRAP",
    SIGABRT: "ABRT", SIGBUS: "BUS", SIGFPE: "FPE", SIGKILL: "KILL", SIGUSR1: "USR1",
    SIGSEGV: "SEGV", SIGUSR2: "USR2", SIGPIPE: "PIPE", SIGALRM: "ALRM", SIGTERM: "TERM",
    SIGSTKFLT: "STKFLT", SIGCHLD: "CHLD", SIGCONT: "CONT", SIGSTOP: "STOP", SIGTSTP: "TSTP",
    SIGTTIN: "TTIN", SIGTTOU: "TTOU", SIGURG: "URG", SIGXCPU: "XCPU", SIGXFSZ: "XFSZ",
    SIGVTALRM: "VTALRM", SIGPROF: "PROF", SIGWINCH: "WINCH", SIGIO: "IO", SIGPWR: "PWR",
    SIGSYS: "SYS",
]

func signalName(_ sig: Int32) -> String {
    if let name = signalNames[sig] { return "SIG" + name }
    let rtmin = __libc_current_sigrtmin()
    let rtmax = __libc_current_sigrtmax()
    if sig >= rtmin && sig <= rtmax { return sig == rtmin ? "SIGRTMIN" : "SIGRTMIN+\(sig - rtmin)" }
    return "SIG\(sig)"
}

/// The signals whose SIG_DFL the Swift runtime replaces with its crash handler before main
/// runs (swift/stdlib/public/runtime/CrashHandlerLinux.cpp); it leaves SIG_IGN alone.
let runtimeCrashSignals: Set<Int32> = [SIGQUIT, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGTRAP]

/// What the shell handed over: exec resets caught signals to SIG_DFL, so a handler seen
/// here on one of the runtime's signals is the runtime's own, and means "default".
func disposition(_ sig: Int32) -> String {
    var sa = sigaction()
    guard sigaction(sig, nil, &sa) == 0 else { return "error" }
    let raw = unsafeBitCast(sa.__sigaction_handler.sa_handler, to: Int.self)
    if sa.sa_flags & SA_SIGINFO == 0 {
        if raw == 0 { return "default" }  // SIG_DFL
        if raw == 1 { return "ignore" }   // SIG_IGN
    }
    return runtimeCrashSignals.contains(sig) ? "default" : "handler"
}

func report() {
    var mask = sigset_t()
    sigemptyset(&mask)
    sigprocmask(SIG_BLOCK, nil, &mask)
    var blocked: [String] = []
    for sig in 1..<Int32(NSIG) where sigismember(&mask, sig) == 1 {
        blocked.append(signalName(sig))
    }
    let fields = [
        "pid=\(getpid())", "pgrp=\(getpgrp())", "sid=\(getsid(0))", "tty_fg=\(tcgetpgrp(0))",
        "sigint=\(disposition(SIGINT))", "sigquit=\(disposition(SIGQUIT))",
        "sigtstp=\(disposition(SIGTSTP))", "sigttin=\(disposition(SIGTTIN))",
        "sigttou=\(disposition(SIGTTOU))", "sigchld=\(disposition(SIGCHLD))",
        "sigpipe=\(disposition(SIGPIPE))",
        "blocked=" + (blocked.isEmpty ? "none" : blocked.joined(separator: ",")),
    ]
    writeOut(fields.joined(separator: " ") + "\n")
}

func modesLine(_ t: termios) -> String {
    let bit = { (flag: Int32) -> Int in (t.c_lflag & tcflag_t(flag)) != 0 ? 1 : 0 }
    return "icanon=\(bit(ICANON)) echo=\(bit(ECHO)) isig=\(bit(ISIG))"
}

func currentModes() -> termios {
    var t = termios()
    guard tcgetattr(0, &t) == 0 else { fail("tcgetattr: \(String(cString: strerror(errno)))") }
    return t
}

/// What cfmakeraw does, written out so that nothing depends on its visibility.
func makeRaw(_ t: inout termios) {
    t.c_iflag &= ~tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON)
    t.c_oflag &= ~tcflag_t(OPOST)
    t.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
    t.c_cflag &= ~tcflag_t(CSIZE | PARENB)
    t.c_cflag |= tcflag_t(CS8)
    withUnsafeMutableBytes(of: &t.c_cc) { cc in
        cc[Int(VMIN)] = 1
        cc[Int(VTIME)] = 0
    }
}

func setModes(_ t: termios) {
    var t = t
    while tcsetattr(0, TCSADRAIN, &t) != 0 {
        if errno == EINTR { continue }
        fail("tcsetattr: \(String(cString: strerror(errno)))")
    }
}

func raw() -> Never {
    let original = currentModes()
    var rawModes = original
    makeRaw(&rawModes)
    setModes(rawModes)
    // OPOST is off: lines end in \r\n by hand.
    writeOut("raw-ready\r\n")
    var byte: UInt8 = 0
    while true {
        let n = read(0, &byte, 1)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
            setModes(original)
            exit(1)
        }
        switch byte {
        case UInt8(ascii: "q"):
            // Resumed in cooked mode (a shell that does not restore a job's modes), the
            // rest of the line is already typed: take it, or the shell would read it.
            if currentModes().c_lflag & tcflag_t(ICANON) != 0 {
                while read(0, &byte, 1) == 1 && byte != UInt8(ascii: "\n") {}
            }
            setModes(original)
            writeOut("raw-done\n")
            exit(0)
        case UInt8(ascii: "m"):
            writeOut(modesLine(currentModes()) + "\r\n")
        case 0x1a: kill(0, SIGTSTP)
        case 0x03: kill(0, SIGINT)
        case 0x1c: kill(0, SIGQUIT)
        default: break
        }
    }
}

func sleepSeconds(_ text: String) -> Never {
    guard let seconds = Double(text), seconds >= 0 else { fail("sleep: bad number '\(text)'") }
    var req = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    var rem = timespec()
    while nanosleep(&req, &rem) != 0 && errno == EINTR { req = rem }
    exit(0)
}

/// A program that hands the terminal to a process group of its own making (a child that
/// sleeps on) and exits without giving it back, as a careless program might: the shell
/// must take the terminal back before its next prompt.
func giveAway() -> Never {
    let child = fork()
    if child == 0 {
        _ = setpgid(0, 0)
        var req = timespec(tv_sec: 2, tv_nsec: 0)
        nanosleep(&req, nil)
        exit(0)
    }
    _ = setpgid(child, child)
    signal(SIGTTOU, SIG_IGN)
    _ = tcsetpgrp(0, child)
    exit(0)
}

let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "" {
case "report": report()
case "raw": raw()
case "sleep" where args.count > 2: sleepSeconds(args[2])
case "modes": writeOut(modesLine(currentModes()) + "\n")
case "give-away": giveAway()
default: fail("usage: weir-test-helper report | raw | sleep N | modes | give-away")
}
exit(0)
