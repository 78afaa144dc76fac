/* Word lists for the demo county, compiled in from the text files in db/names.
 * File format: '#' starts a comment; "[section]" starts a list; then items
 * separated by white space, each optionally weighted as "item:weight". */
#ifndef WANGGE_DEMO_NAMES_H
#define WANGGE_DEMO_NAMES_H

#include <stdint.h>

#include "demo/rng.h"
#include "util/err.h"

struct name_list {
    char *buf;         /* owned copy of the section's text, items NUL-separated */
    const char **item; /* n items, pointing into buf */
    uint32_t *cum;     /* cumulative weights */
    int n;
};

/* Load section of the embedded file; -1 with *e if either is missing or empty. */
int names_load(struct name_list *l, const char *file, const char *section, wg_err *e);
void names_free(struct name_list *l);
/* One item drawn by weight. */
const char *names_pick(const struct name_list *l, rng *r);
/* Fill order[0..n-1] with a random permutation of the list's indexes, so that
 * a parent's children can draw names without repeating while names last. */
void names_shuffle(const struct name_list *l, rng *r, int *order);

#endif
