/* The application: the screens a user works in, on the terminal this process
 * has (a local terminal for `wangge tui`, the pty slave in an SSH session). */
#ifndef WANGGE_SCREENS_APP_H
#define WANGGE_SCREENS_APP_H

struct app_opts {
    const char *db;      /* database path */
    const char *user;    /* acting user's name */
    const char *session; /* audit session id, may be NULL */
    const char *remote;  /* client address, or NULL for "local" */
};

/* Run the screens until the user quits. Returns the exit status (0 normal). */
int app_run(const struct app_opts *o);

#endif
