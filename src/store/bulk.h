/* Bulk loading, for `wangge init --demo`: plain inserts with ids chosen by the
 * caller, no scope checks and no audit row per insert (the caller writes one
 * audit row for the whole load). Only the system actor may load, and only
 * between bulk_begin and bulk_end, which hold one transaction.
 *
 * Text pointers need only live for the duration of the call. A NULL text or a
 * zero id is stored as NULL. */
#ifndef WANGGE_STORE_BULK_H
#define WANGGE_STORE_BULK_H

#include <stdint.h>

#include "store/store.h"

/* Flags for bulk_begin. */
enum bulk_flags {
    /* Drop the secondary indexes of the big tables and build them again in
     * bulk_end: sorting once is faster than inserting 1.5 million random keys. */
    BULK_DEFER_INDEXES = 1 << 0,
    /* No rollback journal during the load: half the writes, but a failed or
     * interrupted load leaves a broken file. Only for a new file that the
     * caller deletes when the load fails. */
    BULK_NO_JOURNAL = 1 << 1,
    /* Check every foreign key before committing (a full pass over the data). */
    BULK_CHECK_REFERENCES = 1 << 2,
};

/* Call before the first store_open of the process: drops SQLite's memory
 * statistics, whose locking costs a few percent of a bulk load. */
void bulk_tune_process(void);

/* Start a load: foreign keys off (the generator inserts rows before the rows
 * they point to), one transaction. The database should be opened with
 * STORE_BULK. */
int bulk_begin(store *s, unsigned flags, wg_err *e);
/* Rebuild deferred indexes, check references (BULK_CHECK_REFERENCES: a
 * dangling one fails the load with a message naming it), commit, and switch
 * foreign keys and the journal back on. */
int bulk_end(store *s, wg_err *e);
/* Give up: roll back and switch foreign keys back on. */
void bulk_abort(store *s);

struct bulk_division {
    const char *code, *level, *kind, *name, *created_at;
    int urban;
};
int bulk_division(store *s, const struct bulk_division *d, wg_err *e);

struct bulk_department {
    int64_t id;
    const char *code, *name, *kind, *phone;
};
int bulk_department(store *s, const struct bulk_department *d, wg_err *e);

struct bulk_household {
    int64_t id, head_id;
    const char *division_code, *number, *address, *phone, *note, *created_at;
    int integrity_points;
};
int bulk_household(store *s, const struct bulk_household *h, wg_err *e);

struct bulk_resident {
    int64_t id, household_id;
    const char *division_code, *name, *id_number, *birth_date, *ethnicity, *phone, *relation,
        *status, *status_date, *status_note, *name_pinyin, *name_initials, *id_rev, *phone_rev,
        *created_at, *updated_at;
    char sex; /* 'M' or 'F' */
};
int bulk_resident(store *s, const struct bulk_resident *r, wg_err *e);

struct bulk_history {
    int64_t resident_id, household_id, from_household, to_household;
    const char *from_division, *to_division, *event, *at, *note;
};
int bulk_history(store *s, const struct bulk_history *h, wg_err *e);

/* The id of a tag by code; -1 with *e if there is none. */
int64_t bulk_tag_id(store *s, const char *code, wg_err *e);
int bulk_resident_tag(store *s, int64_t resident_id, int64_t tag_id, const char *since, wg_err *e);

struct bulk_place {
    int64_t id;
    const char *division_code, *kind, *name, *address, *contact, *phone, *status, *note,
        *created_at;
};
int bulk_place(store *s, const struct bulk_place *p, wg_err *e);

struct bulk_organisation {
    const char *division_code, *kind, *name, *contact, *phone, *rating, *created_at;
};
int bulk_organisation(store *s, const struct bulk_organisation *o, wg_err *e);

struct bulk_user {
    int64_t id, department_id;
    const char *name, *display_name, *role, *scope_code, *phone, *password_hash, *created_at;
};
int bulk_user(store *s, const struct bulk_user *u, wg_err *e);

struct bulk_staff {
    int64_t user_id;
    const char *grid_code, *name, *phone, *duty, *since;
};
int bulk_staff(store *s, const struct bulk_staff *g, wg_err *e);

struct bulk_case_kind {
    int64_t id, department_id;
    const char *code, *name, *category;
    int default_days;
};
int bulk_case_kind(store *s, const struct bulk_case_kind *k, wg_err *e);

struct bulk_case {
    int64_t id, kind_id, reporter_id, household_id, resident_id, place_id, merged_into;
    const char *number, *division_code, *title, *description, *source, *state, *level, *reported_at,
        *deadline, *closed_at, *satisfaction;
    int priority;
};
int bulk_case(store *s, const struct bulk_case *c, wg_err *e);

struct bulk_dispatch {
    int64_t case_id, department_id;
    const char *dispatched_at, *deadline, *state, *replied_at, *reply;
};
int bulk_dispatch(store *s, const struct bulk_dispatch *d, wg_err *e);

struct bulk_event {
    int64_t case_id, actor_id, department_id;
    const char *at, *action, *from_state, *to_state, *note;
};
int bulk_event(store *s, const struct bulk_event *v, wg_err *e);

struct bulk_party {
    int64_t case_id, resident_id;
    const char *name, *phone, *role;
};
int bulk_party(store *s, const struct bulk_party *p, wg_err *e);

struct bulk_mediation {
    int64_t case_id;
    const char *type, *mediator, *started_at, *agreement, *outcome, *ended_at;
    int sessions;
};
int bulk_mediation(store *s, const struct bulk_mediation *m, wg_err *e);

/* The item ids of a checklist template in order; returns the count (<= max). */
int bulk_checklist_items(store *s, int64_t template_id, int64_t *ids, int max, wg_err *e);

struct bulk_visit {
    int64_t id, household_id, user_id, template_id, case_id;
    const char *division_code, *kind, *at, *note;
};
int bulk_visit(store *s, const struct bulk_visit *v, wg_err *e);
int bulk_visit_answer(store *s, int64_t visit_id, int64_t item_id, const char *answer,
                      const char *note, wg_err *e);

#endif
