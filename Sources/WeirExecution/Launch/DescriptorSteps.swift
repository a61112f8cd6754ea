import Glibc
import CWeirSys
import WeirSyntax

/// A redirection list lowered to the steps the C shim applies (`weir_apply_steps`): in a
/// child before it execs (vfork or fork), so that a file is opened by the process that
/// uses it (`ls > /proc/self/fd/1 | wc` opens the pipe, `cat 3<f <&3` finds fd 3), and in
/// the shell itself for a builtin or compound command (`Shell.applyRedirections`).
///
/// What cannot be done in a child is done here first: a here-document's bytes go into a
/// pipe or temporary file (`parentDescriptors`, closed once the child has started), and
/// `{var}>&-` reads the variable now.
struct DescriptorSteps {
    var steps: [weir_spawn_step] = []
    /// The file a step opens, for its error message.
    var paths: [Int: ByteString] = [:]
    /// The C strings the OPEN steps point at, freed with `release()`.
    private var cPaths: [UnsafeMutablePointer<CChar>] = []
    /// Descriptors made in the shell for the child (here-documents), to close after.
    private(set) var parentDescriptors: [Int32] = []

    /// `variable`: the value of a `{var}` variable, for `{var}>&-`. `readonly`: whether a
    /// `{var}` cannot be assigned, which fails the command here as in the shell itself
    /// (bash: `cat {r}>f` with r readonly fails with status 1).
    init(_ actions: [FdAction], variable: (ByteString) -> ByteString?,
         readonly: (ByteString) -> Bool = { _ in false }) throws {
        for a in actions {
            switch a {
            case .openToVariable(_, _, _, let name), .duplicateToVariable(_, let name), .contentToVariable(_, let name):
                if readonly(name) { throw ShellError("\(name): readonly variable", kind: .redirection(.other)) }
            default:
                break
            }
            switch a {
            case .open(let path, let flags, let mode, let fd):
                if fd == bothOutputs {
                    open(path, flags, mode, fd: 1)
                    dup2(1, 2)
                } else {
                    open(path, flags, mode, fd: fd)
                }
            case .duplicate(let source, let fd):
                dup2(source, fd)
            case .move(let source, let fd):
                if source == fd {
                    close(fd)
                } else {
                    dup2(source, fd)
                    close(source)
                }
            case .close(let fd):
                close(fd)
            case .content(let bytes, let fd):
                let f = try descriptorReading(bytes)
                parentDescriptors.append(f)
                dup2(f, fd)
            case .openToVariable(let path, let flags, let mode, _):
                // In a child the descriptor is the child's, and so is the variable (bash).
                paths[steps.count] = path
                steps.append(step(Int32(WEIR_STEP_OPEN_HIGH), fd: -1, source: -1, flags: flags, mode: mode, path: path))
            case .duplicateToVariable(let source, _):
                steps.append(step(Int32(WEIR_STEP_DUP_HIGH), fd: -1, source: source))
            case .contentToVariable(let bytes, _):
                let f = try descriptorReading(bytes)
                parentDescriptors.append(f)
                steps.append(step(Int32(WEIR_STEP_DUP_HIGH), fd: -1, source: f))
            case .closeVariable(let name):
                if let v = variable(name), let fd = Int32(v) { close(fd) }
            }
        }
    }

    private mutating func step(_ op: Int32, fd: Int32, source: Int32, flags: Int32 = 0, mode: mode_t = 0,
                               path: ByteString? = nil) -> weir_spawn_step {
        var p: UnsafePointer<CChar>? = nil
        if let path {
            let c = mallocCString(path)
            cPaths.append(c)
            p = UnsafePointer(c)
        }
        return weir_spawn_step(op: op, fd: fd, source: source, flags: flags, mode: UInt32(mode), path: p, result: -1)
    }

    mutating func open(_ path: ByteString, _ flags: Int32, _ mode: mode_t, fd: Int32) {
        paths[steps.count] = path
        steps.append(step(Int32(WEIR_STEP_OPEN), fd: fd, source: -1, flags: flags, mode: mode, path: path))
    }

    mutating func dup2(_ source: Int32, _ fd: Int32) {
        steps.append(step(Int32(WEIR_STEP_DUP2), fd: fd, source: source))
    }

    mutating func close(_ fd: Int32) {
        steps.append(step(Int32(WEIR_STEP_CLOSE), fd: fd, source: -1))
    }

    /// Applies the steps in this process (a forked child); the error names the step.
    mutating func apply() throws {
        var failed: Int32 = -1
        let code = steps.withUnsafeMutableBufferPointer { weir_apply_steps($0.baseAddress, Int32($0.count), &failed) }
        if code != 0 { throw failure(step: Int(failed), errno: code) }
    }

    /// The message of a step that failed with `code`: the file's, or the descriptor's.
    func failure(step i: Int, errno code: Int32) -> ShellError {
        if let path = paths[i] {
            if code == EEXIST && steps[i].flags & Int32(WEIR_OPEN_NOCLOBBER) != 0 {
                return ShellError("\(path): cannot overwrite existing file", kind: .redirection(.other))
            }
            return ShellError("\(path): \(String(cString: strerror(code)))", kind: .redirection(.other))
        }
        let fd = i < steps.count ? (steps[i].op == Int32(WEIR_STEP_DUP2) || steps[i].op == Int32(WEIR_STEP_DUP_HIGH)
                                    ? steps[i].source : steps[i].fd) : -1
        return ShellError("\(fd): \(String(cString: strerror(code)))", kind: .redirection(.other))
    }

    /// Whether a step opens a FIFO: opening it waits for the other end, which only a
    /// forked child may do (a vfork child would hold the shell).
    var opensFIFO: Bool {
        paths.values.contains(where: isFIFO)
    }

    /// Frees the C strings and closes what the shell made for the child.
    func release() {
        for p in cPaths { free(p) }
        for fd in parentDescriptors { Glibc.close(fd) }
    }
}

/// Whether `path` names a FIFO (following symbolic links).
func isFIFO(_ path: ByteString) -> Bool {
    var st = stat()
    return path.withCString({ stat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFIFO
}
