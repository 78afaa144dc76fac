/* Administration: departments that cases are dispatched to (add, rename,
 * retire or restore). */
#ifndef WANGGE_SCREENS_ADMIN_DEPTS_H
#define WANGGE_SCREENS_ADMIN_DEPTS_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_depts_screen_new(struct app *a);

#endif
