@preconcurrency import Glibc
import WeirSyntax

/// The shell options that change pathname expansion.
public struct GlobOptions: Sendable {
    /// Wildcards match names that begin with `.` (never `.` or `..`).
    public var dotglob = false
    /// A component that is exactly `**` matches zero or more directories.
    public var globstar = false
    /// Wildcard components match without regard to case.
    public var nocaseglob = false
    /// The extglob operators are recognized.
    public var extglob = true
    /// `shopt globskipdots` (on by default): `.` and `..` never match. Off, a pattern
    /// that begins with `.` matches them too.
    public var skipDots = true

    public init() {}
}

/// Pathname expansion, as bash 5.2 does it:
/// - the pattern is split at `/` (a backslash-escaped `/` too: it can only be a
///   separator); runs of slashes are kept as written (`a//*` gives `a//b`);
/// - a component without wildcards is used as is, unescaped, and not listed (so
///   nocaseglob does not apply to it: `A/*.TXT` looks in `A` only); when the whole
///   pattern is such, the path is returned if it exists;
/// - a wildcard component matches the entries of its directory; a name that begins
///   with `.` needs a pattern beginning with `.` (or dotglob); `.` and `..` never match;
/// - with globstar, a `**` component matches zero or more directories. Its recursion
///   does not enter symbolic links to directories or (without dotglob) directories
///   whose names begin with `.`; a directory reached before the `**` may be a link
///   (`*/**` enters a link matched by `*`). When more components follow and the `**`
///   has a directory before it (`./**/x`, `d/**/x`), links to directories met on the
///   way are searched for the rest (not descended); at the very start (`**/x`) they are
///   not (bash 5.2 does both). A final `**` also lists the directory
///   itself: as typed when every component before it is literal (`a/**` gives `a/`
///   first), without the final slash otherwise (`*/**` gives `a`, `**/c/**` `x/c`);
/// - a trailing `/` keeps only directories (symbolic links to directories included)
///   and is kept in the results;
/// - the results are sorted in the locale's collation order, each path once (bash
///   repeats a path two `**` reach, as in `**/?/**`).
///
/// Names are bytes, as `readdir` gives them (a Latin-1 name comes back as it is); they
/// are sorted in the locale's collation order (byte order under `C`).
public enum PathnameExpansion {
    /// Expands a pattern against the file system; returns the sorted matches, or [] when
    /// nothing matches (the caller decides nullglob/failglob/keep-the-word).
    public static func expand(_ pattern: ByteString, options: GlobOptions) -> [ByteString] {
        expand(pattern, options: options, relativeTo: nil)
    }

    /// `expand`, resolving a relative pattern against `directory` instead of the working
    /// directory (the results stay relative).
    static func expand(_ pattern: ByteString, options: GlobOptions, relativeTo directory: ByteString?) -> [ByteString] {
        let parsed = GlobPattern(pattern, options: options)
        var walker = GlobWalker(components: parsed.components, options: options, root: directory)
        walker.walk(0, base: parsed.prefix, baseIsLiteral: true)
        var results = walker.results
        results.sort(by: ShellLocale.precedes)
        // Overlapping `**` matches could in principle produce a path twice.
        var unique: [ByteString] = []
        unique.reserveCapacity(results.count)
        for r in results where unique.last != r {
            unique.append(r)
        }
        return unique
    }
}

/// One `/`-separated part of a glob pattern.
struct GlobComponent {
    enum Kind {
        /// No wildcard: the unescaped name.
        case literal(ByteString)
        case pattern(ShellPattern)
        /// `**` with globstar.
        case globstar
    }
    var kind: Kind
    /// The slashes that follow the component as written ("" for the last one unless
    /// the pattern ends with `/`).
    var separator: ByteString
    /// A `**` that stands for several (`a/**/**`): bash then writes the directory
    /// itself as if a wildcard came before (`a`, not `a/`).
    var repeated = false
}

struct GlobPattern {
    /// Leading slashes (an absolute pattern).
    var prefix: ByteString = ""
    var components: [GlobComponent] = []

