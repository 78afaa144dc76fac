/* The demo county's people at work: departments, user accounts (the five
 * demo logins first, then town officers, village secretaries, grid leaders
 * and full-time workers, department handlers) and every grid's 1+1+1+N team
 * with its linked police officer. All accounts share one hash of "demo". */
#ifndef WANGGE_DEMO_STAFF_H
#define WANGGE_DEMO_STAFF_H

#include "demo/world.h"

/* The village and grid whose secretary and worker are the demo logins. */
int staff_first_village(const struct world *w);

int staff_build(struct world *w, wg_err *e);

#endif
