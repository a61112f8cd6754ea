import Glibc
import WeirExpansion
import WeirSyntax

/// The text engine of bash's `printf` builtin (bash 5.2, printf.def), without `-v`.
///
/// Numeric conversions go through Glibc's `vsnprintf` with the conversion spec copied from
/// FORMAT (a `*` stays a `*` and its value is passed as an `int`, as bash does), so widths,
/// precisions and flags behave exactly like bash's. Floating conversions use `long double`
/// (`Float80`) on x86, like bash; `Double` elsewhere.
public enum Printf {
    /// The time `%(...)T` shows for the argument -2 (bash: the shell's start time);
    /// the current time when nil.
    nonisolated(unsafe) public static var shellStartTime: Int64? = nil

    /// `printf FORMAT [ARG...]` (not -v: the caller handles `-v var` and `--`).
    ///
    /// With `streamTo`, output is written to that descriptor as it grows past a chunk (and
    /// the rest is left in `stdout`), so a field two gigabytes wide costs no memory and ends
    /// at the first failed write. Without it, a field wider than `inMemoryLimit` is an error.
    public static func format(_ format: ByteString, _ arguments: [ByteString], streamTo fd: Int32? = nil) -> BuiltinOutput {
        var engine = PrintfEngine(format: format.bytes, arguments: arguments)
        engine.streamFD = fd
        return engine.run()
    }

    /// The widest field or precision kept in memory (for `-v`, or when not streaming).
    public static let inMemoryLimit = 1 << 20
    /// Output is written once this much has gathered (when streaming).
    static let chunk = 1 << 16
}

