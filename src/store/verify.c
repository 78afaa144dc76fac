#include "store/verify.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"

/* Each invariant is a query whose rows are the violations, as one text column. */
static const struct {
    const char *name, *sql;
} invariants[] = {
    {"every division's parent exists and its code extends the parent's",
     "SELECT d.code || ' (parent ' || coalesce(d.parent_code, 'none') || ')' FROM division d "
     "WHERE length(d.code) > 6 AND (d.parent_code IS NULL "
     "  OR d.parent_code <> substr(d.code, 1, length(d.code) - 3) "
     "  OR NOT EXISTS (SELECT 1 FROM division p WHERE p.code = d.parent_code))"},
    {"there is one county",
     "SELECT 'counties: ' || count(*) FROM division WHERE level = 'county' HAVING count(*) <> 1 "
     "AND (SELECT count(*) FROM division) > 0"},
    {"every household lives in a grid or a building",
     "SELECT 'household ' || h.id || ' in ' || h.division_code || ' (' || "
     "coalesce(d.level, 'no such division') || ')' FROM household h LEFT JOIN division d "
     "ON d.code = h.division_code WHERE d.level IS NULL OR d.level NOT IN ('grid', 'building')"},
    {"every resident's household exists and shares its division code",
     "SELECT 'resident ' || r.id || ' in ' || r.division_code || ', household ' || "
     "r.household_id || coalesce(' in ' || h.division_code, ' missing') FROM resident r "
     "LEFT JOIN household h ON h.id = r.household_id "
     "WHERE h.id IS NULL OR h.division_code <> r.division_code"},
    {"every household head lives in that household",
     "SELECT 'household ' || h.id || ', head ' || h.head_id FROM household h "
     "LEFT JOIN resident r ON r.id = h.head_id "
     "WHERE h.head_id IS NOT NULL AND (r.id IS NULL OR r.household_id <> h.id)"},
    {"grid staff serve on grids",
     "SELECT 'staff ' || g.id || ' (' || g.name || ') on ' || g.grid_code FROM grid_staff g "
     "LEFT JOIN division d ON d.code = g.grid_code WHERE d.level IS NOT 'grid'"},
    {"every user's scope exists",
     "SELECT u.name || ' (scope ' || u.scope_code || ')' FROM user u "
     "WHERE NOT EXISTS (SELECT 1 FROM division d WHERE d.code = u.scope_code)"},
};

static void add_example(struct verify_result *r, const char *text)
{
    if (r->nexamples < VERIFY_EXAMPLES)
        snprintf(r->examples[r->nexamples++], sizeof r->examples[0], "%s", text ? text : "");
    r->failures++;
}

/* Run a query and count its rows (or, for the pragmas, rows other than "ok"). */
static int run_query(store *s, const char *sql, int skip_ok, struct verify_result *r, wg_err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_sqlite(s), sql, -1, &st, NULL) != SQLITE_OK)
        return store_sql_err(s, e, r->name);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int nc = sqlite3_column_count(st);
        char buf[160] = "";
        for (int i = 0; i < nc; i++) {
            const char *t = (const char *)sqlite3_column_text(st, i);
            size_t len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "", t ? t : "NULL");
        }
        if (skip_ok && strcmp(buf, "ok") == 0) continue;
        add_example(r, buf);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return store_sql_err(s, e, r->name);
    return 0;
}

int verify_run(store *s, verify_fn fn, void *arg, wg_err *e)
{
    if (change_require_admin(s, _("check the whole database"), e) < 0) return -1;
    int failed = 0;
    struct verify_result r;

    memset(&r, 0, sizeof r);
    r.name = "SQLite integrity check";
    if (run_query(s, "PRAGMA integrity_check", 1, &r, e) < 0) return -1;
    failed += r.failures > 0;
    fn(&r, arg);

    memset(&r, 0, sizeof r);
    r.name = "foreign keys point at existing rows";
    if (run_query(s, "PRAGMA foreign_key_check", 0, &r, e) < 0) return -1;
    failed += r.failures > 0;
    fn(&r, arg);

    for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
        memset(&r, 0, sizeof r);
        r.name = invariants[i].name;
        if (run_query(s, invariants[i].sql, 0, &r, e) < 0) return -1;
        failed += r.failures > 0;
        fn(&r, arg);
    }

    memset(&r, 0, sizeof r);
    r.name = "the audit trail is intact (hash chain)";
    wg_err ae;
    if (audit_verify(s, &ae) < 0) add_example(&r, ae.msg);
    failed += r.failures > 0;
    fn(&r, arg);
    return failed;
}

int verify_summary(store *s, struct verify_count *out, int max, wg_err *e)
{
    if (change_require_admin(s, _("read the whole database"), e) < 0) return -1;
    static const char *sql =
        "SELECT 'divisions', level, count(*) FROM division WHERE retired_at IS NULL "
        "  GROUP BY level "
        "UNION ALL SELECT 'households', status, count(*) FROM household GROUP BY status "
        "UNION ALL SELECT 'residents', status, count(*) FROM resident GROUP BY status "
        "UNION ALL SELECT 'users', role, count(*) FROM user GROUP BY role "
        "UNION ALL SELECT 'cases', state, count(*) FROM \"case\" GROUP BY state "
        "UNION ALL SELECT 'audit', '', count(*) FROM audit";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        store_col_copy(st, 0, out[n].group, sizeof out[n].group);
        store_col_copy(st, 1, out[n].key, sizeof out[n].key);
        out[n].n = sqlite3_column_int64(st, 2);
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_sql_err(s, e, _("counting the records"));
    return n;
}
