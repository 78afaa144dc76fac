#include "screens/ledger.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/role.h"
#include "screens/grids.h"
#include "screens/household.h"
#include "screens/ledgerfmt.h"
#include "screens/resident.h"
#include "store/division.h"
#include "store/household.h"
#include "store/staff.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* Households fetched per query: a few screens' worth, so that scrolling and
 * jumping by typing cost one query per hundred rows. */
#define LEDGER_PAGE          100
#define LEDGER_MAX_BUILDINGS 200

struct ledger {
    struct app *app;
    char grid[19];  /* the division the ledger was opened on */
    char shown[19]; /* the grid or one of its buildings (filter) */
    struct division_rec div, shown_div;
    struct division_rec *buildings; /* of the grid, for the filter and short labels */
    int nbuildings;
    int include_dissolved;
    int64_t total;
    struct household_rec *page;
    int64_t page_off;
    int page_n; /* -1: nothing cached */
    struct ui_list list;
    int64_t open_new; /* a household just added: open its card and add its head */
};

static const struct household_rec *row(struct ledger *l, int i)
{
    if (l->page_n < 0 || i < l->page_off || i >= l->page_off + l->page_n) {
        wg_err e = {{0}};
        int64_t off = (int64_t)(i / LEDGER_PAGE) * LEDGER_PAGE;
        int n = household_list(l->app->db, l->shown, l->include_dissolved, off, LEDGER_PAGE,
                               l->page, &e);
        if (n < 0) {
            ui_error("%s", e.msg);
            l->page_n = -1;
            return NULL;
        }
        l->page_off = off;
        l->page_n = n;
    }
    if (i < l->page_off || i >= l->page_off + l->page_n) return NULL;
    return &l->page[i - l->page_off];
}

static int load(struct ledger *l, wg_err *e)
{
    if (division_get(l->app->db, l->grid, &l->div, e) < 0) return -1;
    if (division_get(l->app->db, l->shown, &l->shown_div, e) < 0) return -1;
    if (!l->buildings) l->buildings = xcalloc(LEDGER_MAX_BUILDINGS, sizeof *l->buildings);
    l->nbuildings = 0;
    if (l->div.level == DIV_GRID) {
        int n = division_children(l->app->db, l->grid, 0, 0, LEDGER_MAX_BUILDINGS, l->buildings, e);
        if (n < 0) return -1;
        l->nbuildings = n;
    }
    int64_t n = household_count(l->app->db, l->shown, l->include_dissolved, e);
    if (n < 0) return -1;
    l->total = n;
    l->page_n = -1;
    ui_list_set_count(&l->list, n > INT32_MAX ? INT32_MAX : (int)n);
    return 0;
}

/* The address without the building or group name it starts with, so that
 * typing "3" jumps to the third house rather than matching every row. */
static const char *short_address(struct ledger *l, const struct household_rec *h)
{
    const char *a = h->address;
    for (int i = 0; i < l->nbuildings; i++) {
        size_t n = strlen(l->buildings[i].name);
        if (strncmp(h->division_code, l->buildings[i].code, strlen(l->buildings[i].code)) == 0 &&
            strncmp(a, l->buildings[i].name, n) == 0 && a[n])
            return a + n;
    }
    size_t n = strlen(l->div.name);
    if (strncmp(a, l->div.name, n) == 0 && a[n]) return a + n;
    return a;
}

