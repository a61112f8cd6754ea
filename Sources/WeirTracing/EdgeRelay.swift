import Glibc
import CWeirSys
import WeirSyntax

/// weir sitting on one edge of a traced pipeline:
///
///     stage i ──▶ [pipe A] ──splice──▶ [pipe B] ──▶ stage i+1
///                     └──tee──▶ [pipe C] ──read──▶ newline count
///
/// `splice` moves the pages from A to B without copying them; its return values count
/// the edge's bytes exactly. `tee` duplicates the same bytes into C, which weir reads to
/// count lines. The ends weir holds are non-blocking; the stages' ends are not.
///
/// Ends are passed on as if weir were not there: when stage i closes its output, weir
/// closes B once B is empty, and stage i+1 reads end-of-file; when stage i+1 goes away,
/// weir closes A, and stage i's next write gets SIGPIPE.
public final class EdgeRelay {
    public enum Phase {
        /// A FIFO edge whose reader has not opened the FIFO yet.
        case awaitingSink
        /// Waiting for stage i to write.
        case awaitingInput
        /// B is full: waiting for stage i+1 to read.
        case awaitingOutput
        /// Stage i closed its output; B still holds bytes stage i+1 has not read.
        case draining
        case closed
    }

    public let edge: TracedEdge
    /// A's read end, B's write end, C's two ends.
    public private(set) var source: Int32
    public private(set) var sink: Int32
    private var countRead: Int32
    private var countWrite: Int32
    public private(set) var phase = Phase.awaitingInput
    /// Bytes teed into the ring but not yet moved from A to B.
    private var pending = 0
    /// The bytes most recently teed, in a ring twice a pipe's size: the pending bytes and
    /// at least a pipe's worth of bytes moved before them, so that when the reader leaves
    /// early the lines it never read can be taken off again.
    private var ring: UnsafeMutableRawBufferPointer
    private static let ringSize = 2 * Int(pipeSize)
    /// Ring position of the first byte not yet moved.
    private var movePos = 0
    /// Bytes moved from A to B so far, and by the last `pump`.
    private var moved: Int64 = 0
    public private(set) var lastMoved = 0

    public static let pipeSize: Int32 = 1 << 20

    /// The descriptors the stages use: A's write end (stage i's stdout) and B's read end
    /// (stage i+1's stdin). nil when a pipe cannot be made.
    public let upstreamEnd: Int32
    public let downstreamEnd: Int32

