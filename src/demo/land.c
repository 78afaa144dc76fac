#include "demo/land.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bulk.h"
#include "util/xalloc.h"

/* Share of households in streets and communities (the county town). */
#define URBAN_SHARE 0.35
/* Dedicated grids per basic grid: about a fifth of all grids (Dongping: 372 of 1,730). */
#define DEDICATED_RATE 0.23

#define PUSH(arr, n, cap)                                                                          \
    ((n) == (cap)                                                                                  \
         ? ((cap) = (cap) ? (cap)*2 : 64, (arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr)))  \
         : (arr),                                                                                  \
     &(arr)[(n)++])

struct land {
    struct world *w;
    int cap_town, cap_village, cap_grid, cap_unit;
    int nstreet, ntown_rural, ntownship;
    int town_order[256], village_order[512], community_order[256], road_order[256],
        compound_order[64];
    int next_town_stem, next_street_stem;
    /* the community being built: its roads and the next door number on each */
    char road[3][32];
    int road_no[3], nroad;
    int next_group; /* villager groups are numbered across a village's grids */
    struct name_list shop, shop_stem, ent_stem, ent_suffix, property, social;
};

static int division(struct world *w, const char *code, const char *level, const char *kind,
                    int urban, const char *name, wg_err *e)
{
    struct bulk_division d = {code, level, kind, name, w->golive_at, urban};
    return bulk_division(w->s, &d, e);
}

static const char *stem(const struct name_list *l, const int *order, int i, char *buf, size_t size)
{
    /* past the list's end, names come round again with a direction in front */
    static const char *again[] = {"东", "西", "南", "北", "新", "上", "下", "前", "后"};
    const char *s = l->item[order[i % l->n]];
    if (i < l->n) return s;
    snprintf(buf, size, "%s%s", again[(i / l->n - 1) % 9], s);
    return buf;
}

static int place(struct world *w, const char *code, const char *kind, const char *name,
                 const char *address, int with_contact, const char *note, wg_err *e)
{
    char contact[16] = "", phone[12] = "";
    if (with_contact) {
        world_person(w, rng_chance(&w->r, 0.6) ? 'M' : 'F', rng_range(&w->r, 1960, 1995), NULL,
                     contact);
        world_mobile(w, phone);
    }
    struct bulk_place p = {++w->nplace,
                           code,
                           kind,
                           name,
                           address,
                           with_contact ? contact : NULL,
                           with_contact ? phone : NULL,
                           NULL,
                           note,
                           w->golive_at};
    return bulk_place(w->s, &p, e) < 0 ? -1 : 0;
}

static int organisation(struct world *w, const char *code, const char *kind, const char *name,
                        const char *rating, wg_err *e)
{
    char contact[16], phone[12];
    world_person(w, rng_chance(&w->r, 0.6) ? 'M' : 'F', rng_range(&w->r, 1960, 1995), NULL,
                 contact);
    world_mobile(w, phone);
    struct bulk_organisation o = {code, kind, name, contact, phone, rating, w->golive_at};
    w->norg++;
    return bulk_organisation(w->s, &o, e);
}

static struct w_town *new_town(struct land *L, int urban)
{
    struct world *w = L->w;
    struct w_town *t = PUSH(w->town_v, w->ntown, L->cap_town);
    memset(t, 0, sizeof *t);
    t->urban = urban;
    t->first_village = w->nvillage;
    char buf[40];
    if (urban) {
        int i = L->nstreet++;
        snprintf(t->code, sizeof t->code, "%s%03d", w->county_code, i + 1);
        if (i == 0)
            snprintf(t->name, sizeof t->name, "城关街道");
        else
            snprintf(
                t->name, sizeof t->name, "%s街道",
                stem(&w->community, L->community_order, L->next_street_stem++, buf, sizeof buf));
    } else {
        /* 镇 are numbered from 101, 乡 (townships) from 201, as in GB/T 10114 */
        int township = rng_chance(&w->r, 0.3) && L->ntownship < 198;
        if (!township && L->ntown_rural >= 98) township = 1;
        int n = township ? 201 + L->ntownship++ : 101 + L->ntown_rural++;
        snprintf(t->code, sizeof t->code, "%s%03d", w->county_code, n);
        snprintf(t->name, sizeof t->name, "%s%s",
                 stem(&w->town, L->town_order, L->next_town_stem++, buf, sizeof buf),
                 township ? "乡" : "镇");
    }
    return t;
}

