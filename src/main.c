/* wangge: grid-based community governance, served over SSH.
 * One binary, git-style subcommands (see cli/cli.c for the table). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f)
{
    fprintf(f, "Usage: wangge COMMAND [OPTIONS]\n\n"
               "wangge (网格) keeps a county's grid ledgers and cases and serves them over SSH.\n\n"
               "Commands:\n");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-8s %s\n", c->name, c->summary);
    fprintf(f, "\nRun 'wangge COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("wangge 0.1");
        return CLI_OK;
    }
    struct cli_ctx ctx = {0};
    return cli_dispatch(argc - 1, argv + 1, &ctx);
}
