#include "screens/home.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/role.h"
#include "store/division.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

#define HOME_MAX_ROWS 500
/* the count columns at the right: households, residents, pending, overdue */
#define COL_W  10
#define COLS_W (4 * COL_W + 2)

struct home {
    struct app *app;
    struct division_rec root;
    int have_root;
    struct division_rec *rows; /* the grids (or the divisions) under my scope */
    int n;
    int64_t more; /* rows not loaded */
    struct ui_list list;
};

static const struct {
    enum action action;
    const char *label;
} menu[] = {
    {ACT_OPEN_GRIDS, N_("Grids")}, {ACT_OPEN_LEDGER, N_("Ledger")},
    {ACT_SEARCH, N_("Search")},    {ACT_OPEN_PLACES, N_("Places")},
    {ACT_OPEN_ADMIN, N_("Admin")}, {ACT_OPEN_SETTINGS, N_("Settings")},
    {ACT_OPEN_CASES, N_("Cases")}, {ACT_HELP, N_("Help")},
    {ACT_QUIT, N_("Quit")},
};

static const char *level_label(enum division_level l)
{
    static const char *const labels[DIV_LEVEL_COUNT] = {N_("County"), N_("Town"), N_("Village"),
                                                        N_("Grid"), N_("Building")};
    return l < DIV_LEVEL_COUNT ? _(labels[l]) : "";
}

static void load(struct home *h)
{
    wg_err e = {{0}};
    free(h->rows);
    h->rows = NULL;
    h->n = 0;
    h->more = 0;
    h->have_root = division_root(h->app->db, &h->root, &e) == 0;
    if (!h->have_root) {
        ui_error("%s", e.msg);
    } else if (h->root.level >= DIV_GRID) {
        h->rows = xmalloc(sizeof *h->rows);
        h->rows[0] = h->root;
        h->n = 1;
    } else {
        /* Directly below my scope: towns for the county, villages for a
         * town, grids for a village. */
        h->rows = xcalloc(HOME_MAX_ROWS, sizeof *h->rows);
        int n = division_children(h->app->db, h->root.code, 0, 0, HOME_MAX_ROWS, h->rows, &e);
        if (n < 0) {
            ui_error("%s", e.msg);
            n = 0;
        }
        h->n = n;
        if (n == HOME_MAX_ROWS) {
            int64_t total = division_children_count(h->app->db, h->root.code, 0, &e);
            if (total > n) h->more = total - n;
        }
    }
    ui_list_set_count(&h->list, h->n);
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct home *h = ctx;
    const struct division_rec *d = &h->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    int name_w = w - 2 - COLS_W;
    ui_text(y, x + 2, name_w - 1, st, d->name);
    ui_textf(y, x + w - COLS_W, COL_W, st, "%9" PRId64, d->households);
    ui_textf(y, x + w - COLS_W + COL_W, COL_W, st, "%9" PRId64, d->residents);
    ui_textf(y, x + w - COLS_W + 2 * COL_W, COL_W, st, "%9" PRId64, d->pending_cases);
    /* overdue cases are what someone has to act on today: stand out */
    enum ui_style late = !sel && d->overdue_cases ? UI_ERROR : st;
    ui_textf(y, x + w - COLS_W + 3 * COL_W, COL_W, late, "%9" PRId64, d->overdue_cases);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct home *h = ctx;
    snprintf(buf, size, "%s", h->rows[i].name);
    return buf;
}

static int home_open(struct screen *s, wg_err *e)
{
    struct home *h = s->data;
    (void)e;
    ui_list_init(&h->list, draw_row, row_label, h);
    load(h);
    return 0;
}

static void home_resume(struct screen *s)
{
    load(s->data);
}

