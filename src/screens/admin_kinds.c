#include "screens/admin_kinds.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_deptpick.h"
#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "store/casekind.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

#define KINDS_MAX 300

static const struct ui_choice categories[] = {
    {"dispute", N_("Dispute")},         {"hazard", N_("Hazard")},
    {"demand", N_("Resident demand")},  {"security", N_("Public security")},
    {"environment", N_("Environment")}, {"petition", N_("Petition")},
};
#define NCATS ((int)(sizeof categories / sizeof *categories))

/* ---- the form -------------------------------------------------------------------- */

enum { F_CODE, F_NAME, F_CATEGORY, F_DAYS, F_DEPT };

struct kform {
    struct admin_list *l;
    int64_t id; /* 0: adding */
    struct admin_deptpick depts;
};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct kform *kf = fld->ctx;
    (void)f;
    char *s = ui_field_text(fld);
    int r = 0;
    struct casekind_rec other;
    if (!admin_form_code_ok(s, "_"))
        r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    else if (casekind_find(kf->l->app->db, s, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), s, other.name);
    free(s);
    return r;
}

static int save_kind(void *ctx, struct ui_form *f)
{
    static const char *const names[] = {"code", "name", "category", "default_days",
                                        "default_department_id"};
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
    store *db = kf->l->app->db;
    int64_t rc = kf->id ? casekind_update(db, &r, &field, &e) : casekind_add(db, &r, &field, &e);
    if (rc < 0) return admin_form_fail(f, admin_form_field_index(field, names, 5), e.msg);
    ui_status(kf->id ? _("Case kind %s saved.") : _("Case kind %s added."), r.name);
    return 0;
}

static void open_form(struct admin_list *l, const void *rec)
{
    const struct casekind_rec *cur = rec;
    struct kform *kf = xcalloc(1, sizeof *kf);
    admin_deptpick_load(&kf->depts, l->app->db);
    kf->l = l;
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
    ui_form_choice(f, N_("Default department"), kf->depts.choices, kf->depts.n, dept);
    if (cur) f->cur = F_NAME;
    ui_push(s);
}

static void open_add(struct admin_list *l)
{
    open_form(l, NULL);
}

/* ---- the list --------------------------------------------------------------------- */

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    return casekind_list(l->app->db, 1, rows, max, e);
}

#define REC struct casekind_rec

static const struct admin_col cols[] = {
    {N_("Code"), 12, ADMIN_TEXT, offsetof(REC, code)},
    {N_("Name"), 16, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Category"), 16, ADMIN_CHOICE, offsetof(REC, category), .choices = categories,
     .nchoices = NCATS},
    {N_("Days"), 5, ADMIN_INT, offsetof(REC, default_days), .pad = 5},
    {N_("Department"), 17, ADMIN_TEXT, offsetof(REC, department)},
    {NULL, 7, ADMIN_FLAG, offsetof(REC, retired), .set = N_("retired")},
};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-kinds", N_("Case kinds")),
    .empty = N_("No case kinds yet."),
    .size = sizeof(REC),
    .max = KINDS_MAX,
    .cols = cols,
    .ncols = 6,
    .flex = 4,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, name),
    .audit = "case_kind",
    .edit_hint = N_("change"),
    .toggle = {.off = offsetof(REC, retired),
               .ask = {N_("Retire %s? No new cases of this kind; existing ones stay."),
                       N_("Restore %s? New cases can be of this kind again.")},
               .set = casekind_retire},
    .add = open_add,
    .edit = open_form,
    .edit_label = N_("1 Change name, category, deadline, department"),
    .fetch = fetch,
};

struct screen *admin_kinds_screen_new(struct app *a)
{
    return admin_list_new(a, &spec, NULL);
}
