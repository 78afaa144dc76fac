#include "store/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define TAG_SNAP                                                                                   \
    "SELECT json_object('code', code, 'name', name, 'builtin', builtin, 'retired', retired) "      \
    "FROM tag WHERE id = ?1"

static const struct change_table tag_tbl = {"tag", TAG_SNAP, "code"};

static void read_row(sqlite3_stmt *st, struct tag_rec *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, t->code, sizeof t->code);
    store_col_copy(st, 2, t->name, sizeof t->name);
    t->builtin = sqlite3_column_int(st, 3);
    t->retired = sqlite3_column_int(st, 4);
    t->residents = sqlite3_column_int64(st, 5);
}

int tag_list(store *s, int include_retired, struct tag_rec *out, int max, wg_err *e)
{
    static const char *sql =
        "SELECT t.id, t.code, t.name, t.builtin, t.retired, "
        "(SELECT count(*) FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id "
        " WHERE rt.tag_id = t.id AND r.division_code >= ?2 AND r.division_code < ?3 "
        " AND r.status = 'resident') "
        "FROM tag t WHERE ?1 OR t.retired = 0 ORDER BY t.id";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int(st, 1, include_retired != 0);
    store_bind_scope(s, st, 2);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int tag_get(store *s, int64_t id, struct tag_rec *out, wg_err *e)
{
    static const char *sql = "SELECT id, code, name, builtin, retired, 0 FROM tag WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : wg_err_set(e, _("no tag %lld"), (long long)id);
}

static int valid_code(store *s, const char *c, const char **field, wg_err *e)
{
    if (change_empty(c) || strlen(c) > 31)
        return wg_err_set(e, _("a tag code has 1 to 31 characters")), change_bad(field, "code");
    for (const char *p = c; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return wg_err_set(e, _("tag code '%s': use lower-case letters, digits and '_'"), c),
                   change_bad(field, "code");
    /* Checked here rather than left to the UNIQUE constraint, so that the
     * failure can be pinned on the code. */
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM tag WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, c, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return wg_err_set(e, _("%s: that one already exists"), _("adding the tag")),
               change_bad(field, "code");
    if (rc != SQLITE_DONE) return store_sql_err(s, e, _("reading a record"));
    return 0;
}

static int valid_name(const char *n, const char **field, wg_err *e)
{
    if (change_empty(n)) return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (strlen(n) > 63) return wg_err_set(e, _("the name is too long")), change_bad(field, "name");
    return 0;
}

int64_t tag_add(store *s, const char *code, const char *name, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("add tags"), e) < 0) return -1;
    if (valid_code(s, code, field, e) < 0 || valid_name(name, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO tag (code, name) VALUES (?1, ?2)", e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    return change_insert(s, &tag_tbl, st, _("adding the tag"), e);
}

static int tag_change(store *s, int64_t id, const char *action, const char *sql, const char *t,
                      int i, wg_err *e)
{
    if (change_require_admin(s, _("change tags"), e) < 0) return -1;
    struct tag_rec cur;
    if (tag_get(s, id, &cur, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    if (t)
        sqlite3_bind_text(st, 2, t, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int(st, 2, i);
    if (change_updated(s, &tag_tbl, id, action, st, _("changing the tag"), NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int tag_rename(store *s, int64_t id, const char *name, wg_err *e)
{
    if (valid_name(name, NULL, e) < 0) return -1;
    return tag_change(s, id, "rename", "UPDATE tag SET name = ?2 WHERE id = ?1", name, 0, e);
}

int tag_retire(store *s, int64_t id, int retired, wg_err *e)
{
    return tag_change(s, id, retired ? "retire" : "unretire",
                      "UPDATE tag SET retired = ?2 WHERE id = ?1", NULL, retired != 0, e);
}

/* The resident's division, for the scope check. */
static int resident_scope(store *s, int64_t resident, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT division_code FROM resident WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, resident);
    char div[19] = "";
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) store_col_copy(st, 0, div, sizeof div);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return wg_err_set(e, _("no resident %lld"), (long long)resident);
    return store_require_scope(s, div, e);
}

int tag_of_resident(store *s, int64_t resident, struct tag_rec *out, int max, wg_err *e)
{
    if (resident_scope(s, resident, e) < 0) return -1;
    static const char *sql = "SELECT t.id, t.code, t.name, t.builtin, t.retired, 0 "
                             "FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id "
                             "WHERE rt.resident_id = ?1 ORDER BY t.id";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, resident);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

static int set_or_clear(store *s, int64_t resident, int64_t tag, int set, const char *note,
                        wg_err *e)
{
    if (change_require_editor(s, _("tag residents"), e) < 0) return -1;
    if (resident_scope(s, resident, e) < 0) return -1;
    struct tag_rec t;
    if (tag_get(s, tag, &t, e) < 0) return -1;
    if (set && t.retired) return wg_err_set(e, _("tag '%s' is retired"), t.name);
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(
        s,
        set ? "INSERT INTO resident_tag (resident_id, tag_id, note) VALUES (?1, ?2, ?3) "
              "ON CONFLICT DO NOTHING"
            : "DELETE FROM resident_tag WHERE resident_id = ?1 AND tag_id = ?2 AND ?3 IS ?3",
        e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, resident);
    sqlite3_bind_int64(st, 2, tag);
    store_bind_text_or_null(st, 3, note);
    if (change_step(s, st, _("changing the resident's tags"), e) < 0) return change_fail(s);
    if (sqlite3_changes(store_sqlite(s)) == 0) {
        store_rollback(s); /* nothing changed: nothing to audit */
        return 0;
    }
    char *json = change_json_set(s, NULL, "tag", t.code, e);
    char *j2 = json && note ? change_json_set(s, json, "note", note, e) : NULL;
    const char *j = j2 ? j2 : json;
    int r = j ? store_audit(s, set ? "tag_set" : "tag_clear", "resident", resident, set ? NULL : j,
                            set ? j : NULL, e)
              : -1;
    free(json);
    free(j2);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}

int tag_set(store *s, int64_t resident, int64_t tag, const char *note, wg_err *e)
{
    return set_or_clear(s, resident, tag, 1, note, e);
}

int tag_clear(store *s, int64_t resident, int64_t tag, wg_err *e)
{
    return set_or_clear(s, resident, tag, 0, NULL, e);
}
