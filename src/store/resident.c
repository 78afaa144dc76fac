#include "store/resident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/idnum.h"
#include "domain/phone.h"
#include "domain/pinyin.h"
#include "store/change.h"
#include "store/history.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define RES_COLS                                                                                   \
    "r.id, r.household_id, r.division_code, r.name, r.sex, coalesce(r.id_number, ''), "            \
    "coalesce(r.birth_date, ''), r.ethnicity, coalesce(r.phone, ''), r.relation, r.status, "       \
    "coalesce(r.status_date, ''), coalesce(r.status_note, ''), coalesce(r.note, ''), "             \
    "coalesce((SELECT group_concat(t.name, '、') FROM resident_tag rt JOIN tag t "                \
    "  ON t.id = rt.tag_id WHERE rt.resident_id = r.id), ''), "                                    \
    "(SELECT address FROM household WHERE id = r.household_id), r.updated_at "

#define RES_SNAP                                                                                   \
    "SELECT json_object('household_id', household_id, 'division_code', division_code, "            \
    "'name', name, 'sex', sex, 'id_number', id_number, 'birth_date', birth_date, "                 \
    "'ethnicity', ethnicity, 'phone', phone, 'relation', relation, 'status', status, "             \
    "'status_date', status_date, 'status_note', status_note, 'note', note) "                       \
    "FROM resident WHERE id = ?1"

static const struct change_table res_tbl = {"resident", RES_SNAP, NULL};

static const char *const relations[] = {"head",       "spouse",      "child",   "parent",
                                        "grandchild", "grandparent", "sibling", "child_in_law",
                                        "other",      NULL};

static void read_row(sqlite3_stmt *st, struct resident_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->household_id = sqlite3_column_int64(st, 1);
    store_col_copy(st, 2, r->division_code, sizeof r->division_code);
    store_col_copy(st, 3, r->name, sizeof r->name);
    const char *sex = (const char *)sqlite3_column_text(st, 4);
    r->sex = sex ? sex[0] : 0;
    char full[32];
    store_col_copy(st, 5, full, sizeof full);
    if (full[0]) idnum_mask(full, r->id_number);
    store_col_copy(st, 6, r->birth_date, sizeof r->birth_date);
    store_col_copy(st, 7, r->ethnicity, sizeof r->ethnicity);
    store_col_copy(st, 8, full, sizeof full);
    if (full[0]) phone_mask(full, r->phone, sizeof r->phone);
    store_col_copy(st, 9, r->relation, sizeof r->relation);
    store_col_copy(st, 10, r->status, sizeof r->status);
    store_col_copy(st, 11, r->status_date, sizeof r->status_date);
    store_col_copy(st, 12, r->status_note, sizeof r->status_note);
    store_col_copy(st, 13, r->note, sizeof r->note);
    store_col_copy(st, 14, r->tags, sizeof r->tags);
    store_col_copy(st, 15, r->address, sizeof r->address);
    store_col_copy(st, 16, r->updated_at, sizeof r->updated_at);
}