static void columns(int w, int *addr, int *head, int *members, int *points, int *tags)
{
    *head = 10, *members = 8, *points = 7;
    *tags = w >= 100 ? 30 : 18;
    *addr = w - 2 - *head - *members - *points - *tags - 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct ledger *l = ctx;
    const struct household_rec *h = row(l, i);
    int ca, ch, cm, cp, ct;
    columns(w, &ca, &ch, &cm, &cp, &ct);
    int dissolved = h && strcmp(h->status, "dissolved") == 0;
    enum ui_style st = sel ? UI_SELECTED : dissolved ? UI_DIM : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    if (!h) return;
    int cx = x + 2;
    ui_text(y, cx, ca - 1, st, h->address);
    cx += ca;
    ui_text(y, cx, ch - 1, st, h->head_name[0] ? h->head_name : _("(no head)"));
    cx += ch;
    ui_textf(y, cx, cm, st, "%*d", cm - 2, h->members);
    cx += cm;
    ui_textf(y, cx, cp, st, "%*d", cp - 2, h->integrity_points);
    cx += cp;
    ui_text(y, cx, ct, st, dissolved ? _("Dissolved") : h->tags);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct ledger *l = ctx;
    const struct household_rec *h = row(l, i);
    if (!h) return NULL;
    snprintf(buf, size, "%s", short_address(l, h));
    return buf;
}

static int ledger_open(struct screen *s, wg_err *e)
{
    struct ledger *l = s->data;
    ui_list_init(&l->list, draw_row, row_label, l);
    l->page = xcalloc(LEDGER_PAGE, sizeof *l->page);
    l->page_n = -1;
    if (load(l, e) < 0) return -1;
    if (l->div.level < DIV_GRID)
        return wg_err_set(e, "%s", _("A ledger belongs to a grid or a building."));
    return 0;
}

static void ledger_resume(struct screen *s)
{
    struct ledger *l = s->data;
    wg_err e = {{0}};
    if (load(l, &e) < 0) ui_error("%s", e.msg);
    if (l->open_new) {
        /* The household was just added: its card, and over it the form for
         * its head, since a household is its people. */
        int64_t id = l->open_new;
        l->open_new = 0;
        if (ui_push(household_screen_new(l->app, id)) == 0)
            ui_push(resident_form_new(l->app, id, 0, "head"));
    }
}

static void ledger_draw(struct screen *s, const struct ui_rect *r)
{
    struct ledger *l = s->data;
    int x = r->x, w = r->w, y = r->y;
    int used = ui_textf(y, x + 2, w - 4, UI_NORMAL, "%s", l->div.name);
    if (strcmp(l->shown, l->grid) != 0)
        used += ui_textf(y, x + 2 + used, w - 4 - used, UI_NORMAL, " > %s", l->shown_div.name);
    char total[96];
    snprintf(total, sizeof total,
             l->include_dissolved ? _("%" PRId64 " households (with dissolved)")
                                  : _("%" PRId64 " households"),
             l->total);
    int tw = ui_width(total);
    if (2 + used + 2 + tw <= w) ui_text(y, x + w - 2 - tw, tw, UI_DIM, total);
    y++;
    int ca, ch, cm, cp, ct;
    columns(w, &ca, &ch, &cm, &cp, &ct);
    ui_text_pad(y, x, w, UI_HEADER, "");
    int cx = x + 2;
    ui_text(y, cx, ca - 1, UI_HEADER, _("Address"));
    cx += ca;
    ui_text(y, cx, ch - 1, UI_HEADER, _("Head"));
    cx += ch;
    ui_text(y, cx + cm - 2 - ui_width(_("Members")), cm, UI_HEADER, _("Members"));
    cx += cm;
    ui_text(y, cx + cp - 2 - ui_width(_("Points")), cp, UI_HEADER, _("Points"));
    cx += cp;
    ui_text(y, cx, ct, UI_HEADER, _("Tags"));
    y++;
    struct ui_rect lr = {y, x, r->y + r->h - 1 - y, w};
    ui_list_draw(&l->list, &lr, _("No households here yet."));
    char enter[32], add[32], filter[32];
    ledgerfmt_keys("ledger", ACT_ENTER, enter, sizeof enter);
    ledgerfmt_keys("ledger", ACT_ADD, add, sizeof add);
    ledgerfmt_keys("ledger", ACT_FILTER, filter, sizeof filter);
    ui_textf(r->y + r->h - 1, x + 2, w - 4, UI_DIM,
             _("%s: household card   %s: add household   %s: filter   typing jumps"), enter, add,
             filter);
}

