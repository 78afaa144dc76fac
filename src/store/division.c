#include "store/division.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

/* Counts over a subtree are prefix ranges on the (division_code, status)
 * indexes: one index range per row, no table reads. Cases still open (and
 * of those, the overdue ones) come from the partial index case_open
 * (migration 0004), which holds open cases only: its WHERE must match the
 * state test here word for word. */
#define DIV_COLS                                                                                   \
    "d.code, coalesce(d.parent_code, ''), d.level, d.kind, d.urban, d.name, "                      \
    "coalesce(d.retired_at, ''), "                                                                 \
    "(SELECT count(*) FROM household h WHERE h.division_code >= d.code "                           \
    "   AND h.division_code < d.code || ':' AND h.status = 'active'), "                            \
    "(SELECT count(*) FROM resident r WHERE r.division_code >= d.code "                            \
    "   AND r.division_code < d.code || ':' AND r.status = 'resident'), "                          \
    "(SELECT count(*) FROM \"case\" c WHERE c.division_code >= d.code "                            \
    "   AND c.division_code < d.code || ':' "                                                      \
    "   AND c.state NOT IN ('closed', 'handled_on_spot', 'merged')), "                             \
    "(SELECT count(*) FROM division k WHERE k.parent_code = d.code AND k.retired_at IS NULL), "    \
    "(SELECT count(*) FROM \"case\" c WHERE c.division_code >= d.code "                            \
    "   AND c.division_code < d.code || ':' "                                                      \
    "   AND c.state NOT IN ('closed', 'handled_on_spot', 'merged') "                               \
    "   AND c.deadline < strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "

#define DIV_SNAP                                                                                   \
    "SELECT json_object('code', code, 'parent', parent_code, 'level', level, 'kind', kind, "       \
    "'urban', urban, 'name', name, 'retired_at', retired_at) FROM division WHERE code = ?1"

static const char *const kinds_county[] = {"county", NULL};
static const char *const kinds_town[] = {"town", "street", NULL};
static const char *const kinds_village[] = {"village", "community", NULL};
static const char *const kinds_grid[] = {"basic",  "school",     "hospital",
                                         "market", "enterprise", NULL};
static const char *const kinds_building[] = {"building", "group", NULL};

const char *const *division_kinds(enum division_level level)
{
    switch (level) {
    case DIV_COUNTY:
        return kinds_county;
    case DIV_TOWN:
        return kinds_town;
    case DIV_VILLAGE:
        return kinds_village;
    case DIV_GRID:
        return kinds_grid;
    case DIV_BUILDING:
        return kinds_building;
    default:
        return NULL;
    }
}

static int kind_fits(enum division_level level, const char *kind, wg_err *e)
{
    const char *const *k = division_kinds(level);
    for (const char *const *p = k; p && *p; p++)
        if (kind && strcmp(*p, kind) == 0) return 0;
    char list[128] = "";
    for (const char *const *p = k; p && *p; p++) {
        if (*list) strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, *p, sizeof list - strlen(list) - 1);
    }
    /* One whole sentence per level, so that each translates on its own. */
    const char *k0 = kind ? kind : "";
    switch (level) {
    case DIV_COUNTY:
        return wg_err_set(e, _("kind '%s' does not suit a county (use one of: %s)"), k0, list);
    case DIV_TOWN:
        return wg_err_set(e, _("kind '%s' does not suit a town (use one of: %s)"), k0, list);
    case DIV_VILLAGE:
        return wg_err_set(e, _("kind '%s' does not suit a village (use one of: %s)"), k0, list);
    case DIV_GRID:
        return wg_err_set(e, _("kind '%s' does not suit a grid (use one of: %s)"), k0, list);
    default:
        return wg_err_set(e, _("kind '%s' does not suit a building (use one of: %s)"), k0, list);
    }
}

static void read_row(sqlite3_stmt *st, struct division_rec *d)
{
    memset(d, 0, sizeof *d);
    store_col_copy(st, 0, d->code, sizeof d->code);
    store_col_copy(st, 1, d->parent, sizeof d->parent);
    int l = division_level(d->code);
    d->level = l < 0 ? DIV_COUNTY : (enum division_level)l;
    store_col_copy(st, 3, d->kind, sizeof d->kind);
    d->urban = sqlite3_column_int(st, 4);
    store_col_copy(st, 5, d->name, sizeof d->name);
    store_col_copy(st, 6, d->retired_at, sizeof d->retired_at);
    d->households = sqlite3_column_int64(st, 7);
    d->residents = sqlite3_column_int64(st, 8);
    d->pending_cases = sqlite3_column_int64(st, 9);
    d->children = sqlite3_column_int64(st, 10);
    d->overdue_cases = sqlite3_column_int64(st, 11);
}