static void home_draw(struct screen *s, const struct ui_rect *r)
{
    struct home *h = s->data;
    const struct user_rec *me = &h->app->me;
    int y = r->y + 1, w = r->w;
    ui_textf(y++, r->x + 2, w - 4, UI_NORMAL, _("User: %s (%s), %s"),
             me->display_name[0] ? me->display_name : me->name, me->name, _(role_label(me->role)));
    if (h->have_root)
        ui_textf(y++, r->x + 2, w - 4, UI_NORMAL, _("Scope: %s %s (%s)"), h->root.code,
                 h->root.name, level_label(h->root.level));
    else
        ui_textf(y++, r->x + 2, w - 4, UI_NORMAL, _("Scope: %s"), me->scope);
    if (h->have_root) {
        ui_textf(y++, r->x + 2, w - 4, UI_NORMAL,
                 _("In all: %" PRId64 " households, %" PRId64 " residents"), h->root.households,
                 h->root.residents);
        ui_textf(y++, r->x + 2, w - 4, h->root.overdue_cases ? UI_ERROR : UI_NORMAL,
                 _("Cases: %" PRId64 " pending, %" PRId64 " of them overdue"),
                 h->root.pending_cases, h->root.overdue_cases);
    }
    y++;
    /* the list of divisions with counts */
    const char *what = h->have_root && h->root.level >= DIV_GRID      ? _("My grid")
                       : h->have_root && h->root.level == DIV_VILLAGE ? _("My grids")
                       : h->have_root && h->root.level == DIV_TOWN    ? _("Villages")
                                                                      : _("Towns");
    ui_text_pad(y, r->x, w, UI_HEADER, "");
    ui_text(y, r->x + 2, w - COLS_W - 2, UI_HEADER, what);
    static const char *const heads[] = {N_("Households"), N_("Residents"), N_("Pending"),
                                        N_("Overdue")};
    for (int i = 0; i < 4; i++) {
        int x = r->x + w - COLS_W + (i + 1) * COL_W - 1 - ui_width(_(heads[i]));
        ui_text(y, x, COL_W, UI_HEADER, _(heads[i]));
    }
    y++;
    int menu_rows = 3;
    struct ui_rect lr = {y, r->x, r->y + r->h - y - menu_rows - 1, w};
    if (lr.h < 1) lr.h = 1;
    ui_list_draw(&h->list, &lr, _("Nothing in your scope yet."));
    if (h->more)
        ui_textf(lr.y + lr.h - 1, r->x + 2, w - 4, UI_DIM,
                 _("... and %" PRId64 " more (open Grids to see all)"), h->more);
    /* the menu: two rows of items, each with its key from the keymap */
    int my = r->y + r->h - menu_rows;
    ui_hline(my - 1, r->x, w);
    int col = 0, row = 0, cw = (w - 2) / 5;
    for (size_t i = 0; i < sizeof menu / sizeof *menu; i++) {
        char keys[32], item[96];
        keymap_keys_for(ui_keymap(), "home", menu[i].action, keys, sizeof keys);
        char *comma = strchr(keys, ',');
        if (comma) *comma = '\0';
        if (!keys[0]) continue;
        int disabled = menu[i].action == ACT_OPEN_ADMIN && !role_may_administer(me->role);
        snprintf(item, sizeof item, "%s %s", keys, _(menu[i].label));
        ui_text(my + row, r->x + 2 + col * cw, cw - 1, disabled ? UI_DIM : UI_NORMAL, item);
        if (++col == 5) col = 0, row++;
    }
}

static enum action home_request(struct screen *s, enum action a, ui_key key)
{
    struct home *h = s->data;
    a = ui_list_request(&h->list, a, key);
    if (a == ACT_REFRESH) {
        load(h);
        ui_dirty();
        return ACT_NONE;
    }
    /* Enter on a division opens it in the grids screen (when it exists). */
    if (a == ACT_ENTER) return ACT_OPEN_GRIDS;
    return a;
}

static void home_close(struct screen *s)
{
    struct home *h = s->data;
    free(h->rows);
    free(h);
}

static const struct screen_ops home_ops = {
    .name = "home",
    .title = N_("Home"),
    .open = home_open,
    .draw = home_draw,
    .request = home_request,
    .close = home_close,
    .resume = home_resume,
};

struct screen *home_screen_new(struct app *a)
{
    struct home *h = xcalloc(1, sizeof *h);
    h->app = a;
    return screen_new(&home_ops, h);
}