/* Choose a building (or the whole grid) and whether dissolved households show. */
static void filter(struct ledger *l)
{
    int n = l->nbuildings + 2;
    const char **labels = xcalloc((size_t)n, sizeof *labels);
    labels[0] = _("The whole grid");
    for (int i = 0; i < l->nbuildings; i++) labels[i + 1] = l->buildings[i].name;
    labels[n - 1] =
        l->include_dissolved ? _("Hide dissolved households") : _("Show dissolved households");
    int cur = 0;
    for (int i = 0; i < l->nbuildings; i++)
        if (strcmp(l->shown, l->buildings[i].code) == 0) cur = i + 1;
    int k = ui_pick(_("Show"), labels, n, cur, NULL);
    free(labels);
    if (k < 0) return;
    if (k == n - 1)
        l->include_dissolved = !l->include_dissolved;
    else
        snprintf(l->shown, sizeof l->shown, "%s", k == 0 ? l->grid : l->buildings[k - 1].code);
    l->list.cur = 0;
    l->list.top = 0;
    wg_err e = {{0}};
    if (load(l, &e) < 0) ui_error("%s", e.msg);
    ui_dirty();
}

static void saved_new(void *ctx, int64_t id)
{
    struct ledger *l = ctx;
    l->open_new = id;
}

static enum action ledger_request(struct screen *s, enum action a, ui_key key)
{
    struct ledger *l = s->data;
    if ((a = ui_list_request(&l->list, a, key)) == ACT_NONE) return ACT_NONE;
    switch (a) {
    case ACT_ENTER: {
        const struct household_rec *h = l->list.cur >= 0 ? row(l, l->list.cur) : NULL;
        if (h) ui_push(household_screen_new(l->app, h->id));
        return ACT_NONE;
    }
    case ACT_ADD:
        if (!role_may_edit_ledger(l->app->me.role)) {
            ui_error("%s", _("Your role may not change the ledger."));
            return ACT_NONE;
        }
        ui_push(household_form_new(l->app, l->shown, 0, saved_new, l));
        return ACT_NONE;
    case ACT_FILTER:
        if (l->div.level == DIV_GRID)
            filter(l);
        else {
            l->include_dissolved = !l->include_dissolved;
            ledger_resume(s);
            ui_dirty();
        }
        return ACT_NONE;
    case ACT_REFRESH:
        ledger_resume(s);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void ledger_close(struct screen *s)
{
    struct ledger *l = s->data;
    free(l->page);
    free(l->buildings);
    free(l);
}

static const struct screen_ops ledger_ops = {
    .name = "ledger",
    .title = N_("Ledger"),
    .open = ledger_open,
    .draw = ledger_draw,
    .request = ledger_request,
    .close = ledger_close,
    .resume = ledger_resume,
};

struct screen *ledger_screen_new(struct app *a, const char *division)
{
    struct ledger *l = xcalloc(1, sizeof *l);
    l->app = a;
    snprintf(l->grid, sizeof l->grid, "%s", division);
    snprintf(l->shown, sizeof l->shown, "%s", division);
    return screen_new(&ledger_ops, l);
}

struct screen *ledger_screen_mine(struct app *a)
{
    if (division_level(a->me.scope) >= DIV_GRID) return ledger_screen_new(a, a->me.scope);
    /* A grid worker or leader whose account is scoped wider but who serves
     * in one grid works in that grid's ledger. */
    if (a->me.role == ROLE_WORKER || a->me.role == ROLE_LEADER) {
        char grids[2][19];
        wg_err e = {{0}};
        if (staff_grids_of_user(a->db, a->me.id, grids, 2, &e) == 1)
            return ledger_screen_new(a, grids[0]);
    }
    return grids_screen_new(a);
}
