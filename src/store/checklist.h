/* Visit checklist templates (五查三问 and the like) and their items.
 *
 * Templates are county-wide: everyone may read them; only county
 * administrators change them, each change audited (tables
 * "checklist_template" and "checklist_item"). An item that a visit has
 * answered is never removed, since the answer would lose its question: the
 * template is deactivated instead (no new visits use it) and a copy made
 * for the new wording (checklist_copy).
 *
 * Field errors: functions that validate input take `const char **field`
 * (may be NULL) and set it to "code", "name", "kind" or "text". */
#ifndef WANGGE_STORE_CHECKLIST_H
#define WANGGE_STORE_CHECKLIST_H

#include <stdint.h>

#include "store/store.h"

struct checklist_rec {
    int64_t id;
    char code[32]; /* [a-z0-9_]+, unique */
    char name[64];
    int active; /* offered for new visits */
    int items;  /* how many items it has */
};

struct checklist_item_rec {
    int64_t id;
    int64_t template_id;
    int ord;      /* position in the template, ascending */
    char kind[8]; /* check | ask */
    char text[256];
    int answered; /* 1 if some visit answered it (then it cannot be removed) */
};

/* Templates by id; inactive ones only when include_inactive. Returns the
 * number filled (<= max) or -1. */
int checklist_list(store *s, int include_inactive, struct checklist_rec *out, int max, wg_err *e);
int checklist_get(store *s, int64_t id, struct checklist_rec *out, wg_err *e);
/* The items of a template in order. Returns the number filled or -1. */
int checklist_items(store *s, int64_t template_id, struct checklist_item_rec *out, int max,
                    wg_err *e);

/* Administrators only. Returns the new template's id, or -1. */
int64_t checklist_add(store *s, const char *code, const char *name, const char **field, wg_err *e);
/* A new template (active) with the items of `from`, for a new wording of a
 * template whose items visits have answered. Returns the id, or -1. */
int64_t checklist_copy(store *s, int64_t from, const char *code, const char *name,
                       const char **field, wg_err *e);
int checklist_rename(store *s, int64_t id, const char *name, const char **field, wg_err *e);
int checklist_set_active(store *s, int64_t id, int active, wg_err *e);

/* Items: kind "check" or "ask", text 1 to 255 bytes. Added at the end.
 * Returns the new item's id, or -1. */
int64_t checklist_item_add(store *s, int64_t template_id, const char *kind, const char *text,
                           const char **field, wg_err *e);
int checklist_item_update(store *s, int64_t item_id, const char *kind, const char *text,
                          const char **field, wg_err *e);
/* Swap with the previous (delta < 0) or next (delta > 0) item. Moving the
 * first item up or the last down changes nothing and returns 0. */
int checklist_item_move(store *s, int64_t item_id, int delta, wg_err *e);
/* Remove an item no visit has answered; otherwise -1 with a message saying
 * to deactivate the template instead. */
int checklist_item_remove(store *s, int64_t item_id, wg_err *e);

#endif
