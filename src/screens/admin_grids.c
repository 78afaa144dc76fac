#include "screens/admin_grids.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin.h"
#include "screens/admin_divpick.h"
#include "screens/admin_form.h"
#include "screens/admin_regrid.h"
#include "screens/admin_staff.h"
#include "screens/audit.h"
#include "store/division.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

/* A parent has at most 999 children (three-digit suffixes). */
#define GRIDS_MAX 999

struct grids {
    struct app *app;
    char code[19]; /* "" until opened: the administrator's root */
    struct division_rec self;
    struct division_rec *rows;
    int n;
    struct ui_list list;
};

static const struct {
    const char *kind, *label;
} kinds[] = {
    {"county", N_("County")},       {"town", N_("Town")},
    {"street", N_("Street")},       {"village", N_("Village")},
    {"community", N_("Community")}, {"basic", N_("Basic grid")},
    {"school", N_("School")},       {"hospital", N_("Hospital")},
    {"market", N_("Market")},       {"enterprise", N_("Enterprise")},
    {"building", N_("Building")},   {"group", N_("Villager group")},
};

const char *admin_kind_label(const char *kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kinds[i].kind, kind) == 0) return _(kinds[i].label);
    return kind;
}

static const char *level_label(enum division_level l)
{
    static const char *const labels[DIV_LEVEL_COUNT] = {N_("County"), N_("Town"), N_("Village"),
                                                        N_("Grid"), N_("Building")};
    return l < DIV_LEVEL_COUNT ? _(labels[l]) : "";
}

static void load(struct grids *g)
{
    wg_err e = {{0}};
    int r = g->code[0] ? division_get(g->app->db, g->code, &g->self, &e)
                       : division_root(g->app->db, &g->self, &e);
    if (r < 0) {
        ui_error("%s", e.msg);
        g->n = 0;
        ui_list_set_count(&g->list, 0);
        return;
    }
    snprintf(g->code, sizeof g->code, "%s", g->self.code);
    int n = 0;
    if (g->self.level < DIV_BUILDING) {
        int64_t count = division_children_count(g->app->db, g->code, 0, &e);
        if (count > GRIDS_MAX) count = GRIDS_MAX;
        g->rows = xrealloc(g->rows, (size_t)(count > 0 ? count : 1) * sizeof *g->rows);
        n = count <= 0 ? (int)count
                       : division_children(g->app->db, g->code, 0, 0, (int)count, g->rows, &e);
        if (n < 0) {
            ui_error("%s", e.msg);
            n = 0;
        }
    }
    g->n = n;
    ui_list_set_count(&g->list, n);
}

/* The code column is as wide as the children's codes (15 for grids, 18 for
 * buildings); the name takes what is left. */
static void columns(const struct grids *g, int w, int c[7])
{
    int cw = g->n ? (int)strlen(g->rows[0].code) : 15;
    int widths[6] = {cw, 0, 16, 10, 9, 5};
    widths[1] = w - 1 - cw - 16 - 10 - 9 - 5 - 6;
    if (widths[1] < 8) widths[1] = 8;
    c[0] = 1;
    for (int i = 0; i < 6; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct grids *g = ctx;
    const struct division_rec *d = &g->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    int c[7];
    columns(g, w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, d->code);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, d->name);
    char kind[64];
    snprintf(kind, sizeof kind, "%s%s", admin_kind_label(d->kind),
             d->level == DIV_GRID ? (d->urban ? _(" urban") : _(" rural")) : "");
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, kind);
    ui_textf(y, x + c[3], c[4] - c[3] - 1, st, "%10" PRId64, d->households);
    ui_textf(y, x + c[4], c[5] - c[4] - 1, st, "%9" PRId64, d->residents);
    if (d->level < DIV_BUILDING)
        ui_textf(y, x + c[5], c[6] - c[5] - 1, st, "%5" PRId64, d->children);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct grids *g = ctx;
    /* the name, so typing 佛 or a pinyin-less prefix finds it; codes by number */
    snprintf(buf, size, "%s", g->rows[i].name);
    return buf;
}

