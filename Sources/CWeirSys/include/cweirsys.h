// The few things Swift's Glibc module cannot reach: function-like macros and GNU-only
// calls. The header uses only POSIX types; the wrappers live in cweirsys.c, which is
// compiled with _GNU_SOURCE (a header-only version cannot see pipe2 and friends).
#ifndef CWEIRSYS_H
#define CWEIRSYS_H

#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/resource.h>

int weir_fa_addtcsetpgrp(posix_spawn_file_actions_t *fa, int tcfd);
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
/// The terminal size of fd (TIOCGWINSZ); -1 when it is not a terminal.
int weir_window_size(int fd, int *rows, int *cols);
/// The private FIFO directory and how many fifoN are in it, for the handler that removes
/// them when SIGTERM, SIGHUP or (in a script) SIGINT ends the shell; guard installs that
/// handler for a signal still at its default action.
void weir_fifo_dir_set(const char *dir, int count);
void weir_fifo_dir_clear(void);
int weir_fifo_dir_guard(int sig);

/// wait4: a child's status and its resource usage (its own and its waited-for children's).
pid_t weir_wait4(pid_t pid, int *status, int options, struct rusage *usage);
extern const unsigned int WEIR_SPLICE_F_MOVE, WEIR_SPLICE_F_NONBLOCK, WEIR_SPLICE_F_MORE;

static inline int weir_WIFEXITED(int s) { return WIFEXITED(s); }
static inline int weir_WEXITSTATUS(int s) { return WEXITSTATUS(s); }
static inline int weir_WIFSIGNALED(int s) { return WIFSIGNALED(s); }
static inline int weir_WTERMSIG(int s) { return WTERMSIG(s); }
static inline int weir_WIFSTOPPED(int s) { return WIFSTOPPED(s); }
static inline int weir_WSTOPSIG(int s) { return WSTOPSIG(s); }
static inline int weir_WIFCONTINUED(int s) { return WIFCONTINUED(s); }
static inline int weir_WCOREDUMP(int s) { return WCOREDUMP(s); }

#endif
