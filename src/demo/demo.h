/* The demo county: a fictional county that looks real, built from a seed
 * (same seed, same county) straight into an empty, migrated database. */
#ifndef WANGGE_DEMO_DEMO_H
#define WANGGE_DEMO_DEMO_H

#include <stdint.h>

#include "store/store.h"

/* The fictional county: a code under Shaanxi's prefix (61) that GB/T 2260
 * gives to no real county, and a made-up name. */
#define DEMO_COUNTY_CODE "619985"
#define DEMO_COUNTY_NAME "望川县"
#define DEMO_HOUSEHOLDS  20000
#define DEMO_SEED        1

struct demo_opts {
    uint64_t seed;
    long households;
    const char *county_code, *county_name;
    const char *today; /* "YYYY-MM-DD": the year of cases ends here; NULL: today (UTC) */
    /* The file was created for this load and is deleted if it fails: the load
     * may then skip the rollback journal (much faster). */
    int fresh_file;
};

struct demo_stats {
    int streets, towns, communities, villages, grids, dedicated, buildings, groups;
    int64_t households, residents, moved_out, deceased, tagged, places, organisations, users, staff,
        cases, events, visits;
    char secretary_scope[64]; /* "code name" of the secretary login's village */
    char worker_scope[96];    /* and of the worker login's grid */
    char police_department[64];
    /* seconds spent: land and people, staff and cases, the search index, and
     * the rest of the indexes with the final checks and commit */
    double t_people, t_cases, t_search, t_finish;
};

/* Build the county into s, which must hold no county yet. Writes one audit row
 * ("init_demo", with the seed and the counts). */
int demo_build(store *s, const struct demo_opts *o, struct demo_stats *st, wg_err *e);

#endif
