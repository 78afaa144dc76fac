#include "ssh/exec.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ssh/cmdline.h"
#include "ssh/pty.h"
#include "util/log.h"

static void list_commands(FILE *f)
{
    fprintf(f, "Commands available over SSH:\n");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (c->remote_ok) fprintf(f, "  %-8s %s\n", c->name, c->summary);
    fprintf(f, "Without a command, ssh -t opens the screens.\n");
}

static int run(const struct exec_opts *o)
{
    wg_err e = {{0}};
    char **argv = NULL;
    int argc = cmdline_split(o->command, &argv, &e);
    if (argc < 0) return cli_usage(NULL, "%s", e.msg);
    int rc;
    const struct cli_command *c = argc > 0 ? cli_find(argv[0]) : NULL;
    if (argc == 0) {
        fprintf(stderr, "wangge: no command given\n");
        list_commands(stderr);
        rc = CLI_USAGE;
    } else if (strcmp(argv[0], "help") == 0 || strcmp(argv[0], "--help") == 0) {
        list_commands(stdout);
        rc = CLI_OK;
    } else if (!c) {
        fprintf(stderr, "wangge: unknown command '%s'\n", argv[0]);
        list_commands(stderr);
        rc = CLI_USAGE;
    } else if (!c->remote_ok) {
        fprintf(stderr, "wangge: '%s' cannot be run over SSH\n", argv[0]);
        rc = CLI_FAIL;
    } else {
        struct cli_ctx ctx = {
            .as_user = o->user,
            .db = o->db,
            .session = o->session,
            .remote = o->remote,
        };
        rc = cli_dispatch(argc, argv, &ctx);
    }
    log_msg(LOG_INFO, "exec user=%s addr=%s session=%s cmd=%s status=%d", o->user, o->remote,
            o->session, argc > 0 ? argv[0] : "-", rc);
    cmdline_free(argv);
    return rc;
}

int exec_spawn(struct exec_child *x, const struct exec_opts *o, wg_err *e)
{
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0) return wg_err_set(e, "pipe: %s", strerror(errno));
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]), close(in[1]);
        return wg_err_set(e, "pipe: %s", strerror(errno));
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        return wg_err_set(e, "pipe: %s", strerror(errno));
    }
    fflush(NULL);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid != 0) sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        int saved = errno;
        close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        return wg_err_set(e, "fork: %s", strerror(saved));
    }
    if (pid == 0) {
        int log_fd = o->log_fd >= 0 ? fcntl(o->log_fd, F_DUPFD, 10) : -1;
        if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) _exit(127);
        setsid();
        log_fd = pty_child_setup(log_fd, o->env, NULL);
        log_set_fd(log_fd);
        int rc = run(o);
        fflush(NULL);
        _exit(rc & 0xff);
    }
    close(in[0]), close(out[1]), close(err[1]);
    x->pid = pid;
    x->in = in[1];
    x->out = out[0];
    x->err = err[0];
    return 0;
}
