#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>
#include "cweirsys.h"

/* The one signal handler of the shell. It records the signal in a flag, wakes whoever
   polls the self-pipe, and does nothing else: no Swift, no allocation, no locks. The
   shell looks at the flags between commands (traps), while it waits (`wait`, `read`),
   and in the tracer's poll loop. */

static volatile sig_atomic_t flags[WEIR_NSIG];
/* Read inline by the shell between commands (cweirsys.h): */
volatile sig_atomic_t weir_signal_trap_pending_flag;      /* a signal with a trap arrived */
volatile sig_atomic_t weir_signal_children_changed_flag;  /* SIGCHLD arrived */
#define trap_pending weir_signal_trap_pending_flag
#define children_changed weir_signal_children_changed_flag
static volatile sig_atomic_t chld_trapped;     /* `trap … CHLD` is set */
static volatile int wake_write = -1;
static int wake_read = -1;
/* The signals whose handler is weir's: a vfork child sets them back to their default
   before it unblocks signals, so the handler never runs on the shell's memory. */
static volatile unsigned long long caught_mask;

static void weir_signal_handler(int sig) {
    int saved = errno;
    if (sig > 0 && sig < WEIR_NSIG) flags[sig] = 1;
    if (sig == SIGCHLD) {
        children_changed = 1;
        if (chld_trapped) trap_pending = 1;
    } else {
        trap_pending = 1;
    }
    int fd = wake_write;
    if (fd >= 0) {
        char b = (char)sig;
        (void)write(fd, &b, 1);
    }
    errno = saved;
}

/* The dispositions the shell started with: a signal ignored then stays ignored in a
   non-interactive shell (POSIX 2.11). Each signal's is read when first needed: just
   before the shell first changes that signal, or when the whole set is asked for. Until
   the shell changes a signal, its disposition now is the one it started with. (Reading
   all 64 at start-up was 64 system calls in every `weir -c true`.) Bit sig-1. */
static unsigned long long inherited_known, inherited_ignored;

static void remember_inherited(int sig, const struct sigaction *now) {
    unsigned long long bit = 1ULL << (sig - 1);
    if (inherited_known & bit) return;
    inherited_known |= bit;
    struct sigaction old;
    if (!now) {
        /* glibc refuses its own two (32 and 33): never ignored, and asked only once. */
        if (sigaction(sig, NULL, &old) != 0) return;
        now = &old;
    }
    if (now->sa_handler == SIG_IGN) inherited_ignored |= bit;
}

unsigned long long weir_signals_ignored_at_start(void) {
    if (inherited_known != ~0ULL)
        for (int sig = 1; sig < WEIR_NSIG; sig++) remember_inherited(sig, NULL);
    return inherited_ignored;
}

static int install(int sig, void (*handler)(int), int sa_flags) {
    remember_inherited(sig, NULL);
    struct sigaction sa;
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = sa_flags;
    if (sigaction(sig, &sa, NULL) != 0) return -1;
    unsigned long long bit = 1ULL << (sig - 1);
    if (handler == weir_signal_handler) caught_mask |= bit;
    else caught_mask &= ~bit;
    return 0;
}

int weir_signal_trap(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return -1;
    if (sig == SIGCHLD) {
        chld_trapped = 1;
        /* Reaping needs the restart: a child ending must not interrupt a read. */
        return install(sig, weir_signal_handler, SA_RESTART);
    }
    /* No SA_RESTART: a trapped signal interrupts `read` and `wait` (POSIX 2.11). */
    return install(sig, weir_signal_handler, 0);
}

int weir_signal_catch_quietly(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return -1;
    return install(sig, weir_signal_handler, SA_RESTART);
}

int weir_signal_watch_children(void) {
    chld_trapped = 0;
    return install(SIGCHLD, weir_signal_handler, SA_RESTART | SA_NOCLDSTOP);
}

int weir_signal_set_default(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return -1;
    if (sig == SIGCHLD) chld_trapped = 0;
    return install(sig, SIG_DFL, 0);
}

