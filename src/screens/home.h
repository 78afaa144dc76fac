/* The home screen (工作台): who I am, the divisions in my scope with their
 * counts, and the menu. */
#ifndef WANGGE_SCREENS_HOME_H
#define WANGGE_SCREENS_HOME_H

#include "screens/app.h"

struct screen;
struct screen *home_screen_new(struct app *a);

#endif
