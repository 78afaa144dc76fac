#include "demo/cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bulk.h"
#include "util/xalloc.h"

/* Cases per household per year (Dongping: 50,000+ disputes, demands and risks
 * for about 280,000 households), household visits and patrols per grid. */
#define CASE_RATE        0.12
#define VISIT_RATE       0.3
#define PATROLS_PER_GRID 24

enum where { ANY, URBAN, RURAL, PLACE };

static const struct kind {
    const char *code, *name, *category;
    int days;
    int dept; /* index into the departments of staff.c */
    enum where where;
    int weight;
} kinds[] = {
    {"neighbour", "邻里纠纷", "dispute", 15, 1, ANY, 8},
    {"family", "婚姻家庭纠纷", "dispute", 15, 1, ANY, 5},
    {"land", "土地山林纠纷", "dispute", 30, 1, RURAL, 6},
    {"labour", "劳资纠纷", "dispute", 15, 6, PLACE, 4},
    {"property_dispute", "物业纠纷", "dispute", 15, 3, URBAN, 5},
    {"consumer", "消费纠纷", "dispute", 7, 7, PLACE, 3},
    {"fire_hazard", "消防安全隐患", "hazard", 3, 9, PLACE, 5},
    {"house_hazard", "房屋安全隐患", "hazard", 7, 3, ANY, 4},
    {"gas_hazard", "燃气安全隐患", "hazard", 2, 13, ANY, 2},
    {"road_hazard", "道路交通隐患", "hazard", 7, 5, ANY, 3},
    {"power_hazard", "用电安全隐患", "hazard", 3, 12, ANY, 2},
    {"water", "供水问题", "demand", 3, 11, ANY, 4},
    {"power", "供电问题", "demand", 3, 12, ANY, 3},
    {"heating", "供暖问题", "demand", 3, 14, URBAN, 3},
    {"relief", "社会救助", "demand", 15, 2, ANY, 6},
    {"employment", "就业社保", "demand", 10, 6, ANY, 4},
    {"health", "医疗卫生", "demand", 7, 8, ANY, 3},
    {"security", "治安问题", "security", 3, 0, PLACE, 4},
    {"fraud", "电信网络诈骗", "security", 3, 0, ANY, 3},
    {"sanitation", "环境卫生", "environment", 5, 4, ANY, 6},
    {"building", "违法建设", "environment", 15, 4, ANY, 3},
    {"pollution", "污染问题", "environment", 7, 10, ANY, 3},
    {"street_vendor", "占道经营", "environment", 3, 4, URBAN, 3},
    {"petition", "信访事项", "petition", 60, 2, ANY, 2},
};
#define NKIND ((int)(sizeof kinds / sizeof *kinds))

enum step {
    S_REPORTED,
    S_ACCEPTED,
    S_DISPATCHED,
    S_IN_PROGRESS,
    S_REPLIED,
    S_VERIFIED,
    S_CALLBACK,
    S_CLOSED,
    S_ON_SPOT,
    S_MERGED
};
static const char *state_name[] = {"reported",        "accepted", "dispatched", "in_progress",
                                   "replied",         "verified", "callback",   "closed",
                                   "handled_on_spot", "merged"};
static const char *action_name[] = {"report", "accept",   "dispatch", "start",          "reply",
                                    "verify", "callback", "close",    "handle_on_spot", "merge"};

struct casegen {
    struct world *w;
    struct name_list title[NKIND];
    uint32_t cum[4][NKIND]; /* kind weights for ANY-urban, ANY-rural, PLACE */
    int64_t items[8];
    int nitems;
    int64_t *last_case; /* per grid: its latest case, for merging duplicates */
    int *dedicated;
    int ndedicated;
    int first_year, seq[4];
    int prev_grid; /* grid of the latest case, -1 before the first */
};

static int64_t pick_handler(struct world *w, int dept)
{
    const struct w_department *d = &w->dept[dept];
    return d->handler_id[rng_below(&w->r, (uint32_t)d->nhandler)];
}

