#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Testing
@testable import WeirExpansion

/// A directory tree in a fresh temporary directory, the one the bash answers in
/// `PatternTables.globs` were collected in:
///
///     A/B/up.TXT  B.txt  a/.hid  a/b/c/z.txt  a/b/y.txt  a/x.txt  a-b  a]b
///     br[x]/f  broken -> nowhere  café.txt  d/e/w.txt  e.c  e.h  l*k/in
///     q*r  sl -> a  tl -> top.txt  top.txt  Émile  .dot  .h/i/v.txt
struct PatternTestTree {
    let root: String

    static let standardDirectories = ["a", "a/b", "a/b/c", "d", "d/e", ".h", ".h/i", "l*k", "br[x]", "A", "A/B"]
    static let standardFiles = ["a/x.txt", "a/b/y.txt", "a/b/c/z.txt", "d/e/w.txt", ".h/i/v.txt", ".dot", "top.txt", "B.txt",
                                "q*r", "l*k/in", "a/.hid", "br[x]/f", "A/B/up.TXT", "café.txt", "Émile", "e.c", "e.h", "a-b", "a]b"]
    static let standardLinks = [("sl", "a"), ("broken", "nowhere"), ("tl", "top.txt")]

    /// Runs `body` with the root of a new tree, then removes the tree.
    static func with(directories: [String] = standardDirectories, files: [String] = standardFiles,
                     links: [(String, String)] = standardLinks, _ body: (String) -> Void) {
        let tree = PatternTestTree(directories: directories, files: files, links: links)
        body(tree.root)
        tree.remove(tree.root)
    }

    private init(directories: [String], files: [String], links: [(String, String)]) {
        var template = Array("/tmp/weirpattern-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        root = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        for dir in directories {
            mkdir(root + "/" + dir, 0o755)
        }
        for file in files {
            let fd = open(root + "/" + file, O_CREAT | O_WRONLY, 0o644)
            precondition(fd >= 0, "cannot create \(file)")
            close(fd)
        }
        for (name, target) in links {
            symlink(target, root + "/" + name)
        }
    }

