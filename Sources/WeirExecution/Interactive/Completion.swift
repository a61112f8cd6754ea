import Glibc
import WeirExpansion

/// Tab completion: what the word being typed could be, from where it stands.
extension Shell {
    static let keywords = ["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until",
                           "do", "done", "in", "function", "time", "trace", "coproc", "[[", "]]", "{", "}", "!"]

    /// Candidates for `word` (which starts at `wordStart` in `line`), and whether they
    /// are file names; nil lets the editor complete file names.
    public func completions(for word: String, line: String, wordStart: Int) -> (candidates: [String], fileNames: Bool)? {
        if word.hasPrefix("$") {
            let prefix = word.dropFirst().hasPrefix("{") ? String(word.dropFirst(2)) : String(word.dropFirst())
            let lead = word.hasPrefix("${") ? "${" : "$"
            let names = variables.allVariables().map { $0.0 }.filter { $0.hasPrefix(prefix) }
            return (names.map { lead + $0 + (lead == "${" ? "}" : "") }, false)
        }
        if word.hasPrefix("%") {
            let prefix = word.dropFirst()
            return (jobs.jobs.filter { $0.background }.map { "%\($0.id)" }.filter { $0.dropFirst().hasPrefix(prefix) }, false)
        }
        if word.hasPrefix("~") && !word.contains("/") {
            let prefix = word.dropFirst()
            let users = UserAccounts.all().map(\.name).filter { $0.hasPrefix(prefix) }
            return (Set(users).map { "~" + $0 + "/" }.sorted(), false)
        }
        let before = String(line.utf8.prefix(wordStart)).map { String($0) } ?? ""
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if isCommandPosition(before) && !word.contains("/") {
            var names = Set<String>()
            for k in Shell.keywords where k.hasPrefix(word) { names.insert(k) }
            for b in builtins.keys where b.hasPrefix(word) { names.insert(b) }
            for f in functions.keys where f.hasPrefix(word) { names.insert(f) }
            for a in aliases.keys where a.hasPrefix(word) { names.insert(a) }
            for dir in (variables.value("PATH") ?? "").split(separator: ":") {
                guard let d = opendir(String(dir)) else { continue }
                while let e = readdir(d) {
                    let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                    guard name.hasPrefix(word), name != ".", name != ".." else { continue }
                    var st = stat()
                    let path = String(dir) + "/" + name
                    if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0 {
                        names.insert(name)
                    }
                }
                closedir(d)
            }
            return (names.sorted(), false)
        }
        if previous.last == "cd" || previous.last == "pushd" {
            return (directories(matching: word), true)
        }
        return nil
    }

    /// True when the text before a word leaves it in command position.
    func isCommandPosition(_ before: String) -> Bool {
        let trimmed = before.trimmingBlanks()
        if trimmed.isEmpty { return true }
        if let last = trimmed.last, ";|&({`".contains(last) { return true }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if let w = words.last, ["then", "do", "else", "elif", "if", "while", "until", "!", "time", "trace"].contains(String(w)) {
            return true
        }
        return false
    }

    /// Directories whose path starts with `word`, with a trailing slash.
    func directories(matching word: String) -> [String] {
        let dirPart: String, namePart: String
        if let slash = word.lastIndex(of: "/") {
            dirPart = String(word[...slash])
            namePart = String(word[word.index(after: slash)...])
        } else {
            dirPart = ""
            namePart = word
        }
        var result: [String] = []
        guard let d = opendir(dirPart.isEmpty ? "." : dirPart) else { return [] }
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != "." && name != "..", name.hasPrefix(namePart), namePart.hasPrefix(".") || !name.hasPrefix(".") else { continue }
            var st = stat()
            if stat(dirPart + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { result.append(dirPart + name) }
        }
        closedir(d)
        return result.sorted()
    }
}
