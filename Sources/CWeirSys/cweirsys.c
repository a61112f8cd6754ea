#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <wctype.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "cweirsys.h"

int weir_fa_addclosefrom(posix_spawn_file_actions_t *fa, int from) { return posix_spawn_file_actions_addclosefrom_np(fa, from); }
int weir_fa_addchdir(posix_spawn_file_actions_t *fa, const char *p) { return posix_spawn_file_actions_addchdir_np(fa, p); }
int weir_pipe2_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
int weir_dup3_cloexec(int oldfd, int newfd) { return dup3(oldfd, newfd, O_CLOEXEC); }
ssize_t weir_splice(int i, int o, size_t len, unsigned int fl) { return splice(i, NULL, o, NULL, len, fl); }
ssize_t weir_tee(int i, int o, size_t len, unsigned int fl) { return tee(i, o, len, fl); }
int weir_set_pipe_size(int fd, int size) { return fcntl(fd, F_SETPIPE_SZ, size); }
int weir_get_pipe_size(int fd) { return fcntl(fd, F_GETPIPE_SZ); }
const unsigned int WEIR_SPLICE_F_MOVE = SPLICE_F_MOVE, WEIR_SPLICE_F_NONBLOCK = SPLICE_F_NONBLOCK, WEIR_SPLICE_F_MORE = SPLICE_F_MORE;

