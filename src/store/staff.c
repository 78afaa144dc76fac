#include "store/staff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/phone.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define STAFF_COLS                                                                                 \
    "g.id, g.grid_code, coalesce(g.user_id, 0), coalesce(u.name, ''), g.name, "                    \
    "coalesce(g.phone, ''), g.duty, g.since, coalesce(g.until, '') "
#define STAFF_SNAP                                                                                 \
    "SELECT json_object('grid_code', grid_code, 'user_id', user_id, 'name', name, 'phone', "       \
    "phone, 'duty', duty, 'since', since, 'until', until) FROM grid_staff WHERE id = ?1"

static const struct change_table staff_tbl = {"grid_staff", STAFF_SNAP, NULL};

#define DUTY_ORDER                                                                                 \
    "CASE g.duty WHEN 'leader' THEN 0 WHEN 'instructor' THEN 1 WHEN 'fulltime' THEN 2 "            \
    "WHEN 'parttime' THEN 3 WHEN 'police' THEN 4 WHEN 'mediator' THEN 5 WHEN 'lawyer' THEN 6 "     \
    "ELSE 7 END"

static const char *const duties[] = {"leader",   "instructor", "fulltime",     "parttime", "police",
                                     "mediator", "lawyer",     "legal_deputy", NULL};

static void read_row(sqlite3_stmt *st, struct staff_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, r->grid_code, sizeof r->grid_code);
    r->user_id = sqlite3_column_int64(st, 2);
    store_col_copy(st, 3, r->user_name, sizeof r->user_name);
    store_col_copy(st, 4, r->name, sizeof r->name);
    store_col_copy(st, 5, r->phone, sizeof r->phone);
    store_col_copy(st, 6, r->duty, sizeof r->duty);
    store_col_copy(st, 7, r->since, sizeof r->since);
    store_col_copy(st, 8, r->until, sizeof r->until);
}

int staff_list(store *s, const char *grid, int include_ended, struct staff_rec *out, int max,
               wg_err *e)
{
    if (store_require_scope(s, grid, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "SELECT " STAFF_COLS "FROM grid_staff g LEFT JOIN user u ON "
                                  "u.id = g.user_id WHERE g.grid_code = ?1 AND (?2 OR g.until "
                                  "IS NULL) ORDER BY g.until IS NOT NULL, " DUTY_ORDER ", g.id",
                                  e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, grid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, include_ended != 0);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int staff_grids_of_user(store *s, int64_t user_id, char (*out)[19], int max, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s,
                                  "SELECT DISTINCT grid_code FROM grid_staff WHERE user_id = ?1 "
                                  "AND until IS NULL AND grid_code >= ?2 AND grid_code < ?3 "
                                  "ORDER BY grid_code",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, user_id);
    store_bind_scope(s, st, 2);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, 0, out[n++], 19);
    sqlite3_reset(st);
    return n;
}

/* Administrators, and town officers or secretaries over the grid. */
static int may_manage(store *s, wg_err *e)
{
    enum role r = store_actor(s)->role;
    if (r == ROLE_ADMIN || r == ROLE_TOWN || r == ROLE_SECRETARY) return 0;
    return wg_err_set(e, _("only an administrator, a town officer or a secretary may change grid "
                           "staff"));
}

