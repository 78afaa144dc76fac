#include "store/natural.h"

#include <string.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int natural_compare(const char *a, int na, const char *b, int nb)
{
    int i = 0, j = 0;
    while (i < na && j < nb) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            /* Numbers of any length: drop leading zeros, then the longer
             * run is the bigger number, else the first differing digit. */
            while (i < na && a[i] == '0') i++;
            while (j < nb && b[j] == '0') j++;
            int si = i, sj = j;
            while (i < na && is_digit(a[i])) i++;
            while (j < nb && is_digit(b[j])) j++;
            int li = i - si, lj = j - sj;
            if (li != lj) return li < lj ? -1 : 1;
            int c = memcmp(a + si, b + sj, (size_t)li);
            if (c) return c;
            continue;
        }
        if (a[i] != b[j]) return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
        i++, j++;
    }
    if (i < na || j < nb) return i < na ? 1 : -1;
    /* Equal as numbers and text ("07" vs "7"): bytes decide. */
    int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
    if (c) return c;
    return na == nb ? 0 : na < nb ? -1 : 1;
}

static int collate(void *ctx, int na, const void *a, int nb, const void *b)
{
    (void)ctx;
    return natural_compare(a, na, b, nb);
}

int natural_register(sqlite3 *db)
{
    return sqlite3_create_collation_v2(db, "NATSORT", SQLITE_UTF8, NULL, collate, NULL);
}
