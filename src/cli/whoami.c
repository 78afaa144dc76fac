/* wangge whoami: who the store takes you for. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_store.h"
#include "store/division.h"
#include "store/user.h"

static const char usage_text[] = "usage: wangge whoami --db FILE --user NAME\n"
                                 "Print the user's name, role and scope. Over SSH, the logged-in\n"
                                 "user (no options needed).\n";

int cmd_whoami(int argc, char **argv, const struct cli_ctx *ctx)
{
    const char *db = NULL, *user = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return CLI_OK;
        }
        const char **slot = !strcmp(argv[i], "--db")     ? &db
                            : !strcmp(argv[i], "--user") ? &user
                                                         : NULL;
        if (!slot) return cli_usage("whoami", "unexpected argument '%s'", argv[i]);
        if (i + 1 >= argc) return cli_usage("whoami", "%s needs a value", argv[i]);
        *slot = argv[++i];
    }
    struct cli_ctx c = ctx ? *ctx : (struct cli_ctx){0};
    if (!c.as_user) {
        if (!user) return cli_usage("whoami", "--user NAME is required");
        c.as_user = user;
    }
    store *s = cli_store_open(&c, db, "whoami", 0);
    if (!s) return db || c.db ? CLI_FAIL : CLI_USAGE;
    wg_err e;
    struct user_rec u;
    struct division_rec d;
    int r = user_get(s, c.as_user, &u, &e);
    if (r == 0) {
        printf("%s (%s)\nrole: %s\n", u.name, u.display_name, role_name(u.role));
        if (division_get(s, u.scope, &d, &e) == 0)
            printf("scope: %s %s\n", u.scope, d.name);
        else
            printf("scope: %s\n", u.scope);
        if (u.department[0]) printf("department: %s\n", u.department);
    }
    store_close(s);
    return r < 0 ? cli_fail("whoami", "%s", e.msg) : CLI_OK;
}
