/* Mainland phone numbers. Mobile: optional +86/86/0086 prefix, then 1[3-9] and
 * nine more digits. Landline: area code 0 + 2-3 digits, a separator '-' or
 * space optional, and a 7-8 digit local number, optional "-ext". Pure. */
#ifndef WANGGE_DOMAIN_PHONE_H
#define WANGGE_DOMAIN_PHONE_H

#include <stddef.h>

#include "util/err.h"

enum phone_kind { PHONE_MOBILE, PHONE_LANDLINE };

/* Validate and normalise into out: mobiles as 11 digits, landlines as
 * "0AAA-NNNNNNN[-EXT]". Returns the kind, or -1 with *e saying what is wrong. */
int phone_parse(const char *in, char *out, size_t size, wg_err *e);
/* Masked for display: mobiles "138****5678"; landlines keep area code and last 4. */
void phone_mask(const char *normalised, char *out, size_t size);

#endif
