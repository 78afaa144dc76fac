#include "screens/admin_checklists.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "screens/audit.h"
#include "store/checklist.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

#define TEMPLATES_MAX 200
#define ITEMS_MAX     200

static const struct ui_choice kinds[] = {
    {"check", N_("Check")},
    {"ask", N_("Question")},
};

static const char *kind_label(const char *k)
{
    return strcmp(k, "ask") == 0 ? _("Question") : _("Check");
}

static char *field_dup(struct ui_form *f, int i)
{
    return ui_field_text(ui_form_field(f, i));
}

/* ---- the items of one template ------------------------------------------------------ */

struct items {
    int64_t tpl;
    struct checklist_rec t;
};

static int items_open(struct admin_list *l, wg_err *e)
{
    struct items *it = l->priv;
    return checklist_get(l->app->db, it->tpl, &it->t, e);
}

static int items_fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    struct items *it = l->priv;
    if (checklist_get(l->app->db, it->tpl, &it->t, e) < 0) ui_error("%s", e->msg);
    return checklist_items(l->app->db, it->tpl, rows, max, e);
}

static const char *number_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    (void)l;
    snprintf(buf, size, "%3d", i + 1);
    return buf;
}

static const char *kind_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct checklist_item_rec *r = admin_list_row(l, i);
    (void)buf;
    (void)size;
    return kind_label(r->kind);
}

enum { IF_KIND, IF_TEXT };

struct iform {
    struct admin_list *l;
    int64_t id; /* 0: adding */
};

static int save_item(void *ctx, struct ui_form *f)
{
    static const char *const names[] = {"kind", "text"};
    struct iform *fi = ctx;
    struct items *it = fi->l->priv;
    const char *kind = ui_field_value(ui_form_field(f, IF_KIND));
    char *text = field_dup(f, IF_TEXT);
    const char *field = NULL;
    wg_err e = {{0}};
    store *db = fi->l->app->db;
    int64_t rc = fi->id ? checklist_item_update(db, fi->id, kind, text, &field, &e)
                        : checklist_item_add(db, it->tpl, kind, text, &field, &e);
    free(text);
    if (rc < 0) return admin_form_fail(f, admin_form_field_index(field, names, 2), e.msg);
    ui_status("%s", fi->id ? _("Item saved.") : _("Item added at the end."));
    return 0;
}

static void item_form(struct admin_list *l, const void *rec)
{
    const struct checklist_item_rec *cur = rec;
    struct items *it = l->priv;
    struct iform *fi = xcalloc(1, sizeof *fi);
    fi->l = l;
    fi->id = cur ? cur->id : 0;
    struct ui_form *f;
    struct screen *s = admin_form_new(cur ? N_("Change checklist item") : N_("Add checklist item"),
                                      fi, save_item, free, &f);
    admin_form_set_intro(s, it->t.name);
    struct ui_field *fld = ui_form_choice(f, N_("Kind"), kinds, 2, cur ? cur->kind : "check");
    fld->required = 1;
    fld = ui_form_text(f, N_("Text"), cur ? cur->text : NULL, 80);
    fld->required = 1;
    f->cur = IF_TEXT;
    ui_push(s);
}

static void item_add(struct admin_list *l)
{
    item_form(l, NULL);
}

