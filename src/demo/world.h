/* The demo county while it is being built: what each stage (land, people,
 * staff, cases) leaves for the next, plus the helpers they share (dates,
 * personal names, phone numbers). Everything here is drawn from one seeded
 * generator, in a fixed order, so that one seed gives one county. */
#ifndef WANGGE_DEMO_WORLD_H
#define WANGGE_DEMO_WORLD_H

#include <stdint.h>

#include "demo/names.h"
#include "demo/rng.h"
#include "store/store.h"

enum grid_kind { GRID_BASIC, GRID_SCHOOL, GRID_HOSPITAL, GRID_MARKET, GRID_ENTERPRISE };

struct w_town {
    char code[10], name[40];
    int urban;                   /* a street (街道) rather than a town or township */
    int first_village, nvillage; /* into world.village */
    int64_t officer_user[3];     /* town officers (grid instructors) */
    char officer_name[3][16];
};

struct w_village {
    char code[13], name[48];
    int town, urban;
    int first_grid, ngrid;
    int64_t secretary_user;
    char secretary_name[16];
};

struct w_grid {
    char code[16], name[64];
    int village, urban;
    enum grid_kind kind;
    int first_unit, nunit;      /* buildings or villager groups */
    int target;                 /* households planned */
    int64_t hh_first, hh_count; /* household ids [hh_first, hh_first + hh_count) */
    int64_t place_id;           /* the school, hospital, ... of a dedicated grid */
    int64_t worker_user, leader_user;
    char worker_name[16], leader_name[16], police_name[16], mediator_name[16];
};

struct w_unit {
    char code[19], name[48];
    int grid;
    int target;
    int entrances, floors; /* buildings: 单元 and storeys; 0 for villager groups */
};

/* What later stages need of each household: parties, callers, visits. */
struct w_household {
    int64_t head_id;
    int32_t grid;
    char head_name[16];
    char phone[12];
};

struct w_department {
    int64_t id;
    const char *code;
    char name[64];
    int64_t handler_id[4];
    int nhandler;
    char handler_name[4][16];
};

struct world {
    store *s;
    rng r;
    uint64_t seed;
    char county_code[7], county_name[64];
    long households_wanted;
    int fresh_file;
    int32_t today;      /* days since 1970-01-01 */
    int32_t golive;     /* the day the ledgers were entered: created_at of base rows */
    char golive_at[24]; /* golive as "YYYY-MM-DDT01:00:00Z" */
    char golive_date[11];

    struct name_list surname, given[4]; /* given: male old/young, female old/young */
    struct name_list town, village, community, road, compound;

    struct w_town *town_v;
    int ntown;
    struct w_village *village_v;
    int nvillage;
    struct w_grid *grid_v;
    int ngrid;
    struct w_unit *unit_v;
    int nunit;
    struct w_household *hh; /* index: household id - 1 */
    int64_t nhh, nresident, nplace, norg, nuser, nstaff, ncase, nvisit, nevent, ntag;
    int64_t nmoved, ndeceased;
    int ndept;
    struct w_department dept[16];
    int64_t centre_user, admin_user;
    char centre_name[16];
    char demo_hash[128]; /* one argon2id hash of "demo" for every demo user */
};

/* Day numbers and their text forms. */
int32_t world_days(int y, int m, int d);
void world_civil(int32_t days, int *y, int *m, int *d);
void world_date(int32_t days, char out[11]); /* YYYY-MM-DD */
void world_time(int64_t secs, char out[24]); /* YYYY-MM-DDTHH:MM:SSZ */
int64_t world_secs(int32_t days);            /* midnight UTC of a day */
/* A moment in office hours (08:00-18:00 Beijing time) of a day. */
int64_t world_office_time(struct world *w, int32_t day);

/* A personal name of the given sex and birth year; surname NULL to draw one. */
void world_person(struct world *w, char sex, int birth_year, const char *surname, char out[16]);
/* A mobile number, 11 digits. */
void world_mobile(struct world *w, char out[12]);
/* Chinese numeral for 1..99 ("三", "十二"). */
void world_numeral(int n, char out[16]);

#endif
