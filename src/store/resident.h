/* Residents (居民): never deleted; they move out, die, transfer or are restored,
 * each step kept in residence_history.
 *
 * Scope: a resident is visible and changeable when its division code (always
 * equal to its household's) lies within the actor's scope. Writes need
 * role_may_edit_ledger and are audited (table "resident").
 *
 * Privacy: ID numbers and phones come back masked (idnum_mask, phone_mask);
 * only resident_unmask returns them in full, and it writes an 'unmask' audit
 * row. On update, an id_number or phone containing '*' means "unchanged".
 *
 * Field errors: `const char **field` (may be NULL) receives the name of the
 * bad field on a validation failure: "household_id", "name", "sex",
 * "id_number", "birth_date", "phone", "relation", "status_date". */
#ifndef WANGGE_STORE_RESIDENT_H
#define WANGGE_STORE_RESIDENT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Returned (instead of -1) when the ID number is already registered for
 * another resident; the message names no out-of-scope detail. */
#define RESIDENT_DUP_ID (-2)

struct resident_rec {
    int64_t id;
    int64_t household_id;
    char division_code[19]; /* the household's; set by the store */
    char name[64];
    char sex;            /* 'M' or 'F'; 0 on add: from the ID number */
    char id_number[19];  /* "" if none; masked when read */
    char birth_date[11]; /* YYYY-MM-DD or ""; on add "" takes the ID's */
    char ethnicity[32];  /* "" on add: 汉族 */
    char phone[32];      /* "" if none; masked when read */
    char relation[16];   /* head spouse child parent grandchild grandparent
                            sibling child_in_law other ("" = other) */
    char status[12];     /* resident | moved_out | deceased */
    char status_date[11];
    char status_note[128];
    char note[256];
    char tags[128];    /* the resident's tag names, "、"-joined (read only) */
    char address[192]; /* the household's address (read only) */
    char updated_at[32];
};

/* One resident (masked). -1 "no resident N" or the scope message. */
int resident_get(store *s, int64_t id, struct resident_rec *out, wg_err *e);
/* Members of a household: heads first, then by relation and birth date; those
 * moved out or deceased only when include_gone. Returns the number filled. */
int resident_list(store *s, int64_t household, int include_gone, int64_t offset, int limit,
                  struct resident_rec *out, wg_err *e);
int64_t resident_count(store *s, int64_t household, int include_gone, wg_err *e);
/* The full ID number and phone of one resident, audited as 'unmask'. Needs
 * role_may_unmask. Either output may be NULL. */
int resident_unmask(store *s, int64_t id, char id_number[19], char *phone, size_t phone_size,
                    wg_err *e);

/* Add to r->household_id (active, in scope). Validates the ID number
 * (idnum_parse) against the typed birth date and sex (idnum_matches), the phone
 * (phone_parse); fills sex and birth date from the ID when left empty; the
 * number and phone are stored normalised. Returns the new id, -1, or
 * RESIDENT_DUP_ID. r->id is set on success. A 'moved_in' history row is kept. */
int64_t resident_add(store *s, struct resident_rec *r, const char **field, wg_err *e);
/* Update name, sex, id_number, birth_date, ethnicity, phone, relation, note
 * from r (by r->id). Same checks and return values as resident_add. */
int resident_update(store *s, const struct resident_rec *r, const char **field, wg_err *e);

/* Status changes: date "YYYY-MM-DD" (NULL or "": today), note optional. */
int resident_move_out(store *s, int64_t id, const char *date, const char *note, wg_err *e);
int resident_deceased(store *s, int64_t id, const char *date, const char *note, wg_err *e);
/* Back to 'resident', into household (0: the one they left). */
int resident_restore(store *s, int64_t id, int64_t household, const char *note, wg_err *e);
/* Move a resident to another household (both in scope, target active), with
 * the new relation ("" = other). A head leaving leaves the old household
 * without head. residence_history gets 'transferred'. */
int resident_transfer(store *s, int64_t id, int64_t household, const char *relation,
                      const char *note, wg_err *e);

/* One step of where someone lived (residence_history), as the history
 * screens show it. event: moved_in transferred moved_out deceased regridded
 * restored. A transfer has both households; moving in only to_household,
 * moving out or death only from_household; re-drawing keeps the household
 * and changes the division. from_place/to_place name the household (its
 * address) or, when re-drawn, the grid or building: only when it lies
 * within the actor's scope, else "" (the division code is still there). */
struct residence_event {
    int64_t id, resident_id, household_id, from_household, to_household;
    char resident_name[64];
    char from_division[19], to_division[19];
    char from_place[192], to_place[192];
    char event[12];
    char at[32];      /* when it was recorded (UTC, ISO 8601) */
    char by_user[33]; /* the user's name; "" for the system (init, imports) */
    char note[128];
};

/* A resident's history, newest first (resident in scope). Returns the number
 * filled (<= max) or -1. */
int resident_history(store *s, int64_t resident_id, struct residence_event *out, int max,
                     wg_err *e);

#endif
