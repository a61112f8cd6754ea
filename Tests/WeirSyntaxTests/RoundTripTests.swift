import Testing
import WeirTestSupport
@testable import WeirSyntax

/// The tree is lossless: the spans of its words and their parts give back the source
/// byte for byte, and every command list, read again from its own span, gives the same
/// tree.
@Suite struct RoundTripTests {
    final class Checker {
        let source: SourceFile
        var failures: [String] = []
        var wordsChecked = 0

        init(_ source: SourceFile) { self.source = source }

        func text(_ s: Span) -> ByteString { source.slice(s) }

        func fail(_ m: String) { failures.append(m) }

        /// The parts tile the range: each begins where the last ended, but for line
        /// continuations between them.
        func checkTiling(_ parts: [WordPart], from start: Int, to end: Int, in what: String) {
            var at = start
            for p in parts {
                var gap = text(Span(at, p.span.start))
                while gap.hasPrefix("\\\n") { gap.removeFirst(2) }
                if !gap.isEmpty && !(gap.allSatisfy { $0 == 0x09 }) {
                    fail("\(what): gap \(ASTPrinter.quote(gap)) before part at \(p.span)")
                }
                at = p.span.end
                part(p)
            }
            var tail = text(Span(at, end))
            while tail.hasPrefix("\\\n") { tail.removeFirst(2) }
            if !tail.isEmpty { fail("\(what): \(ASTPrinter.quote(tail)) after the last part") }
        }

        func word(_ w: Word) {
            wordsChecked += 1
            checkTiling(w.parts, from: w.span.start, to: w.span.end, in: "word \(ASTPrinter.quote(text(w.span)))")
        }

        func part(_ p: WordPart) {
            let src = text(p.span)
            switch p.kind {
            case .literal(let s):
                if src.replacingContinuations() != s { fail("literal \(ASTPrinter.quote(s)) spans \(ASTPrinter.quote(src))") }
            case .escaped(let s):
                if src != "\\" + s { fail("escaped \(s) spans \(ASTPrinter.quote(src))") }
            case .singleQuoted(let s):
                if src != "'" + s + "'" { fail("single-quoted \(s) spans \(ASTPrinter.quote(src))") }
            case .ansiC:
                if !src.hasPrefix("$'") || !src.hasSuffix("'") { fail("ansi-c spans \(ASTPrinter.quote(src))") }
            case .doubleQuoted(let parts):
                let open = src.hasPrefix("$\"") ? 2 : 1
                checkTiling(parts, from: p.span.start + open, to: p.span.end - 1, in: "double quotes")
            case .parameter(let pe):
                if !src.hasPrefix("$") { fail("parameter spans \(ASTPrinter.quote(src))") }
                if case .index(let w)? = pe.index { word(w) }
                switch pe.op {
                case .test(_, _, let w)?, .removePrefix(_, let w)?, .removeSuffix(_, let w)?: word(w)
                case .replace(_, let a, let b)?: word(a); if let b { word(b) }
                case .substring(let a, let b)?: word(a); if let b { word(b) }
                case .caseChange(_, _, let w)?: if let w { word(w) }
                default: break
                }
            case .commandSubstitution(let cs):
                if cs.backquoted ? !src.hasPrefix("`") : !src.hasPrefix("$(") { fail("substitution spans \(src)") }
                if !cs.backquoted, let b = cs.body { list(b) }
            case .arithmetic(let a):
                if !src.hasPrefix("$((") && !src.hasPrefix("$[") { fail("arithmetic spans \(src)") }
                word(a.text)
            case .processSubstitution(let ps):
                if !(src.hasPrefix("<(") || src.hasPrefix(">(")) { fail("process substitution spans \(src)") }
                if let b = ps.body { list(b) }
            case .tilde(let user):
                if src != "~" + user { fail("tilde spans \(src)") }
            case .extglob(_, let patterns):
                for w in patterns { word(w) }
            case .brace(let b):
                if case .alternatives(let ws) = b { for w in ws { word(w) } }
            case .arrayLiteral(let els):
                for e in els { if let k = e.key { word(k) }; word(e.value) }
            }
        }

        func list(_ l: CommandList) {
            var last = l.span.start
            for item in l.items {
                if item.andOr.span.start < last { fail("list items out of order") }
                last = item.andOr.span.end
                andOr(item.andOr)
            }
        }

        func andOr(_ a: AndOrList) {
            pipeline(a.first)
            for r in a.rest {
                if text(r.opSpan) != ByteString(r.op.rawValue) { fail("and-or operator spans \(text(r.opSpan))") }
                pipeline(r.pipeline)
            }
        }

