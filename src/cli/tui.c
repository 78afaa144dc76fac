#include "cli/cli.h"

int cmd_tui(int argc, char **argv, const struct cli_ctx *ctx)
{
    (void)argc, (void)argv, (void)ctx;
    return cli_fail("tui", "not built yet");
}
