import WeirSyntax

/// The functions and sourced files being run, innermost last: what FUNCNAME,
/// BASH_SOURCE, BASH_LINENO and `caller` read, and what `return` and `local` check.
public struct CallStack {
    public struct Frame {
        /// The function's name, or `source` for a sourced file.
        public var name: ByteString
        /// Where it was called from (the line is found only when asked).
        var callSource: SourceFile?
        var callOffset: Int
        /// A `source` frame's file (a function's comes from where it was defined).
        var sourcedFile: ByteString?

        var callLine: Int { callSource?.position(of: callOffset).line ?? 0 }
    }

    public private(set) var frames: [Frame] = []
    /// Functions being run (not counting `source` frames), for `return` and `local`.
    public private(set) var functionDepth = 0

    /// Names of the frames, innermost last (FUNCNAME reversed).
    public var names: [ByteString] { frames.map { $0.name } }

    mutating func pushFunction(_ name: ByteString, from source: SourceFile?, at offset: Int) {
        frames.append(Frame(name: name, callSource: source, callOffset: offset, sourcedFile: nil))
        functionDepth += 1
    }

    /// Returns where the function was called from.
    @discardableResult
    mutating func popFunction() -> (SourceFile?, Int) {
        functionDepth -= 1
        let f = frames.removeLast()
        return (f.callSource, f.callOffset)
    }

    mutating func pushSource(_ file: ByteString, from source: SourceFile?, at offset: Int) {
        frames.append(Frame(name: "source", callSource: source, callOffset: offset, sourcedFile: file))
    }

    mutating func popSource() { frames.removeLast() }
}
