#include "cli/cli.h"

int cmd_whoami(int argc, char **argv, const struct cli_ctx *ctx)
{
    (void)argc, (void)argv, (void)ctx;
    return cli_fail("whoami", "not built yet");
}
