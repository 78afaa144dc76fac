/* Administration: user accounts (list, add, change role/scope/department,
 * reset password, add SSH key, lock/unlock). */
#ifndef WANGGE_SCREENS_ADMIN_USERS_H
#define WANGGE_SCREENS_ADMIN_USERS_H

#include "screens/app.h"
#include "ui/screen.h"

struct screen *admin_users_screen_new(struct app *a);

#endif