int division_get(store *s, const char *code, struct division_rec *out, wg_err *e)
{
    if (change_empty(code)) return wg_err_set(e, _("no division code given"));
    if (store_require_scope(s, code, e) < 0) return -1;
    static const char *sql = "SELECT " DIV_COLS "FROM division d WHERE d.code = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no division %s"), code);
    return store_sql_err(s, e, _("reading a division"));
}

int division_root(store *s, struct division_rec *out, wg_err *e)
{
    const char *scope = store_actor(s)->scope;
    if (!*scope) return wg_err_set(e, _("there is no county yet"));
    return division_get(s, scope, out, e);
}

int division_children(store *s, const char *parent, int include_retired, int64_t offset, int limit,
                      struct division_rec *out, wg_err *e)
{
    static const char *sql = "SELECT " DIV_COLS "FROM division d "
                             "WHERE (CASE WHEN ?1 IS NULL THEN d.level = 'county' "
                             "       ELSE d.parent_code = ?1 END) "
                             "  AND d.code >= ?2 AND d.code < ?3 "
                             "  AND (?4 OR d.retired_at IS NULL) "
                             "ORDER BY d.code LIMIT ?5 OFFSET ?6";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    store_bind_text_or_null(st, 1, parent);
    store_bind_scope(s, st, 2);
    sqlite3_bind_int(st, 4, include_retired != 0);
    sqlite3_bind_int(st, 5, limit);
    sqlite3_bind_int64(st, 6, offset);
    int n = 0, rc;
    while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int64_t division_children_count(store *s, const char *parent, int include_retired, wg_err *e)
{
    static const char *sql = "SELECT count(*) FROM division d "
                             "WHERE (CASE WHEN ?1 IS NULL THEN d.level = 'county' "
                             "       ELSE d.parent_code = ?1 END) "
                             "  AND d.code >= ?2 AND d.code < ?3 "
                             "  AND (?4 OR d.retired_at IS NULL)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    store_bind_text_or_null(st, 1, parent);
    store_bind_scope(s, st, 2);
    sqlite3_bind_int(st, 4, include_retired != 0);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (n < 0) return store_sql_err(s, e, _("counting divisions"));
    return n;
}

/* Exists (1), retired (2), absent (0), error (-1). No scope check. */
static int div_state(store *s, const char *code, wg_err *e)
{
    static const char *sql = "SELECT retired_at IS NOT NULL FROM division WHERE code = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), r = 0;
    if (rc == SQLITE_ROW) r = sqlite3_column_int(st, 0) ? 2 : 1;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_sql_err(s, e, _("reading a division"));
    return r;
}

static int clean_name(const char *name, wg_err *e)
{
    if (change_empty(name)) return wg_err_set(e, _("the name is empty"));
    if (strlen(name) >= sizeof((struct division_rec *)0)->name)
        return wg_err_set(e, _("the name is too long"));
    return 0;
}

int division_add(store *s, const char *code, const char *kind, int urban, const char *name,
                 const char **field, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    if (field) *field = NULL;
    if (change_require_admin(s, _("add divisions"), e) < 0) return -1;
    if (division_check(code, NULL, e) < 0) return change_bad(field, "code");
    enum division_level level = (enum division_level)division_level(code);
    if (kind_fits(level, kind, e) < 0) return change_bad(field, "kind");
    if (clean_name(name, e) < 0) return change_bad(field, "name");
    if (urban != 0 && urban != 1)
        return wg_err_set(e, _("urban must be 0 or 1")), change_bad(field, "urban");
    char county[19];
    int first_county = 0;
    if (level == DIV_COUNTY) {
        if (store_county_code(s, county) == 0)
            return wg_err_set(e, _("this database already holds county %s"), county),
                   change_bad(field, "code");
        if (a->user_id != 0)
            return wg_err_set(e, _("only the system creates the county (wangge init)")),
                   change_bad(field, "code");
        first_county = 1;
    } else {
        char parent[19];
        division_parent(code, parent);
        if (division_check(code, parent, e) < 0) return change_bad(field, "code");
        if (store_require_scope(s, code, e) < 0) return change_bad(field, "code");
        int ps = div_state(s, parent, e);
        if (ps < 0) return -1;
        if (ps == 0)
            return wg_err_set(e, _("parent division %s does not exist"), parent),
                   change_bad(field, "code");
        if (ps == 2)
            return wg_err_set(e, _("parent division %s is retired"), parent),
                   change_bad(field, "code");
    }
    int st0 = div_state(s, code, e);
    if (st0 < 0) return -1;
    if (st0) return wg_err_set(e, _("division %s already exists"), code), change_bad(field, "code");

    if (store_begin(s, e) < 0) return -1;
    static const char *sql = "INSERT INTO division (code, parent_code, level, kind, urban, name) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    char parent[19] = "";
    division_parent(code, parent);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 2, parent);
    sqlite3_bind_text(st, 3, division_level_name(level), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, urban);
    sqlite3_bind_text(st, 6, name, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("adding the division"), e) < 0) return change_fail(s);
    char *after = change_snapshot(s, DIV_SNAP, 0, code, e);
    int r = after ? change_audit(s, "add", "division", 0, NULL, after, NULL, e) : -1;
    free(after);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    if (first_county) {
        struct store_actor na = *a;
        snprintf(na.scope, sizeof na.scope, "%s", code);
        store_set_actor(s, &na);
    }
    return 0;
}

