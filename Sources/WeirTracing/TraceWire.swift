import WeirSyntax

/// What the tracer's helper process (TracerHelper) learned, handed to the shell when the
/// pipeline has ended: per edge the counts, progress and peek; per stage the samples,
/// timeline, sampled peak memory and what its stdin and stdout were. Little-endian
/// 64-bit integers and length-prefixed bytes, read back with every length checked.
enum TraceWire {
    static func encode(_ record: TracedPipeline) -> [UInt8] {
        var w = WireWriter()
        w.int(Int64(record.edges.count))
        for e in record.edges {
            w.int(e.bytesWritten)
            w.int(e.bytesRead)
            w.int(e.lines)
            w.int(Int64(e.progress.count))
            for p in e.progress { w.double(p.at); w.int(p.bytes) }
            w.peek(e.peek)
        }
        w.int(Int64(record.stages.count))
        for s in record.stages {
            for a in StageActivity.allCases { w.int(Int64(s.samples[a] ?? 0)) }
            w.int(Int64(s.timeline.count))
            for t in s.timeline { w.double(t.at); w.int(Int64(activityCode(t.activity))) }
            w.double(s.currentCPU)
            w.int(Int64(s.peakMemory ?? -1))
            w.int(s.endsKnown ? 1 : 0)
            w.double(s.ended ?? -1)
            w.descriptor(s.stdin)
            w.descriptor(s.stdout)
        }
        return w.bytes
    }

    /// Fills `record` from `bytes`; false (and the record partly filled) when they are not
    /// a whole message for a pipeline of this shape.
    static func decode(_ bytes: [UInt8], into record: TracedPipeline) -> Bool {
        var r = WireReader(bytes: bytes)
        guard r.int() == Int64(record.edges.count) else { return false }
        for e in record.edges {
            e.bytesWritten = r.int()
            e.bytesRead = r.int()
            e.lines = r.int()
            let n = r.count(each: 16)
            e.progress = (0..<n).map { _ in (r.double(), r.int()) }
            r.peek(into: e)
            if r.failed { return false }
        }
        guard r.int() == Int64(record.stages.count) else { return false }
        for s in record.stages {
            var samples: [StageActivity: Int] = [:]
            for a in StageActivity.allCases {
                let n = r.int()
                if n > 0 && n < Int64(Int32.max) { samples[a] = Int(n) }
            }
            s.samples = samples
            let n = r.count(each: 16)
            s.timeline = (0..<n).compactMap { _ in
                let at = r.double(), code = r.int()
                return activity(code).map { (at, $0) }
            }
            s.currentCPU = r.double()
            let peak = r.int()
            s.peakMemory = peak >= 0 && peak < Int64(Int.max) ? Int(peak) : nil
            s.endsKnown = r.int() == 1
            // When the helper saw it end (its pidfd), which the waiter may learn much later.
            let ended = r.double()
            if ended >= 0 && ended.isFinite { s.ended = ended }
            if let d = r.descriptor() { s.stdin = d }
            if let d = r.descriptor() { s.stdout = d }
            if r.failed { return false }
        }
        return !r.failed
    }

    static func activityCode(_ a: StageActivity) -> Int {
        StageActivity.allCases.firstIndex(of: a) ?? 0
    }

    static func activity(_ code: Int64) -> StageActivity? {
        code >= 0 && code < Int64(StageActivity.allCases.count) ? StageActivity.allCases[Int(code)] : nil
    }
}

struct WireWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ d: Double) { int(Int64(bitPattern: d.bitPattern)) }

    mutating func data(_ b: [UInt8]) {
        int(Int64(b.count))
        bytes.append(contentsOf: b)
    }

    mutating func lines(_ ls: [[UInt8]]) {
        int(Int64(ls.count))
        for l in ls { data(l) }
    }

    /// `--peek`'s lines of an edge, or none.
    mutating func peek(_ p: LinePeek?) {
        guard let p else { int(0); return }
        int(1)
        lines(p.headLines)
        lines(p.tailLines)
    }

    mutating func descriptor(_ d: DescriptorKind?) {
        guard let d else { int(0); return }
        int(1)
        data(Array(d.kind.utf8))
        if let p = d.path { int(1); data(p.bytes) } else { int(0) }
        if let id = d.id { int(1); data(Array(id.utf8)) } else { int(0) }
    }
}

struct WireReader {
    let bytes: [UInt8]
    var pos = 0
    /// Set at the first read past the end or the first impossible length; every later
    /// read gives zeros.
    private(set) var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func int() -> Int64 {
        guard !failed, bytes.count - pos >= 8 else { failed = true; return 0 }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[pos + k]) << UInt64(8 * k) }
        pos += 8
        return Int64(bitPattern: v)
    }

    mutating func double() -> Double { Double(bitPattern: UInt64(bitPattern: int())) }

    /// A count of items of at least `each` bytes that the rest of the message can hold.
    mutating func count(each: Int) -> Int {
        let n = int()
        guard n >= 0, n <= Int64((bytes.count - pos) / max(1, each)) else { failed = true; return 0 }
        return Int(n)
    }

    mutating func data() -> [UInt8] {
        let n = count(each: 1)
        guard !failed else { return [] }
        defer { pos += n }
        return Array(bytes[pos..<(pos + n)])
    }

    mutating func lines() -> [[UInt8]] {
        let n = count(each: 8)
        return (0..<n).map { _ in data() }
    }

    /// The lines `WireWriter.peek` wrote, settled on `edge` (which keeps its limit).
    mutating func peek(into edge: TracedEdge) {
        guard int() == 1 else { return }
        let head = lines(), tail = lines()
        if !failed { edge.peek = LinePeek(limit: edge.peek?.limit ?? max(head.count, tail.count), head: head, tail: tail) }
    }

    mutating func descriptor() -> DescriptorKind? {
        guard int() == 1 else { return nil }
        let kind = String(decoding: data(), as: UTF8.self)
        let path = int() == 1 ? ByteString(data()) : nil
        let id = int() == 1 ? String(decoding: data(), as: UTF8.self) : nil
        return failed ? nil : DescriptorKind(kind: kind, path: path, id: id)
    }
}
