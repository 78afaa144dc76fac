/* Case kinds (矛盾纠纷, 隐患, 诉求, ...): county-wide, with a default deadline
 * and department. Everyone reads; administrators change. Audited. */
#ifndef WANGGE_STORE_CASEKIND_H
#define WANGGE_STORE_CASEKIND_H

#include <stdint.h>

#include "store/store.h"

struct casekind_rec {
    int64_t id;
    char code[32];
    char name[96];
    char category[16];             /* dispute hazard demand security environment petition */
    int default_days;              /* 1..365; 0 on add: 7 */
    int64_t default_department_id; /* 0: none */
    char department[96];           /* its name (read only) */
    int retired;
};

int casekind_list(store *s, int include_retired, struct casekind_rec *out, int max, wg_err *e);
int casekind_get(store *s, int64_t id, struct casekind_rec *out, wg_err *e);
int casekind_find(store *s, const char *code, struct casekind_rec *out, wg_err *e);
/* field (may be NULL): code name category default_days default_department_id. */
int64_t casekind_add(store *s, const struct casekind_rec *k, const char **field, wg_err *e);
/* name, category, default_days, default department from k (by k->id). */
int casekind_update(store *s, const struct casekind_rec *k, const char **field, wg_err *e);
int casekind_retire(store *s, int64_t id, int retired, wg_err *e);

#endif
