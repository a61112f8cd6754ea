import Glibc
import WeirExecution
import WeirExpansion
import WeirSyntax

/// `read [-ers] [-a array] [-d delim] [-n n] [-N n] [-p prompt] [-t timeout] [-u fd] [name…]`
///
/// Reads a byte at a time (never past the line it needs, so the rest stays for the next
/// reader), splits the line by IFS into the names, the last name taking the rest.
func read(_ shell: Shell, _ args: [ByteString]) throws -> Int32 {
    var raw = false, silent = false, edit = false
    var initialText: ByteString = ""
    var arrayName: ByteString?
    var delimiter: UInt8 = 0x0A
    var count: Int?
    var exact = false
    var prompt: ByteString?
    var timeout: Double?
    var fd: Int32 = 0
    var i = 1
    func value(_ ch: UInt8, _ a: ByteString, _ k: inout Int) throws -> ByteString {
        let rest = a.slice(from: k + 1)
        k = a.count
        if !rest.isEmpty { return rest }
        i += 1
        guard i < args.count else {
            throw ShellError("read: -\(Character(UnicodeScalar(ch))): option requires an argument", status: 2)
        }
        return args[i]
    }
    while i < args.count, args[i].hasPrefix("-"), args[i].count > 1 {
        let a = args[i]
        if a == "--" { i += 1; break }
        var k = 1
        while k < a.count {
            let ch = a[k]
            switch ch {
            case "r": raw = true
            case "s": silent = true
            case "e": edit = true
            case "i": initialText = try value(ch, a, &k); continue
            case "a": arrayName = try value(ch, a, &k); continue
            case "d":
                let d = try value(ch, a, &k)
                delimiter = d.first ?? 0
                continue
            case "n", "N":
                let v = try value(ch, a, &k)
                guard let n = Int(v), n >= 0 else { throw ShellError("read: \(v): invalid number", status: 2) }
                count = n
                exact = ch == UInt8(ascii: "N")
                continue
            case "p": prompt = try value(ch, a, &k); continue
            case "t":
                let v = try value(ch, a, &k)
                guard let t = readTimeout(v) else { throw ShellError("read: \(v): invalid timeout specification", status: 2) }
                timeout = t
                continue
            case "u":
                let v = try value(ch, a, &k)
                guard let n = Int32(v), n >= 0 else { throw ShellError("read: \(v): invalid file descriptor specification", status: 2) }
                fd = n
                continue
            default:
                throw ShellError("read: -\(Character(UnicodeScalar(ch))): invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]", status: 2)
            }
            k += 1
        }
        i += 1
    }
    var names = Array(args[i...])
    for n in names where !isValidName(n) {
        throw ShellError("read: `\(n)': not a valid identifier", status: 1)
    }
    // Into REPLY (no names), the line is kept whole: no IFS trimming.
    let wholeLine = names.isEmpty && arrayName == nil
    if wholeLine { names = ["REPLY"] }
    // `-e` at a terminal: the line editor reads the line (no history, file name completion).
    var edited: [UInt8]?
    if edit, count == nil, isatty(fd) != 0, let editor = shell.interactiveInput {
        switch editor.readLineForRead(prompt: prompt?.bytes ?? [], initialText: initialText.bytes) {
        case .line(let l): edited = l + [delimiter]
        case .endOfInput: edited = []
        case .interrupted: return 130
        }
    } else if let p = prompt, isatty(0) != 0 {
        writeAll(2, p)
    }
    let modes = ReadTerminalModes(fd: fd, silent: silent && edited == nil,
                                  keyByKey: edited == nil && (count != nil || delimiter != 0x0A))
    defer { modes.restore() }

    if let t = timeout {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        // poll's limit is about 24 days; a longer timeout waits that long.
        let r = poll(&pfd, 1, t * 1000 >= Double(Int32.max) ? Int32.max : Int32(t * 1000))
        // `-t 0` only asks whether input is waiting: 0 or 1, nothing read (bash).
        if t == 0 { return r > 0 ? 0 : 1 }
        if r == 0 { return 142 }
    }

    // Read the input, tracking which bytes were escaped (they are not split on).
    var bytes: [UInt8] = []
    var escaped: [Bool] = []
    var sawDelimiter = false
    var pendingBackslash = false
    var byte: UInt8 = 0
    let input = edited.map { ReadInput(line: $0) } ?? ReadInput(fd: fd)
    defer { input.giveBackUnread() }
    // `-n`/`-N` count characters in the locale: a multibyte character is read whole.
    var counter = CharacterCounter()
    while true {
        if let n = count, counter.characters >= n, counter.isAtBoundary { break }
        let r = input.next(&byte)
        if r < 0 {
            if errno == EINTR {
                try shell.interruptAtPrompt()
                if shell.traps.hasPending { break }
                continue
            }
            if errno == EBADF { throw ShellError("read: \(fd): invalid file descriptor: Bad file descriptor") }
            break
        }
        if r == 0 { break }
        if byte == 0 && delimiter != 0 { continue }  // strings cannot hold NUL
        if !exact && byte == delimiter && !pendingBackslash {
            sawDelimiter = true
            break
        }
        if !raw && !exact {
            if pendingBackslash {
                pendingBackslash = false
                if byte == 0x0A { continue }  // line continuation
                bytes.append(byte)
                escaped.append(true)
                if count != nil { counter.add(byte) }
                continue
            }
            if byte == UInt8(ascii: "\\") {
                pendingBackslash = true
                continue
            }
        }
        bytes.append(byte)
        escaped.append(false)
        if count != nil { counter.add(byte) }
    }
    let ifs = exact || wholeLine ? "" : shell.environment.ifs
    let fields = splitForRead(bytes, escaped, ifs: ifs, maxFields: arrayName != nil ? Int.max : names.count)
    do {
        if let arrayName {
            try shell.variables.assignValue(arrayName, .indexed(IndexedArray(fields)))
        } else {
            for (k, n) in names.enumerated() {
                try shell.variables.assign(n, k < fields.count ? fields[k] : "")
            }
        }
    } catch let e as VariableError {
        throw ShellError("read: \(e.message)")
    }
    if sawDelimiter { return 0 }
    if let n = count, counter.characters >= n { return 0 }
    return 1
}

