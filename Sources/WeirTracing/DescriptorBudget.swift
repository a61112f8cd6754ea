import Glibc

/// The tracer's descriptors come after the pipeline's own: a relay needs three pipes per
/// edge and a sampler three /proc files per stage, so under a low `ulimit -n` they would
/// take the descriptors the stages need. A relay or sampler whose descriptors reach into
/// the last `reserve` below the limit gives them back (the edge runs as a plain pipe,
/// unmeasured; the stage is not sampled), and the traced pipeline runs where the untraced
/// one does.
enum DescriptorBudget {
    static let reserve: Int32 = 8

    /// False when any of `fds` is too close to the soft limit on open files.
    static func allows(_ fds: [Int32]) -> Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(7), &limit) == 0, limit.rlim_cur != rlim_t.max else { return true }  // 7: RLIMIT_NOFILE
        let ceiling = Int64(clamping: limit.rlim_cur) - Int64(reserve)
        return fds.allSatisfy { Int64($0) < ceiling }
    }
}
