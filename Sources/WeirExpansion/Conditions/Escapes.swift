import WeirSyntax

/// Backslash-escape processing shared by `echo -e`, `printf`'s FORMAT and `printf %b`,
/// byte for byte like bash 5.2 (`tescape`/`bexpand` in printf.def, `ansicstr` for echo).
///
/// The three dialects differ only in a few escapes:
///
/// | escape          | printf FORMAT        | printf %b             | echo -e              |
/// |-----------------|----------------------|-----------------------|----------------------|
/// | `\c`            | kept as `\c`         | stops all output      | stops all output     |
/// | `\'` `\"` `\?`  | the character        | kept with backslash   | kept with backslash  |
/// | `\NNN` (1-7)    | octal, up to 3 digits| octal, up to 3 digits | kept as `\N`         |
/// | `\0NNN`         | `\0NN` + rest        | octal, 0 + up to 3    | octal, 0 + up to 3   |
/// | `\x` `\u` `\U` with no digit | `\x` + diagnostic | `\x` + diagnostic | `\x`, silently |
///
/// A fourth dialect, `.dollarQuote`, is that of `$'...'` and `${x@E}` (`ansicstr` with
/// flags 2): `\'` `\"` `\?` give the character, `\NNN` is octal (3 digits in all), `\cX`
/// is control-X (`\c?` is DEL, `\c\\` is control-backslash), `\x{HHH}` takes any number of
/// hex digits (the low byte is kept), no diagnostics, and a NUL ends the string as in bash.
public enum Escapes {
    public enum Mode: Sendable, Equatable {
        /// printf's FORMAT string.
        case format
        /// An argument of printf's `%b`.
        case bArgument
        /// An argument of `echo -e` (or xpg_echo).
        case echo
        /// The body of `$'...'`, or a value under `${x@E}`.
        case dollarQuote
    }

    /// The result of decoding one escape sequence.
    public struct Decoded: Sendable {
        /// The bytes the sequence stands for.
        public var bytes: [UInt8]
        /// How many bytes after the backslash the sequence used (0: the backslash stands for itself).
        public var consumed: Int
        /// `\c` was seen (never in `.format`).
        public var stop: Bool
        /// A diagnostic such as "missing hex digit for \x" (printf modes only).
        public var diagnostic: String?
    }

    /// Interprets the escapes of `s`: printf's FORMAT dialect when `forFormat`, else the
    /// dialect of printf's `%b` argument. Returns the bytes and whether `\c` was seen.
    public static func interpret(_ s: ByteString, forFormat: Bool) -> (bytes: [UInt8], stopped: Bool) {
        let r = process(s.bytes, mode: forFormat ? .format : .bArgument)
        return (r.bytes, r.stopped)
    }

