/* The grids screen: the division hierarchy under the user's scope (town,
 * village, grid, building), with each node's counts, a grid's kind and its
 * team (1+1+1+N and the linked police officer). Enter drills down a level
 * (a new screen, so Esc goes back up); on a grid or building it opens the
 * ledger. */
#ifndef WANGGE_SCREENS_GRIDS_H
#define WANGGE_SCREENS_GRIDS_H

#include "screens/app.h"

struct screen;
/* At the top of the user's scope. */
struct screen *grids_screen_new(struct app *a);
/* The children of division code (which must be in scope). */
struct screen *grids_screen_at(struct app *a, const char *code);

#endif
