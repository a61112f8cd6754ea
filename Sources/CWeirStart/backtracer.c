#include <stdbool.h>

#ifdef WEIR_LEAVE_OUT_BACKTRACER
// The Swift runtime's crash backtracer (Backtrace.cpp.o in libswiftCore.a) has a global
// constructor that runs at every start: it looks for the swift-backtrace program beside
// the runtime, which for a static executable means eight failed stat calls in
// directories near weir's own (libexec/swift/linux, bin, …), and it never finds one (a
// static executable ships without it: `SWIFT_BACKTRACE=enable=yes weir` says "unable to
// locate swift-backtrace; disabling backtracing"). Two references pull that object into
// the link: swiftrt.o points at `_swift_backtrace_isThunkFunction` for no other reason,
// and the runtime's error reporting (Errors.cpp.o) reads `_swift_backtraceSettings`.
// Both are defined here, so the object stays out: no constructor, no stats, and errors
// are reported as with backtracing off, which is where the runtime ends up anyway.
// Release builds only: they are the static link.

// Nothing calls it (only the backtracer would).
bool _swift_backtrace_isThunkFunction(const char *mangledName) {
    (void)mangledName;
    return false;
}

// The runtime's BacktraceSettings (88 bytes in Swift 6.3; room is left for more). All
// zero: `enabled` (the second field) is OnOffTty::Off.
__attribute__((aligned(16))) unsigned char _swift_backtraceSettings[256];
#endif
