import Glibc
import WeirExpansion
import WeirSyntax

/// Tab completion: what the word being typed could be, from where it stands.
extension Shell {
    static let keywords: [ByteString] = ["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
                                         "until", "do", "done", "in", "function", "time", "trace", "coproc", "[[", "]]",
                                         "{", "}", "!"]

    /// Candidates for `word` (which starts at `wordStart` in `line`), and whether they
    /// are file names; nil lets the editor complete file names.
    public func completions(for word: ByteString, line: ByteString, wordStart: Int) -> (candidates: [ByteString], fileNames: Bool)? {
        completionsWithOptions(for: word, line: line, wordStart: wordStart, point: wordStart + word.count)
            .map { ($0.candidates, $0.fileNames) }
    }

    /// Candidates for the word at the cursor: a `complete` specification first (its
    /// options say how to show them), then the shell's own (commands, `$VAR`, `%job`,
    /// `~user`, `cd` directories); nil lets the editor complete file names.
    public func completionsWithOptions(for word: ByteString, line: ByteString, wordStart: Int, point: Int)
        -> (candidates: [ByteString], fileNames: Bool, noSpace: Bool, noQuote: Bool)? {
        if let outcome = programmableCompletion(word: word, line: line, point: point) {
            let o = outcome.options
            if !outcome.matches.isEmpty {
                return (outcome.matches, o.contains("filenames"), o.contains("nospace"), o.contains("noquote"))
            }
            if o.contains("bashdefault"), let own = ownCompletions(for: word, line: line, wordStart: wordStart) {
                return (own.candidates, own.fileNames, own.noSpace, false)
            }
            if outcome.fallBackToFileNames { return nil }
            return ([], false, false, false)
        }
        return ownCompletions(for: word, line: line, wordStart: wordStart).map { ($0.candidates, $0.fileNames, $0.noSpace, false) }
    }

    /// The shell's own completions, when no `complete` specification applies. `noSpace`:
    /// the word goes on after the completion (`~user/`, a variable naming a directory).
    func ownCompletions(for word: ByteString, line: ByteString, wordStart: Int)
        -> (candidates: [ByteString], fileNames: Bool, noSpace: Bool)? {
        if word.hasPrefix("$") {
            let prefix = word.dropFirst().hasPrefix("{") ? word.dropFirst(2) : word.dropFirst()
            let lead: ByteString = word.hasPrefix("${") ? "${" : "$"
            let names = variables.allVariables().map { $0.0 }.filter { $0.hasPrefix(prefix) }
            let words = names.map { lead + $0 + (lead == "${" ? "}" : "") }
            // The only match names a directory: a slash follows, as in bash (`$HOME/`).
            if names.count == 1, let value = variables.value(names[0]), !value.isEmpty, isDirectory(value) {
                return ([words[0] + "/"], false, true)
            }
            return (words, false, false)
        }
        if word.hasPrefix("%") {
            let prefix = word.dropFirst()
            return (jobs.jobs.filter { $0.background }.map { ByteString("%\($0.id)") }.filter { $0.dropFirst().hasPrefix(prefix) },
                    false, false)
        }
        if word.hasPrefix("~") && !word.contains(UInt8(ascii: "/")) {
            let prefix = word.dropFirst()
            let users = UserAccounts.all().map(\.name).filter { $0.hasPrefix(prefix) }
            return (Set(users).map { "~" + $0 + "/" }.sorted(), false, true)
        }
        let before = line.prefix(max(0, wordStart))
        let previous = Shell.splitBlanks(before)
        if Shell.isCommandPosition(before) && !word.contains(UInt8(ascii: "/")) {
            var names = Set<ByteString>()
            for k in Shell.keywords where k.hasPrefix(word) { names.insert(k) }
            for b in builtins.keys where b.hasPrefix(word) { names.insert(b) }
            for f in functions.keys where f.hasPrefix(word) { names.insert(f) }
            for a in aliases.keys where a.hasPrefix(word) { names.insert(a) }
            for dir in (variables.value("PATH") ?? "").split(separator: UInt8(ascii: ":")) {
                for name in directoryEntries(dir) where name.hasPrefix(word) {
                    var st = stat()
                    let path = dir + "/" + name
                    if path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFREG
                        && path.withCString({ access($0, X_OK) }) == 0 {
                        names.insert(name)
                    }
                }
            }
            return (names.sorted(), false, false)
        }
        if previous.last == "cd" || previous.last == "pushd" {
            return (directories(matching: word), true, false)
        }
        return nil
    }

    /// The words of `text` split at blanks.
    static func splitBlanks(_ text: ByteString) -> [ByteString] {
        text.replacing(0x09, with: 0x20).split(separator: 0x20)
    }

    /// True when the text before a word leaves it in command position (also what decides
    /// that a history entry joins a line to the next with no `;`).
    static func isCommandPosition(_ before: ByteString) -> Bool {
        let trimmed = before.trimming { $0 == 0x20 || $0 == 0x09 }
        if trimmed.isEmpty { return true }
        if let last = trimmed.last, ";|&({`".utf8.contains(last) { return true }
        let leading: [ByteString] = ["then", "do", "else", "elif", "if", "while", "until", "!", "time", "trace"]
        if let w = Shell.splitBlanks(trimmed).last, leading.contains(w) { return true }
        return false
    }

    /// The names in a directory, `.` and `..` left out.
    func directoryEntries(_ dir: ByteString) -> [ByteString] {
        guard let d = dir.withCString({ opendir($0) }) else { return [] }
        defer { closedir(d) }
        var names: [ByteString] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { ByteString(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Directories whose path starts with `word`, with a trailing slash.
    func directories(matching word: ByteString) -> [ByteString] {
        let dirPart: ByteString, namePart: ByteString
        if let slash = word.lastIndex(of: UInt8(ascii: "/")) {
            dirPart = word.slice(0..<(slash + 1))
            namePart = word.slice(from: slash + 1)
        } else {
            dirPart = ""
            namePart = word
        }
        var result: [ByteString] = []
        for name in directoryEntries(dirPart.isEmpty ? "." : dirPart) {
            guard name.hasPrefix(namePart), namePart.hasPrefix(".") || !name.hasPrefix(".") else { continue }
            var st = stat()
            let path = dirPart + name
            if path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { result.append(path) }
        }
        return result.sorted()
    }
}
