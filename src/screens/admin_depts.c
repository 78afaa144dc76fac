#include "screens/admin_depts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "screens/admin.h"
#include "screens/admin_form.h"
#include "screens/audit.h"
#include "store/department.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

#define DEPTS_MAX 500

struct depts {
    struct app *app;
    struct department_rec rows[DEPTS_MAX];
    int n;
    struct ui_list list;
};

static const struct ui_choice kinds[] = {
    {"police", N_("Police")},
    {"judicial", N_("Judicial office")},
    {"civil", N_("Civil affairs")},
    {"housing", N_("Housing")},
    {"urban", N_("Urban management")},
    {"emergency", N_("Emergency management")},
    {"hr", N_("Human resources")},
    {"market", N_("Market supervision")},
    {"health", N_("Health")},
    {"fire", N_("Fire and rescue")},
    {"environment", N_("Environment")},
    {"water", N_("Water")},
    {"power", N_("Power")},
    {"gas", N_("Gas")},
    {"heating", N_("Heating")},
    {"other", N_("Other")},
};
#define NKINDS ((int)(sizeof kinds / sizeof *kinds))

static const char *kind_label(const char *k)
{
    for (int i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i].value, k) == 0) return _(kinds[i].label);
    return k;
}

static void load(struct depts *d)
{
    wg_err e = {{0}};
    int n = department_list(d->app->db, 1, d->rows, DEPTS_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    d->n = n;
    ui_list_set_count(&d->list, n);
}

static void columns(int w, int c[6])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[5] = {14, 28 + extra, 16, 13, 4};
    c[0] = 1;
    for (int i = 0; i < 5; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct depts *d = ctx;
    const struct department_rec *r = &d->rows[i];
    enum ui_style st = sel ? UI_SELECTED : r->retired ? UI_DIM : UI_NORMAL;
    int c[6];
    columns(w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, r->code);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, r->name);
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, kind_label(r->kind));
    ui_text(y, x + c[3], c[4] - c[3] - 1, st, r->phone);
    ui_text(y, x + c[4], c[5] - c[4] - 1, st, r->retired ? _("retired") : "");
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct depts *d = ctx;
    snprintf(buf, size, "%s", d->rows[i].code);
    return buf;
}

enum { F_CODE, F_NAME, F_KIND, F_PHONE };

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct depts *d = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    int r = 0;
    for (const char *p = t; *p && !r; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits, '_' and '-' only."));
    struct department_rec other;
    if (!r && department_find(d->app->db, t, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), t, other.name);
    free(t);
    return r;
}

static int check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    char *t = ui_field_text(fld), out[32];
    wg_err pe = {{0}};
    int r = phone_parse(t, out, sizeof out, &pe);
    free(t);
    if (r < 0) return wg_err_set(e, "%s", pe.msg);
    return 0;
}

static int save_add(void *ctx, struct ui_form *f)
{
    struct depts *d = ctx;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    char *phone = ui_field_text(ui_form_field(f, F_PHONE));
    const char *kind = ui_field_value(ui_form_field(f, F_KIND));
    wg_err e = {{0}};
    int64_t id =
        department_add(d->app->db, code, name, kind ? kind : "other", phone[0] ? phone : NULL, &e);
    if (id >= 0) ui_status(_("Department %s added."), name);
    free(code);
    free(name);
    free(phone);
    if (id < 0)
        return admin_form_fail(f,
                               strstr(e.msg, "phone")  ? F_PHONE
                               : strstr(e.msg, "name") ? F_NAME
                                                       : F_CODE,
                               e.msg);
    return 0;
}

static void open_add(struct depts *d)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add department"), d, save_add, NULL, &f);
    struct ui_field *fld = ui_form_text(f, N_("Code"), NULL, 31);
    fld->required = 1;
    fld->validate = check_code;
    fld->ctx = d;
    fld = ui_form_text(f, N_("Name"), NULL, 40);
    fld->required = 1;
    fld = ui_form_choice(f, N_("Kind"), kinds, NKINDS, "other");
    fld->required = 1;
    fld = ui_form_text(f, N_("Phone"), NULL, 20);
    fld->validate = check_phone;
    ui_push(s);
}

