/* The help screen: every key of a screen, generated from the active keymap. */
#ifndef WANGGE_SCREENS_HELP_H
#define WANGGE_SCREENS_HELP_H

#include "screens/app.h"

struct screen;
/* Help for the keymap section `section` (a screen's name); text-field keys
 * are listed after it. */
struct screen *help_screen_new(struct app *a, const char *section);

#endif
