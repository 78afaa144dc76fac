/* Administration: case kinds with their default deadline (days) and
 * default department (add, change, retire or restore). */
#ifndef WANGGE_SCREENS_ADMIN_KINDS_H
#define WANGGE_SCREENS_ADMIN_KINDS_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_kinds_screen_new(struct app *a);

#endif