static void rename_dept(struct depts *d, const struct department_rec *r)
{
    char name[96];
    snprintf(name, sizeof name, "%s", r->name);
    char label[64];
    snprintf(label, sizeof label, "%s:", _("Name"));
    while (ui_prompt(_("Rename department"), label, name, sizeof name, 0) == 1) {
        wg_err e = {{0}};
        if (department_rename(d->app->db, r->id, name, &e) == 0) {
            ui_status(_("Renamed to %s."), name);
            load(d);
            break;
        }
        /* the message, then the prompt again with what was typed */
        ui_message(_("Not saved"), e.msg);
    }
    ui_dirty();
}

static void retire(struct depts *d, const struct department_rec *r)
{
    char q[256];
    snprintf(q, sizeof q,
             r->retired ? _("Restore %s? Cases can be dispatched to it again.")
                        : _("Retire %s? No new cases can be dispatched to it; its records stay."),
             r->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (department_retire(d->app->db, r->id, !r->retired, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(r->retired ? _("%s restored.") : _("%s retired."), r->name);
    load(d);
}

static void menu(struct depts *d, const struct department_rec *r)
{
    const char *labels[] = {_("1 Rename"), r->retired ? _("2 Restore") : _("2 Retire"),
                            _("3 History (audit log)")};
    switch (ui_pick(r->name, labels, 3, 0, NULL)) {
    case 0:
        rename_dept(d, r);
        break;
    case 1:
        retire(d, r);
        break;
    case 2:
        ui_push(audit_screen_for(d->app, "department", r->id));
        break;
    default:
        break;
    }
    ui_dirty();
}

static int depts_open(struct screen *s, wg_err *e)
{
    struct depts *d = s->data;
    if (admin_require(d->app, e) < 0) return -1;
    ui_list_init(&d->list, draw_row, row_label, d);
    load(d);
    return 0;
}

static void depts_resume(struct screen *s)
{
    load(s->data);
}

static void depts_draw(struct screen *s, const struct ui_rect *r)
{
    struct depts *d = s->data;
    int c[6];
    columns(r->w, c);
    ui_text_pad(r->y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Code"), N_("Name"), N_("Kind"), N_("Phone"), ""};
    for (int i = 0; i < 4; i++) admin_header(r->y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {r->y + 1, r->x, r->h - 2, r->w};
    ui_list_draw(&d->list, &lr, _("No departments yet."));
    static const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("rename")},
                                          {ACT_ENTER, N_("more")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-depts", h, 5);
}

static enum action depts_request(struct screen *s, enum action a, ui_key key)
{
    struct depts *d = s->data;
    a = ui_list_request(&d->list, a, key);
    struct department_rec cur;
    int have = d->list.cur >= 0 && d->list.cur < d->n;
    if (have) cur = d->rows[d->list.cur];
    switch (a) {
    case ACT_ADD:
        open_add(d);
        return ACT_NONE;
    case ACT_EDIT:
        if (have) rename_dept(d, &cur);
        return ACT_NONE;
    case ACT_ENTER:
        if (have) menu(d, &cur);
        return ACT_NONE;
    case ACT_HISTORY:
        if (have) ui_push(audit_screen_for(d->app, "department", cur.id));
        return ACT_NONE;
    case ACT_REFRESH:
        load(d);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void depts_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops depts_ops = {
    .name = "adm-depts",
    .title = N_("Departments"),
    .open = depts_open,
    .draw = depts_draw,
    .request = depts_request,
    .close = depts_close,
    .resume = depts_resume,
};

struct screen *admin_depts_screen_new(struct app *a)
{
    struct depts *d = xcalloc(1, sizeof *d);
    d->app = a;
    return screen_new(&depts_ops, d);
}
