/* The application: the screens a user works in, on the terminal this process
 * has (a local terminal for `wangge tui`, the pty slave in an SSH session). */
#ifndef WANGGE_SCREENS_APP_H
#define WANGGE_SCREENS_APP_H

#include "store/store.h"
#include "store/user.h"
#include "util/err.h"

struct app_opts {
    const char *db;          /* database path */
    const char *user;        /* acting user's name */
    const char *session;     /* audit session id, may be NULL */
    const char *remote;      /* client address, or NULL for "local" */
    const char *keymap_file; /* a user keymap file loaded over the stored choice, or NULL */
    const char *lang;        /* "zh_CN" or "en" overriding the stored choice, or NULL */
    /* Set (to nonzero) by the caller's signal handler when the whole screen
     * must be redrawn, e.g. after a reattach; may be NULL. */
    volatile int *redraw;
};

/* Run the screens until the user quits. Returns the exit status (0 normal). */
int app_run(const struct app_opts *o);

/* What every screen shares: the database acting as the user, the user. */
struct keymap;
struct app {
    const struct app_opts *opts;
    store *db;
    struct user_rec me;
    struct keymap *km;
    char keymap_name[32]; /* built-in keymap in use ("default", "vi") */
};

/* The running application (valid inside app_run). */
struct app *app_get(void);
/* Switch to a built-in keymap (plus --keymap FILE again). -1 with *e if the
 * name is unknown. Does not store the choice (settings does, with
 * user_set_prefs). */
int app_use_keymap(struct app *a, const char *name, wg_err *e);
/* Refresh a->me from the database (after settings changed it). */
int app_reload_user(struct app *a, wg_err *e);

#endif
