#include "store/bulk.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/gettext.h"
#include "util/xalloc.h"

/* Indexes dropped by BULK_DEFER_INDEXES, as their CREATE statements, rebuilt
 * by bulk_end. Only one load runs per process, so one list suffices. */
static char **deferred;
static int ndeferred;
static unsigned load_flags;

void bulk_tune_process(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The tables a demo load fills in bulk. Their indexes (all but those behind
 * UNIQUE constraints) are dropped for the load and built again at its end:
 * measured on 500,000 households, sorting once beats keeping them up row by
 * row, even for indexes whose keys arrive nearly in order. */
static const char *bulk_tables[] = {"resident",   "household", "resident_tag", "residence_history",
                                    "case_event", "case",      "visit",        "case_dispatch",
                                    "case_party", "mediation", "grid_staff",   "place"};

static int exec(store *s, const char *sql, wg_err *e, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(store_sqlite(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
        wg_err_set(e, "%s: %s", what, msg ? msg : sqlite3_errmsg(store_sqlite(s)));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static void free_deferred(void)
{
    for (int i = 0; i < ndeferred; i++) free(deferred[i]);
    free(deferred);
    deferred = NULL;
    ndeferred = 0;
}

static int defer_indexes(store *s, wg_err *e)
{
    /* Only indexes written in the schema (sql not NULL): the automatic ones
     * behind UNIQUE constraints cannot be dropped and must keep refusing
     * duplicates during the load. */
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_sqlite(s),
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS "
                           "NOT NULL AND tbl_name = ?1 ORDER BY name",
                           -1, &st, NULL) != SQLITE_OK)
        return store_sql_err(s, e, _("listing indexes"));
    char **names = NULL;
    int n = 0;
    for (size_t i = 0; i < sizeof bulk_tables / sizeof *bulk_tables; i++) {
        sqlite3_bind_text(st, 1, bulk_tables[i], -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
            deferred = xrealloc(deferred, (size_t)(ndeferred + 1) * sizeof *deferred);
            names[n++] = store_col_dup(st, 0);
            deferred[ndeferred++] = store_col_dup(st, 1);
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    int r = 0;
    for (int i = 0; i < n; i++) {
        char *drop = xasprintf("DROP INDEX \"%s\"", names[i]);
        if (r == 0 && exec(s, drop, e, _("dropping an index for the load")) < 0) r = -1;
        free(drop);
        free(names[i]);
    }
    free(names);
    return r;
}

int bulk_begin(store *s, unsigned flags, wg_err *e)
{
    if (store_actor(s)->user_id != 0 || strcmp(store_actor(s)->name, "system") != 0)
        return wg_err_set(e, _("only the system may bulk-load"));
    /* foreign_keys cannot change inside a transaction */
    if (exec(s, "PRAGMA foreign_keys=OFF", e, _("starting the load")) < 0) return -1;
    if ((flags & BULK_NO_JOURNAL) &&
        exec(s, "PRAGMA journal_mode=OFF", e, _("starting the load")) < 0)
        return -1;
    load_flags = flags;
    if (store_begin(s, e) < 0) return -1;
    if ((flags & BULK_DEFER_INDEXES) && defer_indexes(s, e) < 0) {
        bulk_abort(s);
        return -1;
    }
    return 0;
}

static int check_foreign_keys(store *s, wg_err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_sqlite(s), "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        return store_sql_err(s, e, _("checking references"));
    int r = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        r = wg_err_set(e, _("row %lld of %s refers to a missing row of %s"),
                       (long long)sqlite3_column_int64(st, 1),
                       (const char *)sqlite3_column_text(st, 0),
                       (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    return r;
}

int bulk_end(store *s, wg_err *e)
{
    for (int i = 0; i < ndeferred; i++) {
        if (exec(s, deferred[i], e, _("rebuilding an index")) < 0) {
            bulk_abort(s);
            return -1;
        }
    }
    free_deferred();
    /* Checked inside the transaction, so a bad load leaves nothing behind. */
    if ((load_flags & BULK_CHECK_REFERENCES) && check_foreign_keys(s, e) < 0) {
        bulk_abort(s);
        return -1;
    }
    if (store_commit(s, e) < 0) {
        bulk_abort(s);
        return -1;
    }
    if ((load_flags & BULK_NO_JOURNAL) &&
        exec(s, "PRAGMA journal_mode=WAL", e, _("ending the load")) < 0)
        return -1;
    return exec(s, "PRAGMA foreign_keys=ON", e, _("ending the load"));
}

void bulk_abort(store *s)
{
    store_rollback(s);
    free_deferred();
    sqlite3_exec(store_sqlite(s), "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    if (load_flags & BULK_NO_JOURNAL)
        sqlite3_exec(store_sqlite(s), "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
}

/* ---- binding --------------------------------------------------------------------- */

static void bt(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static void bi(sqlite3_stmt *st, int i, int64_t v)
{
    if (v) sqlite3_bind_int64(st, i, v);
}

static int step(store *s, sqlite3_stmt *st, wg_err *e, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_sql_err(s, e, what);
}

int bulk_division(store *s, const struct bulk_division *d, wg_err *e)
{
    static const char *sql = "INSERT INTO division (code, parent_code, level, kind, urban, name, "
                             "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, "
                             "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    size_t n = strlen(d->code);
    bt(st, 1, d->code);
    if (n > 6) sqlite3_bind_text(st, 2, d->code, (int)n - 3, SQLITE_STATIC);
    bt(st, 3, d->level);
    bt(st, 4, d->kind);
    sqlite3_bind_int(st, 5, d->urban);
    bt(st, 6, d->name);
    bt(st, 7, d->created_at);
    return step(s, st, e, _("adding a division"));
}

int bulk_department(store *s, const struct bulk_department *d, wg_err *e)
{
    static const char *sql =
        "INSERT INTO department (id, code, name, kind, phone) VALUES (?1, ?2, ?3, ?4, ?5)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, d->id);
    bt(st, 2, d->code);
    bt(st, 3, d->name);
    bt(st, 4, d->kind);
    bt(st, 5, d->phone);
    return step(s, st, e, _("adding a department"));
}

int bulk_household(store *s, const struct bulk_household *h, wg_err *e)
{
    static const char *sql =
        "INSERT INTO household (id, division_code, number, address, head_id, integrity_points, "
        "phone, note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, h->id);
    bt(st, 2, h->division_code);
    bt(st, 3, h->number);
    bt(st, 4, h->address);
    bi(st, 5, h->head_id);
    sqlite3_bind_int(st, 6, h->integrity_points);
    bt(st, 7, h->phone);
    bt(st, 8, h->note);
    bt(st, 9, h->created_at);
    return step(s, st, e, _("adding a household"));
}

int bulk_resident(store *s, const struct bulk_resident *r, wg_err *e)
{
    static const char *sql =
        "INSERT INTO resident (id, household_id, division_code, name, sex, id_number, "
        "birth_date, ethnicity, phone, relation, status, status_date, status_note, name_pinyin, "
        "name_initials, id_rev, phone_rev, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
        "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    char sex[2] = {r->sex, '\0'};
    bi(st, 1, r->id);
    bi(st, 2, r->household_id);
    bt(st, 3, r->division_code);
    bt(st, 4, r->name);
    bt(st, 5, sex);
    bt(st, 6, r->id_number);
    bt(st, 7, r->birth_date);
    bt(st, 8, r->ethnicity);
    bt(st, 9, r->phone);
    bt(st, 10, r->relation);
    bt(st, 11, r->status);
    bt(st, 12, r->status_date);
    bt(st, 13, r->status_note);
    bt(st, 14, r->name_pinyin);
    bt(st, 15, r->name_initials);
    bt(st, 16, r->id_rev);
    bt(st, 17, r->phone_rev);
    bt(st, 18, r->created_at);
    bt(st, 19, r->updated_at);
    return step(s, st, e, _("adding a resident"));
}

int bulk_history(store *s, const struct bulk_history *h, wg_err *e)
{
    static const char *sql = "INSERT INTO residence_history (resident_id, household_id, "
                             "from_household, to_household, from_division, to_division, event, "
                             "at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, h->resident_id);
    bi(st, 2, h->household_id);
    bi(st, 3, h->from_household);
    bi(st, 4, h->to_household);
    bt(st, 5, h->from_division);
    bt(st, 6, h->to_division);
    bt(st, 7, h->event);
    bt(st, 8, h->at);
    bt(st, 9, h->note);
    return step(s, st, e, _("adding a residence record"));
}

int64_t bulk_tag_id(store *s, const char *code, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT id FROM tag WHERE code = ?1", e);
    if (!st) return -1;
    bt(st, 1, code);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (id < 0) wg_err_set(e, _("no tag '%s'"), code);
    return id;
}

int bulk_resident_tag(store *s, int64_t resident_id, int64_t tag_id, const char *since, wg_err *e)
{
    static const char *sql =
        "INSERT INTO resident_tag (resident_id, tag_id, since) VALUES (?1, ?2, ?3)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, resident_id);
    bi(st, 2, tag_id);
    bt(st, 3, since);
    return step(s, st, e, _("tagging a resident"));
}

int bulk_place(store *s, const struct bulk_place *p, wg_err *e)
{
    static const char *sql =
        "INSERT INTO place (id, division_code, kind, name, address, contact, phone, status, "
        "note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, 'normal'), ?9, ?10)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, p->id);
    bt(st, 2, p->division_code);
    bt(st, 3, p->kind);
    bt(st, 4, p->name);
    bt(st, 5, p->address);
    bt(st, 6, p->contact);
    bt(st, 7, p->phone);
    bt(st, 8, p->status);
    bt(st, 9, p->note);
    bt(st, 10, p->created_at);
    return step(s, st, e, _("adding a place"));
}

int bulk_organisation(store *s, const struct bulk_organisation *o, wg_err *e)
{
    static const char *sql = "INSERT INTO organisation (division_code, kind, name, contact, "
                             "phone, rating, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bt(st, 1, o->division_code);
    bt(st, 2, o->kind);
    bt(st, 3, o->name);
    bt(st, 4, o->contact);
    bt(st, 5, o->phone);
    bt(st, 6, o->rating);
    bt(st, 7, o->created_at);
    return step(s, st, e, _("adding an organisation"));
}

int bulk_user(store *s, const struct bulk_user *u, wg_err *e)
{
    static const char *sql =
        "INSERT INTO user (id, name, display_name, role, scope_code, department_id, phone, "
        "password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, u->id);
    bt(st, 2, u->name);
    bt(st, 3, u->display_name);
    bt(st, 4, u->role);
    bt(st, 5, u->scope_code);
    bi(st, 6, u->department_id);
    bt(st, 7, u->phone);
    bt(st, 8, u->password_hash);
    bt(st, 9, u->created_at);
    return step(s, st, e, _("adding a user"));
}

int bulk_staff(store *s, const struct bulk_staff *g, wg_err *e)
{
    static const char *sql = "INSERT INTO grid_staff (grid_code, user_id, name, phone, duty, "
                             "since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bt(st, 1, g->grid_code);
    bi(st, 2, g->user_id);
    bt(st, 3, g->name);
    bt(st, 4, g->phone);
    bt(st, 5, g->duty);
    bt(st, 6, g->since);
    return step(s, st, e, _("adding grid staff"));
}

int bulk_case_kind(store *s, const struct bulk_case_kind *k, wg_err *e)
{
    static const char *sql = "INSERT INTO case_kind (id, code, name, category, default_days, "
                             "default_department_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, k->id);
    bt(st, 2, k->code);
    bt(st, 3, k->name);
    bt(st, 4, k->category);
    sqlite3_bind_int(st, 5, k->default_days);
    bi(st, 6, k->department_id);
    return step(s, st, e, _("adding a case kind"));
}

int bulk_case(store *s, const struct bulk_case *c, wg_err *e)
{
    static const char *sql =
        "INSERT INTO \"case\" (id, number, division_code, kind_id, title, description, source, "
        "state, level, priority, reporter_id, household_id, resident_id, place_id, reported_at, "
        "deadline, closed_at, satisfaction, merged_into) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, c->id);
    bt(st, 2, c->number);
    bt(st, 3, c->division_code);
    bi(st, 4, c->kind_id);
    bt(st, 5, c->title);
    bt(st, 6, c->description);
    bt(st, 7, c->source);
    bt(st, 8, c->state);
    bt(st, 9, c->level);
    sqlite3_bind_int(st, 10, c->priority);
    bi(st, 11, c->reporter_id);
    bi(st, 12, c->household_id);
    bi(st, 13, c->resident_id);
    bi(st, 14, c->place_id);
    bt(st, 15, c->reported_at);
    bt(st, 16, c->deadline);
    bt(st, 17, c->closed_at);
    bt(st, 18, c->satisfaction);
    bi(st, 19, c->merged_into);
    return step(s, st, e, _("adding a case"));
}

int bulk_dispatch(store *s, const struct bulk_dispatch *d, wg_err *e)
{
    static const char *sql = "INSERT INTO case_dispatch (case_id, department_id, dispatched_at, "
                             "deadline, state, replied_at, reply) VALUES (?1, ?2, ?3, ?4, ?5, "
                             "?6, ?7)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, d->case_id);
    bi(st, 2, d->department_id);
    bt(st, 3, d->dispatched_at);
    bt(st, 4, d->deadline);
    bt(st, 5, d->state);
    bt(st, 6, d->replied_at);
    bt(st, 7, d->reply);
    return step(s, st, e, _("adding a dispatch"));
}

int bulk_event(store *s, const struct bulk_event *v, wg_err *e)
{
    static const char *sql = "INSERT INTO case_event (case_id, at, actor_id, action, from_state, "
                             "to_state, department_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                             "?8)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, v->case_id);
    bt(st, 2, v->at);
    bi(st, 3, v->actor_id);
    bt(st, 4, v->action);
    bt(st, 5, v->from_state);
    bt(st, 6, v->to_state);
    bi(st, 7, v->department_id);
    bt(st, 8, v->note);
    return step(s, st, e, _("adding a case event"));
}

int bulk_party(store *s, const struct bulk_party *p, wg_err *e)
{
    static const char *sql = "INSERT INTO case_party (case_id, resident_id, name, phone, role) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, p->case_id);
    bi(st, 2, p->resident_id);
    bt(st, 3, p->name);
    bt(st, 4, p->phone);
    bt(st, 5, p->role);
    return step(s, st, e, _("adding a case party"));
}

int bulk_mediation(store *s, const struct bulk_mediation *m, wg_err *e)
{
    static const char *sql = "INSERT INTO mediation (case_id, type, mediator, started_at, "
                             "sessions, agreement, outcome, ended_at) VALUES (?1, ?2, ?3, ?4, "
                             "?5, ?6, ?7, ?8)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, m->case_id);
    bt(st, 2, m->type);
    bt(st, 3, m->mediator);
    bt(st, 4, m->started_at);
    sqlite3_bind_int(st, 5, m->sessions);
    bt(st, 6, m->agreement);
    bt(st, 7, m->outcome);
    bt(st, 8, m->ended_at);
    return step(s, st, e, _("adding a mediation"));
}

int bulk_checklist_items(store *s, int64_t template_id, int64_t *ids, int max, wg_err *e)
{
    sqlite3_stmt *st =
        store_stmt(s, "SELECT id FROM checklist_item WHERE template_id = ?1 ORDER BY ord", e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, template_id);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

int bulk_visit(store *s, const struct bulk_visit *v, wg_err *e)
{
    static const char *sql = "INSERT INTO visit (id, division_code, household_id, user_id, kind, "
                             "template_id, at, note, case_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                             "?7, ?8, ?9)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, v->id);
    bt(st, 2, v->division_code);
    bi(st, 3, v->household_id);
    bi(st, 4, v->user_id);
    bt(st, 5, v->kind);
    bi(st, 6, v->template_id);
    bt(st, 7, v->at);
    bt(st, 8, v->note);
    bi(st, 9, v->case_id);
    return step(s, st, e, _("adding a visit"));
}

int bulk_visit_answer(store *s, int64_t visit_id, int64_t item_id, const char *answer,
                      const char *note, wg_err *e)
{
    static const char *sql = "INSERT INTO visit_answer (visit_id, item_id, answer, note) VALUES "
                             "(?1, ?2, ?3, ?4)";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    bi(st, 1, visit_id);
    bi(st, 2, item_id);
    bt(st, 3, answer);
    bt(st, 4, note);
    return step(s, st, e, _("adding a visit answer"));
}
