/// Prints a tree in a stable, indented S-expression form (`weir --ast`), for tests and
/// debugging. Each node is `(kind attributes… children…)`; strings are quoted with
/// C-style escapes so that the output is plain ASCII-safe text.
public struct ASTPrinter {
    var out = ""
    var indent = 0

    public init() {}

    public static func print(_ program: Program) -> String {
        var p = ASTPrinter()
        p.open("program")
        for c in program.commands { p.list(c) }
        p.close()
        return p.out
    }

    public static func print(_ list: CommandList) -> String {
        var p = ASTPrinter()
        p.list(list)
        return p.out
    }

    // MARK: Layout

    mutating func open(_ head: String) {
        out += String(repeating: "  ", count: indent) + "(" + head + "\n"
        indent += 1
    }

    mutating func close() {
        indent -= 1
        // Fold the closing paren onto the previous line.
        if out.hasSuffix("\n") { out.removeLast() }
        out += ")\n"
    }

    mutating func leaf(_ text: String) {
        out += String(repeating: "  ", count: indent) + text + "\n"
    }

    /// `"…"` with `\xNN` for control characters and for bytes that are not UTF-8.
    static func quote(_ s: ByteString) -> String {
        let escaped = backslashEscaped(s, quote: UInt8(ascii: "\""), escapesReturn: false, escapesDelete: true,
                                       control: hexEscape, invalid: { hexEscape(UInt32($0)) })
        return "\"" + escaped + "\""
    }

    static func quote(_ s: String) -> String { quote(ByteString(s)) }

    // MARK: Commands

    mutating func list(_ l: CommandList) {
        open("list")
        for item in l.items {
            if item.background { open("background") }
            andOr(item.andOr)
            if item.background { close() }
        }
        close()
    }

    mutating func andOr(_ a: AndOrList) {
        if a.rest.isEmpty { return pipeline(a.first) }
        open("and-or")
        pipeline(a.first)
        for r in a.rest {
            leaf(r.op.rawValue)
            pipeline(r.pipeline)
        }
        close()
    }

    mutating func pipeline(_ p: Pipeline) {
        let plain = p.prefixes.isEmpty && !p.negated && p.commands.count == 1
        if plain { return command(p.commands[0]) }
        open("pipeline" + (p.negated ? " !" : ""))
        for pre in p.prefixes {
            open(pre.kind.rawValue)
            for w in pre.options { word(w) }
            close()
        }
        for (i, c) in p.commands.enumerated() {
            if i > 0 { leaf(p.operators[i - 1].op.rawValue) }
            command(c)
        }
        close()
    }

    mutating func command(_ c: Command) {
        switch c {
        case .simple(let s):
            open("simple")
            for a in s.assignments { assignment(a) }
            for w in s.words { word(w) }
            for r in s.redirections { redirection(r) }
            close()
        case .compound(let cc, let redirections):
            compound(cc)
            if !redirections.isEmpty {
                open("redirections")
                for r in redirections { redirection(r) }
                close()
            }
        case .coprocess(let c):
            open("coproc" + (c.name.map { " " + ASTPrinter.quote($0) } ?? ""))
            command(c.body)
            close()
        case .function(let f):
            open("function " + ASTPrinter.quote(f.name))
            compound(f.body)
            for r in f.redirections { redirection(r) }
            close()
        }
    }

