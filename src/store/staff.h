/* The grid team "1+1+1+N" (leader, instructor, full-time worker, part-time
 * workers) and the officers linked to a grid (police, mediator, lawyer,
 * rule-of-law deputy). The grid must be in scope; adding and ending need an
 * administrator or a secretary/town officer over the grid. Audited. */
#ifndef WANGGE_STORE_STAFF_H
#define WANGGE_STORE_STAFF_H

#include <stdint.h>

#include "store/store.h"

struct staff_rec {
    int64_t id;
    char grid_code[19];
    int64_t user_id;    /* 0: no account */
    char user_name[33]; /* the account's name, "" if none */
    char name[64];
    char phone[32];
    char duty[16]; /* leader instructor fulltime parttime police mediator
                      lawyer legal_deputy */
    char since[11];
    char until[11]; /* "" while serving */
};

/* Staff of a grid in duty order (leader, instructor, fulltime, parttime,
 * police, ...); former staff only when include_ended. Count filled. */
int staff_list(store *s, const char *grid, int include_ended, struct staff_rec *out, int max,
               wg_err *e);
/* Grids (in scope) where the user serves now; codes into out. Count filled. */
int staff_grids_of_user(store *s, int64_t user_id, char (*out)[19], int max, wg_err *e);
/* since "" = today. One leader, one instructor and one full-time worker at a
 * time: adding another ends nothing, it is refused until the current one is
 * ended. field (may be NULL): grid_code name phone duty since user. */
int64_t staff_add(store *s, const struct staff_rec *r, const char **field, wg_err *e);
/* End a post (until "" = today). */
int staff_end(store *s, int64_t id, const char *until, wg_err *e);

#endif
