/* wangge search: the search screen's engine on the command line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/search.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/utf8.h"

static const char usage[] =
    "usage: wangge search --db FILE --user NAME [--limit N] [--tsv] QUERY...\n"
    "Search the residents NAME may see, as the search screen does. QUERY is a\n"
    "name or part of it (张三, 三丰), pinyin or its initials (zhangsan, zs), the\n"
    "last 4-6 characters of an ID number or the last 4 digits of a phone, a whole\n"
    "ID or phone number, or part of an address (幸福路18号).\n"
    "  --limit N  at most N results (1-200, default 20)\n"
    "  --tsv      tab-separated, with the resident id, why it matched and the score\n"
    "Over SSH the logged-in user searches; --user is then not needed.\n";

/* Columns a terminal gives a code point: the East Asian wide and full-width
 * ranges take two. Fixed here rather than from the locale, so the output is
 * the same under LANG=C as under zh_CN.UTF-8. */
static int cp_width(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static int text_width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k < 0) k = 1;
        i += (size_t)k;
        w += cp_width(cp);
    }
    return w;
}

static void pad(strbuf *b, const char *s, int width)
{
    const char *t = s && *s ? s : "-";
    strbuf_adds(b, t);
    for (int w = text_width(t); w < width; w++) strbuf_addc(b, ' ');
}

static const char *sex_text(char sex)
{
    return sex == 'M' ? "男" : sex == 'F' ? "女" : "?";
}

static void print_aligned(const struct search_hit *h, int n)
{
    enum { C_NAME, C_SEX, C_BIRTH, C_ID, C_PHONE, C_GRID, C_ADDR, C_STATUS, NCOL };
    int w[NCOL] = {0};
    const char *cell[NCOL];
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            cell[C_NAME] = h[i].name;
            cell[C_SEX] = sex_text(h[i].sex);
            cell[C_BIRTH] = h[i].birth;
            cell[C_ID] = h[i].id_masked;
            cell[C_PHONE] = h[i].phone_masked;
            cell[C_GRID] = h[i].grid_name[0] ? h[i].grid_name : h[i].grid_code;
            cell[C_ADDR] = h[i].address;
            cell[C_STATUS] = h[i].status;
            if (pass == 0) {
                for (int c = 0; c < NCOL; c++) {
                    int cw = text_width(cell[c] && *cell[c] ? cell[c] : "-");
                    if (cw > w[c]) w[c] = cw;
                }
                continue;
            }
            strbuf b;
            strbuf_init(&b);
            for (int c = 0; c < NCOL; c++) {
                if (c) strbuf_adds(&b, "  ");
                pad(&b, cell[c], c == NCOL - 1 ? 0 : w[c]);
            }
            puts(b.s);
            strbuf_free(&b);
        }
    }
}

static void print_tsv(const struct search_hit *h, int n)
{
    for (int i = 0; i < n; i++)
        printf("%lld\t%s\t%c\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n",
               (long long)h[i].resident_id, h[i].name, h[i].sex, h[i].birth, h[i].id_masked,
               h[i].phone_masked, h[i].grid_code, h[i].grid_name, h[i].address, h[i].status,
               search_why_text(h[i].why), h[i].matched, h[i].score);
}

int cmd_search(int argc, char **argv, const struct cli_ctx *ctx)
{
    const char *db = NULL, *user = NULL;
    int limit = 20, tsv = 0;
    strbuf q;
    strbuf_init(&q);
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            goto out;
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--user") == 0 ||
                   strcmp(a, "--limit") == 0) {
            if (i + 1 >= argc) {
                rc = cli_usage("search", "%s needs a value", a);
                goto out;
            }
            const char *v = argv[++i];
            if (a[2] == 'd')
                db = v;
            else if (a[2] == 'u')
                user = v;
            else {
                char *end;
                long l = strtol(v, &end, 10);
                if (*end || l < 1 || l > SEARCH_MAX_HITS) {
                    rc = cli_usage("search", "--limit must be a number from 1 to %d, not '%s'",
                                   SEARCH_MAX_HITS, v);
                    goto out;
                }
                limit = (int)l;
            }
        } else if (strcmp(a, "--tsv") == 0) {
            tsv = 1;
        } else if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++) {
                if (q.len) strbuf_addc(&q, ' ');
                strbuf_adds(&q, argv[i]);
            }
        } else if (a[0] == '-' && a[1] == '-') {
            rc = cli_usage("search", "unknown option '%s'", a);
            goto out;
        } else {
            if (q.len) strbuf_addc(&q, ' ');
            strbuf_adds(&q, a);
        }
    }
    if (ctx && ctx->db) db = ctx->db;
    if (ctx && ctx->as_user) {
        if (user && strcmp(user, ctx->as_user) != 0) {
            rc = cli_fail("search", "over SSH you search as yourself (%s), not as '%s'",
                          ctx->as_user, user);
            goto out;
        }
        user = ctx->as_user;
    }
    if (!db) {
        rc = cli_usage("search", "--db FILE is required");
        goto out;
    }
    if (!user) {
        rc = cli_usage("search", "--user NAME is required: results are what that user may see");
        goto out;
    }
    if (!q.len) {
        rc = cli_usage("search", "what to search for? e.g. wangge search --db %s --user %s 张三",
                       db, user);
        goto out;
    }

    wg_err e = {{0}};
    store *s = store_open(db, 0, &e);
    if (!s) {
        rc = cli_fail("search", "%s", e.msg);
        goto out;
    }
    if (store_act_as_user(s, user, ctx ? ctx->session : NULL, ctx ? ctx->remote : NULL, &e) < 0) {
        rc = cli_fail("search", "%s", e.msg);
        store_close(s);
        goto out;
    }
    struct search_hit *hits = calloc((size_t)limit, sizeof *hits);
    int n = hits ? search_residents(s, q.s, limit, hits, &e) : SEARCH_FAILED;
    if (!hits) snprintf(e.msg, sizeof e.msg, "out of memory");
    /* Exit 1 either way (2 is for a command line that is wrong, and a
     * query the engine refuses is answered with how to fix it), but a
     * database failure says so rather than reading like a bad query. */
    if (n == SEARCH_REFUSED) {
        rc = cli_fail("search", "%s", e.msg);
    } else if (n < 0) {
        rc = cli_fail("search", "the search failed: %s", e.msg);
    } else if (n == 0) {
        if (!tsv) fprintf(stderr, "wangge: search: no resident you may see matches '%s'\n", q.s);
    } else if (tsv) {
        print_tsv(hits, n);
    } else {
        print_aligned(hits, n);
    }
    free(hits);
    store_close(s);
out:
    strbuf_free(&q);
    return rc;
}
