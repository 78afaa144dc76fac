#include "ssh/pty.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utmp.h>

#include "screens/app.h"
#include "ssh/termcheck.h"
#include "util/log.h"

#define FALLBACK_TERM "xterm-256color"

void pty_clamp_size(int *cols, int *rows)
{
    if (*cols <= 0 || *rows <= 0) *cols = 80, *rows = 24;
    if (*cols > 1000) *cols = 1000;
    if (*rows > 1000) *rows = 1000;
}

static void winsize_of(struct winsize *ws, int cols, int rows)
{
    pty_clamp_size(&cols, &rows);
    memset(ws, 0, sizeof *ws);
    ws->ws_col = (unsigned short)cols;
    ws->ws_row = (unsigned short)rows;
}

int pty_child_setup(int keep, const char *const *env, const char *term)
{
    static const int sigs[] = {SIGCHLD, SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGALRM, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    alarm(0);

    int log_fd = -1;
    if (keep >= 0) {
        log_fd = keep == 3 ? 3 : dup2(keep, 3);
        if (keep != 3) close(keep);
    }
    /* The client's socket, the listener's pipe and the server's own files
     * must not leak into code that runs for a user. */
    int from = log_fd >= 0 ? 4 : 3;
    if (close_range((unsigned)from, ~0U, 0) != 0) {
        long max = sysconf(_SC_OPEN_MAX);
        for (int fd = from; fd < max; fd++) close(fd);
    }

    clearenv();
    setenv("PATH", "/usr/bin:/bin", 1);
    setenv("HOME", "/", 1);
    setenv("LANG", "C.UTF-8", 1);
    if (term) setenv("TERM", term, 1);
    for (int i = 0; env && env[i]; i++) putenv((char *)env[i]);
    return log_fd;
}

/* Debian's ncurses-base lacks many terminal types; a missing entry must not
 * stop a user from working. */
static void check_term(const char *user)
{
    const char *term = getenv("TERM");
    if (termcheck_known(term, 1)) return;
    log_msg(LOG_WARN, "term user=%s term=%s result=unknown fallback=%s", user,
            term && *term ? term : "-", FALLBACK_TERM);
    setenv("TERM", FALLBACK_TERM, 1);
}

static void ui_child(int slave, const struct pty_opts *o)
{
    int log_fd = o->log_fd >= 0 ? fcntl(o->log_fd, F_DUPFD, 10) : -1;
    if (login_tty(slave) != 0) _exit(127);
    log_fd = pty_child_setup(log_fd, o->env, o->term && *o->term ? o->term : FALLBACK_TERM);
    log_set_fd(log_fd);
    check_term(o->user);

    struct app_opts ao = {
        .db = o->db,
        .user = o->user,
        .session = o->session,
        .remote = o->remote,
    };
    int rc = app_run(&ao);
    fflush(NULL);
    _exit(rc & 0xff);
}

int pty_spawn(struct pty_ui *ui, const struct pty_opts *o, wg_err *e)
{
    struct winsize ws;
    int master, slave;
    winsize_of(&ws, o->cols, o->rows);
    if (openpty(&master, &slave, NULL, NULL, &ws) != 0)
        return wg_err_set(e, "openpty: %s", strerror(errno));
    fflush(NULL);
    /* Signals wait until the child has put back the default handlers: a
     * SIGHUP must not hit the session's flag-setting handler in the child. */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid != 0) sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        int err = errno;
        close(master);
        close(slave);
        return wg_err_set(e, "fork: %s", strerror(err));
    }
    if (pid == 0) {
        close(master);
        ui_child(slave, o);
    }
    close(slave);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    ui->pid = pid;
    ui->master = master;
    return 0;
}

void pty_resize(const struct pty_ui *ui, int cols, int rows)
{
    struct winsize ws;
    winsize_of(&ws, cols, rows);
    /* The kernel sends SIGWINCH to the pty's foreground group: the UI. */
    ioctl(ui->master, TIOCSWINSZ, &ws);
}

void pty_signal(const struct pty_ui *ui, int sig)
{
    if (ui->pid <= 0) return;
    /* Before login_tty the child has no group of its own yet. */
    if (kill(-ui->pid, sig) != 0) kill(ui->pid, sig);
}
