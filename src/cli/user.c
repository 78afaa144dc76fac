/* wangge user: accounts, roles, scopes and SSH keys. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/cli_store.h"
#include "store/department.h"
#include "store/user.h"
#include "util/utf8.h"

static const char usage_text[] =
    "usage: wangge user add NAME --db FILE --role ROLE --scope CODE [--display-name N]\n"
    "                           [--department CODE] [--phone P] [--encoding E]\n"
    "                           [--password-stdin | --no-password]\n"
    "       wangge user passwd NAME --db FILE [--password-stdin]\n"
    "       wangge user key NAME --db FILE       (authorized_keys lines on stdin)\n"
    "       wangge user lock NAME --db FILE\n"
    "       wangge user unlock NAME --db FILE    (also clears failed attempts)\n"
    "       wangge user list --db FILE\n"
    "       wangge user set NAME --db FILE [--encoding E] [--language L]\n"
    "\n"
    "ROLE is one of: admin centre town secretary leader worker handler (a handler\n"
    "needs --department). CODE is the division the user may see: the county, a\n"
    "town, a village or a grid. Passwords are asked on the terminal, or read as one\n"
    "line from standard input with --password-stdin; never on the command line.\n"
    "E is the user's terminal encoding, UTF-8 (the default) or GB18030 (Xshell or\n"
    "PuTTY on a Chinese Windows machine); it applies from the next login. L is\n"
    "the language of the screens, zh_CN or en.\n"
    "Over SSH the database is the server's and --db is not needed.\n";

struct opts {
    const char *db, *role, *scope, *display_name, *department, *phone, *encoding, *language;
    int password_stdin, no_password;
    const char *sub, *name;
};

/* Parse options into o; returns 0, 1 for --help, or CLI_USAGE after printing. */
static int parse(int argc, char **argv, struct opts *o)
{
    static const struct {
        const char *flag;
        size_t off;
    } valued[] = {
        {"--db", offsetof(struct opts, db)},
        {"--role", offsetof(struct opts, role)},
        {"--scope", offsetof(struct opts, scope)},
        {"--display-name", offsetof(struct opts, display_name)},
        {"--department", offsetof(struct opts, department)},
        {"--phone", offsetof(struct opts, phone)},
        {"--encoding", offsetof(struct opts, encoding)},
        {"--language", offsetof(struct opts, language)},
    };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return 1;
        if (!strcmp(a, "--password-stdin")) {
            o->password_stdin = 1;
            continue;
        }
        if (!strcmp(a, "--no-password")) {
            o->no_password = 1;
            continue;
        }
        if (a[0] == '-' && a[1] == '-') {
            size_t k, n = sizeof valued / sizeof *valued;
            const char *eq = strchr(a, '=');
            size_t flen = eq ? (size_t)(eq - a) : strlen(a);
            for (k = 0; k < n; k++)
                if (strlen(valued[k].flag) == flen && !strncmp(valued[k].flag, a, flen)) break;
            if (k == n) return cli_usage("user", "unknown option '%s'", a);
            const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) return cli_usage("user", "%s needs a value", valued[k].flag);
            *(const char **)((char *)o + valued[k].off) = v;
            continue;
        }
        if (!o->sub)
            o->sub = a;
        else if (!o->name)
            o->name = a;
        else
            return cli_usage("user", "unexpected argument '%s'", a);
    }
    return 0;
}

static int text_width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        i += k < 0 ? 1 : (size_t)k;
        w += (cp >= 0x1100 &&
              (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
               (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
               (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000))
                 ? 2
                 : 1;
    }
    return w;
}

/* Print s padded with spaces to width columns (display width, not bytes). */
static void cell(const char *s, int width)
{
    fputs(s, stdout);
    for (int w = text_width(s); w < width; w++) putchar(' ');
}

/* "utf8", "gbk" and friends as people write them, to the two stored names;
 * NULL if it is neither. GBK and GB2312 terminals read GB18030 (a superset)
 * except for characters they lack. */
static const char *canonical_encoding(const char *in, char out[16])
{
    static const char *const utf8[] = {"UTF-8", "UTF8", NULL};
    static const char *const gb[] = {"GB18030", "GBK", "GB2312", "CP936", NULL};
    for (int i = 0; utf8[i]; i++)
        if (!strcasecmp(in, utf8[i])) return strcpy(out, "UTF-8");
    for (int i = 0; gb[i]; i++)
        if (!strcasecmp(in, gb[i])) return strcpy(out, "GB18030");
    return NULL;
}

