/* Households (户): the ledger's unit, living in a grid or a building.
 *
 * Reads and writes are limited to the actor's scope; writes need a role that
 * may edit the ledger (role_may_edit_ledger) and are audited (table
 * "household", before/after JSON of the changed fields).
 *
 * Field errors: functions that validate input take `const char **field`
 * (may be NULL); on a validation failure they set it to the name of the bad
 * field ("division_code", "address", "number", "phone", "integrity_points")
 * so a form can show the message at that field; otherwise it is left NULL. */
#ifndef WANGGE_STORE_HOUSEHOLD_H
#define WANGGE_STORE_HOUSEHOLD_H

#include <stdint.h>

#include "store/store.h"

struct household_rec {
    int64_t id;
    char division_code[19]; /* grid (15) or building/group (18) */
    char number[32];        /* household register number, may be "" */
    char address[192];
    int64_t head_id;      /* 0: none yet */
    char head_name[64];   /* filled by get/list */
    int integrity_points; /* 0..1000, new households 100 */
    char phone[32];       /* masked (phone_mask) in get/list */
    char note[256];
    char status[12]; /* active | dissolved */
    int members;     /* residents with status 'resident' */
    char tags[128];  /* distinct tag names of the members, "、"-joined */
    char updated_at[32];
};

/* Households whose division code starts with division (a grid includes its
 * buildings), ordered by address with house numbers compared as numbers
 * (一组2号 before 一组10号); dissolved ones only when include_dissolved.
 * Returns the number filled (<= limit) or -1. */
int household_list(store *s, const char *division, int include_dissolved, int64_t offset, int limit,
                   struct household_rec *out, wg_err *e);
int64_t household_count(store *s, const char *division, int include_dissolved, wg_err *e);
int household_get(store *s, int64_t id, struct household_rec *out, wg_err *e);
/* The household's phone in full: audited as 'unmask' (role_may_unmask). */
int household_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e);

/* Add: division_code, address required; number, phone, note optional;
 * integrity_points 0 means the default 100. Returns the new id, or -1. */
int64_t household_add(store *s, const struct household_rec *h, const char **field, wg_err *e);
/* Update address, number, phone, note and integrity points from h (by h->id).
 * A phone containing '*' (the masked value shown) means unchanged. A change of
 * integrity points requires reason, which goes into the audit row. */
int household_update(store *s, const struct household_rec *h, const char *reason,
                     const char **field, wg_err *e);
/* Make a member the head (relation 'head'; the former head becomes 'other'). */
int household_set_head(store *s, int64_t household, int64_t resident, wg_err *e);
/* Dissolve a household with no residents left (status 'resident'). */
int household_dissolve(store *s, int64_t id, const char *note, wg_err *e);
/* Re-drawing: move a household (and its residents) to another grid or building
 * in scope; residence_history gets 'regridded' for each resident. */
int household_move(store *s, int64_t id, const char *division, wg_err *e);

/* Everything that happened to the household's members (residence_history
 * rows of this household, and transfers out of it), newest first; needs the
 * household in scope. struct residence_event: store/resident.h. Returns the
 * number filled (<= max) or -1. */
struct residence_event;
int household_history(store *s, int64_t household_id, struct residence_event *out, int max,
                      wg_err *e);

#endif
