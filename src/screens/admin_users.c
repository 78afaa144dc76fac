#include "screens/admin_users.h"

#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/phone.h"
#include "domain/role.h"
#include "screens/admin_deptpick.h"
#include "screens/admin_divpick.h"
#include "screens/admin_form.h"
#include "screens/admin_list.h"
#include "screens/audit.h"
#include "store/user.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define USERS_FIRST 1024
#define USERS_MAX   65536
#define MAX_KEYS    32

struct users {
    int *keys; /* SSH keys per user */
    /* choices for the forms, loaded when a form first needs them */
    int have_choices;
    struct admin_divpick scopes;
    struct ui_choice roles[ROLE_COUNT];
    struct admin_deptpick depts;
};

/* ---- list --------------------------------------------------------------------- */

static int fetch(struct admin_list *l, void *rows, int max, wg_err *e)
{
    return user_list(l->app->db, rows, max, e);
}

static void count_keys(struct admin_list *l)
{
    struct users *u = l->priv;
    u->keys = xrealloc(u->keys, (size_t)(l->n > 0 ? l->n : 1) * sizeof *u->keys);
    for (int i = 0; i < l->n; i++) {
        const struct user_rec *r = admin_list_row(l, i);
        int k = user_key_list(l->app->db, r->name, NULL, 0, NULL);
        u->keys[i] = k < 0 ? 0 : k;
    }
}

static const char *role_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct user_rec *r = admin_list_row(l, i);
    (void)buf;
    (void)size;
    return _(role_label(r->role));
}

/* "locked", "temporarily locked" or "" */
static const char *lock_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct user_rec *r = admin_list_row(l, i);
    (void)buf;
    (void)size;
    if (r->locked) return _("locked");
    if (r->locked_until[0]) {
        char now[32];
        time_t t = time(NULL);
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
        if (strcmp(r->locked_until, now) > 0) return _("temp lock");
    }
    return "";
}

static const char *keys_text(const struct admin_list *l, int i, char *buf, size_t size)
{
    const struct users *u = l->priv;
    snprintf(buf, size, "%4d", u->keys[i]);
    return buf;
}

/* ---- choices ------------------------------------------------------------------- */

static int load_choices(struct admin_list *l)
{
    struct users *u = l->priv;
    if (u->have_choices) return 0;
    wg_err e = {{0}};
    if (admin_divpick_load(&u->scopes, l->app->db, DIV_GRID, 0, &e) < 0) {
        ui_error("%s", e.msg);
        return -1;
    }
    for (int i = 0; i < ROLE_COUNT; i++) {
        u->roles[i].value = role_name((enum role)i);
        u->roles[i].label = role_label((enum role)i);
    }
    admin_deptpick_load(&u->depts, l->app->db);
    u->have_choices = 1;
    return 0;
}

/* ---- the account form (add and change) ------------------------------------------ */

enum { F_NAME, F_DISPLAY, F_ROLE, F_SCOPE, F_DEPT, F_PHONE, F_PASS, F_AGAIN };
/* user_add's and user_update's field names, in form order */
static const char *const names[] = {"name",          "display_name", "role",    "scope",
                                    "department_id", "phone",        "password"};

struct uform {
    struct admin_list *l;
    int adding;
};

static int check_name(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    char *t = ui_field_text(fld);
    int bad = !admin_form_code_ok(t, "._-");
    free(t);
    if (bad)
        return wg_err_set(e, "%s", _("Use lower-case letters a-z, digits, '.', '_' and '-' only."));
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
    struct app *app = uf->l->app;
    struct user_rec r;
    memset(&r, 0, sizeof r);
    read_form(f, &r);
    wg_err e = {{0}};
    const char *field = NULL;
    int rc;
    if (uf->adding) {
        char *pw = ui_field_text(ui_form_field(f, F_PASS));
        rc = user_add(app->db, &r, pw, &field, &e);
        sodium_memzero(pw, strlen(pw));
        free(pw);
    } else {
        rc = user_update(app->db, &r, &field, &e);
    }
    if (rc < 0) return admin_form_fail(f, admin_form_field_index(field, names, 7), e.msg);
    if (strcmp(r.name, app->me.name) == 0) app_reload_user(app, NULL);
    ui_status(uf->adding ? _("User %s added.") : _("User %s saved."), r.name);
    return 0;
}

static void open_form(struct admin_list *l, const void *rec)
{
    const struct user_rec *cur = rec;
    struct users *u = l->priv;
    if (load_choices(l) < 0) return;
    struct uform *uf = xcalloc(1, sizeof *uf);
    uf->l = l;
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
    fld = ui_form_choice(f, N_("Department"), u->depts.choices, u->depts.n, dept);
    fld->validate = check_dept;
    fld = ui_form_text(f, N_("Phone"), cur ? cur->phone : NULL, 20);
    fld->validate = admin_form_check_phone;
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
    struct admin_list *l;
    char name[33];
};

static int save_password(void *ctx, struct ui_form *f)
{
    struct named *nm = ctx;
    char *pw = ui_field_text(ui_form_field(f, 0));
    wg_err e = {{0}};
    int rc = user_set_password(nm->l->app->db, nm->name, pw, &e);
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
    int rc = user_key_add(nm->l->app->db, nm->name, line, &e);
    free(line);
    if (rc < 0) return admin_form_fail(f, 0, e.msg);
    char keys[MAX_KEYS][256];
    int n = user_key_list(nm->l->app->db, nm->name, keys, MAX_KEYS, NULL);
    if (n > 0 && n <= MAX_KEYS)
        ui_status(_("Key added for %s: %s"), nm->name, keys[n - 1]);
    else
        ui_status(_("Key added for %s."), nm->name);
    return 0;
}

