#include "screens/admin_checklists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin.h"
#include "screens/admin_form.h"
#include "screens/audit.h"
#include "store/checklist.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
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

/* A store message at the form's field (code, name, kind, text), else in
 * the status line. */
static int field_of(const char *field, const char *const *names, int n)
{
    for (int i = 0; field && i < n; i++)
        if (strcmp(field, names[i]) == 0) return i;
    return -1;
}

static char *field_dup(struct ui_form *f, int i)
{
    return ui_field_text(ui_form_field(f, i));
}

/* ---- the items of one template ------------------------------------------------------ */

struct items {
    struct app *app;
    int64_t tpl;
    struct checklist_rec t;
    struct checklist_item_rec rows[ITEMS_MAX];
    int n;
    struct ui_list list;
};

static void items_load(struct items *it)
{
    wg_err e = {{0}};
    if (checklist_get(it->app->db, it->tpl, &it->t, &e) < 0) ui_error("%s", e.msg);
    int n = checklist_items(it->app->db, it->tpl, it->rows, ITEMS_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    it->n = n;
    ui_list_set_count(&it->list, n);
}

static void item_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct items *it = ctx;
    const struct checklist_item_rec *r = &it->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    ui_textf(y, x + 1, 4, st, "%3d", i + 1);
    ui_text(y, x + 6, 8, st, kind_label(r->kind));
    ui_text(y, x + 15, w - 15 - 12, st, r->text);
    if (r->answered) ui_text(y, x + w - 11, 10, sel ? st : UI_DIM, _("answered"));
}

static const char *item_label(void *ctx, int i, char *buf, size_t size)
{
    struct items *it = ctx;
    snprintf(buf, size, "%s", it->rows[i].text);
    return buf;
}

enum { IF_KIND, IF_TEXT };

struct iform {
    struct items *it;
    int64_t id; /* 0: adding */
};

static int save_item(void *ctx, struct ui_form *f)
{
    struct iform *fi = ctx;
    const char *kind = ui_field_value(ui_form_field(f, IF_KIND));
    char *text = field_dup(f, IF_TEXT);
    const char *field = NULL;
    wg_err e = {{0}};
    store *db = fi->it->app->db;
    int64_t rc = fi->id ? checklist_item_update(db, fi->id, kind, text, &field, &e)
                        : checklist_item_add(db, fi->it->tpl, kind, text, &field, &e);
    free(text);
    static const char *const names[] = {"kind", "text"};
    if (rc < 0) return admin_form_fail(f, field_of(field, names, 2), e.msg);
    ui_status("%s", fi->id ? _("Item saved.") : _("Item added at the end."));
    return 0;
}

