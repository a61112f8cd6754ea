import Glibc
import CWeirSys
import WeirExpansion
import WeirSyntax

/// A process substitution used by a command that runs in the shell itself (`while read
/// … done < <(cmd)`, `{ …; } 2> >(filter)`) under `trace`. The shell is busy running the
/// command, so a small forked helper relays the FIFO edge instead, and reports the
/// edge's counts (and `--peek` lines) when the command has ended.
public final class SubstitutionRelay {
    public let stage: TracedStage
    public let edge: TracedEdge
    private let helper: pid_t
    private var stopFD: Int32
    private var resultFD: Int32

    /// Starts the helper for `relay` (whose descriptors the helper takes over).
    public init?(stage: TracedStage, relay: EdgeRelay, fork: (@escaping () throws -> Int32) throws -> pid_t) {
        var stop: [Int32] = [-1, -1], result: [Int32] = [-1, -1]
        guard weir_pipe2_cloexec(&stop) == 0 else { return nil }
        guard weir_pipe2_cloexec(&result) == 0 else { close(stop[0]); close(stop[1]); return nil }
        self.stage = stage
        edge = relay.edge
        guard let pid = try? fork({
            close(stop[1]); close(result[0])
            SubstitutionRelay.relayUntilDone(relay, stop: stop[0])
            let e = relay.edge
            var w = WireWriter()
            w.int(e.bytesWritten)
            w.int(e.bytesRead)
            w.int(e.lines)
            w.peek(e.peek)
            _ = writeAll(result[1], w.bytes)
            return 0
        }) else { return nil }
        helper = pid
        close(stop[0]); close(result[1])
        stopFD = stop[1]
        resultFD = result[0]
    }

    /// The helper's loop: relay until the edge closes; once the shell says the command
    /// has ended (EOF on `stop`), a FIFO never opened is given up, and bytes already in a
    /// pipe are left to their reader after a grace period.
    private static func relayUntilDone(_ relay: EdgeRelay, stop: Int32) {
        signal(SIGPIPE, SIG_IGN)
        var commandEnded: Double?
        let start = monotonicSeconds()
        while relay.phase != .closed {
            let now = monotonicSeconds() - start
            if relay.phase == .awaitingSink {
                if commandEnded != nil { relay.finishAll(); break }
                _ = relay.openSinkIfReady()
            }
            if let ended = commandEnded, now - ended > PipelineTracer.substitutionGrace, relay.phase == .draining {
                relay.finishAll()
                break
            }
            var fds = [pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            for (fd, ev) in relay.pollRequests { fds.append(pollfd(fd: fd, events: ev, revents: 0)) }
            let waiting = relay.phase == .awaitingSink || relay.phase == .draining
            _ = poll(&fds, nfds_t(fds.count), waiting ? 2 : 100)
            if fds[0].revents != 0 && commandEnded == nil {
                commandEnded = now
                close(stop)
                fds[0].revents = 0
            }
            var gone = false
            for p in fds.dropFirst() where p.fd == relay.sink && (p.revents & Int16(POLLERR)) != 0 { gone = true }
            if fds.dropFirst().contains(where: { $0.revents != 0 }) || relay.phase == .draining {
                relay.pump(readerGone: gone)
            }
        }
    }

    /// The shell's ends of the helper's pipes, which other children must not keep.
    public var shellDescriptors: [Int32] { [stopFD, resultFD].filter { $0 >= 0 } }

    /// The command has ended: the helper finishes, and its counts land on the edge.
    public func finish(jobs: ChildWaiter) {
        close(stopFD)
        stopFD = -1
        var out: [UInt8] = []
        _ = readToEnd(resultFD, into: &out)
        close(resultFD)
        resultFD = -1
        _ = jobs.waitFor(helper, interrupted: { false })
        var r = WireReader(bytes: out)
        let written = r.int(), read = r.int(), lines = r.int()
        guard !r.failed else { return }
        edge.bytesWritten = written
        edge.bytesRead = read
        edge.lines = lines
        r.peek(into: edge)
    }
}
