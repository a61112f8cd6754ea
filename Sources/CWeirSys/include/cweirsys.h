// The few things Swift's Glibc module cannot reach: function-like macros and GNU-only
// calls. The header uses only POSIX types; the wrappers live in cweirsys.c, which is
// compiled with _GNU_SOURCE (a header-only version cannot see pipe2 and friends).
#ifndef CWEIRSYS_H
#define CWEIRSYS_H

#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <signal.h>
#include <stdint.h>

/// Runs entry on a freshly mapped stack of size bytes (reserved, not committed) and returns
/// 0 when it returns; -1 when no such stack could be made, or when spare bytes could not
/// be allocated beside it (entry has not run).
int weir_run_on_own_stack(size_t size, size_t spare, void (*entry)(void));
/// The lowest usable address of that stack while entry runs; 0 on the thread's own stack.
uintptr_t weir_stack_low(void);

/// For the tests' process runner: the child's working directory, and closing every
/// descriptor from `from` up.
int weir_fa_addchdir(posix_spawn_file_actions_t *fa, const char *path);
int weir_fa_addclosefrom(posix_spawn_file_actions_t *fa, int from);
int weir_pipe2_cloexec(int fds[2]);
int weir_dup3_cloexec(int oldfd, int newfd);
ssize_t weir_splice(int fdin, int fdout, size_t len, unsigned int flags);
ssize_t weir_tee(int fdin, int fdout, size_t len, unsigned int flags);
int weir_set_pipe_size(int fd, int size);
int weir_get_pipe_size(int fd);
/// Bytes waiting in a pipe (FIONREAD); works on either end. -1 on error.
int weir_unread_bytes(int fd);
/// A pidfd for any process (readable once it has ended), -1 with errno when none.
int weir_pidfd_open(pid_t pid);
/// An anonymous in-memory file (close-on-exec).
int weir_memfd(const char *name);
/// Shared anonymous memory that a forked child writes and the parent reads.
void *weir_shared_memory(size_t size);
void weir_unmap(void *p, size_t size);
/// The terminal size of fd (TIOCGWINSZ); -1 when it is not a terminal.
int weir_window_size(int fd, int *rows, int *cols);
/// The private FIFO directory and how many fifoN are in it, for the handler that removes
/// them when SIGTERM, SIGHUP or (in a script) SIGINT ends the shell; guard installs that
/// handler for a signal still at its default action.
void weir_fifo_dir_set(const char *dir, int count);
void weir_fifo_dir_clear(void);
int weir_fifo_dir_guard(int sig);

/// One step of wiring a process's descriptors, applied in order (in a child before it
/// execs, or in the shell itself):
/// - DUP2: dup2(source, fd); source == fd only clears close-on-exec (EBADF if not open);
/// - CLOSE: close(fd) (a closed descriptor is no error);
/// - OPEN: open(path, flags, mode) as descriptor fd; with WEIR_OPEN_NOCLOBBER in flags,
///   O_EXCL spares an existing file that is not a regular one (`set -C`);
/// - OPEN_HIGH: open on a free descriptor from 10 up, not close-on-exec, into result;
/// - DUP_HIGH: duplicate source on a free descriptor from 10 up, into result.
enum { WEIR_STEP_DUP2 = 0, WEIR_STEP_CLOSE = 1, WEIR_STEP_OPEN = 2, WEIR_STEP_OPEN_HIGH = 3, WEIR_STEP_DUP_HIGH = 4 };
#define WEIR_OPEN_NOCLOBBER 0x40000000
struct weir_spawn_step { int op; int fd; int source; int flags; unsigned int mode; const char *path; int result; };

/// Applies steps in order; 0, or the errno of the step that failed (its index in *failed).
/// Only async-signal-safe calls: a vfork child runs it.
int weir_apply_steps(struct weir_spawn_step *steps, int nsteps, int *failed);

/// vfork and execve with the descriptor steps, applied in the child (so a redirection
/// opens its file in the child: `/proc/self/fd/1` is the child's, a file a step before
/// made is there); pgroup -1 keeps the shell's group (0 leads a new one); tty -1 leaves
/// the terminal alone. Signals in `ignored` start ignored, those in `defaults` at their
/// default action; `mask` is the program's signal mask. Returns the pid, or -1 with the
/// errno in *error and in *failed the index of the step that failed (-1: the exec, or the
/// group or terminal); a child that never ran the program is already reaped.
pid_t weir_spawn(const char *path, char *const argv[], char *const envp[],
                 struct weir_spawn_step *steps, int nsteps, pid_t pgroup, int tty,
                 const sigset_t *defaults, const sigset_t *ignored, const sigset_t *mask, int *error, int *failed);