/* The resident's division, household and status, after the scope check. */
static int locate(store *s, int64_t id, char div[19], int64_t *household, char status[12],
                  wg_err *e)
{
    sqlite3_stmt *st =
        store_stmt(s, "SELECT division_code, household_id, status FROM resident WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    char d[19] = "", stat[12] = "";
    int64_t h = 0;
    if (rc == SQLITE_ROW) {
        store_col_copy(st, 0, d, sizeof d);
        h = sqlite3_column_int64(st, 1);
        store_col_copy(st, 2, stat, sizeof stat);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no resident %lld"), (long long)id);
    if (rc != SQLITE_ROW) return store_sql_err(s, e, _("reading a resident"));
    if (store_require_scope(s, d, e) < 0) return -1;
    if (div) memcpy(div, d, 19);
    if (household) *household = h;
    if (status) memcpy(status, stat, 12);
    return 0;
}

int resident_get(store *s, int64_t id, struct resident_rec *out, wg_err *e)
{
    if (locate(s, id, NULL, NULL, NULL, e) < 0) return -1;
    static const char *sql = "SELECT " RES_COLS "FROM resident r WHERE r.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : store_sql_err(s, e, _("reading a resident"));
}

int resident_list(store *s, int64_t household, int include_gone, int64_t offset, int limit,
                  struct resident_rec *out, wg_err *e)
{
    if (change_household(s, household, NULL, NULL, NULL, e) < 0) return -1;
    static const char *sql =
        "SELECT " RES_COLS "FROM resident r WHERE r.household_id = ?1 "
        "AND (?2 OR r.status = 'resident') "
        "ORDER BY r.status <> 'resident', CASE r.relation WHEN 'head' THEN 0 WHEN 'spouse' "
        "THEN 1 WHEN 'grandparent' THEN 2 WHEN 'parent' THEN 3 WHEN 'sibling' THEN 4 "
        "WHEN 'child' THEN 5 WHEN 'child_in_law' THEN 6 WHEN 'grandchild' THEN 7 ELSE 8 END, "
        "r.birth_date, r.id LIMIT ?3 OFFSET ?4";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, household);
    sqlite3_bind_int(st, 2, include_gone != 0);
    sqlite3_bind_int(st, 3, limit);
    sqlite3_bind_int64(st, 4, offset);
    int n = 0;
    while (n < limit && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int64_t resident_count(store *s, int64_t household, int include_gone, wg_err *e)
{
    if (change_household(s, household, NULL, NULL, NULL, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "SELECT count(*) FROM resident WHERE household_id = ?1 "
                                  "AND (?2 OR status = 'resident')",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, household);
    sqlite3_bind_int(st, 2, include_gone != 0);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return n < 0 ? store_sql_err(s, e, _("counting residents")) : n;
}

int resident_unmask(store *s, int64_t id, char id_number[19], char *phone, size_t phone_size,
                    wg_err *e)
{
    if (!role_may_unmask(store_actor(s)->role))
        return wg_err_set(e, _("your role may not see full ID and phone numbers"));
    if (locate(s, id, NULL, NULL, NULL, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(
        s, "SELECT coalesce(id_number, ''), coalesce(phone, '') FROM resident WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        if (id_number) store_col_copy(st, 0, id_number, 19);
        if (phone && phone_size) store_col_copy(st, 1, phone, phone_size);
    }
    sqlite3_reset(st);
    if (store_audit(s, "unmask", "resident", id, NULL, "{\"fields\":[\"id_number\",\"phone\"]}",
                    e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

/* Normalised values ready to store. */
struct clean {
    char sex[2];
    char id_number[19];
    char birth[11];
    char phone[32];
    char relation[16];
    char ethnicity[32];
    char pinyin[512], initials[160], id_rev[19], phone_rev[32];
};

static void reverse(const char *in, char *out, size_t size)
{
    size_t n = strlen(in);
    if (n >= size) n = size - 1;
    for (size_t i = 0; i < n; i++) out[i] = in[n - 1 - i];
    out[n] = '\0';
}

/* A stored full value (for update with a masked input). */
static void stored_value(store *s, int64_t id, int col, char *out, size_t size)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT coalesce(id_number, ''), coalesce(phone, '') FROM resident WHERE id = ?1", NULL);
    out[0] = '\0';
    if (!st) return;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, col, out, size);
    sqlite3_reset(st);
}

static int check_fields(store *s, const struct resident_rec *r, struct clean *c, const char **field,
                        wg_err *e)
{
    memset(c, 0, sizeof *c);
    if (change_empty(r->name))
        return wg_err_set(e, _("the name is empty")), change_bad(field, "name");
    if (strlen(r->name) >= sizeof r->name)
        return wg_err_set(e, _("the name is too long")), change_bad(field, "name");
    if (r->sex && r->sex != 'M' && r->sex != 'F')
        return wg_err_set(e, _("sex must be M or F")), change_bad(field, "sex");
    if (r->birth_date[0] && !change_valid_date(r->birth_date))
        return wg_err_set(e, _("birth date '%s' is not a real past date (YYYY-MM-DD)"),
                          r->birth_date),
               change_bad(field, "birth_date");
    snprintf(c->birth, sizeof c->birth, "%s", r->birth_date);
    c->sex[0] = r->sex;

    const char *idin = r->id_number;
    char stored[32];
    if (strchr(idin, '*')) {
        stored_value(s, r->id, 0, stored, sizeof stored);
        idin = stored;
    }
    if (idin[0]) {
        struct idnum id;
        if (idnum_parse(idin, NULL, &id, e) < 0) return change_bad(field, "id_number");
        if (idnum_matches(&id, c->birth[0] ? c->birth : NULL, c->sex[0], e) < 0)
            return change_bad(field, "id_number");
        memcpy(c->id_number, id.number, sizeof c->id_number);
        if (!c->birth[0]) memcpy(c->birth, id.birth, sizeof c->birth);
        if (!c->sex[0]) c->sex[0] = id.sex;
        reverse(c->id_number, c->id_rev, sizeof c->id_rev);
    }
    if (!c->sex[0])
        return wg_err_set(e, _("sex is required (M or F) when there is no ID number")),
               change_bad(field, "sex");

    const char *phin = r->phone;
    char stored_phone[32];
    if (strchr(phin, '*')) {
        stored_value(s, r->id, 1, stored_phone, sizeof stored_phone);
        phin = stored_phone;
    }
    if (phin[0]) {
        if (phone_parse(phin, c->phone, sizeof c->phone, e) < 0) return change_bad(field, "phone");
        reverse(c->phone, c->phone_rev, sizeof c->phone_rev);
    }

    const char *rel = r->relation[0] ? r->relation : "other";
    int ok = 0;
    for (const char *const *p = relations; *p; p++) ok |= strcmp(*p, rel) == 0;
    if (!ok) return wg_err_set(e, _("unknown relation '%s'"), rel), change_bad(field, "relation");
    snprintf(c->relation, sizeof c->relation, "%s", rel);
    snprintf(c->ethnicity, sizeof c->ethnicity, "%s", r->ethnicity[0] ? r->ethnicity : "汉族");
    pinyin_name(r->name, c->pinyin, sizeof c->pinyin, c->initials, sizeof c->initials);
    return 0;
}

/* RESIDENT_DUP_ID if the number belongs to another resident; the message
 * names that resident only when they are within the actor's scope. */
static int check_unique(store *s, const char *number, int64_t self, const char **field, wg_err *e)
{
    if (!number[0]) return 0;
    sqlite3_stmt *st = store_stmt(
        s,
        "SELECT r.id, r.division_code, r.name, h.address FROM resident r "
        "JOIN household h ON h.id = r.household_id WHERE r.id_number = ?1 AND r.id <> ?2",
        e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, self);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? 0 : store_sql_err(s, e, _("checking the ID number"));
    }
    char div[19], name[64], addr[192];
    store_col_copy(st, 1, div, sizeof div);
    store_col_copy(st, 2, name, sizeof name);
    store_col_copy(st, 3, addr, sizeof addr);
    sqlite3_reset(st);
    if (store_in_scope(s, div))
        wg_err_set(e, _("this ID number is already registered (%s, %s)"), name, addr);
    else
        wg_err_set(e, _("this ID number is already registered (in another grid/household)"));
    change_bad(field, "id_number");
    return RESIDENT_DUP_ID;
}

int64_t resident_add(store *s, struct resident_rec *r, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("add residents"), e) < 0) return -1;
    char div[19], status[12];
    int64_t head;
    if (change_household(s, r->household_id, div, status, &head, e) < 0)
        return change_bad(field, "household_id");
    if (strcmp(status, "active") != 0)
        return wg_err_set(e, _("household %lld is dissolved"), (long long)r->household_id),
               change_bad(field, "household_id");
    struct clean c;
    if (strchr(r->id_number, '*') || strchr(r->phone, '*'))
        return wg_err_set(e, _("a masked number cannot be stored")),
               change_bad(field, strchr(r->id_number, '*') ? "id_number" : "phone");
    if (check_fields(s, r, &c, field, e) < 0) return -1;
    int u = check_unique(s, c.id_number, 0, field, e);
    if (u) return u;

    if (store_begin(s, e) < 0) return -1;
    static const char *sql =
        "INSERT INTO resident (household_id, division_code, name, sex, id_number, birth_date, "
        "ethnicity, phone, relation, note, name_pinyin, name_initials, id_rev, phone_rev) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, r->household_id);
    sqlite3_bind_text(st, 2, div, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, r->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, c.sex, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 5, c.id_number);
    store_bind_text_or_null(st, 6, c.birth);
    sqlite3_bind_text(st, 7, c.ethnicity, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 8, c.phone);
    sqlite3_bind_text(st, 9, c.relation, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 10, r->note);
    sqlite3_bind_text(st, 11, c.pinyin, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 12, c.initials, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 13, c.id_rev);
    store_bind_text_or_null(st, 14, c.phone_rev);
    if (change_step(s, st, _("adding the resident"), e) < 0) return change_fail(s);
    int64_t id = sqlite3_last_insert_rowid(store_sqlite(s));
    if (strcmp(c.relation, "head") == 0 && !head) {
        st = store_stmt(s, "UPDATE household SET head_id = ?2 WHERE id = ?1", e);
        if (!st) return change_fail(s);
        sqlite3_bind_int64(st, 1, r->household_id);
        sqlite3_bind_int64(st, 2, id);
        if (change_step(s, st, _("setting the household head"), e) < 0) return change_fail(s);
    }
    if (change_history(s, id, r->household_id, 0, r->household_id, NULL, div, "moved_in", NULL, e) <
        0)
        return change_fail(s);
    if (change_added(s, &res_tbl, id, e) < 0) return -1;
    r->id = id;
    return id;
}

int resident_update(store *s, const struct resident_rec *r, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("change residents"), e) < 0) return -1;
    if (locate(s, r->id, NULL, NULL, NULL, e) < 0) return -1;
    struct clean c;
    if (check_fields(s, r, &c, field, e) < 0) return -1;
    int u = check_unique(s, c.id_number, r->id, field, e);
    if (u) return u;
    if (store_begin(s, e) < 0) return -1;
    static const char *sql =
        "UPDATE resident SET name = ?2, sex = ?3, id_number = ?4, birth_date = ?5, "
        "ethnicity = ?6, phone = ?7, relation = ?8, note = ?9, name_pinyin = ?10, "
        "name_initials = ?11, id_rev = ?12, phone_rev = ?13, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, r->id);
    sqlite3_bind_text(st, 2, r->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c.sex, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, c.id_number);
    store_bind_text_or_null(st, 5, c.birth);
    sqlite3_bind_text(st, 6, c.ethnicity, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 7, c.phone);
    sqlite3_bind_text(st, 8, c.relation, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 9, r->note);
    sqlite3_bind_text(st, 10, c.pinyin, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, c.initials, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 12, c.id_rev);
    store_bind_text_or_null(st, 13, c.phone_rev);
    if (change_updated(s, &res_tbl, r->id, "update", st, _("saving the resident"), "why", NULL, e) <
            0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

static int set_gone(store *s, int64_t id, const char *status, const char *date, const char *note,
                    wg_err *e)
{
    if (change_require_editor(s, _("change residents"), e) < 0) return -1;
    char div[19], cur[12];
    int64_t hh;
    if (locate(s, id, div, &hh, cur, e) < 0) return -1;
    if (strcmp(cur, "resident") != 0)
        return wg_err_set(e,
                          strcmp(cur, "deceased") == 0
                              ? _("resident %lld is already recorded as deceased")
                              : _("resident %lld is already recorded as moved out"),
                          (long long)id);
    char d[11];
    if (change_empty(date))
        change_today(d);
    else if (!change_valid_date(date))
        return wg_err_set(e, _("date '%s' is not a real date, today or earlier (YYYY-MM-DD)"),
                          date);
    else
        snprintf(d, sizeof d, "%s", date);
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE resident SET status = ?2, status_date = ?3, "
                                  "status_note = ?4, updated_at = "
                                  "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, note);
    if (change_history(s, id, hh, hh, 0, div, NULL, status, note, e) < 0 ||
        change_updated(s, &res_tbl, id, status, st, _("changing the status"), "why", NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int resident_move_out(store *s, int64_t id, const char *date, const char *note, wg_err *e)
{
    return set_gone(s, id, "moved_out", date, note, e);
}

int resident_deceased(store *s, int64_t id, const char *date, const char *note, wg_err *e)
{
    return set_gone(s, id, "deceased", date, note, e);
}

/* Move resident id into household to (checked by the caller), audited. */
static int move_to(store *s, int64_t id, const char *action, const char *event, int64_t from_hh,
                   const char *from_div, int64_t to_hh, const char *to_div, const char *relation,
                   const char *note, int restore, wg_err *e)
{
    if (store_begin(s, e) < 0) return -1;
    /* a head who leaves takes the headship along: the old household has none */
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE household SET head_id = NULL, updated_at = "
                                  "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                  "WHERE id = ?1 AND head_id = ?2 AND ?1 <> ?3",
                                  e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, from_hh);
    sqlite3_bind_int64(st, 2, id);
    sqlite3_bind_int64(st, 3, to_hh);
    if (change_step(s, st, _("updating the old household"), e) < 0) return change_fail(s);
    st = store_stmt(s,
                    "UPDATE resident SET household_id = ?2, division_code = ?3, "
                    "relation = coalesce(?4, relation), "
                    "status = CASE WHEN ?5 THEN 'resident' ELSE status END, "
                    "status_date = CASE WHEN ?5 THEN NULL ELSE status_date END, "
                    "status_note = CASE WHEN ?5 THEN NULL ELSE status_note END, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, to_hh);
    sqlite3_bind_text(st, 3, to_div, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, relation);
    sqlite3_bind_int(st, 5, restore);
    if (change_history(s, id, to_hh, from_hh, to_hh, from_div, to_div, event, note, e) < 0 ||
        change_updated(s, &res_tbl, id, action, st, _("moving the resident"), "why", note, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

static int check_relation(const char *rel, wg_err *e)
{
    if (change_empty(rel)) return 0;
    for (const char *const *p = relations; *p; p++)
        if (strcmp(*p, rel) == 0) return 0;
    return wg_err_set(e, _("unknown relation '%s'"), rel);
}

int resident_transfer(store *s, int64_t id, int64_t household, const char *relation,
                      const char *note, wg_err *e)
{
    if (change_require_editor(s, _("transfer residents"), e) < 0) return -1;
    char from_div[19], cur[12], to_div[19], to_status[12];
    int64_t from_hh;
    if (locate(s, id, from_div, &from_hh, cur, e) < 0) return -1;
    if (strcmp(cur, "resident") != 0)
        return wg_err_set(e, _("resident %lld no longer lives here; restore them instead"),
                          (long long)id);
    if (household == from_hh)
        return wg_err_set(e, _("resident %lld is already in household %lld"), (long long)id,
                          (long long)household);
    if (change_household(s, household, to_div, to_status, NULL, e) < 0) return -1;
    if (strcmp(to_status, "active") != 0)
        return wg_err_set(e, _("household %lld is dissolved"), (long long)household);
    if (check_relation(relation, e) < 0) return -1;
    if (relation && strcmp(relation, "head") == 0)
        return wg_err_set(e, _("transfer as a member, then make them the head"));
    return move_to(s, id, "transfer", "transferred", from_hh, from_div, household, to_div,
                   change_empty(relation) ? "other" : relation, note, 0, e);
}

int resident_restore(store *s, int64_t id, int64_t household, const char *note, wg_err *e)
{
    if (change_require_editor(s, _("restore residents"), e) < 0) return -1;
    char from_div[19], cur[12], to_div[19], to_status[12];
    int64_t from_hh;
    if (locate(s, id, from_div, &from_hh, cur, e) < 0) return -1;
    if (strcmp(cur, "resident") == 0)
        return wg_err_set(e, _("resident %lld already lives here"), (long long)id);
    if (!household) household = from_hh;
    if (change_household(s, household, to_div, to_status, NULL, e) < 0) return -1;
    if (strcmp(to_status, "active") != 0)
        return wg_err_set(e, _("household %lld is dissolved"), (long long)household);
    return move_to(s, id, "restore", "restored", from_hh, from_div, household, to_div,
                   household == from_hh ? NULL : "other", note, 1, e);
}

int resident_history(store *s, int64_t resident_id, struct residence_event *out, int max, wg_err *e)
{
    if (locate(s, resident_id, NULL, NULL, NULL, e) < 0) return -1;
    return history_read(s, 0, resident_id, out, max, e);
}