/// `read -t`'s value as bash reads it: decimal digits with at most one `.`.
func readTimeout(_ v: ByteString) -> Double? {
    guard !v.isEmpty, v.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }),
          v.filter({ $0 == UInt8(ascii: ".") }).count <= 1, v != "." else { return nil }
    return Double(v.description)
}

/// Counts the characters in bytes read one at a time: every byte under a single-byte
/// locale; under UTF-8 a whole valid sequence, or each byte of an invalid one.
struct CharacterCounter {
    private(set) var characters = 0
    private var pending: [UInt8] = []
    private var need = 0

    /// No multibyte character is half read.
    var isAtBoundary: Bool { need == 0 }

    mutating func add(_ b: UInt8) {
        guard ShellLocale.isUTF8 else { characters += 1; return }
        if need > 0 {
            if b & 0xC0 == 0x80 {
                pending.append(b)
                need -= 1
                if need == 0 {
                    let valid = pending.withUnsafeBufferPointer { UTF8Sequence.decode($0, at: 0).scalar != nil }
                    characters += valid ? 1 : pending.count
                    pending = []
                }
                return
            }
            // The sequence broke off: its bytes are characters of their own.
            characters += pending.count
            pending = []
            need = 0
        }
        let length = UTF8Sequence.sequenceLength(lead: b)
        if length == 1 { characters += 1; return }
        pending = [b]
        need = length - 1
    }
}

/// Splits read's input: IFS white space trimmed at both ends, the last field taking the
/// rest of the line (with its inner separators) when there are more fields than names.
func splitForRead(_ bytes: [UInt8], _ escaped: [Bool], ifs: ByteString, maxFields: Int) -> [ByteString] {
    var isIFS = [Bool](repeating: false, count: 256)
    var isWhite = [Bool](repeating: false, count: 256)
    for b in ifs {
        isIFS[Int(b)] = true
        if b == 0x20 || b == 0x09 || b == 0x0A { isWhite[Int(b)] = true }
    }
    func sep(_ i: Int) -> Bool { !escaped[i] && isIFS[Int(bytes[i])] }
    func white(_ i: Int) -> Bool { !escaped[i] && isWhite[Int(bytes[i])] }
    var fields: [ByteString] = []
    var i = 0
    let n = bytes.count
    while i < n && white(i) { i += 1 }
    if ifs.isEmpty { return bytes.isEmpty && maxFields == Int.max ? [] : [ByteString(bytes)] }
    while i < n {
        if fields.count == maxFields - 1 {
            // The last name takes the rest, less trailing IFS white space; when the rest
            // is one field and one separator ("a:b:", "Y  : "), just the field (bash).
            var fieldEnd = i
            while fieldEnd < n && !sep(fieldEnd) { fieldEnd += 1 }
            var k = fieldEnd
            while k < n && white(k) { k += 1 }
            if k < n && sep(k) && !white(k) {
                k += 1
                while k < n && white(k) { k += 1 }
            }
            if k == n {
                fields.append(ByteString(bytes[i..<fieldEnd]))
                return fields
            }
            var end = n
            while end > i && white(end - 1) { end -= 1 }
            fields.append(ByteString(bytes[i..<end]))
            return fields
        }
        var j = i
        while j < n && !sep(j) { j += 1 }
        fields.append(ByteString(bytes[i..<j]))
        // One separator: white space, at most one non-white character, white space.
        while j < n && white(j) { j += 1 }
        if j < n && sep(j) && !white(j) {
            j += 1
            while j < n && white(j) { j += 1 }
        }
        i = j
    }
    return fields
}

/// Where `read` gets its bytes: from a regular file a block at a time, giving back what
/// it did not use (lseek), so the next reader starts right after the line; from a pipe
/// or terminal one byte at a time, which is the only way not to take too much.
final class ReadInput {
    let fd: Int32
    let seekable: Bool
    var buffer = [UInt8](repeating: 0, count: 0)
    var position = 0

    /// Bytes that are the whole input (a line the editor read), not a descriptor's.
    let preloaded: Bool

    init(fd: Int32) {
        self.fd = fd
        var st = stat()
        seekable = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        preloaded = false
    }

    init(line: [UInt8]) {
        fd = -1
        seekable = false
        preloaded = true
        buffer = line
    }

    /// Reads one byte: 1, 0 at end of input, -1 on error (errno set).
    func next(_ byte: inout UInt8) -> Int {
        if position < buffer.count {
            byte = buffer[position]
            position += 1
            return 1
        }
        if preloaded { return 0 }
        guard seekable else { return Glibc.read(fd, &byte, 1) }
        buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if n <= 0 {
            buffer = []
            position = 0
            return n
        }
        buffer.removeSubrange(n...)
        byte = buffer[0]
        position = 1
        return 1
    }

    /// Puts the file offset back after the last byte used.
    func giveBackUnread() {
        if seekable && position < buffer.count {
            lseek(fd, off_t(position - buffer.count), SEEK_CUR)
        }
    }
}
