import CWeirSys

/// The numbers the tracer's helper process publishes as it runs, in memory it shares
/// with the shell: per edge the bytes read and written and the lines, per stage its
/// latest activity and CPU time. The shell reads them for the live view and `jobs -t`;
/// each is one aligned 64-bit word, so a reader never sees half of one.
final class LiveCounters {
    private let base: UnsafeMutablePointer<Int64>
    private let size: Int
    private let edges: Int
    private let stages: Int

    init?(edges: Int, stages: Int) {
        self.edges = edges
        self.stages = stages
        size = max(1, 3 * edges + 2 * stages) * 8
        guard let p = weir_shared_memory(size) else { return nil }
        base = p.bindMemory(to: Int64.self, capacity: size / 8)
        base.initialize(repeating: 0, count: size / 8)
        for s in 0..<stages { base[3 * edges + 2 * s] = -1 }
    }

    deinit { weir_unmap(base, size) }

    /// In the helper.
    func publish(_ record: TracedPipeline) {
        for (i, e) in record.edges.prefix(edges).enumerated() {
            base[3 * i] = e.bytesRead
            base[3 * i + 1] = e.bytesWritten
            base[3 * i + 2] = e.lines
        }
        for (i, s) in record.stages.prefix(stages).enumerated() {
            base[3 * edges + 2 * i] = s.currentActivity.map { Int64(TraceWire.activityCode($0)) } ?? -1
            base[3 * edges + 2 * i + 1] = Int64(bitPattern: s.currentCPU.bitPattern)
        }
    }

    /// In the shell: the latest numbers onto its copy of the record.
    func read(into record: TracedPipeline) {
        for (i, e) in record.edges.prefix(edges).enumerated() {
            e.bytesRead = base[3 * i]
            e.bytesWritten = base[3 * i + 1]
            e.lines = base[3 * i + 2]
        }
        for (i, s) in record.stages.prefix(stages).enumerated() where s.ended == nil {
            s.currentActivity = TraceWire.activity(base[3 * edges + 2 * i])
            s.currentCPU = Double(bitPattern: UInt64(bitPattern: base[3 * edges + 2 * i + 1]))
        }
    }
}
