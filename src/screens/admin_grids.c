#include "screens/admin_grids.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_divpick.h"
#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "screens/admin_regrid.h"
#include "screens/admin_staff.h"
#include "screens/audit.h"
#include "store/division.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

/* A parent has at most 999 children (three-digit suffixes). */
#define GRIDS_MAX 999

struct grids {
    char code[19]; /* "" until opened: the administrator's root */
    struct division_rec self;
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

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    struct grids *g = l->priv;
    store *db = l->app->db;
    int r = g->code[0] ? division_get(db, g->code, &g->self, e) : division_root(db, &g->self, e);
    if (r < 0) return -1;
    snprintf(g->code, sizeof g->code, "%s", g->self.code);
    if (g->self.level >= DIV_BUILDING) return 0;
    int64_t count = division_children_count(db, g->code, 0, e);
    if (count > max) count = max;
    return count <= 0 ? (int)count : division_children(db, g->code, 0, 0, (int)count, rows, e);
}

/* The code column is as wide as the children's codes (15 for grids, 18 for
 * buildings); the name takes what is left. */
static void widths(const struct admin_list *l, int w, int *wd)
{
    const struct division_rec *first = l->n ? admin_list_row(l, 0) : NULL;
    int cw = first ? (int)strlen(first->code) : 15;
    wd[0] = cw;
    wd[1] = w - 1 - cw - 16 - 10 - 9 - 5 - 6;
    if (wd[1] < 8) wd[1] = 8;
}

static const char *kind_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct division_rec *d = admin_list_row(l, i);
    snprintf(buf, size, "%s%s", admin_kind_label(d->kind),
             d->level == DIV_GRID ? (d->urban ? _(" urban") : _(" rural")) : "");
    return buf;
}

static const char *below_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct division_rec *d = admin_list_row(l, i);
    if (d->level >= DIV_BUILDING) return "";
    snprintf(buf, size, "%5" PRId64, d->children);
    return buf;
}

/* ---- add and edit --------------------------------------------------------------- */

enum { F_CODE, F_NAME, F_KIND, F_URBAN };
/* division_add's field names, in form order */
static const char *const names[] = {"code", "name", "kind", "urban"};

static const struct ui_choice urban_choices[] = {{"1", N_("Urban")}, {"0", N_("Rural")}};

struct dform {
    struct admin_list *l;
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
    const struct grids *g = df->l->priv;
    if (division_check(code, g->self.code, NULL) < 0)
        r = wg_err_set(e, _("The code must be %s followed by 3 digits."), g->self.code);
    else if (division_get(df->l->app->db, code, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), code, other.name);
    free(code);
    return r;
}

