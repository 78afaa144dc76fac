/* Places and organisations (地, 组织): two lists under one screen (switch
 * with the tab keys), within the user's scope, filtered by kind, area and a
 * fragment of text; forms to add and edit them, checked at the field. */
#ifndef WANGGE_SCREENS_PLACES_H
#define WANGGE_SCREENS_PLACES_H

#include "screens/app.h"

struct screen;
struct screen *places_screen_new(struct app *a);

#endif
