/* Audited writes, shared by the store's aggregate files (not for callers
 * outside store/): row snapshots as JSON, before/after reduced to the fields
 * that changed, permission checks and the constraint messages users see. */
#ifndef WANGGE_STORE_CHANGE_H
#define WANGGE_STORE_CHANGE_H

#include <sqlite3.h>
#include <stdint.h>

#include "store/store.h"

/* Run sql (one column: a json_object(...) of the row) bound with ?1 = key when
 * key is not NULL, else ?1 = id. Returns the JSON (caller frees), or NULL: no
 * such row (e untouched) or an error (e set, *failed = 1 when failed given). */
char *change_snapshot(store *s, const char *sql, int64_t id, const char *key, wg_err *e);

/* Write the audit row for a change. With both before and after, only the keys
 * whose values differ are kept (plus `keep`, when not NULL, on both sides); if
 * nothing differs, no row is written and 1 is returned. 0 written, -1 error. */
int change_audit(store *s, const char *action, const char *tbl, int64_t row_id, const char *before,
                 const char *after, const char *keep, wg_err *e);

/* json with key set to value (a string, or null when value is NULL); caller
 * frees. Used to put a reason or note into an audit row. NULL on error. */
char *change_json_set(store *s, const char *json, const char *key, const char *value, wg_err *e);

/* One residence_history row by the current actor (0 / NULL: not recorded). */
int change_history(store *s, int64_t resident, int64_t household, int64_t from_household,
                   int64_t to_household, const char *from_division, const char *to_division,
                   const char *event, const char *note, wg_err *e);

/* Locate a household in scope: its division code, status and head (any output
 * may be NULL). -1 with "no household N" or the scope message. */
int change_household(store *s, int64_t id, char division[19], char status[12], int64_t *head,
                     wg_err *e);

/* What the audit trail needs of one table: its name in audit rows, the
 * json_object snapshot query of a row (?1 = id) and the key kept on both
 * sides of an update row (NULL: none). */
struct change_table {
    const char *name;
    const char *snap;
    const char *keep;
};

/* Step st (an INSERT, in the caller's transaction), then change_added for the
 * new row. Its id, or -1 rolled back (e set). */
int64_t change_insert(store *s, const struct change_table *t, sqlite3_stmt *st, const char *what,
                      wg_err *e);

/* Audit row id as added, then commit. 0, or -1 rolled back (e set). */
int change_added(store *s, const struct change_table *t, int64_t id, wg_err *e);

/* Step st (an UPDATE of row id, in the caller's transaction) and audit it as
 * action with the row before and after; when key and value (non-empty) are
 * given, the after side carries value under key. Commits nothing. 0 or -1. */
int change_updated(store *s, const struct change_table *t, int64_t id, const char *action,
                   sqlite3_stmt *st, const char *what, const char *key, const char *value,
                   wg_err *e);

/* A division-scoped row's division: a real code, in the actor's scope and in
 * the division table. 0, or -1 with e and *field (when given) set. */
int change_check_division(store *s, const char *code, const char **field, wg_err *e);

/* Name the culprit field for the caller's form (when field is given); -1. */
int change_bad(const char **field, const char *name);

/* 1 if v is one of the NULL-terminated list l. */
int change_in_list(const char *const *l, const char *v);

/* Step a write statement to completion (and reset it). Constraint failures
 * become sentences ("that code is already in use", ...) prefixed with what. */
int change_step(store *s, sqlite3_stmt *st, const char *what, wg_err *e);

/* Permission checks: -1 with a message naming what the actor may not do. */
int change_require_admin(store *s, const char *what, wg_err *e);
int change_require_editor(store *s, const char *what, wg_err *e);

/* Roll back and return -1 (the error is already in e). */
int change_fail(store *s);

/* Today's date (local time) as YYYY-MM-DD. */
void change_today(char out[11]);
/* 1 if d is a real date YYYY-MM-DD not after today. */
int change_valid_date(const char *d);
/* 1 if s is NULL or "". */
int change_empty(const char *s);

#endif