static int save_division(void *ctx, struct ui_form *f)
{
    struct dform *df = ctx;
    store *db = df->l->app->db;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    const char *kind = ui_field_value(ui_form_field(f, F_KIND));
    const char *u = ui_field_value(ui_form_field(f, F_URBAN));
    int urban = u && u[0] == '1';
    wg_err e = {{0}};
    int r = 0, field = -1;
    if (df->adding) {
        const char *bad = NULL;
        r = division_add(db, code, kind, urban, name, &bad, &e);
        field = admin_form_field_index(bad, names, 4);
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

static void open_form(struct admin_list *l, const void *rec)
{
    const struct division_rec *cur = rec;
    const struct grids *g = l->priv;
    enum division_level level = cur ? cur->level : g->self.level + 1;
    if (level > DIV_BUILDING || level == DIV_COUNTY) {
        ui_error("%s", _("Nothing can be added below a building or villager group."));
        return;
    }
    struct dform *df = xcalloc(1, sizeof *df);
    df->l = l;
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
    else if (division_next_code(l->app->db, g->self.code, code, &e) < 0)
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

static void open_add(struct admin_list *l)
{
    open_form(l, NULL);
}

static void move_building(struct admin_list *l, const struct division_rec *b)
{
    struct admin_divpick grids = {0};
    wg_err e = {{0}};
    if (admin_divpick_load(&grids, l->app->db, DIV_GRID, 1, &e) < 0) {
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
            if (division_move_building(l->app->db, b->code, grids.codes[k], nc, &e) < 0)
                ui_error("%s", e.msg);
            else
                ui_status(_("%s moved: its new code is %s."), b->name, nc);
            admin_list_load(l);
        }
    }
    admin_divpick_free(&grids);
    ui_dirty();
}

static void retire(struct admin_list *l, const struct division_rec *d)
{
    char q[256];
    snprintf(q, sizeof q, _("Retire %s %s? It stays in the records but is no longer used."),
             d->code, d->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (division_retire(l->app->db, d->code, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(_("%s retired."), d->name);
    admin_list_load(l);
}

static void grid_menu(struct admin_list *l, const struct division_rec *d)
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
        ui_push(admin_grids_screen_at(l->app, copy.code));
        break;
    case 1:
        ui_push(admin_staff_screen_new(l->app, copy.code));
        break;
    case 2:
        ui_push(admin_regrid_screen_new(l->app, copy.code));
        break;
    case 3:
        open_form(l, &copy);
        break;
    case 4:
        retire(l, &copy);
        break;
    default:
        break;
    }
    ui_dirty();
}

static void building_menu(struct admin_list *l, const struct division_rec *d)
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
        ui_push(admin_regrid_screen_new(l->app, copy.code));
        break;
    case 1:
        move_building(l, &copy);
        break;
    case 2:
        open_form(l, &copy);
        break;
    case 3:
        retire(l, &copy);
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen -------------------------------------------------------------------- */

static void enter(struct admin_list *l, const void *rec)
{
    const struct division_rec *cur = rec;
    if (cur->level < DIV_GRID)
        ui_push(admin_grids_screen_at(l->app, cur->code));
    else if (cur->level == DIV_GRID)
        grid_menu(l, cur);
    else
        building_menu(l, cur);
}

static enum action request(struct admin_list *l, const void *rec, enum action a)
{
    const struct division_rec *cur = rec;
    switch (a) {
    case ACT_MOVE:
        if (!cur) return ACT_NONE;
        if (cur->level == DIV_BUILDING)
            move_building(l, cur);
        else if (cur->level == DIV_GRID)
            ui_push(admin_regrid_screen_new(l->app, cur->code));
        else
            ui_error("%s", _("Only buildings, villager groups and households can be moved."));
        return ACT_NONE;
    case ACT_HISTORY:
        /* Division rows are audited with the code in the JSON, not a row id. */
        ui_push(audit_screen_for(l->app, "division", 0));
        return ACT_NONE;
    default:
        return a;
    }
}

static void head(struct admin_list *l, const struct ui_rect *r)
{
    const struct grids *g = l->priv;
    const struct division_rec *d = &g->self;
    const char *lv = level_label(d->level), *kd = admin_kind_label(d->kind);
    if (strcmp(lv, kd) == 0)
        ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s (%s)", d->code, d->name, lv);
    else
        ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, "%s %s (%s, %s)", d->code, d->name, lv, kd);
    ui_textf(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
             _("%" PRId64 " households, %" PRId64 " residents, %" PRId64 " pending cases"),
             d->households, d->residents, d->pending_cases);
}

#define REC struct division_rec

static const struct admin_col cols[] = {
    {N_("Code"), 15, ADMIN_TEXT, offsetof(REC, code)},
    {N_("Name"), 0, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Kind"), 16, ADMIN_CUSTOM, .text = kind_text},
    {N_("Households"), 10, ADMIN_I64, offsetof(REC, households), .pad = 10},
    {N_("Residents"), 9, ADMIN_I64, offsetof(REC, residents), .pad = 9},
    {N_("Below"), 5, ADMIN_CUSTOM, .text = below_text},
};

static const struct admin_hint hints[] = {{ACT_ENTER, N_("open")},      {ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("change")},     {ACT_MOVE, N_("move")},
                                          {ACT_HISTORY, N_("history")}, {ACT_BACK, N_("back")}};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-grids", N_("Grids (administration)")),
    .empty = N_("Nothing below this division yet."),
    .size = sizeof(REC),
    .max = GRIDS_MAX,
    .cols = cols,
    .ncols = 6,
    .flex = -1,
    /* the name, so typing 佛 or a pinyin-less prefix finds it; codes by number */
    .label_col = 1,
    .name_off = offsetof(REC, name),
    .hints = hints,
    .nhints = 6,
    .add = open_add,
    .edit = open_form,
    .enter = enter,
    .fetch = fetch,
    .widths = widths,
    .head_lines = 2,
    .head = head,
    .request = request,
};

struct screen *admin_grids_screen_at(struct app *a, const char *code)
{
    struct grids *g = xcalloc(1, sizeof *g);
    snprintf(g->code, sizeof g->code, "%s", code ? code : "");
    return admin_list_new(a, &spec, g);
}

struct screen *admin_grids_screen_new(struct app *a)
{
    return admin_grids_screen_at(a, NULL);
}
