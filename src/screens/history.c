#include "screens/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/ledgerfmt.h"
#include "store/household.h"
#include "store/resident.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* A household with more steps than this shows the newest ones. */
#define HIST_MAX 500

struct history {
    struct app *app;
    int64_t household, resident;
    char title[160];
    struct residence_event *ev;
    int n;
    struct ui_list list;
};

enum { C_DATE = 11, C_EVENT = 13, C_NAME = 9, C_BY = 9 };

/* A place as the list shows it: the name the store gave, or for a place
 * outside my scope "another grid"; "" when the step has no such side. */
static const char *place_label(const char *place, const char *division, int64_t household)
{
    if (place[0]) return place;
    if (division[0] || household) return _("another grid");
    return "";
}

static void from_to(const struct residence_event *v, char *out, size_t size)
{
    const char *from = place_label(v->from_place, v->from_division, v->from_household);
    const char *to = place_label(v->to_place, v->to_division, v->to_household);
    if (from[0] && to[0])
        snprintf(out, size, "%s -> %s", from, to);
    else if (to[0])
        snprintf(out, size, "-> %s", to);
    else
        snprintf(out, size, "%s ->", from);
}

static const char *by_label(const struct residence_event *v)
{
    return v->by_user[0] ? v->by_user : _("system");
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct history *h = ctx;
    const struct residence_event *v = &h->ev[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    int cx = x + 2;
    ui_textf(y, cx, C_DATE - 1, st, "%.10s", v->at);
    cx += C_DATE;
    ui_text(y, cx, C_EVENT - 1, st, ledgerfmt_event(v->event));
    cx += C_EVENT;
    ui_text(y, cx, C_NAME - 1, st, v->resident_name);
    cx += C_NAME;
    char ft[420];
    from_to(v, ft, sizeof ft);
    ui_text(y, cx, x + w - C_BY - cx - 1, st, ft);
    ui_text(y, x + w - C_BY, C_BY - 1, st, by_label(v));
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct history *h = ctx;
    snprintf(buf, size, "%s", h->ev[i].resident_name);
    return buf;
}

static int load(struct history *h, wg_err *e)
{
    int n = h->resident ? resident_history(h->app->db, h->resident, h->ev, HIST_MAX, e)
                        : household_history(h->app->db, h->household, h->ev, HIST_MAX, e);
    if (n < 0) return -1;
    h->n = n;
    ui_list_set_count(&h->list, n);
    return 0;
}

static int history_open(struct screen *s, wg_err *e)
{
    struct history *h = s->data;
    h->ev = xcalloc(HIST_MAX, sizeof *h->ev);
    ui_list_init(&h->list, draw_row, row_label, h);
    if (h->resident) {
        struct resident_rec r;
        if (resident_get(h->app->db, h->resident, &r, e) < 0) return -1;
        snprintf(h->title, sizeof h->title, _("Residence history of %s"), r.name);
    } else {
        struct household_rec hh;
        if (household_get(h->app->db, h->household, &hh, e) < 0) return -1;
        snprintf(h->title, sizeof h->title, _("Residence history of %s"), hh.address);
    }
    return load(h, e);
}

/* One side of the selected step in full: the place and its code. */
static void side(const char *place, const char *division, int64_t household, char *out, size_t size)
{
    const char *p = place_label(place, division, household);
    if (!p[0])
        snprintf(out, size, "-");
    else if (division[0])
        snprintf(out, size, "%s (%s)", p, division);
    else
        snprintf(out, size, "%s", p);
}

static void history_draw(struct screen *s, const struct ui_rect *r)
{
    struct history *h = s->data;
    int x = r->x + 2, w = r->w - 4, y = r->y;
    ui_text(y++, x, w, UI_HEADER, h->title);
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const struct {
        int width;
        const char *label;
    } cols[] = {{C_DATE, N_("Date")}, {C_EVENT, N_("Change")}, {C_NAME, N_("Name")}};
    int cx = x;
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
        ui_text(y, cx, cols[i].width - 1, UI_HEADER, _(cols[i].label));
        cx += cols[i].width;
    }
    ui_text(y, cx, r->x + r->w - C_BY - cx - 1, UI_HEADER, _("From -> to"));
    ui_text(y, r->x + r->w - C_BY, C_BY - 1, UI_HEADER, _("By"));
    y++;
    struct ui_rect lr = {y, r->x, r->y + r->h - 4 - y, r->w};
    ui_list_draw(&h->list, &lr, _("No changes recorded."));
    /* the selected step in full: the columns cut places and leave out notes */
    int dy = r->y + r->h - 4;
    ui_hline(dy++, r->x, r->w);
    if (h->list.cur >= 0 && h->list.cur < h->n) {
        const struct residence_event *v = &h->ev[h->list.cur];
        char from[256], to[256];
        side(v->from_place, v->from_division, v->from_household, from, sizeof from);
        side(v->to_place, v->to_division, v->to_household, to, sizeof to);
        ui_textf(dy++, x, w, UI_NORMAL, _("From: %s"), from);
        ui_textf(dy++, x, w, UI_NORMAL, _("To: %s"), to);
        ui_textf(dy, x, w, UI_NORMAL, _("%s %s, recorded by %s. Note: %s"), v->at,
                 ledgerfmt_event(v->event), by_label(v), v->note[0] ? v->note : "-");
    }
}

static enum action history_request(struct screen *s, enum action a, ui_key key)
{
    struct history *h = s->data;
    if ((a = ui_list_request(&h->list, a, key)) == ACT_NONE) return ACT_NONE;
    if (a == ACT_REFRESH) {
        wg_err e = {{0}};
        if (load(h, &e) < 0) ui_error("%s", e.msg);
        ui_dirty();
        return ACT_NONE;
    }
    return a;
}

static void history_close(struct screen *s)
{
    struct history *h = s->data;
    free(h->ev);
    free(h);
}

static const struct screen_ops history_ops = {
    .name = "history",
    .title = N_("Residence history"),
    .open = history_open,
    .draw = history_draw,
    .request = history_request,
    .close = history_close,
};

struct screen *history_screen_new(struct app *a, int64_t household_id, int64_t resident_id)
{
    struct history *h = xcalloc(1, sizeof *h);
    h->app = a;
    h->household = household_id;
    h->resident = resident_id;
    return screen_new(&history_ops, h);
}
