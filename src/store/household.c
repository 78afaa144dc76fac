#include "store/household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/phone.h"
#include "store/change.h"
#include "store/history.h"
#include "store/store_internal.h"
#include "util/gettext.h"

#define HH_COLS                                                                                    \
    "h.id, h.division_code, coalesce(h.number, ''), h.address, coalesce(h.head_id, 0), "           \
    "coalesce((SELECT name FROM resident WHERE id = h.head_id), ''), h.integrity_points, "         \
    "coalesce(h.phone, ''), coalesce(h.note, ''), h.status, "                                      \
    "(SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.status = 'resident'), "    \
    "coalesce((SELECT group_concat(name, '、') FROM (SELECT DISTINCT t.name FROM resident r "     \
    "  JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id "              \
    "  WHERE r.household_id = h.id AND r.status = 'resident' ORDER BY t.id)), ''), "               \
    "h.updated_at "

#define HH_SNAP                                                                                    \
    "SELECT json_object('division_code', division_code, 'number', number, 'address', address, "    \
    "'head_id', head_id, 'integrity_points', integrity_points, 'phone', phone, 'note', note, "     \
    "'status', status) FROM household WHERE id = ?1"

static const struct change_table hh_tbl = {"household", HH_SNAP, NULL};

static void read_row(sqlite3_stmt *st, struct household_rec *h)
{
    memset(h, 0, sizeof *h);
    h->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, h->division_code, sizeof h->division_code);
    store_col_copy(st, 2, h->number, sizeof h->number);
    store_col_copy(st, 3, h->address, sizeof h->address);
    h->head_id = sqlite3_column_int64(st, 4);
    store_col_copy(st, 5, h->head_name, sizeof h->head_name);
    h->integrity_points = sqlite3_column_int(st, 6);
    char phone[32];
    store_col_copy(st, 7, phone, sizeof phone);
    if (phone[0]) phone_mask(phone, h->phone, sizeof h->phone);
    store_col_copy(st, 8, h->note, sizeof h->note);
    store_col_copy(st, 9, h->status, sizeof h->status);
    h->members = sqlite3_column_int(st, 10);
    store_col_copy(st, 11, h->tags, sizeof h->tags);
    store_col_copy(st, 12, h->updated_at, sizeof h->updated_at);
}

int household_list(store *s, const char *division, int include_dissolved, int64_t offset, int limit,
                   struct household_rec *out, wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    /* House numbers in numeric order (一组2号 before 一组10号: the NATURAL
     * collation). The page is chosen first from (id, address) alone, so the
     * members, head and tags are computed for the rows shown, not for every
     * household of the grid the sort has to look at. */
    static const char *sql = "SELECT " HH_COLS "FROM "
                             "(SELECT id, address FROM household "
                             " WHERE division_code >= ?1 AND division_code < ?1 || ':' "
                             "   AND (?2 OR status = 'active') "
                             " ORDER BY address COLLATE NATSORT, id LIMIT ?3 OFFSET ?4) p "
                             "JOIN household h ON h.id = p.id "
                             "ORDER BY p.address COLLATE NATSORT, p.id";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, division, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, include_dissolved != 0);
    sqlite3_bind_int(st, 3, limit);
    sqlite3_bind_int64(st, 4, offset);
    int n = 0;
    while (n < limit && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

int64_t household_count(store *s, const char *division, int include_dissolved, wg_err *e)
{
    if (store_require_scope(s, division, e) < 0) return -1;
    static const char *sql = "SELECT count(*) FROM household h "
                             "WHERE h.division_code >= ?1 AND h.division_code < ?1 || ':' "
                             "  AND (?2 OR h.status = 'active')";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, division, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, include_dissolved != 0);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return n < 0 ? store_sql_err(s, e, _("counting households")) : n;
}

int household_get(store *s, int64_t id, struct household_rec *out, wg_err *e)
{
    if (change_household(s, id, NULL, NULL, NULL, e) < 0) return -1;
    static const char *sql = "SELECT " HH_COLS "FROM household h WHERE h.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : store_sql_err(s, e, _("reading a household"));
}

