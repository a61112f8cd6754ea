#include <stddef.h>
#include "cweirstart.h"

// glibc calls each .init_array function with main's argc, argv and envp, in a static
// executable as in a dynamic one: that is where weir takes its command line from.
static int start_argc;
static char **start_argv;
static char *empty_argv[] = { NULL };

__attribute__((constructor)) static void weir_capture_argv(int argc, char **argv, char **envp) {
    (void)envp;
    if (argv) { start_argc = argc; start_argv = argv; }
}

int weir_start_argc(void) { return start_argv ? start_argc : 0; }
char **weir_start_argv(void) { return start_argv ? start_argv : empty_argv; }

#ifdef WEIR_REPLACE_ARGV_GRABBER
// The Swift runtime's own answer to `CommandLine.argc/unsafeArgv` on Linux is a global
// object whose constructor reads /proc/self/maps with fopen and sscanf to find the stack,
// then walks back from environ to argv: about 13% of `weir -c true`'s instructions, a
// /proc file the kernel writes out, and glibc's stdio code paged in, at every start.
// Defining both symbols of that runtime object (CommandLine.cpp.o in libswiftCore.a)
// here means the static link never takes it from the archive, so its constructor never
// runs; `CommandLine` still works, answered from what glibc gave the constructor above.
// Release builds only: they are the static link (the debug build links libswiftCore.so,
// whose own copy is internal to it). Both take a pointer or two and return one, which
// the Swift calling convention passes as C does.
static char **override_argv;
static int override_argc;

__attribute__((swiftcall)) char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    if (override_argv) { *outArgLen = override_argc; return override_argv; }
    *outArgLen = weir_start_argc();
    return weir_start_argv();
}

__attribute__((swiftcall)) void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    override_argv = argv;
    override_argc = argc;
}
#endif
