#include "screens/grids.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/phone.h"
#include "domain/role.h"
#include "screens/ledger.h"
#include "screens/ledgerfmt.h"
#include "store/division.h"
#include "store/staff.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* More than any village has grids or any county has towns; beyond it the
 * screen says how many are not shown. */
#define GRIDS_MAX_ROWS  2000
#define GRIDS_MAX_STAFF 32
#define DETAIL_ROWS     6

struct row {
    struct division_rec d;
    int indent; /* a building shown under its grid */
};

struct grids {
    struct app *app;
    char code[19]; /* whose children are listed; "" = the top of my scope */
    struct division_rec self;
    int have_self;
    char path[256];
    struct row *rows;
    int n;
    int64_t more;
    struct ui_list list;
    char staff_of[19]; /* the grid whose staff is loaded */
    struct staff_rec staff[GRIDS_MAX_STAFF];
    int nstaff;
};

static void add_row(struct grids *g, const struct division_rec *d, int indent)
{
    if (g->n >= GRIDS_MAX_ROWS) {
        g->more++;
        return;
    }
    g->rows[g->n].d = *d;
    g->rows[g->n].indent = indent;
    g->n++;
}

/* A grid and, indented under it, its buildings or villager groups: the last
 * two levels are shown together so that Enter always means "open". */
static void add_grid(struct grids *g, const struct division_rec *grid, wg_err *e)
{
    add_row(g, grid, 0);
    if (!grid->children) return;
    struct division_rec *b = xcalloc(GRIDS_MAX_ROWS, sizeof *b);
    int n = division_children(g->app->db, grid->code, 0, 0, GRIDS_MAX_ROWS, b, e);
    for (int i = 0; i < n; i++) add_row(g, &b[i], 1);
    free(b);
}

static void build_path(struct grids *g)
{
    /* Ancestors up to the top of my scope (those above it are not mine to see). */
    char codes[DIV_LEVEL_COUNT][19];
    int n = 0;
    char c[19];
    snprintf(c, sizeof c, "%s", g->self.code);
    while (n < DIV_LEVEL_COUNT && store_in_scope(g->app->db, c)) {
        memcpy(codes[n++], c, sizeof c);
        char p[19];
        if (division_parent(c, p) < 0) break;
        memcpy(c, p, sizeof c);
    }
    size_t used = 0;
    g->path[0] = '\0';
    for (int i = n - 1; i >= 0; i--) {
        struct division_rec d;
        wg_err e = {{0}};
        const char *name = codes[i];
        if (i == 0)
            name = g->self.name;
        else if (division_get(g->app->db, codes[i], &d, &e) == 0)
            name = d.name;
        used += (size_t)snprintf(g->path + used, sizeof g->path - used, "%s%s", used ? " > " : "",
                                 name);
        if (used >= sizeof g->path) break;
    }
}

static int load(struct grids *g, wg_err *e)
{
    struct store *db = g->app->db;
    g->n = 0;
    g->more = 0;
    g->staff_of[0] = '\0';
    if (!g->rows) g->rows = xcalloc(GRIDS_MAX_ROWS, sizeof *g->rows);
    int rc = g->code[0] ? division_get(db, g->code, &g->self, e) : division_root(db, &g->self, e);
    if (rc < 0) return -1;
    g->have_self = 1;
    build_path(g);
    if (g->self.level >= DIV_GRID) {
        /* My scope is one grid (or building): it is the whole list. */
        if (g->self.level == DIV_GRID)
            add_grid(g, &g->self, e);
        else
            add_row(g, &g->self, 0);
    } else {
        struct division_rec *c = xcalloc(GRIDS_MAX_ROWS, sizeof *c);
        int n = division_children(db, g->self.code, 0, 0, GRIDS_MAX_ROWS, c, e);
        if (n < 0) {
            free(c);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (c[i].level == DIV_GRID)
                add_grid(g, &c[i], e);
            else
                add_row(g, &c[i], 0);
        }
        if (n == GRIDS_MAX_ROWS) {
            int64_t total = division_children_count(db, g->self.code, 0, e);
            if (total > n) g->more += total - n;
        }
        free(c);
    }
    ui_list_set_count(&g->list, g->n);
    return 0;
}

static const struct division_rec *selected(struct grids *g)
{
    return g->list.cur >= 0 && g->list.cur < g->n ? &g->rows[g->list.cur].d : NULL;
}

