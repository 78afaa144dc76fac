/* Checking a login against the database from a session process.
 *
 * Each check runs in a short-lived child process that opens the database,
 * asks store/user, writes the answer back through a pipe and only then
 * closes its connection. The session process itself never holds SQLite
 * state, so the UI and command processes it forks later start clean (SQLite
 * state must not cross a fork), and neither the password hash's memory nor
 * the checkpoint that closing the last connection may do is the session's
 * to pay. */
#ifndef WANGGE_SSH_AUTHCHECK_H
#define WANGGE_SSH_AUTHCHECK_H

#include "store/user.h"

struct authcheck {
    const char *db;
    const char *remote; /* client address, for the audit rows */
};

/* What the session needs to know of a user who got in. */
struct authcheck_user {
    char encoding[16]; /* the terminal encoding from Settings: "UTF-8" or "GB18030" */
};

/* user_auth_password in a child. *e says what went wrong for USER_AUTH_ERROR.
 * On USER_AUTH_OK, *who (if not NULL) is filled in. */
enum user_auth authcheck_password(const struct authcheck *a, const char *user, const char *password,
                                  struct authcheck_user *who, wg_err *e);
/* user_auth_key in a child (final: the signature has been verified); *who
 * as for authcheck_password. */
enum user_auth authcheck_key(const struct authcheck *a, const char *user, const char *type,
                             const char *blob, int final, struct authcheck_user *who, wg_err *e);
/* user_logout, in this process (nothing is forked after it). */
int authcheck_logout(const struct authcheck *a, const char *user, wg_err *e);
/* Reap helpers that have finished; with wait set, wait for all of them. */
void authcheck_reap(int wait);

#endif
