#include "screens/admin_deptpick.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/department.h"
#include "ui/i18n.h"
#include "ui/screen.h"
#include "util/xalloc.h"

void admin_deptpick_load(struct admin_deptpick *p, store *db)
{
    struct department_rec *d = xcalloc(ADMIN_DEPTPICK_MAX, sizeof *d);
    wg_err e = {{0}};
    int n = department_list(db, 0, d, ADMIN_DEPTPICK_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    if (n > ADMIN_DEPTPICK_MAX) n = ADMIN_DEPTPICK_MAX;
    p->choices[0].value = "";
    p->choices[0].label = N_("(none)");
    for (int i = 0; i < n; i++) {
        snprintf(p->ids[i + 1], sizeof p->ids[i + 1], "%lld", (long long)d[i].id);
        snprintf(p->names[i + 1], sizeof p->names[i + 1], "%s", d[i].name);
        p->choices[i + 1].value = p->ids[i + 1];
        p->choices[i + 1].label = p->names[i + 1];
    }
    p->n = n + 1;
    free(d);
}
