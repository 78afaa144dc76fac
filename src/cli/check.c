/* wangge check: integrity, the domain's invariants, the audit chain. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_store.h"
#include "store/verify.h"

static const char usage_text[] =
    "usage: wangge check --db FILE [--summary] [--verbose]\n"
    "Check the database: SQLite's integrity and foreign keys, that division codes\n"
    "nest, that households live in grids or buildings, that every resident's\n"
    "household exists, that grid staff serve on grids, that users' scopes exist,\n"
    "and that the audit trail's hash chain is intact. Each failed check is printed\n"
    "with its count and up to 5 examples; the exit status is 1 if any failed.\n"
    "  --summary  also print what the database holds\n"
    "  --verbose  also list the checks that passed\n";

struct state {
    int verbose;
};

static void report(const struct verify_result *r, void *arg)
{
    const struct state *st = arg;
    if (!r->failures) {
        if (st->verbose) printf("ok      %s\n", r->name);
        return;
    }
    printf("FAILED  %s: %lld\n", r->name, (long long)r->failures);
    for (int i = 0; i < r->nexamples; i++) printf("          %s\n", r->examples[i]);
}

static void summary(store *s)
{
    struct verify_count c[96];
    wg_err e;
    int n = verify_summary(s, c, 96, &e);
    if (n < 0) {
        cli_fail("check", "%s", e.msg);
        return;
    }
    static const char *const groups[] = {"divisions", "households", "residents",
                                         "users",     "cases",      "audit"};
    static const char *const levels[] = {"county", "town", "village", "grid", "building"};
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
        int64_t total = 0;
        char line[512] = "";
        size_t len = 0;
        /* divisions in hierarchy order, the rest as they come */
        for (size_t pass = 0; pass < (g == 0 ? 5 : 1); pass++)
            for (int i = 0; i < n; i++) {
                if (strcmp(c[i].group, groups[g])) continue;
                if (g == 0 && strcmp(c[i].key, levels[pass])) continue;
                total += c[i].n;
                if (c[i].key[0] && len < sizeof line)
                    len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %lld",
                                            len ? ", " : "", c[i].key, (long long)c[i].n);
            }
        printf("%-11s %9lld", groups[g], (long long)total);
        if (line[0]) printf("   %s", line);
        putchar('\n');
    }
}

int cmd_check(int argc, char **argv, const struct cli_ctx *ctx)
{
    const char *db = NULL;
    struct state st = {0};
    int want_summary = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return CLI_OK;
        } else if (!strcmp(argv[i], "--summary")) {
            want_summary = 1;
        } else if (!strcmp(argv[i], "--verbose")) {
            st.verbose = 1;
        } else if (!strcmp(argv[i], "--db")) {
            if (i + 1 >= argc) return cli_usage("check", "--db needs a value");
            db = argv[++i];
        } else if (!strncmp(argv[i], "--db=", 5)) {
            db = argv[i] + 5;
        } else {
            return cli_usage("check", "unexpected argument '%s'", argv[i]);
        }
    }
    store *s = cli_store_open(ctx, db, "check", 1);
    if (!s) return db || (ctx && ctx->db) ? CLI_FAIL : CLI_USAGE;
    wg_err e;
    if (want_summary) summary(s);
    int failed = verify_run(s, report, &st, &e);
    store_close(s);
    if (failed < 0) return cli_fail("check", "%s", e.msg);
    if (failed) {
        printf("%d check%s failed\n", failed, failed == 1 ? "" : "s");
        return CLI_FAIL;
    }
    printf("all checks passed\n");
    return CLI_OK;
}
