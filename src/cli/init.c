/* wangge init: create a county's database (empty, with its first
 * administrator) or a demo county; on an existing database, apply pending
 * migrations and touch nothing else. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "demo/demo.h"
#include "domain/division.h"
#include "domain/password.h"
#include "store/bulk.h"
#include "store/store.h"
#include "store/user.h"

#define MAX_HOUSEHOLDS 2000000L

struct init_opts {
    const char *db, *code, *name, *today;
    int demo, password_stdin;
    long households;
    uint64_t seed;
    int seed_set, households_set;
};

static void help(void)
{
    printf(
        "Usage: wangge init --db FILE [--county-code CODE] [--county-name NAME] "
        "[--password-stdin]\n"
        "       wangge init --db FILE --demo [--households N] [--seed S] [--today DATE]\n\n"
        "Creates the county's database: its county division and the first administrator,\n"
        "'admin', whose password is asked on the terminal (twice) or read from standard\n"
        "input with --password-stdin. On an existing database, applies pending schema\n"
        "migrations and changes nothing else.\n\n"
        "  --db FILE           the database file\n"
        "  --county-code CODE  six-digit county code (default %s, fictional)\n"
        "  --county-name NAME  the county's name (default %s)\n"
        "  --password-stdin    read the administrator's password from standard input\n"
        "  --demo              build a fictional demo county (logins use password 'demo')\n"
        "  --households N      demo households, %d to %ld (default %d)\n"
        "  --seed S            demo seed: the same seed builds the same county (default %d)\n"
        "  --today DATE        demo: the year of cases ends on DATE, YYYY-MM-DD (default today)\n",
        DEMO_COUNTY_CODE, DEMO_COUNTY_NAME, 100, MAX_HOUSEHOLDS, DEMO_HOUSEHOLDS, DEMO_SEED);
}

static int parse_number(const char *s, unsigned long long *out)
{
    if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 19) return -1;
    errno = 0;
    *out = strtoull(s, NULL, 10);
    return errno ? -1 : 0;
}

static int parse(int argc, char **argv, struct init_opts *o)
{
    memset(o, 0, sizeof *o);
    o->households = DEMO_HOUSEHOLDS;
    o->seed = DEMO_SEED;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int takes = !strcmp(a, "--db") || !strcmp(a, "--households") || !strcmp(a, "--seed") ||
                    !strcmp(a, "--county-code") || !strcmp(a, "--county-name") ||
                    !strcmp(a, "--today");
        if (takes && i + 1 >= argc) return cli_usage("init", "%s needs a value", a);
        unsigned long long n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return help(), -2;
        else if (!strcmp(a, "--db"))
            o->db = argv[++i];
        else if (!strcmp(a, "--demo"))
            o->demo = 1;
        else if (!strcmp(a, "--password-stdin"))
            o->password_stdin = 1;
        else if (!strcmp(a, "--county-code"))
            o->code = argv[++i];
        else if (!strcmp(a, "--county-name"))
            o->name = argv[++i];
        else if (!strcmp(a, "--today"))
            o->today = argv[++i];
        else if (!strcmp(a, "--households")) {
            if (parse_number(argv[++i], &n) < 0 || n < 100 ||
                n > (unsigned long long)MAX_HOUSEHOLDS)
                return cli_usage("init", "--households: '%s' is not a number from 100 to %ld",
                                 argv[i], MAX_HOUSEHOLDS);
            o->households = (long)n;
            o->households_set = 1;
        } else if (!strcmp(a, "--seed")) {
            if (parse_number(argv[++i], &n) < 0)
                return cli_usage("init", "--seed: '%s' is not a whole number", argv[i]);
            o->seed = n;
            o->seed_set = 1;
        } else
            return cli_usage("init", "unknown option '%s'", a);
    }
    if (!o->db || !*o->db) return cli_usage("init", "--db FILE is required");
    if (!o->demo && (o->households_set || o->seed_set || o->today))
        return cli_usage("init", "--households, --seed and --today go with --demo");
    if (o->demo && o->password_stdin)
        return cli_usage("init", "--password-stdin does not go with --demo (demo logins use "
                                 "the password 'demo')");
    if (o->code && (strlen(o->code) != 6 || division_level(o->code) != DIV_COUNTY))
        return cli_usage("init", "--county-code: '%s' is not a six-digit county code", o->code);
    if (o->name && (!*o->name || strlen(o->name) > 60))
        return cli_usage("init", "--county-name: give a name of 1 to 60 bytes");
    return 0;
}

/* An existing database: migrate it and report; its data stays as it is. */
static int upgrade(const struct init_opts *o)
{
    wg_err e;
    store *s = store_open(o->db, STORE_NO_MIGRATE, &e);
    if (!s) return cli_fail("init", "%s", e.msg);
    int before = store_schema_version(s);
    if (store_migrate(s, 0, &e) < 0) {
        store_close(s);
        return cli_fail("init", "%s: %s", o->db, e.msg);
    }
    int after = store_schema_version(s);
    char code[19];
    int has_county = store_county_code(s, code) == 0;
    store_close(s);
    if (before == after)
        printf("%s: schema version %d is current\n", o->db, after);
    else
        printf("%s: schema upgraded from version %d to %d\n", o->db, before, after);
    if (!has_county) return -1; /* an empty schema: go on and create the county */
    if (o->demo)
        return cli_fail("init",
                        "%s already holds county %s; its data is left alone (use a new "
                        "file for a demo county)",
                        o->db, code);
    printf("%s: already holds county %s; its data is left alone\n", o->db, code);
    return CLI_OK;
}

