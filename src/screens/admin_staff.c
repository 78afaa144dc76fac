#include "screens/admin_staff.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "store/division.h"
#include "store/staff.h"
#include "store/user.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

#define STAFF_MAX 200

struct staff {
    char grid[19];
    struct division_rec div;
    int show_ended;
};

static const struct ui_choice duties[] = {
    {"leader", N_("Grid leader")},
    {"instructor", N_("Grid instructor")},
    {"fulltime", N_("Full-time grid worker")},
    {"parttime", N_("Part-time grid worker")},
    {"police", N_("Community police officer")},
    {"mediator", N_("Mediator")},
    {"lawyer", N_("Lawyer")},
    {"legal_deputy", N_("Rule-of-law deputy secretary")},
};
#define NDUTIES ((int)(sizeof duties / sizeof *duties))

static const char *duty_label(const char *duty)
{
    return admin_choice_label(duties, NDUTIES, duty);
}

/* ---- adding a post ------------------------------------------------------------------ */

enum { F_DUTY, F_NAME, F_PHONE, F_USER, F_SINCE };

static int check_user(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct admin_list *l = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    struct user_rec u;
    int r = user_get(l->app->db, t, &u, NULL);
    if (r < 0) wg_err_set(e, _("There is no user called '%s'; leave it empty for none."), t);
    free(t);
    return r < 0 ? -1 : 0;
}

static int save_post(void *ctx, struct ui_form *f)
{
    static const char *const names[] = {"duty", "name", "phone", "user", "since"};
    struct admin_list *l = ctx;
    struct staff *st = l->priv;
    struct staff_rec r;
    memset(&r, 0, sizeof r);
    snprintf(r.grid_code, sizeof r.grid_code, "%s", st->grid);
    const char *duty = ui_field_value(ui_form_field(f, F_DUTY));
    snprintf(r.duty, sizeof r.duty, "%s", duty ? duty : "");
    char *t = ui_field_text(ui_form_field(f, F_NAME));
    snprintf(r.name, sizeof r.name, "%s", t);
    free(t);
    t = ui_field_text(ui_form_field(f, F_PHONE));
    snprintf(r.phone, sizeof r.phone, "%s", t);
    free(t);
    t = ui_field_text(ui_form_field(f, F_USER));
    if (t[0]) {
        struct user_rec u;
        if (user_get(l->app->db, t, &u, NULL) == 0) r.user_id = u.id;
    }
    free(t);
    t = ui_field_text(ui_form_field(f, F_SINCE));
    snprintf(r.since, sizeof r.since, "%s", t);
    free(t);
    const char *field = NULL;
    wg_err e = {{0}};
    if (staff_add(l->app->db, &r, &field, &e) < 0)
        return admin_form_fail(f, admin_form_field_index(field, names, 5), e.msg);
    ui_status(_("%s added as %s."), r.name, duty_label(r.duty));
    return 0;
}

static void open_add(struct admin_list *l)
{
    struct staff *st = l->priv;
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add to the grid team"), l, save_post, NULL, &f);
    char intro[160];
    snprintf(intro, sizeof intro, _("Grid %s %s"), st->div.code, st->div.name);
    admin_form_set_intro(s, intro);
    struct ui_field *fld = ui_form_choice(f, N_("Duty"), duties, NDUTIES, NULL);
    fld->required = 1;
    fld = ui_form_text(f, N_("Name"), NULL, 30);
    fld->required = 1;
    fld = ui_form_text(f, N_("Phone"), NULL, 20);
    fld->validate = admin_form_check_phone;
    fld = ui_form_text(f, N_("User account"), NULL, 32);
    fld->validate = check_user;
    fld->ctx = l;
    ui_form_date(f, N_("Since"), NULL);
    ui_push(s);
    ui_status("%s", _("Since: empty means today."));
}

static void end_post(struct admin_list *l, const void *rec)
{
    const struct staff_rec *r = rec;
    if (r->until[0]) {
        ui_error(_("%s's post ended on %s."), r->name, r->until);
        return;
    }
    char q[256];
    snprintf(q, sizeof q, _("End %s's post as %s today?"), r->name, duty_label(r->duty));
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (staff_end(l->app->db, r->id, "", &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(_("%s's post ended."), r->name);
    admin_list_load(l);
}

/* ---- the screen --------------------------------------------------------------------- */

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    struct staff *st = l->priv;
    if (division_get(l->app->db, st->grid, &st->div, e) < 0) ui_error("%s", e->msg);
    return staff_list(l->app->db, st->grid, st->show_ended, rows, max, e);
}

static enum ui_style style(const struct admin_list *l, int i)
{
    const struct staff_rec *r = admin_list_row(l, i);
    return r->until[0] ? UI_DIM : UI_NORMAL;
}

static void head(struct admin_list *l, const struct ui_rect *r)
{
    struct staff *st = l->priv;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, _("Grid %s %s"), st->div.code, st->div.name);
    ui_text(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
            st->show_ended ? _("Serving and former staff (former dimmed)") : _("Serving now"));
}

static enum action request(struct admin_list *l, const void *cur, enum action a)
{
    struct staff *st = l->priv;
    (void)cur;
    if (a != ACT_FILTER) return a;
    st->show_ended = !st->show_ended;
    admin_list_load(l);
    ui_dirty();
    return ACT_NONE;
}

#define REC struct staff_rec

static const struct admin_col cols[] = {
    {N_("Duty"), 20, ADMIN_CHOICE, offsetof(REC, duty), .choices = duties, .nchoices = NDUTIES},
    {N_("Name"), 10, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Phone"), 12, ADMIN_TEXT, offsetof(REC, phone)},
    {N_("Account"), 10, ADMIN_TEXT, offsetof(REC, user_name)},
    {N_("Since"), 10, ADMIN_TEXT, offsetof(REC, since)},
    {N_("Until"), 10, ADMIN_TEXT, offsetof(REC, until)},
};

static const struct admin_hint hints[] = {{ACT_ADD, N_("add")},
                                          {ACT_ENTER, N_("end the post")},
                                          {ACT_FILTER, N_("show former staff")},
                                          {ACT_BACK, N_("back")}};

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-staff", N_("Grid team")),
    .empty = N_("Nobody is on this grid's team yet."),
    .size = sizeof(REC),
    .max = STAFF_MAX,
    .cols = cols,
    .ncols = 6,
    .flex = 1,
    .label_col = -1,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, name),
    .hints = hints,
    .nhints = 4,
    .add = open_add,
    .enter = end_post,
    .fetch = fetch,
    .style = style,
    .head_lines = 2,
    .head = head,
    .request = request,
};

struct screen *admin_staff_screen_new(struct app *a, const char *grid)
{
    struct staff *st = xcalloc(1, sizeof *st);
    snprintf(st->grid, sizeof st->grid, "%s", grid);
    return admin_list_new(a, &spec, st);
}
