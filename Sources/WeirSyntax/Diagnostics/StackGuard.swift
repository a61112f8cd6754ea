import Glibc

/// The stack guard: every recursive parser and evaluator asks `StackGuard.isLow` before it
/// goes one level deeper, and reports "nesting too deep" instead of overflowing the stack
/// (a SIGSEGV bash never shows for the same input).
///
/// `arm()` records, for the calling thread (the shell's only one), the address below which
/// the stack is too close to its end. Until it is called (unit tests) the guard never fires.
public enum StackGuard {
    nonisolated(unsafe) static var floor: UInt = 0

    /// Call once, from the top of `main`. `stackLow` is the lowest usable address of a stack
    /// the shell mapped for itself (`weir_run_on_own_stack`); 0 means the thread's own stack,
    /// bounded by `ulimit -s`.
    public static func arm(stackLow: UInt = 0) {
        if stackLow != 0 {
            // What one level uses between two checks, and the report.
            floor = stackLow + (256 << 10)
            return
        }
        var size = 8 << 20
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(3), &limit) == 0 {  // 3: RLIMIT_STACK
            // Unlimited: the stack grows into the gap the kernel left; count on 64 MiB of it.
            size = limit.rlim_cur == rlim_t.max ? 64 << 20 : Int(clamping: limit.rlim_cur)
        }
        // The margin covers what lies above this frame (arguments and environment, at most
        // a quarter of the limit), what one level uses between two checks, and the report.
        let margin = size / 4 + (256 << 10)
        let here = currentAddress()
        floor = margin >= size ? here : here - UInt(size - margin)
    }

    /// Whether `arm()` has been called.
    public static var isArmed: Bool { floor != 0 }

    /// True when the stack has too little room left for another level.
    @inline(__always) public static var isLow: Bool {
        currentAddress() < floor
    }

    /// True when fewer than `reserve` bytes are left above the point where `isLow` fires: a
    /// function call checks this, so deep recursion is reported as such before a compound
    /// command inside it runs low.
    @inline(__always) public static func isLow(reserving reserve: UInt) -> Bool {
        currentAddress() < floor &+ reserve
    }

    /// Throws "nesting too deep" when the stack is low.
    @inline(__always) public static func check() throws {
        if currentAddress() < floor { throw ShellError.nestingTooDeep }
    }

    @inline(__always) static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}

extension ShellError {
    /// What every recursive parser and evaluator reports when the stack runs low.
    public static var nestingTooDeep: ShellError {
        ShellError("nesting too deep: the expression or command nests deeper than the stack allows", kind: .expansion, status: 2)
    }
}
