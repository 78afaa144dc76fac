/* The household card (户卡): the household's fields and its members, with
 * what a grid worker does to them: add a member, edit, move out, record a
 * death, transfer to another household or grid, restore, make head, change
 * integrity points (with a reason), unmask (audited), see the history. And
 * the household form used to add and edit a household. */
#ifndef WANGGE_SCREENS_HOUSEHOLD_H
#define WANGGE_SCREENS_HOUSEHOLD_H

#include <stdint.h>

#include "screens/app.h"

struct screen;
struct screen *household_screen_new(struct app *a, int64_t id);

/* Called by the form after a successful save with the household's id. */
typedef void (*household_saved_fn)(void *ctx, int64_t id);
/* Add a household in division (a grid: its buildings are offered too), or
 * edit household id (division NULL). saved may be NULL. */
struct screen *household_form_new(struct app *a, const char *division, int64_t id,
                                  household_saved_fn saved, void *ctx);

#endif
