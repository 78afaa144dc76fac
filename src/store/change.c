#include "store/change.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/division.h"
#include "store/store_internal.h"
#include "util/gettext.h"

char *change_snapshot(store *s, const char *sql, int64_t id, const char *key, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return NULL;
    if (key)
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, id);
    char *json = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        json = store_col_dup(st, 0);
    else if (rc != SQLITE_DONE)
        store_sql_err(s, e, _("reading a record"));
    sqlite3_reset(st);
    return json;
}

int change_audit(store *s, const char *action, const char *tbl, int64_t row_id, const char *before,
                 const char *after, const char *keep, wg_err *e)
{
    if (!before || !after) return store_audit(s, action, tbl, row_id, before, after, e);
    /* Keep each key whose value or JSON type differs on the other side; json_each
     * gives SQL values, so 1 and '1' differ by type, not by value. */
    static const char *sql =
        "SELECT (SELECT json_group_object(b.key, b.value) FROM json_each(?1) b "
        "        WHERE b.key IS ?3 OR NOT EXISTS (SELECT 1 FROM json_each(?2) a "
        "          WHERE a.key = b.key AND a.type = b.type AND a.value IS b.value)), "
        "       (SELECT json_group_object(a.key, a.value) FROM json_each(?2) a "
        "        WHERE a.key IS ?3 OR NOT EXISTS (SELECT 1 FROM json_each(?1) b "
        "          WHERE a.key = b.key AND a.type = b.type AND a.value IS b.value)), "
        "       (SELECT count(*) FROM json_each(?2) a WHERE a.key IS NOT ?3 AND NOT EXISTS "
        "          (SELECT 1 FROM json_each(?1) b "
        "           WHERE a.key = b.key AND a.type = b.type AND a.value IS b.value)) "
        "     + (SELECT count(*) FROM json_each(?1) b WHERE b.key IS NOT ?3 AND NOT EXISTS "
        "          (SELECT 1 FROM json_each(?2) a "
        "           WHERE a.key = b.key AND a.type = b.type AND a.value IS b.value))";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, before, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, after, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 3, keep);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return store_sql_err(s, e, _("comparing a record"));
    }
    if (sqlite3_column_int(st, 2) == 0) {
        sqlite3_reset(st);
        return 1;
    }
    char *b = store_col_dup(st, 0), *a = store_col_dup(st, 1);
    sqlite3_reset(st);
    int r = store_audit(s, action, tbl, row_id, b, a, e);
    free(b);
    free(a);
    return r;
}

char *change_json_set(store *s, const char *json, const char *key, const char *value, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT json_set(coalesce(?1, '{}'), '$.' || ?2, ?3)", e);
    if (!st) return NULL;
    store_bind_text_or_null(st, 1, json);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 3, value);
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        out = store_col_dup(st, 0);
    else
        store_sql_err(s, e, _("building the audit record"));
    sqlite3_reset(st);
    return out;
}