static int event(struct world *w, int64_t case_id, int64_t at, int64_t actor, enum step action,
                 int from, enum step to, int64_t dept, const char *note, wg_err *e)
{
    char t[24];
    world_time(at, t);
    struct bulk_event v = {
        case_id,        actor, dept, t, action_name[action], from < 0 ? NULL : state_name[from],
        state_name[to], note};
    w->nevent++;
    return bulk_event(w->s, &v, e);
}

static int parties_and_mediation(struct casegen *C, int64_t case_id, const struct w_grid *g,
                                 int64_t hh, enum step state, const int64_t *t, int dept, wg_err *e)
{
    struct world *w = C->w;
    rng *r = &w->r;
    const struct w_household *a = &w->hh[hh - 1];
    int64_t other = g->hh_first + (int64_t)rng_below(r, (uint32_t)g->hh_count);
    if (other == hh && g->hh_count > 1)
        other = other + 1 < g->hh_first + g->hh_count ? other + 1 : g->hh_first;
    const struct w_household *b = &w->hh[other - 1];
    struct bulk_party p = {case_id, a->head_id, a->head_name, a->phone[0] ? a->phone : NULL,
                           "applicant"};
    if (bulk_party(w->s, &p, e) < 0) return -1;
    if (other != hh) {
        struct bulk_party q = {case_id, b->head_id, b->head_name, b->phone[0] ? b->phone : NULL,
                               "respondent"};
        if (bulk_party(w->s, &q, e) < 0) return -1;
    }
    char d0[11], d1[11];
    if (state == S_ON_SPOT) {
        world_date((int32_t)(t[0] / 86400), d0);
        struct bulk_mediation m = {case_id,
                                   "people",
                                   g->mediator_name[0] ? g->mediator_name : g->worker_name,
                                   d0,
                                   "双方当场达成和解",
                                   "agreed",
                                   d0,
                                   1};
        return bulk_mediation(w->s, &m, e);
    }
    if (state < S_IN_PROGRESS || state > S_CLOSED) return 0;
    const char *type = dept == 0   ? "public_security"
                       : dept == 1 ? (rng_chance(r, 0.7) ? "people" : "judicial")
                                   : "administrative";
    const char *mediator =
        w->dept[dept].handler_name[rng_below(r, (uint32_t)w->dept[dept].nhandler)];
    world_date((int32_t)(t[S_IN_PROGRESS] / 86400), d0);
    struct bulk_mediation m = {case_id, type, mediator, d0, NULL, "pending", NULL, 1};
    if (state >= S_REPLIED) {
        world_date((int32_t)(t[S_REPLIED] / 86400), d1);
        int ok = rng_chance(r, 0.93);
        m.outcome = ok ? "agreed" : "failed";
        m.agreement = ok ? "双方自愿达成调解协议，当场履行" : NULL;
        m.ended_at = d1;
        m.sessions = rng_range(r, 1, 3);
    }
    return bulk_mediation(w->s, &m, e);
}

/* The times of a case's steps, each after the one before. */
static void timeline(struct world *w, const struct kind *k, int64_t t0, int64_t *t)
{
    rng *r = &w->r;
    t[S_REPORTED] = t0;
    t[S_ACCEPTED] = t0 + rng_range(r, 1800, 20 * 3600);
    t[S_DISPATCHED] = t[S_ACCEPTED] + rng_range(r, 1800, 6 * 3600);
    t[S_IN_PROGRESS] = t[S_DISPATCHED] + rng_range(r, 3600, 36 * 3600);
    /* about one in ten replies after the deadline */
    int64_t span = (int64_t)k->days * 86400;
    t[S_REPLIED] =
        t[S_IN_PROGRESS] + (rng_chance(r, 0.1) ? span + rng_range(r, 3600, (int)(span / 2) + 3600)
                                               : rng_range(r, 3600, (int)(span * 8 / 10) + 3600));
    t[S_VERIFIED] = t[S_REPLIED] + rng_range(r, 4 * 3600, 3 * 86400);
    t[S_CALLBACK] = t[S_VERIFIED] + rng_range(r, 86400, 4 * 86400);
    t[S_CLOSED] = t[S_CALLBACK] + rng_range(r, 3600, 86400);
    t[S_ON_SPOT] = t0 + rng_range(r, 600, 3 * 3600);
    t[S_MERGED] = t0 + rng_range(r, 1800, 8 * 3600);
}