static struct w_village *new_village(struct land *L, int town, int urban, const char *name)
{
    struct world *w = L->w;
    struct w_village *v = PUSH(w->village_v, w->nvillage, L->cap_village);
    memset(v, 0, sizeof *v);
    v->town = town;
    v->urban = urban;
    v->first_grid = w->ngrid;
    struct w_town *t = &w->town_v[town];
    /* communities (居委会) from 001, villages (村委会) from 201 */
    int n = t->nvillage++;
    snprintf(v->code, sizeof v->code, "%s%03d", t->code, urban ? n + 1 : 201 + n);
    snprintf(v->name, sizeof v->name, "%s", name);
    return v;
}

static struct w_grid *new_grid(struct land *L, int village, enum grid_kind kind, int target)
{
    struct world *w = L->w;
    struct w_grid *g = PUSH(w->grid_v, w->ngrid, L->cap_grid);
    memset(g, 0, sizeof *g);
    struct w_village *v = &w->village_v[village];
    g->village = village;
    g->urban = v->urban;
    g->kind = kind;
    g->target = target;
    g->first_unit = w->nunit;
    snprintf(g->code, sizeof g->code, "%s%03d", v->code, v->ngrid + 1);
    v->ngrid++;
    return g;
}

static void pick_roads(struct land *L, int first_road)
{
    static const char *suffix[] = {"路", "路", "路", "街", "街", "大道"};
    struct world *w = L->w;
    L->nroad = rng_range(&w->r, 2, 3);
    for (int i = 0; i < L->nroad; i++) {
        const char *s = w->road.item[L->road_order[(first_road + i) % w->road.n]];
        snprintf(L->road[i], sizeof L->road[i], "%s%s", s, suffix[rng_below(&w->r, 6)]);
        L->road_no[i] = rng_range(&w->r, 1, 30);
    }
}

static int units(struct land *L, struct w_grid *g, wg_err *e)
{
    struct world *w = L->w;
    int gi = (int)(g - w->grid_v);
    struct w_village *v = &w->village_v[g->village];
    int left = g->target;
    while (left > 0) {
        struct w_unit *u = PUSH(w->unit_v, w->nunit, L->cap_unit);
        memset(u, 0, sizeof *u);
        u->grid = gi;
        snprintf(u->code, sizeof u->code, "%s%03d", g->code, g->nunit + 1);
        g->nunit++;
        if (g->urban) {
            int floors =
                rng_chance(&w->r, 0.45) ? rng_range(&w->r, 5, 7) : rng_range(&w->r, 11, 18);
            u->entrances = rng_range(&w->r, 2, floors > 7 ? 3 : 6);
            u->floors = floors;
            int rooms = u->entrances * floors * 2;
            u->target = rooms * rng_range(&w->r, 75, 95) / 100;
            int r = (int)rng_below(&w->r, (uint32_t)L->nroad);
            snprintf(u->name, sizeof u->name, "%s%d号", L->road[r], L->road_no[r]);
            L->road_no[r] += rng_range(&w->r, 2, 8);
        } else {
            char num[16];
            world_numeral(++L->next_group, num);
            u->target = rng_range(&w->r, 30, 80);
            snprintf(u->name, sizeof u->name, "%s组", num);
        }
        if (u->target > left || left - u->target < 10) u->target = left;
        left -= u->target;
        char full[96];
        snprintf(full, sizeof full, "%s%s", g->urban ? "" : v->name, u->name);
        if (division(w, u->code, "building", g->urban ? "building" : "group", g->urban,
                     g->urban ? u->name : full, e) < 0)
            return -1;
    }
    return 0;
}