    /// A pipeline edge: pipes A and B are made here; the stages get `upstreamEnd` and
    /// `downstreamEnd`.
    public convenience init?(edge: TracedEdge) {
        var a: [Int32] = [-1, -1], b: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&a) == 0 else { return nil }
        guard weir_pipe2_cloexec(&b) == 0 else { close(a[0]); close(a[1]); return nil }
        // Large pipes: fewer wake-ups for the stages and for weir (falls back silently
        // to the default size above /proc/sys/fs/pipe-max-size).
        _ = weir_set_pipe_size(a[1], EdgeRelay.pipeSize)
        self.init(edge: edge, source: a[0], sink: b[1], sinkPath: nil, upstreamEnd: a[1], downstreamEnd: b[0])
    }

    /// A process substitution's edge: weir between the FIFO that the command opens by
    /// its path and the pipe of the substitution's child. For `<(list)` the child writes
    /// `source` and weir writes the FIFO at `sinkPath`, opened once the command has opened
    /// it for reading; for `>(list)` `source` is the FIFO (opened here without waiting)
    /// and `sink` the child's pipe.
    public convenience init?(edge: TracedEdge, source: Int32, sink: Int32, sinkPath: ByteString?) {
        self.init(edge: edge, source: source, sink: sink, sinkPath: sinkPath, upstreamEnd: -1, downstreamEnd: -1)
    }

    /// Makes the counting pipe C; weir's ends of everything become non-blocking. On
    /// failure the given descriptors are closed.
    private init?(edge: TracedEdge, source: Int32, sink: Int32, sinkPath: ByteString?, upstreamEnd: Int32, downstreamEnd: Int32) {
        var c: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&c) == 0 else {
            for fd in [source, sink, upstreamEnd, downstreamEnd] where fd >= 0 { close(fd) }
            return nil
        }
        guard DescriptorBudget.allows([source, sink, upstreamEnd, downstreamEnd, c[0], c[1]]) else {
            for fd in [source, sink, upstreamEnd, downstreamEnd, c[0], c[1]] where fd >= 0 { close(fd) }
            errno = EMFILE
            return nil
        }
        for fd in [sink, c[1]] where fd >= 0 { _ = weir_set_pipe_size(fd, EdgeRelay.pipeSize) }
        for fd in [source, sink, c[0], c[1]] where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        self.edge = edge
        self.source = source
        self.sink = sink
        self.sinkPath = sinkPath
        countRead = c[0]
        countWrite = c[1]
        self.upstreamEnd = upstreamEnd
        self.downstreamEnd = downstreamEnd
        ring = .allocate(byteCount: EdgeRelay.ringSize, alignment: 16)
        if sink < 0 { phase = .awaitingSink }
    }

    /// The FIFO to open for writing once its reader is there.
    private var sinkPath: ByteString?

    /// Tries to open the FIFO sink (a FIFO opened for writing without a reader fails with
    /// ENXIO rather than waiting). True when it is open now.
    public func openSinkIfReady() -> Bool {
        guard phase == .awaitingSink, let path = sinkPath else { return false }
        let fd = path.withCString { open($0, O_WRONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        _ = weir_set_pipe_size(fd, EdgeRelay.pipeSize)
        sink = fd
        phase = .awaitingInput
        return true
    }

    deinit {
        for fd in [source, sink, countRead, countWrite] where fd >= 0 { close(fd) }
        ring.deallocate()
    }

    /// The helper process has its own copies of this relay: the shell's close, and its
    /// counts are the helper's to report.
    public func release() {
        for fd in [source, sink, countRead, countWrite] where fd >= 0 { close(fd) }
        source = -1; sink = -1; countRead = -1; countWrite = -1
        phase = .closed
    }

    /// The descriptors weir itself holds, which no stage may inherit.
    public var relayDescriptors: [Int32] { [source, sink, countRead, countWrite].filter { $0 >= 0 } }

    /// What to poll for: (fd, events). POLLERR on B (its reader is gone) is always reported.
    public var pollRequests: [(Int32, Int16)] {
        switch phase {
        case .awaitingSink: return []
        case .awaitingInput: return [(source, Int16(POLLIN)), (sink, 0)]
        case .awaitingOutput: return [(sink, Int16(POLLOUT))]
        case .draining: return [(sink, 0)]
        case .closed: return []
        }
    }

    /// Moves what can be moved now, and notices ends. `readerGone` comes from poll's
    /// POLLERR on B (the loop always polls B for it); a reader that left between two
    /// polls shows as EPIPE from splice.
    public func pump(readerGone: Bool = false) {
        lastMoved = 0
        if phase == .closed || phase == .awaitingSink { return }
        if readerGone { finishReaderGone(); return }
        if phase == .draining {
            if weir_unread_bytes(sink) == 0 { finishDrained() }
            return
        }
        // Bounded, so one busy edge cannot starve the others and the sampler.
        for _ in 0..<16 {
            if pending == 0 {
                let n = weir_tee(source, countWrite, Int(EdgeRelay.pipeSize), WEIR_SPLICE_F_NONBLOCK)
                if n > 0 {
                    pending = Int(n)
                    readIntoRing(pending)
                } else if n == 0 {
                    finishInput()
                    return
                } else if errno == EINTR {
                    continue
                } else {
                    phase = .awaitingInput
                    return
                }
            }
            let n = weir_splice(source, sink, pending, WEIR_SPLICE_F_MOVE | WEIR_SPLICE_F_NONBLOCK)
            if n > 0 {
                let count = Int(n)
                edge.lines += Int64(ringNewlines(from: movePos, count))
                if edge.peek != nil { peekRing(from: movePos, count) }
                pending -= count
                movePos = (movePos + count) % EdgeRelay.ringSize
                moved += Int64(count)
                lastMoved += count
                edge.bytesWritten = moved
                edge.bytesRead = moved
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && errno == EPIPE {
                finishReaderGone()
                return
            } else {
                phase = .awaitingOutput
                return
            }
        }
        phase = pending > 0 ? .awaitingOutput : .awaitingInput
    }

    /// Stage i closed its output and A is empty: pass the end on once B is empty.
    private func finishInput() {
        close(source); source = -1
        closeCounter()
        let unread = weir_unread_bytes(sink)
        if unread > 0 {
            phase = .draining
        } else {
            finishDrained()
        }
    }

    private func finishDrained() {
        edge.bytesRead = moved - Int64(max(0, weir_unread_bytes(sink)))
        if sink >= 0 { close(sink) }
        sink = -1
        phase = .closed
    }

    /// Stage i+1 is gone: what it left in B was never read, what stage i left in A was
    /// written; closing A gives stage i its SIGPIPE.
    private func finishReaderGone() {
        let unreadB = sink >= 0 ? Int64(max(0, weir_unread_bytes(sink))) : 0
        edge.bytesRead = moved - unreadB
        if source >= 0 {
            edge.bytesWritten = moved + Int64(max(0, weir_unread_bytes(source)))
            close(source); source = -1
        }
        // Lines counted are those of the bytes read.
        if unreadB > 0 {
            edge.lines -= Int64(countNewlinesInTail(unreadB))
            edge.peek?.dropUnread(unreadB)
        }
        if sink >= 0 { close(sink) }
        sink = -1
        closeCounter()
        phase = .closed
    }

    /// Newlines in the last `n` bytes moved (at most a pipe's worth: B holds no more).
    private func countNewlinesInTail(_ n: Int64) -> Int {
        let k = min(Int(n), EdgeRelay.ringSize - pending)
        return ringNewlines(from: (movePos - k + EdgeRelay.ringSize) % EdgeRelay.ringSize, k)
    }

    /// Reads `n` teed bytes from C into the ring after the pending ones.
    private func readIntoRing(_ n: Int) {
        var pos = movePos
        var left = n
        while left > 0 {
            let chunk = min(left, EdgeRelay.ringSize - pos)
            let r = read(countRead, ring.baseAddress! + pos, chunk)
            if r > 0 {
                left -= r
                pos = (pos + r) % EdgeRelay.ringSize
            } else if r < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
    }

    /// `--peek`: the moved bytes go to the edge's peek too.
    private func peekRing(from start: Int, _ count: Int) {
        let first = min(count, EdgeRelay.ringSize - start)
        edge.peek?.feed(UnsafeRawBufferPointer(rebasing: ring[start..<(start + first)]))
        if count > first { edge.peek?.feed(UnsafeRawBufferPointer(rebasing: ring[0..<(count - first)])) }
    }

    private func ringNewlines(from start: Int, _ count: Int) -> Int {
        let first = min(count, EdgeRelay.ringSize - start)
        var n = countNewlines(ring.baseAddress! + start, first)
        if count > first { n += countNewlines(ring.baseAddress!, count - first) }
        return n
    }

    private func closeCounter() {
        if countRead >= 0 { close(countRead); countRead = -1 }
        if countWrite >= 0 { close(countWrite); countWrite = -1 }
    }

    /// Every stage has ended: settle what is left.
    public func finishAll() {
        switch phase {
        case .closed: return
        case .awaitingSink:
            // The command never opened its FIFO: the child's pipe closes, no bytes crossed.
            if source >= 0 { edge.bytesWritten = Int64(max(0, weir_unread_bytes(source))); close(source); source = -1 }
            closeCounter()
            phase = .closed
        case .draining: finishDrained()
        case .awaitingInput, .awaitingOutput:
            pump()
            if phase != .closed { finishReaderGone() }
        }
    }
}

/// Newlines in `count` bytes. Sixteen bytes per compare, with per-lane byte counters
/// that are summed before they can overflow: this runs over every byte of every traced
/// edge, so it must stay well ahead of the pipe.
public func countNewlines(_ p: UnsafeMutableRawPointer, _ count: Int) -> Int {
    var total = 0
    var i = 0
    let newline = SIMD16<UInt8>(repeating: 0x0A)
    let one = SIMD16<UInt8>(repeating: 1)
    let zero = SIMD16<UInt8>()
    while i + 64 <= count {
        var lanes = SIMD16<UInt8>()
        // Each round adds at most 4 to a lane: 63 rounds stay below 256.
        var rounds = 0
        while rounds < 63 && i + 64 <= count {
            let a = p.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let b = p.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<UInt8>.self)
            let c = p.loadUnaligned(fromByteOffset: i + 32, as: SIMD16<UInt8>.self)
            let d = p.loadUnaligned(fromByteOffset: i + 48, as: SIMD16<UInt8>.self)
            lanes &+= zero.replacing(with: one, where: a .== newline)
            lanes &+= zero.replacing(with: one, where: b .== newline)
            lanes &+= zero.replacing(with: one, where: c .== newline)
            lanes &+= zero.replacing(with: one, where: d .== newline)
            i += 64
            rounds += 1
        }
        total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
    }
    while i < count {
        if p.load(fromByteOffset: i, as: UInt8.self) == 0x0A { total += 1 }
        i += 1
    }
    return total
}
