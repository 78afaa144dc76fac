#include "cli/cli.h"

int cmd_search(int argc, char **argv, const struct cli_ctx *ctx)
{
    (void)argc, (void)argv, (void)ctx;
    return cli_fail("search", "not built yet");
}
