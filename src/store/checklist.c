#include "store/checklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define TPL_SNAP                                                                                   \
    "SELECT json_object('code', code, 'name', name, 'active', active) "                            \
    "FROM checklist_template WHERE id = ?1"
#define ITEM_SNAP                                                                                  \
    "SELECT json_object('template_id', template_id, 'ord', ord, 'kind', kind, 'text', text) "      \
    "FROM checklist_item WHERE id = ?1"

static const struct change_table item_tbl = {"checklist_item", ITEM_SNAP, "template_id"};

/* Empty or only spaces: a question nobody can read. */
static int blank(const char *t)
{
    if (!t) return 1;
    for (; *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r') return 0;
    return 1;
}

static void read_tpl(sqlite3_stmt *st, struct checklist_rec *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, t->code, sizeof t->code);
    store_col_copy(st, 2, t->name, sizeof t->name);
    t->active = sqlite3_column_int(st, 3);
    t->items = sqlite3_column_int(st, 4);
}

#define TPL_COLS                                                                                   \
    "t.id, t.code, t.name, t.active, "                                                             \
    "(SELECT count(*) FROM checklist_item i WHERE i.template_id = t.id) "

int checklist_list(store *s, int include_inactive, struct checklist_rec *out, int max, wg_err *e)
{
    static const char *sql = "SELECT " TPL_COLS "FROM checklist_template t "
                             "WHERE ?1 OR t.active = 1 ORDER BY t.id";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int(st, 1, include_inactive != 0);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_tpl(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int checklist_get(store *s, int64_t id, struct checklist_rec *out, wg_err *e)
{
    static const char *sql = "SELECT " TPL_COLS "FROM checklist_template t WHERE t.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_tpl(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no checklist template %lld"), (long long)id);
    return store_sql_err(s, e, _("reading a checklist template"));
}

#define ITEM_COLS                                                                                  \
    "i.id, i.template_id, i.ord, i.kind, i.text, "                                                 \
    "EXISTS (SELECT 1 FROM visit_answer a WHERE a.item_id = i.id) "

static void read_item(sqlite3_stmt *st, struct checklist_item_rec *it)
{
    memset(it, 0, sizeof *it);
    it->id = sqlite3_column_int64(st, 0);
    it->template_id = sqlite3_column_int64(st, 1);
    it->ord = sqlite3_column_int(st, 2);
    store_col_copy(st, 3, it->kind, sizeof it->kind);
    store_col_copy(st, 4, it->text, sizeof it->text);
    it->answered = sqlite3_column_int(st, 5);
}

int checklist_items(store *s, int64_t template_id, struct checklist_item_rec *out, int max,
                    wg_err *e)
{
    struct checklist_rec t;
    if (checklist_get(s, template_id, &t, e) < 0) return -1;
    static const char *sql = "SELECT " ITEM_COLS "FROM checklist_item i "
                             "WHERE i.template_id = ?1 ORDER BY i.ord";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, template_id);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_item(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

static int item_get(store *s, int64_t id, struct checklist_item_rec *out, wg_err *e)
{
    static const char *sql = "SELECT " ITEM_COLS "FROM checklist_item i WHERE i.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_item(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no checklist item %lld"), (long long)id);
    return store_sql_err(s, e, _("reading a checklist item"));
}

/* ---- checks ----------------------------------------------------------------------- */

static int valid_code(store *s, const char *c, const char **field, wg_err *e)
{
    if (change_empty(c) || strlen(c) > 31)
        return wg_err_set(e, _("a template code has 1 to 31 characters")),
               change_bad(field, "code");
    for (const char *p = c; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return wg_err_set(e, _("template code '%s': use lower-case letters, digits and '_'"),
                              c),
                   change_bad(field, "code");
    sqlite3_stmt *st = store_stmt(s, "SELECT name FROM checklist_template WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, c, -1, SQLITE_TRANSIENT);
    char other[64] = "";
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) store_col_copy(st, 0, other, sizeof other);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return wg_err_set(e, _("template code '%s' is already used by %s"), c, other),
               change_bad(field, "code");
    return 0;
}

static int valid_name(const char *n, const char **field, wg_err *e)
{
    if (blank(n)) return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (strlen(n) > 63) return wg_err_set(e, _("the name is too long")), change_bad(field, "name");
    return 0;
}

static int valid_item(const char *kind, const char *text, const char **field, wg_err *e)
{
    if (!kind || (strcmp(kind, "check") != 0 && strcmp(kind, "ask") != 0))
        return wg_err_set(e, _("an item is a check or a question ('check' or 'ask'), not '%s'"),
                          kind ? kind : ""),
               change_bad(field, "kind");
    if (blank(text)) return wg_err_set(e, _("the item's text is empty")), change_bad(field, "text");
    if (strlen(text) > 255)
        return wg_err_set(e, _("the item's text is too long")), change_bad(field, "text");
    return 0;
}

/* ---- templates ----------------------------------------------------------------------- */

static int64_t insert_template(store *s, const char *code, const char *name, wg_err *e)
{
    sqlite3_stmt *st =
        store_stmt(s, "INSERT INTO checklist_template (code, name) VALUES (?1, ?2)", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("adding the template"), e) < 0) return -1;
    return sqlite3_last_insert_rowid(store_sqlite(s));
}

