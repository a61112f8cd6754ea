import Glibc

/// Line continuations: a backslash that is not itself escaped, followed by a newline.
/// POSIX removes the pair before the input is split into tokens, so it can stand inside
/// an operator (`&\⏎&`), a reserved word, `$\⏎1`, `${\⏎x}` or `<\⏎<`. The parser does
/// not copy the input without them (every place in the AST points into the source):
/// `peek` and `advance` step over them, and the readers of literal text (single quotes,
/// `$'…'`, comments, a quoted here-document's body) read the bytes as they are.
extension Parser {
    /// The positions in `bytes[from..<to]` of the backslashes that start a continuation:
    /// those ending an odd run of backslashes right before a newline (in `\\⏎` the
    /// backslash is escaped and the newline stays).
    static func continuations(in bytes: [UInt8], from: Int, to: Int) -> [Int] {
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, from < to else { return }
            var i = from
            // memchr finds the newlines (the C library's vector loop).
            while i < to, let hit = memchr(base + i, 0x0A, to - i) {
                let nl = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if nl > 0 && b[nl - 1] == 0x5C {
                    var run = 1
                    while nl - run - 1 >= 0 && b[nl - run - 1] == 0x5C { run += 1 }
                    if run % 2 == 1 { found.append(nl - 1) }
                }
                i = nl + 1
            }
        }
        return found
    }

    /// Finds the continuations of the whole current frame.
    func findContinuations() {
        continuations = Parser.continuations(in: bytes, from: pos, to: limit)
        nextContinuation = firstContinuation(atOrAfter: pos)
        // Set here too: observers do not run for a property set during init.
        fastLimit = min(limit, nextContinuation)
    }

    /// The first continuation at or after raw position `p` in the current frame.
    func firstContinuation(atOrAfter p: Int) -> Int {
        guard !continuations.isEmpty else { return Int.max }
        var lo = 0, hi = continuations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if continuations[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < continuations.count ? continuations[lo] : Int.max
    }

    /// Puts reading at raw position `p` (going back to read again, or on past text read
    /// by other means).
    @inline(__always)
    func move(to p: Int) {
        pos = p
        if !continuations.isEmpty { nextContinuation = firstContinuation(atOrAfter: p) }
    }

    /// `peek(k)` when a continuation may lie between here and the byte asked for. At
    /// k == 0 reading moves over the continuations it stands on, so that `pos` is the
    /// byte `peek()` returned.
    func peekOverContinuations(_ k: Int) -> Int {
        if k == 0 {
            skipContinuationsHere()
            return pos < limit ? Int(bytes[pos]) : peekBeyond(0)
        }
        var p = pos
        var remaining = k
        var next = nextContinuation
        while true {
            while p == next && p < limit {
                p += 2
                next = firstContinuation(atOrAfter: p)
            }
            if remaining == 0 { break }
            p += 1
            remaining -= 1
        }
        if p < limit { return Int(bytes[p]) }
        return peekBeyond(p - limit)
    }

    /// Moves over the continuations that start at `pos`.
    @inline(__always)
    func skipContinuationsHere() {
        while pos == nextContinuation && pos < limit {
            pos += 2
            nextContinuation = firstContinuation(atOrAfter: pos)
            if pos >= limit && saved.isEmpty { endedInContinuation = true }
        }
    }

    /// `advance(n)` across continuations.
    func advanceOverContinuations(_ n: Int) {
        for _ in 0..<n {
            skipContinuationsHere()
            pos += 1
        }
        if pos > nextContinuation { nextContinuation = firstContinuation(atOrAfter: pos) }
    }

    /// Runs `body` reading bytes as they are: continuations in it are literal text.
    func readingLiterally<T>(_ body: () throws -> T) rethrows -> T {
        nextContinuation = Int.max
        defer { nextContinuation = firstContinuation(atOrAfter: pos) }
        return try body()
    }
}
