import Glibc
import Testing
import WeirTestSupport

/// Every byte 1–255 and every 2-byte sequence that is not valid UTF-8 goes through each
/// path a value can take in a script, under `LC_ALL=C` and `LC_ALL=C.UTF-8`. Each path's
/// script runs under weir and under bash: the two outputs must be the same bytes, and
/// where the path is meant to give the value back unchanged, weir's output must be
/// exactly the values that went in. (docs/bytes.md) Some 47,000 values through twenty
/// paths is a lot of commands: the release build runs them when it is up to date.
@Suite struct ByteTransparencyTests {
    /// The 255 single bytes, then the 46,976 two-byte sequences that are invalid UTF-8.
    static let values: [[UInt8]] = {
        var v: [[UInt8]] = (1...255).map { [UInt8($0)] }
        for a in 1...255 {
            for b in 1...255 {
                let pair = [UInt8(a), UInt8(b)]
                if !isValidUTF8(pair) { v.append(pair) }
            }
        }
        return v
    }()

    /// Strict UTF-8 (what Python and Swift accept).
    static func isValidUTF8(_ s: [UInt8]) -> Bool {
        var i = 0
        while i < s.count {
            let b = s[i]
            if b < 0x80 { i += 1; continue }
            guard b >= 0xC2 && b <= 0xDF, i + 1 < s.count, s[i + 1] & 0xC0 == 0x80 else { return false }
            i += 2
        }
        return true
    }

    static let separator: [UInt8] = [1, 2, 3, 4]

    /// How a path's output is checked.
    enum Check: Sendable {
        /// NUL-terminated records that must be the values, in order.
        case sameValues
        /// NUL-terminated records that must be the values without a newline, in order.
        case sameValuesWithoutNewline
        /// Records separated by `separator` that must be the values, in order.
        case sameValuesSeparated
        /// NUL-terminated records that must be the values in some order.
        case sameValueSet
        /// NUL-terminated `X<i>=<value>` records that give each value under its index.
        case environment
        /// Only that bash gives the same bytes.
        case bashOnly
    }

    struct Path: CustomTestStringConvertible, Sendable {
        var name: String
        var check: Check
        /// The script, given the values.
        var script: @Sendable ([[UInt8]]) -> [UInt8]
        var testDescription: String { name }
    }

    /// Reads the values into the array V (NUL-separated in vals.bin).
    static let prelude = "mapfile -d '' -t V < vals.bin\n"

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// A value as a word in a script file: single quotes, or double quotes when it holds one.
    static func quotedLiteral(_ v: [UInt8]) -> [UInt8] {
        if !v.contains(UInt8(ascii: "'")) { return [0x27] + v + [0x27] }
        var out: [UInt8] = [0x22]
        for b in v {
            if b == UInt8(ascii: "\\") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "$") || b == UInt8(ascii: "`") {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(b)
        }
        return out + [0x22]
    }