    mutating func compound(_ c: CompoundCommand) {
        switch c {
        case .braceGroup(let l, _):
            open("brace-group"); list(l); close()
        case .subshell(let l, _):
            open("subshell"); list(l); close()
        case .ifClause(let i):
            open("if")
            for (n, b) in i.branches.enumerated() {
                open(n == 0 ? "condition" : "elif")
                list(b.condition)
                close()
                open("then"); list(b.body); close()
            }
            if let e = i.elseBody { open("else"); list(e); close() }
            close()
        case .loop(let l):
            open(l.isUntil ? "until" : "while")
            list(l.condition)
            open("do"); list(l.body); close()
            close()
        case .forIn(let f):
            open((f.isSelect ? "select " : "for ") + ASTPrinter.quote(f.variable))
            if let ws = f.words {
                open("in")
                for w in ws { word(w) }
                close()
            }
            open("do"); list(f.body); close()
            close()
        case .arithmeticFor(let f):
            open("arith-for")
            for (label, a) in [("init", f.initializer), ("cond", f.condition), ("step", f.step)] {
                if let a { open(label); arithmetic(a); close() } else { leaf("(\(label))") }
            }
            open("do"); list(f.body); close()
            close()
        case .caseClause(let cc):
            open("case")
            word(cc.subject)
            for item in cc.items {
                open("item " + item.terminator.rawValue)
                open("patterns")
                for p in item.patterns { word(p) }
                close()
                if let b = item.body { list(b) }
                close()
            }
            close()
        case .conditional(let c):
            open("[[")
            condition(c.expression)
            close()
        case .arithmetic(let a):
            open("arith-cmd")
            arithmetic(a.expression)
            close()
        }
    }

    mutating func assignment(_ a: Assignment) {
        open("assign " + ASTPrinter.quote(a.name) + (a.append ? " +=" : " ="))
        if let s = a.index { open("subscript"); word(s); close() }
        switch a.value {
        case .scalar(let w): word(w)
        case .array(let els): arrayElements(els)
        }
        close()
    }

    mutating func arrayElements(_ els: [ArrayElement]) {
        open("array")
        for e in els {
            if let k = e.key {
                open(e.append ? "keyed-append" : "keyed")
                word(k)
                word(e.value)
                close()
            } else {
                word(e.value)
            }
        }
        close()
    }

    mutating func redirection(_ r: Redirection) {
        var head = "redirect " + r.op.rawValue
        if let fd = r.fd { head += " fd=\(fd)" }
        if let v = r.fdVariable { head += " var=\(v)" }
        switch r.target {
        case .word(let w):
            open(head)
            word(w)
            close()
        case .hereDoc(let d):
            head += " delimiter=" + ASTPrinter.quote(d.delimiter) + (d.quoted ? " quoted" : "")
            open(head)
            do {
                word(try d.body)
            } catch {
                // An unquoted body is parsed when first needed; its error is shown here.
                leaf("(syntax-error " + ASTPrinter.quote((error as? SyntaxError)?.message ?? "\(error)") + ")")
            }
            close()
        }
    }

    // MARK: Words

    mutating func word(_ w: Word) {
        if w.parts.count == 1, case .literal(let s) = w.parts[0].kind {
            return leaf("(word " + ASTPrinter.quote(s) + ")")
        }
        open("word")
        for p in w.parts { part(p) }
        close()
    }

    mutating func part(_ p: WordPart) {
        switch p.kind {
        case .literal(let s): leaf("(lit " + ASTPrinter.quote(s) + ")")
        case .escaped(let s): leaf("(escaped " + ASTPrinter.quote(s) + ")")
        case .singleQuoted(let s): leaf("(sq " + ASTPrinter.quote(s) + ")")
        case .ansiC(let s): leaf("(ansi-c " + ASTPrinter.quote(s) + ")")
        case .doubleQuoted(let parts):
            open("dq")
            for q in parts { part(q) }
            close()
        case .parameter(let pe): parameter(pe)
        case .commandSubstitution(let cs):
            open(cs.backquoted ? "backquote" : cs.valueOfReply ? "reply-sub" : cs.inShell ? "function-sub" : "command-sub")
            if let b = cs.body { list(b) }
            close()
        case .arithmetic(let a):
            open("arith-sub")
            arithmetic(a)
            close()
        case .processSubstitution(let ps):
            open(ps.isInput ? "proc-sub <" : "proc-sub >")
            if let b = ps.body { list(b) }
            close()
        case .tilde(let user): leaf("(tilde " + ASTPrinter.quote(user) + ")")
        case .extglob(let op, let patterns):
            open("extglob " + String(decoding: [op], as: UTF8.self))
            for w in patterns { word(w) }
            close()
        case .brace(let b):
            switch b {
            case .alternatives(let ws):
                open("brace")
                for w in ws { word(w) }
                close()
            case .sequence(let a, let z, let step):
                leaf("(brace-seq " + ASTPrinter.quote(a) + " " + ASTPrinter.quote(z)
                     + (step.map { " " + ASTPrinter.quote($0) } ?? "") + ")")
            }
        case .arrayLiteral(let els):
            arrayElements(els)
        }
    }

