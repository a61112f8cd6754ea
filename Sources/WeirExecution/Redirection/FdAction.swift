import Glibc
import WeirSyntax

/// One step of wiring a command's descriptors, applied in order: the plan of a
/// redirection list after expansion, before anything is opened.
public enum FdAction: Equatable {
    /// Open `path` as descriptor `fd`.
    case open(path: ByteString, flags: Int32, mode: mode_t, fd: Int32)
    /// `fd` becomes a copy of `source` (`n>&m`, pipes).
    case duplicate(source: Int32, fd: Int32)
    /// `fd` becomes `source`, and `source` is closed (`n>&m-`).
    case move(source: Int32, fd: Int32)
    /// `n>&-`
    case close(Int32)
    /// A here-document or here-string: `fd` reads these bytes.
    case content([UInt8], fd: Int32)
    /// `{name}<<<word`, `{name}<<EOF`: a descriptor reading these bytes, on a free number
    /// (10 or above), stored in the variable.
    case contentToVariable([UInt8], variable: ByteString)
    /// `{name}>file`: open on a free descriptor (10 or above) and store its number.
    case openToVariable(path: ByteString, flags: Int32, mode: mode_t, variable: ByteString)
    /// `{name}>&m`
    case duplicateToVariable(source: Int32, variable: ByteString)
    /// `{name}>&-`: close the descriptor the variable holds.
    case closeVariable(ByteString)

    /// The descriptor this action changes, when known before running it.
    var target: Int32? {
        switch self {
        case .open(_, _, _, let fd), .duplicate(_, let fd), .move(_, let fd), .content(_, let fd): return fd
        case .close(let fd): return fd
        default: return nil
        }
    }
}
