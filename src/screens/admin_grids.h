/* Administration: the division tree (county, towns, villages, grids,
 * buildings/villager groups): add, rename, kind, retire; a grid's staff;
 * re-drawing (move a building or households to another grid). */
#ifndef WANGGE_SCREENS_ADMIN_GRIDS_H
#define WANGGE_SCREENS_ADMIN_GRIDS_H

#include "screens/app.h"
#include "ui/screen.h"

/* The tree from the administrator's scope (the county). */
struct screen *admin_grids_screen_new(struct app *a);
/* The children of one division. */
struct screen *admin_grids_screen_at(struct app *a, const char *code);

/* Translated label of a division kind ("basic" -> "Basic grid"). */
const char *admin_kind_label(const char *kind);

#endif
