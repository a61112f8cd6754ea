import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// `mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [array]`
func mapfile(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var delimiter: UInt8 = 0x0A
    var maxLines = 0, origin = 0, skip = 0
    var trim = false
    var fd: Int32 = 0
    var i = 1
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        let a = args[i]
        if a == "--" { i += 1; break }
        let opt = Character(UnicodeScalar(a[1]))
        var v = a.dropFirst(2)
        if "dnOsuCc".contains(opt) && v.isEmpty {
            i += 1
            guard i < args.count else { throw ShellError("\(args[0]): -\(opt): option requires an argument", status: 2) }
            v = args[i]
        }
        switch opt {
        case "d": delimiter = v.first ?? 0
        // Counts and the origin are non-negative numbers that fit, or an error (bash).
        case "n":
            guard let n = Int(v), n >= 0 else { throw ShellError("\(args[0]): \(v): invalid line count") }
            maxLines = n
        case "O":
            guard let n = Int(v), n >= 0 else { throw ShellError("\(args[0]): \(v): invalid array origin") }
            origin = n
        case "s":
            guard let n = Int(v), n >= 0 else { throw ShellError("\(args[0]): \(v): invalid line count") }
            skip = n
        case "t": trim = true
        case "u":
            guard let f = Int32(v), f >= 0 else { throw ShellError("\(args[0]): \(v): invalid file descriptor specification") }
            fd = f
        case "C", "c": break
        default: throw ShellError("\(args[0]): -\(opt): invalid option", status: 2)
        }
        i += 1
    }
    let name = i < args.count ? args[i] : "MAPFILE"
    var arr = IndexedArray()
    if origin > 0, case .indexed(let old)? = shell.variables.variable(name)?.value { arr = old }
    var line: [UInt8] = []
    var index = origin
    var read = 0
    var full = false
    var byte: UInt8 = 0
    func finish() {
        if read >= skip {
            if trim && line.last == delimiter { line.removeLast() }
            if let nul = line.firstIndex(of: 0) { line.removeSubrange(nul...) }
            arr[index] = ByteString(line)
            // The last index there is: later lines have nowhere to go.
            if index == Int.max { full = true } else { index += 1 }
        }
        read += 1
        line.removeAll(keepingCapacity: true)
    }
    // A regular file is read a block at a time (what is not used is given back); a pipe
    // a byte at a time, so nothing after the lines taken is consumed.
    let input = ReadInput(fd: fd)
    defer { input.giveBackUnread() }
    while !full && (maxLines == 0 || index - origin < maxLines) {
        let r = input.next(&byte)
        if r < 0 && errno == EINTR { continue }
        if r < 0 { throw ShellError("\(args[0]): read error: \(String(cString: strerror(errno)))") }
        if r == 0 { break }
        line.append(byte)
        if byte == delimiter { finish() }
    }
    if !line.isEmpty && !full && (maxLines == 0 || index - origin < maxLines) { finish() }
    do { try shell.variables.assignValue(name, .indexed(arr)) } catch let e as VariableError {
        throw ShellError("\(args[0]): \(e.message)")
    }
    return 0
}
