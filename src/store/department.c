#include "store/department.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define DEPT_COLS "id, code, name, kind, coalesce(phone, ''), retired "
#define DEPT_SNAP                                                                                  \
    "SELECT json_object('code', code, 'name', name, 'kind', kind, 'phone', phone, "                \
    "'retired', retired) FROM department WHERE id = ?1"

static const struct change_table dept_tbl = {"department", DEPT_SNAP, "code"};

static const char *const kinds[] = {
    "police", "judicial",    "civil", "housing", "urban", "emergency", "hr",    "market", "health",
    "fire",   "environment", "water", "power",   "gas",   "heating",   "other", NULL};

static void read_row(sqlite3_stmt *st, struct department_rec *d)
{
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, d->code, sizeof d->code);
    store_col_copy(st, 2, d->name, sizeof d->name);
    store_col_copy(st, 3, d->kind, sizeof d->kind);
    store_col_copy(st, 4, d->phone, sizeof d->phone);
    d->retired = sqlite3_column_int(st, 5);
}

int department_list(store *s, int include_retired, struct department_rec *out, int max, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT " DEPT_COLS "FROM department WHERE ?1 OR retired = 0 ORDER BY name, id", e);
    if (!st) return -1;
    sqlite3_bind_int(st, 1, include_retired != 0);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

static int get_by(store *s, const char *sql, int64_t id, const char *code,
                  struct department_rec *out, wg_err *e)
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
    if (code) return wg_err_set(e, _("no department %s"), code);
    return wg_err_set(e, _("no department %lld"), (long long)id);
}

int department_get(store *s, int64_t id, struct department_rec *out, wg_err *e)
{
    return get_by(s, "SELECT " DEPT_COLS "FROM department WHERE id = ?1", id, NULL, out, e);
}

int department_find(store *s, const char *code, struct department_rec *out, wg_err *e)
{
    return get_by(s, "SELECT " DEPT_COLS "FROM department WHERE code = ?1", 0, code ? code : "",
                  out, e);
}

int64_t department_add(store *s, const char *code, const char *name, const char *kind,
                       const char *phone, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("add departments"), e) < 0) return -1;
    if (change_empty(code) || strlen(code) > 31)
        return wg_err_set(e, _("a department code has 1 to 31 characters")),
               change_bad(field, "code");
    if (change_empty(name)) return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (change_empty(kind)) kind = "other";
    int ok = 0;
    for (const char *const *k = kinds; *k; k++) ok |= strcmp(*k, kind) == 0;
    if (!ok)
        return wg_err_set(e, _("unknown kind of department '%s'"), kind), change_bad(field, "kind");
    char ph[32] = "";
    if (!change_empty(phone) && phone_parse(phone, ph, sizeof ph, e) < 0)
        return change_bad(field, "phone");
    struct department_rec d;
    if (department_find(s, code, &d, NULL) == 0)
        return wg_err_set(e, _("there is already a department %s"), code),
               change_bad(field, "code");
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(
        s, "INSERT INTO department (code, name, kind, phone) VALUES (?1, ?2, ?3, ?4)", e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, ph);
    return change_insert(s, &dept_tbl, st, _("adding the department"), e);
}

static int dept_change(store *s, int64_t id, const char *action, const char *sql, const char *text,
                       int num, wg_err *e)
{
    if (change_require_admin(s, _("change departments"), e) < 0) return -1;
    struct department_rec d;
    if (department_get(s, id, &d, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    if (text)
        sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int(st, 2, num);
    const char *what = _("changing the department");
    if (change_updated(s, &dept_tbl, id, action, st, what, NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int department_rename(store *s, int64_t id, const char *name, wg_err *e)
{
    if (change_empty(name)) return wg_err_set(e, _("the name is empty"));
    return dept_change(s, id, "rename", "UPDATE department SET name = ?2 WHERE id = ?1", name, 0,
                       e);
}

int department_retire(store *s, int64_t id, int retired, wg_err *e)
{
    return dept_change(s, id, retired ? "retire" : "unretire",
                       "UPDATE department SET retired = ?2 WHERE id = ?1", NULL, retired != 0, e);
}
