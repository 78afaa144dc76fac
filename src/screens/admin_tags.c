#include "screens/admin_tags.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin.h"
#include "screens/admin_form.h"
#include "screens/audit.h"
#include "store/tag.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

#define TAGS_MAX 300

struct tags {
    struct app *app;
    struct tag_rec rows[TAGS_MAX];
    int n;
    struct ui_list list;
};

static void load(struct tags *t)
{
    wg_err e = {{0}};
    int n = tag_list(t->app->db, 1, t->rows, TAGS_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    t->n = n > TAGS_MAX ? TAGS_MAX : n;
    ui_list_set_count(&t->list, t->n);
}

static void columns(int w, int c[6])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[5] = {20, 24 + extra, 10, 10, 10};
    c[0] = 1;
    for (int i = 0; i < 5; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct tags *t = ctx;
    const struct tag_rec *r = &t->rows[i];
    enum ui_style st = sel ? UI_SELECTED : r->retired ? UI_DIM : UI_NORMAL;
    int c[6];
    columns(w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, r->code);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, r->name);
    ui_textf(y, x + c[2], c[3] - c[2] - 1, st, "%8" PRId64, r->residents);
    ui_text(y, x + c[3], c[4] - c[3] - 1, st, r->builtin ? _("built in") : "");
    ui_text(y, x + c[4], c[5] - c[4] - 1, st, r->retired ? _("retired") : "");
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct tags *t = ctx;
    snprintf(buf, size, "%s", t->rows[i].code);
    return buf;
}

enum { F_CODE, F_NAME };

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct tags *t = fld->ctx;
    (void)f;
    char *s = ui_field_text(fld);
    int r = 0;
    for (const char *p = s; *p && !r; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    for (int i = 0; i < t->n && !r; i++)
        if (strcmp(t->rows[i].code, s) == 0)
            r = wg_err_set(e, _("Code %s is already used by %s."), s, t->rows[i].name);
    free(s);
    return r;
}

static int save_add(void *ctx, struct ui_form *f)
{
    struct tags *t = ctx;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    wg_err e = {{0}};
    int64_t id = tag_add(t->app->db, code, name, &e);
    if (id >= 0) ui_status(_("Tag %s added."), name);
    free(code);
    free(name);
    if (id < 0) return admin_form_fail(f, strstr(e.msg, "name") ? F_NAME : F_CODE, e.msg);
    return 0;
}

static void open_add(struct tags *t)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add tag"), t, save_add, NULL, &f);
    admin_form_set_intro(s, _("The code is for files and commands (e.g. elderly_alone); "
                              "the name is what people read (e.g. 独居老人)."));
    struct ui_field *fld = ui_form_text(f, N_("Code"), NULL, 31);
    fld->required = 1;
    fld->validate = check_code;
    fld->ctx = t;
    fld = ui_form_text(f, N_("Name"), NULL, 20);
    fld->required = 1;
    ui_push(s);
}

static void rename_tag(struct tags *t, const struct tag_rec *r)
{
    char name[64], label[64];
    snprintf(name, sizeof name, "%s", r->name);
    snprintf(label, sizeof label, "%s:", _("Name"));
    while (ui_prompt(_("Rename tag"), label, name, sizeof name, 0) == 1) {
        wg_err e = {{0}};
        if (tag_rename(t->app->db, r->id, name, &e) == 0) {
            ui_status(_("Renamed to %s."), name);
            load(t);
            break;
        }
        ui_message(_("Not saved"), e.msg);
    }
    ui_dirty();
}

static void retire(struct tags *t, const struct tag_rec *r)
{
    char q[256];
    snprintf(q, sizeof q,
             r->retired
                 ? _("Restore %s? It can be set on residents again.")
                 : _("Retire %s? It stays on residents for history but cannot be newly set."),
             r->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (tag_retire(t->app->db, r->id, !r->retired, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(r->retired ? _("%s restored.") : _("%s retired."), r->name);
    load(t);
}

static void menu(struct tags *t, const struct tag_rec *r)
{
    const char *labels[] = {_("1 Rename"), r->retired ? _("2 Restore") : _("2 Retire"),
                            _("3 History (audit log)")};
    switch (ui_pick(r->name, labels, 3, 0, NULL)) {
    case 0:
        rename_tag(t, r);
        break;
    case 1:
        retire(t, r);
        break;
    case 2:
        ui_push(audit_screen_for(t->app, "tag", r->id));
        break;
    default:
        break;
    }
    ui_dirty();
}

static int tags_open(struct screen *s, wg_err *e)
{
    struct tags *t = s->data;
    if (admin_require(t->app, e) < 0) return -1;
    ui_list_init(&t->list, draw_row, row_label, t);
    load(t);
    return 0;
}

static void tags_resume(struct screen *s)
{
    load(s->data);
}

static void tags_draw(struct screen *s, const struct ui_rect *r)
{
    struct tags *t = s->data;
    int c[6];
    columns(r->w, c);
    ui_text_pad(r->y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Code"), N_("Name"), N_("Residents")};
    for (int i = 0; i < 3; i++) admin_header(r->y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {r->y + 1, r->x, r->h - 2, r->w};
    ui_list_draw(&t->list, &lr, _("No tags yet."));
    static const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("rename")},
                                          {ACT_ENTER, N_("more")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-tags", h, 5);
}

static enum action tags_request(struct screen *s, enum action a, ui_key key)
{
    struct tags *t = s->data;
    a = ui_list_request(&t->list, a, key);
    struct tag_rec cur;
    int have = t->list.cur >= 0 && t->list.cur < t->n;
    if (have) cur = t->rows[t->list.cur];
    switch (a) {
    case ACT_ADD:
        open_add(t);
        return ACT_NONE;
    case ACT_EDIT:
        if (have) rename_tag(t, &cur);
        return ACT_NONE;
    case ACT_ENTER:
        if (have) menu(t, &cur);
        return ACT_NONE;
    case ACT_HISTORY:
        if (have) ui_push(audit_screen_for(t->app, "tag", cur.id));
        return ACT_NONE;
    case ACT_REFRESH:
        load(t);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void tags_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops tags_ops = {
    .name = "adm-tags",
    .title = N_("Tags"),
    .open = tags_open,
    .draw = tags_draw,
    .request = tags_request,
    .close = tags_close,
    .resume = tags_resume,
};

struct screen *admin_tags_screen_new(struct app *a)
{
    struct tags *t = xcalloc(1, sizeof *t);
    t->app = a;
    return screen_new(&tags_ops, t);
}
