/* Departments that cases are dispatched to. County-wide (no division code):
 * everyone may read them; administrators add and rename. Audited. */
#ifndef WANGGE_STORE_DEPARTMENT_H
#define WANGGE_STORE_DEPARTMENT_H

#include <stdint.h>

#include "store/store.h"

struct department_rec {
    int64_t id;
    char code[32];
    char name[96];
    char kind[16]; /* police judicial civil housing urban emergency hr market health
                      fire environment water power gas heating other */
    char phone[32];
    int retired;
};

/* By name; retired ones only when include_retired. Returns count filled. */
int department_list(store *s, int include_retired, struct department_rec *out, int max, wg_err *e);
int department_get(store *s, int64_t id, struct department_rec *out, wg_err *e);
/* By code; -1 with "no department CODE". */
int department_find(store *s, const char *code, struct department_rec *out, wg_err *e);
/* Returns the id or -1; field (may be NULL) receives the bad field's name:
 * "code", "name", "kind" or "phone". */
int64_t department_add(store *s, const char *code, const char *name, const char *kind,
                       const char *phone, const char **field, wg_err *e);
int department_rename(store *s, int64_t id, const char *name, wg_err *e);
int department_retire(store *s, int64_t id, int retired, wg_err *e);

#endif