static int case_visit(struct casegen *C, int64_t case_id, const struct w_grid *g, int64_t hh,
                      int64_t at, wg_err *e)
{
    struct world *w = C->w;
    char t[24];
    world_time(at, t);
    struct bulk_visit v = {++w->nvisit, hh, g->worker_user,          1, case_id, g->code,
                           "visit",     t,  "走访中发现问题，已上报"};
    if (bulk_visit(w->s, &v, e) < 0) return -1;
    for (int i = 0; i < C->nitems; i++)
        if (bulk_visit_answer(w->s, v.id, C->items[i], i == 4 || i == 7 ? "problem" : "ok",
                              i == 4 || i == 7 ? "见事件记录" : NULL, e) < 0)
            return -1;
    return 0;
}

static int one_case(struct casegen *C, int64_t id, int64_t t0, int forced, wg_err *e)
{
    struct world *w = C->w;
    rng *r = &w->r;
    int64_t now = world_secs(w->today);
    /* where: a household's grid, or now and then a dedicated grid's place */
    int on_place = C->ndedicated && rng_chance(r, 0.08);
    int64_t hh = 0;
    const struct w_grid *g;
    if (forced == S_MERGED && C->prev_grid >= 0) { /* a duplicate of the case before */
        on_place = 0;
        g = &w->grid_v[C->prev_grid];
    } else if (on_place)
        g = &w->grid_v[C->dedicated[rng_below(r, (uint32_t)C->ndedicated)]];
    else {
        hh = 1 + (int64_t)(rng_next(r) % (uint64_t)w->nhh);
        g = &w->grid_v[w->hh[hh - 1].grid];
    }
    int ki = rng_weighted(r, C->cum[on_place ? 2 : g->urban ? 0 : 1], NKIND);
    const struct kind *k = &kinds[ki];
    int64_t t[10];
    timeline(w, k, t0, t);

    enum step state;
    int64_t merged_into = 0;
    if (forced >= 0)
        state = (enum step)forced;
    else if (C->last_case[g - w->grid_v] && rng_chance(r, 0.02))
        state = S_MERGED;
    else if (strcmp(k->category, "petition") != 0 && rng_chance(r, 0.3))
        state = S_ON_SPOT;
    else {
        state = S_REPORTED;
        int stuck = rng_chance(r, 0.03);
        for (int s = S_ACCEPTED; s <= S_CLOSED && t[s] <= now; s++) {
            state = (enum step)s;
            if (stuck && s == S_IN_PROGRESS) break;
        }
    }
    if (state == S_MERGED && !C->last_case[g - w->grid_v]) state = S_ON_SPOT;
    if (state == S_MERGED) merged_into = C->last_case[g - w->grid_v];
    if (t[state] > now) { /* a forced state must have happened already */
        int64_t shift = t[state] - now + rng_range(r, 3600, 3 * 86400);
        for (int s = 0; s < 10; s++) t[s] -= shift;
    }
    C->last_case[g - w->grid_v] = id;
    C->prev_grid = (int)(g - w->grid_v);

    int year, mo, d;
    world_civil((int32_t)(t[0] / 86400), &year, &mo, &d);
    int yi = year - C->first_year;
    if (yi < 0 || yi > 3) yi = 3;
    char number[40], reported[24], deadline[24], closed[24], desc[256];
    snprintf(number, sizeof number, "%s-%04d-%06d", w->county_code, year, ++C->seq[yi]);
    world_time(t[0], reported);
    const char *title = names_pick(&C->title[ki], r);
    static const char *sources[] = {"patrol", "patrol",   "patrol",   "patrol",  "visit",
                                    "visit",  "resident", "resident", "hotline", "department"};
    const char *source =
        strcmp(k->category, "petition") == 0 ? "petition" : sources[rng_below(r, 10)];
    if (hh) {
        snprintf(desc, sizeof desc, "%s户主%s反映：%s。", g->name, w->hh[hh - 1].head_name, title);
    } else
        snprintf(desc, sizeof desc, "%s：%s。", g->name, title);
    int dept = k->dept, dept2 = -1;
    if (rng_chance(r, 0.12)) {
        dept2 = (int)rng_below(r, (uint32_t)w->ndept);
        if (dept2 == dept) dept2 = -1;
    }
    int dispatched = state >= S_DISPATCHED && state <= S_CLOSED;
    int accepted = state >= S_ACCEPTED && state <= S_CLOSED;
    static const char *levels[] = {"town", "town", "town",   "town",   "town",
                                   "town", "town", "county", "county", "village"};
    static const char *satis[] = {"satisfied",           "satisfied",  "satisfied", "satisfied",
                                  "satisfied",           "satisfied",  "satisfied", "satisfied",
                                  "basically_satisfied", "unsatisfied"};
    const char *sat = state == S_CALLBACK || state == S_CLOSED
                          ? satis[rng_chance(r, 0.97) ? rng_below(r, 9) : 9]
                          : NULL;
    if (accepted) world_time(t[S_ACCEPTED] + (int64_t)k->days * 86400, deadline);
    int closed_state = state == S_CLOSED || state == S_ON_SPOT || state == S_MERGED;
    if (closed_state) world_time(t[state], closed);
    int priority = (strcmp(k->category, "hazard") == 0 || strcmp(k->category, "security") == 0) &&
                           rng_chance(r, 0.3)
                       ? 1
                   : rng_chance(r, 0.2) ? 3
                                        : 2;
    int64_t reporter = strcmp(source, "hotline") == 0 ? w->centre_user : g->worker_user;
    struct bulk_case c = {
        .id = id,
        .kind_id = ki + 1,
        .reporter_id = reporter,
        .household_id = hh,
        .resident_id = hh ? w->hh[hh - 1].head_id : 0,
        .place_id = on_place ? g->place_id : 0,
        .merged_into = merged_into,
        .number = number,
        .division_code = g->code,
        .title = title,
        .description = desc,
        .source = source,
        .state = state_name[state],
        .level = accepted ? levels[rng_below(r, 10)] : "grid",
        .reported_at = reported,
        .deadline = accepted ? deadline : NULL,
        .closed_at = closed_state ? closed : NULL,
        .satisfaction = sat,
        .priority = priority,
    };
    if (bulk_case(w->s, &c, e) < 0) return -1;
    w->ncase++;
    if (strcmp(source, "visit") == 0 && hh &&
        case_visit(C, id, g, hh, t0 - rng_range(r, 300, 3600), e) < 0)
        return -1;

    static const char *report_note[] = {"网格员巡查发现并上报", "入户走访时群众反映",
                                        "群众来电反映", "12345热线转办", "部门移交"};
    const char *rn = strcmp(source, "hotline") == 0      ? report_note[3]
                     : strcmp(source, "resident") == 0   ? report_note[2]
                     : strcmp(source, "visit") == 0      ? report_note[1]
                     : strcmp(source, "department") == 0 ? report_note[4]
                                                         : report_note[0];
    if (event(w, id, t[0], reporter, S_REPORTED, -1, S_REPORTED, 0, rn, e) < 0) return -1;
    if (state == S_ON_SPOT)
        return event(w, id, t[S_ON_SPOT], g->worker_user, S_ON_SPOT, S_REPORTED, S_ON_SPOT, 0,
                     "网格内就地化解", e) < 0 ||
                       (hh && strcmp(k->category, "dispute") == 0 &&
                        parties_and_mediation(C, id, g, hh, state, t, dept, e) < 0)
                   ? -1
                   : 0;
    if (state == S_MERGED) {
        char note[80];
        snprintf(note, sizeof note, "与在办事件重复，并入 #%lld 办理", (long long)merged_into);
        return event(w, id, t[S_MERGED], w->centre_user, S_MERGED, S_REPORTED, S_MERGED, 0, note,
                     e);
    }
    if (accepted && event(w, id, t[S_ACCEPTED], w->centre_user, S_ACCEPTED, S_REPORTED, S_ACCEPTED,
                          0, "综治中心受理", e) < 0)
        return -1;
    if (dispatched) {
        /* with two departments, each step happens for both before the next */
        int depts[2] = {dept, dept2}, nd = dept2 >= 0 ? 2 : 1;
        int64_t handler[2];
        for (int i = 0; i < nd; i++) {
            const struct w_department *dp = &w->dept[depts[i]];
            char at[24], dl[24], rep[24], note[160];
            world_time(t[S_DISPATCHED] + i * 60, at);
            world_time(t[S_DISPATCHED] + (int64_t)k->days * 86400, dl);
            world_time(t[S_REPLIED] + i * 60, rep);
            struct bulk_dispatch bd = {id,
                                       dp->id,
                                       at,
                                       dl,
                                       state == S_DISPATCHED    ? "open"
                                       : state == S_IN_PROGRESS ? "in_progress"
                                                                : "replied",
                                       state >= S_REPLIED ? rep : NULL,
                                       state >= S_REPLIED ? "已到现场处置完毕，问题已解决" : NULL};
            if (bulk_dispatch(w->s, &bd, e) < 0) return -1;
            snprintf(note, sizeof note, "交%s办理，限%d日内办结", dp->name, k->days);
            if (event(w, id, t[S_DISPATCHED] + i * 60, w->centre_user, S_DISPATCHED,
                      i ? S_DISPATCHED : S_ACCEPTED, S_DISPATCHED, dp->id, note, e) < 0)
                return -1;
            handler[i] = pick_handler(w, depts[i]);
        }
        for (int i = 0; i < nd && state >= S_IN_PROGRESS; i++)
            if (event(w, id, t[S_IN_PROGRESS] + i * 60, handler[i], S_IN_PROGRESS,
                      i ? S_IN_PROGRESS : S_DISPATCHED, S_IN_PROGRESS, w->dept[depts[i]].id,
                      "已签收，正在办理", e) < 0)
                return -1;
        /* the case is replied when the last department has replied */
        for (int i = 0; i < nd && state >= S_REPLIED; i++)
            if (event(w, id, t[S_REPLIED] + i * 60, handler[i], S_REPLIED, S_IN_PROGRESS,
                      i == nd - 1 ? S_REPLIED : S_IN_PROGRESS, w->dept[depts[i]].id,
                      "已到现场处置完毕，问题已解决", e) < 0)
                return -1;
    }
    if (state >= S_VERIFIED && event(w, id, t[S_VERIFIED], g->worker_user, S_VERIFIED, S_REPLIED,
                                     S_VERIFIED, 0, "网格员现场核实，办理属实", e) < 0)
        return -1;
    if (state >= S_CALLBACK) {
        char note[64];
        snprintf(note, sizeof note, "回访当事人，评价：%s",
                 strcmp(sat, "satisfied") == 0             ? "满意"
                 : strcmp(sat, "basically_satisfied") == 0 ? "基本满意"
                                                           : "不满意");
        if (event(w, id, t[S_CALLBACK], w->centre_user, S_CALLBACK, S_VERIFIED, S_CALLBACK, 0, note,
                  e) < 0)
            return -1;
    }
    if (state == S_CLOSED && event(w, id, t[S_CLOSED], w->centre_user, S_CLOSED, S_CALLBACK,
                                   S_CLOSED, 0, "办结归档", e) < 0)
        return -1;
    if (hh && strcmp(k->category, "dispute") == 0 &&
        parties_and_mediation(C, id, g, hh, state, t, dept, e) < 0)
        return -1;
    return 0;
}

