#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "cweirsys.h"

int weir_fa_addtcsetpgrp(posix_spawn_file_actions_t *fa, int fd) { return posix_spawn_file_actions_addtcsetpgrp_np(fa, fd); }
int weir_fa_addchdir(posix_spawn_file_actions_t *fa, const char *p) { return posix_spawn_file_actions_addchdir_np(fa, p); }
int weir_fa_addclosefrom(posix_spawn_file_actions_t *fa, int from) { return posix_spawn_file_actions_addclosefrom_np(fa, from); }
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
