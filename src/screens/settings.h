/* Settings (everyone): keymap, language, terminal encoding, own password. */
#ifndef WANGGE_SCREENS_SETTINGS_H
#define WANGGE_SCREENS_SETTINGS_H

#include "screens/app.h"

struct screen;
struct screen *settings_screen_new(struct app *a);

#endif
