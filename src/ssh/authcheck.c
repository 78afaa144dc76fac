#include "ssh/authcheck.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"

/* Helpers still running (they close their connection after answering). */
#define MAX_HELPERS 16
static pid_t helpers[MAX_HELPERS];

struct answer {
    enum user_auth r;
    char err[sizeof(wg_err)];
    struct authcheck_user who;
};

struct question {
    int is_key, final;
    const char *user, *password, *type, *blob;
};

static enum user_auth run(const struct authcheck *a, const struct question *q,
                          struct authcheck_user *who, wg_err *e)
{
    authcheck_reap(0);
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        wg_err_set(e, "pipe: %s", strerror(errno));
        return USER_AUTH_ERROR;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]), close(p[1]);
        wg_err_set(e, "fork: %s", strerror(errno));
        return USER_AUTH_ERROR;
    }
    if (pid == 0) {
        close(p[0]);
        signal(SIGALRM, SIG_DFL);
        wg_err e2 = {{0}};
        store *s = store_open(a->db, 0, &e2);
        struct answer ans;
        memset(&ans, 0, sizeof ans);
        if (!s || store_act_as_system(s, a->remote, &e2) != 0) {
            ans.r = USER_AUTH_ERROR;
            snprintf(ans.err, sizeof ans.err, "%s", e2.msg);
        } else if (q->is_key) {
            ans.r = user_auth_key(s, q->user, q->type, q->blob, q->final, &e2);
            snprintf(ans.err, sizeof ans.err, "%s", e2.msg);
        } else {
            int failures = 0;
            ans.r = user_auth_password(s, q->user, q->password, &failures, &e2);
            snprintf(ans.err, sizeof ans.err, "%s", e2.msg);
        }
        struct user_rec u;
        /* The user's settings, looked up here because the session process
         * never opens the database. Missing ones leave the defaults. */
        if (ans.r == USER_AUTH_OK && user_get(s, q->user, &u, &e2) == 0)
            snprintf(ans.who.encoding, sizeof ans.who.encoding, "%s", u.encoding);
        /* Answer first: the session goes on while this process closes. */
        ssize_t w = write(p[1], &ans, sizeof ans);
        (void)w;
        close(p[1]);
        if (s) store_close(s);
        _exit(0);
    }
    close(p[1]);
    for (int i = 0; i < MAX_HELPERS; i++)
        if (!helpers[i]) {
            helpers[i] = pid;
            break;
        }
    struct answer ans;
    memset(&ans, 0, sizeof ans);
    size_t got = 0;
    while (got < sizeof ans) {
        ssize_t n = read(p[0], (char *)&ans + got, sizeof ans - got);
        if (n > 0) {
            got += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR) {
            /* The grace alarm: give up on this answer. */
            kill(pid, SIGKILL);
            break;
        }
        break;
    }
    close(p[0]);
    if (got < sizeof ans) {
        wg_err_set(e, "the authentication helper gave no answer");
        return USER_AUTH_ERROR;
    }
    if (ans.r == USER_AUTH_ERROR) wg_err_set(e, "%s", ans.err);
    if (ans.r == USER_AUTH_OK && who) {
        ans.who.encoding[sizeof ans.who.encoding - 1] = '\0';
        *who = ans.who;
    }
    return ans.r;
}

enum user_auth authcheck_password(const struct authcheck *a, const char *user, const char *password,
                                  struct authcheck_user *who, wg_err *e)
{
    struct question q = {.user = user, .password = password};
    return run(a, &q, who, e);
}

enum user_auth authcheck_key(const struct authcheck *a, const char *user, const char *type,
                             const char *blob, int final, struct authcheck_user *who, wg_err *e)
{
    struct question q = {.is_key = 1, .final = final, .user = user, .type = type, .blob = blob};
    return run(a, &q, who, e);
}

int authcheck_logout(const struct authcheck *a, const char *user, wg_err *e)
{
    store *s = store_open(a->db, 0, e);
    if (!s) return -1;
    int rc = store_act_as_system(s, a->remote, e) == 0 ? user_logout(s, user, e) : -1;
    store_close(s);
    return rc;
}

void authcheck_reap(int wait)
{
    for (int i = 0; i < MAX_HELPERS; i++) {
        if (!helpers[i]) continue;
        pid_t r;
        do r = waitpid(helpers[i], NULL, wait ? 0 : WNOHANG);
        while (r < 0 && errno == EINTR);
        if (r != 0) helpers[i] = 0;
    }
}
