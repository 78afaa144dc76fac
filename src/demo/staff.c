#include "demo/staff.h"

#include <stdio.h>
#include <string.h>

#include "store/bulk.h"

static const struct {
    const char *code, *name; /* name after the county's */
} departments[] = {
    {"police", "公安局"},
    {"judicial", "司法局"},
    {"civil", "民政局"},
    {"housing", "住房和城乡建设局"},
    {"urban", "城市管理执法局"},
    {"emergency", "应急管理局"},
    {"hr", "人力资源和社会保障局"},
    {"market", "市场监督管理局"},
    {"health", "卫生健康局"},
    {"fire", "消防救援大队"},
    {"environment", "生态环境分局"},
    {"water", "供水公司"},
    {"power", "供电公司"},
    {"gas", "燃气公司"},
    {"heating", "热力公司"},
};

int staff_first_village(const struct world *w)
{
    for (int i = 0; i < w->nvillage; i++)
        if (!w->village_v[i].urban) return i;
    return 0;
}

static int64_t user(struct world *w, const char *name, const char *display, const char *role,
                    const char *scope, int64_t dept, wg_err *e)
{
    char phone[12];
    world_mobile(w, phone);
    struct bulk_user u = {++w->nuser, dept,  name,         display,     role,
                          scope,      phone, w->demo_hash, w->golive_at};
    return bulk_user(w->s, &u, e) < 0 ? -1 : u.id;
}

static void someone(struct world *w, char out[16])
{
    int y, m, d;
    world_civil(w->today, &y, &m, &d);
    world_person(w, rng_chance(&w->r, 0.65) ? 'M' : 'F', y - rng_range(&w->r, 25, 55), NULL, out);
}

static int staff_row(struct world *w, const char *grid, int64_t user_id, const char *name,
                     const char *duty, wg_err *e)
{
    char phone[12];
    world_mobile(w, phone);
    struct bulk_staff g = {user_id, grid, name, phone, duty, w->golive_date};
    w->nstaff++;
    return bulk_staff(w->s, &g, e);
}

static int departments_and_handlers(struct world *w, int64_t *police_user, char *police_name,
                                    wg_err *e)
{
    char name[64], phone[16];
    w->ndept = (int)(sizeof departments / sizeof *departments);
    for (int i = 0; i < w->ndept; i++) {
        struct w_department *d = &w->dept[i];
        d->id = i + 1;
        d->code = departments[i].code;
        snprintf(d->name, sizeof d->name, "%s%s", w->county_name, departments[i].name);
        snprintf(phone, sizeof phone, "0%03u-%07u", 910 + rng_below(&w->r, 9),
                 2000000 + rng_below(&w->r, 7000000));
        struct bulk_department bd = {d->id, d->code, d->name, d->code, phone};
        if (bulk_department(w->s, &bd, e) < 0) return -1;
    }
    /* ids 1-5 are the demo logins: admin, centre, police, secretary, worker */
    someone(w, name);
    if ((w->admin_user = user(w, "admin", name, "admin", w->county_code, 0, e)) < 0) return -1;
    someone(w, w->centre_name);
    if ((w->centre_user = user(w, "centre", w->centre_name, "centre", w->county_code, 0, e)) < 0)
        return -1;
    someone(w, police_name);
    if ((*police_user = user(w, "police", police_name, "handler", w->county_code, 1, e)) < 0)
        return -1;
    return 0;
}

static int more_handlers(struct world *w, int64_t police_user, const char *police_name, wg_err *e)
{
    char uname[32];
    int per = 2 + w->ngrid / 400;
    if (per > 4) per = 4;
    for (int i = 0; i < w->ndept; i++) {
        struct w_department *d = &w->dept[i];
        for (int k = 0; k < per; k++) {
            int64_t id;
            if (i == 0 && k == 0) {
                id = police_user;
                snprintf(d->handler_name[k], sizeof d->handler_name[k], "%s", police_name);
            } else {
                snprintf(uname, sizeof uname, "%s%d", d->code, k + 1);
                someone(w, d->handler_name[k]);
                if ((id = user(w, uname, d->handler_name[k], "handler", w->county_code, d->id, e)) <
                    0)
                    return -1;
            }
            d->handler_id[k] = id;
            d->nhandler = k + 1;
        }
    }
    for (int k = 2; k <= 3; k++) {
        char name[16];
        snprintf(uname, sizeof uname, "centre%d", k);
        someone(w, name);
        if (user(w, uname, name, "centre", w->county_code, 0, e) < 0) return -1;
    }
    return 0;
}

