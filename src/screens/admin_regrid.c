#include "screens/admin_regrid.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin.h"
#include "screens/admin_divpick.h"
#include "store/division.h"
#include "store/household.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

/* A grid holds a few hundred households; more than this is a county-sized
 * mistake, and the list says how many were left out. */
#define REGRID_MAX 2000

struct regrid {
    struct app *app;
    char code[19];
    struct division_rec div;
    struct household_rec *rows;
    unsigned char *sel;
    int n, nsel;
    int64_t total;
    struct ui_list list;
};

static void load(struct regrid *g)
{
    wg_err e = {{0}};
    if (division_get(g->app->db, g->code, &g->div, &e) < 0) ui_error("%s", e.msg);
    g->total = household_count(g->app->db, g->code, 0, &e);
    int want = g->total < 0 ? 0 : g->total > REGRID_MAX ? REGRID_MAX : (int)g->total;
    g->rows = xrealloc(g->rows, (size_t)(want ? want : 1) * sizeof *g->rows);
    int n = want ? household_list(g->app->db, g->code, 0, 0, want, g->rows, &e) : 0;
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    g->n = n;
    free(g->sel);
    g->sel = xcalloc((size_t)(n ? n : 1), 1);
    g->nsel = 0;
    ui_list_set_count(&g->list, n);
}

static void columns(int w, int c[6])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[5] = {3, 32 + extra, 10, 5, 18};
    c[0] = 1;
    for (int i = 0; i < 5; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct regrid *g = ctx;
    const struct household_rec *h = &g->rows[i];
    enum ui_style st = sel ? UI_SELECTED : g->sel[i] ? UI_HEADER : UI_NORMAL;
    int c[6];
    columns(w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], 3, st, g->sel[i] ? "[x]" : "[ ]");
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, h->address);
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, h->head_name);
    ui_textf(y, x + c[3], c[4] - c[3] - 1, st, "%4d", h->members);
    ui_text(y, x + c[4], c[5] - c[4] - 1, st, h->division_code);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct regrid *g = ctx;
    snprintf(buf, size, "%s", g->rows[i].address);
    return buf;
}

static void move(struct regrid *g)
{
    if (g->n == 0) return;
    int cur = g->list.cur;
    int count = g->nsel ? g->nsel : 1;
    struct admin_divpick all = {0};
    wg_err e = {{0}};
    if (admin_divpick_load(&all, g->app->db, DIV_BUILDING, 0, &e) < 0) {
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
        snprintf(title, sizeof title, _("Move %s to:"), g->rows[cur].address);
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
            for (int i = 0; i < g->n; i++) {
                if (g->nsel ? !g->sel[i] : i != cur) continue;
                if (household_move(g->app->db, g->rows[i].id, to, &e) < 0) {
                    if (!failed++)
                        snprintf(first, sizeof first, "%s: %s", g->rows[i].address, e.msg);
                } else {
                    moved++;
                }
            }
            if (failed)
                ui_error(_("%d moved, %d not: %s"), moved, failed, first);
            else
                ui_status(_("%d households moved to %s."), moved, to);
            load(g);
        }
    }
    free(labels);
    free(idx);
    admin_divpick_free(&all);
    ui_dirty();
}

static int regrid_open(struct screen *s, wg_err *e)
{
    struct regrid *g = s->data;
    if (admin_require(g->app, e) < 0) return -1;
    ui_list_init(&g->list, draw_row, row_label, g);
    load(g);
    return 0;
}

static void regrid_draw(struct screen *s, const struct ui_rect *r)
{
    struct regrid *g = s->data;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s", g->div.code, g->div.name);
    if (g->total > g->n)
        ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
                 _("%d selected; first %d of %" PRId64 " households shown"), g->nsel, g->n,
                 g->total);
    else
        ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM, _("%d selected of %d households"), g->nsel,
                 g->n);
    int c[6];
    columns(r->w, c);
    int y = r->y + 2;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {"", N_("Address"), N_("Head"), N_("People"),
                                        N_("Grid or building")};
    for (int i = 1; i < 5; i++) admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {y + 1, r->x, r->h - 4, r->w};
    ui_list_draw(&g->list, &lr, _("No households here."));
    static const struct admin_hint h[] = {{ACT_TOGGLE, N_("select")},
                                          {ACT_MOVE, N_("move the selected (or this one)")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-house", h, 3);
}

static enum action regrid_request(struct screen *s, enum action a, ui_key key)
{
    struct regrid *g = s->data;
    if (a == ACT_TOGGLE) {
        if (g->list.cur >= 0 && g->list.cur < g->n) {
            g->sel[g->list.cur] ^= 1;
            g->nsel += g->sel[g->list.cur] ? 1 : -1;
            if (g->list.cur + 1 < g->n) g->list.cur++;
            ui_dirty();
        }
        return ACT_NONE;
    }
    a = ui_list_request(&g->list, a, key);
    switch (a) {
    case ACT_MOVE:
        move(g);
        return ACT_NONE;
    case ACT_REFRESH:
        load(g);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void regrid_close(struct screen *s)
{
    struct regrid *g = s->data;
    free(g->rows);
    free(g->sel);
    free(g);
}

static const struct screen_ops regrid_ops = {
    .name = "adm-house",
    .title = N_("Re-drawing: households"),
    .open = regrid_open,
    .draw = regrid_draw,
    .request = regrid_request,
    .close = regrid_close,
};

struct screen *admin_regrid_screen_new(struct app *a, const char *division)
{
    struct regrid *g = xcalloc(1, sizeof *g);
    g->app = a;
    snprintf(g->code, sizeof g->code, "%s", division);
    return screen_new(&regrid_ops, g);
}
