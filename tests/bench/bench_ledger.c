/* bench_ledger: the ledger's everyday reads on a county-sized database.
 *
 *   bench_ledger --db FILE [--rounds N]
 *
 * As the county administrator: the county's counts (households, residents,
 * pending and overdue cases) and its towns' (the home screen); pages of the
 * biggest grid's households in house-number order (first, middle, last);
 * the residence history of households. Prints p50/p95/max in ms and the
 * query plans of the counts. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/division.h"
#include "store/household.h"
#include "store/resident.h"
#include "store/store.h"
#include "store/store_internal.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("  %-44s p50 %7.2f  p95 %7.2f  max %7.2f ms\n", what, t[n / 2], t[n * 95 / 100],
           t[n - 1]);
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_ledger: %s: %s\n", what, msg);
    exit(1);
}

static void plan(store *s, const char *title, const char *sql)
{
    sqlite3_stmt *st;
    char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    printf("  plan of %s:\n", title);
    if (sqlite3_prepare_v2(store_sqlite(s), q, -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            printf("    %s\n", (const char *)sqlite3_column_text(st, 3));
        sqlite3_finalize(st);
    }
    sqlite3_free(q);
}

int main(int argc, char **argv)
{
    const char *db = NULL;
    int rounds = 50;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db = argv[++i];
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else
            return fprintf(stderr, "usage: bench_ledger --db FILE [--rounds N]\n"), 2;
    }
    if (!db || rounds < 1) return fprintf(stderr, "usage: bench_ledger --db FILE\n"), 2;
    wg_err e = {{0}};
    store *s = store_open(db, 0, &e);
    if (!s) die("open", e.msg);
    if (store_act_as_system(s, "bench", &e) < 0) die("actor", e.msg);
    double *t = calloc((size_t)rounds, sizeof *t);
    struct division_rec county, towns[64];

    for (int i = 0; i < rounds; i++) {
        double t0 = now_ms();
        if (division_get(s, store_actor(s)->scope, &county, &e) < 0) die("county", e.msg);
        t[i] = now_ms() - t0;
    }
    printf("  county: %lld households, %lld residents, %lld pending, %lld overdue cases\n",
           (long long)county.households, (long long)county.residents,
           (long long)county.pending_cases, (long long)county.overdue_cases);
    report("county counts (division_get)", t, rounds);
    int ntowns = 0;
    for (int i = 0; i < rounds; i++) {
        double t0 = now_ms();
        ntowns = division_children(s, county.code, 0, 0, 64, towns, &e);
        if (ntowns < 0) die("towns", e.msg);
        t[i] = now_ms() - t0;
    }
    report("towns with counts (home screen)", t, rounds);

    /* the biggest grid */
    char grid[19] = "";
    int64_t size = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_sqlite(s),
                           "SELECT substr(division_code, 1, 15) g, count(*) n FROM household "
                           "GROUP BY g ORDER BY n DESC LIMIT 1",
                           -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            snprintf(grid, sizeof grid, "%s", (const char *)sqlite3_column_text(st, 0));
            size = sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
    }
    if (!grid[0]) die("grid", "no households");
    printf("  biggest grid %s: %lld households\n", grid, (long long)size);
    struct household_rec *page = calloc(50, sizeof *page);
    const int64_t offsets[3] = {0, size / 2, size > 50 ? size - 50 : 0};
    const char *names[3] = {"first page of 50, house-number order", "middle page of 50",
                            "last page of 50"};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < rounds; i++) {
            double t0 = now_ms();
            if (household_list(s, grid, 0, offsets[k], 50, page, &e) < 0) die("list", e.msg);
            t[i] = now_ms() - t0;
        }
        report(names[k], t, rounds);
    }
    printf("  first addresses: %s, %s, %s\n", page[0].address, page[1].address, page[2].address);

    struct residence_event *ev = calloc(200, sizeof *ev);
    int64_t hid = page[0].id;
    for (int i = 0; i < rounds; i++) {
        double t0 = now_ms();
        if (household_history(s, hid + i, ev, 200, &e) < 0) die("history", e.msg);
        t[i] = now_ms() - t0;
    }
    report("household history", t, rounds);

    plan(s, "the overdue count of the county",
         "SELECT count(*) FROM \"case\" c WHERE c.division_code >= '6' AND c.division_code < '7' "
         "AND c.state NOT IN ('closed', 'handled_on_spot', 'merged') "
         "AND c.deadline < strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    plan(s, "the pending count of the county",
         "SELECT count(*) FROM \"case\" c WHERE c.division_code >= '6' AND c.division_code < '7' "
         "AND c.state NOT IN ('closed', 'handled_on_spot', 'merged')");
    free(ev);
    free(page);
    free(t);
    store_close(s);
    return 0;
}
