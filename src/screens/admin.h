/* Administration (county administrators only): a menu of areas (users,
 * grids and re-drawing, departments, tags, case kinds, checklist templates,
 * the audit log), plus small helpers the admin_* screens share. */
#ifndef WANGGE_SCREENS_ADMIN_H
#define WANGGE_SCREENS_ADMIN_H

#include "screens/app.h"
#include "ui/action.h"
#include "ui/screen.h"

struct screen *admin_screen_new(struct app *a);

/* -1 with *e unless the logged-in user is a county administrator: every
 * admin screen checks it in open(), whatever opened it. */
int admin_require(const struct app *a, wg_err *e);

/* A line of key hints, "a add  e edit  Enter actions", with the keys taken
 * from the keymap section (so a user's keymap shows its own keys). */
struct admin_hint {
    enum action action;
    const char *label; /* msgid */
};
void admin_hints(int y, int x, int w, const char *section, const struct admin_hint *h, int n);

/* Column header text right-aligned or left-aligned in width w. */
void admin_header(int y, int x, int w, const char *text);

#endif