int weir_signal_ignore(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return -1;
    if (sig == SIGCHLD) chld_trapped = 0;
    return install(sig, SIG_IGN, 0);
}

int weir_signal_take(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return 0;
    return atomic_exchange((atomic_int *)&flags[sig], 0);
}

int weir_signal_peek(int sig) {
    if (sig <= 0 || sig >= WEIR_NSIG) return 0;
    return flags[sig];
}

int weir_signal_trap_pending(void) { return trap_pending; }

int weir_signal_take_trap_pending(void) { return atomic_exchange((atomic_int *)&trap_pending, 0); }

int weir_signal_take_children_changed(void) { return atomic_exchange((atomic_int *)&children_changed, 0); }

int weir_signal_wake_fd(void) {
    if (wake_read >= 0) return wake_read;
    int p[2];
    if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    /* Far from the descriptors scripts use (0-9, and bash's {var} from 10 up); under a
       low `ulimit -n` as far as the limit allows, else where pipe2 put them. */
    static const int floors[] = {240, 10};
    for (unsigned i = 0; i < sizeof floors / sizeof floors[0]; i++) {
        int r = fcntl(p[0], F_DUPFD_CLOEXEC, floors[i]);
        int w = r >= 0 ? fcntl(p[1], F_DUPFD_CLOEXEC, floors[i]) : -1;
        if (r >= 0 && w >= 0) {
            close(p[0]);
            close(p[1]);
            p[0] = r;
            p[1] = w;
            break;
        }
        if (r >= 0) close(r);
    }
    wake_read = p[0];
    wake_write = p[1];
    return wake_read;
}

void weir_signal_drain_wake_fd(void) {
    if (wake_read < 0) return;
    char buf[64];
    while (read(wake_read, buf, sizeof buf) > 0) {}
}

void weir_signal_after_fork(void) {
    /* The parent's pending signals and its self-pipe are the parent's. */
    for (int s = 0; s < WEIR_NSIG; s++) flags[s] = 0;
    trap_pending = 0;
    children_changed = 0;
    if (wake_read >= 0) {
        int w = wake_write;
        wake_write = -1;
        close(wake_read);
        close(w);
        wake_read = -1;
    }
}

unsigned long long weir_signal_caught_mask(void) { return caught_mask; }

/* While the line editor reads a line: SIGINT is caught without SA_RESTART (a Ctrl-C
   interrupts the key read), then goes back to what the shell had, caught or not. */
static struct sigaction prompt_saved;
static int prompt_saved_caught;

void weir_signal_prompt_begin(void) {
    sigaction(SIGINT, NULL, &prompt_saved);
    remember_inherited(SIGINT, &prompt_saved);
    prompt_saved_caught = (caught_mask >> (SIGINT - 1)) & 1;
    (void)weir_signal_wake_fd();
    install(SIGINT, weir_signal_handler, 0);
}

void weir_signal_prompt_end(void) {
    sigaction(SIGINT, &prompt_saved, NULL);
    unsigned long long bit = 1ULL << (SIGINT - 1);
    if (prompt_saved_caught) caught_mask |= bit;
    else caught_mask &= ~bit;
}

/* `exec` in an interactive shell (or under `shopt -s execfail`) survives a failed execve:
   the dispositions and mask it set for the new program are put back as they were. */
static struct sigaction saved_actions[WEIR_NSIG];
static sigset_t saved_mask;
static unsigned long long saved_caught_mask;
static sig_atomic_t saved_chld_trapped;

void weir_signals_save(void) {
    for (int sig = 1; sig < WEIR_NSIG; sig++) {
        sigaction(sig, NULL, &saved_actions[sig]);
        remember_inherited(sig, &saved_actions[sig]);
    }
    sigprocmask(SIG_SETMASK, NULL, &saved_mask);
    saved_caught_mask = caught_mask;
    saved_chld_trapped = chld_trapped;
}

void weir_signals_restore(void) {
    for (int sig = 1; sig < WEIR_NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        sigaction(sig, &saved_actions[sig], NULL);
    }
    caught_mask = saved_caught_mask;
    chld_trapped = saved_chld_trapped;
    sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}