static void bind_id_or_null(sqlite3_stmt *st, int i, int64_t v)
{
    if (v)
        sqlite3_bind_int64(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

int change_history(store *s, int64_t resident, int64_t household, int64_t from_household,
                   int64_t to_household, const char *from_division, const char *to_division,
                   const char *event, const char *note, wg_err *e)
{
    static const char *sql =
        "INSERT INTO residence_history (resident_id, household_id, from_household, "
        "to_household, from_division, to_division, event, by_user, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bind_id_or_null(st, 1, resident);
    bind_id_or_null(st, 2, household);
    bind_id_or_null(st, 3, from_household);
    bind_id_or_null(st, 4, to_household);
    store_bind_text_or_null(st, 5, from_division);
    store_bind_text_or_null(st, 6, to_division);
    sqlite3_bind_text(st, 7, event, -1, SQLITE_STATIC);
    bind_id_or_null(st, 8, store_actor(s)->user_id);
    store_bind_text_or_null(st, 9, note);
    return change_step(s, st, _("recording residence history"), e);
}

int change_household(store *s, int64_t id, char division[19], char status[12], int64_t *head,
                     wg_err *e)
{
    static const char *sql =
        "SELECT division_code, status, coalesce(head_id, 0) FROM household WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    char div[19] = "", stat[12] = "";
    int64_t h = 0;
    if (rc == SQLITE_ROW) {
        store_col_copy(st, 0, div, sizeof div);
        store_col_copy(st, 1, stat, sizeof stat);
        h = sqlite3_column_int64(st, 2);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no household %lld"), (long long)id);
    if (rc != SQLITE_ROW) return store_sql_err(s, e, _("reading a household"));
    if (store_require_scope(s, div, e) < 0) return -1;
    if (division) memcpy(division, div, sizeof div);
    if (status) memcpy(status, stat, sizeof stat);
    if (head) *head = h;
    return 0;
}

int change_step(store *s, sqlite3_stmt *st, const char *what, wg_err *e)
{
    int rc = sqlite3_step(st);
    while (rc == SQLITE_ROW) rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return 0;
    switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
        return wg_err_set(e, _("%s: that one already exists"), what);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
        return wg_err_set(e, _("%s: it refers to something that does not exist"), what);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
        return wg_err_set(e, _("%s: a value is not allowed (%s)"), what,
                          sqlite3_errmsg(store_sqlite(s)));
    default:
        return store_sql_err(s, e, what);
    }
}

int change_require_admin(store *s, const char *what, wg_err *e)
{
    if (role_may_administer(store_actor(s)->role)) return 0;
    return wg_err_set(e, _("only a county administrator may %s"), what);
}

int change_require_editor(store *s, const char *what, wg_err *e)
{
    if (role_may_edit_ledger(store_actor(s)->role)) return 0;
    return wg_err_set(e, _("your role (%s) may not %s"), _(role_label(store_actor(s)->role)), what);
}

int change_fail(store *s)
{
    store_rollback(s);
    return -1;
}

void change_today(char out[11])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int change_valid_date(const char *d)
{
    int y, m, day;
    char tail;
    if (!d || strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3) return 0;
    if (d[4] != '-' || d[7] != '-') return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1850 || m < 1 || m > 12 || day < 1 || day > mdays[m - 1]) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && day == 29 && !leap) return 0;
    char today[11];
    change_today(today);
    return strcmp(d, today) <= 0;
}

int change_empty(const char *s)
{
    return !s || !*s;
}

int64_t change_insert(store *s, const struct change_table *t, sqlite3_stmt *st, const char *what,
                      wg_err *e)
{
    if (change_step(s, st, what, e) < 0) return change_fail(s);
    int64_t id = sqlite3_last_insert_rowid(store_sqlite(s));
    return change_added(s, t, id, e) < 0 ? -1 : id;
}

int change_added(store *s, const struct change_table *t, int64_t id, wg_err *e)
{
    char *after = change_snapshot(s, t->snap, id, NULL, e);
    int r = after ? store_audit(s, "add", t->name, id, NULL, after, e) : -1;
    free(after);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}

int change_updated(store *s, const struct change_table *t, int64_t id, const char *action,
                   sqlite3_stmt *st, const char *what, const char *key, const char *value,
                   wg_err *e)
{
    char *before = change_snapshot(s, t->snap, id, NULL, e);
    if (!before) return -1;
    int r = change_step(s, st, what, e);
    char *after = r < 0 ? NULL : change_snapshot(s, t->snap, id, NULL, e);
    if (after && key && value && *value) {
        char *a2 = change_json_set(s, after, key, value, e);
        free(after);
        after = a2;
    }
    r = after ? change_audit(s, action, t->name, id, before, after, t->keep, e) : -1;
    free(before);
    free(after);
    return r < 0 ? -1 : 0;
}

int change_check_division(store *s, const char *code, const char **field, wg_err *e)
{
    if (division_level(code) < 0)
        return wg_err_set(e, _("'%s' is not a division code"), code),
               change_bad(field, "division_code");
    if (store_require_scope(s, code, e) < 0) return change_bad(field, "division_code");
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM division WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    if (!found) return wg_err_set(e, _("no division %s"), code), change_bad(field, "division_code");
    return 0;
}

int change_bad(const char **field, const char *name)
{
    if (field) *field = name;
    return -1;
}

int change_in_list(const char *const *l, const char *v)
{
    for (; *l; l++)
        if (v && strcmp(*l, v) == 0) return 1;
    return 0;
}