/* Shops, cameras and clinics of a basic grid. */
static int basic_places(struct land *L, struct w_grid *g, int first_in_village, wg_err *e)
{
    struct world *w = L->w;
    struct w_village *v = &w->village_v[g->village];
    char name[96], addr[96];
    int nshop = g->target / 60 + 1;
    for (int i = 0; i < nshop; i++) {
        const struct w_unit *u =
            &w->unit_v[g->first_unit + (int)rng_below(&w->r, (uint32_t)g->nunit)];
        snprintf(name, sizeof name, "%s%s", names_pick(&L->shop_stem, &w->r),
                 names_pick(&L->shop, &w->r));
        snprintf(addr, sizeof addr, "%s%s%s", g->urban ? "" : v->name, u->name,
                 g->urban ? "底商" : "");
        if (place(w, g->code, "shop", name, addr, 1, NULL, e) < 0) return -1;
    }
    int ncam = rng_range(&w->r, 1, 3);
    for (int i = 0; i < ncam; i++) {
        const struct w_unit *u =
            &w->unit_v[g->first_unit + (int)rng_below(&w->r, (uint32_t)g->nunit)];
        snprintf(name, sizeof name, "%s%s监控%d", g->urban ? "" : v->name, u->name, i + 1);
        /* Dongping: 93.34% of cameras online */
        if (place(w, g->code, "camera", name, NULL, 0, rng_chance(&w->r, 0.93) ? "在线" : "离线",
                  e) < 0)
            return -1;
    }
    if (first_in_village) {
        snprintf(name, sizeof name, "%s%s", v->name, v->urban ? "社区卫生服务站" : "卫生室");
        if (place(w, g->code, "clinic", name, NULL, 1, NULL, e) < 0) return -1;
        if (!v->urban && rng_chance(&w->r, 0.25)) {
            snprintf(name, sizeof name, "%s小学", v->name);
            if (place(w, g->code, "school", name, NULL, 1, NULL, e) < 0) return -1;
        }
    }
    return 0;
}

static int dedicated(struct land *L, int village, wg_err *e)
{
    struct world *w = L->w;
    struct w_village *v = &w->village_v[village];
    struct w_town *t = &w->town_v[v->town];
    static const enum grid_kind urban_kinds[] = {
        GRID_SCHOOL, GRID_SCHOOL, GRID_SCHOOL,     GRID_HOSPITAL,   GRID_HOSPITAL,
        GRID_MARKET, GRID_MARKET, GRID_ENTERPRISE, GRID_ENTERPRISE, GRID_ENTERPRISE};
    static const enum grid_kind rural_kinds[] = {
        GRID_SCHOOL, GRID_SCHOOL, GRID_SCHOOL,     GRID_SCHOOL,     GRID_HOSPITAL,
        GRID_MARKET, GRID_MARKET, GRID_ENTERPRISE, GRID_ENTERPRISE, GRID_ENTERPRISE};
    enum grid_kind k = (v->urban ? urban_kinds : rural_kinds)[rng_below(&w->r, 10)];
    struct w_grid *g = new_grid(L, village, k, 0);
    char pname[96], tstem[40];
    /* the town's name without 镇/乡/街道 */
    snprintf(tstem, sizeof tstem, "%s", t->name);
    size_t n = strlen(tstem);
    if (n > 6 && strcmp(tstem + n - 6, "街道") == 0)
        tstem[n - 6] = '\0';
    else if (n > 3)
        tstem[n - 3] = '\0';
    static const char *pkind[] = {"", "school", "hospital", "market", "enterprise"};
    static const char *gkind[] = {"basic", "school", "hospital", "market", "enterprise"};
    switch (k) {
    case GRID_SCHOOL: {
        static const char *urban_s[] = {"小学", "实验小学", "初级中学", "幼儿园", "中学"};
        static const char *rural_s[] = {"中心小学", "初级中学", "中心幼儿园", "九年制学校"};
        if (v->urban)
            snprintf(pname, sizeof pname, "%s%s%s", w->county_name, tstem,
                     urban_s[rng_below(&w->r, 5)]);
        else
            snprintf(pname, sizeof pname, "%s%s", t->name, rural_s[rng_below(&w->r, 4)]);
        break;
    }
    case GRID_HOSPITAL: {
        static const char *urban_h[] = {"人民医院", "中医医院", "妇幼保健院"};
        if (v->urban && rng_chance(&w->r, 0.6))
            snprintf(pname, sizeof pname, "%s%s", w->county_name, urban_h[rng_below(&w->r, 3)]);
        else if (v->urban)
            snprintf(pname, sizeof pname, "%s社区卫生服务中心", t->name);
        else
            snprintf(pname, sizeof pname, "%s卫生院", t->name);
        break;
    }
    case GRID_MARKET:
        if (v->urban && rng_chance(&w->r, 0.5))
            snprintf(pname, sizeof pname, "%s%s", v->name,
                     rng_chance(&w->r, 0.5) ? "商贸城" : "步行街商圈");
        else
            snprintf(pname, sizeof pname, "%s农贸市场", v->urban ? v->name : t->name);
        break;
    default:
        snprintf(pname, sizeof pname, "%s%s%s", w->county_name, names_pick(&L->ent_stem, &w->r),
                 names_pick(&L->ent_suffix, &w->r));
        break;
    }
    snprintf(g->name, sizeof g->name, "%s专属网格", pname);
    if (division(w, g->code, "grid", gkind[k], v->urban, g->name, e) < 0) return -1;
    if (place(w, g->code, pkind[k], pname, v->name, 1, NULL, e) < 0) return -1;
    g->place_id = w->nplace;
    if (k == GRID_ENTERPRISE && organisation(w, g->code, "enterprise", pname, NULL, e) < 0)
        return -1;
    return 0;
}

