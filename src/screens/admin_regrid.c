#include "screens/admin_regrid.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_divpick.h"
#include "screens/admin_list.h"
#include "store/division.h"
#include "store/household.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

/* A grid holds a few hundred households; more than this is a county-sized
 * mistake, and the list says how many were left out. */
#define REGRID_MAX 2000

struct regrid {
    char code[19];
    struct division_rec div;
    unsigned char *sel;
    int nsel;
    int64_t total;
};

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    struct regrid *g = l->priv;
    if (division_get(l->app->db, g->code, &g->div, e) < 0) ui_error("%s", e->msg);
    g->total = household_count(l->app->db, g->code, 0, e);
    int want = g->total < 0 ? 0 : g->total > max ? max : (int)g->total;
    return want ? household_list(l->app->db, g->code, 0, 0, want, rows, e) : 0;
}

/* A new list: nothing selected. */
static void loaded(struct admin_list *l)
{
    struct regrid *g = l->priv;
    free(g->sel);
    g->sel = xcalloc((size_t)(l->n ? l->n : 1), 1);
    g->nsel = 0;
}

static enum ui_style style(const struct admin_list *l, int i)
{
    const struct regrid *g = l->priv;
    return g->sel[i] ? UI_HEADER : UI_NORMAL;
}

static const char *mark_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct regrid *g = l->priv;
    (void)buf;
    (void)size;
    return g->sel[i] ? "[x]" : "[ ]";
}

static const struct household_rec *row(const struct admin_list *l, int i)
{
    return admin_list_row(l, i);
}

static void move(struct admin_list *l)
{
    struct regrid *g = l->priv;
    if (l->n == 0) return;
    int cur = l->list.cur;
    int count = g->nsel ? g->nsel : 1;
    struct admin_divpick all = {0};
    wg_err e = {{0}};
    if (admin_divpick_load(&all, l->app->db, DIV_BUILDING, 0, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    /* Targets: grids and buildings other than where the households are. */
    const char **labels = xcalloc((size_t)(all.n ? all.n : 1), sizeof *labels);
    int *idx = xcalloc((size_t)(all.n ? all.n : 1), sizeof *idx), nt = 0;
    for (int i = 0; i < all.n; i++)
        if (division_level(all.codes[i]) >= DIV_GRID && strcmp(all.codes[i], g->code) != 0) {
            labels[nt] = all.labels[i];
            idx[nt++] = i;
        }
    char title[160];
    if (g->nsel)
        snprintf(title, sizeof title, _("Move %d selected households to:"), count);
    else
        snprintf(title, sizeof title, _("Move %s to:"), row(l, cur)->address);
    int k = ui_pick(title, labels, nt, 0, NULL);
    if (k >= 0) {
        const char *to = all.codes[idx[k]];
        char q[320];
        snprintf(q, sizeof q,
                 _("Move %d households with their residents to %s? Their history is kept."), count,
                 all.labels[idx[k]]);
        if (ui_confirm(q, 0)) {
            int moved = 0, failed = 0;
            char first[512] = "";
            for (int i = 0; i < l->n; i++) {
                if (g->nsel ? !g->sel[i] : i != cur) continue;
                if (household_move(l->app->db, row(l, i)->id, to, &e) < 0) {
                    if (!failed++)
                        snprintf(first, sizeof first, "%s: %s", row(l, i)->address, e.msg);
                } else {
                    moved++;
                }
            }
            if (failed)
                ui_error(_("%d moved, %d not: %s"), moved, failed, first);
            else
                ui_status(_("%d households moved to %s."), moved, to);
            admin_list_load(l);
        }
    }
    free(labels);
    free(idx);
    admin_divpick_free(&all);
    ui_dirty();
}

static void head(struct admin_list *l, const struct ui_rect *r)
{
    const struct regrid *g = l->priv;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s", g->div.code, g->div.name);
    if (g->total > l->n)
        ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
                 _("%d selected; first %d of %" PRId64 " households shown"), g->nsel, l->n,
                 g->total);
    else
        ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM, _("%d selected of %d households"), g->nsel,
                 l->n);
}

/* Ahead of the list: Space selects here rather than typing. */
static enum action before(struct admin_list *l, enum action a)
{
    struct regrid *g = l->priv;
    if (a != ACT_TOGGLE) return a;
    if (l->list.cur >= 0 && l->list.cur < l->n) {
        g->sel[l->list.cur] ^= 1;
        g->nsel += g->sel[l->list.cur] ? 1 : -1;
        if (l->list.cur + 1 < l->n) l->list.cur++;
        ui_dirty();
    }
    return ACT_NONE;
}

static enum action request(struct admin_list *l, const void *cur, enum action a)
{
    (void)cur;
    if (a != ACT_MOVE) return a;
    move(l);
    return ACT_NONE;
}

static void regrid_free(void *priv)
{
    struct regrid *g = priv;
    free(g->sel);
}

#define REC struct household_rec

static const struct admin_col cols[] = {
    {NULL, 3, ADMIN_CUSTOM, .text = mark_text},
    {N_("Address"), 32, ADMIN_TEXT, offsetof(REC, address)},
    {N_("Head"), 10, ADMIN_TEXT, offsetof(REC, head_name)},
    {N_("People"), 5, ADMIN_INT, offsetof(REC, members), .pad = 4},
    {N_("Grid or building"), 18, ADMIN_TEXT, offsetof(REC, division_code)},
};

static const struct admin_hint hints[] = {{ACT_TOGGLE, N_("select")},
                                          {ACT_MOVE, N_("move the selected (or this one)")},
                                          {ACT_BACK, N_("back")}};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-house", N_("Re-drawing: households")),
    .empty = N_("No households here."),
    .size = sizeof(REC),
    .max = REGRID_MAX,
    .cols = cols,
    .ncols = 5,
    .flex = 1,
    .label_col = 1,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, address),
    .hints = hints,
    .nhints = 3,
    .fetch = fetch,
    .loaded = loaded,
    .style = style,
    .head_lines = 2,
    .head = head,
    .before = before,
    .request = request,
    .close = regrid_free,
    .keep_rows = 1,
};

struct screen *admin_regrid_screen_new(struct app *a, const char *division)
{
    struct regrid *g = xcalloc(1, sizeof *g);
    snprintf(g->code, sizeof g->code, "%s", division);
    return admin_list_new(a, &spec, g);
}
