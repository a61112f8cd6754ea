import Glibc
import WeirSyntax

/// The file and string primitives of `test`, `[` and `[[ ]]`, as bash 5.2 evaluates them
/// (`unary_test` and `filecomp` in test.c). Operands are already-expanded words.
public enum FileTest {
    /// Evaluates a unary primary: the file tests `-a -b -c -d -e -f -g -h -k -p -r -s -t -u
    /// -w -x -G -L -N -O -S` and the string tests `-z -n`.
    /// Returns nil when `op` is none of these (`-o`, `-v` and `-R` need the shell's state).
    public static func unary(_ op: ByteString, _ operand: ByteString) -> Bool? {
        let o = op.bytes
        guard o.count == 2, o[0] == UInt8(ascii: "-") else { return nil }
        let path = operand
        switch o[1] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"):
            return statFile(path) != nil
        case UInt8(ascii: "r"): return effectiveAccess(path, R_OK)
        case UInt8(ascii: "w"): return effectiveAccess(path, W_OK)
        case UInt8(ascii: "x"): return effectiveAccess(path, X_OK)
        case UInt8(ascii: "O"):
            guard let st = statFile(path) else { return false }
            return geteuid() == st.st_uid
        case UInt8(ascii: "G"):
            guard let st = statFile(path) else { return false }
            return getegid() == st.st_gid
        case UInt8(ascii: "N"):
            guard let st = statFile(path) else { return false }
            return compare(st.st_mtim, st.st_atim) > 0
        case UInt8(ascii: "f"):
            guard let st = statFile(path) else { return false }
            let type = st.st_mode & FileType.mask
            return type == FileType.regular || type == 0
        case UInt8(ascii: "d"): return hasType(path, FileType.directory)
        case UInt8(ascii: "c"): return hasType(path, FileType.character)
        case UInt8(ascii: "b"): return hasType(path, FileType.block)
        case UInt8(ascii: "p"): return hasType(path, FileType.fifo)
        case UInt8(ascii: "S"): return hasType(path, FileType.socket)
        case UInt8(ascii: "s"):
            guard let st = statFile(path) else { return false }
            return st.st_size > 0
        case UInt8(ascii: "h"), UInt8(ascii: "L"):
            guard !path.isEmpty else { return false }
            var st = stat()
            guard path.withCString({ lstat($0, &st) }) == 0 else { return false }
            return st.st_mode & FileType.mask == FileType.symlink
        case UInt8(ascii: "u"): return hasModeBit(path, 0o4000)
        case UInt8(ascii: "g"): return hasModeBit(path, 0o2000)
        case UInt8(ascii: "k"): return hasModeBit(path, 0o1000)
        case UInt8(ascii: "t"):
            guard let fd = legalNumber(operand), let small = Int32(exactly: fd) else { return false }
            return isatty(small) == 1
        case UInt8(ascii: "n"): return !operand.isEmpty
        case UInt8(ascii: "z"): return operand.isEmpty
        default: return nil
        }
    }

    /// Evaluates `-nt`, `-ot` or `-ef` (nil for any other operator).
    /// `-nt`: lhs exists and rhs does not, or lhs's mtime is later (to the nanosecond);
    /// `-ot` the converse; `-ef`: both exist with the same device and inode.
    public static func binary(_ op: ByteString, _ lhs: ByteString, _ rhs: ByteString) -> Bool? {
        switch op {
        case "-nt", "-ot":
            let s1 = statFile(lhs)
            let s2 = statFile(rhs)
            if op == "-nt" {
                guard let a = s1 else { return false }
                guard let b = s2 else { return true }
                return compare(a.st_mtim, b.st_mtim) > 0
            } else {
                guard let b = s2 else { return false }
                guard let a = s1 else { return true }
                return compare(a.st_mtim, b.st_mtim) < 0
            }
        case "-ef":
            guard let a = statFile(lhs), let b = statFile(rhs) else { return false }
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino
        default:
            return nil
        }
    }

    /// Whether `op` is one of the unary operators of `test` (bash's `test_unop`), the file
    /// and string tests above plus `-o` (option), `-v` (variable set) and `-R` (nameref).
    public static func isUnaryOperator(_ op: ByteString) -> Bool {
        let o = op.bytes
        return o.count == 2 && o[0] == UInt8(ascii: "-") && unaryLetters.contains(o[1])
    }

    /// Whether `op` is a binary operator of `test` (bash's `test_binop`):
    /// `= == != < >` and `-eq -ne -lt -le -gt -ge -nt -ot -ef`.
    public static func isBinaryOperator(_ op: ByteString) -> Bool {
        isBinaryOperator(op.bytes)
    }

    /// bash's `legal_number`: a decimal integer with optional sign and surrounding blanks
    /// (leading: any of space \t \n \v \f \r; trailing: space or tab); nil if not one or out of range.
    public static func legalNumber(_ s: ByteString) -> Int64? {
        legalNumber(s.bytes)
    }

    public static func legalNumber(_ b: [UInt8]) -> Int64? {
        var i = 0
        let n = b.count
        while i < n, isCSpace(b[i]) { i += 1 }
        var negative = false
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var magnitude: UInt64 = 0
        var overflow = false
        while i < n, b[i] >= 0x30, b[i] <= 0x39 {
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(UInt64(b[i] - 0x30))
            if o1 || o2 { overflow = true }
            magnitude = m2
            i += 1
        }
        if i == digitsStart || overflow { return nil }
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        if i != n { return nil }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        if magnitude > UInt64(Int64.max) { return nil }
        return Int64(magnitude)
    }

    // MARK: - Helpers

    public static let unaryLetters: [UInt8] = Array("abcdefghknoprstuvwxzGLOSNR".utf8)

    public static func isBinaryOperator(_ op: [UInt8]) -> Bool {
        func at(_ i: Int) -> UInt8 { i < op.count ? op[i] : 0 }
        let eq = UInt8(ascii: "="), bang = UInt8(ascii: "!")
        if op.count == 1 { return op[0] == eq || op[0] == UInt8(ascii: "<") || op[0] == UInt8(ascii: ">") }
        if op.count == 2 { return (op[0] == eq || op[0] == bang) && op[1] == eq }
        guard op.count == 3, op[0] == UInt8(ascii: "-") else { return false }
        switch (at(1), at(2)) {
        case (UInt8(ascii: "n"), UInt8(ascii: "t")), (UInt8(ascii: "o"), UInt8(ascii: "t")),
             (UInt8(ascii: "l"), UInt8(ascii: "t")), (UInt8(ascii: "g"), UInt8(ascii: "t")),
             (UInt8(ascii: "e"), UInt8(ascii: "q")), (UInt8(ascii: "e"), UInt8(ascii: "f")),
             (UInt8(ascii: "n"), UInt8(ascii: "e")), (UInt8(ascii: "g"), UInt8(ascii: "e")),
             (UInt8(ascii: "l"), UInt8(ascii: "e")):
            return true
        default:
            return false
        }
    }

    @inline(__always) public static func isCSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    enum FileType {
        static let mask: mode_t = 0o170000
        static let socket: mode_t = 0o140000
        static let symlink: mode_t = 0o120000
        static let regular: mode_t = 0o100000
        static let block: mode_t = 0o060000
        static let directory: mode_t = 0o040000
        static let character: mode_t = 0o020000
        static let fifo: mode_t = 0o010000
    }

    static func statFile(_ path: ByteString) -> stat? {
        guard !path.isEmpty else { return nil }
        var st = stat()
        guard path.withCString({ stat($0, &st) }) == 0 else { return nil }
        return st
    }

    static func hasType(_ path: ByteString, _ type: mode_t) -> Bool {
        guard let st = statFile(path) else { return false }
        return st.st_mode & FileType.mask == type
    }

    static func hasModeBit(_ path: ByteString, _ bit: mode_t) -> Bool {
        guard let st = statFile(path) else { return false }
        return st.st_mode & bit != 0
    }

    /// bash's `sh_eaccess`: access with the effective ids; root may execute a file only
    /// if one of its execute bits is set.
    static func effectiveAccess(_ path: ByteString, _ mode: Int32) -> Bool {
        guard !path.isEmpty else { return false }
        guard path.withCString({ faccessat(AT_FDCWD, $0, mode, AT_EACCESS) }) == 0 else { return false }
        if mode == X_OK && geteuid() == 0 {
            guard let st = statFile(path) else { return false }
            return st.st_mode & 0o111 != 0
        }
        return true
    }

    static func compare(_ a: timespec, _ b: timespec) -> Int {
        if a.tv_sec != b.tv_sec { return a.tv_sec < b.tv_sec ? -1 : 1 }
        if a.tv_nsec != b.tv_nsec { return a.tv_nsec < b.tv_nsec ? -1 : 1 }
        return 0
    }
}
