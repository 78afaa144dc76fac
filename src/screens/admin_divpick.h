/* Divisions as choices for a picker ("370923001001 佛山社区"), so that an
 * administrator can type part of a name or code instead of remembering
 * codes. Read once per screen that needs it (the tree is walked level by
 * level through store/division.h, down to `deepest`). */
#ifndef WANGGE_SCREENS_ADMIN_DIVPICK_H
#define WANGGE_SCREENS_ADMIN_DIVPICK_H

#include "domain/division.h"
#include "store/store.h"
#include "ui/form.h"

struct admin_divpick {
    struct ui_choice *choices;
    char (*codes)[19];
    char (*labels)[128];
    int n, cap;
};

/* Divisions in scope from the root down to level deepest, in code order;
 * with only_level set, just the divisions of that level. -1 with *e. */
int admin_divpick_load(struct admin_divpick *p, store *db, enum division_level deepest,
                       int only_level, wg_err *e);
/* Index of code, or -1. */
int admin_divpick_find(const struct admin_divpick *p, const char *code);
void admin_divpick_free(struct admin_divpick *p);

#endif
