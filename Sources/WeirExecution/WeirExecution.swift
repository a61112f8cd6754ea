/// The executor: plans pipelines as values, spawns them (`posix_spawn`, or `fork` for
/// shell code), owns the job table and the single waiter. Arrives with issue 3.
public enum WeirExecution {}
