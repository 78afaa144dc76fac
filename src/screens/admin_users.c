#include "screens/admin_users.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/phone.h"
#include "domain/role.h"
#include "screens/admin.h"
#include "screens/admin_divpick.h"
#include "screens/admin_form.h"
#include "screens/audit.h"
#include "store/department.h"
#include "store/user.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define USERS_FIRST 1024
#define USERS_MAX   65536
#define MAX_DEPTS   256
#define MAX_KEYS    32

struct users {
    struct app *app;
    struct user_rec *rows;
    int *keys; /* SSH keys per user */
    int n;
    struct ui_list list;
    /* choices for the forms, loaded when a form first needs them */
    int have_choices;
    struct admin_divpick scopes;
    struct ui_choice roles[ROLE_COUNT];
    struct ui_choice depts[MAX_DEPTS + 1];
    char dept_ids[MAX_DEPTS + 1][24];
    char dept_names[MAX_DEPTS + 1][96];
    int ndepts;
};

/* ---- list --------------------------------------------------------------------- */

static void load(struct users *u)
{
    wg_err e = {{0}};
    int cap = USERS_FIRST, n;
    for (;;) {
        u->rows = xrealloc(u->rows, (size_t)cap * sizeof *u->rows);
        n = user_list(u->app->db, u->rows, cap, &e);
        if (n < cap || cap >= USERS_MAX) break;
        cap *= 4;
    }
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    u->n = n;
    u->keys = xrealloc(u->keys, (size_t)(n > 0 ? n : 1) * sizeof *u->keys);
    for (int i = 0; i < n; i++) {
        int k = user_key_list(u->app->db, u->rows[i].name, NULL, 0, NULL);
        u->keys[i] = k < 0 ? 0 : k;
    }
    ui_list_set_count(&u->list, n);
}

/* "locked", "temporarily locked" or "" */
static const char *lock_state(const struct user_rec *r)
{
    if (r->locked) return _("locked");
    if (r->locked_until[0]) {
        char now[32];
        time_t t = time(NULL);
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
        if (strcmp(r->locked_until, now) > 0) return _("temp lock");
    }
    return "";
}

/* Columns at 80: name, display name, role, scope, department, lock, keys;
 * wider terminals give the extra to the department. */
static void columns(int w, int c[8])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[7] = {12, 7, 16, 15, 12 + extra, 5, 4};
    c[0] = 1;
    for (int i = 0; i < 7; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct users *u = ctx;
    const struct user_rec *r = &u->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    int c[8];
    columns(w, c);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, r->name);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, r->display_name);
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, _(role_label(r->role)));
    ui_text(y, x + c[3], c[4] - c[3] - 1, st, r->scope);
    ui_text(y, x + c[4], c[5] - c[4] - 1, st, r->department);
    ui_text(y, x + c[5], c[6] - c[5] - 1, sel ? st : UI_ERROR, lock_state(r));
    ui_textf(y, x + c[6], c[7] - c[6] - 1, st, "%4d", u->keys[i]);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct users *u = ctx;
    snprintf(buf, size, "%s", u->rows[i].name);
    return buf;
}

/* ---- choices ------------------------------------------------------------------- */