#if arch(x86_64) || arch(i386)
typealias PrintfFloat = Float80
let printfFloatModifier: UInt8 = UInt8(ascii: "L")
@inline(__always) func printfStrtof(_ s: UnsafePointer<CChar>, _ end: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> PrintfFloat {
    strtold(s, end)
}
#else
typealias PrintfFloat = Double
let printfFloatModifier: UInt8 = 0
@inline(__always) func printfStrtof(_ s: UnsafePointer<CChar>, _ end: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> PrintfFloat {
    strtod(s, end)
}
#endif

struct PrintfEngine {
    let fmt: [UInt8]
    let args: [ByteString]
    var next = 0
    var out = BuiltinOutput()
    var conversionError = false
    /// Where output goes as it grows, if anywhere (see `Printf.format`).
    var streamFD: Int32? = nil

    init(format: [UInt8], arguments: [ByteString]) {
        self.fmt = format
        self.args = arguments
    }

    enum PassResult { case completed, finished(Int32) }

    mutating func run() -> BuiltinOutput {
        if fmt.isEmpty { return out }
        repeat {
            if case .finished(let status) = pass() {
                out.status = status
                return out
            }
        } while next < args.count && next > 0
        if conversionError { out.status = 1 }
        return out
    }

    mutating func diagnose(_ message: String) {
        out.diagnostics.append("printf: " + message)
    }

    /// One pass over FORMAT.
    mutating func pass() -> PassResult {
        let n = fmt.count
        var i = 0
        while i < n {
            let c = fmt[i]
            if c == 0x5C {
                let d = Escapes.decode(fmt, at: i + 1, mode: .format)
                if let message = d.diagnostic { diagnose(message) }
                out.stdout.append(contentsOf: d.bytes)
                i += 1 + d.consumed
                continue
            }
            if c != UInt8(ascii: "%") {
                out.stdout.append(c)
                i += 1
                continue
            }
            let start = i
            i += 1
            if i < n && fmt[i] == UInt8(ascii: "%") {
                out.stdout.append(c)
                i += 1
                continue
            }
            while i < n && Self.isFlag(fmt[i]) { i += 1 }
            var width: Int32? = nil
            // The field's size (width, and precision for a number), checked before anything
            // is made: a width past Int32 is an error, not bash's clamp to two gigabytes.
            var fieldSize = 0
            if i < n && fmt[i] == UInt8(ascii: "*") {
                i += 1
                guard let w = getWidth() else { return .finished(1) }
                width = w
                fieldSize = Int(w.magnitude)
            } else {
                let digits = i
                while i < n && Self.isDigit(fmt[i]) { i += 1 }
                guard let w = literalSize(fmt[digits..<i]) else { return .finished(1) }
                fieldSize = w
            }
            var precision: Int32? = nil
            var precisionSize = 0
            var precisionDigits = false
            if i < n && fmt[i] == UInt8(ascii: ".") {
                i += 1
                if i < n && fmt[i] == UInt8(ascii: "*") {
                    i += 1
                    precision = getPrecision()
                    precisionSize = Int(precision!)
                } else {
                    if i < n && fmt[i] == UInt8(ascii: "-") { i += 1 }
                    let digits = i
                    while i < n && Self.isDigit(fmt[i]) {
                        i += 1
                        precisionDigits = true
                    }
                    guard let p = literalSize(fmt[digits..<i]) else { return .finished(1) }
                    precisionSize = p
                }
            }
            let modStart = i
            while i < n && Self.isLengthModifier(fmt[i]) { i += 1 }
            if i >= n {
                diagnose("`\(Self.text(fmt[start...]))': missing format character")
                return .finished(1)
            }
            let conv = fmt[i]
            i += 1
            if Self.isNumericConversion(conv) { fieldSize = Swift.max(fieldSize, precisionSize) }
            if fieldSize > Printf.inMemoryLimit && streamFD == nil {
                diagnose("\(fieldSize): field too wide to hold in memory")
                return .finished(1)
            }
            let spec = Array(fmt[start..<modStart])
            var cArgs: [CVarArg] = []
            if let w = width { cArgs.append(w) }
            if let p = precision { cArgs.append(p) }

            switch conv {
            case UInt8(ascii: "c"):
                // The first character of the locale (bash 5.2 takes the first byte even
                // in a UTF-8 locale, and so splits a multibyte character).
                let arg = getString()
                let bytes: [UInt8] = arg.isEmpty ? [0] : Characters.first(arg).bytes
                if !printString(bytes, spec: spec, width: width, precision: nil, honorPrecision: false) { return .finished(1) }
            case UInt8(ascii: "s"):
                let arg = getString()
                if ShellLocale.isUTF8 && !arg.isASCII && Self.hasPrecision(spec) {
                    // The precision counts characters: weir cuts the text itself.
                    if !printString(arg.bytes, spec: spec, width: width, precision: precision) { return .finished(1) }
                } else {
                    let ok = arg.withCString { ptr in appendC(spec + [conv], cArgs + [ptr], fieldSize: fieldSize) }
                    if !ok { return .finished(1) }
                }
            case UInt8(ascii: "b"):
                let arg = getString()
                let r = Escapes.process(arg.bytes, mode: .bArgument)
                for message in r.diagnostics { diagnose(message) }
                if !printString(r.bytes, spec: spec, width: width, precision: precision) { return .finished(1) }
                if r.stopped { return .finished(0) }
            case UInt8(ascii: "q"), UInt8(ascii: "Q"):
                var arg = getString().bytes
                var honor = true
                if conv == UInt8(ascii: "Q") && precision != nil {
                    // bash 5.2 ignores a `*` precision with %Q.
                    honor = false
                } else if conv == UInt8(ascii: "Q") && precisionDigits {
                    // %Q applies the precision to the unquoted argument.
                    let p = Self.literalPrecision(spec)
                    if p >= 0 && Int(p) < arg.count { arg = Array(arg[0..<Int(p)]) }
                    honor = false
                }
                if !printString(ShellQuoting.quote(arg), spec: spec, width: width, precision: precision, honorPrecision: honor) { return .finished(1) }
            case UInt8(ascii: "n"):
                let name = getString()
                if !name.isEmpty && !Self.isIdentifier(name.bytes) {
                    diagnose("`\(name)': not a valid identifier")
                    return .finished(1)
                }
            case UInt8(ascii: "d"), UInt8(ascii: "i"):
                let value = getIntMax()
                if !appendC(spec + [UInt8(ascii: "l"), conv], cArgs + [Int(value)], fieldSize: fieldSize) { return .finished(1) }
            case UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "x"), UInt8(ascii: "X"):
                let value = getUIntMax()
                if !appendC(spec + [UInt8(ascii: "l"), conv], cArgs + [UInt(value)], fieldSize: fieldSize) { return .finished(1) }
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
                 UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "a"), UInt8(ascii: "A"):
                let value = getFloat()
                var s = spec
                if printfFloatModifier != 0 { s.append(printfFloatModifier) }
                s.append(conv)
                if !appendC(s, cArgs + [value], fieldSize: fieldSize) { return .finished(1) }
            case UInt8(ascii: "("):
                // %(datefmt)T
                var j = i
                var depth = 1
                var timeFormat: [UInt8] = []
                while j < n {
                    if fmt[j] == UInt8(ascii: "(") { depth += 1 } else if fmt[j] == UInt8(ascii: ")") { depth -= 1 }
                    if depth == 0 { break }
                    timeFormat.append(fmt[j])
                    j += 1
                }
                if j + 1 >= n || fmt[j + 1] != UInt8(ascii: "T") {
                    let bad = j + 1 < n ? Self.text(fmt[(j + 1)...(j + 1)]) : ""
                    diagnose("warning: `\(bad)': invalid time format specification")
                    out.stdout.append(UInt8(ascii: "%"))
                    i = start + 1
                    continue
                }
                i = j + 2
                if timeFormat.isEmpty { timeFormat = Array("%X".utf8) }
                var seconds: Int64
                if next < args.count {
                    seconds = getIntMax()
                    if seconds == -1 {
                        seconds = Int64(time(nil))
                    } else if seconds == -2 {
                        seconds = Printf.shellStartTime ?? Int64(time(nil))
                    }
                } else {
                    seconds = Int64(time(nil))
                }
                if !printString(Self.strftime(timeFormat, seconds), spec: spec, width: width, precision: precision) { return .finished(1) }
            default:
                diagnose("`\(Self.text(fmt[(i - 1)..<Swift.min(n, i - 1 + Self.utf8Length(conv))]))': invalid format character")
                return .finished(1)
            }
            if out.stdout.count >= Printf.chunk && !flush() { return .finished(1) }
        }
        return .completed
    }

    // MARK: - Output

    /// Writes what has gathered to the stream, if there is one; false (with the message)
    /// when the write fails.
    mutating func flush() -> Bool {
        guard let fd = streamFD, !out.stdout.isEmpty else { return true }
        let ok = writeAll(fd, out.stdout)
        out.stdout.removeAll(keepingCapacity: true)
        if !ok { diagnose("write error: \(String(cString: strerror(errno)))") }
        return ok
    }

    /// A C conversion: in memory through vsnprintf, or, for a field wider than the
    /// in-memory limit, straight to the stream through vdprintf (glibc pads in small pieces).
    mutating func appendC(_ spec: [UInt8], _ args: [CVarArg], fieldSize: Int) -> Bool {
        guard fieldSize > Printf.inMemoryLimit, let fd = streamFD else {
            out.stdout.append(contentsOf: Self.cFormat(spec, args))
            return true
        }
        guard flush() else { return false }
        var specZ = spec
        specZ.append(0)
        let n = specZ.withUnsafeBufferPointer { sp in
            sp.withMemoryRebound(to: CChar.self) { cp in withVaList(args) { vdprintf(fd, cp.baseAddress!, $0) } }
        }
        if n < 0 {
            diagnose("write error: \(String(cString: strerror(errno)))")
            return false
        }
        return true
    }

    /// `count` spaces, written in chunks when streaming.
    mutating func appendPadding(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            let piece = Swift.min(left, Printf.chunk)
            out.stdout.append(contentsOf: repeatElement(0x20, count: piece))
            left -= piece
            if out.stdout.count >= Printf.chunk && !flush() { return false }
        }
        return true
    }

    /// A width or precision written as digits; nil (with bash's message) past Int32.
    mutating func literalSize(_ digits: ArraySlice<UInt8>) -> Int? {
        var v = 0
        for d in digits {
            v = v * 10 + Int(d - 0x30)
            if v > Int(Int32.max) {
                diagnose("\(Self.text(digits)): Numerical result out of range")
                return nil
            }
        }
        return v
    }

    // MARK: - Arguments

    mutating func getString() -> ByteString {
        guard next < args.count else { return "" }
        defer { next += 1 }
        return args[next]
    }

    /// An `int` for a `*` width. A value past Int32 is an error (bash clamps it with a
    /// warning and then writes two gigabytes).
    mutating func getWidth() -> Int32? {
        let argument = next < args.count ? args[next] : ""
        let value = getIntMax()
        if value > Int64(Int32.max) || value < Int64(Int32.min) {
            diagnose("\(argument): Numerical result out of range")
            return nil
        }
        return Int32(value)
    }

    /// An `int` for a `*` precision; out-of-range values are clamped with bash's warning,
    /// which names the argument after the number (a precision only shortens a string).
    mutating func getPrecision() -> Int32 {
        let value = getIntMax()
        if value > Int64(Int32.max) || value < Int64(Int32.min) {
            if next < args.count {
                diagnose("warning: \(args[next]): Numerical result out of range")
            }
            return value > 0 ? Int32.max : Int32.min
        }
        return Int32(value)
    }

    mutating func getIntMax() -> Int64 {
        guard let (arg, bytes) = nextNumericArgument() else { return 0 }
        if Self.isCharacterConstant(bytes) { return Self.characterCode(bytes) }
        let r = PrintfNumber.parse(bytes)
        var overflow = r.overflow
        let value: Int64
        if r.negative {
            if overflow || r.magnitude > UInt64(Int64.max) + 1 {
                overflow = true
                value = Int64.min
            } else {
                value = Int64(truncatingIfNeeded: 0 &- r.magnitude)
            }
        } else if overflow || r.magnitude > UInt64(Int64.max) {
            overflow = true
            value = Int64.max
        } else {
            value = Int64(r.magnitude)
        }
        checkNumber(arg, bytes, complete: r.end == bytes.count, outOfRange: overflow)
        return value
    }

    mutating func getUIntMax() -> UInt64 {
        guard let (arg, bytes) = nextNumericArgument() else { return 0 }
        if Self.isCharacterConstant(bytes) { return UInt64(bitPattern: Self.characterCode(bytes)) }
        let r = PrintfNumber.parse(bytes)
        let value: UInt64 = r.overflow ? UInt64.max : (r.negative ? 0 &- r.magnitude : r.magnitude)
        checkNumber(arg, bytes, complete: r.end == bytes.count, outOfRange: r.overflow)
        return value
    }

    mutating func getFloat() -> PrintfFloat {
        guard let (arg, bytes) = nextNumericArgument() else { return 0 }
        if Self.isCharacterConstant(bytes) { return PrintfFloat(Self.characterCode(bytes)) }
        var consumed = 0
        var rangeError = false
        let value: PrintfFloat = arg.withCString { ptr in
            var end: UnsafeMutablePointer<CChar>? = nil
            errno = 0
            let v = printfStrtof(ptr, &end)
            rangeError = errno == ERANGE
            if let e = end { consumed = UnsafePointer(e) - ptr }
            return v
        }
        checkNumber(arg, bytes, complete: consumed == bytes.count, outOfRange: rangeError)
        return value
    }

    /// The next argument for a numeric conversion, with its bytes; nil when none is left.
    mutating func nextNumericArgument() -> (ByteString, [UInt8])? {
        guard next < args.count else { return nil }
        let arg = args[next]
        next += 1
        return (arg, arg.bytes)
    }

    /// `'c` or `"c`: the number is the character's code.
    static func isCharacterConstant(_ bytes: [UInt8]) -> Bool {
        bytes.first == 0x27 || bytes.first == 0x22
    }

    /// bash's complaints about a number: not all of it read, or out of range.
    mutating func checkNumber(_ arg: ByteString, _ bytes: [UInt8], complete: Bool, outOfRange: Bool) {
        if !complete {
            invalidNumber(arg, bytes)
        } else if outOfRange {
            diagnose("warning: \(arg): Numerical result out of range")
        }
    }

    /// bash's `sh_invalidnum`; the value parsed so far is still used.
    mutating func invalidNumber(_ arg: ByteString, _ bytes: [UInt8]) {
        conversionError = true
        if bytes.count > 1 && bytes[0] == UInt8(ascii: "0") && Self.isDigit(bytes[1]) {
            diagnose("\(arg): invalid octal number")
        } else if bytes.count > 1 && bytes[0] == UInt8(ascii: "0") && bytes[1] == UInt8(ascii: "x") {
            diagnose("\(arg): invalid hex number")
        } else {
            diagnose("\(arg): invalid number")
        }
    }

    /// `'c` or `"c`: the code of the character after the quote (in a UTF-8 locale a
    /// whole character's code point, else the byte); 0 when there is none.
    static func characterCode(_ bytes: [UInt8]) -> Int64 {
        guard bytes.count > 1 else { return 0 }
        if ShellLocale.isUTF8, let v = bytes.withUnsafeBufferPointer({ UTF8Sequence.decode($0, at: 1).scalar }) {
            return Int64(v)
        }
        return Int64(bytes[1])
    }

    // MARK: - Output

    /// bash's `printstr`: the flags, width and precision of `spec` applied to `bytes`,
    /// counting bytes; a `*` takes `width`/`precision`.
    /// False when a streamed write failed.
    mutating func printString(_ bytes: [UInt8], spec: [UInt8], width: Int32?, precision: Int32?, honorPrecision: Bool = true) -> Bool {
        var k = 0
        if k < spec.count && spec[k] == UInt8(ascii: "%") { k += 1 }
        var leftJustify = false
        while k < spec.count && Self.isFlag(spec[k]) {
            if spec[k] == UInt8(ascii: "-") { leftJustify = true }
            k += 1
        }
        var fieldWidth = 0
        if k < spec.count && spec[k] == UInt8(ascii: "*") {
            k += 1
            var w = Int(width ?? 0)
            if w < 0 {
                w = -w
                leftJustify = true
            }
            fieldWidth = w
        } else {
            while k < spec.count && Self.isDigit(spec[k]) {
                fieldWidth = Swift.min(fieldWidth * 10 + Int(spec[k] - 0x30), Int(Int32.max))
                k += 1
            }
        }
        var pr = -1
        if k < spec.count && spec[k] == UInt8(ascii: ".") {
            k += 1
            if k < spec.count && spec[k] == UInt8(ascii: "*") {
                pr = Int(precision ?? -1)
            } else if k < spec.count && Self.isDigit(spec[k]) {
                pr = 0
                while k < spec.count && Self.isDigit(spec[k]) {
                    pr = Swift.min(pr * 10 + Int(spec[k] - 0x30), Int(Int32.max))
                    k += 1
                }
            } else {
                pr = 0
            }
        }
        if !honorPrecision { pr = -1 }
        // The precision counts the locale's characters (a UTF-8 character is never cut);
        // the width counts bytes, as C's printf and bash 5.2 count it.
        var count = bytes.count
        if pr >= 0 && pr < bytes.count {
            if ShellLocale.isUTF8 {
                count = bytes.withUnsafeBufferPointer { buf in
                    var i = 0, n = 0
                    while i < buf.count && n < pr {
                        i += Characters.length(buf, at: i)
                        n += 1
                    }
                    return i
                }
            } else {
                count = pr
            }
        }
        let padding = Swift.max(0, fieldWidth - count)
        if !leftJustify && padding > 0 && !appendPadding(padding) { return false }
        out.stdout.append(contentsOf: bytes[0..<count])
        if leftJustify && padding > 0 && !appendPadding(padding) { return false }
        return true
    }

    /// Formats through Glibc's vsnprintf.
    static func cFormat(_ spec: [UInt8], _ args: [CVarArg]) -> [UInt8] {
        var specZ = spec
        specZ.append(0)
        return specZ.withUnsafeBufferPointer { sp -> [UInt8] in
            sp.withMemoryRebound(to: CChar.self) { cp -> [UInt8] in
                let capacity = 256
                var buffer = [UInt8](repeating: 0, count: capacity)
                let n = withVaList(args) { va in
                    buffer.withUnsafeMutableBufferPointer { b in
                        b.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, capacity, cp.baseAddress, va) }
                    }
                }
                if n < 0 { return [] }
                if Int(n) < capacity { return Array(buffer[0..<Int(n)]) }
                let size = Int(n) + 1
                buffer = [UInt8](repeating: 0, count: size)
                let m = withVaList(args) { va in
                    buffer.withUnsafeMutableBufferPointer { b in
                        b.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, size, cp.baseAddress, va) }
                    }
                }
                return m < 0 ? [] : Array(buffer[0..<Swift.min(Int(m), size - 1)])
            }
        }
    }

    /// strftime in the local time zone, at most 127 bytes as in bash (else nothing).
    static func strftime(_ format: [UInt8], _ seconds: Int64) -> [UInt8] {
        var t = time_t(seconds)
        var parts = tm()
        if localtime_r(&t, &parts) == nil {
            t = 0
            _ = localtime_r(&t, &parts)
        }
        var formatZ = format
        formatZ.append(0)
        var buffer = [CChar](repeating: 0, count: 128)
        let n = formatZ.withUnsafeBufferPointer { fp in
            fp.withMemoryRebound(to: CChar.self) { Glibc.strftime(&buffer, 128, $0.baseAddress, &parts) }
        }
        return buffer[0..<n].map { UInt8(bitPattern: $0) }
    }

    // MARK: - Character classes

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The conversions whose precision adds digits (and so can make a field large).
    static func isNumericConversion(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "x"),
             UInt8(ascii: "X"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "a"), UInt8(ascii: "A"): return true
        default: return false
        }
    }

    /// bash's SKIP1: `#'-+ 0`.
    @inline(__always) static func isFlag(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "#") || c == UInt8(ascii: "'") || c == UInt8(ascii: "-") ||
            c == UInt8(ascii: "+") || c == UInt8(ascii: " ") || c == UInt8(ascii: "0")
    }

    /// bash's LENMODS: `hjlLtz`, skipped.
    @inline(__always) static func isLengthModifier(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "h") || c == UInt8(ascii: "j") || c == UInt8(ascii: "l") ||
            c == UInt8(ascii: "L") || c == UInt8(ascii: "t") || c == UInt8(ascii: "z")
    }

    static func isIdentifier(_ b: [UInt8]) -> Bool {
        guard let first = b.first, first == UInt8(ascii: "_") || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
        return b.allSatisfy { $0 == UInt8(ascii: "_") || isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    static func literalPrecision(_ spec: [UInt8]) -> Int32 {
        guard let dot = spec.firstIndex(of: UInt8(ascii: ".")) else { return -1 }
        var value: Int32 = 0
        var k = dot + 1
        while k < spec.count && isDigit(spec[k]) {
            value = value &* 10 &+ Int32(spec[k] - 0x30)
            k += 1
        }
        return value
    }

    /// A conversion spec with a precision (`.` then digits or `*`).
    static func hasPrecision(_ spec: [UInt8]) -> Bool {
        guard let dot = spec.firstIndex(of: UInt8(ascii: ".")), dot + 1 < spec.count else { return false }
        return isDigit(spec[dot + 1]) || spec[dot + 1] == UInt8(ascii: "*")
    }

    static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    /// Format text for a message.
    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// strtoimax/strtoumax with base 0: blanks, a sign, then `0x` hex, `0` octal or decimal.
/// `end` is where parsing stopped (0 when there were no digits, like strtol's `endptr`).
enum PrintfNumber {
    struct Result {
        var magnitude: UInt64
        var negative: Bool
        var overflow: Bool
        var end: Int
    }

    static func parse(_ b: [UInt8]) -> Result {
        let n = b.count
        var i = 0
        while i < n, FileTest.isCSpace(b[i]) { i += 1 }
        var negative = false
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var base: UInt64 = 10
        if i < n, b[i] == UInt8(ascii: "0") {
            if i + 1 < n, b[i + 1] | 0x20 == UInt8(ascii: "x"), i + 2 < n, Escapes.hexValue(b[i + 2]) != nil {
                base = 16
                i += 2
            } else {
                base = 8
            }
        }
        let digitsStart = i
        var magnitude: UInt64 = 0
        var overflow = false
        while i < n {
            let d: UInt64
            if let h = Escapes.hexValue(b[i]), UInt64(h) < base { d = UInt64(h) } else { break }
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: base)
            let (m2, o2) = m1.addingReportingOverflow(d)
            if o1 || o2 { overflow = true }
            magnitude = m2
            i += 1
        }
        if i == digitsStart {
            return Result(magnitude: 0, negative: false, overflow: false, end: 0)
        }
        return Result(magnitude: magnitude, negative: negative, overflow: overflow, end: i)
    }
}
