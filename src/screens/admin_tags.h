/* Administration: care-group tags set on residents (add, rename, retire or
 * restore). */
#ifndef WANGGE_SCREENS_ADMIN_TAGS_H
#define WANGGE_SCREENS_ADMIN_TAGS_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_tags_screen_new(struct app *a);

#endif
