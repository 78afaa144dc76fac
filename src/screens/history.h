/* Residence history (居住变动记录): where a household's members came from and
 * went to, newest first: date, what happened, who, from → to, who recorded
 * it, and the note. Places outside the user's scope show as "another grid"
 * (the store names only what the user may see). */
#ifndef WANGGE_SCREENS_HISTORY_H
#define WANGGE_SCREENS_HISTORY_H

#include <stdint.h>

#include "screens/app.h"

struct screen;
/* The history of household_id (resident_id 0), or of one resident. */
struct screen *history_screen_new(struct app *a, int64_t household_id, int64_t resident_id);

#endif