static int do_add(store *s, const struct opts *o)
{
    if (!o->role) return cli_usage("user add", "--role ROLE is required");
    if (!o->scope) return cli_usage("user add", "--scope CODE is required");
    int role = role_parse(o->role);
    if (role < 0)
        return cli_usage("user add",
                         "unknown role '%s' (admin, centre, town, secretary, leader, worker, "
                         "handler)",
                         o->role);
    if (o->password_stdin && o->no_password)
        return cli_usage("user add", "--password-stdin and --no-password exclude each other");
    struct user_rec u;
    memset(&u, 0, sizeof u);
    wg_err e;
    if (strlen(o->name) >= sizeof u.name) return cli_fail("user add", "the name is too long");
    snprintf(u.name, sizeof u.name, "%s", o->name);
    snprintf(u.display_name, sizeof u.display_name, "%s", o->display_name ? o->display_name : "");
    u.role = (enum role)role;
    snprintf(u.scope, sizeof u.scope, "%s", o->scope);
    snprintf(u.phone, sizeof u.phone, "%s", o->phone ? o->phone : "");
    if (o->encoding && !canonical_encoding(o->encoding, u.encoding))
        return cli_usage("user add", "unknown encoding '%s' (UTF-8 or GB18030)", o->encoding);
    if (o->language) snprintf(u.language, sizeof u.language, "%s", o->language);
    if (o->department) {
        struct department_rec d;
        if (department_find(s, o->department, &d, &e) < 0) return cli_fail("user add", "%s", e.msg);
        u.department_id = d.id;
    }
    char pw[256] = "";
    if (!o->no_password && cli_read_password("Password: ", 1, o->password_stdin, pw, sizeof pw) < 0)
        return CLI_FAIL;
    int r = user_add(s, &u, o->no_password ? NULL : pw, NULL, &e);
    sodium_memzero(pw, sizeof pw);
    if (r < 0) return cli_fail("user add", "%s", e.msg);
    printf("added user %s (%s, scope %s)\n", u.name, role_name(u.role), u.scope);
    return CLI_OK;
}

static int do_passwd(store *s, const struct opts *o)
{
    char pw[256];
    wg_err e;
    struct user_rec u;
    if (user_get(s, o->name, &u, &e) < 0) return cli_fail("user passwd", "%s", e.msg);
    if (cli_read_password("New password: ", 1, o->password_stdin, pw, sizeof pw) < 0)
        return CLI_FAIL;
    int r = user_set_password(s, o->name, pw, &e);
    sodium_memzero(pw, sizeof pw);
    if (r < 0) return cli_fail("user passwd", "%s", e.msg);
    printf("password of %s changed\n", o->name);
    return CLI_OK;
}

static int do_key(store *s, const struct opts *o)
{
    wg_err e;
    struct user_rec u;
    if (user_get(s, o->name, &u, &e) < 0) return cli_fail("user key", "%s", e.msg);
    char line[16384];
    int lineno = 0, added = 0, failed = 0;
    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            fprintf(stderr, "stdin:%d: line too long\n", lineno);
            failed++;
            int c;
            while ((c = getchar()) != EOF && c != '\n') {
            }
            continue;
        }
        const char *p = line + strspn(line, " \t\r\n");
        if (!*p || *p == '#') continue;
        if (user_key_add(s, o->name, line, &e) < 0) {
            fprintf(stderr, "stdin:%d: %s\n", lineno, e.msg);
            failed++;
            continue;
        }
        char keys[64][256];
        int k = user_key_list(s, o->name, keys, 64, &e);
        if (k > 0 && k <= 64) printf("added %s\n", keys[k - 1]);
        added++;
    }
    if (!added && !failed) return cli_fail("user key", "no key lines on standard input");
    printf("%d key%s added for %s", added, added == 1 ? "" : "s", o->name);
    if (failed) printf(", %d line%s refused", failed, failed == 1 ? "" : "s");
    putchar('\n');
    return failed ? CLI_FAIL : CLI_OK;
}

static int do_set(store *s, const struct opts *o)
{
    char enc[16];
    if (!o->encoding && !o->language)
        return cli_usage("user set", "say what to set: --encoding E, --language L");
    if (o->encoding && !canonical_encoding(o->encoding, enc))
        return cli_usage("user set", "unknown encoding '%s' (UTF-8 or GB18030)", o->encoding);
    wg_err e;
    if (user_set_prefs(s, o->name, NULL, o->language, o->encoding ? enc : NULL, &e) < 0)
        return cli_fail("user set", "%s", e.msg);
    printf("%s:", o->name);
    if (o->encoding) printf(" encoding %s", enc);
    if (o->language) printf(" language %s", o->language);
    printf("%s\n", o->encoding ? " (from the next login)" : "");
    return CLI_OK;
}

