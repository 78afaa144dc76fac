/* The UI process of an SSH session: the screens on a pseudo-terminal, the
 * very code `wangge tui` runs on a local terminal. */
#ifndef WANGGE_SSH_PTY_H
#define WANGGE_SSH_PTY_H

#include <sys/types.h>

#include "util/err.h"

/* Environment variables a client may set (LANG and LC_*), name=value each. */
#define PTY_MAX_ENV 16

struct pty_opts {
    const char *term; /* from the pty request */
    int cols, rows;
    const char *env[PTY_MAX_ENV + 1]; /* accepted "NAME=value", NULL-terminated */
    const char *db, *user, *session, *remote;
    int log_fd; /* where the UI's log records go (its stderr is the screen) */
};

struct pty_ui {
    pid_t pid;  /* the UI process, leader of its own session and group */
    int master; /* the pty master, for the relay */
};

/* Clamp a client's terminal size: 0 means "unknown" (80x24), huge is nonsense. */
void pty_clamp_size(int *cols, int *rows);

/* openpty, fork, and run the screens in the child. 0, or -1 and *e. */
int pty_spawn(struct pty_ui *ui, const struct pty_opts *o, wg_err *e);
/* A window-change request. */
void pty_resize(const struct pty_ui *ui, int cols, int rows);
/* Signal the UI's whole process group (SIGHUP when the client goes away). */
void pty_signal(const struct pty_ui *ui, int sig);

/* Shared by the UI and command children: every descriptor but 0, 1, 2 and
 * keep (if >= 0, moved to 3) closed, signals back to their defaults, and an
 * environment with only what the child needs. Returns the new log fd. */
int pty_child_setup(int keep, const char *const *env, const char *term);

#endif