/// Signals (signals.c). Every signal the shell catches has one handler, in C: it sets
/// a flag per signal (sig_atomic_t), a flag for "a trapped signal came" or "a child
/// changed", and writes a byte to a self-pipe; nothing else runs in a handler.
#define WEIR_NSIG 65
/// Catches sig for a trap (no SA_RESTART: `read` and `wait` see EINTR).
int weir_signal_trap(int sig);
/// Catches sig with SA_RESTART, for a wait of the shell's own (the tracer, a FIFO's
/// open); the flag still counts as a pending trapped signal until taken.
int weir_signal_catch_quietly(int sig);
/// Catches SIGCHLD to note that a child changed (the shell reaps between commands).
int weir_signal_watch_children(void);
int weir_signal_set_default(int sig);
/// Keep every disposition and the mask before `exec`, and put them back when it fails.
void weir_signals_save(void);
void weir_signals_restore(void);
int weir_signal_ignore(int sig);
/// Reads and clears one signal's flag.
int weir_signal_take(int sig);
int weir_signal_peek(int sig);
int weir_signal_trap_pending(void);
/// The two flags the handler sets, for the shell's check between commands: read inline,
/// with no call and no locked instruction on the path where nothing came.
extern volatile sig_atomic_t weir_signal_trap_pending_flag;
extern volatile sig_atomic_t weir_signal_children_changed_flag;
static inline int weir_signal_anything_pending(void) {
    return weir_signal_trap_pending_flag | weir_signal_children_changed_flag;
}
static inline int weir_signal_trap_pending_now(void) { return weir_signal_trap_pending_flag; }
int weir_signal_take_trap_pending(void);
int weir_signal_take_children_changed(void);
/// The self-pipe's read end (non-blocking, close-on-exec, from 240 up), made on first use.
int weir_signal_wake_fd(void);
void weir_signal_drain_wake_fd(void);
/// In a forked child: forget the parent's pending signals and self-pipe.
void weir_signal_after_fork(void);
/// Around the line editor's read: SIGINT caught without SA_RESTART, then restored.
void weir_signal_prompt_begin(void);
void weir_signal_prompt_end(void);
/// Bit sig-1 set: the signal's handler is weir's.
unsigned long long weir_signal_caught_mask(void);
/// Bit sig-1 set: the signal was ignored when the shell started. Every change of a
/// disposition goes through the functions above, which note the inherited one first.
unsigned long long weir_signals_ignored_at_start(void);

/// The C library's wide-character case mapping and classes in the current LC_CTYPE
/// (Swift's Glibc module does not reach wctype.h).
unsigned int weir_towupper(unsigned int c);
unsigned int weir_towlower(unsigned int c);
int weir_iswupper(unsigned int c);
int weir_iswlower(unsigned int c);

/// wait4: a child's status and its resource usage (its own and its waited-for children's).
pid_t weir_wait4(pid_t pid, int *status, int options, struct rusage *usage);
extern const unsigned int WEIR_SPLICE_F_MOVE, WEIR_SPLICE_F_NONBLOCK, WEIR_SPLICE_F_MORE;

/// Whether `size` bytes could be allocated now (malloc, touched once, freed): asked before
/// a buffer grows, so a size the machine or `ulimit -v` cannot hold is an error the shell
/// reports instead of Swift's fatal allocation failure. In C so that the optimizer cannot
/// remove the unused allocation.
int weir_memory_available(size_t size);

static inline int weir_WIFEXITED(int s) { return WIFEXITED(s); }
static inline int weir_WEXITSTATUS(int s) { return WEXITSTATUS(s); }
static inline int weir_WIFSIGNALED(int s) { return WIFSIGNALED(s); }
static inline int weir_WTERMSIG(int s) { return WTERMSIG(s); }
static inline int weir_WIFSTOPPED(int s) { return WIFSTOPPED(s); }
static inline int weir_WSTOPSIG(int s) { return WSTOPSIG(s); }
static inline int weir_WIFCONTINUED(int s) { return WIFCONTINUED(s); }
static inline int weir_WCOREDUMP(int s) { return WCOREDUMP(s); }

#endif
