import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    func runCompound(_ c: CompoundCommand) throws -> Int32 {
        // Compound commands parsed as deep as the parser's stack allowed take more stack
        // to run: an error, not an overflow.
        if StackGuard.isLow { return try fail(ShellError.nestingTooDeep) }
        switch c {
        case .braceGroup(let list, _):
            return try run(list)
        case .subshell(let list, _):
            // The last thing a child does: the subshell runs in that child (one process
            // for `(a; b) &` or `$( (a) )`, as in bash), unless a trap of the child would
            // have to run after it.
            if execInPlace && !traps.hasAnyTrap {
                return try run(list)
            }
            execInPlace = false
            return try runSubshell { try self.run(list) }
        case .ifClause(let clause):
            for branch in clause.branches {
                if try runCondition(branch.condition) == 0 { return try run(branch.body) }
            }
            if let e = clause.elseBody { return try run(e) }
            return 0
        case .loop(let loop):
            return try runLoop(loop)
        case .forIn(let f):
            return f.isSelect ? try runSelect(f) : try runFor(f)
        case .arithmeticFor(let f):
            return try runArithmeticFor(f)
        case .caseClause(let cc):
            return try runCase(cc)
        case .conditional(let cond):
            setLine(cond.span)
            try debugTrap(before: cond.span)
            if options.xtrace { trace([sourceText(cond.span)], quote: false) }
            let status: Int32
            do {
                status = try evaluateCondition(cond.expression) ? 0 : 1
            } catch let e as ConditionError {
                if !e.message.isEmpty { error(e.message) }
                status = 2
            } catch let e as ShellError {
                status = try fail(e)
            }
            return status
        case .arithmetic(let a):
            setLine(a.span)
            try debugTrap(before: a.span)
            let status: Int32
            do {
                if options.xtrace { trace([sourceText(a.span)], quote: false) }
                status = try expander.evaluate(a.expression) != 0 ? 0 : 1
            } catch let e as ShellError {
                // An arithmetic error ends a script here, as the Oils spec expects (bash
                // fails only the command); `let` fails only itself.
                status = try fail(e)
            }
            return status
        }
    }

    /// The condition of `if`/`while`/`until`: `set -e` does not apply in it.
    func runCondition(_ list: CommandList) throws -> Int32 {
        errexitSuppressed += 1
        defer { errexitSuppressed -= 1 }
        return try run(list)
    }

    /// Runs a loop body, turning `break`/`continue` into what the loop should do.
    /// Returns false when the loop must stop.
    @inline(__always)
    func runLoopBody(_ body: CommandList, status: inout Int32) throws -> Bool {
        do {
            status = try run(body)
        } catch ControlFlow.breakLoop(let n) {
            // `break 5` in two loops leaves both, and no more.
            if n > 1 && loopDepth > 1 { throw ControlFlow.breakLoop(n - 1) }
            // The last command was `break`, whose status is 0.
            status = 0
            environment.lastStatus = 0
            return false
        } catch ControlFlow.continueLoop(let n) {
            if n > 1 && loopDepth > 1 { throw ControlFlow.continueLoop(n - 1) }
            status = 0
            environment.lastStatus = 0
        }
        // A trapped signal is acted on at every turn of a loop, whatever the body did.
        try serviceSignals()
        return true
    }

    func runLoop(_ loop: LoopClause) throws -> Int32 {
        loopDepth += 1
        defer { loopDepth -= 1 }
        var status: Int32 = 0
        while true {
            let c: Int32
            do {
                c = try runCondition(loop.condition)
            } catch ControlFlow.breakLoop(let n) {
                if n > 1 && loopDepth > 1 { throw ControlFlow.breakLoop(n - 1) }
                break
            } catch ControlFlow.continueLoop(let n) {
                if n > 1 && loopDepth > 1 { throw ControlFlow.continueLoop(n - 1) }
                environment.lastStatus = 0
                try serviceSignals()
                continue
            }
            if (c == 0) == loop.isUntil { break }
            if try !runLoopBody(loop.body, status: &status) { break }
        }
        return status
    }

    func runFor(_ f: ForInClause) throws -> Int32 {
        setLine(f.span)
        guard isValidName(f.variable) else {
            error("`\(f.variable)': not a valid identifier")
            if !interactive { throw exiting(2) }
            return 2
        }
        let items: [ByteString]
        do {
            items = try f.words.map { try expander.expandWords($0) } ?? environment.positional
        } catch let e as ShellError {
            return try fail(e)
        }
        loopDepth += 1
        defer { loopDepth -= 1 }
        var status: Int32 = 0
        for item in items {
            do { try variables.assign(f.variable, item) } catch let e as VariableError {
                status = try fail(assignmentError(e))
                break
            }
            if options.xtrace { trace(["for", f.variable, "in", item]) }
            if try !runLoopBody(f.body, status: &status) { break }
        }
        return status
    }

    func runArithmeticFor(_ f: ArithmeticForClause) throws -> Int32 {
        loopDepth += 1
        defer { loopDepth -= 1 }
        var status: Int32 = 0
        do {
            setLine(f.span)
            try debugTrap(before: f.span)
            if let i = f.initializer { _ = try expander.evaluate(i) }
            while true {
                // The header's expressions see the `for` line as LINENO (bash).
                setLine(f.span)
                try debugTrap(before: f.span)
                if let c = f.condition, try expander.evaluate(c) == 0 { break }
                if try !runLoopBody(f.body, status: &status) { break }
                setLine(f.span)
                try debugTrap(before: f.span)
                if let s = f.step { _ = try expander.evaluate(s) }
            }
        } catch let e as ShellError {
            return try fail(e)
        }
        return status
    }

    func runSelect(_ f: ForInClause) throws -> Int32 {
        let items = try f.words.map { try expander.expandWords($0) } ?? environment.positional
        loopDepth += 1
        defer { loopDepth -= 1 }
        var status: Int32 = 0
        if items.isEmpty { return 0 }
        while true {
            for (i, item) in items.enumerated() { writeAll(2, "\(i + 1)) \(item)\n") }
            writeAll(2, variables.value("PS3") ?? "#? ")
            guard let line = readLine(fd: 0) else {
                writeAll(2, "\n")
                break
            }
            try variables.assign("REPLY", line)
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty { continue }
            if let n = Int(trimmed), n >= 1, n <= items.count {
                try variables.assign(f.variable, items[n - 1])
            } else {
                try variables.assign(f.variable, "")
            }
            if try !runLoopBody(f.body, status: &status) { break }
        }
        return status
    }

    func runCase(_ cc: CaseClause) throws -> Int32 {
        setLine(cc.span)
        try debugTrap(before: cc.span)
        let subject: ByteString
        do { subject = try expander.expandString(cc.subject) } catch let e as ShellError {
            return try fail(e)
        }
        var status: Int32 = 0
        var i = 0
        var fallingThrough = false
        while i < cc.items.count {
            let item = cc.items[i]
            var matched = fallingThrough
            if !matched {
                for p in item.patterns {
                    let pattern: ByteString
                    do { pattern = try expander.expandPattern(p) } catch let e as ShellError {
                        return try fail(e)
                    }
                    if ShellPattern(pattern, extglob: environment.options.extglob,
                                    caseInsensitive: environment.options.nocasematch).matches(subject) {
                        matched = true
                        break
                    }
                }
            }
            if matched {
                status = try item.body.map { try run($0) } ?? 0
                switch item.terminator {
                case .endCase:
                    return status
                case .fallThrough:
                    fallingThrough = true
                case .testNext:
                    fallingThrough = false
                }
            }
            i += 1
        }
        return status
    }

    /// `( list )` and other shell code in a child: fork, run, wait.
    func runSubshell(_ body: @escaping () throws -> Int32) throws -> Int32 {
        let pid = try forkShell(body)
        return waitForeground([pid])
    }
}

extension ByteString {
    /// Blanks and newlines taken off both ends.
    func trimmingBlanks() -> ByteString { trimmingSpace() }
}