/* Shared by rename, set_kind and retire: check, run the update, audit. */
static int div_update(store *s, const char *code, const char *action, const char *sql,
                      const char *t1, int i2, wg_err *e)
{
    if (change_require_admin(s, _("change divisions"), e) < 0) return -1;
    if (change_empty(code)) return wg_err_set(e, _("no division code given"));
    if (store_require_scope(s, code, e) < 0) return -1;
    wg_err_clear(e);
    if (store_begin(s, e) < 0) return -1;
    char *before = change_snapshot(s, DIV_SNAP, 0, code, e);
    if (!before) {
        if (!e || !e->msg[0]) wg_err_set(e, _("no division %s"), code);
        return change_fail(s);
    }
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) {
        free(before);
        return change_fail(s);
    }
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    int np = sqlite3_bind_parameter_count(st);
    if (np >= 2) store_bind_text_or_null(st, 2, t1);
    if (np >= 3) sqlite3_bind_int(st, 3, i2);
    int r = change_step(s, st, _("changing the division"), e);
    char *after = r < 0 ? NULL : change_snapshot(s, DIV_SNAP, 0, code, e);
    if (after)
        r = change_audit(s, action, "division", 0, before, after, "code", e);
    else
        r = -1;
    free(before);
    free(after);
    if (r < 0 || store_commit(s, e) < 0) return change_fail(s);
    return 0;
}

int division_rename(store *s, const char *code, const char *name, wg_err *e)
{
    if (clean_name(name, e) < 0) return -1;
    return div_update(s, code, "rename", "UPDATE division SET name = ?2 WHERE code = ?1", name, 0,
                      e);
}

int division_set_kind(store *s, const char *code, const char *kind, int urban, wg_err *e)
{
    int l = division_level(code);
    if (l < 0) return wg_err_set(e, _("'%s' is not a division code"), code ? code : "");
    if (kind_fits((enum division_level)l, kind, e) < 0) return -1;
    if (urban != 0 && urban != 1) return wg_err_set(e, _("urban must be 0 or 1"));
    return div_update(s, code, "set_kind",
                      "UPDATE division SET kind = ?2, urban = ?3 WHERE code = ?1", kind, urban, e);
}

int division_retire(store *s, const char *code, wg_err *e)
{
    if (change_empty(code)) return wg_err_set(e, _("no division code given"));
    if (store_require_scope(s, code, e) < 0) return -1;
    struct division_rec d;
    if (division_get(s, code, &d, e) < 0) return -1;
    if (d.retired_at[0]) return wg_err_set(e, _("division %s is already retired"), code);
    if (d.level == DIV_COUNTY) return wg_err_set(e, _("the county cannot be retired"));
    if (d.households || d.residents || d.children)
        return wg_err_set(e,
                          _("division %s still has %lld households, %lld residents and %lld "
                            "divisions below it; move them first"),
                          code, (long long)d.households, (long long)d.residents,
                          (long long)d.children);
    return div_update(s, code, "retire",
                      "UPDATE division SET retired_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                      "WHERE code = ?1",
                      NULL, 0, e);
}

