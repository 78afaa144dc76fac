/* Subcommands. Each runs the same way from a local shell and over SSH (an exec
 * request): the context says who is acting when the caller is a remote user.
 * Exit status: 0 success, 1 failure, 2 usage. Errors go to stderr as
 * "wangge: what: why". */
#ifndef WANGGE_CLI_CLI_H
#define WANGGE_CLI_CLI_H

#include <stdio.h>

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli_ctx {
    const char *as_user; /* NULL locally; the logged-in user over SSH */
    const char *db;      /* over SSH: the server's database (--db is then ignored) */
    const char *session; /* audit session id, or NULL */
    const char *remote;  /* client address, or NULL for "local" */
};

typedef int (*cli_fn)(int argc, char **argv, const struct cli_ctx *ctx);

struct cli_command {
    const char *name;
    cli_fn fn;
    const char *summary;
    int remote_ok; /* may run over SSH (subject to the user's role) */
};

/* The table of subcommands, ending with a zeroed entry. */
extern const struct cli_command cli_commands[];
const struct cli_command *cli_find(const char *name);
/* Run argv[0] as a subcommand (argv[0] is the subcommand's name). */
int cli_dispatch(int argc, char **argv, const struct cli_ctx *ctx);

/* "wangge: what: why" on stderr; returns CLI_FAIL. */
int cli_fail(const char *what, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A usage error: message, then "try 'wangge CMD --help'"; returns CLI_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Read a password: from the terminal without echo (asking twice when confirm is
 * set), or one line from stdin when from_stdin. Returns 0, or -1 with a message
 * printed. */
int cli_read_password(const char *prompt, int confirm, int from_stdin, char *out, size_t size);

int cmd_init(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_user(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_check(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_serve(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_tui(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_search(int argc, char **argv, const struct cli_ctx *ctx);
int cmd_whoami(int argc, char **argv, const struct cli_ctx *ctx);

#endif