    /// Interprets every escape of `input` in the given dialect. Output stops at `\c`
    /// (except in `.format`). Diagnostics are messages without a command prefix.
    public static func process(_ input: [UInt8], mode: Mode) -> (bytes: [UInt8], stopped: Bool, diagnostics: [String]) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var diagnostics: [String] = []
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            if c != 0x5C || i + 1 >= n {
                out.append(c)
                i += 1
                continue
            }
            let d = decode(input, at: i + 1, mode: mode)
            if let message = d.diagnostic { diagnostics.append(message) }
            if d.stop { return (out, true, diagnostics) }
            if mode == .dollarQuote, let nul = d.bytes.firstIndex(of: 0) {
                out.append(contentsOf: d.bytes[..<nul])
                return (out, false, diagnostics)
            }
            out.append(contentsOf: d.bytes)
            i += 1 + d.consumed
        }
        return (out, false, diagnostics)
    }

    /// Decodes the escape sequence whose backslash is just before `start`.
    /// At the end of the input the backslash stands for itself.
    public static func decode(_ input: [UInt8], at start: Int, mode: Mode) -> Decoded {
        let n = input.count
        guard start < n else { return Decoded(bytes: [0x5C], consumed: 0, stop: false, diagnostic: nil) }
        let c = input[start]
        var p = start + 1
        func simple(_ b: UInt8) -> Decoded { Decoded(bytes: [b], consumed: 1, stop: false, diagnostic: nil) }
        let literal = Decoded(bytes: [0x5C], consumed: 0, stop: false, diagnostic: nil)
        switch c {
        case UInt8(ascii: "a"): return simple(0x07)
        case UInt8(ascii: "b"): return simple(0x08)
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return simple(0x1B)
        case UInt8(ascii: "f"): return simple(0x0C)
        case UInt8(ascii: "n"): return simple(0x0A)
        case UInt8(ascii: "r"): return simple(0x0D)
        case UInt8(ascii: "t"): return simple(0x09)
        case UInt8(ascii: "v"): return simple(0x0B)
        case 0x5C: return simple(0x5C)
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"):
            return mode == .format || mode == .dollarQuote ? simple(c) : literal
        case UInt8(ascii: "c"):
            if mode == .format { return literal }
            if mode == .dollarQuote {
                guard p < n else { return literal }
                let x = input[p]
                var used = 2
                if x == 0x5C && p + 1 < n && input[p + 1] == 0x5C { used = 3 }
                let control: UInt8 = x == UInt8(ascii: "?") ? 0x7F
                    : ((x >= 0x61 && x <= 0x7A) ? x - 0x20 : x) & 0x1F
                return Decoded(bytes: [control], consumed: used, stop: false, diagnostic: nil)
            }
            return Decoded(bytes: [], consumed: 1, stop: true, diagnostic: nil)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            if mode == .echo && c != UInt8(ascii: "0") { return literal }
            var value = Int(c - 0x30)
            // printf's FORMAT and $'...': \NNN (3 digits in all); %b and echo: \0NNN or \NNN.
            let zeroPrefixed = (mode == .bArgument || mode == .echo) && c == UInt8(ascii: "0")
            var more = zeroPrefixed ? 3 : 2
            while more > 0, p < n, isOctal(input[p]) {
                value = value * 8 + Int(input[p] - 0x30)
                p += 1
                more -= 1
            }
            return Decoded(bytes: [UInt8(value & 0xFF)], consumed: p - start, stop: false, diagnostic: nil)
        case UInt8(ascii: "x"):
            if mode == .dollarQuote && p < n && input[p] == UInt8(ascii: "{") {
                p += 1
                var wide: UInt32 = 0
                while p < n, let h = hexValue(input[p]) {
                    wide = wide &* 16 &+ UInt32(h)
                    p += 1
                }
                if p < n && input[p] == UInt8(ascii: "}") { p += 1 }
                return Decoded(bytes: [UInt8(wide & 0xFF)], consumed: p - start, stop: false, diagnostic: nil)
            }
            var value = 0
            var more = 2
            while more > 0, p < n, let h = hexValue(input[p]) {
                value = value * 16 + h
                p += 1
                more -= 1
            }
            if p == start + 1 {
                return Decoded(bytes: [0x5C], consumed: 0, stop: false,
                               diagnostic: mode == .echo || mode == .dollarQuote ? nil : "missing hex digit for \\x")
            }
            return Decoded(bytes: [UInt8(value & 0xFF)], consumed: p - start, stop: false, diagnostic: nil)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            var value: UInt32 = 0
            var more = c == UInt8(ascii: "u") ? 4 : 8
            while more > 0, p < n, let h = hexValue(input[p]) {
                value = value &* 16 &+ UInt32(h)
                p += 1
                more -= 1
            }
            if p == start + 1 {
                let letter = c == UInt8(ascii: "u") ? "u" : "U"
                return Decoded(bytes: [0x5C], consumed: 0, stop: false,
                               diagnostic: mode == .echo || mode == .dollarQuote ? nil : "missing unicode digit for \\\(letter)")
            }
            if value >= 0x80 && !ShellLocale.isUTF8 {
                // Outside a UTF-8 locale bash keeps the escape, spelled in upper case.
                let hex = Array(String(value, radix: 16, uppercase: true).utf8)
                let width = c == UInt8(ascii: "u") ? 4 : 8
                return Decoded(bytes: [0x5C, c] + [UInt8](repeating: 0x30, count: max(0, width - hex.count)) + hex,
                               consumed: p - start, stop: false, diagnostic: nil)
            }
            return Decoded(bytes: encodeUTF8(value), consumed: p - start, stop: false, diagnostic: nil)
        default:
            return literal
        }
    }

    /// bash's `u32toutf8`: UTF-8 with the historical 5- and 6-byte forms, surrogates
    /// encoded as they are; values from 0x80000000 on give no bytes.
    public static func encodeUTF8(_ wc: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        UTF8Sequence.encode(wc, into: &out)
        return out
    }

    @inline(__always) static func isOctal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x37 }

    @inline(__always) public static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: return Int(b - 0x30)
        case 0x41...0x46: return Int(b - 0x41 + 10)
        case 0x61...0x66: return Int(b - 0x61 + 10)
        default: return nil
        }
    }
}
