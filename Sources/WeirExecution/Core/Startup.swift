import Glibc
import CWeirSys
import WeirExpansion
import WeirSyntax
import WeirTracing

extension Shell {
    /// Variables from the process environment (exported), and the ones a shell sets
    /// itself: PWD, PPID, IFS, OPTIND, PS1–PS4, WEIR_VERSION.
    public func importEnvironment() {
        importingEnvironment = true
        defer { importingEnvironment = false }
        // Read in place: the name and the value are made from the C string's bytes
        // directly, not from a copy of the whole entry cut in two. (The length by a loop:
        // glibc's strlen is code start-up otherwise never touches, a page fault more.)
        var e = environ
        var shellOptions: ByteString?, bashOptions: ByteString?
        while let p = e.pointee {
            let bytes = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)
            var n = 0
            while bytes[n] != 0 { n += 1 }
            let entry = UnsafeBufferPointer(start: bytes, count: n)
            if let eq = entry.firstIndex(of: UInt8(ascii: "=")) {
                let name = ByteString(UnsafeBufferPointer(rebasing: entry[..<eq]))
                let value = UnsafeBufferPointer(rebasing: entry[(eq + 1)...])
                if name.hasPrefix("BASH_FUNC_") {
                    _ = importFunction(variable: name, value: ByteString(value))
                } else if isValidName(name) {
                    let text = ByteString(value)
                    variables.importExported(name, text)
                    if name == "SHELLOPTS" { shellOptions = text } else if name == "BASHOPTS" { bashOptions = text }
                }
            }
            e += 1
        }
        // SHELLOPTS and BASHOPTS in the environment turn on the options they list, before
        // any startup file runs (bash): `export SHELLOPTS; set -x` traces child shells
        // too. Names weir does not know, or cannot set, are passed over.
        for name in shellOptions?.split(separator: UInt8(ascii: ":")) ?? [] { _ = setOption(named: name, true) }
        for name in bashOptions?.split(separator: UInt8(ascii: ":")) ?? [] { _ = setShopt(name, true) }
        // The locale the environment asks for, "C" when it names none (the C library's
        // own default, which expansion follows too), loaded when first needed.
        ShellLocale.applyLater(all: variables.value("LC_ALL"), ctype: variables.value("LC_CTYPE"),
                               collate: variables.value("LC_COLLATE"), lang: variables.value("LANG"))
        // PWD: kept when it names the current directory, else the physical path. (The
        // same text names it with no need to stat both.)
        let physical = physicalWorkingDirectory()
        if let pwd = variables.value("PWD"), pwd.hasPrefix("/"), let physical, pwd == physical || sameFile(pwd, physical) {
        } else if let physical {
            try? variables.assign("PWD", physical)
            try? variables.setAttributes("PWD", add: .exported)
        }
        if variables.value("PATH") == nil {
            try? variables.assign("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        }
        // SHELL, when the environment has none: the login shell of the user's account,
        // as bash sets it (not exported).
        if variables.value("SHELL") == nil, let account = UserAccounts.withID(getuid()), !account.shell.isEmpty {
            try? variables.assign("SHELL", account.shell)
        }
        try? variables.assign("PPID", ByteString(getppid()))
        try? variables.setAttributes("PPID", add: .readonly)
        for (name, value): (ByteString, uid_t) in [("UID", getuid()), ("EUID", geteuid())] {
            try? variables.unset(name)
            try? variables.assign(name, ByteString(value))
            try? variables.setAttributes(name, add: .readonly)
        }
        var host = [CChar](repeating: 0, count: 256)
        if gethostname(&host, host.count) == 0 { try? variables.assign("HOSTNAME", ByteString(cString: host)) }
        // What bash's configure names the system (scripts test $OSTYPE for linux*).
        try? variables.assign("OSTYPE", "linux-gnu")
        try? variables.assign("HOSTTYPE", hostType)
        try? variables.assign("MACHTYPE", machineType)
        try? variables.assign("IFS", " \t\n")
        try? variables.assign("OPTIND", "1")
        try? variables.assign("PS2", "> ")
        if variables.value("PS4") == nil { try? variables.assign("PS4", "+ ") }
        try? variables.assign("WEIR_VERSION", ByteString(weirVersion))
        OTLPExport.weirVersionText = weirVersion
        // bash's adjust_shell_level: one more than the inherited level (0 when it is not
        // a number), as an int; below 0 is 0, and 1000 or more is reset to 1.
        let inherited = variables.value("SHLVL").flatMap { FileTest.legalNumber($0) } ?? 0
        var level = Int32(truncatingIfNeeded: inherited &+ 1)
        if level < 0 { level = 0 } else if level >= 1000 {
            error("warning: shell level (\(level)) too high, resetting to 1")
            level = 1
        }
        try? variables.assign("SHLVL", ByteString(level))
        try? variables.setAttributes("SHLVL", add: .exported)
    }

    /// Run under the name `bash`, weir also takes bash's identity variables, as bash sets
    /// them whatever the environment holds: BASH (the path it was run by), BASH_VERSION and
    /// the readonly BASH_VERSINFO, for the bash release whose behaviour weir follows.
    /// Scripts and test runners gate bash features on them (bats will not start without
    /// BASH_VERSION). Under its own name weir sets none of them.
    public func takeBashIdentity(invokedAs zero: ByteString) {
        try? variables.assign("BASH", bashPath(zero))
        try? variables.assign("BASH_VERSION", "\(emulatedBash.major).\(emulatedBash.minor).\(emulatedBash.patch)(1)-release")
        let info: [ByteString] = [ByteString(emulatedBash.major), ByteString(emulatedBash.minor),
                                  ByteString(emulatedBash.patch), "1", "release", machineType]
        try? variables.unset("BASH_VERSINFO")
        try? variables.assignValue("BASH_VERSINFO", .indexed(IndexedArray(info)), attributes: .readonly)
    }

    /// bash's `$BASH` (its get_bash_name): argv[0] made absolute. `./bash` is PWD with the
    /// dot left out; another name with a slash is put after the current (logical)
    /// directory as written (`../x/bash` in `/` is `/../x/bash`, as bash gives it); a bare
    /// name is looked up in PATH.
    func bashPath(_ zero: ByteString) -> ByteString {
        if zero.hasPrefix("/") { return zero }
        guard zero.contains(UInt8(ascii: "/")) else { return searchPath(zero) ?? zero }
        guard let cwd = variables.value("PWD") ?? physicalWorkingDirectory() else { return zero }
        if zero.hasPrefix("./") { return cwd + ByteString(zero.dropFirst()) }
        return cwd == "/" ? "/" + zero : cwd + "/" + zero
    }

    /// From here on SIGCHLD is watched, so that ended background jobs are reaped between
    /// commands. (Signals ignored when the shell started stay ignored, in it and in its
    /// children, and `trap` cannot change them: signals.c notes SIGCHLD's inherited
    /// disposition before it changes it, and any other's when first asked,
    /// Traps.ignoredAtStart.)
    public func watchChildren() {
        weir_signal_watch_children()
    }

    /// Ends the shell: EXIT trap, private directory, the status.
    public func finish(_ status: Int32) -> Never {
        environment.lastStatus = status
        runExitTrap()
        stopScriptTrace()
        writeProfile()
        removePrivateDirectory()
        exit(environment.lastStatus)
    }
}

func sameFile(_ a: ByteString, _ b: ByteString) -> Bool {
    var x = stat(), y = stat()
    return a.withCString { stat($0, &x) } == 0 && b.withCString { stat($0, &y) } == 0
        && x.st_dev == y.st_dev && x.st_ino == y.st_ino
}

public let weirVersion = "0.3.0"

/// The bash release whose behaviour weir follows (the oracle of its spec cases), as
/// BASH_VERSION names it when weir runs under the name `bash`.
let emulatedBash = (major: 5, minor: 2, patch: 15)

/// The processor as bash's HOSTTYPE names it, and the system as its MACHTYPE does. Byte
/// strings from the start: putting them together as Strings was the only String work
/// left in `weir -c true`.
#if arch(x86_64)
let hostType: ByteString = "x86_64"
let machineType: ByteString = "x86_64-pc-linux-gnu"
#elseif arch(arm64)
let hostType: ByteString = "aarch64"
let machineType: ByteString = "aarch64-unknown-linux-gnu"
#elseif arch(i386)
let hostType: ByteString = "i686"
let machineType: ByteString = "i686-pc-linux-gnu"
#else
let hostType: ByteString = "unknown"
let machineType: ByteString = "unknown-unknown-linux-gnu"
#endif
