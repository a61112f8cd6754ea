import Glibc
import CWeirSys
import WeirSyntax

extension Shell {
    /// A plan for a child of this shell in its current mode: the process group and the
    /// terminal under job control, and the signals it starts with.
    func childPlan(_ body: ChildPlan.Body, descriptors: [FdAction] = [], foreground: Bool,
                   processGroup: pid_t? = nil) -> ChildPlan {
        var plan = ChildPlan(body: body, descriptors: descriptors)
        if options.monitor {
            plan.group = processGroup.map { .join($0) } ?? .lead
            plan.takesTerminal = foreground && terminal.fd != nil
        }
        plan.signals = childSignals(background: !foreground)
        return plan
    }

    /// Starts a child from its plan: the one place weir makes a process for a command.
    /// A program is started with vfork and execve, its descriptor steps applied in the
    /// child; a step that fails (a file that cannot be opened, a bad descriptor) is a
    /// redirection `ShellError`, an exec that fails a `SpawnError`, and either way the terminal
    /// comes back to the shell. Shell code, and a program whose redirection opens a FIFO,
    /// runs in a forked child.
    func launch(_ plan: ChildPlan) throws -> pid_t {
        var steps = try DescriptorSteps(plan.descriptors, variable: { self.variables.value($0) },
                                        readonly: { self.variables.variable($0)?.attributes.contains(.readonly) == true })
        defer { steps.release() }
        let pid: pid_t
        switch plan.body {
        case .exec(let path, let argv, let environment) where !steps.opensFIFO:
            pid = try spawn(path: path, argv: argv, environment: environment, steps: &steps, plan: plan)
        case .exec(let path, let argv, let environment):
            let stepsInChild = steps
            pid = try forkShell(processGroup: plan.groupID >= 0 ? plan.groupID : nil, foreground: plan.takesTerminal) {
                var s = stepsInChild
                try s.apply()
                return try self.execReplacing(path: path, argv: argv, env: environment, actions: [])
            }
        case .shell(let body):
            let stepsInChild = steps
            pid = try forkShell(processGroup: plan.groupID >= 0 ? plan.groupID : nil, foreground: plan.takesTerminal) {
                var s = stepsInChild
                try s.apply()
                return try body()
            }
        }
        return pid
    }

    /// vfork and execve through the C shim.
    private func spawn(path: ByteString, argv: [ByteString], environment: [ByteString],
                       steps: inout DescriptorSteps, plan: ChildPlan) throws -> pid_t {
        var defaults = sigset_t(), ignored = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&ignored)
        sigemptyset(&mask)
        for s in plan.signals.ignored { sigaddset(&ignored, s) }
        for s in plan.signals.defaults where !plan.signals.ignored.contains(s) { sigaddset(&defaults, s) }
        var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { mallocCString($0) } + [nil]
        defer { for p in cargv { free(p) } }
        let cenv = EnvironmentBlock.converting(environment)
        var code: Int32 = 0, failed: Int32 = -1
        let tty = plan.takesTerminal ? (terminal.fd ?? -1) : -1
        let pid = try retryingFork { () -> pid_t? in
            let pid = cenv.pointers.withUnsafeBufferPointer { envp in
                path.withCString { cpath in
                    steps.steps.withUnsafeMutableBufferPointer { s in
                        weir_spawn(cpath, &cargv, envp.baseAddress, s.baseAddress, Int32(s.count), plan.groupID, tty,
                                   &defaults, &ignored, &mask, &code, &failed)
                    }
                }
            }
            if pid == -2 { errno = code; return nil }
            return pid
        }
        if pid < 0 {
            // The child may have taken the terminal before it failed: the shell takes it back.
            if tty >= 0 { terminal.takeBack() }
            if failed >= 0 { throw steps.failure(step: Int(failed), errno: code) }
            throw SpawnError(code: code)
        }
        if options.monitor { _ = setpgid(pid, plan.groupID > 0 ? plan.groupID : pid) }
        jobs.childStarted(pid)
        return pid
    }
}
