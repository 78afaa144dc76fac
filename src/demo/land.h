/* The demo county's land: towns and streets, villages and communities, basic
 * and dedicated grids sized as domain.md says, buildings and villager groups,
 * places (shops, schools, clinics, markets, enterprises, cameras) and
 * organisations. Fills world's towns, villages, grids and units. */
#ifndef WANGGE_DEMO_LAND_H
#define WANGGE_DEMO_LAND_H

#include "demo/world.h"

int land_build(struct world *w, wg_err *e);

#endif
