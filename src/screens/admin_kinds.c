#include "screens/admin_kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin.h"
#include "screens/admin_form.h"
#include "screens/audit.h"
#include "store/casekind.h"
#include "store/department.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

#define KINDS_MAX 300
#define DEPTS_MAX 256

struct kinds {
    struct app *app;
    struct casekind_rec rows[KINDS_MAX];
    int n;
    struct ui_list list;
    /* department choices for the form */
    struct ui_choice depts[DEPTS_MAX + 1];
    char dept_ids[DEPTS_MAX + 1][24];
    char dept_names[DEPTS_MAX + 1][96];
    int ndepts;
};

static const struct ui_choice categories[] = {
    {"dispute", N_("Dispute")},         {"hazard", N_("Hazard")},
    {"demand", N_("Resident demand")},  {"security", N_("Public security")},
    {"environment", N_("Environment")}, {"petition", N_("Petition")},
};
#define NCATS ((int)(sizeof categories / sizeof *categories))

static const char *category_label(const char *c)
{
    for (int i = 0; i < NCATS; i++)
        if (strcmp(categories[i].value, c) == 0) return _(categories[i].label);
    return c;
}

static void load(struct kinds *k)
{
    wg_err e = {{0}};
    int n = casekind_list(k->app->db, 1, k->rows, KINDS_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    k->n = n > KINDS_MAX ? KINDS_MAX : n;
    ui_list_set_count(&k->list, k->n);
}

static void load_depts(struct kinds *k)
{
    struct department_rec *d = xcalloc(DEPTS_MAX, sizeof *d);
    wg_err e = {{0}};
    int n = department_list(k->app->db, 0, d, DEPTS_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    k->depts[0].value = "";
    k->depts[0].label = N_("(none)");
    for (int i = 0; i < n && i < DEPTS_MAX; i++) {
        snprintf(k->dept_ids[i + 1], sizeof k->dept_ids[i + 1], "%lld", (long long)d[i].id);
        snprintf(k->dept_names[i + 1], sizeof k->dept_names[i + 1], "%s", d[i].name);
        k->depts[i + 1].value = k->dept_ids[i + 1];
        k->depts[i + 1].label = k->dept_names[i + 1];
    }
    k->ndepts = (n < DEPTS_MAX ? n : DEPTS_MAX) + 1;
    free(d);
}

static void columns(int w, int c[7])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[6] = {12, 16, 16, 5, 17 + extra, 7};
    c[0] = 1;
    for (int i = 0; i < 6; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct kinds *k = ctx;
    const struct casekind_rec *r = &k->rows[i];
    enum ui_style st = sel ? UI_SELECTED : r->retired ? UI_DIM : UI_NORMAL;
    int c[7];
    columns(w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, r->code);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, r->name);
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, category_label(r->category));
    ui_textf(y, x + c[3], c[4] - c[3] - 1, st, "%5d", r->default_days);
    ui_text(y, x + c[4], c[5] - c[4] - 1, st, r->department);
    ui_text(y, x + c[5], c[6] - c[5] - 1, st, r->retired ? _("retired") : "");
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct kinds *k = ctx;
    snprintf(buf, size, "%s", k->rows[i].code);
    return buf;
}

/* ---- the form -------------------------------------------------------------------- */

enum { F_CODE, F_NAME, F_CATEGORY, F_DAYS, F_DEPT };

struct kform {
    struct kinds *k;
    int64_t id; /* 0: adding */
};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct kform *kf = fld->ctx;
    (void)f;
    char *s = ui_field_text(fld);
    int r = 0;
    for (const char *p = s; *p && !r; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    struct casekind_rec other;
    if (!r && casekind_find(kf->k->app->db, s, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), s, other.name);
    free(s);
    return r;
}

static int field_of(const char *field)
{
    if (!field) return -1;
    static const char *const names[] = {"code", "name", "category", "default_days",
                                        "default_department_id"};
    for (int i = 0; i < 5; i++)
        if (strcmp(field, names[i]) == 0) return i;
    return -1;
}

static int save_kind(void *ctx, struct ui_form *f)
{
    struct kform *kf = ctx;
    struct casekind_rec r;
    memset(&r, 0, sizeof r);
    r.id = kf->id;
    char *t = ui_field_text(ui_form_field(f, F_CODE));
    snprintf(r.code, sizeof r.code, "%s", t);
    free(t);
    t = ui_field_text(ui_form_field(f, F_NAME));
    snprintf(r.name, sizeof r.name, "%s", t);
    free(t);
    const char *v = ui_field_value(ui_form_field(f, F_CATEGORY));
    snprintf(r.category, sizeof r.category, "%s", v ? v : "");
    t = ui_field_text(ui_form_field(f, F_DAYS));
    r.default_days = atoi(t);
    free(t);
    v = ui_field_value(ui_form_field(f, F_DEPT));
    r.default_department_id = v && v[0] ? strtoll(v, NULL, 10) : 0;
    const char *field = NULL;
    wg_err e = {{0}};
    int64_t rc = kf->id ? casekind_update(kf->k->app->db, &r, &field, &e)
                        : casekind_add(kf->k->app->db, &r, &field, &e);
    if (rc < 0) return admin_form_fail(f, field_of(field), e.msg);
    ui_status(kf->id ? _("Case kind %s saved.") : _("Case kind %s added."), r.name);
    return 0;
}