static void item_move(struct admin_list *l, const struct checklist_item_rec *r, int delta)
{
    wg_err e = {{0}};
    if (checklist_item_move(l->app->db, r->id, delta, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    admin_list_load(l);
    admin_list_select(l, r->id);
}

static void item_remove(struct admin_list *l, const struct checklist_item_rec *r)
{
    if (r->answered) {
        /* the store refuses too; say what to do instead */
        ui_message(_("This item stays"),
                   _("Visits have answered this item, so it cannot be removed. Deactivate the "
                     "template and copy it to change its items."));
        return;
    }
    char q[400];
    snprintf(q, sizeof q, _("Remove \"%s\"?"), r->text);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (checklist_item_remove(l->app->db, r->id, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status("%s", _("Item removed."));
    admin_list_load(l);
}

static void items_menu(struct admin_list *l, const void *rec)
{
    const struct checklist_item_rec *r = rec;
    const char *labels[] = {_("1 Change the text or kind"),
                            _("2 Move up"),
                            _("3 Move down"),
                            _("4 Remove"),
                            _("5 Add an item at the end"),
                            _("6 History (audit log)")};
    switch (ui_pick(r->text, labels, 6, 0, NULL)) {
    case 0:
        item_form(l, r);
        break;
    case 1:
        item_move(l, r, -1);
        break;
    case 2:
        item_move(l, r, 1);
        break;
    case 3:
        item_remove(l, r);
        break;
    case 4:
        item_form(l, NULL);
        break;
    case 5:
        ui_push(audit_screen_for(l->app, "checklist_item", r->id));
        break;
    default:
        break;
    }
    ui_dirty();
}

static void items_head(struct admin_list *l, const struct ui_rect *r)
{
    const struct items *it = l->priv;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_HEADER, "%s (%s)%s", it->t.name, it->t.code,
             it->t.active ? "" : _(", inactive"));
}

static enum action items_request(struct admin_list *l, const void *rec, enum action a)
{
    const struct checklist_item_rec *cur = rec;
    if (a != ACT_MOVE) return a;
    if (cur) {
        const char *labels[] = {_("1 Move up"), _("2 Move down")};
        int p = ui_pick(cur->text, labels, 2, 0, NULL);
        if (p >= 0) item_move(l, cur, p == 0 ? -1 : 1);
        ui_dirty();
    }
    return ACT_NONE;
}

#define ITEM struct checklist_item_rec

static const struct admin_col item_cols[] = {
    {N_("No."), 4, ADMIN_CUSTOM, .text = number_text},
    {N_("Kind"), 8, ADMIN_CUSTOM, .text = kind_text},
    {N_("Text"), 53, ADMIN_TEXT, offsetof(ITEM, text)},
    {NULL, 10, ADMIN_FLAG, offsetof(ITEM, answered), .set = N_("answered"), .tint = ADMIN_QUIET},
};

static const struct admin_hint item_hints[] = {{ACT_ENTER, N_("change, move, remove, add")},
                                               {ACT_ADD, N_("add")},
                                               {ACT_MOVE, N_("move")},
                                               {ACT_HISTORY, N_("history")},
                                               {ACT_BACK, N_("back")}};

static const struct admin_list_spec items_spec = {
    .ops = ADMIN_LIST_OPS("adm-items", N_("Checklist items")),
    .empty = N_("No items yet: press Enter to add one."),
    .size = sizeof(ITEM),
    .max = ITEMS_MAX,
    .cols = item_cols,
    .ncols = 4,
    .flex = 2,
    .shrink = 1,
    .label_col = 2,
    .id_off = offsetof(ITEM, id),
    .name_off = offsetof(ITEM, text),
    .audit = "checklist_item",
    .hints = item_hints,
    .nhints = 5,
    .add = item_add,
    .edit = item_form,
    .enter = items_menu,
    .enter_adds = 1,
    .fetch = items_fetch,
    .open = items_open,
    .head_lines = 1,
    .head = items_head,
    .request = items_request,
};

static struct screen *items_screen_new(struct app *a, int64_t tpl)
{
    struct items *it = xcalloc(1, sizeof *it);
    it->tpl = tpl;
    return admin_list_new(a, &items_spec, it);
}

/* ---- the templates ----------------------------------------------------------------------- */

static int lists_fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    return checklist_list(l->app->db, 1, rows, max, e);
}

enum { TF_CODE, TF_NAME };

struct tform {
    struct admin_list *l;
    int64_t id;   /* renaming it; 0: adding */
    int64_t from; /* copying it; 0: a new empty template */
};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    char *s = ui_field_text(fld);
    int r = 0;
    if (!admin_form_code_ok(s, "_"))
        r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    free(s);
    return r;
}

static int save_template(void *ctx, struct ui_form *f)
{
    static const char *const names[] = {"code", "name"};
    struct tform *tf = ctx;
    char *code = field_dup(f, TF_CODE), *name = field_dup(f, TF_NAME);
    const char *field = NULL;
    wg_err e = {{0}};
    store *db = tf->l->app->db;
    int64_t rc = tf->id     ? checklist_rename(db, tf->id, name, &field, &e)
                 : tf->from ? checklist_copy(db, tf->from, code, name, &field, &e)
                            : checklist_add(db, code, name, &field, &e);
    if (rc >= 0) ui_status(tf->id ? _("Template %s saved.") : _("Template %s added."), name);
    free(code);
    free(name);
    if (rc < 0) return admin_form_fail(f, admin_form_field_index(field, names, 2), e.msg);
    return 0;
}

static void template_form(struct admin_list *l, const struct checklist_rec *cur, int copy)
{
    struct tform *tf = xcalloc(1, sizeof *tf);
    tf->l = l;
    tf->id = cur && !copy ? cur->id : 0;
    tf->from = cur && copy ? cur->id : 0;
    struct ui_form *f;
    const char *title = tf->id     ? N_("Rename checklist template")
                        : tf->from ? N_("Copy checklist template")
                                   : N_("Add checklist template");
    struct screen *s = admin_form_new(title, tf, save_template, free, &f);
    if (copy) {
        char intro[200];
        snprintf(intro, sizeof intro, _("A new template with the items of %s"), cur->name);
        admin_form_set_intro(s, intro);
    }
    struct ui_field *fld = ui_form_text(f, N_("Code"), tf->id && cur ? cur->code : NULL, 31);
    fld->required = 1;
    fld->readonly = tf->id != 0;
    fld->validate = check_code;
    fld = ui_form_text(f, N_("Template name"), cur ? cur->name : NULL, 30);
    fld->required = 1;
    if (tf->id) f->cur = TF_NAME;
    ui_push(s);
}

static void template_add(struct admin_list *l)
{
    template_form(l, NULL, 0);
}

static void template_rename(struct admin_list *l, const void *rec)
{
    template_form(l, rec, 0);
}

static void lists_menu(struct admin_list *l, const void *rec)
{
    const struct checklist_rec *r = rec;
    const char *labels[] = {_("1 Items"),
                            _("2 Rename"),
                            r->active ? _("3 Deactivate") : _("3 Activate"),
                            _("4 Copy as a new template"),
                            _("5 Add a new template"),
                            _("6 History (audit log)")};
    switch (ui_pick(r->name, labels, 6, 0, NULL)) {
    case 0:
        ui_push(items_screen_new(l->app, r->id));
        break;
    case 1:
        template_form(l, r, 0);
        break;
    case 2:
        admin_list_toggle(l, r);
        break;
    case 3:
        template_form(l, r, 1);
        break;
    case 4:
        template_form(l, NULL, 0);
        break;
    case 5:
        ui_push(audit_screen_for(l->app, "checklist_template", r->id));
        break;
    default:
        break;
    }
    ui_dirty();
}

#define TPL struct checklist_rec

static const struct admin_col list_cols[] = {
    {N_("Code"), 28, ADMIN_TEXT, offsetof(TPL, code)},
    {N_("Template name"), 27, ADMIN_TEXT, offsetof(TPL, name)},
    {N_("Items"), 7, ADMIN_INT, offsetof(TPL, items), .pad = 5},
    {NULL, 14, ADMIN_FLAG, offsetof(TPL, active), .set = N_("active"), .unset = N_("inactive")},
};

static const struct admin_hint list_hints[] = {{ACT_ENTER, N_("items, rename, copy, add")},
                                               {ACT_ADD, N_("add")},
                                               {ACT_EDIT, N_("rename")},
                                               {ACT_HISTORY, N_("history")},
                                               {ACT_BACK, N_("back")}};

static const struct admin_list_spec lists_spec = {
    .ops = ADMIN_LIST_OPS("adm-lists", N_("Checklist templates")),
    .empty = N_("No checklist templates yet."),
    .size = sizeof(TPL),
    .max = TEMPLATES_MAX,
    .cols = list_cols,
    .ncols = 4,
    .flex = 3,
    .shrink = 1,
    .id_off = offsetof(TPL, id),
    .name_off = offsetof(TPL, name),
    .audit = "checklist_template",
    .hints = list_hints,
    .nhints = 5,
    .toggle = {.off = offsetof(TPL, active),
               .dim_if = 0,
               .ask = {N_("Activate %s? New visits can use it again."),
                       N_("Deactivate %s? New visits cannot use it; past visits keep it.")},
               .done = {N_("%s activated."), N_("%s deactivated.")},
               .set = checklist_set_active},
    .add = template_add,
    .edit = template_rename,
    .enter = lists_menu,
    .enter_adds = 1,
    .fetch = lists_fetch,
};

struct screen *admin_checklists_screen_new(struct app *a)
{
    return admin_list_new(a, &lists_spec, NULL);
}