static void remove_db(const char *path)
{
    static const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
}

static int create_empty(const struct init_opts *o, const char *password, wg_err *e)
{
    store *s = store_open(o->db, STORE_CREATE, e);
    if (!s) return -1;
    const char *code = o->code ? o->code : DEMO_COUNTY_CODE;
    const char *name = o->name ? o->name : DEMO_COUNTY_NAME;
    struct bulk_division d = {code, "county", "county", name, NULL, 0};
    struct user_rec u = {0};
    snprintf(u.name, sizeof u.name, "admin");
    snprintf(u.display_name, sizeof u.display_name, "系统管理员");
    u.role = ROLE_ADMIN;
    snprintf(u.scope, sizeof u.scope, "%s", code);
    char after[160];
    snprintf(after, sizeof after, "{\"county\":\"%s\",\"admin\":\"admin\"}", code);
    int r = -1;
    if (store_act_as_system(s, NULL, e) < 0 || bulk_begin(s, 0, e) < 0) goto out;
    if (bulk_division(s, &d, e) < 0 || store_act_as_system(s, NULL, e) < 0 ||
        user_add(s, &u, password, NULL, e) < 0 ||
        store_audit(s, "init", "division", 0, NULL, after, e) < 0) {
        bulk_abort(s);
        goto out;
    }
    r = bulk_end(s, e);
out:
    store_close(s);
    return r;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void summary(const struct init_opts *o, const struct demo_stats *st, double secs)
{
    const char *code = o->code ? o->code : DEMO_COUNTY_CODE;
    const char *name = o->name ? o->name : DEMO_COUNTY_NAME;
    printf("Demo county %s %s (seed %llu) built in %.1f s\n", code, name,
           (unsigned long long)o->seed, secs);
    printf("  towns and streets       %8d  (%d towns, %d streets)\n", st->towns + st->streets,
           st->towns, st->streets);
    printf("  villages, communities   %8d  (%d villages, %d communities)\n",
           st->villages + st->communities, st->villages, st->communities);
    printf("  grids                   %8d  (%d basic, %d dedicated)\n", st->grids,
           st->grids - st->dedicated, st->dedicated);
    printf("  buildings, groups       %8d  (%d buildings, %d villager groups)\n",
           st->buildings + st->groups, st->buildings, st->groups);
    printf("  households              %8lld\n", (long long)st->households);
    printf("  residents               %8lld  (%lld moved out, %lld deceased, %lld tags)\n",
           (long long)st->residents, (long long)st->moved_out, (long long)st->deceased,
           (long long)st->tagged);
    printf("  places, organisations   %8lld  (%lld places, %lld organisations)\n",
           (long long)(st->places + st->organisations), (long long)st->places,
           (long long)st->organisations);
    printf("  users                   %8lld  (%lld grid staff rows)\n", (long long)st->users,
           (long long)st->staff);
    printf("  cases                   %8lld  (%lld events)\n", (long long)st->cases,
           (long long)st->events);
    printf("  visits and patrols      %8lld\n", (long long)st->visits);
    printf("  time: places and people %.1f s, staff and cases %.1f s, search index %.1f s, "
           "other indexes and commit %.1f s\n",
           st->t_people, st->t_cases, st->t_search, st->t_finish);
    printf("\nDemo logins (password: demo)\n");
    printf("  %-10s %-26s %s %s\n", "admin", "county administrator", code, name);
    printf("  %-10s %-26s %s %s\n", "centre", "governance-centre dispatch", code, name);
    printf("  %-10s %-26s %s\n", "secretary", "village secretary", st->secretary_scope);
    printf("  %-10s %-26s %s\n", "worker", "full-time grid worker", st->worker_scope);
    printf("  %-10s %-26s %s\n", "police", "department handler", st->police_department);
}

int cmd_init(int argc, char **argv, const struct cli_ctx *ctx)
{
    struct init_opts o;
    int r = parse(argc, argv, &o);
    if (r == -2) return CLI_OK;
    if (r != 0) return r;
    if (ctx && ctx->as_user) return cli_fail("init", "runs on the county host only");

    struct stat sb;
    int existed = stat(o.db, &sb) == 0;
    if (existed && sb.st_size > 0) {
        r = upgrade(&o);
        if (r >= 0) return r;
    }
    wg_err e;
    if (!o.demo) {
        char pw[256];
        if (cli_read_password("Password for admin: ", 1, o.password_stdin, pw, sizeof pw) < 0)
            return CLI_FAIL;
        r = create_empty(&o, pw, &e);
        sodium_memzero(pw, sizeof pw);
        if (r < 0) {
            if (!existed) remove_db(o.db);
            return cli_fail("init", "%s: %s", o.db, e.msg);
        }
        printf("%s: county %s %s created; log in as 'admin'\n", o.db,
               o.code ? o.code : DEMO_COUNTY_CODE, o.name ? o.name : DEMO_COUNTY_NAME);
        return CLI_OK;
    }

    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bulk_tune_process();
    store *s = store_open(o.db, STORE_CREATE | STORE_BULK, &e);
    if (!s) return cli_fail("init", "%s", e.msg);
    struct demo_opts d = {o.seed, o.households, o.code, o.name, o.today, !existed};
    struct demo_stats st;
    r = demo_build(s, &d, &st, &e);
    store_close(s);
    if (r < 0) {
        if (!existed) remove_db(o.db);
        return cli_fail("init", "%s: %s", o.db, e.msg);
    }
    summary(&o, &st, seconds_since(&t0));
    return CLI_OK;
}