static void item_form(struct items *it, const struct checklist_item_rec *cur)
{
    struct iform *fi = xcalloc(1, sizeof *fi);
    fi->it = it;
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

static void item_move(struct items *it, const struct checklist_item_rec *r, int delta)
{
    wg_err e = {{0}};
    if (checklist_item_move(it->app->db, r->id, delta, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    items_load(it);
    for (int i = 0; i < it->n; i++)
        if (it->rows[i].id == r->id) it->list.cur = i;
}

static void item_remove(struct items *it, const struct checklist_item_rec *r)
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
    if (checklist_item_remove(it->app->db, r->id, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status("%s", _("Item removed."));
    items_load(it);
}

static void items_menu(struct items *it)
{
    if (it->list.cur < 0 || it->list.cur >= it->n) {
        item_form(it, NULL);
        return;
    }
    struct checklist_item_rec r = it->rows[it->list.cur];
    const char *labels[] = {_("1 Change the text or kind"),
                            _("2 Move up"),
                            _("3 Move down"),
                            _("4 Remove"),
                            _("5 Add an item at the end"),
                            _("6 History (audit log)")};
    switch (ui_pick(r.text, labels, 6, 0, NULL)) {
    case 0:
        item_form(it, &r);
        break;
    case 1:
        item_move(it, &r, -1);
        break;
    case 2:
        item_move(it, &r, 1);
        break;
    case 3:
        item_remove(it, &r);
        break;
    case 4:
        item_form(it, NULL);
        break;
    case 5:
        ui_push(audit_screen_for(it->app, "checklist_item", r.id));
        break;
    default:
        break;
    }
    ui_dirty();
}

static int items_open(struct screen *s, wg_err *e)
{
    struct items *it = s->data;
    if (admin_require(it->app, e) < 0) return -1;
    if (checklist_get(it->app->db, it->tpl, &it->t, e) < 0) return -1;
    ui_list_init(&it->list, item_row, item_label, it);
    items_load(it);
    return 0;
}

static void items_resume(struct screen *s)
{
    items_load(s->data);
}

static void items_draw(struct screen *s, const struct ui_rect *r)
{
    struct items *it = s->data;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_HEADER, "%s (%s)%s", it->t.name, it->t.code,
             it->t.active ? "" : _(", inactive"));
    ui_text_pad(r->y + 1, r->x, r->w, UI_HEADER, "");
    admin_header(r->y + 1, r->x + 1, 4, _("No."));
    admin_header(r->y + 1, r->x + 6, 8, _("Kind"));
    admin_header(r->y + 1, r->x + 15, r->w - 27, _("Text"));
    struct ui_rect lr = {r->y + 2, r->x, r->h - 3, r->w};
    ui_list_draw(&it->list, &lr, _("No items yet: press Enter to add one."));
    static const struct admin_hint h[] = {{ACT_ENTER, N_("change, move, remove, add")},
                                          {ACT_ADD, N_("add")},
                                          {ACT_MOVE, N_("move")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-items", h, 5);
}

static enum action items_request(struct screen *s, enum action a, ui_key key)
{
    struct items *it = s->data;
    a = ui_list_request(&it->list, a, key);
    int have = it->list.cur >= 0 && it->list.cur < it->n;
    struct checklist_item_rec cur;
    if (have) cur = it->rows[it->list.cur];
    switch (a) {
    case ACT_ENTER:
        items_menu(it);
        return ACT_NONE;
    case ACT_ADD:
        item_form(it, NULL);
        return ACT_NONE;
    case ACT_EDIT:
        if (have) item_form(it, &cur);
        return ACT_NONE;
    case ACT_MOVE:
        if (have) {
            const char *labels[] = {_("1 Move up"), _("2 Move down")};
            int p = ui_pick(cur.text, labels, 2, 0, NULL);
            if (p >= 0) item_move(it, &cur, p == 0 ? -1 : 1);
            ui_dirty();
        }
        return ACT_NONE;
    case ACT_HISTORY:
        if (have) ui_push(audit_screen_for(it->app, "checklist_item", cur.id));
        return ACT_NONE;
    case ACT_REFRESH:
        items_load(it);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void items_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops items_ops = {
    .name = "adm-items",
    .title = N_("Checklist items"),
    .open = items_open,
    .draw = items_draw,
    .request = items_request,
    .close = items_close,
    .resume = items_resume,
};

static struct screen *items_screen_new(struct app *a, int64_t tpl)
{
    struct items *it = xcalloc(1, sizeof *it);
    it->app = a;
    it->tpl = tpl;
    return screen_new(&items_ops, it);
}

/* ---- the templates ----------------------------------------------------------------------- */

struct lists {
    struct app *app;
    struct checklist_rec rows[TEMPLATES_MAX];
    int n;
    struct ui_list list;
};

static void lists_load(struct lists *l)
{
    wg_err e = {{0}};
    int n = checklist_list(l->app->db, 1, l->rows, TEMPLATES_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    l->n = n;
    ui_list_set_count(&l->list, n);
}

enum { C_CODE = 1, C_NAME = 30, C_ITEMS = 58, C_STATE = 66 };

static void list_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct lists *l = ctx;
    const struct checklist_rec *r = &l->rows[i];
    enum ui_style st = sel ? UI_SELECTED : r->active ? UI_NORMAL : UI_DIM;
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + C_CODE, C_NAME - C_CODE - 1, st, r->code);
    ui_text(y, x + C_NAME, C_ITEMS - C_NAME - 1, st, r->name);
    ui_textf(y, x + C_ITEMS, C_STATE - C_ITEMS - 1, st, "%5d", r->items);
    ui_text(y, x + C_STATE, w - C_STATE, st, r->active ? _("active") : _("inactive"));
}

static const char *list_label(void *ctx, int i, char *buf, size_t size)
{
    struct lists *l = ctx;
    snprintf(buf, size, "%s", l->rows[i].code);
    return buf;
}

enum { TF_CODE, TF_NAME };

struct tform {
    struct lists *l;
    int64_t id;   /* renaming it; 0: adding */
    int64_t from; /* copying it; 0: a new empty template */
};

static int check_code(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    (void)fld->ctx;
    char *s = ui_field_text(fld);
    int r = 0;
    for (const char *p = s; *p && !r; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            r = wg_err_set(e, "%s", _("Use lower-case letters a-z, digits and '_' only."));
    free(s);
    return r;
}

static int save_template(void *ctx, struct ui_form *f)
{
    struct tform *tf = ctx;
    char *code = field_dup(f, TF_CODE), *name = field_dup(f, TF_NAME);
    const char *field = NULL;
    wg_err e = {{0}};
    store *db = tf->l->app->db;
    int64_t rc = tf->id     ? checklist_rename(db, tf->id, name, &field, &e)
                 : tf->from ? checklist_copy(db, tf->from, code, name, &field, &e)
                            : checklist_add(db, code, name, &field, &e);
    static const char *const names[] = {"code", "name"};
    if (rc >= 0) ui_status(tf->id ? _("Template %s saved.") : _("Template %s added."), name);
    free(code);
    free(name);
    if (rc < 0) return admin_form_fail(f, field_of(field, names, 2), e.msg);
    return 0;
}

static void template_form(struct lists *l, const struct checklist_rec *cur, int copy)
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
    struct ui_field *fld = ui_form_text(f, N_("Code"), tf->id ? cur->code : NULL, 31);
    fld->required = 1;
    fld->readonly = tf->id != 0;
    fld->validate = check_code;
    fld = ui_form_text(f, N_("Template name"), cur ? cur->name : NULL, 30);
    fld->required = 1;
    if (tf->id) f->cur = TF_NAME;
    ui_push(s);
}

static void set_active(struct lists *l, const struct checklist_rec *r)
{
    char q[256];
    snprintf(q, sizeof q,
             r->active ? _("Deactivate %s? New visits cannot use it; past visits keep it.")
                       : _("Activate %s? New visits can use it again."),
             r->name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (checklist_set_active(l->app->db, r->id, !r->active, &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(r->active ? _("%s deactivated.") : _("%s activated."), r->name);
    lists_load(l);
}

static void lists_menu(struct lists *l)
{
    if (l->list.cur < 0 || l->list.cur >= l->n) {
        template_form(l, NULL, 0);
        return;
    }
    struct checklist_rec r = l->rows[l->list.cur];
    const char *labels[] = {_("1 Items"),
                            _("2 Rename"),
                            r.active ? _("3 Deactivate") : _("3 Activate"),
                            _("4 Copy as a new template"),
                            _("5 Add a new template"),
                            _("6 History (audit log)")};
    switch (ui_pick(r.name, labels, 6, 0, NULL)) {
    case 0:
        ui_push(items_screen_new(l->app, r.id));
        break;
    case 1:
        template_form(l, &r, 0);
        break;
    case 2:
        set_active(l, &r);
        break;
    case 3:
        template_form(l, &r, 1);
        break;
    case 4:
        template_form(l, NULL, 0);
        break;
    case 5:
        ui_push(audit_screen_for(l->app, "checklist_template", r.id));
        break;
    default:
        break;
    }
    ui_dirty();
}

static int lists_open(struct screen *s, wg_err *e)
{
    struct lists *l = s->data;
    if (admin_require(l->app, e) < 0) return -1;
    ui_list_init(&l->list, list_row, list_label, l);
    lists_load(l);
    return 0;
}

static void lists_resume(struct screen *s)
{
    lists_load(s->data);
}

static void lists_draw(struct screen *s, const struct ui_rect *r)
{
    struct lists *l = s->data;
    ui_text_pad(r->y, r->x, r->w, UI_HEADER, "");
    admin_header(r->y, r->x + C_CODE, C_NAME - C_CODE - 1, _("Code"));
    admin_header(r->y, r->x + C_NAME, C_ITEMS - C_NAME - 1, _("Template name"));
    admin_header(r->y, r->x + C_ITEMS, C_STATE - C_ITEMS - 1, _("Items"));
    struct ui_rect lr = {r->y + 1, r->x, r->h - 2, r->w};
    ui_list_draw(&l->list, &lr, _("No checklist templates yet."));
    static const struct admin_hint h[] = {{ACT_ENTER, N_("items, rename, copy, add")},
                                          {ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("rename")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-lists", h, 5);
}

static enum action lists_request(struct screen *s, enum action a, ui_key key)
{
    struct lists *l = s->data;
    a = ui_list_request(&l->list, a, key);
    int have = l->list.cur >= 0 && l->list.cur < l->n;
    struct checklist_rec cur;
    if (have) cur = l->rows[l->list.cur];
    switch (a) {
    case ACT_ENTER:
        lists_menu(l);
        return ACT_NONE;
    case ACT_ADD:
        template_form(l, NULL, 0);
        return ACT_NONE;
    case ACT_EDIT:
        if (have) template_form(l, &cur, 0);
        return ACT_NONE;
    case ACT_HISTORY:
        if (have) ui_push(audit_screen_for(l->app, "checklist_template", cur.id));
        return ACT_NONE;
    case ACT_REFRESH:
        lists_load(l);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void lists_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops lists_ops = {
    .name = "adm-lists",
    .title = N_("Checklist templates"),
    .open = lists_open,
    .draw = lists_draw,
    .request = lists_request,
    .close = lists_close,
    .resume = lists_resume,
};

struct screen *admin_checklists_screen_new(struct app *a)
{
    struct lists *l = xcalloc(1, sizeof *l);
    l->app = a;
    return screen_new(&lists_ops, l);
}
