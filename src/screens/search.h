/* Search (查找): one box, results that follow the typing, Enter opens the
 * resident (in the resident form). Opened from any screen with the search
 * action ('/'). */
#ifndef WANGGE_SCREENS_SEARCH_H
#define WANGGE_SCREENS_SEARCH_H

#include "screens/app.h"

struct screen;
struct screen *search_screen_new(struct app *a);

#endif