static int audit_new(store *s, const char *action, int64_t id, const char *extra_key,
                     const char *extra, wg_err *e)
{
    char *after = change_snapshot(s, TPL_SNAP, id, NULL, e);
    char *a2 = after && extra_key ? change_json_set(s, after, extra_key, extra, e) : NULL;
    int r = after && (!extra_key || a2)
                ? store_audit(s, action, "checklist_template", id, NULL, a2 ? a2 : after, e)
                : -1;
    free(after);
    free(a2);
    return r;
}

int64_t checklist_add(store *s, const char *code, const char *name, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    if (valid_code(s, code, field, e) < 0 || valid_name(name, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    int64_t id = insert_template(s, code, name, e);
    if (id < 0 || audit_new(s, "add", id, NULL, NULL, e) < 0 || store_commit(s, e) < 0)
        return change_fail(s);
    return id;
}

int64_t checklist_copy(store *s, int64_t from, const char *code, const char *name,
                       const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_rec src;
    if (checklist_get(s, from, &src, e) < 0) return -1;
    if (valid_code(s, code, field, e) < 0 || valid_name(name, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    int64_t id = insert_template(s, code, name, e);
    if (id < 0) return change_fail(s);
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO checklist_item (template_id, ord, kind, text) "
                                  "SELECT ?2, ord, kind, text FROM checklist_item "
                                  "WHERE template_id = ?1 ORDER BY ord",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, id);
    if (change_step(s, st, _("copying the items"), e) < 0 ||
        audit_new(s, "copy", id, "from", src.code, e) < 0 || store_commit(s, e) < 0)
        return change_fail(s);
    return id;
}

/* Run an UPDATE of one template (?1 = id, ?2 = value) and audit it. */
static int tpl_change(store *s, int64_t id, const char *action, const char *sql, const char *text,
                      int value, wg_err *e)
{
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_rec cur;
    if (checklist_get(s, id, &cur, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    if (text)
        sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int(st, 2, value);
    char *before = change_snapshot(s, TPL_SNAP, id, NULL, e);
    int r = before ? change_step(s, st, _("changing the template"), e) : -1;
    char *after = r < 0 ? NULL : change_snapshot(s, TPL_SNAP, id, NULL, e);
    r = after ? change_audit(s, action, "checklist_template", id, before, after, "code", e) : -1;
    free(before);
    free(after);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}

int checklist_rename(store *s, int64_t id, const char *name, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (valid_name(name, field, e) < 0) return -1;
    return tpl_change(s, id, "rename", "UPDATE checklist_template SET name = ?2 WHERE id = ?1",
                      name, 0, e);
}

int checklist_set_active(store *s, int64_t id, int active, wg_err *e)
{
    return tpl_change(s, id, active ? "activate" : "deactivate",
                      "UPDATE checklist_template SET active = ?2 WHERE id = ?1", NULL, active != 0,
                      e);
}

/* ---- items ------------------------------------------------------------------------------ */

int64_t checklist_item_add(store *s, int64_t template_id, const char *kind, const char *text,
                           const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_rec t;
    if (checklist_get(s, template_id, &t, e) < 0) return -1;
    if (valid_item(kind, text, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO checklist_item (template_id, ord, kind, text) "
                                  "SELECT ?1, coalesce(max(ord), 0) + 1, ?2, ?3 "
                                  "FROM checklist_item WHERE template_id = ?1",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, template_id);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
    return change_insert(s, &item_tbl, st, _("adding the item"), e);
}

/* Set an item's ord/kind/text (?1 = id) inside the caller's transaction. */
static int set_item(store *s, int64_t id, int ord, const char *kind, const char *text, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE checklist_item SET ord = ?2, kind = ?3, text = ?4 "
                                  "WHERE id = ?1",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, ord);
    sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, text, -1, SQLITE_TRANSIENT);
    return change_step(s, st, _("changing the item"), e);
}

/* One audited change of item id: the writes happen in `apply`. */
static int item_audited(store *s, int64_t id, const char *action,
                        int (*apply)(store *, const struct checklist_item_rec *, const void *,
                                     wg_err *),
                        const struct checklist_item_rec *cur, const void *arg, wg_err *e)
{
    if (store_begin(s, e) < 0) return -1;
    char *before = change_snapshot(s, ITEM_SNAP, id, NULL, e);
    int r = before ? apply(s, cur, arg, e) : -1;
    char *after = r < 0 ? NULL : change_snapshot(s, ITEM_SNAP, id, NULL, e);
    r = after ? change_audit(s, action, "checklist_item", id, before, after, "template_id", e) : -1;
    free(before);
    free(after);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}

struct item_text {
    const char *kind, *text;
};

static int apply_update(store *s, const struct checklist_item_rec *cur, const void *arg, wg_err *e)
{
    const struct item_text *t = arg;
    return set_item(s, cur->id, cur->ord, t->kind, t->text, e);
}

int checklist_item_update(store *s, int64_t item_id, const char *kind, const char *text,
                          const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_item_rec cur;
    if (item_get(s, item_id, &cur, e) < 0) return -1;
    if (valid_item(kind, text, field, e) < 0) return -1;
    struct item_text t = {kind, text};
    return item_audited(s, item_id, "update", apply_update, &cur, &t, e);
}

static int apply_swap(store *s, const struct checklist_item_rec *cur, const void *arg, wg_err *e)
{
    /* UNIQUE (template_id, ord) holds after every statement: park the
     * item on an ord no item uses, move the neighbour, then take its place. */
    const struct checklist_item_rec *other = arg;
    if (set_item(s, cur->id, -1, cur->kind, cur->text, e) < 0) return -1;
    if (set_item(s, other->id, cur->ord, other->kind, other->text, e) < 0) return -1;
    return set_item(s, cur->id, other->ord, cur->kind, cur->text, e);
}

int checklist_item_move(store *s, int64_t item_id, int delta, wg_err *e)
{
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_item_rec cur, other;
    if (item_get(s, item_id, &cur, e) < 0) return -1;
    if (delta == 0) return 0;
    static const char *prev = "SELECT id FROM checklist_item WHERE template_id = ?1 AND ord < ?2 "
                              "ORDER BY ord DESC LIMIT 1";
    static const char *next = "SELECT id FROM checklist_item WHERE template_id = ?1 AND ord > ?2 "
                              "ORDER BY ord LIMIT 1";
    sqlite3_stmt *st = store_stmt(s, delta < 0 ? prev : next, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, cur.template_id);
    sqlite3_bind_int(st, 2, cur.ord);
    int64_t oid = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!oid) return 0; /* already first (or last) */
    if (item_get(s, oid, &other, e) < 0) return -1;
    return item_audited(s, item_id, "move", apply_swap, &cur, &other, e);
}

int checklist_item_remove(store *s, int64_t item_id, wg_err *e)
{
    if (change_require_admin(s, _("change checklist templates"), e) < 0) return -1;
    struct checklist_item_rec cur;
    if (item_get(s, item_id, &cur, e) < 0) return -1;
    if (cur.answered)
        return wg_err_set(e,
                          _("visits have answered item '%s', so it stays; deactivate the template "
                            "instead (and copy it for the new wording)"),
                          cur.text);
    if (store_begin(s, e) < 0) return -1;
    char *before = change_snapshot(s, ITEM_SNAP, item_id, NULL, e);
    sqlite3_stmt *st = before ? store_stmt(s, "DELETE FROM checklist_item WHERE id = ?1", e) : NULL;
    int r = -1;
    if (st) {
        sqlite3_bind_int64(st, 1, item_id);
        r = change_step(s, st, _("removing the item"), e);
    }
    if (r == 0) r = store_audit(s, "remove", "checklist_item", item_id, before, NULL, e);
    free(before);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}