    init(_ pattern: ByteString, options: GlobOptions) {
        let bytes = pattern.bytes
        var i = 0
        while i < bytes.count && bytes[i] == UInt8(ascii: "/") { i += 1 }
        prefix = ByteString(repeating: UInt8(ascii: "/"), count: i)
        var texts: [(ByteString, ByteString)] = []
        while i < bytes.count {
            let start = i
            // The component ends at a `/`, or at a `\/` (an escaped slash is a separator).
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") && i + 1 < bytes.count {
                    if bytes[i + 1] == UInt8(ascii: "/") { break }
                    i += 2
                    continue
                }
                if b == UInt8(ascii: "/") { break }
                i += 1
            }
            let text = ByteString(bytes[start..<i])
            var sep: [UInt8] = []
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "/") {
                    sep.append(bytes[i])
                    i += 1
                } else if bytes[i] == UInt8(ascii: "\\") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") {
                    sep.append(UInt8(ascii: "/"))
                    i += 2
                } else {
                    break
                }
            }
            texts.append((text, ByteString(sep)))
        }
        for (text, sep) in texts {
            let kind: GlobComponent.Kind
            if options.globstar && text == "**" {
                // `**/**` is `**`.
                if case .globstar = components.last?.kind {
                    components[components.count - 1].separator = sep
                    components[components.count - 1].repeated = true
                    continue
                }
                kind = .globstar
            } else {
                let p = ShellPattern(text, extglob: options.extglob, caseInsensitive: options.nocaseglob)
                kind = p.hasWildcards ? .pattern(p) : .literal(ShellPattern.unescape(text))
            }
            components.append(GlobComponent(kind: kind, separator: sep))
        }
    }
}

struct GlobWalker {
    let components: [GlobComponent]
    let options: GlobOptions
    /// The directory relative paths are resolved against (nil: the working directory).
    let root: ByteString?
    var results: [ByteString] = []

    init(components: [GlobComponent], options: GlobOptions, root: ByteString?) {
        self.components = components
        self.options = options
        self.root = root
    }

    /// The path to hand to the system for `path` as written in the pattern.
    func fsPath(_ path: ByteString) -> ByteString {
        guard let root, !path.hasPrefix("/") else { return path.isEmpty ? "." : path }
        return path.isEmpty ? root : root + "/" + path
    }

    func exists(_ path: ByteString) -> Bool {
        var st = stat()
        return fsPath(path).withCString { lstat($0, &st) } == 0
    }