        func pipeline(_ p: Pipeline) {
            for pre in p.prefixes { pre.options.forEach(word) }
            for o in p.operators where text(o.span) != ByteString(o.op.rawValue) { fail("pipe operator spans \(text(o.span))") }
            p.commands.forEach(command)
        }

        func command(_ c: Command) {
            switch c {
            case .simple(let s):
                for a in s.assignments {
                    if !text(a.span).hasPrefix(a.name) { fail("assignment spans \(text(a.span))") }
                    if let i = a.index { word(i) }
                    switch a.value {
                    case .scalar(let w): word(w)
                    case .array(let els): for e in els { if let k = e.key { word(k) }; word(e.value) }
                    }
                }
                s.words.forEach(word)
                s.redirections.forEach(redirection)
            case .compound(let cc, let rs):
                compound(cc)
                rs.forEach(redirection)
            case .function(let f):
                if text(f.nameSpan) != f.name { fail("function name spans \(text(f.nameSpan))") }
                compound(f.body)
                f.redirections.forEach(redirection)
            case .coprocess(let c):
                command(c.body)
            }
        }

        func redirection(_ r: Redirection) {
            switch r.target {
            case .word(let w): word(w)
            case .hereDoc(let d):
                if !d.stripTabs, let body = try? d.body { word(body) }
            }
        }

        func compound(_ c: CompoundCommand) {
            switch c {
            case .braceGroup(let l, _), .subshell(let l, _): list(l)
            case .ifClause(let i):
                for b in i.branches { list(b.condition); list(b.body) }
                if let e = i.elseBody { list(e) }
            case .loop(let l): list(l.condition); list(l.body)
            case .forIn(let f): f.words?.forEach(word); list(f.body)
            case .arithmeticFor(let f):
                for a in [f.initializer, f.condition, f.step] { if let a { word(a.text) } }
                list(f.body)
            case .caseClause(let cc):
                word(cc.subject)
                for item in cc.items { item.patterns.forEach(word); if let b = item.body { list(b) } }
            case .conditional(let c): condition(c.expression)
            case .arithmetic(let a): word(a.expression.text)
            }
        }

        func condition(_ e: ConditionalExpression) {
            switch e {
            case .unary(_, let w), .word(let w): word(w)
            case .binary(_, let a, let b): word(a); word(b)
            case .not(let x), .group(let x): condition(x)
            case .and(let a, let b), .or(let a, let b): condition(a); condition(b)
            }
        }
    }

    static func corpusFiles() -> [String] {
        var files: [String] = []
        for dir in ["valid", "valid-extglob"] {
            let path = packageRoot + "/Tests/corpus/" + dir
            files += listDirectory(path).filter { $0.hasSuffix(".sh") }.map { path + "/" + $0 }
        }
        return files
    }

    @Test func corpusSpansGiveTheSourceBack() throws {
        let files = RoundTripTests.corpusFiles()
        #expect(files.count > 100)
        var words = 0
        for path in files {
            let source = SourceFile(name: ByteString(path), bytes: readFileBytes(path) ?? [])
            let program = try Parser(source: source).parseProgram()
            let checker = Checker(source)
            program.commands.forEach(checker.list)
            words += checker.wordsChecked
            #expect(checker.failures.isEmpty, "\(path): \(checker.failures.prefix(5))")
        }
        #expect(words > 3000)
    }

    @Test func commandListsReparseFromTheirSpans() throws {
        for path in RoundTripTests.corpusFiles() {
            let source = SourceFile(name: ByteString(path), bytes: readFileBytes(path) ?? [])
            let program = try Parser(source: source).parseProgram()
            for list in program.commands {
                let text = source.text(list.span)
                if text.contains("<<") { continue }  // here-doc bodies lie outside the span
                let again = try Parser(source: SourceFile(name: "again", text: text)).parseProgram()
                #expect(again.commands.count == 1, "\(path): \(text)")
                if let first = again.commands.first {
                    #expect(ASTPrinter.print(first) == ASTPrinter.print(list), "\(path): \(text)")
                }
            }
        }
    }

    @Test func programSpanCoversTheInput() throws {
        let text = "a\n\nb # c\n"
        let p = try parse(text)
        #expect(p.span == Span(0, text.utf8.count))
    }
}

extension ByteString {
    /// Without backslash-newline pairs.
    func replacingContinuations() -> ByteString { replacing("\\\n", with: "") }
}
