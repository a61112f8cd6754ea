import WeirExecution
import WeirExpansion
import WeirSyntax

/// `getopts optstring name [arg…]`: one option per call, with OPTIND and OPTARG; a
/// leading `:` in optstring selects silent error reporting.
func getopts(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    guard args.count >= 3 else { throw ShellError("getopts: usage: getopts optstring name [arg ...]", status: 2) }
    let v = shell.variables
    var spec = args[1]
    let name = args[2]
    let validName = isValidName(name)
    let silent = spec.hasPrefix(":")
    if silent { spec.removeFirst() }
    // Messages are the script's, as from a C program's getopt: `$0: …`; OPTERR=0
    // silences them.
    func report(_ message: String) {
        if shell.variables.value("OPTERR") == "0" { return }
        _ = writeText(2, String(decoding: shell.environment.scriptName.bytes, as: UTF8.self) + ": " + message + "\n")
    }
    let operands = args.count > 3 ? Array(args[3...]) : shell.environment.positional
    var optind = Int(v.value("OPTIND") ?? "1") ?? 1
    if optind < 1 { optind = 1 }
    // Where in the current word we are (for grouped options like -abc).
    if shell.getoptsState.optind != optind { shell.getoptsState = (optind, 1) }
    var charIndex = shell.getoptsState.char

    func finish(_ status: Int32, option: ByteString, arg: ByteString?, clearArg: Bool = false) throws -> Int32 {
        try v.assign("OPTIND", ByteString(optind))
        if let arg { try v.assign("OPTARG", arg) } else if clearArg { try v.assign("OPTARG", "") } else { try? v.unset("OPTARG") }
        shell.getoptsState = (optind, charIndex)
        guard validName else {
            shell.error("getopts: `\(name)': not a valid identifier")
            return 2
        }
        try v.assign(name, option)
        return status
    }

    guard optind - 1 < operands.count else {
        optind = operands.count + 1
        return try finish(1, option: "?", arg: nil)
    }
    let word = operands[optind - 1].bytes
    // A position kept from another word (the operands changed between calls) starts over.
    if charIndex >= word.count { charIndex = 1 }
    if charIndex == 1 {
        if word.count < 2 || word[0] != UInt8(ascii: "-") { return try finish(1, option: "?", arg: nil) }
        if word == Array("--".utf8) {
            optind += 1
            return try finish(1, option: "?", arg: nil)
        }
    }
    let opt = word[charIndex]
    charIndex += 1
    let atEnd = charIndex >= word.count
    if atEnd {
        optind += 1
        charIndex = 1
    }
    let option = ByteString(byte: opt)
    guard let at = spec.firstIndex(of: opt), opt != UInt8(ascii: ":") else {
        if silent { return try finish(0, option: "?", arg: option) }
        report("invalid option -- \(option)")
        return try finish(0, option: "?", arg: nil)
    }
    let wantsArg = at + 1 < spec.count && spec[at + 1] == UInt8(ascii: ":")
    guard wantsArg else { return try finish(0, option: option, arg: nil, clearArg: true) }
    if !atEnd {
        let arg = ByteString(word[charIndex...])
        optind += 1
        charIndex = 1
        return try finish(0, option: option, arg: arg)
    }
    guard optind - 1 < operands.count else {
        if silent { return try finish(0, option: ":", arg: option) }
        report("option requires an argument -- \(option)")
        return try finish(0, option: "?", arg: nil)
    }
    let arg = operands[optind - 1]
    optind += 1
    return try finish(0, option: option, arg: arg)
}
