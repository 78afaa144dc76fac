/* Opening the database for a subcommand, as the right actor. */
#ifndef WANGGE_CLI_CLI_STORE_H
#define WANGGE_CLI_CLI_STORE_H

#include "cli/cli.h"
#include "store/store.h"

/* Open ctx->db when set (over SSH), else db_opt (the --db option; NULL gives
 * "--db FILE is required"). Acts as ctx->as_user when set, else as the system
 * (a local operator on the county host). With need_admin, refuses anyone who is
 * not a county administrator ("only a county administrator may CMD").
 * On failure prints "wangge: CMD: why" and returns NULL. */
store *cli_store_open(const struct cli_ctx *ctx, const char *db_opt, const char *cmd,
                      int need_admin);

#endif
