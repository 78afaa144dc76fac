/* Division codes: county 6 digits, town 9, village 12, grid 15, building or
 * villager group 18; each extends its parent's. Scope: a user sees a code when
 * it starts with the user's scope code. Pure. */
#ifndef WANGGE_DOMAIN_DIVISION_H
#define WANGGE_DOMAIN_DIVISION_H

#include "util/err.h"

enum division_level { DIV_COUNTY, DIV_TOWN, DIV_VILLAGE, DIV_GRID, DIV_BUILDING, DIV_LEVEL_COUNT };

/* Level from the code's length; -1 if the code is not 6/9/12/15/18 digits. */
int division_level(const char *code);
/* "county", "town", "village", "grid", "building" (as stored); NULL if invalid. */
const char *division_level_name(enum division_level l);
/* Parent code into out (size >= 19); -1 for a county or an invalid code. */
int division_parent(const char *code, char *out);
/* 1 if code lies within scope (code starts with scope, scope a valid code). */
int division_within(const char *code, const char *scope);
/* Validate a code, optionally as a child of parent (NULL: any level). */
int division_check(const char *code, const char *parent, wg_err *e);

#endif