static int grid_team(struct world *w, struct w_grid *g, int gi_in_village, wg_err *e)
{
    struct w_village *v = &w->village_v[g->village];
    struct w_town *t = &w->town_v[v->town];
    char uname[32];
    rng *r = &w->r;
    /* the first grid of a village or community is led by its secretary */
    if (gi_in_village == 0 && g->kind == GRID_BASIC) {
        g->leader_user = v->secretary_user;
        snprintf(g->leader_name, sizeof g->leader_name, "%s", v->secretary_name);
    } else {
        snprintf(uname, sizeof uname, "l%s", g->code + 6);
        someone(w, g->leader_name);
        if ((g->leader_user = user(w, uname, g->leader_name, "leader", g->code, 0, e)) < 0)
            return -1;
    }
    if (staff_row(w, g->code, g->leader_user, g->leader_name, "leader", e) < 0) return -1;
    int o = (int)rng_below(r, 3);
    if (staff_row(w, g->code, t->officer_user[o], t->officer_name[o], "instructor", e) < 0)
        return -1;
    if (g->worker_user == 0) {
        snprintf(uname, sizeof uname, "w%s", g->code + 6);
        someone(w, g->worker_name);
        if ((g->worker_user = user(w, uname, g->worker_name, "worker", g->code, 0, e)) < 0)
            return -1;
    }
    if (staff_row(w, g->code, g->worker_user, g->worker_name, "fulltime", e) < 0) return -1;
    int npart = g->kind == GRID_BASIC ? (g->nunit < 5 ? g->nunit : 5) : rng_range(r, 1, 2);
    if (npart < 1) npart = 1;
    char name[16];
    for (int i = 0; i < npart; i++) {
        someone(w, name);
        if (staff_row(w, g->code, 0, name, "parttime", e) < 0) return -1;
    }
    someone(w, g->police_name);
    if (staff_row(w, g->code, 0, g->police_name, "police", e) < 0) return -1;
    if (rng_chance(r, v->urban ? 0.4 : 0.6)) {
        someone(w, g->mediator_name);
        if (staff_row(w, g->code, 0, g->mediator_name, "mediator", e) < 0) return -1;
    }
    if (rng_chance(r, 0.25)) {
        someone(w, name);
        if (staff_row(w, g->code, 0, name, "lawyer", e) < 0) return -1;
    }
    if (!v->urban && rng_chance(r, 0.15)) {
        someone(w, name);
        if (staff_row(w, g->code, 0, name, "legal_deputy", e) < 0) return -1;
    }
    return 0;
}

int staff_build(struct world *w, wg_err *e)
{
    int64_t police_user;
    char police_name[16], uname[32];
    if (departments_and_handlers(w, &police_user, police_name, e) < 0) return -1;
    int fv = staff_first_village(w);
    struct w_village *v0 = &w->village_v[fv];
    struct w_grid *g0 = &w->grid_v[v0->first_grid];
    someone(w, v0->secretary_name);
    if ((v0->secretary_user =
             user(w, "secretary", v0->secretary_name, "secretary", v0->code, 0, e)) < 0)
        return -1;
    someone(w, g0->worker_name);
    if ((g0->worker_user = user(w, "worker", g0->worker_name, "worker", g0->code, 0, e)) < 0)
        return -1;
    if (more_handlers(w, police_user, police_name, e) < 0) return -1;

    for (int i = 0; i < w->ntown; i++) {
        struct w_town *t = &w->town_v[i];
        for (int k = 0; k < 3; k++) {
            snprintf(uname, sizeof uname, "t%s-%d", t->code + 6, k + 1);
            someone(w, t->officer_name[k]);
            if ((t->officer_user[k] = user(w, uname, t->officer_name[k], "town", t->code, 0, e)) <
                0)
                return -1;
        }
    }
    for (int i = 0; i < w->nvillage; i++) {
        struct w_village *v = &w->village_v[i];
        if (i != fv) {
            snprintf(uname, sizeof uname, "s%s", v->code + 6);
            someone(w, v->secretary_name);
            if ((v->secretary_user =
                     user(w, uname, v->secretary_name, "secretary", v->code, 0, e)) < 0)
                return -1;
        }
        for (int k = 0; k < v->ngrid; k++)
            if (grid_team(w, &w->grid_v[v->first_grid + k], k, e) < 0) return -1;
    }
    return 0;
}
