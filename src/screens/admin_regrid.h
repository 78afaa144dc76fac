/* Administration, re-drawing: the households of a grid or building, some of
 * them selected, moved to another grid or building (residents follow; the
 * store keeps each move in the residence history). */
#ifndef WANGGE_SCREENS_ADMIN_REGRID_H
#define WANGGE_SCREENS_ADMIN_REGRID_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_regrid_screen_new(struct app *a, const char *division);

#endif
