/* Exec requests: `ssh user@host SUBCOMMAND ARGS` runs a wangge subcommand as
 * the logged-in user, in a child process whose standard input, output and
 * error are pipes to the channel. No shell is involved at any point. */
#ifndef WANGGE_SSH_EXEC_H
#define WANGGE_SSH_EXEC_H

#include <sys/types.h>

#include "util/err.h"

struct exec_opts {
    const char *command; /* the request's command line */
    const char *const *env;
    const char *db, *user, *session, *remote;
    int log_fd;
};

struct exec_child {
    pid_t pid;
    int in;  /* write end: the command's standard input */
    int out; /* read ends: its standard output and error */
    int err;
};

/* Fork the command. Words, the command table and its remote_ok flag are
 * checked in the child, so that every refusal reaches the client the same
 * way: a message on stderr and a non-zero exit status. */
int exec_spawn(struct exec_child *x, const struct exec_opts *o, wg_err *e);

#endif
