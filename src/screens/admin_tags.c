#include "screens/admin_tags.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "store/tag.h"
#include "ui/i18n.h"

#define TAGS_MAX 300

enum { F_CODE, F_NAME };
static const char *const names[] = {"code", "name"}; /* tag_add's field names, in form order */

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct admin_list *l = fld->ctx;
    (void)f;
    char *s = ui_field_text(fld);
    int r = 0;
    if (!admin_form_code_ok(s, "_"))
        r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    for (int i = 0; i < l->n && !r; i++) {
        const struct tag_rec *t = admin_list_row(l, i);
        if (strcmp(t->code, s) == 0)
            r = wg_err_set(e, _("Code %s is already used by %s."), s, t->name);
    }
    free(s);
    return r;
}

static int save_add(void *ctx, struct ui_form *f)
{
    struct admin_list *l = ctx;
    char *code = ui_field_text(ui_form_field(f, F_CODE));
    char *name = ui_field_text(ui_form_field(f, F_NAME));
    wg_err e = {{0}};
    const char *field = NULL;
    int64_t id = tag_add(l->app->db, code, name, &field, &e);
    if (id >= 0) ui_status(_("Tag %s added."), name);
    free(code);
    free(name);
    if (id < 0) return admin_form_fail(f, admin_form_field_index(field, names, 2), e.msg);
    return 0;
}

static void open_add(struct admin_list *l)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add tag"), l, save_add, NULL, &f);
    admin_form_set_intro(s, _("The code is for files and commands (e.g. elderly_alone); "
                              "the name is what people read (e.g. 独居老人)."));
    struct ui_field *fld = ui_form_text(f, N_("Code"), NULL, 31);
    fld->required = 1;
    fld->validate = check_code;
    fld->ctx = l;
    fld = ui_form_text(f, N_("Name"), NULL, 20);
    fld->required = 1;
    ui_push(s);
}

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    return tag_list(l->app->db, 1, rows, max, e);
}

#define REC struct tag_rec

static const struct admin_col cols[] = {
    {N_("Code"), 20, ADMIN_TEXT, offsetof(REC, code)},
    {N_("Name"), 24, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Residents"), 10, ADMIN_I64, offsetof(REC, residents), .pad = 8},
    {NULL, 10, ADMIN_FLAG, offsetof(REC, builtin), .set = N_("built in")},
    {NULL, 10, ADMIN_FLAG, offsetof(REC, retired), .set = N_("retired")},
};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-tags", N_("Tags")),
    .empty = N_("No tags yet."),
    .size = sizeof(REC),
    .max = TAGS_MAX,
    .cols = cols,
    .ncols = 5,
    .flex = 1,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, name),
    .audit = "tag",
    .edit_hint = N_("rename"),
    .toggle = {.off = offsetof(REC, retired),
               .ask = {N_("Retire %s? It stays on residents for history but cannot be newly set."),
                       N_("Restore %s? It can be set on residents again.")},
               .set = tag_retire},
    .add = open_add,
    .edit_label = N_("1 Rename"),
    .rename_title = N_("Rename tag"),
    .rename_size = sizeof(((REC *)0)->name),
    .rename = tag_rename,
    .fetch = fetch,
};

struct screen *admin_tags_screen_new(struct app *a)
{
    return admin_list_new(a, &spec, NULL);
}