static void load_staff(struct grids *g, const char *grid)
{
    if (strcmp(g->staff_of, grid) == 0) return;
    wg_err e = {{0}};
    int n = staff_list(g->app->db, grid, 0, g->staff, GRIDS_MAX_STAFF, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    g->nstaff = n;
    snprintf(g->staff_of, sizeof g->staff_of, "%s", grid);
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct grids *g = ctx;
    const struct row *r = &g->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    char kind[64];
    ui_text_pad(y, x, w, st, "");
    int name_w = w - 2 - 16 - 32;
    int indent = r->indent ? 2 : 0;
    if (r->indent) ui_text(y, x + 2, 2, sel ? st : UI_DIM, "- ");
    ui_text(y, x + 2 + indent, name_w - indent - 1, st, r->d.name);
    /* Urban or rural is in the details below; the column has room for the kind. */
    ledgerfmt_kind(r->d.kind, -1, kind, sizeof kind);
    ui_text(y, x + 2 + name_w, 15, sel ? st : UI_DIM, kind);
    /* Three right-aligned counts of 11, 11 and 9 columns, ending 1 from the edge. */
    ui_textf(y, x + w - 32, 11, st, "%10" PRId64, r->d.households);
    ui_textf(y, x + w - 21, 11, st, "%10" PRId64, r->d.residents);
    ui_textf(y, x + w - 10, 9, st, "%8" PRId64, r->d.pending_cases);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct grids *g = ctx;
    snprintf(buf, size, "%s", g->rows[i].d.name);
    return buf;
}

static int grids_open(struct screen *s, wg_err *e)
{
    struct grids *g = s->data;
    ui_list_init(&g->list, draw_row, row_label, g);
    return load(g, e);
}

static void grids_resume(struct screen *s)
{
    struct grids *g = s->data;
    wg_err e = {{0}};
    if (load(g, &e) < 0) ui_error("%s", e.msg);
}

/* One staff member as "label name phone" in w columns. */
static void draw_person(struct grids *g, int y, int x, int w, const struct staff_rec *p)
{
    char phone[32] = "";
    if (p->phone[0]) {
        /* Duty phones are posted on the grid's notice board; still, only
         * those who may see residents' numbers see them in full. */
        if (role_may_unmask(g->app->me.role))
            snprintf(phone, sizeof phone, "%s", p->phone);
        else
            phone_mask(p->phone, phone, sizeof phone);
    }
    int used = ui_textf(y, x, w, UI_HEADER, _("%s: "), ledgerfmt_duty(p->duty));
    ui_textf(y, x + used, w - used, UI_NORMAL, "%s %s", p->name, phone);
}

static int core_duty(const char *duty)
{
    return strcmp(duty, "leader") == 0 || strcmp(duty, "instructor") == 0 ||
           strcmp(duty, "fulltime") == 0;
}

/* The 1+1+1 two to a row, the N part-time workers on one line, then the
 * linked officers two to a row. */
static void draw_grid_detail(struct grids *g, const struct division_rec *d, int y, int x, int w,
                             int rows)
{
    load_staff(g, d->code);
    int end = y + rows, half = w / 2, col = 0;
    if (g->nstaff == 0) {
        ui_text(y, x, w, UI_DIM, _("No staff recorded for this grid."));
        return;
    }
    for (int i = 0; i < g->nstaff && y < end; i++) {
        if (!core_duty(g->staff[i].duty)) continue;
        draw_person(g, y, x + col * half, half - 1, &g->staff[i]);
        if (++col == 2) col = 0, y++;
    }
    if (col) col = 0, y++;
    char part[512] = "";
    size_t used = 0;
    int nparts = 0;
    for (int i = 0; i < g->nstaff; i++) {
        if (strcmp(g->staff[i].duty, "parttime") != 0 || used >= sizeof part - 1) continue;
        used += (size_t)snprintf(part + used, sizeof part - used, "%s%s", nparts ? _(", ") : "",
                                 g->staff[i].name);
        if (used >= sizeof part) used = sizeof part - 1;
        nparts++;
    }
    if (nparts && y < end) {
        int lw = ui_textf(y, x, w, UI_HEADER, _("Part-time workers (%d): "), nparts);
        ui_text(y++, x + lw, w - lw, UI_NORMAL, part);
    }
    for (int i = 0; i < g->nstaff && y < end; i++) {
        if (core_duty(g->staff[i].duty) || strcmp(g->staff[i].duty, "parttime") == 0) continue;
        draw_person(g, y, x + col * half, half - 1, &g->staff[i]);
        if (++col == 2) col = 0, y++;
    }
}

static void draw_detail(struct grids *g, const struct ui_rect *r)
{
    const struct division_rec *d = selected(g);
    if (!d) return;
    char kind[64];
    int y = r->y, x = r->x + 2, w = r->w - 4;
    int used = ui_textf(y, x, w, UI_HEADER, "%s", d->name);
    ui_textf(y, x + used + 2, w - used - 2, UI_DIM, "%s  %s", d->code,
             ledgerfmt_kind(d->kind, d->urban, kind, sizeof kind));
    y++;
    if (d->level == DIV_GRID) {
        draw_grid_detail(g, d, y, x, w, r->h - 1);
        return;
    }
    ui_textf(y++, x, w, UI_NORMAL,
             _("%" PRId64 " households, %" PRId64 " residents, %" PRId64 " pending cases"),
             d->households, d->residents, d->pending_cases);
    if (d->level == DIV_COUNTY) {
        ui_textf(y++, x, w, UI_NORMAL, _("Towns and streets: %" PRId64), d->children);
    } else if (d->level == DIV_TOWN) {
        ui_textf(y++, x, w, UI_NORMAL, _("Villages and communities: %" PRId64), d->children);
    } else if (d->level == DIV_VILLAGE) {
        ui_textf(y++, x, w, UI_NORMAL, _("Grids: %" PRId64), d->children);
    } else if (d->level == DIV_BUILDING) {
        char grid[19];
        struct division_rec p;
        wg_err e = {{0}};
        if (division_parent(d->code, grid) == 0 && division_get(g->app->db, grid, &p, &e) == 0)
            ui_textf(y++, x, w, UI_NORMAL, _("In grid: %s"), p.name);
    }
}

static void grids_draw(struct screen *s, const struct ui_rect *r)
{
    struct grids *g = s->data;
    int x = r->x, w = r->w, y = r->y;
    ui_text(y++, x + 2, w - 4, UI_NORMAL, g->path);
    ui_text_pad(y, x, w, UI_HEADER, "");
    int name_w = w - 2 - 16 - 32;
    ui_text(y, x + 2, name_w - 1, UI_HEADER, _("Division"));
    ui_text(y, x + 2 + name_w, 15, UI_HEADER, _("Kind"));
    ui_text(y, x + w - 22 - ui_width(_("Households")), 11, UI_HEADER, _("Households"));
    ui_text(y, x + w - 11 - ui_width(_("Residents")), 11, UI_HEADER, _("Residents"));
    ui_text(y, x + w - 2 - ui_width(_("Pending")), 9, UI_HEADER, _("Pending"));
    y++;
    int detail = DETAIL_ROWS;
    if (r->h > 24) detail += (r->h - 24) / 3;
    struct ui_rect lr = {y, x, r->y + r->h - y - detail - 2, w};
    if (lr.h < 3) lr.h = 3;
    ui_list_draw(&g->list, &lr, _("Nothing in your scope yet."));
    if (g->more)
        ui_textf(lr.y + lr.h - 1, x + 2, w - 4, UI_DIM, _("... and %" PRId64 " more not shown"),
                 g->more);
    ui_hline(lr.y + lr.h, x, w);
    struct ui_rect dr = {lr.y + lr.h + 1, x, detail, w};
    draw_detail(g, &dr);
    char enter[32], back[32];
    ledgerfmt_keys("grids", ACT_ENTER, enter, sizeof enter);
    ledgerfmt_keys("grids", ACT_BACK, back, sizeof back);
    const struct division_rec *d = selected(g);
    ui_textf(r->y + r->h - 1, x + 2, w - 4, UI_DIM,
             d && d->level >= DIV_GRID ? _("%s: open the ledger   %s: back   /: search")
                                       : _("%s: open   %s: back   /: search"),
             enter, back);
}

static enum action grids_request(struct screen *s, enum action a, ui_key key)
{
    struct grids *g = s->data;
    if ((a = ui_list_request(&g->list, a, key)) == ACT_NONE) return ACT_NONE;
    const struct division_rec *d = selected(g);
    switch (a) {
    case ACT_ENTER:
    case ACT_OPEN_LEDGER:
        if (!d) return ACT_NONE;
        if (d->level >= DIV_GRID)
            ui_push(ledger_screen_new(g->app, d->code));
        else if (a == ACT_ENTER)
            ui_push(grids_screen_at(g->app, d->code));
        else
            ui_error("%s", _("Choose a grid or building to open its ledger."));
        return ACT_NONE;
    case ACT_REFRESH:
        grids_resume(s);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void grids_close(struct screen *s)
{
    struct grids *g = s->data;
    free(g->rows);
    free(g);
}

static const struct screen_ops grids_ops = {
    .name = "grids",
    .title = N_("Grids"),
    .open = grids_open,
    .draw = grids_draw,
    .request = grids_request,
    .close = grids_close,
    .resume = grids_resume,
};

struct screen *grids_screen_at(struct app *a, const char *code)
{
    struct grids *g = xcalloc(1, sizeof *g);
    g->app = a;
    snprintf(g->code, sizeof g->code, "%s", code ? code : "");
    return screen_new(&grids_ops, g);
}

struct screen *grids_screen_new(struct app *a)
{
    return grids_screen_at(a, NULL);
}