static int routine_visits(struct casegen *C, wg_err *e)
{
    struct world *w = C->w;
    rng *r = &w->r;
    static const char *ask_notes[] = {"反映道路破损", "希望增设路灯", "咨询医保缴费",
                                      "反映饮水困难", "希望子女就近入学"};
    for (int gi = 0; gi < w->ngrid; gi++) {
        const struct w_grid *g = &w->grid_v[gi];
        char t[24];
        for (int i = 0; i < PATROLS_PER_GRID; i++) {
            world_time(world_office_time(w, w->today - 365 + i * 365 / PATROLS_PER_GRID +
                                                (int32_t)rng_below(r, 10)),
                       t);
            struct bulk_visit v = {
                ++w->nvisit,
                0,
                g->worker_user,
                0,
                0,
                g->code,
                "patrol",
                t,
                rng_chance(r, 0.9) ? "日常巡查，未发现异常" : "巡查发现问题，已现场处理"};
            if (bulk_visit(w->s, &v, e) < 0) return -1;
        }
        int64_t nvis = (int64_t)(g->hh_count * VISIT_RATE + 0.5);
        for (int64_t i = 0; i < nvis; i++) {
            int64_t hh = g->hh_first + (int64_t)rng_below(r, (uint32_t)g->hh_count);
            world_time(world_office_time(w, w->today - 365 + (int32_t)rng_below(r, 365)), t);
            struct bulk_visit v = {
                ++w->nvisit, hh, g->worker_user,
                1,           0,  g->code,
                "visit",     t,  rng_chance(r, 0.05) ? "户主外出，与家属交谈" : NULL};
            if (bulk_visit(w->s, &v, e) < 0) return -1;
            for (int k = 0; k < C->nitems; k++) {
                const char *ans = "ok", *note = NULL;
                if (k < 5) {
                    if (rng_chance(r, 0.02)) ans = "problem", note = "已记录，跟进处理";
                } else {
                    uint32_t x = rng_below(r, 100);
                    if (x < 8)
                        ans = "problem", note = ask_notes[rng_below(r, 5)];
                    else if (x < 15)
                        ans = "na";
                }
                if (bulk_visit_answer(w->s, v.id, C->items[k], ans, note, e) < 0) return -1;
            }
        }
    }
    return 0;
}

