import Glibc
import WeirSyntax
import WeirExpansion
import WeirExecution
import WeirBuiltins
import FuzzSupport

// `read` with IFS, the builtin itself, run by an in-process shell (no process is
// started: the here-string is a pipe, read and `set` are builtins, PATH is empty).
// Input: one option byte, then LINE NUL IFS NUL ARG. The option byte's low 3 bits choose
// the command (ARG is the option's value):
//   0 read -r a b c          4 read -r -n ARG a b
//   1 read a b c (backslashes processed)    5 read -r -N ARG a
//   2 read -r -a arr         6 read -r -t ARG a b   (the data is always there)
//   3 read -r -d ARG a b     7 unquoted $LINE split by the expander (arr=($LINE), noglob)
// bit 3: the UTF-8 locale; bit 4: no names (REPLY, the line kept whole) for 0 and 1.
// After each command the results are read back (${a}, ${arr[@]}, $REPLY).

let commands: [ByteString] = [
    #"IFS=$FZ_IFS read -r a b c <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read a b c <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read -r -a arr <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read -r -d "$FZ_ARG" a b <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read -r -n "$FZ_ARG" a b <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read -r -N "$FZ_ARG" a <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read -r -t "$FZ_ARG" a b <<<"$FZ_LINE""#,
    #"set -f; IFS=$FZ_IFS; arr=($FZ_LINE); unset IFS; set +f"#,
]
let replyCommands: [ByteString] = [
    #"IFS=$FZ_IFS read -r <<<"$FZ_LINE""#,
    #"IFS=$FZ_IFS read <<<"$FZ_LINE""#,
]
let readBack: ByteString = #"FZ_OUT="$a|$b|$c|${arr[*]}|${#arr[@]}|$REPLY"; unset a b c arr REPLY"#

/// One shell for the process; each input starts from the same variables.
let shell: Shell = {
    let s = Shell()
    BuiltinTable.install(into: s)
    try? s.variables.assign("PATH", "")
    return s
}()

/// Each command parsed once.
func parsed(_ text: ByteString) -> [CommandList] {
    let parser = Parser(source: SourceFile(name: "fuzz", text: text))
    var lists: [CommandList] = []
    while let l = try? parser.parseNextCommand() { lists.append(l) }
    return lists
}
let programs = commands.map(parsed)
let replyPrograms = replyCommands.map(parsed)
let readBackProgram = parsed(readBack)
// Messages (invalid number, invalid timeout…) go to /dev/null: stderr stays libFuzzer's.
let devNull = open("/dev/null", O_WRONLY)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let input = FlaggedInput(bytes)
    setUTF8Locale(input.bit(3))
    let parts = splitAtNUL(input.rest, maxParts: 3)
    let line = parts[0]
    let ifs = parts.count > 1 ? parts[1] : " \t\n"
    let arg = parts.count > 2 ? parts[2] : ":"
    let choice = Int(input.flags & 7)
    let program = input.bit(4) && choice < 2 ? replyPrograms[choice] : programs[choice]
    let v = shell.variables
    try? v.assign("FZ_LINE", line)
    try? v.assign("FZ_IFS", ifs)
    try? v.assign("FZ_ARG", arg)
    let savedErr = dup(2)
    dup2(devNull, 2)
    defer { dup2(savedErr, 2); close(savedErr) }
    for list in program + readBackProgram {
        do { try shell.runCommandLine(list) } catch {}
    }
    _ = v.value("FZ_OUT")
    return 0
}

/// The executable's entry point (SwiftPM links it as `main`): libFuzzer's driver.
@_cdecl("FuzzRead_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
