/* The database's own checks for `wangge check`: SQLite's integrity and
 * foreign-key checks, the domain's invariants, the audit chain, and a summary
 * of what the database holds. Reads the whole file regardless of scope, so
 * only administrators (or the system) may run it. */
#ifndef WANGGE_STORE_VERIFY_H
#define WANGGE_STORE_VERIFY_H

#include <stdint.h>

#include "store/store.h"

#define VERIFY_EXAMPLES 5

struct verify_result {
    const char *name; /* what is checked, e.g. "every resident's household exists" */
    int64_t failures; /* 0: holds */
    int nexamples;
    char examples[VERIFY_EXAMPLES][160];
};

typedef void (*verify_fn)(const struct verify_result *r, void *arg);

/* Run every check, calling fn for each (passed or not). Returns the number of
 * checks that failed, or -1 with *e when they could not be run. */
int verify_run(store *s, verify_fn fn, void *arg, wg_err *e);

struct verify_count {
    char group[24]; /* "divisions", "households", "residents", "users", "cases", "audit" */
    char key[24];   /* level, status, role, state; "" for a plain total */
    int64_t n;
};

/* Counts for the summary table, grouped in a fixed order. Returns the number
 * filled (at most max), or -1. */
int verify_summary(store *s, struct verify_count *out, int max, wg_err *e);

#endif