int household_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e)
{
    if (!role_may_unmask(store_actor(s)->role))
        return wg_err_set(e, _("your role may not see full phone numbers"));
    if (change_household(s, id, NULL, NULL, NULL, e) < 0) return -1;
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(phone, '') FROM household WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW && phone && size) store_col_copy(st, 0, phone, size);
    sqlite3_reset(st);
    if (store_audit(s, "unmask", "household", id, NULL, "{\"fields\":[\"phone\"]}", e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

/* Validate the editable fields; the normalised phone goes to phone_out ("" if
 * none, or the stored one when the input is the masked value). */
static int check_fields(const struct household_rec *h, char *phone_out, size_t size,
                        const char **field, wg_err *e)
{
    if (change_empty(h->address))
        return wg_err_set(e, _("the address is empty")), change_bad(field, "address");
    if (h->integrity_points < 0 || h->integrity_points > 1000)
        return wg_err_set(e, _("integrity points must be between 0 and 1000, not %d"),
                          h->integrity_points),
               change_bad(field, "integrity_points");
    if (strchr(h->phone, '*')) return 1; /* unchanged */
    phone_out[0] = '\0';
    if (h->phone[0] && phone_parse(h->phone, phone_out, size, e) < 0)
        return change_bad(field, "phone");
    return 0;
}

int64_t household_add(store *s, const struct household_rec *h, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("add households"), e) < 0) return -1;
    int l = division_level(h->division_code);
    if (l != DIV_GRID && l != DIV_BUILDING)
        return wg_err_set(e, _("a household lives in a grid or a building, not in '%s'"),
                          h->division_code),
               change_bad(field, "division_code");
    if (store_require_scope(s, h->division_code, e) < 0) return change_bad(field, "division_code");
    sqlite3_stmt *st = store_stmt(s, "SELECT retired_at IS NULL FROM division WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, h->division_code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), active = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return wg_err_set(e, _("no division %s"), h->division_code),
               change_bad(field, "division_code");
    if (!active)
        return wg_err_set(e, _("division %s is retired"), h->division_code),
               change_bad(field, "division_code");
    struct household_rec c = *h;
    if (c.integrity_points == 0) c.integrity_points = 100;
    char phone[32];
    if (strchr(c.phone, '*')) c.phone[0] = '\0';
    if (check_fields(&c, phone, sizeof phone, field, e) < 0) return -1;

    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s,
                    "INSERT INTO household (division_code, number, address, integrity_points, "
                    "phone, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, c.division_code, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 2, c.number);
    sqlite3_bind_text(st, 3, c.address, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, c.integrity_points);
    store_bind_text_or_null(st, 5, phone);
    store_bind_text_or_null(st, 6, c.note);
    return change_insert(s, &hh_tbl, st, _("adding the household"), e);
}

int household_update(store *s, const struct household_rec *h, const char *reason,
                     const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_editor(s, _("change households"), e) < 0) return -1;
    char status[12];
    if (change_household(s, h->id, NULL, status, NULL, e) < 0) return -1;
    if (strcmp(status, "active") != 0)
        return wg_err_set(e, _("household %lld is dissolved"), (long long)h->id);
    char phone[32];
    int keep_phone = check_fields(h, phone, sizeof phone, field, e);
    if (keep_phone < 0) return -1;

    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "SELECT integrity_points FROM household WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, h->id);
    int old_points = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    if (old_points != h->integrity_points && change_empty(reason)) {
        store_rollback(s);
        wg_err_set(e, _("say why the integrity points change (%d to %d)"), old_points,
                   h->integrity_points);
        return change_bad(field, "integrity_points");
    }
    st = store_stmt(s,
                    "UPDATE household SET number = ?2, address = ?3, integrity_points = ?4, "
                    "phone = CASE WHEN ?7 THEN phone ELSE ?5 END, note = ?6, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, h->id);
    store_bind_text_or_null(st, 2, h->number);
    sqlite3_bind_text(st, 3, h->address, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, h->integrity_points);
    store_bind_text_or_null(st, 5, phone);
    store_bind_text_or_null(st, 6, h->note);
    sqlite3_bind_int(st, 7, keep_phone == 1);
    if (change_updated(s, &hh_tbl, h->id, "update", st, _("saving the household"), "reason",
                       old_points != h->integrity_points ? reason : NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int household_set_head(store *s, int64_t household, int64_t resident, wg_err *e)
{
    if (change_require_editor(s, _("change households"), e) < 0) return -1;
    int64_t old_head;
    if (change_household(s, household, NULL, NULL, &old_head, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(
        s, "SELECT household_id = ?2 AND status = 'resident' FROM resident WHERE id = ?1", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, resident);
    sqlite3_bind_int64(st, 2, household);
    int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (!ok)
        return wg_err_set(e, _("resident %lld is not a member living in household %lld"),
                          (long long)resident, (long long)household);
    if (old_head == resident) return 0;
    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s,
                    "UPDATE resident SET relation = CASE WHEN id = ?2 THEN 'head' ELSE 'other' "
                    "END, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                    "WHERE household_id = ?1 AND (id = ?2 OR relation = 'head')",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, household);
    sqlite3_bind_int64(st, 2, resident);
    if (change_step(s, st, _("changing relations"), e) < 0) return change_fail(s);
    st = store_stmt(s,
                    "UPDATE household SET head_id = ?2, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, household);
    sqlite3_bind_int64(st, 2, resident);
    if (change_updated(s, &hh_tbl, household, "set_head", st, _("setting the head"), NULL, NULL,
                       e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int household_dissolve(store *s, int64_t id, const char *note, wg_err *e)
{
    if (change_require_editor(s, _("dissolve households"), e) < 0) return -1;
    char status[12];
    if (change_household(s, id, NULL, status, NULL, e) < 0) return -1;
    if (strcmp(status, "active") != 0)
        return wg_err_set(e, _("household %lld is already dissolved"), (long long)id);
    sqlite3_stmt *st = store_stmt(
        s, "SELECT count(*) FROM resident WHERE household_id = ?1 AND status = 'resident'", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int left = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (left)
        return wg_err_set(e,
                          _("household %lld still has %d residents; move them out or transfer "
                            "them first"),
                          (long long)id, left);
    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s,
                    "UPDATE household SET status = 'dissolved', note = coalesce(?2, note), "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    store_bind_text_or_null(st, 2, note);
    if (change_updated(s, &hh_tbl, id, "dissolve", st, _("dissolving the household"), NULL, NULL,
                       e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int household_move(store *s, int64_t id, const char *division, wg_err *e)
{
    if (change_require_editor(s, _("move households"), e) < 0) return -1;
    char from[19], status[12];
    if (change_household(s, id, from, status, NULL, e) < 0) return -1;
    int l = division_level(division);
    if (l != DIV_GRID && l != DIV_BUILDING)
        return wg_err_set(e, _("a household lives in a grid or a building, not in '%s'"),
                          division ? division : "");
    if (store_require_scope(s, division, e) < 0) return -1;
    if (strcmp(from, division) == 0)
        return wg_err_set(e, _("household %lld is already in %s"), (long long)id, division);
    sqlite3_stmt *st = store_stmt(s, "SELECT retired_at IS NULL FROM division WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, division, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), active = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (!active)
        return wg_err_set(
            e, rc == SQLITE_ROW ? _("division %s is retired") : _("division %s does not exist"),
            division);

    if (store_begin(s, e) < 0) return -1;
    st = store_stmt(s,
                    "INSERT INTO residence_history (resident_id, household_id, from_household, "
                    "to_household, from_division, to_division, event, by_user) "
                    "SELECT id, household_id, household_id, household_id, division_code, ?2, "
                    "'regridded', ?3 FROM resident WHERE household_id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, division, -1, SQLITE_TRANSIENT);
    if (store_actor(s)->user_id) sqlite3_bind_int64(st, 3, store_actor(s)->user_id);
    if (change_step(s, st, _("recording residence history"), e) < 0) return change_fail(s);
    st = store_stmt(s, "UPDATE resident SET division_code = ?2 WHERE household_id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, division, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("moving the residents"), e) < 0) return change_fail(s);
    st = store_stmt(s,
                    "UPDATE household SET division_code = ?2, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, division, -1, SQLITE_TRANSIENT);
    if (change_updated(s, &hh_tbl, id, "move", st, _("moving the household"), NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int household_history(store *s, int64_t household_id, struct residence_event *out, int max,
                      wg_err *e)
{
    if (change_household(s, household_id, NULL, NULL, NULL, e) < 0) return -1;
    return history_read(s, 1, household_id, out, max, e);
}
