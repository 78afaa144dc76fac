/* Places (地): shops, schools, clinics, markets, enterprises, facilities,
 * cameras. Scoped by division code; writes need role_may_edit_ledger. Audited. */
#ifndef WANGGE_STORE_PLACE_H
#define WANGGE_STORE_PLACE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct place_rec {
    int64_t id;
    char division_code[19];
    char kind[16]; /* building shop school clinic hospital market enterprise
                      facility camera other */
    char name[96];
    char address[192];
    char contact[64];
    char phone[32];  /* normalised (phone_parse), or "" */
    char status[12]; /* normal | hazard | closed */
    char note[256];
};

/* Places whose division code starts with division (an index range), by
 * name, then id; returns how many were filled, or -1. Filters, each NULL or
 * "" for none: kind, one of the kinds above (another is an error); text,
 * found in the name, address, contact or note (Latin letters in either case)
 * or in the phone number. */
int place_list_filtered(store *s, const char *division, const char *kind, const char *text,
                        int64_t offset, int limit, struct place_rec *out, wg_err *e);
/* How many place_list_filtered would list without a limit. */
int64_t place_count_filtered(store *s, const char *division, const char *kind, const char *text,
                             wg_err *e);
/* The same without filters. */
int place_list(store *s, const char *division, int64_t offset, int limit, struct place_rec *out,
               wg_err *e);
int64_t place_count(store *s, const char *division, wg_err *e);
int place_get(store *s, int64_t id, struct place_rec *out, wg_err *e);
/* The full phone number into phone (size bytes), for the actor whose role
 * may unmask (role_may_unmask); the unmasking is recorded in the audit log.
 * Lists and gets return it too: the screens mask it until this is called. */
int place_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e);
/* field (may be NULL) names the bad field: division_code kind name phone status. */
int64_t place_add(store *s, const struct place_rec *p, const char **field, wg_err *e);
/* All fields but division_code from p (by p->id); moving a place = new division_code
 * within scope. */
int place_update(store *s, const struct place_rec *p, const char **field, wg_err *e);

#endif