static int village_grids(struct land *L, int village, int hh, wg_err *e)
{
    struct world *w = L->w;
    struct w_village *v = &w->village_v[village];
    int ngrid = v->urban ? 1 : (hh + 449) / 450; /* rural: one village, split when large */
    int nbasic = 0;
    char num[16];
    L->next_group = 0;
    for (int i = 0; i < ngrid; i++) {
        int target = hh / ngrid + (i < hh % ngrid);
        struct w_grid *g = new_grid(L, village, GRID_BASIC, target);
        if (ngrid == 1)
            snprintf(g->name, sizeof g->name, "%s网格", v->name);
        else {
            world_numeral(i + 1, num);
            snprintf(g->name, sizeof g->name, "%s第%s网格", v->name, num);
        }
        if (division(w, g->code, "grid", "basic", v->urban, g->name, e) < 0) return -1;
        if (units(L, g, e) < 0 || basic_places(L, g, i == 0, e) < 0) return -1;
        nbasic++;
    }
    for (int i = 0; i < nbasic; i++)
        if (rng_chance(&w->r, DEDICATED_RATE) && dedicated(L, village, e) < 0) return -1;
    return 0;
}

static int community(struct land *L, int town, int ngrid, long *left, wg_err *e)
{
    struct world *w = L->w;
    struct w_town *t = &w->town_v[town];
    char buf[48], name[64];
    snprintf(
        name, sizeof name, "%s社区",
        stem(&w->community, L->community_order, t->nvillage + L->nstreet * 7, buf, sizeof buf));
    int vi = (int)(new_village(L, town, 1, name) - w->village_v);
    struct w_village *v = &w->village_v[vi];
    if (division(w, v->code, "village", "community", 1, v->name, e) < 0) return -1;
    pick_roads(L, (int)rng_below(&w->r, (uint32_t)w->road.n));
    char num[16];
    int nbasic = 0;
    for (int i = 0; i<ngrid && * left> 0; i++) {
        int target = rng_range(&w->r, 300, 500);
        if (*left < target + 150) target = *left > 500 ? (int)(*left / 2) : (int)*left;
        *left -= target;
        struct w_grid *g = new_grid(L, vi, GRID_BASIC, target);
        world_numeral(i + 1, num);
        snprintf(g->name, sizeof g->name, "%s第%s网格", v->name, num);
        if (division(w, g->code, "grid", "basic", 1, g->name, e) < 0) return -1;
        if (units(L, g, e) < 0 || basic_places(L, g, i == 0, e) < 0) return -1;
        nbasic++;
    }
    for (int i = 0; i < nbasic; i++)
        if (rng_chance(&w->r, DEDICATED_RATE) && dedicated(L, vi, e) < 0) return -1;
    int nprop = rng_range(&w->r, 1, 2);
    for (int i = 0; i < nprop; i++) {
        static const char *rating[] = {"none", "none", "none", "red", "black"};
        snprintf(name, sizeof name, "%s%s", names_pick(&L->ent_stem, &w->r),
                 names_pick(&L->property, &w->r));
        if (organisation(w, v->code, "property", name, rating[rng_below(&w->r, 5)], e) < 0)
            return -1;
    }
    return 0;
}

