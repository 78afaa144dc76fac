/* Administration: a grid's team (1 leader + 1 instructor + 1 full-time
 * worker + N part-time workers) and its linked officers (police, mediator,
 * lawyer, rule-of-law deputy): add a post, end a post. */
#ifndef WANGGE_SCREENS_ADMIN_STAFF_H
#define WANGGE_SCREENS_ADMIN_STAFF_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_staff_screen_new(struct app *a, const char *grid);

#endif