    func isDirectory(_ path: ByteString) -> Bool {
        var st = stat()
        return fsPath(path).withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// What a directory entry is, as far as pathname expansion cares.
    enum EntryKind {
        case directory, symlink, other
    }

    /// `.` and `..` (listed only without globskipdots) match a pattern that begins with
    /// `.`, even with dotglob; other names follow the leading-dot rule.
    func fileNameMatches(_ pattern: ShellPattern, _ name: ByteString) -> Bool {
        if name == "." || name == ".." { return pattern.program.allowsLeadingDot && pattern.matches(name) }
        return pattern.matchesFileName(name, dotglob: options.dotglob)
    }

    /// The entries of a directory (without `.` and `..`); nil when it cannot be read.
    func list(_ dir: ByteString) -> [(name: ByteString, kind: EntryKind)]? {
        let path = fsPath(dir)
        guard let d = path.withCString({ opendir($0) }) else { return nil }
        defer { closedir(d) }
        var out: [(name: ByteString, kind: EntryKind)] = []
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let e = readdir(d) {
            let cName = (UnsafeRawPointer(e) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let name = ByteString(UnsafeBufferPointer(start: cName, count: strlen(UnsafeRawPointer(cName).assumingMemoryBound(to: CChar.self))))
            if name == "." || name == ".." {
                if options.skipDots { continue }
                out.append((name, .directory))
                continue
            }
            var kind: EntryKind
            switch Int(e.pointee.d_type) {
            case Int(DT_DIR): kind = .directory
            case Int(DT_LNK): kind = .symlink
            case Int(DT_UNKNOWN):
                var st = stat()
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                if full.withCString({ lstat($0, &st) }) != 0 {
                    kind = .other
                } else if (st.st_mode & S_IFMT) == S_IFDIR {
                    kind = .directory
                } else if (st.st_mode & S_IFMT) == S_IFLNK {
                    kind = .symlink
                } else {
                    kind = .other
                }
            default: kind = .other
            }
            out.append((name, kind))
        }
        return out
    }

    /// Expands components[index...] below `base`: "" or a path that ends with the
    /// separator written after the previous component. `baseIsLiteral` says whether
    /// every component before was literal (for how a final `**` writes the directory
    /// itself: `a/b/**` gives `a/b/`, `**/b/**` gives `x/b`).
    mutating func walk(_ index: Int, base: ByteString, baseIsLiteral: Bool) {
        if index == components.count {
            // Only slashes: `/`.
            if !base.isEmpty && exists(base) { results.append(base) }
            return
        }
        let comp = components[index]
        let isLast = index == components.count - 1
        let mustBeDirectory = isLast && !comp.separator.isEmpty
        switch comp.kind {
        case .literal(let name):
            let path = base + name
            if isLast {
                if mustBeDirectory {
                    if isDirectory(path) { results.append(path + comp.separator) }
                } else if exists(path) {
                    results.append(path)
                }
            } else {
                walk(index + 1, base: path + comp.separator, baseIsLiteral: baseIsLiteral)
            }
        case .pattern(let pattern):
            guard let entries = list(base) else { return }
            for entry in entries where fileNameMatches(pattern, entry.name) {
                let path = base + entry.name
                if isLast {
                    if mustBeDirectory {
                        if entry.kind == .directory || (entry.kind == .symlink && isDirectory(path)) {
                            results.append(path + comp.separator)
                        }
                    } else {
                        results.append(path)
                    }
                } else {
                    walk(index + 1, base: path + comp.separator, baseIsLiteral: false)
                }
            }
        case .globstar:
            if isLast {
                // The directory itself, then everything below it.
                if !base.isEmpty && isDirectory(base) {
                    if mustBeDirectory || (baseIsLiteral && !comp.repeated) {
                        results.append(base)
                    } else {
                        var dir = base
                        while dir.hasSuffix("/") { dir.removeLast() }
                        results.append(dir)
                    }
                }
                var found: [(ByteString, EntryKind)] = []
                descend(base, relative: "", into: &found)
                for (rel, kind) in found {
                    let path = base + rel
                    if mustBeDirectory {
                        if kind == .directory || (kind == .symlink && isDirectory(path)) {
                            results.append(path + comp.separator)
                        }
                    } else {
                        results.append(path)
                    }
                }
            } else {
                walk(index + 1, base: base, baseIsLiteral: false)
                var found: [(ByteString, EntryKind)] = []
                descend(base, relative: "", into: &found)
                for (rel, kind) in found {
                    // bash 5.2: below a directory prefix (`./**/x`, `d/**/x`, `*/**/x`),
                    // links to directories found on the way count as directories to
                    // look in (though they are not descended); at the top (`**/x`) not.
                    if kind == .directory || (kind == .symlink && !base.isEmpty && isDirectory(base + rel)) {
                        walk(index + 1, base: base + rel + "/", baseIsLiteral: false)
                    }
                }
            }
        }
    }

    /// Every entry below `base + relative`, recursively, as paths relative to `base`
    /// with their kinds. Links to directories are listed but not entered; names
    /// beginning with `.` are skipped without dotglob.
    func descend(_ base: ByteString, relative: ByteString, into found: inout [(ByteString, EntryKind)]) {
        guard let entries = list(base + relative) else { return }
        for entry in entries {
            if entry.name == "." || entry.name == ".." { continue }
            if !options.dotglob && entry.name.first == UInt8(ascii: ".") { continue }
            let rel = relative + entry.name
            found.append((rel, entry.kind))
            if entry.kind == .directory {
                descend(base, relative: rel + "/", into: &found)
            }
        }
    }
}
