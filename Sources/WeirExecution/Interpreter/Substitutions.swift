import Glibc
import CWeirSys
import WeirSyntax
import WeirTracing
import WeirExpansion

extension Shell {
    /// `$(…)`: runs the list in a child whose stdout is a pipe, reads all of it while the
    /// child runs (so a large output never deadlocks), then waits and sets `$?`.
    public func runCommandSubstitution(_ body: CommandList?) throws -> ByteString {
        commandSubstitutionCount += 1
        guard let body else {
            environment.lastStatus = 0
            return ""
        }
        if let text = try readFileSubstitution(body) { return text }
        if let text = try runSubstitutionInShell(body) { return text }
        var fds: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&fds) == 0 else {
            throw ShellError("command substitution: pipe: \(String(cString: strerror(errno)))", kind: .expansion)
        }
        let pid = try forkShell(foreground: false) {
            close(fds[0])
            dup2(fds[1], 1)
            close(fds[1])
            self.execInPlace = true
            self.errexitInSubstitution()
            return try self.run(body)
        }
        close(fds[1])
        var out: [UInt8] = []
        var complete = readToEnd(fds[0], into: &out)
        var readErrno = errno
        // The value is copied twice more on its way to a word or a variable: room for that
        // is asked for now, while the failure can still be reported.
        if complete && out.count > 1 << 20 {
            if weir_memory_available(out.count * 2) == 0 { (complete, readErrno) = (false, ENOMEM) }
        }
        close(fds[0])
        let st = jobs.waitFor(pid).map { ProcessState(waitStatus: $0).status } ?? 127
        environment.lastStatus = st
        if !complete && readErrno == ENOMEM {
            // bash's xmalloc dies with status 2; weir says why and stops the same way.
            out = []
            throw ShellError("command substitution: output too large to hold: \(String(cString: strerror(ENOMEM)))",
                             kind: .expansion, status: 2)
        }
        return substitutionValue(out)
    }

    /// What a substitution's output becomes as a value: shell strings cannot hold NUL,
    /// so those bytes are dropped (bash drops them, with a warning).
    func substitutionValue(_ out: [UInt8]) -> ByteString {
        ByteString(scriptBytes(out))
    }

    /// `$(< file)`: the file's contents, read here without a child (bash).
    func readFileSubstitution(_ body: CommandList) throws -> ByteString? {
        guard isSingleSimpleCommand(body), case .simple(let sc) = body.items[0].andOr.first.commands[0],
              sc.words.isEmpty, sc.assignments.isEmpty, sc.redirections.count == 1,
              sc.redirections[0].op == .input, sc.redirections[0].fd == nil,
              case .word(let w) = sc.redirections[0].target else { return nil }
        let path = try expandRedirectionTarget(w)
        guard let bytes = readWholeFile(path) else {
            error("\(path): \(String(cString: strerror(errno)))")
            environment.lastStatus = 1
            return ""
        }
        environment.lastStatus = 0
        return substitutionValue(bytes)
    }

    /// bash does not act on `set -e` in command substitutions (without inherit_errexit
    /// or posix). The option stays set, as `set +o` and `$-` report it there (dash, POSIX:
    /// `eval "$(set +o)"` restores it); `set -e` inside turns it back on.
    func errexitInSubstitution() {
        if !options.posix && !shoptFlags.contains("inherit_errexit") { errexitSuspended = true }
    }

    /// `set -e` as it acts here: set, and not suspended by a command substitution.
    var exitsOnError: Bool { options.errexit && !errexitSuspended }

    /// `<(…)` / `>(…)`: a FIFO in the shell's private directory, with the list running in
    /// a child on the other end. The FIFO goes when the command that used it is done.
    public func startProcessSubstitution(_ body: CommandList?, isInput: Bool) throws -> ByteString {
        let dir = try privateDirectory()
        processSubstitutions.counter += 1
        let path = dir + "/fifo\(processSubstitutions.counter)"
        if path.withCString({ mkfifo($0, 0o600) }) != 0 {
            throw ShellError("process substitution: \(path): \(String(cString: strerror(errno)))", kind: .expansion)
        }
        dir.withCString { weir_fifo_dir_set($0, Int32(truncatingIfNeeded: processSubstitutions.counter)) }
        if let span = activeSpan, activeObserver == nil,
           let pid = try startSpanSubstitution(body, isInput: isInput, fifo: path, span: span) {
            environment.lastBackgroundPid = pid
            jobs.addProcessSubstitution(pid)
            processSubstitutions.pendingFIFOs.append((path, isInput))
            return path
        }
        if let observer = activeObserver, let pid = try startTracedSubstitution(body, isInput: isInput, fifo: path, observer: observer) {
            environment.lastBackgroundPid = pid
            jobs.addProcessSubstitution(pid)
            processSubstitutions.pendingFIFOs.append((path, isInput))
            return path
        }
        let pid = try forkShell(foreground: false) {
            let fd = path.withCString { open($0, (isInput ? O_WRONLY : O_RDONLY) | O_CLOEXEC) }
            if fd < 0 { return 1 }
            dup2(fd, isInput ? 1 : 0)
            close(fd)
            guard let body else { return 0 }
            return try self.run(body)
        }
        environment.lastBackgroundPid = pid
        jobs.addProcessSubstitution(pid)
        processSubstitutions.pendingFIFOs.append((path, isInput))
        return path
    }

    /// The two ends of a relayed substitution: the shell's end of the FIFO for `>(…)`
    /// and the pipe to or from the substitution's child, which is started here.
    struct RelayedSubstitution {
        let pid: pid_t
        /// What weir reads from (`<(…)`: the child's pipe; `>(…)`: the FIFO) and writes to
        /// (`>(…)`: the child's pipe; `<(…)`: -1, the FIFO is opened once its reader is there).
        let source: Int32
        let sink: Int32
        let text: ByteString
    }

    /// Starts a substitution whose child talks to a pipe instead of the FIFO, for weir to
    /// relay. nil when the pipe or the FIFO's read end cannot be made (it then runs
    /// untraced). `closing`: descriptors of the shell the child must not keep.
    func startRelayedSubstitution(_ body: CommandList?, isInput: Bool, fifo: ByteString, closing held: [Int32]) throws -> RelayedSubstitution? {
        var child: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&child) == 0 else { return nil }
        // `>(…)`: weir's end of the FIFO opens now without waiting (a reader needs no writer).
        var fifoRead: Int32 = -1
        if !isInput {
            fifoRead = fifo.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
            guard fifoRead >= 0 else { close(child[0]); close(child[1]); return nil }
        }
        let pid = try forkShell(foreground: false) {
            for fd in held { close(fd) }
            if fifoRead >= 0 { close(fifoRead) }
            dup2(isInput ? child[1] : child[0], isInput ? 1 : 0)
            close(child[0]); close(child[1])
            guard let body else { return 0 }
            return try self.run(body)
        }
        close(isInput ? child[1] : child[0])
        let text: ByteString = body.map { (isInput ? "<(" : ">(") + commandText($0.span) + ")" } ?? (isInput ? "<()" : ">()")
        return RelayedSubstitution(pid: pid, source: isInput ? child[0] : fifoRead, sink: isInput ? -1 : child[1], text: text)
    }

    /// A substitution in a traced pipeline: weir relays between its pipe and the FIFO, so
    /// the FIFO is an edge with exact bytes and lines.
    func startTracedSubstitution(_ body: CommandList?, isInput: Bool, fifo: ByteString, observer: PipelineObserver) throws -> pid_t? {
        guard let r = try startRelayedSubstitution(body, isInput: isInput, fifo: fifo, closing: observer.heldDescriptors) else { return nil }
        // Without a relay (its descriptors then closed) the child sees its pipe end.
        observer.substitutionStarted(command: r.text, pid: r.pid, stage: activeStageIndex, isInput: isInput, fifo: fifo,
                                     source: r.source, sink: r.sink)
        return r.pid
    }

    /// A substitution used by a traced command that runs in this shell: a forked helper
    /// relays its FIFO (the shell is busy running the command).
    func startSpanSubstitution(_ body: CommandList?, isInput: Bool, fifo: ByteString, span: TracedPipeline) throws -> pid_t? {
        guard let r = try startRelayedSubstitution(body, isInput: isInput, fifo: fifo,
                                                   closing: spanRelays.flatMap { $0.shellDescriptors }) else { return nil }
        let stage = TracedStage(index: span.stages.count, command: r.text, kind: .subshell)
        stage.pid = r.pid
        stage.started = span.now()
        let edge = TracedEdge(from: isInput ? stage.index : 0, to: isInput ? 0 : stage.index)
        edge.kind = "fifo"
        edge.path = fifo
        if span.peekLines > 0 { edge.peek = LinePeek(limit: span.peekLines) }
        // On failure the relay has closed the descriptors (the substitution's pipe ends).
        guard let relay = EdgeRelay(edge: edge, source: r.source, sink: r.sink, sinkPath: isInput ? fifo : nil) else {
            return r.pid
        }
        // Without a helper the relay is dropped, and its descriptors close with it.
        guard let helper = SubstitutionRelay(stage: stage, relay: relay, fork: { try self.forkShell(foreground: false, $0) }) else {
            return r.pid
        }
        // The relay's descriptors are the helper's now; the shell's copies close with it.
        span.stages.append(stage)
        span.edges.append(edge)
        spanRelays.append(helper)
        return r.pid
    }

    /// Removes the FIFOs of finished commands; a child still waiting to open its FIFO
    /// (nobody opened the other end) is released by opening and closing that end here.
    func cleanUpFIFOs() {
        for (path, isInput) in processSubstitutions.pendingFIFOs {
            // Unlinked before this end closes: a child that has not opened the FIFO yet
            // finds it gone (and ends) instead of waiting forever for an end that left.
            let fd = path.withCString { open($0, (isInput ? O_RDONLY : O_WRONLY) | O_NONBLOCK | O_CLOEXEC) }
            path.withCString { _ = unlink($0) }
            if fd >= 0 { close(fd) }
        }
        processSubstitutions.pendingFIFOs.removeAll()
    }

    /// The shell's private directory for FIFOs: mode 0700 under $TMPDIR or /tmp, made on
    /// first use and removed at exit.
    func privateDirectory() throws -> ByteString {
        if let d = processSubstitutions.directory { return d }
        var base = variables.value("TMPDIR") ?? "/tmp"
        if base.isEmpty { base = "/tmp" }
        func make(in base: ByteString) -> ByteString? {
            var template: [CChar] = (base + "/weir-\(getpid())-XXXXXX").map { CChar(bitPattern: $0) } + [0]
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return nil }
            return ByteString(cString: template)
        }
        // A TMPDIR that cannot hold the directory falls back to /tmp (bash does the same).
        guard let d = make(in: base) ?? (base == "/tmp" ? nil : make(in: "/tmp")) else {
            throw ShellError("cannot make a directory for process substitution: \(String(cString: strerror(errno)))", kind: .expansion)
        }
        processSubstitutions.directory = d
        privateDirectoryOwner = getpid()
        // A signal that ends the shell removes the directory on the way out.
        d.withCString { weir_fifo_dir_set($0, 0) }
        signalGuardsInstalled = true
        // Every signal whose default ends the shell (and that is still at its default).
        for sig in [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO] {
            _ = weir_fifo_dir_guard(sig)
        }
        if !interactive {
            _ = weir_fifo_dir_guard(SIGINT)
            _ = weir_fifo_dir_guard(SIGQUIT)
        }
        return d
    }

    /// Removes the private directory (at exit).
    public func removePrivateDirectory() {
        cleanUpFIFOs()
        guard let d = processSubstitutions.directory, privateDirectoryOwner == getpid() else { return }
        for name in directoryEntries(d) { (d + "/" + name).withCString { _ = unlink($0) } }
        d.withCString { _ = rmdir($0) }
        weir_fifo_dir_clear()
        processSubstitutions.directory = nil
    }
}
