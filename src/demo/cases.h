/* A year of the demo county's work: case kinds with default deadlines and
 * departments, cases in every state with consistent timelines (events,
 * dispatches, parties and mediations for disputes), household visits with the
 * 五查三问 checklist, and patrols. */
#ifndef WANGGE_DEMO_CASES_H
#define WANGGE_DEMO_CASES_H

#include "demo/world.h"

int cases_build(struct world *w, wg_err *e);

#endif
