/* The demo county's people: households in every building and villager group,
 * with 1-5 residents each (a head, plausible relations and ages), valid ID
 * numbers, phones, ethnicity, care tags at plausible rates, and some moved out
 * or deceased. Fills world.hh for the stages after it. */
#ifndef WANGGE_DEMO_PEOPLE_H
#define WANGGE_DEMO_PEOPLE_H

#include "demo/world.h"

int people_build(struct world *w, wg_err *e);

#endif
