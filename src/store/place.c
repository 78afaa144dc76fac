#include "store/place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "domain/role.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define PLACE_COLS                                                                                 \
    "id, division_code, kind, name, coalesce(address, ''), coalesce(contact, ''), "                \
    "coalesce(phone, ''), status, coalesce(note, '') "

#define PLACE_SNAP                                                                                 \
    "SELECT json_object('division_code', division_code, 'kind', kind, 'name', name, "              \
    "'address', address, 'contact', contact, 'phone', phone, 'status', status, 'note', note) "     \
    "FROM place WHERE id = ?1"

static const struct change_table place_tbl = {"place", PLACE_SNAP, NULL};

static const char *const kinds[] = {"building", "shop",   "school",     "clinic",
                                    "hospital", "market", "enterprise", "facility",
                                    "camera",   "other",  NULL};
static const char *const statuses[] = {"normal", "hazard", "closed", NULL};

static void read_row(sqlite3_stmt *st, struct place_rec *p)
{
    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, p->division_code, sizeof p->division_code);
    store_col_copy(st, 2, p->kind, sizeof p->kind);
    store_col_copy(st, 3, p->name, sizeof p->name);
    store_col_copy(st, 4, p->address, sizeof p->address);
    store_col_copy(st, 5, p->contact, sizeof p->contact);
    store_col_copy(st, 6, p->phone, sizeof p->phone);
    store_col_copy(st, 7, p->status, sizeof p->status);
    store_col_copy(st, 8, p->note, sizeof p->note);
}

/* Bind the filters of place_list_filtered / place_count_filtered: ?1 the
 * area, ?4 the kind (NULL: any), ?5 the LIKE pattern and ?6 the text for the
 * phone (NULL: no text filter). 0, or -1 with *e for an unknown kind. */
static int bind_filter(sqlite3_stmt *st, const char *division, const char *kind, const char *text,
                       char **pattern, wg_err *e)
{
    if (kind && *kind && !change_in_list(kinds, kind))
        return wg_err_set(e, _("unknown kind of place '%s'"), kind);
    *pattern = store_like_pattern(text);
    sqlite3_bind_text(st, 1, division, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, kind);
    store_bind_text_or_null(st, 5, *pattern);
    store_bind_text_or_null(st, 6, *pattern ? text : NULL);
    return 0;
}

/* The area is an index range on division_code; kind and text are checked on
 * the rows of that range only. */
#define FILTER_WHERE                                                                               \
    "WHERE division_code >= ?1 AND division_code < ?1 || ':' AND (?4 IS NULL OR kind = ?4) "       \
    "AND (?5 IS NULL OR name LIKE ?5 ESCAPE '\\' OR address LIKE ?5 ESCAPE '\\' OR contact LIKE "  \
    "?5 ESCAPE '\\' "                                                                              \
    "OR note LIKE ?5 ESCAPE '\\' OR instr(phone, ?6) > 0) "

int place_list_filtered(store *s, const char *division, const char *kind, const char *text,
                        int64_t offset, int limit, struct place_rec *out, wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    static const char *sql =
        "SELECT " PLACE_COLS "FROM place " FILTER_WHERE "ORDER BY name, id LIMIT ?2 OFFSET ?3";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    char *pattern = NULL;
    if (bind_filter(st, division, kind, text, &pattern, e) < 0) return -1;
    sqlite3_bind_int(st, 2, limit);
    sqlite3_bind_int64(st, 3, offset);
    int n = 0, rc = SQLITE_DONE;
    while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(pattern);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_sql_err(s, e, _("listing places"));
    return n;
}

int64_t place_count_filtered(store *s, const char *division, const char *kind, const char *text,
                             wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM place " FILTER_WHERE, e);
    if (!st) return -1;
    char *pattern = NULL;
    if (bind_filter(st, division, kind, text, &pattern, e) < 0) return -1;
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(pattern);
    return n < 0 ? store_sql_err(s, e, _("counting places")) : n;
}

int place_list(store *s, const char *division, int64_t offset, int limit, struct place_rec *out,
               wg_err *e)
{
    return place_list_filtered(s, division, NULL, NULL, offset, limit, out, e);
}

int64_t place_count(store *s, const char *division, wg_err *e)
{
    return place_count_filtered(s, division, NULL, NULL, e);
}

int place_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e)
{
    if (!role_may_unmask(store_actor(s)->role))
        return wg_err_set(e, _("your role may not see full ID and phone numbers"));
    struct place_rec x;
    if (store_begin(s, e) < 0) return -1;
    /* read in the transaction that records it: what was shown is what was
     * audited */
    if (place_get(s, id, &x, e) < 0 ||
        store_audit(s, "unmask", "place", id, NULL, "{\"fields\":[\"phone\"]}", e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    if (phone && size) snprintf(phone, size, "%s", x.phone);
    explicit_bzero(&x, sizeof x);
    return 0;
}

int place_get(store *s, int64_t id, struct place_rec *out, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT " PLACE_COLS "FROM place WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    struct place_rec p;
    if (rc == SQLITE_ROW) read_row(st, &p);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return wg_err_set(e, _("no place %lld"), (long long)id);
    if (store_require_scope(s, p.division_code, e) < 0) return -1;
    *out = p;
    return 0;
}

static int check(store *s, const struct place_rec *p, char phone[32], const char **field, wg_err *e)
{
    if (change_check_division(s, p->division_code, field, e) < 0) return -1;
    if (!change_in_list(kinds, p->kind))
        return wg_err_set(e, _("unknown kind of place '%s'"), p->kind), change_bad(field, "kind");
    if (change_empty(p->name))
        return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (p->status[0] && !change_in_list(statuses, p->status))
        return wg_err_set(e, _("status must be normal, hazard or closed")),
               change_bad(field, "status");
    phone[0] = '\0';
    if (p->phone[0] && phone_parse(p->phone, phone, 32, e) < 0) return change_bad(field, "phone");
    return 0;
}

int64_t place_add(store *s, const struct place_rec *p, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("add places"), e) < 0) return -1;
    char phone[32];
    if (check(s, p, phone, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO place (division_code, kind, name, address, "
                                  "contact, phone, status, note) VALUES (?1, ?2, ?3, ?4, ?5, "
                                  "?6, coalesce(?7, 'normal'), ?8)",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, p->division_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, p->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->name, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, p->address);
    store_bind_text_or_null(st, 5, p->contact);
    store_bind_text_or_null(st, 6, phone);
    store_bind_text_or_null(st, 7, p->status);
    store_bind_text_or_null(st, 8, p->note);
    return change_insert(s, &place_tbl, st, _("adding the place"), e);
}

int place_update(store *s, const struct place_rec *p, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("change places"), e) < 0) return -1;
    struct place_rec cur;
    if (place_get(s, p->id, &cur, e) < 0) return -1;
    char phone[32];
    if (check(s, p, phone, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE place SET division_code = ?2, kind = ?3, name = ?4, "
                                  "address = ?5, contact = ?6, phone = ?7, status = "
                                  "coalesce(?8, status), note = ?9 WHERE id = ?1",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_text(st, 2, p->division_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, p->name, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 5, p->address);
    store_bind_text_or_null(st, 6, p->contact);
    store_bind_text_or_null(st, 7, phone);
    store_bind_text_or_null(st, 8, p->status);
    store_bind_text_or_null(st, 9, p->note);
    if (change_updated(s, &place_tbl, p->id, "update", st, _("saving the place"), NULL, NULL, e) <
            0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}
