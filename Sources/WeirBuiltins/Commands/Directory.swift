import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// Removes `.` and `..` from an absolute path, as `cd -L` does.
func canonicalize(_ path: ByteString) -> ByteString {
    var parts: [ByteString] = []
    for c in path.split(separator: UInt8(ascii: "/")) {
        if c == "." { continue }
        if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
        parts.append(c)
    }
    return "/" + parts.joined(separator: "/")
}

/// `cd [-L|-P] [dir]`: `cd -` goes to OLDPWD; CDPATH is searched for relative names.
func cd(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var physical = false
    var i = 1
    while i < args.count, args[i].hasPrefix("-"), args[i] != "-" {
        if args[i] == "--" { i += 1; break }
        for ch in args[i].dropFirst().optionLetters {
            switch ch {
            case "P": physical = true
            case "L": physical = false
            case "e", "@": break
            default: throw ShellError("cd: -\(ch): invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]", status: 2)
            }
        }
        i += 1
    }
    let operands = Array(args[i...])
    if operands.count > 1 { throw ShellError("cd: too many arguments") }
    let v = shell.variables
    var target: ByteString
    var printNew = false
    if operands.isEmpty {
        guard let home = v.value("HOME"), !home.isEmpty else { throw ShellError("cd: HOME not set") }
        target = home
    } else if operands[0] == "-" {
        guard let old = v.value("OLDPWD") else { throw ShellError("cd: OLDPWD not set") }
        target = old
        printNew = true
    } else {
        target = operands[0]
    }
    if target.isEmpty { return 0 }
    // CDPATH, for names that do not start with /, ./ or ../.
    if !target.hasPrefix("/") && !target.hasPrefix("./") && !target.hasPrefix("../") && target != "." && target != "..",
       let cdpath = v.value("CDPATH") {
        for dir in cdpath.components(separatedBy: UInt8(ascii: ":")) {
            let candidate = (dir.isEmpty ? "." : dir) + "/" + target
            var st = stat()
            if candidate.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                target = candidate
                if !dir.isEmpty { printNew = true }
                break
            }
        }
    }
    let oldPWD = v.value("PWD") ?? physicalWorkingDirectory() ?? ""
    var logical = target.hasPrefix("/") ? target : (oldPWD.hasSuffix("/") ? oldPWD : oldPWD + "/") + target
    logical = canonicalize(logical)
    let destination = physical ? target : logical
    if destination.withCString({ chdir($0) }) != 0 {
        let e = errno
        // A logical path through a missing component may still work physically.
        if physical || target.withCString({ chdir($0) }) != 0 {
            throw ShellError("cd: \(operands.first ?? target): \(String(cString: strerror(e)))")
        }
        logical = physicalWorkingDirectory() ?? logical
    }
    let newPWD = physical ? (physicalWorkingDirectory() ?? logical) : logical
    do {
        try v.assign("OLDPWD", oldPWD)
        try v.assign("PWD", newPWD)
    } catch let e as VariableError {
        throw ShellError("cd: \(e.message)")
    }
    if printNew { writeStdout(newPWD + "\n") }
    return 0
}

/// `pwd [-L|-P]`
func pwd(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    let (letters, _) = try parseOptions(args[1...], allowed: "LP", command: "pwd")
    if letters.last != "P", let p = shell.variables.value("PWD"), p.hasPrefix("/") {
        var a = stat(), b = stat()
        if p.withCString({ stat($0, &a) }) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
            && !p.split(separator: UInt8(ascii: "/")).contains(where: { $0 == "." || $0 == ".." }) {
            writeStdout(p + "\n")
            return 0
        }
    }
    guard let p = physicalWorkingDirectory() else {
        throw ShellError("pwd: error retrieving current directory: \(String(cString: strerror(errno)))")
    }
    writeStdout(p + "\n")
    return 0
}
