/* The database: one SQLite file per county, opened once per process.
 *
 * Every read and write through store/ acts for one actor (store_set_actor).
 * The scope rule is enforced here and nowhere else: an actor sees and changes
 * only rows whose division code starts with the actor's scope code. Every write
 * commits together with its audit row, in one BEGIN IMMEDIATE transaction. */
#ifndef WANGGE_STORE_STORE_H
#define WANGGE_STORE_STORE_H

#include <stdint.h>

#include "domain/role.h"
#include "util/err.h"

typedef struct store store;

enum store_flags {
    STORE_CREATE = 1 << 0,     /* create the file if absent */
    STORE_NO_MIGRATE = 1 << 1, /* open as is (tests of migration) */
    STORE_BULK = 1 << 2,       /* bulk load: synchronous=OFF, bigger cache (init --demo) */
};

struct store_actor {
    int64_t user_id; /* 0: the system itself (init, local admin commands) */
    char name[33];   /* user name, or "system" */
    enum role role;
    char scope[19];        /* division code prefix; the county code for the system */
    int64_t department_id; /* handlers: their department; else 0 */
    char session[40];      /* session id for the audit trail, may be empty */
    char remote[64];       /* client address, or "local" */
};

/* Open (and by default migrate) the database at path. NULL and *e on failure;
 * a database written by a newer wangge is refused with a message that says so. */
store *store_open(const char *path, unsigned flags, wg_err *e);
void store_close(store *s);

/* Schema version of the open database, and the newest this binary knows. */
int store_schema_version(store *s);
int store_latest_version(void);
/* Apply migrations up to version `upto` (0: all). Used by store_open and tests. */
int store_migrate(store *s, int upto, wg_err *e);

/* Who is acting. Until set, the actor is the system with an empty scope, which
 * sees nothing: callers must say who they are. */
void store_set_actor(store *s, const struct store_actor *a);
const struct store_actor *store_actor(const store *s);
/* The system actor, scoped to the whole county (init, local admin commands). */
int store_act_as_system(store *s, const char *remote, wg_err *e);
/* Act as the named user (their role, scope, department). -1 if no such user. */
int store_act_as_user(store *s, const char *name, const char *session, const char *remote,
                      wg_err *e);

/* 1 if code lies within the actor's scope. */
int store_in_scope(const store *s, const char *code);

/* Transactions: BEGIN IMMEDIATE so that writers queue on busy_timeout rather
 * than fail halfway. Nested calls are counted; only the outermost commits. */
int store_begin(store *s, wg_err *e);
int store_commit(store *s, wg_err *e);
void store_rollback(store *s);

/* Append an audit row for the current actor, inside the current transaction.
 * before/after are JSON text or NULL. */
int store_audit(store *s, const char *action, const char *tbl, int64_t row_id, const char *before,
                const char *after, wg_err *e);

/* A value from the meta table (caller frees), or NULL. */
char *store_meta_get(store *s, const char *key);
int store_meta_set(store *s, const char *key, const char *value, wg_err *e);

/* The county's code (the root division), into out; -1 if none yet. */
int store_county_code(store *s, char out[19]);

#endif
