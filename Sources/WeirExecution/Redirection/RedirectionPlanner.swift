import Glibc
import WeirSyntax
import WeirExpansion

extension Shell {
    /// Expands a redirection list into descriptor actions. Here-document bodies are
    /// expanded here; files are opened later, where the actions are applied.
    public func planRedirections(_ redirections: [Redirection]) throws -> [FdAction] {
        var actions: [FdAction] = []
        actions.reserveCapacity(redirections.count)
        for r in redirections { actions.append(try planRedirection(r)) }
        return actions
    }

    func planRedirection(_ r: Redirection) throws -> FdAction {
        let fd = r.fd ?? r.op.defaultFD
        let exp = expander
        switch r.target {
        case .hereDoc(let doc):
            let body: Word
            do {
                body = try doc.body
            } catch let e as SyntaxError {
                // An unquoted body is parsed when first expanded, as in bash: its syntax
                // error fails this redirection (status 1) and the script goes on.
                throw ShellError(doc.source.map { e.located(in: $0, program: programName, dialect: messageDialect) } ?? e.message, kind: .redirection(.other))
            }
            let text = doc.quoted ? (body.literalText ?? "") : try exp.expandHereDoc(body)
            if let v = r.fdVariable { return .contentToVariable(text.bytes, variable: v) }
            return .content(text.bytes, fd: fd)
        case .word(let w):
            if r.op == .hereString {
                let bytes = (try exp.expandString(w) + "\n").bytes
                if let v = r.fdVariable { return .contentToVariable(bytes, variable: v) }
                return .content(bytes, fd: fd)
            }
            let target = try expandRedirectionTarget(w)
            let create = O_CREAT | O_WRONLY
            func opened(_ flags: Int32) -> FdAction {
                if let v = r.fdVariable { return .openToVariable(path: target, flags: flags, mode: 0o666, variable: v) }
                return .open(path: target, flags: flags, mode: 0o666, fd: fd)
            }
            switch r.op {
            case .input: return opened(O_RDONLY)
            case .output:
                return opened(options.noclobber ? create | O_EXCL | noclobberMarker : create | O_TRUNC)
            case .clobber: return opened(create | O_TRUNC)
            case .append: return opened(create | O_APPEND)
            case .readWrite: return opened(O_RDWR | O_CREAT)
            case .outputAll:
                return .open(path: target, flags: options.noclobber ? create | O_EXCL | noclobberMarker : create | O_TRUNC,
                             mode: 0o666, fd: bothOutputs)
            case .appendAll:
                return .open(path: target, flags: create | O_APPEND, mode: 0o666, fd: bothOutputs)
            case .duplicateInput, .duplicateOutput:
                if target == "-" {
                    if let v = r.fdVariable { return .closeVariable(v) }
                    return .close(fd)
                }
                var digits = target
                let moving = digits.hasSuffix("-")
                if moving { digits = digits.dropLast() }
                let isNumber = !digits.isEmpty && digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                if isNumber, let n = Int32(digits) {
                    if let v = r.fdVariable { return .duplicateToVariable(source: n, variable: v) }
                    return moving ? .move(source: n, fd: fd) : .duplicate(source: n, fd: fd)
                }
                if isNumber {
                    // A descriptor number past any descriptor is not a file name (bash).
                    throw ShellError("\(digits): Bad file descriptor", kind: .redirection(.other), errno: EBADF)
                }
                // `>&file` (no number) means `&>file`, as in bash.
                if r.op == .duplicateOutput && r.fd == nil {
                    return .open(path: target, flags: create | O_TRUNC, mode: 0o666, fd: bothOutputs)
                }
                throw ShellError("\(target): ambiguous redirect", kind: .redirection(.other))
            case .hereDoc, .hereDocStripTabs, .hereString:
                return .content([], fd: fd)
            }
        }
    }

    /// A redirection target. A script expands it as one word, neither split nor matched
    /// against files (POSIX 2.7; dash, and bash in posix mode). At the prompt it is split
    /// and a pattern names a file, as bash has it, but it must come to exactly one word.
    func expandRedirectionTarget(_ w: Word) throws -> ByteString {
        if !interactive { return try expander.expandString(w) }
        var fields: [ByteString] = []
        try expander.expandWord(w, into: &fields)
        if fields.count == 1 { return fields[0] }
        if fields.isEmpty {
            throw ShellError(": ambiguous redirect", kind: .redirection(.other))
        }
        throw ShellError("\(try expander.expandString(w)): ambiguous redirect", kind: .redirection(.other))
    }
}

/// `&>`: the pseudo-descriptor for "stdout, then stderr as a copy of it".
let bothOutputs: Int32 = -2
/// Marks an `O_EXCL` that came from `set -C`: an existing non-regular file (like
/// /dev/null) may still be opened.
let noclobberMarker: Int32 = 0x4000_0000
