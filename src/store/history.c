#include "store/history.h"

#include <string.h>

#include "store/store_internal.h"
#include "util/gettext.h"

#define HIST_COLS                                                                                  \
    "rh.id, coalesce(rh.resident_id, 0), coalesce(rh.household_id, 0), "                           \
    "coalesce(rh.from_household, 0), coalesce(rh.to_household, 0), "                               \
    "coalesce(rh.from_division, ''), coalesce(rh.to_division, ''), rh.event, rh.at, "              \
    "coalesce(u.name, ''), coalesce(rh.note, ''), coalesce(r.name, ''), "                          \
    "coalesce(fh.address, ''), coalesce(fh.division_code, ''), "                                   \
    "coalesce(th.address, ''), coalesce(th.division_code, ''), "                                   \
    "coalesce(fd.name, ''), coalesce(td.name, '') "                                                \
    "FROM residence_history rh "                                                                   \
    "LEFT JOIN user u ON u.id = rh.by_user "                                                       \
    "LEFT JOIN resident r ON r.id = rh.resident_id "                                               \
    "LEFT JOIN household fh ON fh.id = rh.from_household "                                         \
    "LEFT JOIN household th ON th.id = rh.to_household "                                           \
    "LEFT JOIN division fd ON fd.code = rh.from_division "                                         \
    "LEFT JOIN division td ON td.code = rh.to_division "

/* A place is named only when it lies within the actor's scope: a resident
 * who came from (or left for) another grid shows that grid's code, not the
 * address of a household the actor may not see. */
static void place(store *s, sqlite3_stmt *st, int text_col, int code_col, char *out, size_t size)
{
    const char *code = (const char *)sqlite3_column_text(st, code_col);
    if (code && *code && store_in_scope(s, code))
        store_col_copy(st, text_col, out, size);
    else
        out[0] = '\0';
}

static void read_row(store *s, sqlite3_stmt *st, struct residence_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->id = sqlite3_column_int64(st, 0);
    ev->resident_id = sqlite3_column_int64(st, 1);
    ev->household_id = sqlite3_column_int64(st, 2);
    ev->from_household = sqlite3_column_int64(st, 3);
    ev->to_household = sqlite3_column_int64(st, 4);
    store_col_copy(st, 5, ev->from_division, sizeof ev->from_division);
    store_col_copy(st, 6, ev->to_division, sizeof ev->to_division);
    store_col_copy(st, 7, ev->event, sizeof ev->event);
    store_col_copy(st, 8, ev->at, sizeof ev->at);
    store_col_copy(st, 9, ev->by_user, sizeof ev->by_user);
    store_col_copy(st, 10, ev->note, sizeof ev->note);
    store_col_copy(st, 11, ev->resident_name, sizeof ev->resident_name);
    if (ev->from_household && ev->from_household == ev->to_household) {
        /* re-drawn: the household stayed, its grid or building changed */
        if (store_in_scope(s, ev->from_division))
            store_col_copy(st, 16, ev->from_place, sizeof ev->from_place);
        if (store_in_scope(s, ev->to_division))
            store_col_copy(st, 17, ev->to_place, sizeof ev->to_place);
    } else {
        place(s, st, 12, 13, ev->from_place, sizeof ev->from_place);
        place(s, st, 14, 15, ev->to_place, sizeof ev->to_place);
    }
}

int history_read(store *s, int household, int64_t id, struct residence_event *out, int max,
                 wg_err *e)
{
    static const char *by_resident = "SELECT " HIST_COLS "WHERE rh.resident_id = ?1 "
                                     "ORDER BY rh.at DESC, rh.id DESC";
    /* Two index lookups (residence_history_household, residence_history_from)
     * rather than an OR the planner might answer with a scan. */
    static const char *by_household =
        "SELECT " HIST_COLS "WHERE rh.id IN (SELECT id FROM residence_history "
        "WHERE household_id = ?1 UNION SELECT id FROM residence_history WHERE from_household = ?1) "
        "ORDER BY rh.at DESC, rh.id DESC";
    sqlite3_stmt *st = store_stmt(s, household ? by_household : by_resident, e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int n = 0, rc = SQLITE_DONE;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) read_row(s, st, &out[n++]);
    if (n < max && rc != SQLITE_DONE) {
        sqlite3_reset(st);
        return store_sql_err(s, e, _("reading the residence history"));
    }
    sqlite3_reset(st);
    return n;
}
