/* Places (地): shops, schools, clinics, markets, enterprises, facilities,
 * cameras. Scoped by division code; writes need role_may_edit_ledger. Audited. */
#ifndef WANGGE_STORE_PLACE_H
#define WANGGE_STORE_PLACE_H

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

/* Places whose division code starts with division, by name. Count filled. */
int place_list(store *s, const char *division, int64_t offset, int limit, struct place_rec *out,
               wg_err *e);
int64_t place_count(store *s, const char *division, wg_err *e);
int place_get(store *s, int64_t id, struct place_rec *out, wg_err *e);
/* field (may be NULL) names the bad field: division_code kind name phone status. */
int64_t place_add(store *s, const struct place_rec *p, const char **field, wg_err *e);
/* All fields but division_code from p (by p->id); moving a place = new division_code
 * within scope. */
int place_update(store *s, const struct place_rec *p, const char **field, wg_err *e);

#endif