static int branches_and_societies(struct land *L, wg_err *e)
{
    struct world *w = L->w;
    char name[96];
    for (int i = 0; i < w->nvillage; i++) {
        const struct w_village *v = &w->village_v[i];
        snprintf(name, sizeof name, "%s%s", v->name,
                 w->village_v[i].urban ? "党委" : (rng_chance(&w->r, 0.7) ? "党支部" : "党总支"));
        if (organisation(w, v->code, "party_branch", name, NULL, e) < 0) return -1;
    }
    for (int i = 0; i < w->ntown; i++) {
        const struct w_town *t = &w->town_v[i];
        snprintf(name, sizeof name, "%s%s", t->name, names_pick(&L->social, &w->r));
        if (organisation(w, t->code, "social", name, NULL, e) < 0) return -1;
    }
    return 0;
}

static int load_lists(struct land *L, wg_err *e)
{
    return names_load(&L->shop, "things.txt", "shop", e) < 0 ||
                   names_load(&L->shop_stem, "things.txt", "shop_stem", e) < 0 ||
                   names_load(&L->ent_stem, "things.txt", "enterprise_stem", e) < 0 ||
                   names_load(&L->ent_suffix, "things.txt", "enterprise_suffix", e) < 0 ||
                   names_load(&L->property, "things.txt", "property", e) < 0 ||
                   names_load(&L->social, "things.txt", "social", e) < 0
               ? -1
               : 0;
}

static void free_lists(struct land *L)
{
    names_free(&L->shop);
    names_free(&L->shop_stem);
    names_free(&L->ent_stem);
    names_free(&L->ent_suffix);
    names_free(&L->property);
    names_free(&L->social);
}

static int build(struct land *L, wg_err *e)
{
    struct world *w = L->w;
    if (division(w, w->county_code, "county", "county", 0, w->county_name, e) < 0) return -1;
    if (w->town.n > 256 || w->village.n > 512 || w->community.n > 256 || w->road.n > 256)
        return wg_err_set(e, "a place-name list is longer than the generator allows");
    names_shuffle(&w->town, &w->r, L->town_order);
    names_shuffle(&w->community, &w->r, L->community_order);
    names_shuffle(&w->road, &w->r, L->road_order);

    long urban = (long)(w->households_wanted * URBAN_SHARE);
    long rural = w->households_wanted - urban;
    while (urban > 0) {
        int ti = (int)(new_town(L, 1) - w->town_v);
        if (division(w, w->town_v[ti].code, "town", "street", 1, w->town_v[ti].name, e) < 0)
            return -1;
        int ncomm = rng_range(&w->r, 4, 8);
        for (int c = 0; c < ncomm && urban > 0; c++)
            if (community(L, ti, rng_range(&w->r, 3, 8), &urban, e) < 0) return -1;
    }
    char buf[48], name[64];
    while (rural > 0) {
        int ti = (int)(new_town(L, 0) - w->town_v);
        if (division(w, w->town_v[ti].code, "town", "town", 0, w->town_v[ti].name, e) < 0)
            return -1;
        names_shuffle(&w->village, &w->r, L->village_order);
        int nvill = rng_range(&w->r, 12, 25);
        for (int i = 0; i < nvill && rural > 0; i++) {
            /* most villages hold 150-450 households, a few are large */
            int hh =
                rng_chance(&w->r, 0.15) ? rng_range(&w->r, 450, 900) : rng_range(&w->r, 150, 450);
            if (rural < hh + 100) hh = (int)rural;
            rural -= hh;
            snprintf(name, sizeof name, "%s村",
                     stem(&w->village, L->village_order, i, buf, sizeof buf));
            int vi = (int)(new_village(L, ti, 0, name) - w->village_v);
            if (division(w, w->village_v[vi].code, "village", "village", 0, name, e) < 0) return -1;
            if (village_grids(L, vi, hh, e) < 0) return -1;
        }
    }
    return branches_and_societies(L, e);
}

int land_build(struct world *w, wg_err *e)
{
    struct land L = {.w = w};
    if (load_lists(&L, e) < 0) {
        free_lists(&L);
        return -1;
    }
    int r = build(&L, e);
    free_lists(&L);
    return r;
}
