#include "screens/admin_staff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "screens/admin.h"
#include "screens/admin_form.h"
#include "store/division.h"
#include "store/staff.h"
#include "store/user.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/xalloc.h"

#define STAFF_MAX 200

struct staff {
    struct app *app;
    char grid[19];
    struct division_rec div;
    struct staff_rec rows[STAFF_MAX];
    int n;
    int show_ended;
    struct ui_list list;
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
    for (int i = 0; i < NDUTIES; i++)
        if (strcmp(duties[i].value, duty) == 0) return _(duties[i].label);
    return duty;
}

static void load(struct staff *st)
{
    wg_err e = {{0}};
    if (division_get(st->app->db, st->grid, &st->div, &e) < 0) ui_error("%s", e.msg);
    int n = staff_list(st->app->db, st->grid, st->show_ended, st->rows, STAFF_MAX, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    st->n = n > STAFF_MAX ? STAFF_MAX : n;
    ui_list_set_count(&st->list, st->n);
}

static void columns(int w, int c[7])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[6] = {20, 10 + extra, 12, 10, 10, 10};
    c[0] = 1;
    for (int i = 0; i < 6; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct staff *st = ctx;
    const struct staff_rec *r = &st->rows[i];
    enum ui_style s = sel ? UI_SELECTED : r->until[0] ? UI_DIM : UI_NORMAL;
    int c[7];
    columns(w, c);
    ui_text_pad(y, x, w, s, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, s, duty_label(r->duty));
    ui_text(y, x + c[1], c[2] - c[1] - 1, s, r->name);
    ui_text(y, x + c[2], c[3] - c[2] - 1, s, r->phone);
    ui_text(y, x + c[3], c[4] - c[3] - 1, s, r->user_name);
    ui_text(y, x + c[4], c[5] - c[4] - 1, s, r->since);
    ui_text(y, x + c[5], c[6] - c[5] - 1, s, r->until);
}

/* ---- adding a post ------------------------------------------------------------------ */

enum { F_DUTY, F_NAME, F_PHONE, F_USER, F_SINCE };

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

static int check_user(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct staff *st = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    struct user_rec u;
    int r = user_get(st->app->db, t, &u, NULL);
    if (r < 0) wg_err_set(e, _("There is no user called '%s'; leave it empty for none."), t);
    free(t);
    return r < 0 ? -1 : 0;
}

static int field_of(const char *field)
{
    if (!field) return -1;
    static const char *const names[] = {"duty", "name", "phone", "user", "since"};
    for (int i = 0; i < 5; i++)
        if (strcmp(field, names[i]) == 0) return i;
    return -1;
}

static int save_post(void *ctx, struct ui_form *f)
{
    struct staff *st = ctx;
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
        if (user_get(st->app->db, t, &u, NULL) == 0) r.user_id = u.id;
    }
    free(t);
    t = ui_field_text(ui_form_field(f, F_SINCE));
    snprintf(r.since, sizeof r.since, "%s", t);
    free(t);
    const char *field = NULL;
    wg_err e = {{0}};
    if (staff_add(st->app->db, &r, &field, &e) < 0)
        return admin_form_fail(f, field_of(field), e.msg);
    ui_status(_("%s added as %s."), r.name, duty_label(r.duty));
    return 0;
}

static void open_add(struct staff *st)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Add to the grid team"), st, save_post, NULL, &f);
    char intro[160];
    snprintf(intro, sizeof intro, _("Grid %s %s"), st->div.code, st->div.name);
    admin_form_set_intro(s, intro);
    struct ui_field *fld = ui_form_choice(f, N_("Duty"), duties, NDUTIES, NULL);
    fld->required = 1;
    fld = ui_form_text(f, N_("Name"), NULL, 30);
    fld->required = 1;
    fld = ui_form_text(f, N_("Phone"), NULL, 20);
    fld->validate = check_phone;
    fld = ui_form_text(f, N_("User account"), NULL, 32);
    fld->validate = check_user;
    fld->ctx = st;
    ui_form_date(f, N_("Since"), NULL);
    ui_push(s);
    ui_status("%s", _("Since: empty means today."));
}

static void end_post(struct staff *st, const struct staff_rec *r)
{
    if (r->until[0]) {
        ui_error(_("%s's post ended on %s."), r->name, r->until);
        return;
    }
    char q[256];
    snprintf(q, sizeof q, _("End %s's post as %s today?"), r->name, duty_label(r->duty));
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (staff_end(st->app->db, r->id, "", &e) < 0)
        ui_error("%s", e.msg);
    else
        ui_status(_("%s's post ended."), r->name);
    load(st);
}

/* ---- the screen --------------------------------------------------------------------- */

static int staff_open(struct screen *s, wg_err *e)
{
    struct staff *st = s->data;
    if (admin_require(st->app, e) < 0) return -1;
    ui_list_init(&st->list, draw_row, NULL, st);
    load(st);
    return 0;
}

static void staff_resume(struct screen *s)
{
    load(s->data);
}

static void staff_draw(struct screen *s, const struct ui_rect *r)
{
    struct staff *st = s->data;
    ui_textf(r->y, r->x + 2, r->w - 4, UI_NORMAL, _("Grid %s %s"), st->div.code, st->div.name);
    ui_text(r->y + 1, r->x + 2, r->w - 4, UI_DIM,
            st->show_ended ? _("Serving and former staff (former dimmed)") : _("Serving now"));
    int c[7];
    columns(r->w, c);
    int y = r->y + 2;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Duty"),    N_("Name"),  N_("Phone"),
                                        N_("Account"), N_("Since"), N_("Until")};
    for (int i = 0; i < 6; i++) admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {y + 1, r->x, r->h - 4, r->w};
    ui_list_draw(&st->list, &lr, _("Nobody is on this grid's team yet."));
    static const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                          {ACT_ENTER, N_("end the post")},
                                          {ACT_FILTER, N_("show former staff")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-staff", h, 4);
}

static enum action staff_request(struct screen *s, enum action a, ui_key key)
{
    struct staff *st = s->data;
    a = ui_list_request(&st->list, a, key);
    switch (a) {
    case ACT_ADD:
        open_add(st);
        return ACT_NONE;
    case ACT_ENTER:
        if (st->list.cur >= 0 && st->list.cur < st->n) {
            struct staff_rec copy = st->rows[st->list.cur];
            end_post(st, &copy);
        }
        return ACT_NONE;
    case ACT_FILTER:
        st->show_ended = !st->show_ended;
        load(st);
        ui_dirty();
        return ACT_NONE;
    case ACT_REFRESH:
        load(st);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void staff_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops staff_ops = {
    .name = "adm-staff",
    .title = N_("Grid team"),
    .open = staff_open,
    .draw = staff_draw,
    .request = staff_request,
    .close = staff_close,
    .resume = staff_resume,
};

struct screen *admin_staff_screen_new(struct app *a, const char *grid)
{
    struct staff *st = xcalloc(1, sizeof *st);
    st->app = a;
    snprintf(st->grid, sizeof st->grid, "%s", grid);
    return screen_new(&staff_ops, st);
}