    mutating func parameter(_ pe: ParameterExpansion) {
        var head = "param "
        switch pe.name {
        case .variable(let n): head += n.description
        case .positional(let n): head += String(n)
        case .special(let c): head += String(decoding: [c], as: UTF8.self)
        }
        if pe.length { head += " length" }
        if pe.indirect { head += " indirect" }
        switch pe.index {
        case .all?: head += " [@]"
        case .star?: head += " [*]"
        default: break
        }
        guard pe.op != nil || pe.index != nil else { return leaf("(" + head + ")") }
        open(head)
        if case .index(let w)? = pe.index { open("index"); word(w); close() }
        switch pe.op {
        case nil: break
        case .test(let kind, let colon, let w)?:
            open("op " + (colon ? ":" : "") + kind.rawValue); word(w); close()
        case .removePrefix(let longest, let w)?:
            open("op " + (longest ? "##" : "#")); word(w); close()
        case .removeSuffix(let longest, let w)?:
            open("op " + (longest ? "%%" : "%")); word(w); close()
        case .replace(let mode, let pat, let rep)?:
            open("op " + mode.rawValue)
            word(pat)
            if let rep { word(rep) }
            close()
        case .substring(let off, let len)?:
            open("op :")
            word(off)
            if let len { word(len) }
            close()
        case .caseChange(let upper, let all, let pat)?:
            open("op " + String(repeating: upper ? "^" : ",", count: all ? 2 : 1))
            if let pat { word(pat) }
            close()
        case .caseToggle(let all, let pat)?:
            open("op " + (all ? "~~" : "~"))
            if let pat { word(pat) }
            close()
        case .transform(let t)?: leaf("(op @" + String(decoding: [t], as: UTF8.self) + ")")
        case .namesWithPrefix(let star)?: leaf("(op names " + (star ? "*" : "@") + ")")
        case .bad(let text)?: leaf("(bad-substitution " + ASTPrinter.quote(text) + ")")
        }
        close()
    }

    // MARK: Arithmetic and conditions

    mutating func arithmetic(_ a: Arithmetic) {
        switch a.parsed {
        case .expression(let e): leaf(ASTPrinter.arith(e))
        case .dynamic:
            open("dynamic")
            word(a.text)
            close()
        case .invalid(let message, _): leaf("(invalid " + ASTPrinter.quote(message) + ")")
        }
    }

    static func lvalue(_ lv: ArithmeticLValue) -> String {
        guard let t = lv.subscriptText else { return lv.name.description }
        return "\(lv.name)[\(t)]"
    }

    /// Arithmetic as a fully parenthesised one-line expression.
    public static func arith(_ e: ArithmeticExpression) -> String {
        switch e {
        case .number(let n): return String(n)
        case .variable(let lv): return lvalue(lv)
        case .unary(let op, let x): return "(" + op.rawValue + arith(x) + ")"
        case .increment(let lv, let delta, let prefix):
            let op = delta > 0 ? "++" : "--"
            return "(" + (prefix ? op + lvalue(lv) : lvalue(lv) + op) + ")"
        case .binary(let op, let l, let r): return "(" + arith(l) + " " + op.rawValue + " " + arith(r) + ")"
        case .assign(let lv, let op, let r): return "(" + lvalue(lv) + " " + (op?.rawValue ?? "") + "= " + arith(r) + ")"
        case .conditional(let c, let a, let b): return "(" + arith(c) + " ? " + arith(a) + " : " + arith(b) + ")"
        }
    }

    mutating func condition(_ c: ConditionalExpression) {
        switch c {
        case .unary(let op, let w): open("test \(op)"); word(w); close()
        case .binary(let op, let l, let r): open("test \(op)"); word(l); word(r); close()
        case .word(let w): word(w)
        case .not(let x): open("!"); condition(x); close()
        case .and(let a, let b): open("&&"); condition(a); condition(b); close()
        case .or(let a, let b): open("||"); condition(a); condition(b); close()
        case .group(let x): open("group"); condition(x); close()
        }
    }
}
