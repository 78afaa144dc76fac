#include "cli/cli.h"

#include <string.h>
#include <unistd.h>

#include "screens/app.h"

static const char usage[] =
    "usage: wangge tui --db FILE --user NAME [--keymap FILE] [--lang zh_CN|en]\n"
    "Run the screens on this terminal as user NAME.\n"
    "  --db FILE       the county database\n"
    "  --user NAME     act as this user (their role and scope apply)\n"
    "  --keymap FILE   load this keymap file over the user's keymap (see wangge-keys(5))\n"
    "  --lang LANG     zh_CN or en instead of the user's language\n";

int cmd_tui(int argc, char **argv, const struct cli_ctx *ctx)
{
    struct app_opts o = {0};
    o.db = ctx->db;
    o.session = ctx->session;
    o.remote = ctx->remote;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (i + 1 >= argc) return cli_usage("tui", "%s needs a value", a);
        const char *v = argv[++i];
        if (strcmp(a, "--db") == 0) {
            if (!ctx->db) o.db = v;
        } else if (strcmp(a, "--user") == 0)
            o.user = v;
        else if (strcmp(a, "--keymap") == 0)
            o.keymap_file = v;
        else if (strcmp(a, "--lang") == 0) {
            if (strcmp(v, "zh_CN") != 0 && strcmp(v, "en") != 0)
                return cli_usage("tui", "--lang must be zh_CN or en, not '%s'", v);
            o.lang = v;
        } else
            return cli_usage("tui", "unknown option '%s'", a);
    }
    if (ctx->as_user) o.user = ctx->as_user;
    if (!o.db) return cli_usage("tui", "--db FILE is required");
    if (!o.user) return cli_usage("tui", "--user NAME is required");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return cli_fail("tui", "standard input and output must be a terminal");
    return app_run(&o) == 0 ? CLI_OK : CLI_FAIL;
}