    static func hex(_ b: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(b >> 4)], digits[Int(b & 15)]]
    }

    static let paths: [Path] = [
        Path(name: "literal in a script file", check: .sameValues) { values in
            var s: [UInt8] = []
            for v in values { s += text("printf '%s\\0' ") + quotedLiteral(v) + [0x0A] }
            return s
        },
        Path(name: "$'\\xNN'", check: .sameValues) { values in
            var s: [UInt8] = []
            for v in values {
                s += text("printf '%s\\0' $'")
                for b in v { s += text("\\x") + hex(b) }
                s += text("'\n")
            }
            return s
        },
        Path(name: "variable", check: .sameValues) { _ in
            text(prelude + "for v in \"${V[@]}\"; do x=$v; y=\"$x\"; printf '%s\\0' \"$y\"; done\n")
        },
        Path(name: "array element", check: .sameValues) { _ in
            text(prelude + "a=(); for v in \"${V[@]}\"; do a+=(\"$v\"); b[7]=$v; [ \"${b[7]}\" = \"$v\" ] || echo BAD; done\n"
                 + "printf '%s\\0' \"${a[@]}\"\n")
        },
        Path(name: "associative key", check: .sameValueSet) { _ in
            text(prelude + "declare -A m\nfor v in \"${V[@]}\"; do m[$v]=$v; done\n"
                 + "for k in \"${!m[@]}\"; do [ \"${m[$k]}\" = \"$k\" ] && printf '%s\\0' \"$k\"; done\n")
        },
        Path(name: "exported variable read by a child", check: .environment) { _ in
            // The child (env -0) prints NAME=value records; the order is the test's to fix.
            text(prelude + "for i in \"${!V[@]}\"; do export \"X$i=${V[i]}\"; done\n"
                 + "env -0 | LC_ALL=C sort -z | LC_ALL=C grep -z '^X[0-9]*='\n")
        },
        Path(name: "read -r -d ''", check: .sameValues) { _ in
            text(prelude + "printf '%s\\0' \"${V[@]}\" > in.bin\n"
                 + "while IFS= read -r -d '' x; do printf '%s\\0' \"$x\"; done < in.bin\n")
        },
        Path(name: "read -r (lines)", check: .sameValuesWithoutNewline) { _ in
            text(prelude + "for v in \"${V[@]}\"; do [[ $v == *$'\\n'* ]] || printf '%s\\n' \"$v\"; done > in.txt\n"
                 + "while IFS= read -r x; do printf '%s\\0' \"$x\"; done < in.txt\n")
        },
        Path(name: "$(printf …)", check: .sameValuesSeparated) { _ in
            text(prelude + "out=$(printf '%s\\1\\2\\3\\4' \"${V[@]}\"); printf '%s' \"$out\"\n")
        },
        Path(name: "quoted here-document", check: .sameValuesSeparated) { values in
            var s = text("IFS= read -r -d '' body <<'WEIR_END_OF_VALUES'\n")
            for v in values { s += v + separator }
            s += text("\nWEIR_END_OF_VALUES\nprintf '%s' \"${body%$'\\n'}\"\n")
            return s
        },
        Path(name: "unquoted here-document", check: .sameValuesSeparated) { values in
            var s = text("IFS= read -r -d '' body <<WEIR_END_OF_VALUES\n")
            for v in values {
                for b in v {
                    if b == UInt8(ascii: "\\") || b == UInt8(ascii: "$") || b == UInt8(ascii: "`") { s.append(UInt8(ascii: "\\")) }
                    s.append(b)
                }
                s += separator
            }
            s += text("\nWEIR_END_OF_VALUES\nprintf '%s' \"${body%$'\\n'}\"\n")
            return s
        },
        Path(name: "printf %s", check: .sameValuesSeparated) { _ in
            text(prelude + "printf '%s\\1\\2\\3\\4' \"${V[@]}\"\n")
        },
        Path(name: "printf %q read back by eval", check: .sameValues) { _ in
            text(prelude + "for v in \"${V[@]}\"; do printf -v q %q \"$v\"; eval \"y=$q\"; printf '%s\\0' \"$y\"; done\n")
        },
        Path(name: "${x@Q} read back by eval", check: .sameValues) { _ in
            text(prelude + "for v in \"${V[@]}\"; do eval \"y=${v@Q}\"; printf '%s\\0' \"$y\"; done\n")
        },
        Path(name: "echo", check: .bashOnly) { _ in
            text(prelude + "for v in \"${V[@]}\"; do echo \"x$v\"; printf '\\0'; echo $v; printf '\\0'; done\n")
        },
        Path(name: "case", check: .bashOnly) { _ in
            text(prelude + "for v in \"${V[@]}\"; do\n"
                 + "case $v in \"$v\") r=1 ;; *) r=0 ;; esac\n"
                 + "case $v in $v) s=1 ;; *) s=0 ;; esac\n"
                 + "case $v in ?) t=1 ;; ??) t=2 ;; *) t=0 ;; esac\n"
                 + "printf '%s%s%s' $r $s $t\ndone\n")
        },
        Path(name: "[[ == ]]", check: .bashOnly) { _ in
            text(prelude + "for v in \"${V[@]}\"; do\n"
                 + "[[ $v == \"$v\" ]] && r=1 || r=0\n"
                 + "[[ $v == $v ]] && s=1 || s=0\n"
                 + "[[ $v == ? ]] && t=1 || t=0\n"
                 + "[[ $v == [[:alpha:]]* ]] && u=1 || u=0\n"
                 + "printf '%s%s%s%s' $r $s $t $u\ndone\n")
        },
        Path(name: "${x//pat/rep}", check: .bashOnly) { _ in
            text(prelude + "for v in \"${V[@]}\"; do\n"
                 + "printf '%s\\0' \"${v//?/<&>}\" \"${v//[$'\\x80'-$'\\xff']/#}\" \"${v/#?/^}\" \"${v//$'\\xc3'/C}\" \"${#v}\"\n"
                 + "done\n")
        },
        Path(name: "file name made by touch and found by *", check: .bashOnly) { _ in
            text(prelude + "mkdir files && cd files || exit 1\nshopt -s dotglob\nnames=()\n"
                 + "for v in \"${V[@]}\"; do case $v in */*|.|..) ;; *) names+=(\"$v\") ;; esac; done\n"
                 + "for ((i = 0; i < ${#names[@]}; i += 4000)); do touch -- \"${names[@]:i:4000}\"; done\n"
                 + "for f in *; do printf '%s\\0' \"$f\"; done\n")
        },
    ]

    static let locales = ["C", "C.UTF-8"]

    /// A readable form of some bytes, for a failure message.
    static func show(_ b: [UInt8]) -> String {
        b.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + String(String(hex($0).map { Character(UnicodeScalar($0)) })) }
            .joined()
    }

    static func records(_ out: [UInt8], separatedBy sep: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < out.count {
            if i + sep.count <= out.count && Array(out[i..<(i + sep.count)]) == sep {
                result.append(current)
                current = []
                i += sep.count
                continue
            }
            current.append(out[i])
            i += 1
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Runs one path's script with `shell` in a fresh directory; its stdout.
    static func run(_ path: Path, shell: String, locale: String) -> ProcessBytes {
        let dir = makeTemporaryDirectory(prefix: "weir-bytes-")
        defer { removeTree(dir) }
        var data: [UInt8] = []
        for v in values { data += v + [0] }
        writeFileBytes(dir + "/vals.bin", data)
        writeFileBytes(dir + "/script.sh", path.script(values))
        return runBytes([shell, "script.sh"], directory: dir,
                        environment: ["PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=" + locale, "HOME=" + dir])
    }

    @Test func valuesAreEveryByteAndEveryInvalidPair() {
        #expect(Self.values.count == 255 + 46_976)
    }

    @Test(arguments: paths, locales)
    func bytesComeOutAsTheyWentIn(_ path: Path, _ locale: String) throws {
        let weir = Self.run(path, shell: fastestWeirBinary, locale: locale)
        #expect(weir.stderr.isEmpty, "\(path.name), LC_ALL=\(locale): stderr \(Self.show(Array(weir.stderr.prefix(300))))")
        #expect(weir.status == 0, "\(path.name), LC_ALL=\(locale): status \(weir.status)")
        switch path.check {
        case .sameValues, .sameValuesWithoutNewline, .sameValuesSeparated, .sameValueSet:
            let sep: [UInt8] = path.check == .sameValuesSeparated ? Self.separator : [0]
            var got = Self.records(weir.stdout, separatedBy: sep)
            var want = path.check == .sameValuesWithoutNewline ? Self.values.filter { !$0.contains(0x0A) } : Self.values
            if path.check == .sameValueSet {
                got.sort { $0.lexicographicallyPrecedes($1) }
                want.sort { $0.lexicographicallyPrecedes($1) }
            }
            #expect(got.count == want.count, "\(path.name), LC_ALL=\(locale): \(got.count) values back")
            let wrong = zip(got, want).enumerated().filter { $0.element.0 != $0.element.1 }
            #expect(wrong.isEmpty, """
                \(path.name), LC_ALL=\(locale): \(wrong.count) values changed, e.g. \
                \(wrong.prefix(5).map { "\(Self.show($0.element.1)) → \(Self.show($0.element.0))" })
                """)
        case .environment:
            var byIndex: [Int: [UInt8]] = [:]
            for r in Self.records(weir.stdout, separatedBy: [0]) {
                guard let eq = r.firstIndex(of: UInt8(ascii: "=")),
                      let i = Int(String(decoding: r[1..<eq], as: UTF8.self)) else { continue }
                byIndex[i] = Array(r[(eq + 1)...])
            }
            let wrong = Self.values.indices.filter { byIndex[$0] != Self.values[$0] }
            #expect(wrong.isEmpty, """
                \(path.name), LC_ALL=\(locale): \(wrong.count) values not in the child's environment as they were, \
                e.g. \(wrong.prefix(5).map { Self.show(Self.values[$0]) })
                """)
        case .bashOnly:
            break
        }
        // Where the bytes are not simply given back, bash is the oracle: it must give the
        // very same bytes (a missing bash fails). Where they are, weir keeps them even
        // where bash 5.2 does not (under UTF-8 its `read` and here-documents can swallow
        // a byte after one that starts a multibyte sequence).
        guard path.check == .bashOnly else { return }
        let bash = try #require(which("bash"), "bash is the oracle of this test")
        let reference = Self.run(path, shell: bash, locale: locale)
        if weir.stdout != reference.stdout {
            let common = min(weir.stdout.count, reference.stdout.count)
            let i = (0..<common).first { weir.stdout[$0] != reference.stdout[$0] } ?? common
            let from = max(0, i - 20)
            Issue.record("""
                \(path.name), LC_ALL=\(locale): weir and bash differ at byte \(i) of \(weir.stdout.count)/\(reference.stdout.count):
                weir: \(Self.show(Array(weir.stdout[from..<min(weir.stdout.count, i + 40)])))
                bash: \(Self.show(Array(reference.stdout[from..<min(reference.stdout.count, i + 40)])))
                """)
        }
    }
}
