/* Citizen ID numbers (公民身份号码), GB 11643-1999.
 * 18 characters: 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and an ISO 7064 MOD 11-2 check character
 * (0-9 or X). 15-digit numbers issued before 1999 (2-digit year, no check
 * character) are converted to 18. Pure: no SQL, no ncurses. */
#ifndef WANGGE_DOMAIN_IDNUM_H
#define WANGGE_DOMAIN_IDNUM_H

#include "util/err.h"

struct idnum {
    char number[19]; /* normalised 18 characters, upper-case X */
    char region[7];  /* first six digits */
    char birth[11];  /* YYYY-MM-DD */
    char sex;        /* 'M' or 'F', from the 17th digit */
};

/* Parse and validate. Spaces around are ignored, 'x' is accepted for 'X', a
 * 15-digit number is converted. today ("YYYY-MM-DD") bounds the birth date; NULL
 * means the current date. On error returns -1 and *e names what is wrong, e.g.
 * "the check character should be 7, not 3" or "birth date 1990-02-30 does not exist". */
int idnum_parse(const char *in, const char *today, struct idnum *out, wg_err *e);
/* The check character ('0'-'9' or 'X') for 17 digits; '?' if not 17 digits. */
char idnum_check_char(const char *first17);
/* Convert a 15-digit number to 18 (inserts "19", appends the check character).
 * Returns 0, or -1 if in15 is not 15 digits. */
int idnum_from15(const char *in15, char out18[19]);
/* Compare the ID's birth date and sex with what was typed (either may be
 * NULL/0 to skip). -1 with a message naming the mismatch. */
int idnum_matches(const struct idnum *id, const char *birth, char sex, wg_err *e);
/* Masked for display: first 6 and last 4 kept, "370923********123X". Any input
 * shorter than 10 characters is masked entirely. */
void idnum_mask(const char *number, char out[19]);

#endif
