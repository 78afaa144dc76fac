/* The division hierarchy in the database: county, towns, villages, grids,
 * buildings/villager groups, and re-drawing grids.
 *
 * Reads are filtered by the actor's scope (a division is visible when its code
 * starts with the scope); writes need an administrator (or the system) and a
 * code within scope. Every write is audited (one row, table "division", row_id
 * 0, the code in the JSON), in one transaction with the change. */
#ifndef WANGGE_STORE_DIVISION_H
#define WANGGE_STORE_DIVISION_H

#include <stdint.h>

#include "domain/division.h"
#include "store/store.h"

struct division_rec {
    char code[19];
    char parent[19]; /* "" for the county */
    enum division_level level;
    char kind[12]; /* county town street village community basic school hospital
                      market enterprise building group */
    int urban;
    char name[96];
    char retired_at[32]; /* "" while in use */
    /* Filled by division_get and division_children, over the whole subtree:
     * active households, residents with status 'resident', cases not yet closed
     * (not closed, handled on the spot or merged), direct children not retired,
     * and of the pending cases those whose deadline has passed. */
    int64_t households, residents, pending_cases, children, overdue_cases;
};

/* One division with its counts. -1 with "no division CODE" or the scope message. */
int division_get(store *s, const char *code, struct division_rec *out, wg_err *e);

/* Children of parent (in code order) that lie within the actor's scope, with
 * counts; retired ones only when include_retired. parent NULL or "" lists the
 * county itself. A worker asking for the children of their village sees only
 * their own grid. Returns the number filled (at most limit), or -1. */
int division_children(store *s, const char *parent, int include_retired, int64_t offset, int limit,
                      struct division_rec *out, wg_err *e);
/* How many rows division_children would return without paging. */
int64_t division_children_count(store *s, const char *parent, int include_retired, wg_err *e);

/* The divisions the actor can start from: the division equal to their scope
 * (or, for the system, the county). 0, or -1 if the scope names nothing. */
int division_root(store *s, struct division_rec *out, wg_err *e);

/* Add a division. The code must extend a parent in scope that exists and is not
 * retired (division_check); kind must suit the level. The system actor
 * (user_id 0) may create the county when none exists yet, and then acts with
 * the county as its scope. field (may be NULL) receives the bad field's name:
 * "code" (also when its parent or scope is wrong), "kind", "urban" or "name". */
int division_add(store *s, const char *code, const char *kind, int urban, const char *name,
                 const char **field, wg_err *e);
int division_rename(store *s, const char *code, const char *name, wg_err *e);
int division_set_kind(store *s, const char *code, const char *kind, int urban, wg_err *e);
/* Retire a division that has no active households, residents or active children
 * left below it (move them first); it stays for history. */
int division_retire(store *s, const char *code, wg_err *e);

/* Re-drawing: move a building/villager group under another grid. It gets the
 * next free code under the new grid (into new_code), its households and
 * residents follow, each resident's move is kept in residence_history as
 * 'regridded'. Both grids must be in scope. The old code is retired. */
int division_move_building(store *s, const char *building, const char *grid, char new_code[19],
                           wg_err *e);

/* The next free child code under parent (the smallest unused 3-digit suffix). */
int division_next_code(store *s, const char *parent, char out[19], wg_err *e);

/* "street", "group": the kinds allowed for a level (NULL-terminated). */
const char *const *division_kinds(enum division_level level);

#endif
