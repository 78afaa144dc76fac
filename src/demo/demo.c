#include "demo/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo/cases.h"
#include "demo/land.h"
#include "demo/people.h"
#include "demo/staff.h"
#include "demo/world.h"
#include "domain/password.h"
#include "store/bulk.h"
#include "store/search.h"
#include "util/strbuf.h"

static int parse_day(const char *s, int32_t *out)
{
    int y, m, d;
    char extra;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || y < 2000 || y > 2999 || m < 1 ||
        m > 12 || d < 1 || d > 31)
        return -1;
    *out = world_days(y, m, d);
    int y2, m2, d2;
    world_civil(*out, &y2, &m2, &d2);
    return y2 == y && m2 == m && d2 == d ? 0 : -1;
}

static int load_lists(struct world *w, wg_err *e)
{
    static const char *given[] = {"male_old", "male_young", "female_old", "female_young"};
    if (names_load(&w->surname, "surnames.txt", "surname", e) < 0) return -1;
    for (int i = 0; i < 4; i++)
        if (names_load(&w->given[i], "given.txt", given[i], e) < 0) return -1;
    if (names_load(&w->town, "places.txt", "town", e) < 0 ||
        names_load(&w->village, "places.txt", "village", e) < 0 ||
        names_load(&w->community, "places.txt", "community", e) < 0 ||
        names_load(&w->road, "places.txt", "road", e) < 0 ||
        names_load(&w->compound, "places.txt", "compound", e) < 0)
        return -1;
    return 0;
}

static void world_free(struct world *w)
{
    names_free(&w->surname);
    for (int i = 0; i < 4; i++) names_free(&w->given[i]);
    names_free(&w->town);
    names_free(&w->village);
    names_free(&w->community);
    names_free(&w->road);
    names_free(&w->compound);
    free(w->town_v);
    free(w->village_v);
    free(w->grid_v);
    free(w->unit_v);
    free(w->hh);
}

static void stats(const struct world *w, struct demo_stats *st)
{
    memset(st, 0, sizeof *st);
    for (int i = 0; i < w->ntown; i++) w->town_v[i].urban ? st->streets++ : st->towns++;
    for (int i = 0; i < w->nvillage; i++)
        w->village_v[i].urban ? st->communities++ : st->villages++;
    st->grids = w->ngrid;
    for (int i = 0; i < w->ngrid; i++) st->dedicated += w->grid_v[i].kind != GRID_BASIC;
    for (int i = 0; i < w->nunit; i++) w->unit_v[i].entrances ? st->buildings++ : st->groups++;
    st->households = w->nhh;
    st->residents = w->nresident;
    st->moved_out = w->nmoved;
    st->deceased = w->ndeceased;
    st->tagged = w->ntag;
    st->places = w->nplace;
    st->organisations = w->norg;
    st->users = w->nuser;
    st->staff = w->nstaff;
    st->cases = w->ncase;
    st->events = w->nevent;
    st->visits = w->nvisit;
    const struct w_village *v = &w->village_v[staff_first_village(w)];
    const struct w_grid *g = &w->grid_v[v->first_grid];
    snprintf(st->secretary_scope, sizeof st->secretary_scope, "%s %s", v->code, v->name);
    snprintf(st->worker_scope, sizeof st->worker_scope, "%s %s", g->code, g->name);
    snprintf(st->police_department, sizeof st->police_department, "%s", w->dept[0].name);
}

static int audit(struct world *w, wg_err *e)
{
    strbuf j;
    strbuf_init(&j);
    strbuf_addf(&j, "{\"seed\":%llu,\"county\":\"%s\",\"today\":\"", (unsigned long long)w->seed,
                w->county_code);
    char day[11];
    world_date(w->today, day);
    strbuf_addf(&j,
                "%s\",\"towns\":%d,\"villages\":%d,\"grids\":%d,\"households\":%lld,"
                "\"residents\":%lld,\"users\":%lld,\"cases\":%lld,\"visits\":%lld}",
                day, w->ntown, w->nvillage, w->ngrid, (long long)w->nhh, (long long)w->nresident,
                (long long)w->nuser, (long long)w->ncase, (long long)w->nvisit);
    char seed[24];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)w->seed);
    int r = store_act_as_system(w->s, NULL, e) < 0 ||
                    store_meta_set(w->s, "demo_seed", seed, e) < 0 ||
                    store_meta_set(w->s, "demo_today", day, e) < 0 ||
                    store_audit(w->s, "init_demo", NULL, 0, NULL, j.s, e) < 0
                ? -1
                : 0;
    strbuf_free(&j);
    return r;
}

static double lap(struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double d = (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
    *t = now;
    return d;
}

static int build(struct world *w, double *times, wg_err *e)
{
    if (load_lists(w, e) < 0) return -1;
    /* Hashing "demo" separately for thousands of accounts would take minutes
     * (argon2id is slow on purpose): every demo account shares one hash. */
    if (password_hash("demo", w->demo_hash) < 0) return wg_err_set(e, "out of memory hashing");
    if (store_act_as_system(w->s, NULL, e) < 0) return -1;
    /* Checking every reference costs seconds on a big county; small ones
     * (the tests') are checked. */
    unsigned flags = BULK_DEFER_INDEXES |
                     (w->households_wanted <= 100000 ? BULK_CHECK_REFERENCES : 0) |
                     (w->fresh_file ? BULK_NO_JOURNAL : 0);
    if (bulk_begin(w->s, flags, e) < 0) return -1;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    /* the search index is filled once at the end, in key order */
    if (search_suspend(w->s, e) < 0 || land_build(w, e) < 0 || people_build(w, e) < 0 ||
        (times[0] = lap(&t), 0) || staff_build(w, e) < 0 || cases_build(w, e) < 0 ||
        (times[1] = lap(&t), 0) || search_rebuild(w->s, e) < 0 || (times[2] = lap(&t), 0) ||
        audit(w, e) < 0) {
        bulk_abort(w->s);
        return -1;
    }
    int r = bulk_end(w->s, e);
    times[3] = lap(&t);
    return r;
}

int demo_build(store *s, const struct demo_opts *o, struct demo_stats *st, wg_err *e)
{
    char code[19];
    if (store_county_code(s, code) == 0)
        return wg_err_set(e, "the database already holds county %s", code);
    struct world *w = calloc(1, sizeof *w);
    if (!w) return wg_err_set(e, "out of memory");
    w->s = s;
    w->seed = o->seed;
    rng_seed(&w->r, o->seed);
    w->households_wanted = o->households;
    w->fresh_file = o->fresh_file;
    snprintf(w->county_code, sizeof w->county_code, "%s",
             o->county_code ? o->county_code : DEMO_COUNTY_CODE);
    snprintf(w->county_name, sizeof w->county_name, "%s",
             o->county_name ? o->county_name : DEMO_COUNTY_NAME);
    if (o->today) {
        if (parse_day(o->today, &w->today) < 0) {
            free(w);
            return wg_err_set(e, "'%s' is not a date (YYYY-MM-DD)", o->today);
        }
    } else
        w->today = (int32_t)(time(NULL) / 86400);
    /* the ledgers were typed in some months before the year of cases began */
    w->golive = w->today - 400;
    world_date(w->golive, w->golive_date);
    snprintf(w->golive_at, sizeof w->golive_at, "%sT01:00:00Z", w->golive_date);
    double times[4] = {0};
    int r = build(w, times, e);
    if (r == 0) {
        stats(w, st);
        st->t_people = times[0];
        st->t_cases = times[1];
        st->t_search = times[2];
        st->t_finish = times[3];
    }
    world_free(w);
    free(w);
    return r;
}