static void open_form(struct kinds *k, const struct casekind_rec *cur)
{
    load_depts(k);
    struct kform *kf = xcalloc(1, sizeof *kf);
    kf->k = k;
    kf->id = cur ? cur->id : 0;
    struct ui_form *f;
    struct screen *s =
        admin_form_new(cur ? N_("Change case kind") : N_("Add case kind"), kf, save_kind, free, &f);
    struct ui_field *fld = ui_form_text(f, N_("Code"), cur ? cur->code : NULL, 31);
    fld->required = 1;
    fld->readonly = cur != NULL;
    fld->validate = check_code;
    fld->ctx = kf;
    fld = ui_form_text(f, N_("Name"), cur ? cur->name : NULL, 40);
    fld->required = 1;
    fld = ui_form_choice(f, N_("Category"), categories, NCATS, cur ? cur->category : NULL);
    fld->required = 1;
    char days[16];
    snprintf(days, sizeof days, "%d", cur ? cur->default_days : 7);
    fld = ui_form_number(f, N_("Deadline (days)"), days);
    fld->required = 1;
    fld->min = 1;
    fld->max = 365;
    char dept[24] = "";
    if (cur && cur->default_department_id)
        snprintf(dept, sizeof dept, "%lld", (long long)cur->default_department_id);
    ui_form_choice(f, N_("Default department"), k->depts, k->ndepts, dept);
    if (cur) f->cur = F_NAME;
    ui_push(s);
}

static void retire(struct kinds *k, const struct casekind_rec *r)
{
    char q[256];
    snprintf(q, sizeof q,
             r->retired ? _("Restore %s? New cases can be of this kind again.")
                        : _("Retire %s? No new cases of this kind; existing ones stay."),
             r->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (casekind_retire(k->app->db, r->id, !r->retired, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(r->retired ? _("%s restored.") : _("%s retired."), r->name);
    load(k);
}

static void menu(struct kinds *k, const struct casekind_rec *r)
{
    const char *labels[] = {_("1 Change name, category, deadline, department"),
                            r->retired ? _("2 Restore") : _("2 Retire"),
                            _("3 History (audit log)")};
    switch (ui_pick(r->name, labels, 3, 0, NULL)) {
    case 0:
        open_form(k, r);
        break;
    case 1:
        retire(k, r);
        break;
    case 2:
        ui_push(audit_screen_for(k->app, "case_kind", r->id));
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen --------------------------------------------------------------------- */

static int kinds_open(struct screen *s, wg_err *e)
{
    struct kinds *k = s->data;
    if (admin_require(k->app, e) < 0) return -1;
    ui_list_init(&k->list, draw_row, row_label, k);
    load(k);
    return 0;
}

static void kinds_resume(struct screen *s)
{
    load(s->data);
}

static void kinds_draw(struct screen *s, const struct ui_rect *r)
{
    struct kinds *k = s->data;
    int c[7];
    columns(r->w, c);
    ui_text_pad(r->y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Code"), N_("Name"), N_("Category"), N_("Days"),
                                        N_("Department")};
    for (int i = 0; i < 5; i++) admin_header(r->y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {r->y + 1, r->x, r->h - 2, r->w};
    ui_list_draw(&k->list, &lr, _("No case kinds yet."));
    static const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("change")},
                                          {ACT_ENTER, N_("more")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-kinds", h, 5);
}

static enum action kinds_request(struct screen *s, enum action a, ui_key key)
{
    struct kinds *k = s->data;
    a = ui_list_request(&k->list, a, key);
    struct casekind_rec cur;
    int have = k->list.cur >= 0 && k->list.cur < k->n;
    if (have) cur = k->rows[k->list.cur];
    switch (a) {
    case ACT_ADD:
        open_form(k, NULL);
        return ACT_NONE;
    case ACT_EDIT:
        if (have) open_form(k, &cur);
        return ACT_NONE;
    case ACT_ENTER:
        if (have) menu(k, &cur);
        return ACT_NONE;
    case ACT_HISTORY:
        if (have) ui_push(audit_screen_for(k->app, "case_kind", cur.id));
        return ACT_NONE;
    case ACT_REFRESH:
        load(k);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void kinds_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops kinds_ops = {
    .name = "adm-kinds",
    .title = N_("Case kinds"),
    .open = kinds_open,
    .draw = kinds_draw,
    .request = kinds_request,
    .close = kinds_close,
    .resume = kinds_resume,
};

struct screen *admin_kinds_screen_new(struct app *a)
{
    struct kinds *k = xcalloc(1, sizeof *k);
    k->app = a;
    return screen_new(&kinds_ops, k);
}