int weir_unread_bytes(int fd) {
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

int weir_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int weir_memfd(const char *name) { return memfd_create(name, MFD_CLOEXEC); }

void *weir_shared_memory(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void weir_unmap(void *p, size_t size) { if (p) munmap(p, size); }

pid_t weir_wait4(pid_t pid, int *status, int options, struct rusage *usage) {
    return wait4(pid, status, options, usage);
}

int weir_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* The shell's private FIFO directory, removed by a signal that ends the shell. The
   handler uses only async-signal-safe calls: it builds each path by hand. */
static char fifo_dir[4096];
static volatile sig_atomic_t fifo_count;
static volatile pid_t fifo_owner;

static void fifo_cleanup_handler(int sig) {
    if (fifo_dir[0] && getpid() == fifo_owner) {
        char path[4200];
        size_t n = 0;
        while (fifo_dir[n] && n < sizeof fifo_dir) { path[n] = fifo_dir[n]; n++; }
        const char *name = "/fifo";
        size_t k = n;
        for (int i = 0; name[i]; i++) path[k++] = name[i];
        for (int f = 1; f <= fifo_count; f++) {
            char digits[16];
            int d = 0, v = f;
            while (v > 0) { digits[d++] = (char)('0' + v % 10); v /= 10; }
            size_t m = k;
            while (d > 0) path[m++] = digits[--d];
            path[m] = 0;
            unlink(path);
        }
        rmdir(fifo_dir);
    }
    /* SA_RESETHAND made the action default again; SA_NODEFER lets it land now. */
    raise(sig);
}

void weir_fifo_dir_set(const char *dir, int count) {
    size_t i = 0;
    for (; dir[i] && i + 1 < sizeof fifo_dir; i++) fifo_dir[i] = dir[i];
    fifo_dir[i] = 0;
    fifo_count = count;
    fifo_owner = getpid();
}

void weir_fifo_dir_clear(void) { fifo_dir[0] = 0; fifo_count = 0; }

int weir_fifo_dir_guard(int sig) {
    struct sigaction old, sa;
    if (sigaction(sig, NULL, &old) != 0) return 0;
    if (old.sa_handler != SIG_DFL) return 0;
    sa.sa_handler = fifo_cleanup_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    return sigaction(sig, &sa, NULL) == 0;
}

/* One OPEN step: the file on descriptor fd. */
static int open_step(const struct weir_spawn_step *s) {
    int flags = s->flags & ~WEIR_OPEN_NOCLOBBER;
    int f = open(s->path, flags | O_CLOEXEC, (mode_t)s->mode);
    if (f < 0 && errno == EEXIST && (s->flags & WEIR_OPEN_NOCLOBBER)) {
        /* set -C protects regular files only: /dev/null and the like still open. */
        struct stat st;
        if (stat(s->path, &st) == 0 && !S_ISREG(st.st_mode)) {
            f = open(s->path, (flags & ~(O_EXCL | O_CREAT | O_TRUNC)) | O_CLOEXEC, (mode_t)s->mode);
        } else {
            errno = EEXIST;
        }
    }
    return f;
}

int weir_apply_steps(struct weir_spawn_step *steps, int nsteps, int *failed) {
    for (int i = 0; i < nsteps; i++) {
        struct weir_spawn_step *s = &steps[i];
        switch (s->op) {
        case WEIR_STEP_CLOSE:
            close(s->fd);  /* as posix_spawn: closing a closed descriptor is no error */
            break;
        case WEIR_STEP_DUP2:
            if (s->source == s->fd) {
                int flags = fcntl(s->fd, F_GETFD);
                if (flags < 0 || fcntl(s->fd, F_SETFD, flags & ~FD_CLOEXEC) != 0) goto fail;
            } else if (dup2(s->source, s->fd) < 0) {
                goto fail;
            }
            break;
        case WEIR_STEP_OPEN: {
            int f = open_step(s);
            if (f < 0) goto fail;
            if (f != s->fd) {
                if (dup2(f, s->fd) < 0) { int e = errno; close(f); errno = e; goto fail; }
                close(f);
            } else if (fcntl(f, F_SETFD, 0) != 0) {
                goto fail;
            }
            break;
        }
        case WEIR_STEP_OPEN_HIGH: {
            int f = open_step(s);
            if (f < 0) goto fail;
            int high = fcntl(f, F_DUPFD, 10);
            int e = errno;
            close(f);
            if (high < 0) { errno = e; goto fail; }
            s->result = high;
            break;
        }
        case WEIR_STEP_DUP_HIGH: {
            int high = fcntl(s->source, F_DUPFD, 10);
            if (high < 0) goto fail;
            s->result = high;
            break;
        }
        }
        continue;
    fail:
        *failed = i;
        return errno;
    }
    return 0;
}

/* What the child of weir_spawn does, in a frame of its own below weir_spawn's: the
   child shares the shell's stack until it execs, and must not write into the frame the
   parent resumes in. */
struct spawn_request {
    const char *path;
    char *const *argv;
    char *const *envp;
    struct weir_spawn_step *steps;
    int nsteps;
    pid_t pgroup;
    int tty;
    const sigset_t *defaults, *ignored, *mask;
    volatile int *error;
    volatile int *failed;
};

static void __attribute__((noinline, noreturn)) spawn_child(const struct spawn_request *r) {
    int failed = -1;
    if (r->pgroup >= 0 && setpgid(0, r->pgroup) != 0) goto fail;
    if (r->tty >= 0 && tcsetpgrp(r->tty, getpgrp()) != 0) goto fail;
    if (weir_apply_steps(r->steps, r->nsteps, &failed) != 0) goto fail;
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    unsigned long long caught = weir_signal_caught_mask();
    for (int sig = 1; sig < NSIG; sig++) {
        if (sigismember(r->ignored, sig) == 1) sa.sa_handler = SIG_IGN;
        else if (sigismember(r->defaults, sig) == 1) sa.sa_handler = SIG_DFL;
        else if (sig <= 64 && (caught & (1ULL << (sig - 1)))) sa.sa_handler = SIG_DFL;
        else continue;
        sigaction(sig, &sa, NULL);
    }
    sigprocmask(SIG_SETMASK, r->mask, NULL);
    execve(r->path, r->argv, r->envp);
fail:
    *r->failed = failed;
    *r->error = errno;
    _exit(127);
}

/* vfork + execve: what posix_spawn does, without glibc's per-spawn cost (it queries and
   resets all 64 signal actions in the child, and maps a fresh stack for clone). The
   child runs only C code, on the shell's stack below this frame, until it execs or
   _exits.

   Every signal is blocked around vfork, so no handler of the shell can run in the child
   (it would run on the shell's memory). The child sets the signals the shell catches
   (weir_signal_caught_mask) to their default action and the ones it must ignore to
   SIG_IGN, then sets the signal mask the program starts with, and execs. */
pid_t weir_spawn(const char *path, char *const argv[], char *const envp[],
                 struct weir_spawn_step *steps, int nsteps, pid_t pgroup, int tty,
                 const sigset_t *defaults, const sigset_t *ignored, const sigset_t *mask, int *error, int *failed) {
    volatile int child_error = 0;
    volatile int child_failed = -1;
    struct spawn_request request = {
        path, argv, envp, steps, nsteps, pgroup, tty, defaults, ignored, mask, &child_error, &child_failed,
    };
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    pid_t pid = vfork();
    if (pid == 0) spawn_child(&request);
    int saved = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        /* -2: no child was made (EAGAIN, ENOMEM), as opposed to one that could not run. */
        *error = saved;
        *failed = -1;
        return -2;
    }
    if (child_error != 0) {
        /* As posix_spawn: a child that never ran the program is reaped here. */
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *error = child_error;
        *failed = child_failed;
        return -1;
    }
    return pid;
}

unsigned int weir_towupper(unsigned int c) { return (unsigned int)towupper((wint_t)c); }
unsigned int weir_towlower(unsigned int c) { return (unsigned int)towlower((wint_t)c); }
int weir_iswupper(unsigned int c) { return iswupper((wint_t)c); }
int weir_iswlower(unsigned int c) { return iswlower((wint_t)c); }

int weir_memory_available(size_t size) {
    volatile char *p = malloc(size);
    if (p == NULL) return 0;
    p[0] = 0;
    free((void *)p);
    return 1;
}