int64_t staff_add(store *s, const struct staff_rec *r, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (may_manage(s, e) < 0) return -1;
    if (division_level(r->grid_code) != DIV_GRID)
        return wg_err_set(e, _("'%s' is not a grid code"), r->grid_code),
               change_bad(field, "grid_code");
    if (store_require_scope(s, r->grid_code, e) < 0) return change_bad(field, "grid_code");
    sqlite3_stmt *st = store_stmt(s, "SELECT retired_at IS NULL FROM division WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, r->grid_code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), active = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (!active)
        return wg_err_set(e,
                          rc == SQLITE_ROW ? _("grid %s is retired") : _("grid %s does not exist"),
                          r->grid_code),
               change_bad(field, "grid_code");
    if (change_empty(r->name))
        return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    int ok = 0;
    for (const char *const *d = duties; *d; d++) ok |= strcmp(*d, r->duty) == 0;
    if (!ok) return wg_err_set(e, _("unknown duty '%s'"), r->duty), change_bad(field, "duty");
    char phone[32] = "";
    if (r->phone[0] && phone_parse(r->phone, phone, sizeof phone, e) < 0)
        return change_bad(field, "phone");
    if (r->since[0] && !change_valid_date(r->since))
        return wg_err_set(e, _("'%s' is not a real date (YYYY-MM-DD)"), r->since),
               change_bad(field, "since");
    if (r->user_id) {
        st = store_stmt(s, "SELECT 1 FROM user WHERE id = ?1", e);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, r->user_id);
        int found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
        if (!found)
            return wg_err_set(e, _("no user %lld"), (long long)r->user_id),
                   change_bad(field, "user");
    }
    if (!strcmp(r->duty, "leader") || !strcmp(r->duty, "instructor") ||
        !strcmp(r->duty, "fulltime")) {
        st = store_stmt(s,
                        "SELECT name FROM grid_staff WHERE grid_code = ?1 AND duty = ?2 AND "
                        "until IS NULL",
                        e);
        if (!st) return -1;
        sqlite3_bind_text(st, 1, r->grid_code, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, r->duty, -1, SQLITE_TRANSIENT);
        char who[64] = "";
        if (sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, 0, who, sizeof who);
        sqlite3_reset(st);
        if (who[0])
            return wg_err_set(e,
                              !strcmp(r->duty, "leader")
                                  ? _("grid %s already has a grid leader (%s); end that post first")
                              : !strcmp(r->duty, "instructor")
                                  ? _("grid %s already has a grid instructor (%s); end that post "
                                      "first")
                                  : _("grid %s already has a full-time grid worker (%s); end that "
                                      "post first"),
                              r->grid_code, who),
                   change_bad(field, "duty");
    }
    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s,
                    "INSERT INTO grid_staff (grid_code, user_id, name, phone, duty, since) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, date('now', 'localtime')))",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, r->grid_code, -1, SQLITE_TRANSIENT);
    if (r->user_id) sqlite3_bind_int64(st, 2, r->user_id);
    sqlite3_bind_text(st, 3, r->name, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, phone);
    sqlite3_bind_text(st, 5, r->duty, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 6, r->since);
    return change_insert(s, &staff_tbl, st, _("adding the staff member"), e);
}

int staff_end(store *s, int64_t id, const char *until, wg_err *e)
{
    if (may_manage(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(
        s, "SELECT grid_code, until IS NOT NULL, since FROM grid_staff WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    char grid[19] = "", since[11] = "";
    int rc = sqlite3_step(st), ended = 0;
    if (rc == SQLITE_ROW) {
        store_col_copy(st, 0, grid, sizeof grid);
        ended = sqlite3_column_int(st, 1);
        store_col_copy(st, 2, since, sizeof since);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return wg_err_set(e, _("no grid staff %lld"), (long long)id);
    if (store_require_scope(s, grid, e) < 0) return -1;
    if (ended) return wg_err_set(e, _("that post has already ended"));
    char d[11];
    if (change_empty(until))
        change_today(d);
    else if (!change_valid_date(until))
        return wg_err_set(e, _("'%s' is not a real date, today or earlier (YYYY-MM-DD)"), until);
    else
        snprintf(d, sizeof d, "%s", until);
    if (strcmp(d, since) < 0)
        return wg_err_set(e, _("the post cannot end (%s) before it began (%s)"), d, since);
    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s, "UPDATE grid_staff SET until = ?2 WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
    if (change_updated(s, &staff_tbl, id, "end", st, _("ending the post"), NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}
