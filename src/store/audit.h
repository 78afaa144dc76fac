/* The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash
 * chained (each row's BLAKE2b hash covers its content and the previous hash),
 * so tampering with the file itself is detected by audit_verify. */
#ifndef WANGGE_STORE_AUDIT_H
#define WANGGE_STORE_AUDIT_H

#include <stdint.h>

#include "store/store.h"

struct audit_row {
    int64_t id;
    char at[32];
    char actor[33];
    char session[40];
    char remote[64];
    char action[48];
    char tbl[32];
    int64_t row_id;
    char *before; /* JSON or NULL; owned */
    char *after;  /* JSON or NULL; owned */
};

/* Verify the whole chain. Returns the number of rows checked, or -1 with *e
 * naming the first row that does not match. */
int64_t audit_verify(store *s, wg_err *e);

/* Rows newest first, filtered (each filter may be NULL/0): actor name, table
 * and row, date range [from, to) as 'YYYY-MM-DD'. Only administrators may read
 * the audit trail. Returns the count filled into rows (at most max). */
int audit_list(store *s, const char *actor, const char *tbl, int64_t row_id, const char *from,
               const char *to, int64_t before_id, struct audit_row *rows, int max, wg_err *e);
void audit_row_free(struct audit_row *r);

#endif
