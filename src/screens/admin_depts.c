#include "screens/admin_depts.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "store/department.h"
#include "ui/i18n.h"

#define DEPTS_MAX 500

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

enum { F_CODE, F_NAME, F_KIND, F_PHONE };
/* department_add's field names, in form order */
static const char *const names[] = {"code", "name", "kind", "phone"};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct admin_list *l = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    int r = 0;
    struct department_rec other;
    if (!admin_form_code_ok(t, "_-"))
        r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits, '_' and '-' only."));
    else if (department_find(l->app->db, t, &other, NULL) == 0)
        r = wg_err_set(e, _("Code %s is already used by %s."), t, other.name);
    free(t);
    return r;
}

static int save_add(void *ctx, struct ui_form *f)
{
    struct admin_list *l = ctx;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    char *phone = ui_field_text(ui_form_field(f, F_PHONE));
    const char *kind = ui_field_value(ui_form_field(f, F_KIND));
    wg_err e = {{0}};
    const char *field = NULL;
    int64_t id = department_add(l->app->db, code, name, kind ? kind : "other",
                                phone[0] ? phone : NULL, &field, &e);
    if (id >= 0) ui_status(_("Department %s added."), name);
    free(code);
    free(name);
    free(phone);
    if (id < 0) return admin_form_fail(f, admin_form_field_index(field, names, 4), e.msg);
    return 0;
}

static void open_add(struct admin_list *l)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add department"), l, save_add, NULL, &f);
    struct ui_field *fld = ui_form_text(f, N_("Code"), NULL, 31);
    fld->required = 1;
    fld->validate = check_code;
    fld->ctx = l;
    fld = ui_form_text(f, N_("Name"), NULL, 40);
    fld->required = 1;
    fld = ui_form_choice(f, N_("Kind"), kinds, NKINDS, "other");
    fld->required = 1;
    fld = ui_form_text(f, N_("Phone"), NULL, 20);
    fld->validate = admin_form_check_phone;
    ui_push(s);
}

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    return department_list(l->app->db, 1, rows, max, e);
}

#define REC struct department_rec

static const struct admin_col cols[] = {
    {N_("Code"), 14, ADMIN_TEXT, offsetof(REC, code)},
    {N_("Name"), 28, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Kind"), 16, ADMIN_CHOICE, offsetof(REC, kind), .choices = kinds, .nchoices = NKINDS},
    {N_("Phone"), 13, ADMIN_TEXT, offsetof(REC, phone)},
    {NULL, 4, ADMIN_FLAG, offsetof(REC, retired), .set = N_("retired")},
};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-depts", N_("Departments")),
    .empty = N_("No departments yet."),
    .size = sizeof(REC),
    .max = DEPTS_MAX,
    .cols = cols,
    .ncols = 5,
    .flex = 1,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, name),
    .audit = "department",
    .edit_hint = N_("rename"),
    .toggle = {.off = offsetof(REC, retired),
               .ask = {N_("Retire %s? No new cases can be dispatched to it; its records stay."),
                       N_("Restore %s? Cases can be dispatched to it again.")},
               .set = department_retire},
    .add = open_add,
    .edit_label = N_("1 Rename"),
    .rename_title = N_("Rename department"),
    .rename_size = sizeof(((REC *)0)->name),
    .rename = department_rename,
    .fetch = fetch,
};

struct screen *admin_depts_screen_new(struct app *a)
{
    return admin_list_new(a, &spec, NULL);
}
