/* The ledger (台账): the households of a grid or building, a page at a time
 * from the store (a grid has hundreds), with address, head, members, integrity
 * points and the members' tags. Enter opens the household card; `a` adds a
 * household (then its head); typing jumps to an address. */
#ifndef WANGGE_SCREENS_LEDGER_H
#define WANGGE_SCREENS_LEDGER_H

#include "screens/app.h"

struct screen;
/* The ledger of division (a grid or a building code, in scope). */
struct screen *ledger_screen_new(struct app *a, const char *division);
/* The menu's "Ledger": a user whose scope is one grid (or who serves in
 * exactly one grid) gets that grid's ledger; wider scopes get the grids
 * screen to choose from. */
struct screen *ledger_screen_mine(struct app *a);

#endif
