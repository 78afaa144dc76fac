/* Administration: visit checklist templates (五查三问 and others) and their
 * items: add, rename, deactivate or activate, copy a template for a new
 * wording; add, change, move and remove items. An item that visits have
 * answered is not removed: the screen says to deactivate the template and
 * copy it instead. */
#ifndef WANGGE_SCREENS_ADMIN_CHECKLISTS_H
#define WANGGE_SCREENS_ADMIN_CHECKLISTS_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_checklists_screen_new(struct app *a);

#endif