/* ---- add and edit --------------------------------------------------------------- */

enum { F_CODE, F_NAME, F_KIND, F_URBAN };

static const struct ui_choice urban_choices[] = {{"1", N_("Urban")}, {"0", N_("Rural")}};

struct dform {
    struct grids *g;
    int adding;
    struct division_rec cur; /* editing: as it was */
    struct ui_choice kinds[8];
    int nkinds;
};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct dform *df = fld->ctx;
    (void)f;
    char *code = ui_field_text(fld);
    int r = 0;
    struct division_rec other;
    if (division_check(code, df->g->self.code, NULL) < 0)
        r = wg_err_set(e, _("The code must be %s followed by 3 digits."), df->g->self.code);
    else if (division_get(df->g->app->db, code, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), code, other.name);
    free(code);
    return r;
}

static int save_division(void *ctx, struct ui_form *f)
{
    struct dform *df = ctx;
    store *db = df->g->app->db;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    const char *kind = ui_field_value(ui_form_field(f, F_KIND));
    const char *u = ui_field_value(ui_form_field(f, F_URBAN));
    int urban = u && u[0] == '1';
    wg_err e = {{0}};
    int r = 0, field = -1;
    if (df->adding) {
        r = division_add(db, code, kind, urban, name, &e);
        field = strstr(e.msg, "name") ? F_NAME : strstr(e.msg, "kind") ? F_KIND : F_CODE;
    } else {
        if (strcmp(name, df->cur.name) != 0) {
            r = division_rename(db, df->cur.code, name, &e);
            field = F_NAME;
        }
        if (r == 0 && (strcmp(kind, df->cur.kind) != 0 || urban != df->cur.urban)) {
            r = division_set_kind(db, df->cur.code, kind, urban, &e);
            field = F_KIND;
        }
    }
    if (r == 0) ui_status(df->adding ? _("%s %s added.") : _("%s %s saved."), code, name);
    free(code);
    free(name);
    if (r < 0) return admin_form_fail(f, field, e.msg);
    return 0;
}

static void open_form(struct grids *g, const struct division_rec *cur)
{
    enum division_level level = cur ? cur->level : g->self.level + 1;
    if (level > DIV_BUILDING || level == DIV_COUNTY) {
        ui_error("%s", _("Nothing can be added below a building or villager group."));
        return;
    }
    struct dform *df = xcalloc(1, sizeof *df);
    df->g = g;
    df->adding = cur == NULL;
    if (cur) df->cur = *cur;
    const char *const *k = division_kinds(level);
    for (; k && *k && df->nkinds < 8; k++) {
        df->kinds[df->nkinds].value = *k;
        df->kinds[df->nkinds].label = admin_kind_label(*k);
        df->nkinds++;
    }
    char code[19] = "";
    wg_err e = {{0}};
    if (cur)
        snprintf(code, sizeof code, "%s", cur->code);
    else if (division_next_code(g->app->db, g->self.code, code, &e) < 0)
        ui_error("%s", e.msg);
    struct ui_form *f;
    const char *title = cur ? N_("Change division") : N_("Add division");
    struct screen *s = admin_form_new(title, df, save_division, free, &f);
    char intro[256];
    if (cur)
        snprintf(intro, sizeof intro, _("%s in %s %s"), level_label(level), g->self.code,
                 g->self.name);
    else
        snprintf(intro, sizeof intro, _("New %s under %s %s"), level_label(level), g->self.code,
                 g->self.name);
    admin_form_set_intro(s, intro);
    struct ui_field *fld = ui_form_text(f, N_("Code"), code, 18);
    fld->required = 1;
    fld->readonly = cur != NULL;
    fld->validate = check_code;
    fld->ctx = df;
    fld = ui_form_text(f, N_("Name"), cur ? cur->name : NULL, 40);
    fld->required = 1;
    fld =
        ui_form_choice(f, N_("Kind"), df->kinds, df->nkinds, cur ? cur->kind : df->kinds[0].value);
    fld->translate_choices = 0; /* labels are translated already */
    fld->required = 1;
    fld = ui_form_choice(f, N_("Urban or rural"), urban_choices, 2,
                         (cur ? cur->urban : g->self.urban) ? "1" : "0");
    fld->required = 1;
    if (cur) f->cur = F_NAME;
    ui_push(s);
}