static int load_choices(struct users *u)
{
    if (u->have_choices) return 0;
    wg_err e = {{0}};
    if (admin_divpick_load(&u->scopes, u->app->db, DIV_GRID, 0, &e) < 0) {
        ui_error("%s", e.msg);
        return -1;
    }
    for (int i = 0; i < ROLE_COUNT; i++) {
        u->roles[i].value = role_name((enum role)i);
        u->roles[i].label = role_label((enum role)i);
    }
    struct department_rec *d = xcalloc(MAX_DEPTS, sizeof *d);
    int n = department_list(u->app->db, 0, d, MAX_DEPTS, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    u->depts[0].value = "";
    u->depts[0].label = N_("(none)");
    for (int i = 0; i < n; i++) {
        snprintf(u->dept_ids[i + 1], sizeof u->dept_ids[i + 1], "%lld", (long long)d[i].id);
        snprintf(u->dept_names[i + 1], sizeof u->dept_names[i + 1], "%s", d[i].name);
        u->depts[i + 1].value = u->dept_ids[i + 1];
        u->depts[i + 1].label = u->dept_names[i + 1];
    }
    u->ndepts = n + 1;
    free(d);
    u->have_choices = 1;
    return 0;
}

/* ---- the account form (add and change) ------------------------------------------ */

enum { F_NAME, F_DISPLAY, F_ROLE, F_SCOPE, F_DEPT, F_PHONE, F_PASS, F_AGAIN };

struct uform {
    struct users *u;
    int adding;
};

static int check_name(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    char *t = ui_field_text(fld);
    int bad = 0;
    for (const char *p = t; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
              *p == '-'))
            bad = 1;
    free(t);
    if (bad)
        return wg_err_set(e, "%s", _("Use lower-case letters a-z, digits, '.', '_' and '-' only."));
    return 0;
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

static int check_dept(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    const char *role = ui_field_value(ui_form_field(f, F_ROLE));
    const char *dept = ui_field_value(fld);
    if (role && strcmp(role, role_name(ROLE_HANDLER)) == 0 && (!dept || !dept[0]))
        return wg_err_set(e, "%s", _("A department handler needs a department."));
    return 0;
}

static int check_pass(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    if (fld->te.len < 8) return wg_err_set(e, "%s", _("At least 8 characters."));
    return 0;
}

/* The second entry must equal the field just before it. */
static int check_again(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct ui_field *first = fld - 1;
    (void)f;
    char *a = ui_field_text(first), *b = ui_field_text(fld);
    int same = strcmp(a, b) == 0;
    sodium_memzero(a, strlen(a));
    sodium_memzero(b, strlen(b));
    free(a);
    free(b);
    if (!same) return wg_err_set(e, "%s", _("The two passwords differ."));
    return 0;
}

/* Which field a store message is about, for showing it there. */
static int field_of(const char *msg)
{
    if (strstr(msg, "password")) return F_PASS;
    if (strstr(msg, "user name") || strstr(msg, "already a user")) return F_NAME;
    if (strstr(msg, "department")) return F_DEPT;
    if (strstr(msg, "scope")) return F_SCOPE;
    if (strstr(msg, "phone")) return F_PHONE;
    return -1;
}

static void read_form(struct ui_form *f, struct user_rec *r)
{
    char *t = ui_field_text(ui_form_field(f, F_NAME));
    snprintf(r->name, sizeof r->name, "%s", t);
    free(t);
    t = ui_field_text(ui_form_field(f, F_DISPLAY));
    snprintf(r->display_name, sizeof r->display_name, "%s", t);
    free(t);
    int role = role_parse(ui_field_value(ui_form_field(f, F_ROLE)));
    r->role = role < 0 ? ROLE_WORKER : (enum role)role;
    const char *v = ui_field_value(ui_form_field(f, F_SCOPE));
    snprintf(r->scope, sizeof r->scope, "%s", v ? v : "");
    v = ui_field_value(ui_form_field(f, F_DEPT));
    r->department_id = v && v[0] ? strtoll(v, NULL, 10) : 0;
    t = ui_field_text(ui_form_field(f, F_PHONE));
    char norm[32] = "";
    if (t[0] && phone_parse(t, norm, sizeof norm, NULL) < 0) snprintf(norm, sizeof norm, "%s", t);
    snprintf(r->phone, sizeof r->phone, "%s", norm);
    free(t);
}

static int save_user(void *ctx, struct ui_form *f)
{
    struct uform *uf = ctx;
    struct app *app = uf->u->app;
    struct user_rec r;
    memset(&r, 0, sizeof r);
    read_form(f, &r);
    wg_err e = {{0}};
    int rc;
    if (uf->adding) {
        char *pw = ui_field_text(ui_form_field(f, F_PASS));
        rc = user_add(app->db, &r, pw, &e);
        sodium_memzero(pw, strlen(pw));
        free(pw);
    } else {
        rc = user_update(app->db, &r, &e);
    }
    if (rc < 0) return admin_form_fail(f, field_of(e.msg), e.msg);
    if (strcmp(r.name, app->me.name) == 0) app_reload_user(app, NULL);
    ui_status(uf->adding ? _("User %s added.") : _("User %s saved."), r.name);
    return 0;
}

static void open_form(struct users *u, const struct user_rec *cur)
{
    if (load_choices(u) < 0) return;
    struct uform *uf = xcalloc(1, sizeof *uf);
    uf->u = u;
    uf->adding = cur == NULL;
    struct ui_form *f;
    struct screen *s =
        admin_form_new(cur ? N_("Change user") : N_("Add user"), uf, save_user, free, &f);
    struct ui_field *fld = ui_form_text(f, N_("User name"), cur ? cur->name : NULL, 32);
    fld->required = 1;
    fld->validate = check_name;
    fld->readonly = cur != NULL;
    fld = ui_form_text(f, N_("Display name"), cur ? cur->display_name : NULL, 30);
    fld->required = 1;
    fld = ui_form_choice(f, N_("Role"), u->roles, ROLE_COUNT,
                         cur ? role_name(cur->role) : role_name(ROLE_WORKER));
    fld->required = 1;
    fld = ui_form_choice(f, N_("Scope"), u->scopes.choices, u->scopes.n, cur ? cur->scope : NULL);
    fld->translate_choices = 0;
    fld->required = 1;
    char dept[24] = "";
    if (cur && cur->department_id)
        snprintf(dept, sizeof dept, "%lld", (long long)cur->department_id);
    fld = ui_form_choice(f, N_("Department"), u->depts, u->ndepts, dept);
    fld->validate = check_dept;
    fld = ui_form_text(f, N_("Phone"), cur ? cur->phone : NULL, 20);
    fld->validate = check_phone;
    if (!cur) {
        fld = ui_form_password(f, N_("Initial password"));
        fld->required = 1;
        fld->validate = check_pass;
        fld = ui_form_password(f, N_("Password again"));
        fld->required = 1;
        fld->validate = check_again;
    } else {
        f->cur = F_DISPLAY;
    }
    ui_push(s);
}

/* ---- password and key forms ------------------------------------------------------ */

struct named {
    struct users *u;
    char name[33];
};

static int save_password(void *ctx, struct ui_form *f)
{
    struct named *nm = ctx;
    char *pw = ui_field_text(ui_form_field(f, 0));
    wg_err e = {{0}};
    int rc = user_set_password(nm->u->app->db, nm->name, pw, &e);
    sodium_memzero(pw, strlen(pw));
    free(pw);
    if (rc < 0) return admin_form_fail(f, 0, e.msg);
    ui_status(_("The password of %s was reset."), nm->name);
    return 0;
}

static int save_key(void *ctx, struct ui_form *f)
{
    struct named *nm = ctx;
    char *line = ui_field_text(ui_form_field(f, 0));
    wg_err e = {{0}};
    int rc = user_key_add(nm->u->app->db, nm->name, line, &e);
    free(line);
    if (rc < 0) return admin_form_fail(f, 0, e.msg);
    char keys[MAX_KEYS][256];
    int n = user_key_list(nm->u->app->db, nm->name, keys, MAX_KEYS, NULL);
    if (n > 0 && n <= MAX_KEYS)
        ui_status(_("Key added for %s: %s"), nm->name, keys[n - 1]);
    else
        ui_status(_("Key added for %s."), nm->name);
    return 0;
}

static struct screen *named_form(struct users *u, const struct user_rec *r, const char *title,
                                 admin_form_save_fn save, struct ui_form **f)
{
    struct named *nm = xcalloc(1, sizeof *nm);
    nm->u = u;
    snprintf(nm->name, sizeof nm->name, "%s", r->name);
    struct screen *s = admin_form_new(title, nm, save, free, f);
    char intro[160];
    snprintf(intro, sizeof intro, _("User: %s (%s)"), r->name, r->display_name);
    admin_form_set_intro(s, intro);
    return s;
}

static void open_password(struct users *u, const struct user_rec *r)
{
    struct ui_form *f;
    struct screen *s = named_form(u, r, N_("Reset password"), save_password, &f);
    struct ui_field *fld = ui_form_password(f, N_("New password"));
    fld->required = 1;
    fld->validate = check_pass;
    fld = ui_form_password(f, N_("Password again"));
    fld->required = 1;
    fld->validate = check_again;
    ui_push(s);
}

static void open_key(struct users *u, const struct user_rec *r)
{
    struct ui_form *f;
    struct screen *s = named_form(u, r, N_("Add SSH key"), save_key, &f);
    struct ui_field *fld = ui_form_text(f, N_("Public key"), NULL, 0);
    fld->required = 1;
    ui_push(s);
    ui_status("%s", _("Paste one line of authorized_keys: ssh-ed25519 AAAA... comment"));
}

static void show_keys(struct users *u, const struct user_rec *r)
{
    char keys[MAX_KEYS][256];
    wg_err e = {{0}};
    int n = user_key_list(u->app->db, r->name, keys, MAX_KEYS, &e);
    if (n < 0) {
        ui_error("%s", e.msg);
        return;
    }
    strbuf b;
    strbuf_init(&b);
    strbuf_addf(&b, _("SSH keys of %s (%s): %d"), r->name, r->display_name, n);
    strbuf_adds(&b, "\n\n");
    for (int i = 0; i < n && i < MAX_KEYS; i++) strbuf_addf(&b, "%d. %s\n", i + 1, keys[i]);
    if (n == 0) strbuf_addf(&b, "%s\n", _("No SSH keys: this user logs in with a password."));
    ui_push(audit_text_screen_new(N_("SSH keys"), strbuf_steal(&b)));
    strbuf_free(&b);
}

static void toggle_lock(struct users *u, const struct user_rec *r)
{
    char q[256];
    int lock = !r->locked;
    snprintf(q, sizeof q,
             lock ? _("Lock %s (%s)? The account cannot log in until it is unlocked.")
                  : _("Unlock %s (%s)?"),
             r->name, r->display_name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (user_set_locked(u->app->db, r->name, lock, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    ui_status(lock ? _("%s is locked.") : _("%s is unlocked."), r->name);
    load(u);
}

static void actions(struct users *u, const struct user_rec *r)
{
    const char *labels[] = {
        _("1 Change name, role, scope and department"),
        _("2 Reset password"),
        _("3 Add an SSH key"),
        _("4 Show SSH keys"),
        r->locked ? _("5 Unlock the account") : _("5 Lock the account"),
        _("6 History (audit log)"),
    };
    char title[96];
    snprintf(title, sizeof title, "%s (%s)", r->name, r->display_name);
    int k = ui_pick(title, labels, 6, 0, NULL);
    struct user_rec copy = *r;
    switch (k) {
    case 0:
        open_form(u, &copy);
        break;
    case 1:
        open_password(u, &copy);
        break;
    case 2:
        open_key(u, &copy);
        break;
    case 3:
        show_keys(u, &copy);
        break;
    case 4:
        toggle_lock(u, &copy);
        break;
    case 5:
        ui_push(audit_screen_for(u->app, "user", copy.id));
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen ------------------------------------------------------------------ */

static int users_open(struct screen *s, wg_err *e)
{
    struct users *u = s->data;
    if (admin_require(u->app, e) < 0) return -1;
    ui_list_init(&u->list, draw_row, row_label, u);
    load(u);
    return 0;
}

static void users_resume(struct screen *s)
{
    load(s->data);
}

static void users_draw(struct screen *s, const struct ui_rect *r)
{
    struct users *u = s->data;
    int c[8];
    columns(r->w, c);
    int y = r->y;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("User"),       N_("Name"), N_("Role"), N_("Scope"),
                                        N_("Department"), N_("Lock"), N_("Keys")};
    for (int i = 0; i < 7; i++) admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {y + 1, r->x, r->h - 3, r->w};
    ui_list_draw(&u->list, &lr, _("No users."));
    ui_textf(r->y + r->h - 2, r->x + 2, r->w - 4, UI_DIM, _("Users: %d"), u->n);
    static const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("change")},
                                          {ACT_ENTER, N_("password, key, lock...")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "adm-users", h, 5);
}

static enum action users_request(struct screen *s, enum action a, ui_key key)
{
    struct users *u = s->data;
    a = ui_list_request(&u->list, a, key);
    const struct user_rec *cur =
        u->list.cur >= 0 && u->list.cur < u->n ? &u->rows[u->list.cur] : NULL;
    switch (a) {
    case ACT_ADD:
        open_form(u, NULL);
        return ACT_NONE;
    case ACT_EDIT:
        if (cur) {
            struct user_rec copy = *cur;
            open_form(u, &copy);
        }
        return ACT_NONE;
    case ACT_ENTER:
        if (cur) actions(u, cur);
        return ACT_NONE;
    case ACT_HISTORY:
        if (cur) ui_push(audit_screen_for(u->app, "user", cur->id));
        return ACT_NONE;
    case ACT_REFRESH:
        load(u);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void users_close(struct screen *s)
{
    struct users *u = s->data;
    admin_divpick_free(&u->scopes);
    free(u->rows);
    free(u->keys);
    free(u);
}

static const struct screen_ops users_ops = {
    .name = "adm-users",
    .title = N_("Users"),
    .open = users_open,
    .draw = users_draw,
    .request = users_request,
    .close = users_close,
    .resume = users_resume,
};

struct screen *admin_users_screen_new(struct app *a)
{
    struct users *u = xcalloc(1, sizeof *u);
    u->app = a;
    return screen_new(&users_ops, u);
}
