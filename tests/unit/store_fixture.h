/* A small county for the store tests, built through the store's own API as
 * the system actor, in a fresh temporary database:
 *
 *   370923 东平县 / 370923001 城关镇 / 370923001001 幸福社区
 *     grid 370923001001001 (building ...001001) and grid 370923001001002
 *   users: admin (county), worker (grid 1), worker2 (grid 2), no passwords
 *   household hh1 in grid 1's building with resident r1 (head, 张三),
 *   household hh2 in grid 2 with resident r2 (head, 李四).
 *
 * Header-only: every test binary includes it once. */
#ifndef WANGGE_TEST_STORE_FIXTURE_H
#define WANGGE_TEST_STORE_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "domain/idnum.h"
#include "store/division.h"
#include "store/household.h"
#include "store/resident.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store/user.h"

#define COUNTY    "370923"
#define TOWN      "370923001"
#define VILLAGE   "370923001001"
#define GRID1     "370923001001001"
#define GRID2     "370923001001002"
#define BUILDING1 "370923001001001001"

struct fx {
    char path[256];
    store *s;
    int64_t hh1, hh2, r1, r2;
};

/* A valid ID number for birth YYYYMMDD and a 3-digit sequence. */
static inline void fx_idnum(const char *birth8, int seq, char out[19])
{
    char first[18];
    snprintf(first, sizeof first, "370923%s%03d", birth8, seq);
    snprintf(out, 19, "%s%c", first, idnum_check_char(first));
}

/* Rows in a table, read directly (tests may look behind the store). */
static inline int64_t fx_count(store *s, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
    sqlite3_stmt *st;
    int64_t n = -1;
    if (sqlite3_prepare_v2(store_sqlite(s), sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return n;
}

static inline void fx_ok(int r, const wg_err *e)
{
    if (r < 0) fail_msg("%s", e->msg);
}

static inline void fx_user(store *s, const char *name, enum role role, const char *scope)
{
    struct user_rec u;
    wg_err e;
    memset(&u, 0, sizeof u);
    snprintf(u.name, sizeof u.name, "%s", name);
    u.role = role;
    snprintf(u.scope, sizeof u.scope, "%s", scope);
    fx_ok(user_add(s, &u, NULL, NULL, &e), &e);
}

static inline int64_t fx_household(store *s, const char *div, const char *addr)
{
    struct household_rec h;
    memset(&h, 0, sizeof h);
    snprintf(h.division_code, sizeof h.division_code, "%s", div);
    snprintf(h.address, sizeof h.address, "%s", addr);
    wg_err e;
    int64_t id = household_add(s, &h, NULL, &e);
    fx_ok((int)(id < 0 ? -1 : 0), &e);
    return id;
}

static inline int64_t fx_resident(store *s, int64_t hh, const char *name, const char *id,
                                  const char *relation)
{
    struct resident_rec r;
    memset(&r, 0, sizeof r);
    r.household_id = hh;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.id_number, sizeof r.id_number, "%s", id);
    snprintf(r.relation, sizeof r.relation, "%s", relation);
    wg_err e;
    const char *field = NULL;
    int64_t rid = resident_add(s, &r, &field, &e);
    if (rid < 0) fail_msg("%s (%s)", e.msg, field ? field : "-");
    return rid;
}

static inline struct fx *fx_open(void)
{
    struct fx *f = calloc(1, sizeof *f);
    const char *tmp = getenv("TMPDIR_BASE");
    if (!tmp) tmp = getenv("TMPDIR");
    if (!tmp) tmp = "/tmp";
    snprintf(f->path, sizeof f->path, "%s/wangge-unit-XXXXXX", tmp);
    int fd = mkstemp(f->path);
    assert_true(fd >= 0);
    close(fd);
    unlink(f->path); /* let SQLite create it */
    wg_err e;
    f->s = store_open(f->path, STORE_CREATE, &e);
    if (!f->s) fail_msg("%s", e.msg);
    fx_ok(store_act_as_system(f->s, "test", &e), &e);
    fx_ok(division_add(f->s, COUNTY, "county", 0, "东平县", NULL, &e), &e);
    fx_ok(division_add(f->s, TOWN, "town", 0, "城关镇", NULL, &e), &e);
    fx_ok(division_add(f->s, VILLAGE, "community", 1, "幸福社区", NULL, &e), &e);
    fx_ok(division_add(f->s, GRID1, "basic", 1, "第一网格", NULL, &e), &e);
    fx_ok(division_add(f->s, GRID2, "basic", 1, "第二网格", NULL, &e), &e);
    fx_ok(division_add(f->s, BUILDING1, "building", 1, "1号楼", NULL, &e), &e);
    fx_user(f->s, "admin", ROLE_ADMIN, COUNTY);
    fx_user(f->s, "worker", ROLE_WORKER, GRID1);
    fx_user(f->s, "worker2", ROLE_WORKER, GRID2);
    char id1[19], id2[19];
    fx_idnum("19800101", 11, id1);
    fx_idnum("19751231", 23, id2);
    f->hh1 = fx_household(f->s, BUILDING1, "幸福路1号1单元101");
    f->hh2 = fx_household(f->s, GRID2, "幸福路2号");
    f->r1 = fx_resident(f->s, f->hh1, "张三", id1, "head");
    f->r2 = fx_resident(f->s, f->hh2, "李四", id2, "head");
    return f;
}

static inline void fx_as(struct fx *f, const char *user)
{
    wg_err e;
    fx_ok(store_act_as_user(f->s, user, "sess", "127.0.0.1", &e), &e);
}

static inline void fx_close(struct fx *f)
{
    store_close(f->s);
    char p[300];
    unlink(f->path);
    snprintf(p, sizeof p, "%s-wal", f->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", f->path);
    unlink(p);
    free(f);
}

#endif