static int build(struct casegen *C, wg_err *e)
{
    struct world *w = C->w;
    for (int i = 0; i < NKIND; i++) {
        const struct kind *k = &kinds[i];
        struct bulk_case_kind bk = {i + 1,   w->dept[k->dept].id, k->code,
                                    k->name, k->category,         k->days};
        if (bulk_case_kind(w->s, &bk, e) < 0) return -1;
        if (names_load(&C->title[i], "cases.txt", k->code, e) < 0) return -1;
        uint32_t wt = (uint32_t)k->weight;
        C->cum[0][i] = (i ? C->cum[0][i - 1] : 0) + (k->where == RURAL ? 0 : wt);
        C->cum[1][i] = (i ? C->cum[1][i - 1] : 0) + (k->where == URBAN ? 0 : wt);
        C->cum[2][i] = (i ? C->cum[2][i - 1] : 0) +
                       (k->where == PLACE || !strcmp(k->category, "hazard") ? wt : 0);
    }
    if ((C->nitems = bulk_checklist_items(w->s, 1, C->items, 8, e)) < 0) return -1;
    if (C->nitems == 0) return wg_err_set(e, "the checklist template 1 has no items");
    C->last_case = xcalloc((size_t)w->ngrid, sizeof *C->last_case);
    C->dedicated = xcalloc((size_t)w->ngrid, sizeof *C->dedicated);
    for (int i = 0; i < w->ngrid; i++)
        if (w->grid_v[i].kind != GRID_BASIC) C->dedicated[C->ndedicated++] = i;

    int64_t n = (int64_t)(w->nhh * CASE_RATE);
    if (n < 60) n = 60;
    int y, m, d;
    world_civil(w->today - 400, &y, &m, &d);
    C->first_year = y;
    for (int64_t i = 0; i < n; i++) {
        /* spread over the year; the last few are forced into each open state
         * so that even a small county shows every state */
        int32_t day = w->today - 365 + (int32_t)(i * 365 / n);
        int64_t left = n - 1 - i;
        int forced = left < 7 ? (int)left : i < 3 ? (int)(S_CLOSED + (i % 3)) : -1;
        if (one_case(C, i + 1, world_office_time(w, day), forced, e) < 0) return -1;
    }
    return routine_visits(C, e);
}

int cases_build(struct world *w, wg_err *e)
{
    struct casegen C = {.w = w, .prev_grid = -1};
    int r = build(&C, e);
    for (int i = 0; i < NKIND; i++) names_free(&C.title[i]);
    free(C.last_case);
    free(C.dedicated);
    return r;
}
