#include "demo/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/idnum.h"
#include "domain/pinyin.h"
#include "store/bulk.h"
#include "util/xalloc.h"

#define MAX_MEMBERS 6
#define OLDEST      105 /* years: the ID sequence table covers births since then */

enum tag_ix { T_ALONE, T_DISABLED, T_LOW, T_CHILD, T_VETERAN, T_PARTY, T_SPECIAL, T_COUNT };
static const char *tag_code[T_COUNT] = {"elderly_alone",     "disabled", "low_income",
                                        "left_behind_child", "veteran",  "party_member",
                                        "special_attention"};

struct member {
    char surname[8], name[16], phone[12];
    char sex;
    int age;
    const char *relation, *ethnicity, *status, *note;
    int32_t status_day;
    unsigned tags;
};

struct people {
    struct world *w;
    int64_t tag_id[T_COUNT];
    int32_t first_day; /* first birth day the sequence table covers */
    uint16_t *seq[2];  /* per birth day and sex: numbers handed out */
    struct name_list ethnic;
    int64_t next_resident;
};

static char other_sex(char s)
{
    return s == 'M' ? 'F' : 'M';
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static void person(struct people *P, struct member *m, char sex, int age, const char *surname,
                   const char *relation, const char *ethnicity)
{
    struct world *w = P->w;
    memset(m, 0, sizeof *m);
    m->sex = sex;
    m->age = clampi(age, 0, OLDEST - 5);
    m->relation = relation;
    m->ethnicity = ethnicity ? ethnicity : names_pick(&P->ethnic, &w->r);
    m->status = "resident";
    if (surname)
        snprintf(m->surname, sizeof m->surname, "%s", surname);
    else
        snprintf(m->surname, sizeof m->surname, "%s", names_pick(&w->surname, &w->r));
    int y, mo, d;
    world_civil(w->today, &y, &mo, &d);
    world_person(w, sex, y - m->age, m->surname, m->name);
}

/* The family of one household into m; returns the member count. */
static int family(struct people *P, struct member *m, int urban)
{
    rng *r = &P->w->r;
    const char *eth = names_pick(&P->ethnic, r);
    if (rng_chance(r, 0.04)) { /* an old person living alone */
        char sex = rng_chance(r, 0.6) ? 'F' : 'M';
        person(P, &m[0], sex, rng_range(r, 68, 92), NULL, "head", eth);
        m[0].tags |= 1u << T_ALONE;
        return 1;
    }
    uint32_t x = rng_below(r, 100);
    int n = x < 34 ? 2 : x < 69 ? 3 : x < 89 ? 4 : 5;
    char hsex = rng_chance(r, 0.82) ? 'M' : 'F';
    int hage = n == 2 ? (rng_chance(r, 0.3) ? rng_range(r, 24, 36) : rng_range(r, 48, 82))
                      : rng_range(r, 28, 75);
    person(P, &m[0], hsex, hage, NULL, "head", eth);
    int k = 1;
    /* the children's surname is the father's */
    const char *father = m[0].surname;
    if (rng_chance(r, 0.94)) {
        int sage = hsex == 'M' ? hage - rng_range(r, 0, 5) : hage + rng_range(r, 0, 5);
        person(P, &m[k], other_sex(hsex), sage, NULL, "spouse", rng_chance(r, 0.9) ? eth : NULL);
        if (hsex == 'F') father = m[k].surname;
        k++;
    }
    if (n == 5 && hage < 45) { /* a parent of the head lives with them */
        person(P, &m[k++], rng_chance(r, 0.6) ? 'F' : 'M', hage + rng_range(r, 23, 32),
               m[0].surname, "parent", eth);
    }
    if (hage < 52 || !rng_chance(r, 0.7)) {
        while (k < n) {
            int cage = hage - rng_range(r, 22, 38);
            if (cage < 0) cage = rng_range(r, 0, 3);
            person(P, &m[k++], rng_chance(r, 0.52) ? 'M' : 'F', cage, father, "child", eth);
        }
        return k;
    }
    /* an older head: a grown child, maybe with spouse and grandchildren */
    int cage = clampi(hage - rng_range(r, 22, 32), 18, 60);
    char csex = rng_chance(r, 0.7) ? 'M' : 'F';
    int ci = k;
    person(P, &m[k++], csex, cage, father, "child", eth);
    const char *gsurname = m[ci].surname;
    if (k < n) {
        person(P, &m[k], other_sex(csex),
               cage + (csex == 'M' ? -rng_range(r, 0, 4) : rng_range(r, 0, 4)), NULL,
               "child_in_law", rng_chance(r, 0.9) ? eth : NULL);
        if (csex == 'F') gsurname = m[k].surname;
        k++;
    }
    char gs[8];
    snprintf(gs, sizeof gs, "%s", gsurname);
    while (k < n) {
        int gage = cage - rng_range(r, 21, 32);
        if (gage < 0) gage = rng_range(r, 0, 6);
        person(P, &m[k++], rng_chance(r, 0.52) ? 'M' : 'F', gage, gs, "grandchild", eth);
    }
    (void)urban;
    return k;
}

/* Status, phone and tags: what a grid worker's ledger would note. */
static void circumstances(struct people *P, struct member *m, int n, int urban)
{
    struct world *w = P->w;
    rng *r = &w->r;
    int low_income = rng_chance(r, urban ? 0.015 : 0.035);
    int parents_away = 0;
    for (int i = 0; i < n; i++) {
        struct member *p = &m[i];
        int head = i == 0;
        if (!head && p->age >= 70 && rng_chance(r, 0.1)) {
            p->status = "deceased";
            p->note = "病故";
            p->status_day = w->today - rng_range(r, 20, 1000);
        } else if (!head && p->age >= 18 && p->age <= 45 && rng_chance(r, urban ? 0.04 : 0.09)) {
            static const char *why[] = {"外出务工，常住外地", "迁往外地", "考学迁出", "婚迁"};
            p->status = "moved_out";
            p->note = why[rng_below(r, 4)];
            p->status_day = w->today - rng_range(r, 20, 1000);
            if (strcmp(p->relation, "child") == 0 || strcmp(p->relation, "spouse") == 0 ||
                strcmp(p->relation, "child_in_law") == 0)
                parents_away = 1;
        }
        double ph = p->age < 14 ? 0 : p->age < 18 ? 0.35 : p->age <= 70 ? 0.93 : 0.45;
        if (rng_chance(r, ph)) world_mobile(w, p->phone);
        if (rng_chance(r, p->age >= 60 ? 0.06 : 0.015)) p->tags |= 1u << T_DISABLED;
        if (head && low_income) p->tags |= 1u << T_LOW;
        if (p->sex == 'M' && p->age >= 30 && p->age <= 85 && rng_chance(r, 0.03))
            p->tags |= 1u << T_VETERAN;
        if (p->age >= 18 && rng_chance(r, p->sex == 'M' ? 0.09 : 0.04)) p->tags |= 1u << T_PARTY;
        if (p->age >= 18 && p->age <= 65 && rng_chance(r, 0.003)) p->tags |= 1u << T_SPECIAL;
    }
    if (urban) return;
    for (int i = 0; i < n; i++)
        if (m[i].age < 16 && strcmp(m[i].status, "resident") == 0 &&
            rng_chance(r, parents_away ? 0.7 : 0.04))
            m[i].tags |= 1u << T_CHILD;
}

static void reverse(const char *in, char *out)
{
    size_t n = strlen(in);
    for (size_t i = 0; i < n; i++) out[i] = in[n - 1 - i];
    out[n] = '\0';
}

/* A GB 11643 number for this county, birth day and sex, unique in the county:
 * sequence numbers are handed out per birth day and sex, odd for men. */
static int id_number(struct people *P, int32_t *birth_day, char sex, char out[19])
{
    struct world *w = P->w;
    int s = sex == 'M';
    for (int tries = 0; tries < 366; tries++, (*birth_day)--) {
        int32_t ix = *birth_day - P->first_day;
        if (ix < 0) break;
        uint16_t k = P->seq[s][ix];
        if (k >= 500) continue; /* this day's numbers are used up: a day earlier */
        P->seq[s][ix]++;
        /* start each day at a different place, as police stations do */
        unsigned start = (unsigned)((uint32_t)ix * 2654435761u >> 23) % 300;
        unsigned seq = ((start + k) % 500) * 2 + (unsigned)s;
        int y, m, d;
        world_civil(*birth_day, &y, &m, &d);
        char first17[18];
        snprintf(first17, sizeof first17, "%s%04d%02d%02d%03u", w->county_code, y, m, d, seq);
        snprintf(out, 19, "%s%c", first17, idnum_check_char(first17));
        return 0;
    }
    return -1;
}

static int insert_household(struct people *P, const struct w_grid *g, const struct w_unit *u,
                            const char *address, struct member *m, int n, wg_err *e)
{
    struct world *w = P->w;
    store *s = w->s;
    int64_t hid = ++w->nhh;
    int64_t first = P->next_resident;
    char created[24];
    snprintf(created, sizeof created, "%s", w->golive_at);
    struct bulk_household h = {hid,  first,   u->code,
                               NULL, address, m[0].phone[0] ? m[0].phone : NULL,
                               NULL, created, 100 + rng_range(&w->r, -20, 30)};
    if (rng_chance(&w->r, 0.08)) h.integrity_points = 100;
    if (bulk_household(s, &h, e) < 0) return -1;
    struct w_household *wh = &w->hh[hid - 1];
    wh->head_id = first;
    wh->grid = (int32_t)(g - w->grid_v);
    snprintf(wh->head_name, sizeof wh->head_name, "%s", m[0].name);
    snprintf(wh->phone, sizeof wh->phone, "%s", m[0].phone);

    for (int i = 0; i < n; i++) {
        struct member *p = &m[i];
        int64_t rid = P->next_resident++;
        int32_t bday = w->today - (int32_t)(p->age * 365.2425) - rng_range(&w->r, 0, 364);
        char idn[19], idr[19], birth[11], prev[12], full[512], ini[128], sday[11], upd[24];
        if (id_number(P, &bday, p->sex, idn) < 0)
            return wg_err_set(e, "no ID sequence numbers left for a birth date");
        world_date(bday, birth);
        reverse(idn, idr);
        reverse(p->phone, prev);
        pinyin_name(p->name, full, sizeof full, ini, sizeof ini);
        int gone = p->status_day != 0;
        if (gone) {
            if (p->status_day <= bday) p->status_day = bday + 1;
            world_date(p->status_day, sday);
            snprintf(upd, sizeof upd, "%sT02:00:00Z", sday);
        }
        struct bulk_resident rr = {
            .id = rid,
            .household_id = hid,
            .division_code = u->code,
            .name = p->name,
            .id_number = idn,
            .birth_date = birth,
            .ethnicity = p->ethnicity,
            .phone = p->phone[0] ? p->phone : NULL,
            .relation = p->relation,
            .status = p->status,
            .status_date = gone ? sday : NULL,
            .status_note = p->note,
            .name_pinyin = full,
            .name_initials = ini,
            .id_rev = idr,
            .phone_rev = p->phone[0] ? prev : NULL,
            .created_at = created,
            .updated_at = gone ? upd : created,
            .sex = p->sex,
        };
        if (bulk_resident(s, &rr, e) < 0) return -1;
        if (gone) {
            struct bulk_history bh = {rid, hid, hid, 0, u->code, NULL, p->status, upd, p->note};
            if (bulk_history(s, &bh, e) < 0) return -1;
            if (p->status[0] == 'm')
                w->nmoved++;
            else
                w->ndeceased++;
        }
        for (int t = 0; t < T_COUNT; t++) {
            if (!(p->tags & (1u << t))) continue;
            char since[11];
            /* most tags were entered with the ledger; some since */
            world_date(rng_chance(&w->r, 0.8) ? w->golive : rng_range(&w->r, w->golive, w->today),
                       since);
            if (bulk_resident_tag(s, rid, P->tag_id[t], since, e) < 0) return -1;
            w->ntag++;
        }
    }
    w->nresident += n;
    return 0;
}

static int unit_households(struct people *P, const struct w_grid *g, const struct w_unit *u,
                           wg_err *e)
{
    struct world *w = P->w;
    rng *r = &w->r;
    const struct w_village *v = &w->village_v[g->village];
    struct member m[MAX_MEMBERS];
    char addr[160];
    int entrance = 1, floor = 1, room = 0, house = 0;
    for (int i = 0; i < u->target; i++) {
        if (g->urban) {
            /* the next occupied flat: two per landing, some stand empty */
            int rooms_left =
                (u->entrances - entrance) * u->floors * 2 + (u->floors - floor) * 2 + (2 - room);
            int skip = rooms_left > u->target - i && rng_chance(r, 0.15);
            do {
                if (++room > 2) room = 1, floor++;
                if (floor > u->floors) floor = 1, entrance++;
            } while (skip-- > 0 && entrance <= u->entrances);
            if (entrance > u->entrances) entrance = u->entrances; /* never: targets fit */
            snprintf(addr, sizeof addr, "%s%d单元%d%02d室", u->name, entrance, floor, room);
        } else {
            house += rng_chance(r, 0.8) ? 1 : 2;
            snprintf(addr, sizeof addr, "%s%s%d号", v->name, u->name, house);
        }
        int n = family(P, m, g->urban);
        circumstances(P, m, n, g->urban);
        if (insert_household(P, g, u, addr, m, n, e) < 0) return -1;
    }
    return 0;
}

int people_build(struct world *w, wg_err *e)
{
    struct people P = {.w = w};
    int r = -1;
    int64_t total = 0;
    for (int i = 0; i < w->nunit; i++) total += w->unit_v[i].target;
    w->hh = xcalloc((size_t)total + 1, sizeof *w->hh);
    P.first_day = w->today - (int32_t)(OLDEST * 366);
    size_t days = (size_t)(w->today - P.first_day) + 1;
    P.seq[0] = xcalloc(days, sizeof(uint16_t));
    P.seq[1] = xcalloc(days, sizeof(uint16_t));
    P.next_resident = 1;
    if (names_load(&P.ethnic, "people.txt", "ethnicity", e) < 0) goto out;
    for (int t = 0; t < T_COUNT; t++)
        if ((P.tag_id[t] = bulk_tag_id(w->s, tag_code[t], e)) < 0) goto out;
    for (int i = 0; i < w->ngrid; i++) {
        struct w_grid *g = &w->grid_v[i];
        g->hh_first = w->nhh + 1;
        for (int k = 0; k < g->nunit; k++)
            if (unit_households(&P, g, &w->unit_v[g->first_unit + k], e) < 0) goto out;
        g->hh_count = w->nhh + 1 - g->hh_first;
    }
    r = 0;
out:
    names_free(&P.ethnic);
    free(P.seq[0]);
    free(P.seq[1]);
    return r;
}