int division_next_code(store *s, const char *parent, char out[19], wg_err *e)
{
    int l = division_level(parent);
    if (l < 0 || l == DIV_BUILDING)
        return wg_err_set(e, _("'%s' cannot have divisions below it"), parent ? parent : "");
    static const char *sql = "SELECT code FROM division WHERE parent_code = ?1 ORDER BY code";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, parent, -1, SQLITE_TRANSIENT);
    size_t plen = strlen(parent);
    int want = 1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        int n = atoi(c + plen);
        if (n == want)
            want++;
        else if (n > want)
            break;
    }
    sqlite3_reset(st);
    if (want > 999) return wg_err_set(e, _("no free code left under %s"), parent);
    snprintf(out, 19, "%s%03d", parent, want);
    return 0;
}

/* Rows that live at a building's code follow it to its new code. */
static const char *const move_sqls[] = {
    "UPDATE household SET division_code = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
    "'now') WHERE division_code = ?1",
    "UPDATE resident SET division_code = ?2 WHERE division_code = ?1",
    "UPDATE place SET division_code = ?2 WHERE division_code = ?1",
    "UPDATE organisation SET division_code = ?2 WHERE division_code = ?1",
    "UPDATE \"case\" SET division_code = ?2 WHERE division_code = ?1",
    "UPDATE visit SET division_code = ?2 WHERE division_code = ?1",
};

int division_move_building(store *s, const char *building, const char *grid, char new_code[19],
                           wg_err *e)
{
    if (change_require_admin(s, _("re-draw grids"), e) < 0) return -1;
    if (division_level(building) != DIV_BUILDING)
        return wg_err_set(e, _("'%s' is not a building or villager group code"),
                          building ? building : "");
    if (division_level(grid) != DIV_GRID)
        return wg_err_set(e, _("'%s' is not a grid code"), grid ? grid : "");
    if (store_require_scope(s, building, e) < 0 || store_require_scope(s, grid, e) < 0) return -1;
    if (strncmp(building, grid, 15) == 0)
        return wg_err_set(e, _("building %s is already in grid %s"), building, grid);
    struct division_rec b, g;
    if (division_get(s, building, &b, e) < 0 || division_get(s, grid, &g, e) < 0) return -1;
    if (b.retired_at[0]) return wg_err_set(e, _("building %s is retired"), building);
    if (g.retired_at[0]) return wg_err_set(e, _("grid %s is retired"), grid);

    if (store_begin(s, e) < 0) return -1;
    char nc[19];
    if (division_next_code(s, grid, nc, e) < 0) return change_fail(s);
    static const char *ins =
        "INSERT INTO division (code, parent_code, level, kind, urban, name) "
        "SELECT ?2, ?3, level, kind, urban, name FROM division WHERE code = ?1";
    sqlite3_stmt *st = store_stmt(s, ins, e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, building, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, grid, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("creating the new building code"), e) < 0) return change_fail(s);

    static const char *hist =
        "INSERT INTO residence_history (resident_id, household_id, from_household, "
        "to_household, from_division, to_division, event, by_user, note) "
        "SELECT id, household_id, household_id, household_id, ?1, ?2, 'regridded', ?3, ?4 "
        "FROM resident WHERE division_code = ?1";
    st = store_stmt(s, hist, e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, building, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nc, -1, SQLITE_TRANSIENT);
    if (store_actor(s)->user_id) sqlite3_bind_int64(st, 3, store_actor(s)->user_id);
    char note[96];
    snprintf(note, sizeof note, "building moved to grid %s", grid);
    sqlite3_bind_text(st, 4, note, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("recording residence history"), e) < 0) return change_fail(s);

    int64_t moved[2] = {0, 0};
    for (size_t i = 0; i < sizeof move_sqls / sizeof *move_sqls; i++) {
        st = store_stmt(s, move_sqls[i], e);
        if (!st) return change_fail(s);
        sqlite3_bind_text(st, 1, building, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, nc, -1, SQLITE_TRANSIENT);
        if (change_step(s, st, _("moving records to the new code"), e) < 0) return change_fail(s);
        if (i < 2) moved[i] = sqlite3_changes(store_sqlite(s));
    }
    st = store_stmt(s,
                    "UPDATE division SET retired_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                    "WHERE code = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, building, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("retiring the old code"), e) < 0) return change_fail(s);

    char before[128], after[192];
    snprintf(before, sizeof before, "{\"code\":\"%s\",\"parent\":\"%s\"}", building, b.parent);
    snprintf(after, sizeof after,
             "{\"code\":\"%s\",\"parent\":\"%s\",\"households\":%lld,\"residents\":%lld}", nc, grid,
             (long long)moved[0], (long long)moved[1]);
    if (store_audit(s, "regrid", "division", 0, before, after, e) < 0 || store_commit(s, e) < 0)
        return change_fail(s);
    if (new_code) memcpy(new_code, nc, sizeof nc);
    return 0;
}
