#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

const struct cli_command cli_commands[] = {
    {"init", cmd_init, "create or upgrade a database; --demo builds a demo county", 0},
    {"serve", cmd_serve, "serve the screens and commands over SSH", 0},
    {"tui", cmd_tui, "run the screens on this terminal", 0},
    {"user", cmd_user, "accounts: add, passwd, key, lock, unlock, set, list", 1},
    {"search", cmd_search, "search residents as the screens do", 1},
    {"check", cmd_check, "integrity check and the domain's invariants", 1},
    {"whoami", cmd_whoami, "print user, role and scope", 1},
    {NULL, NULL, NULL, 0},
};

const struct cli_command *cli_find(const char *name)
{
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

int cli_dispatch(int argc, char **argv, const struct cli_ctx *ctx)
{
    const struct cli_command *c = cli_find(argv[0]);
    if (!c) return cli_usage(NULL, "unknown command '%s'", argv[0]);
    return c->fn(argc, argv, ctx);
}

int cli_fail(const char *what, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "wangge: %s: ", what);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return CLI_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "wangge: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'wangge %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    va_end(ap);
    return CLI_USAGE;
}

static int read_line(FILE *f, char *out, size_t size)
{
    if (!fgets(out, (int)size, f)) return -1;
    size_t n = strlen(out);
    if (n && out[n - 1] == '\n')
        out[--n] = '\0';
    else if (n == size - 1)
        return -2; /* too long */
    if (n && out[n - 1] == '\r') out[--n] = '\0';
    return 0;
}

static int ask_tty(const char *prompt, char *out, size_t size)
{
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty) return -1;
    struct termios old, quiet;
    int fd = fileno(tty);
    tcgetattr(fd, &old);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    quiet.c_lflag |= ECHONL;
    fputs(prompt, tty);
    fflush(tty);
    tcsetattr(fd, TCSAFLUSH, &quiet);
    int r = read_line(tty, out, size);
    tcsetattr(fd, TCSAFLUSH, &old);
    fclose(tty);
    return r;
}

int cli_read_password(const char *prompt, int confirm, int from_stdin, char *out, size_t size)
{
    if (from_stdin) {
        int r = read_line(stdin, out, size);
        if (r == -2) return fprintf(stderr, "wangge: password: too long\n"), -1;
        if (r < 0) return fprintf(stderr, "wangge: password: nothing on standard input\n"), -1;
    } else {
        if (ask_tty(prompt, out, size) < 0)
            return fprintf(stderr, "wangge: password: no terminal to ask on (use "
                                   "--password-stdin)\n"),
                   -1;
        if (confirm) {
            char again[256];
            if (ask_tty("Again: ", again, sizeof again) < 0 || strcmp(again, out) != 0) {
                sodium_memzero(again, sizeof again);
                return fprintf(stderr, "wangge: password: the two entries differ\n"), -1;
            }
            sodium_memzero(again, sizeof again);
        }
    }
    if (strlen(out) < 4)
        return fprintf(stderr, "wangge: password: too short (at least 4 characters)\n"), -1;
    return 0;
}
