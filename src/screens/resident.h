/* The resident form: one person of a household, added or edited, with the
 * checks made at each field as the cursor leaves it (ID number and its check
 * character, birth date and sex derived from the ID and compared with what
 * was typed, phone, dates, required fields), tags as a multi-select, and
 * masked ID and phone numbers that an explicit, audited action unmasks.
 * Nothing typed is lost when a check or the store refuses it. */
#ifndef WANGGE_SCREENS_RESIDENT_H
#define WANGGE_SCREENS_RESIDENT_H

#include <stdint.h>

#include "screens/app.h"

struct screen;
/* Edit resident id, or (id 0) add one to household with relation preset
 * (NULL: none chosen). */
struct screen *resident_form_new(struct app *a, int64_t household, int64_t id,
                                 const char *relation);

#endif