/* ---- moving, retiring, menus ------------------------------------------------------ */

static void move_building(struct grids *g, const struct division_rec *b)
{
    struct admin_divpick grids = {0};
    wg_err e = {{0}};
    if (admin_divpick_load(&grids, g->app->db, DIV_GRID, 1, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    const char **labels = xcalloc((size_t)(grids.n ? grids.n : 1), sizeof *labels);
    for (int i = 0; i < grids.n; i++) labels[i] = grids.labels[i];
    char title[160];
    snprintf(title, sizeof title, _("Move %s to which grid?"), b->name);
    int k = ui_pick(title, labels, grids.n, admin_divpick_find(&grids, b->parent), NULL);
    free(labels);
    if (k >= 0 && strcmp(grids.codes[k], b->parent) == 0) {
        ui_error(_("%s is already in that grid."), b->name);
    } else if (k >= 0) {
        char q[320], nc[19];
        snprintf(q, sizeof q,
                 _("Move %s with its %" PRId64 " households and %" PRId64
                   " residents to %s? It gets a new code; the old one is kept for history."),
                 b->name, b->households, b->residents, grids.labels[k]);
        if (ui_confirm(q, 0)) {
            if (division_move_building(g->app->db, b->code, grids.codes[k], nc, &e) < 0)
                ui_error("%s", e.msg);
            else
                ui_status(_("%s moved: its new code is %s."), b->name, nc);
            load(g);
        }
    }
    admin_divpick_free(&grids);
    ui_dirty();
}

static void retire(struct grids *g, const struct division_rec *d)
{
    char q[256];
    snprintf(q, sizeof q, _("Retire %s %s? It stays in the records but is no longer used."),
             d->code, d->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (division_retire(g->app->db, d->code, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(_("%s retired."), d->name);
    load(g);
}

static void history(struct grids *g)
{
    /* Division rows are audited with the code in the JSON, not a row id. */
    ui_push(audit_screen_for(g->app, "division", 0));
}

static void grid_menu(struct grids *g, const struct division_rec *d)
{
    const char *labels[] = {
        _("1 Buildings and villager groups"),
        _("2 Grid team and linked officers"),
        _("3 Households: move to another grid"),
        _("4 Rename, kind, urban or rural"),
        _("5 Retire this grid"),
    };
    char title[160];
    snprintf(title, sizeof title, "%s %s", d->code, d->name);
    struct division_rec copy = *d;
    switch (ui_pick(title, labels, 5, 0, NULL)) {
    case 0:
        ui_push(admin_grids_screen_at(g->app, copy.code));
        break;
    case 1:
        ui_push(admin_staff_screen_new(g->app, copy.code));
        break;
    case 2:
        ui_push(admin_regrid_screen_new(g->app, copy.code));
        break;
    case 3:
        open_form(g, &copy);
        break;
    case 4:
        retire(g, &copy);
        break;
    default:
        break;
    }
    ui_dirty();
}

static void building_menu(struct grids *g, const struct division_rec *d)
{
    const char *labels[] = {
        _("1 Households: move to another grid or building"),
        _("2 Move this building to another grid"),
        _("3 Rename, kind"),
        _("4 Retire"),
    };
    char title[160];
    snprintf(title, sizeof title, "%s %s", d->code, d->name);
    struct division_rec copy = *d;
    switch (ui_pick(title, labels, 4, 0, NULL)) {
    case 0:
        ui_push(admin_regrid_screen_new(g->app, copy.code));
        break;
    case 1:
        move_building(g, &copy);
        break;
    case 2:
        open_form(g, &copy);
        break;
    case 3:
        retire(g, &copy);
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen -------------------------------------------------------------------- */

static int grids_open(struct screen *s, wg_err *e)
{
    struct grids *g = s->data;
    if (admin_require(g->app, e) < 0) return -1;
    ui_list_init(&g->list, draw_row, row_label, g);
    load(g);
    return 0;
}

static void grids_resume(struct screen *s)
{
    load(s->data);
}

static void grids_draw(struct screen *s, const struct ui_rect *r)
{
    struct grids *g = s->data;
    const struct division_rec *d = &g->self;
    const char *lv = level_label(d->level), *kd = admin_kind_label(d->kind);
    if (strcmp(lv, kd) == 0)
        ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s (%s)", d->code, d->name, lv);
    else
        ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s (%s, %s)", d->code, d->name, lv, kd);
    ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
             _("%" PRId64 " households, %" PRId64 " residents, %" PRId64 " pending cases"),
             d->households, d->residents, d->pending_cases);
    int c[7];
    columns(g, r->w, c);
    int y = r->y + 2;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Code"),       N_("Name"),      N_("Kind"),
                                        N_("Households"), N_("Residents"), N_("Below")};
    for (int i = 0; i < 6; i++) admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {y + 1, r->x, r->h - 4, r->w};
    ui_list_draw(&g->list, &lr, _("Nothing below this division yet."));
    static const struct admin_hint h[] = {{ACT_ENTER, N_("open")},      {ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("change")},     {ACT_MOVE, N_("move")},
                                          {ACT_HISTORY, N_("history")}, {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-grids", h, 6);
}

static enum action grids_request(struct screen *s, enum action a, ui_key key)
{
    struct grids *g = s->data;
    a = ui_list_request(&g->list, a, key);
    const struct division_rec *cur =
        g->list.cur >= 0 && g->list.cur < g->n ? &g->rows[g->list.cur] : NULL;
    switch (a) {
    case ACT_ENTER:
        if (!cur) return ACT_NONE;
        if (cur->level < DIV_GRID)
            ui_push(admin_grids_screen_at(g->app, cur->code));
        else if (cur->level == DIV_GRID)
            grid_menu(g, cur);
        else
            building_menu(g, cur);
        return ACT_NONE;
    case ACT_ADD:
        open_form(g, NULL);
        return ACT_NONE;
    case ACT_EDIT:
        if (cur) {
            struct division_rec copy = *cur;
            open_form(g, &copy);
        }
        return ACT_NONE;
    case ACT_MOVE:
        if (!cur) return ACT_NONE;
        if (cur->level == DIV_BUILDING) {
            struct division_rec copy = *cur;
            move_building(g, &copy);
        } else if (cur->level == DIV_GRID) {
            ui_push(admin_regrid_screen_new(g->app, cur->code));
        } else {
            ui_error("%s", _("Only buildings, villager groups and households can be moved."));
        }
        return ACT_NONE;
    case ACT_HISTORY:
        history(g);
        return ACT_NONE;
    case ACT_REFRESH:
        load(g);
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
    .name = "adm-grids",
    .title = N_("Grids (administration)"),
    .open = grids_open,
    .draw = grids_draw,
    .request = grids_request,
    .close = grids_close,
    .resume = grids_resume,
};

struct screen *admin_grids_screen_at(struct app *a, const char *code)
{
    struct grids *g = xcalloc(1, sizeof *g);
    g->app = a;
    snprintf(g->code, sizeof g->code, "%s", code ? code : "");
    return screen_new(&grids_ops, g);
}

struct screen *admin_grids_screen_new(struct app *a)
{
    return admin_grids_screen_at(a, NULL);
}
