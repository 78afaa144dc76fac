#include "cli/cli_store.h"

#include <unistd.h>

store *cli_store_open(const struct cli_ctx *ctx, const char *db_opt, const char *cmd,
                      int need_admin)
{
    const char *path = ctx && ctx->db ? ctx->db : db_opt;
    if (!path || !*path) {
        cli_usage(cmd, "--db FILE is required");
        return NULL;
    }
    if (access(path, F_OK) != 0) {
        cli_fail(cmd, "%s: no such database (create it with 'wangge init --db %s')", path, path);
        return NULL;
    }
    wg_err e;
    store *s = store_open(path, 0, &e);
    if (!s) {
        cli_fail(cmd, "%s", e.msg);
        return NULL;
    }
    const char *remote = ctx && ctx->remote ? ctx->remote : "local";
    int r = ctx && ctx->as_user ? store_act_as_user(s, ctx->as_user, ctx->session, remote, &e)
                                : store_act_as_system(s, remote, &e);
    if (r < 0) {
        cli_fail(cmd, "%s", e.msg);
        store_close(s);
        return NULL;
    }
    if (need_admin && !role_may_administer(store_actor(s)->role)) {
        cli_fail(cmd, "only a county administrator may run '%s'", cmd);
        store_close(s);
        return NULL;
    }
    return s;
}