    func remove(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            if let d = opendir(path) {
                var names: [String] = []
                let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
                while let e = readdir(d) {
                    let name = String(cString: (UnsafeRawPointer(e) + offset).assumingMemoryBound(to: CChar.self))
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(d)
                for n in names { remove(path + "/" + n) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func options(_ flags: String) -> GlobOptions {
        var o = GlobOptions()
        o.dotglob = flags.contains("d")
        o.globstar = flags.contains("s")
        o.nocaseglob = flags.contains("n")
        return o
    }
}

@Suite struct PathnameExpansionTests {
    @Test func expandsLikeBash() {
        PatternTestTree.with { root in
            for (pattern, flags, expected) in PatternTables.globs {
                let got = PathnameExpansion.expand(pattern, options: PatternTestTree.options(flags), relativeTo: root)
                #expect(got.joined(separator: " ") == expected, "\(pattern) with [\(flags)]")
            }
        }
    }

    @Test func absolutePatterns() {
        PatternTestTree.with { root in
            let o = GlobOptions()
            #expect(PathnameExpansion.expand(root + "/a/*", options: o) == [root + "/a/b", root + "/a/x.txt"])
            #expect(PathnameExpansion.expand(root + "/*/", options: o).map { String($0.dropFirst(root.utf8.count)) }
                    == ["/A/", "/a/", "/br[x]/", "/d/", "/l*k/", "/sl/"])
            #expect(PathnameExpansion.expand(root + "//a//*.txt", options: o) == [root + "//a//x.txt"])
            #expect(PathnameExpansion.expand(root + "/l\\*k/*", options: o) == [root + "/l*k/in"])
            var g = GlobOptions()
            g.globstar = true
            #expect(PathnameExpansion.expand(root + "/a/**", options: g).map { String($0.dropFirst(root.utf8.count)) }
                    == ["/a/", "/a/b", "/a/b/c", "/a/b/c/z.txt", "/a/b/y.txt", "/a/x.txt"])
            #expect(PathnameExpansion.expand(root + "/nonexistent/*", options: o) == [])
            #expect(PathnameExpansion.expand("/", options: o) == ["/"])
        }
    }

    @Test func literalPatternsAreCheckedNotListed() {
        PatternTestTree.with { root in
            let o = GlobOptions()
            // The caller expands only words with wildcards; a pattern without any is its
            // own result when the path exists.
            #expect(PathnameExpansion.expand(root + "/top.txt", options: o) == [root + "/top.txt"])
            #expect(PathnameExpansion.expand(root + "/broken", options: o) == [root + "/broken"])
            #expect(PathnameExpansion.expand(root + "/top.txt/", options: o) == [])
            #expect(PathnameExpansion.expand(root + "/a/", options: o) == [root + "/a/"])
            #expect(PathnameExpansion.expand(root + "/q\\*r", options: o) == [root + "/q*r"])
            #expect(PathnameExpansion.expand(root + "/nonexistent", options: o) == [])
        }
    }

    @Test func quotedSlashIsStillASeparator() {
        PatternTestTree.with { root in
            #expect(PathnameExpansion.expand(root + "/a\\/*.txt", options: GlobOptions()) == [root + "/a/x.txt"])
        }
    }

    @Test func extglobOff() {
        PatternTestTree.with { root in
            var o = GlobOptions()
            o.extglob = false
            #expect(PathnameExpansion.expand("@(a|d)", options: o, relativeTo: root) == [])
            #expect(PathnameExpansion.expand("e.?", options: o, relativeTo: root) == ["e.c", "e.h"])
        }
    }

    /// bash 5.2 searches links to directories met by `**` for the following
    /// components when a directory precedes the `**`, but not at the very start.
    @Test func linksToDirectoriesUnderAPrefix() {
        PatternTestTree.with(directories: ["t", "t/d1", "t/d1/d2", "target", "target/b"], files: ["target/f.txt"],
                             links: [("t/lnk1", "../target"), ("t/d1/lnk2", "../../target"), ("t/d1/d2/lnk3", "../../../target")]) { root in
            var o = GlobOptions()
            o.globstar = true
            let t = root + "/t"
            let cases: [(String, [String])] = [
                ("**/b", []),
                ("**/f.txt", []),
                ("./**/b", ["./d1/d2/lnk3/b", "./d1/lnk2/b", "./lnk1/b"]),
                ("d1/**/b", ["d1/d2/lnk3/b", "d1/lnk2/b"]),
                ("./**/f.txt", ["./d1/d2/lnk3/f.txt", "./d1/lnk2/f.txt", "./lnk1/f.txt"]),
                ("*/**/b", ["d1/d2/lnk3/b", "d1/lnk2/b", "lnk1/b"]),
                ("./**/", ["./", "./d1/", "./d1/d2/", "./d1/d2/lnk3/", "./d1/lnk2/", "./lnk1/"]),
                ("**/", ["d1/", "d1/d2/", "d1/d2/lnk3/", "d1/lnk2/", "lnk1/"]),
                ("./**", ["./", "./d1", "./d1/d2", "./d1/d2/lnk3", "./d1/lnk2", "./lnk1"]),
                ("./**/**/b", ["./d1/d2/lnk3/b", "./d1/lnk2/b", "./lnk1/b"]),
            ]
            for (pattern, expected) in cases {
                #expect(PathnameExpansion.expand(pattern, options: o, relativeTo: t) == expected, "\(pattern)")
            }
        }
    }

    /// bash lists a path twice when two `**` reach it (`**/?/**` gives `a/b` twice);
    /// weir lists it once.
    @Test func overlappingGlobstarsListAPathOnce() {
        PatternTestTree.with { root in
            var o = GlobOptions()
            o.globstar = true
            #expect(PathnameExpansion.expand("**/?/**", options: o, relativeTo: root)
                    == ["A", "A/B", "A/B/up.TXT", "a", "a/b", "a/b/c", "a/b/c/z.txt", "a/b/y.txt", "a/x.txt",
                        "d", "d/e", "d/e/w.txt"])
        }
    }

    @Test func resultsAreSortedByBytes() {
        PatternTestTree.with { root in
            let got = PathnameExpansion.expand("*", options: GlobOptions(), relativeTo: root)
            #expect(got == ["A", "B.txt", "a", "a-b", "a]b", "br[x]", "broken", "café.txt", "d", "e.c", "e.h",
                            "l*k", "q*r", "sl", "tl", "top.txt", "Émile"])
        }
    }
}
