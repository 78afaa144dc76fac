/* Care-group tags (独居老人, 低保户, ...): configurable by administrators, set on
 * residents by those who keep the ledger. Tag definitions are county-wide;
 * setting a tag on a resident needs the resident in scope. Audited. */
#ifndef WANGGE_STORE_TAG_H
#define WANGGE_STORE_TAG_H

#include <stdint.h>

#include "store/store.h"

struct tag_rec {
    int64_t id;
    char code[32];
    char name[64];
    int builtin;
    int retired;
    int64_t residents; /* tag_list: residents in the actor's scope carrying it */
};

/* Tags by name; retired ones only when include_retired. Returns count filled. */
int tag_list(store *s, int include_retired, struct tag_rec *out, int max, wg_err *e);
int tag_get(store *s, int64_t id, struct tag_rec *out, wg_err *e);
/* Administrators: code is [a-z0-9_]+, unique. Returns the id or -1.
 * field (may be NULL) receives the bad field's name: "code" or "name". */
int64_t tag_add(store *s, const char *code, const char *name, const char **field, wg_err *e);
int tag_rename(store *s, int64_t id, const char *name, wg_err *e);
/* Retired tags stay on residents for history but cannot be newly set. */
int tag_retire(store *s, int64_t id, int retired, wg_err *e);

/* The tags of one resident (in scope). Returns count filled. */
int tag_of_resident(store *s, int64_t resident, struct tag_rec *out, int max, wg_err *e);
/* Set (idempotent: setting twice changes nothing and writes no audit row) or
 * clear a tag on a resident. */
int tag_set(store *s, int64_t resident, int64_t tag, const char *note, wg_err *e);
int tag_clear(store *s, int64_t resident, int64_t tag, wg_err *e);

#endif
