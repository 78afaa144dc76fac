#include "store/organisation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "domain/role.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define ORG_COLS                                                                                   \
    "id, division_code, kind, name, coalesce(contact, ''), coalesce(phone, ''), "                  \
    "coalesce(rating, ''), coalesce(note, '') "

#define ORG_SNAP                                                                                   \
    "SELECT json_object('division_code', division_code, 'kind', kind, 'name', name, "              \
    "'contact', contact, 'phone', phone, 'rating', rating, 'note', note) "                         \
    "FROM organisation WHERE id = ?1"

static const struct change_table org_tbl = {"organisation", ORG_SNAP, NULL};

static const char *const kinds[] = {"property",   "social", "party_branch",
                                    "enterprise", "other",  NULL};
static const char *const ratings[] = {"red", "black", "none", NULL};

static void read_row(sqlite3_stmt *st, struct organisation_rec *p)
{
    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, p->division_code, sizeof p->division_code);
    store_col_copy(st, 2, p->kind, sizeof p->kind);
    store_col_copy(st, 3, p->name, sizeof p->name);
    store_col_copy(st, 4, p->contact, sizeof p->contact);
    store_col_copy(st, 5, p->phone, sizeof p->phone);
    store_col_copy(st, 6, p->rating, sizeof p->rating);
    store_col_copy(st, 7, p->note, sizeof p->note);
}

/* Bind the filters of organisation_list_filtered / organisation_count_filtered: ?1 the
 * area, ?4 the kind (NULL: any), ?5 the LIKE pattern and ?6 the text for the
 * phone (NULL: no text filter). 0, or -1 with *e for an unknown kind. */
static int bind_filter(sqlite3_stmt *st, const char *division, const char *kind, const char *text,
                       char **pattern, wg_err *e)
{
    if (kind && *kind && !change_in_list(kinds, kind))
        return wg_err_set(e, _("unknown kind of organisation '%s'"), kind);
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
    "AND (?5 IS NULL OR name LIKE ?5 ESCAPE '\\' OR contact LIKE ?5 ESCAPE '\\' "                  \
    "OR note LIKE ?5 ESCAPE '\\' OR instr(phone, ?6) > 0) "

int organisation_list_filtered(store *s, const char *division, const char *kind, const char *text,
                               int64_t offset, int limit, struct organisation_rec *out, wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    static const char *sql =
        "SELECT " ORG_COLS "FROM organisation " FILTER_WHERE "ORDER BY name, id LIMIT ?2 OFFSET ?3";
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
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_sql_err(s, e, _("listing organisations"));
    return n;
}

int64_t organisation_count_filtered(store *s, const char *division, const char *kind,
                                    const char *text, wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM organisation " FILTER_WHERE, e);
    if (!st) return -1;
    char *pattern = NULL;
    if (bind_filter(st, division, kind, text, &pattern, e) < 0) return -1;
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(pattern);
    return n < 0 ? store_sql_err(s, e, _("counting organisations")) : n;
}

int organisation_list(store *s, const char *division, int64_t offset, int limit,
                      struct organisation_rec *out, wg_err *e)
{
    return organisation_list_filtered(s, division, NULL, NULL, offset, limit, out, e);
}

int64_t organisation_count(store *s, const char *division, wg_err *e)
{
    return organisation_count_filtered(s, division, NULL, NULL, e);
}

int organisation_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e)
{
    if (!role_may_unmask(store_actor(s)->role))
        return wg_err_set(e, _("your role may not see full ID and phone numbers"));
    struct organisation_rec x;
    if (store_begin(s, e) < 0) return -1;
    /* read in the transaction that records it: what was shown is what was
     * audited */
    if (organisation_get(s, id, &x, e) < 0 ||
        store_audit(s, "unmask", "organisation", id, NULL, "{\"fields\":[\"phone\"]}", e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    if (phone && size) snprintf(phone, size, "%s", x.phone);
    explicit_bzero(&x, sizeof x);
    return 0;
}

int organisation_get(store *s, int64_t id, struct organisation_rec *out, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT " ORG_COLS "FROM organisation WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    struct organisation_rec p;
    if (rc == SQLITE_ROW) read_row(st, &p);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return wg_err_set(e, _("no organisation %lld"), (long long)id);
    if (store_require_scope(s, p.division_code, e) < 0) return -1;
    *out = p;
    return 0;
}

static int check(store *s, const struct organisation_rec *p, char phone[32], const char **field,
                 wg_err *e)
{
    if (change_check_division(s, p->division_code, field, e) < 0) return -1;
    if (!change_in_list(kinds, p->kind))
        return wg_err_set(e, _("unknown kind of organisation '%s'"), p->kind),
               change_bad(field, "kind");
    if (change_empty(p->name))
        return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (p->rating[0] && !change_in_list(ratings, p->rating))
        return wg_err_set(e, _("rating must be red, black or none")), change_bad(field, "rating");
    phone[0] = '\0';
    if (p->phone[0] && phone_parse(p->phone, phone, 32, e) < 0) return change_bad(field, "phone");
    return 0;
}

int64_t organisation_add(store *s, const struct organisation_rec *p, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("add organisations"), e) < 0) return -1;
    char phone[32];
    if (check(s, p, phone, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO organisation (division_code, kind, name, contact, "
                                  "phone, rating, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, p->division_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, p->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->name, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, p->contact);
    store_bind_text_or_null(st, 5, phone);
    store_bind_text_or_null(st, 6, p->rating);
    store_bind_text_or_null(st, 7, p->note);
    return change_insert(s, &org_tbl, st, _("adding the organisation"), e);
}

int organisation_update(store *s, const struct organisation_rec *p, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("change organisations"), e) < 0) return -1;
    struct organisation_rec cur;
    if (organisation_get(s, p->id, &cur, e) < 0) return -1;
    char phone[32];
    if (check(s, p, phone, field, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE organisation SET division_code = ?2, kind = ?3, name = "
                                  "?4, contact = ?5, phone = ?6, rating = ?7, note = ?8 "
                                  "WHERE id = ?1",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_text(st, 2, p->division_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, p->name, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 5, p->contact);
    store_bind_text_or_null(st, 6, phone);
    store_bind_text_or_null(st, 7, p->rating);
    store_bind_text_or_null(st, 8, p->note);
    if (change_updated(s, &org_tbl, p->id, "update", st, _("saving the organisation"), NULL, NULL,
                       e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}
