/* Departments as choices for a form field: "(none)" first, then each
 * department that is not retired, by name, its id as the value. */
#ifndef WANGGE_SCREENS_ADMIN_DEPTPICK_H
#define WANGGE_SCREENS_ADMIN_DEPTPICK_H

#include "store/store.h"
#include "ui/form.h"

#define ADMIN_DEPTPICK_MAX 256

struct admin_deptpick {
    struct ui_choice choices[ADMIN_DEPTPICK_MAX + 1];
    char ids[ADMIN_DEPTPICK_MAX + 1][24];
    char names[ADMIN_DEPTPICK_MAX + 1][96];
    int n; /* choices, "(none)" included */
};

/* Read the departments; a failure is shown in the status line and leaves
 * only "(none)". */
void admin_deptpick_load(struct admin_deptpick *p, store *db);

#endif
