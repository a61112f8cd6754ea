#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <ucontext.h>
#include "cweirsys.h"

// The interpreter runs on a stack of its own. Swift frames are large, and the main
// thread's stack (8 MiB under the usual `ulimit -s`) held about 3,000 levels of
// `${x:-${x:-…}}` where bash takes 20,000. The mapping is reserved, not committed: only
// the pages a deep recursion touches become memory. There is no second thread; the main
// thread switches to this stack and back.

static uintptr_t stack_low;
static ucontext_t caller_context;
static ucontext_t interpreter_context;

uintptr_t weir_stack_low(void) { return stack_low; }

int weir_run_on_own_stack(size_t size, size_t spare, void (*entry)(void)) {
    size_t guard = 64 * 1024;
    void *base = mmap(NULL, size + guard, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) return -1;
    // Under a low `ulimit -v` the stack must leave the heap room to work in.
    if (spare > 0 && !weir_memory_available(spare)) { munmap(base, size + guard); return -1; }
    // The lowest pages stay inaccessible, so an overflow the guard missed faults at once.
    if (mprotect(base, guard, PROT_NONE) != 0) { munmap(base, size + guard); return -1; }
    if (getcontext(&interpreter_context) != 0) { munmap(base, size + guard); return -1; }
    interpreter_context.uc_stack.ss_sp = (char *)base + guard;
    interpreter_context.uc_stack.ss_size = size;
    interpreter_context.uc_link = &caller_context;
    makecontext(&interpreter_context, entry, 0);
    stack_low = (uintptr_t)base + guard;
    if (swapcontext(&caller_context, &interpreter_context) != 0) { stack_low = 0; return -1; }
    return 0;
}
