import Glibc
import CWeirSys
import WeirSyntax

// The executable stays thin: options, input, and wiring of the library targets
// (RunShell.swift).

// The interpreter runs on a stack of its own: Swift frames are large, and 8 MiB of main
// stack held about 3,000 levels of `${x:-${x:-…}}` where bash takes 20,000. The stack is
// reserved, not committed (64 MiB, or `ulimit -s` when that is larger, at most 1 GiB).
// Under a low `ulimit -v` the main stack could not grow to its limit either, so a smaller
// reservation is tried before the shell stays on the main stack. Either way deep nesting
// in any parser or evaluator is an error, not a stack overflow (StackGuard).
let interpreterEntry: @convention(c) () -> Void = {
    StackGuard.arm(stackLow: UInt(weir_stack_low()))
    runShell()
}
// A smaller stack is taken only when 16 MiB of heap still fit beside it; otherwise (as
// under `ulimit -v 10000`) the main stack it is.
// (Three calls, not a loop over an array of pairs: the array's type metadata alone cost
// about 4% of `weir -c true`.)
if weir_run_on_own_stack(interpreterStackSize(), 0, interpreterEntry) != 0,
   weir_run_on_own_stack(8 << 20, 16 << 20, interpreterEntry) != 0 {
    _ = weir_run_on_own_stack(2 << 20, 16 << 20, interpreterEntry)
}
StackGuard.arm()
runShell()

/// 64 MiB, or the stack limit when that is larger, at most 1 GiB.
func interpreterStackSize() -> Int {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(3), &limit) == 0 else { return 64 << 20 }  // RLIMIT_STACK
    if limit.rlim_cur == rlim_t.max { return 1 << 30 }
    return min(max(Int(clamping: limit.rlim_cur), 64 << 20), 1 << 30)
}
