#include "store/casekind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define CK_COLS                                                                                    \
    "k.id, k.code, k.name, k.category, k.default_days, coalesce(k.default_department_id, 0), "     \
    "coalesce(d.name, ''), k.retired "
#define CK_FROM "FROM case_kind k LEFT JOIN department d ON d.id = k.default_department_id "
#define CK_SNAP                                                                                    \
    "SELECT json_object('code', code, 'name', name, 'category', category, 'default_days', "        \
    "default_days, 'default_department_id', default_department_id, 'retired', retired) "           \
    "FROM case_kind WHERE id = ?1"

static const struct change_table ck_tbl = {"case_kind", CK_SNAP, "code"};

static const char *const categories[] = {"dispute",     "hazard",   "demand", "security",
                                         "environment", "petition", NULL};

static void read_row(sqlite3_stmt *st, struct casekind_rec *k)
{
    memset(k, 0, sizeof *k);
    k->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, k->code, sizeof k->code);
    store_col_copy(st, 2, k->name, sizeof k->name);
    store_col_copy(st, 3, k->category, sizeof k->category);
    k->default_days = sqlite3_column_int(st, 4);
    k->default_department_id = sqlite3_column_int64(st, 5);
    store_col_copy(st, 6, k->department, sizeof k->department);
    k->retired = sqlite3_column_int(st, 7);
}

int casekind_list(store *s, int include_retired, struct casekind_rec *out, int max, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT " CK_COLS CK_FROM "WHERE ?1 OR k.retired = 0 ORDER BY k.category, k.id", e);
    if (!st) return -1;
    sqlite3_bind_int(st, 1, include_retired != 0);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

static int get_by(store *s, const char *sql, int64_t id, const char *code, struct casekind_rec *out,
                  wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    if (code)
        sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    if (code) return wg_err_set(e, _("no case kind %s"), code);
    return wg_err_set(e, _("no case kind %lld"), (long long)id);
}

int casekind_get(store *s, int64_t id, struct casekind_rec *out, wg_err *e)
{
    return get_by(s, "SELECT " CK_COLS CK_FROM "WHERE k.id = ?1", id, NULL, out, e);
}

int casekind_find(store *s, const char *code, struct casekind_rec *out, wg_err *e)
{
    return get_by(s, "SELECT " CK_COLS CK_FROM "WHERE k.code = ?1", 0, code ? code : "", out, e);
}

static int check(store *s, const struct casekind_rec *k, int *days, const char **field, wg_err *e)
{
    if (change_empty(k->name))
        return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    int ok = 0;
    for (const char *const *c = categories; *c; c++) ok |= strcmp(*c, k->category) == 0;
    if (!ok)
        return wg_err_set(e, _("category must be dispute, hazard, demand, security, environment "
                               "or petition")),
               change_bad(field, "category");
    *days = k->default_days ? k->default_days : 7;
    if (*days < 1 || *days > 365)
        return wg_err_set(e, _("the default deadline is 1 to 365 days, not %d"), *days),
               change_bad(field, "default_days");
    if (k->default_department_id) {
        sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM department WHERE id = ?1", e);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, k->default_department_id);
        int found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
        if (!found)
            return wg_err_set(e, _("no department %lld"), (long long)k->default_department_id),
                   change_bad(field, "default_department_id");
    }
    return 0;
}

int64_t casekind_add(store *s, const struct casekind_rec *k, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("add case kinds"), e) < 0) return -1;
    if (change_empty(k->code))
        return wg_err_set(e, _("the code is empty")), change_bad(field, "code");
    struct casekind_rec cur;
    if (casekind_find(s, k->code, &cur, NULL) == 0)
        return wg_err_set(e, _("there is already a case kind %s"), k->code),
               change_bad(field, "code");
    int days;
    if (check(s, k, &days, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO case_kind (code, name, category, default_days, "
                                  "default_department_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, k->code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, k->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, k->category, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, days);
    if (k->default_department_id) sqlite3_bind_int64(st, 5, k->default_department_id);
    return change_insert(s, &ck_tbl, st, _("adding the case kind"), e);
}

static int ck_change(store *s, int64_t id, const char *action, sqlite3_stmt *st, wg_err *e)
{
    if (change_updated(s, &ck_tbl, id, action, st, _("saving the case kind"), NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int casekind_update(store *s, const struct casekind_rec *k, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change case kinds"), e) < 0) return -1;
    struct casekind_rec cur;
    if (casekind_get(s, k->id, &cur, e) < 0) return -1;
    int days;
    if (check(s, k, &days, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE case_kind SET name = ?2, category = ?3, default_days "
                                  "= ?4, default_department_id = ?5 WHERE id = ?1",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, k->id);
    sqlite3_bind_text(st, 2, k->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, k->category, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, days);
    if (k->default_department_id) sqlite3_bind_int64(st, 5, k->default_department_id);
    return ck_change(s, k->id, "update", st, e);
}

int casekind_retire(store *s, int64_t id, int retired, wg_err *e)
{
    if (change_require_admin(s, _("change case kinds"), e) < 0) return -1;
    struct casekind_rec cur;
    if (casekind_get(s, id, &cur, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "UPDATE case_kind SET retired = ?2 WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, retired != 0);
    return ck_change(s, id, retired ? "retire" : "unretire", st, e);
}