static int do_lock(store *s, const struct opts *o, int locked)
{
    wg_err e;
    if (user_set_locked(s, o->name, locked, &e) < 0)
        return cli_fail(locked ? "user lock" : "user unlock", "%s", e.msg);
    printf("%s %s\n", o->name, locked ? "locked" : "unlocked");
    return CLI_OK;
}

static int do_list(store *s)
{
    wg_err e;
    int cap = 256, n;
    struct user_rec *us = NULL;
    for (;;) {
        us = realloc(us, (size_t)cap * sizeof *us);
        if (!us) return cli_fail("user list", "out of memory");
        n = user_list(s, us, cap, &e);
        if (n < 0) {
            free(us);
            return cli_fail("user list", "%s", e.msg);
        }
        if (n < cap) break;
        cap *= 2;
    }
    static const char *const head[] = {"NAME",       "DISPLAY NAME", "ROLE", "SCOPE",
                                       "DEPARTMENT", "LOCKED",       "KEYS"};
    int w[7];
    for (int c = 0; c < 7; c++) w[c] = text_width(head[c]);
    char(*keys)[256] = NULL;
    int *nkeys = calloc((size_t)n + 1, sizeof *nkeys);
    for (int i = 0; i < n; i++) {
        nkeys[i] = user_key_list(s, us[i].name, keys, 0, &e);
        const char *cols[] = {us[i].name, us[i].display_name, role_name(us[i].role), us[i].scope,
                              us[i].department};
        for (int c = 0; c < 5; c++)
            if (text_width(cols[c]) > w[c]) w[c] = text_width(cols[c]);
    }
    for (int c = 0; c < 7; c++) {
        cell(head[c], c < 6 ? w[c] + 2 : 0);
    }
    putchar('\n');
    for (int i = 0; i < n; i++) {
        const char *lock = us[i].locked ? "yes" : us[i].locked_until[0] ? "until" : "no";
        cell(us[i].name, w[0] + 2);
        cell(us[i].display_name, w[1] + 2);
        cell(role_name(us[i].role), w[2] + 2);
        cell(us[i].scope, w[3] + 2);
        cell(us[i].department[0] ? us[i].department : "-", w[4] + 2);
        cell(lock, w[5] + 2);
        printf("%d\n", nkeys[i] < 0 ? 0 : nkeys[i]);
    }
    free(nkeys);
    free(us);
    return CLI_OK;
}

int cmd_user(int argc, char **argv, const struct cli_ctx *ctx)
{
    struct opts o = {0};
    int p = parse(argc, argv, &o);
    if (p == 1) {
        fputs(usage_text, stdout);
        return CLI_OK;
    }
    if (p) return p;
    if (!o.sub)
        return cli_usage("user", "say what to do: add, passwd, key, lock, unlock, list, set");
    static const char *const subs[] = {"add",    "passwd", "key", "lock",
                                       "unlock", "list",   "set", NULL};
    int k = 0;
    while (subs[k] && strcmp(subs[k], o.sub)) k++;
    if (!subs[k]) return cli_usage("user", "unknown subcommand '%s'", o.sub);
    int is_list = k == 5;
    if (!is_list && !o.name) return cli_usage("user", "%s needs a user NAME", o.sub);
    if (is_list && o.name) return cli_usage("user", "list takes no NAME");
    /* passwd and set of oneself and list are open to everyone (the store
     * refuses others' accounts); the rest to administrators */
    int need_admin = !(is_list || k == 1 || k == 6);
    char what[32];
    snprintf(what, sizeof what, "user %s", o.sub);
    store *s = cli_store_open(ctx, o.db, what, need_admin);
    if (!s) return o.db || (ctx && ctx->db) ? CLI_FAIL : CLI_USAGE;
    int r;
    switch (k) {
    case 0:
        r = do_add(s, &o);
        break;
    case 1:
        r = do_passwd(s, &o);
        break;
    case 2:
        r = do_key(s, &o);
        break;
    case 3:
        r = do_lock(s, &o, 1);
        break;
    case 4:
        r = do_lock(s, &o, 0);
        break;
    case 6:
        r = do_set(s, &o);
        break;
    default:
        r = do_list(s);
        break;
    }
    store_close(s);
    return r;
}
