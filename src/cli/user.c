#include "cli/cli.h"

int cmd_user(int argc, char **argv, const struct cli_ctx *ctx)
{
    (void)argc, (void)argv, (void)ctx;
    return cli_fail("user", "not built yet");
}
