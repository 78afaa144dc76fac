/* Organisations (组织): property companies, social organisations, party
 * branches, enterprises. Scoped by division code; writes need
 * role_may_edit_ledger. Audited. */
#ifndef WANGGE_STORE_ORGANISATION_H
#define WANGGE_STORE_ORGANISATION_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct organisation_rec {
    int64_t id;
    char division_code[19];
    char kind[16]; /* property social party_branch enterprise other */
    char name[96];
    char contact[64];
    char phone[32];
    char rating[8]; /* red | black | none | "" */
    char note[256];
};

/* Organisations whose division code starts with division (an index range), by
 * name, then id; returns how many were filled, or -1. Filters, each NULL or
 * "" for none: kind, one of the kinds above (another is an error); text,
 * found in the name, contact or note (Latin letters in either case)
 * or in the phone number. */
int organisation_list_filtered(store *s, const char *division, const char *kind, const char *text,
                               int64_t offset, int limit, struct organisation_rec *out, wg_err *e);
/* How many organisation_list_filtered would list without a limit. */
int64_t organisation_count_filtered(store *s, const char *division, const char *kind,
                                    const char *text, wg_err *e);
/* The same without filters. */
int organisation_list(store *s, const char *division, int64_t offset, int limit,
                      struct organisation_rec *out, wg_err *e);
int64_t organisation_count(store *s, const char *division, wg_err *e);
int organisation_get(store *s, int64_t id, struct organisation_rec *out, wg_err *e);
/* The full phone number into phone (size bytes), for the actor whose role
 * may unmask (role_may_unmask); the unmasking is recorded in the audit log.
 * Lists and gets return it too: the screens mask it until this is called. */
int organisation_unmask(store *s, int64_t id, char *phone, size_t size, wg_err *e);
/* field (may be NULL) names the bad field: division_code kind name phone rating. */
int64_t organisation_add(store *s, const struct organisation_rec *o, const char **field, wg_err *e);
int organisation_update(store *s, const struct organisation_rec *o, const char **field, wg_err *e);

#endif