static struct screen *named_form(struct admin_list *l, const struct user_rec *r, const char *title,
                                 admin_form_save_fn save, struct ui_form **f)
{
    struct named *nm = xcalloc(1, sizeof *nm);
    nm->l = l;
    snprintf(nm->name, sizeof nm->name, "%s", r->name);
    struct screen *s = admin_form_new(title, nm, save, free, f);
    char intro[160];
    snprintf(intro, sizeof intro, _("User: %s (%s)"), r->name, r->display_name);
    admin_form_set_intro(s, intro);
    return s;
}

static void open_password(struct admin_list *l, const struct user_rec *r)
{
    struct ui_form *f;
    struct screen *s = named_form(l, r, N_("Reset password"), save_password, &f);
    struct ui_field *fld = ui_form_password(f, N_("New password"));
    fld->required = 1;
    fld->validate = check_pass;
    fld = ui_form_password(f, N_("Password again"));
    fld->required = 1;
    fld->validate = check_again;
    ui_push(s);
}

static void open_key(struct admin_list *l, const struct user_rec *r)
{
    struct ui_form *f;
    struct screen *s = named_form(l, r, N_("Add SSH key"), save_key, &f);
    struct ui_field *fld = ui_form_text(f, N_("Public key"), NULL, 0);
    fld->required = 1;
    ui_push(s);
    ui_status("%s", _("Paste one line of authorized_keys: ssh-ed25519 AAAA... comment"));
}

static void show_keys(struct admin_list *l, const struct user_rec *r)
{
    char keys[MAX_KEYS][256];
    wg_err e = {{0}};
    int n = user_key_list(l->app->db, r->name, keys, MAX_KEYS, &e);
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

static void toggle_lock(struct admin_list *l, const struct user_rec *r)
{
    char q[256];
    int lock = !r->locked;
    snprintf(q, sizeof q,
             lock ? _("Lock %s (%s)? The account cannot log in until it is unlocked.")
                  : _("Unlock %s (%s)?"),
             r->name, r->display_name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (user_set_locked(l->app->db, r->name, lock, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    ui_status(lock ? _("%s is locked.") : _("%s is unlocked."), r->name);
    admin_list_load(l);
}

static void actions(struct admin_list *l, const void *rec)
{
    const struct user_rec *r = rec;
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
        open_form(l, &copy);
        break;
    case 1:
        open_password(l, &copy);
        break;
    case 2:
        open_key(l, &copy);
        break;
    case 3:
        show_keys(l, &copy);
        break;
    case 4:
        toggle_lock(l, &copy);
        break;
    case 5:
        ui_push(audit_screen_for(l->app, "user", copy.id));
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen ------------------------------------------------------------------ */

static void count_line(struct admin_list *l, const struct ui_rect *r)
{
    ui_textf(r->y + r->h - 2, r->x + 2, r->w - 4, UI_DIM, _("Users: %d"), l->n);
}

static void users_free(void *priv)
{
    struct users *u = priv;
    admin_divpick_free(&u->scopes);
    free(u->keys);
}

#define REC struct user_rec

/* At 80 columns: name, display name, role, scope, department, lock, keys;
 * wider terminals give the extra to the department. */
static const struct admin_col cols[] = {
    {N_("User"), 12, ADMIN_TEXT, offsetof(REC, name)},
    {N_("Name"), 7, ADMIN_TEXT, offsetof(REC, display_name)},
    {N_("Role"), 16, ADMIN_CUSTOM, .text = role_text},
    {N_("Scope"), 15, ADMIN_TEXT, offsetof(REC, scope)},
    {N_("Department"), 12, ADMIN_TEXT, offsetof(REC, department)},
    {N_("Lock"), 5, ADMIN_CUSTOM, .text = lock_text, .tint = ADMIN_ALERT},
    {N_("Keys"), 4, ADMIN_CUSTOM, .text = keys_text},
};

static const struct admin_hint hints[] = {{ACT_ADD, N_("add")},
                                          {ACT_EDIT, N_("change")},
                                          {ACT_ENTER, N_("password, key, lock...")},
                                          {ACT_HISTORY, N_("history")},
                                          {ACT_BACK, N_("back")}};

static void open_add(struct admin_list *l)
{
    open_form(l, NULL);
}

static const struct admin_list_spec spec = {
    .ops = ADMIN_LIST_OPS("adm-users", N_("Users")),
    .empty = N_("No users."),
    .size = sizeof(REC),
    .first = USERS_FIRST,
    .max = USERS_MAX,
    .cols = cols,
    .ncols = 7,
    .flex = 4,
    .id_off = offsetof(REC, id),
    .name_off = offsetof(REC, name),
    .audit = "user",
    .hints = hints,
    .nhints = 5,
    .add = open_add,
    .edit = open_form,
    .enter = actions,
    .fetch = fetch,
    .loaded = count_keys,
    .foot_lines = 1,
    .foot = count_line,
    .close = users_free,
};

struct screen *admin_users_screen_new(struct app *a)
{
    return admin_list_new(a, &spec, xcalloc(1, sizeof(struct users)));
}
