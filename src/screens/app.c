#include "screens/app.h"

#include <stdio.h>
#include <string.h>

#include "domain/role.h"
#include "screens/admin.h"
#include "screens/grids.h"
#include "screens/help.h"
#include "screens/home.h"
#include "screens/ledger.h"
#include "screens/places.h"
#include "screens/search.h"
#include "screens/settings.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/log.h"

static struct app *running;

struct app *app_get(void)
{
    return running;
}

/* Screens opened by an action from anywhere (home menu, '/', '?').
 * A NULL opener: the screen is not built yet, and the user is told so. */
static struct screen *open_help(struct app *a)
{
    struct screen *top = ui_top();
    return help_screen_new(a, top ? top->ops->name : "generic");
}

static const struct {
    enum action action;
    struct screen *(*open)(struct app *a);
    int admin_only;
} openers[] = {
    {ACT_HELP, open_help, 0},
    {ACT_HOME, NULL, 0},
    {ACT_OPEN_SETTINGS, settings_screen_new, 0},
    {ACT_OPEN_GRIDS, grids_screen_new, 0},
    {ACT_OPEN_LEDGER, ledger_screen_mine, 0},
    {ACT_SEARCH, search_screen_new, 0},
    {ACT_OPEN_PLACES, places_screen_new, 0},
    {ACT_OPEN_CASES, NULL, 0},
    {ACT_OPEN_ADMIN, admin_screen_new, 1},
};

static enum action fallback(void *ctx, struct screen *top, enum action a, ui_key key)
{
    struct app *app = ctx;
    (void)key;
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
        if (openers[i].action != a) continue;
        if (openers[i].admin_only && !role_may_administer(app->me.role)) {
            ui_error("%s", _("Administration is for county administrators only."));
            return ACT_NONE;
        }
        if (!openers[i].open) {
            ui_status(_("%s (not available yet)"), _(action_help(a)));
            return ACT_NONE;
        }
        /* Help on help, settings over settings: nothing new to open. */
        if (a == ACT_HELP && strcmp(top->ops->name, "help") == 0) return ACT_NONE;
        ui_push(openers[i].open(app));
        return ACT_NONE;
    }
    return a;
}

struct kerrs {
    int n;
    char first[300];
};

static void keymap_error(void *ctx, const char *msg)
{
    struct kerrs *k = ctx;
    if (k->n++ == 0) snprintf(k->first, sizeof k->first, "%s", msg);
    fprintf(stderr, "wangge: keymap: %s\n", msg);
}

static struct kerrs kerrs;

int app_use_keymap(struct app *a, const char *name, wg_err *e)
{
    if (!keymap_builtin_exists(name)) return wg_err_set(e, _("There is no keymap '%s'."), name);
    struct keymap *km = keymap_new();
    keymap_load_builtin(km, name, keymap_error, &kerrs);
    if (a->opts->keymap_file) keymap_load_file(km, a->opts->keymap_file, keymap_error, &kerrs);
    struct keymap *old = a->km;
    a->km = km;
    ui_set_keymap(km);
    keymap_free(old);
    snprintf(a->keymap_name, sizeof a->keymap_name, "%s", name);
    return 0;
}

static void set_identity(struct app *a)
{
    char who[128];
    snprintf(who, sizeof who, "%s %s", a->me.display_name[0] ? a->me.display_name : a->me.name,
             _(role_label(a->me.role)));
    ui_set_identity(who);
}

int app_reload_user(struct app *a, wg_err *e)
{
    if (user_get(a->db, a->opts->user, &a->me, e) < 0) return -1;
    set_identity(a);
    return 0;
}

int app_run(const struct app_opts *o)
{
    struct app app;
    memset(&app, 0, sizeof app);
    app.opts = o;
    wg_err e = {{0}};
    i18n_init(o->lang);
    app.db = store_open(o->db, 0, &e);
    if (!app.db) {
        fprintf(stderr, "wangge: %s: %s\n", o->db, e.msg);
        return 1;
    }
    int rc = 1;
    if (store_act_as_user(app.db, o->user, o->session, o->remote, &e) < 0 ||
        user_get(app.db, o->user, &app.me, &e) < 0) {
        fprintf(stderr, "wangge: %s: %s\n", o->user, e.msg);
        goto out;
    }
    if (!o->lang) i18n_set_language(app.me.language);
    running = &app;
    memset(&kerrs, 0, sizeof kerrs);
    if (app_use_keymap(&app, app.me.keymap[0] ? app.me.keymap : "default", &e) < 0) {
        keymap_error(&kerrs, e.msg);
        app_use_keymap(&app, "default", NULL);
    }
    if (ui_init(app.km, &e) < 0) {
        fprintf(stderr, "wangge: %s\n", e.msg);
        goto out;
    }
    ui_set_fallback(fallback, &app);
    ui_watch_flag(o->redraw);
    set_identity(&app);
    if (ui_push(home_screen_new(&app)) == 0) {
        if (kerrs.n == 1)
            ui_error("%s", kerrs.first);
        else if (kerrs.n > 1)
            ui_error(_("%s (and %d more keymap errors)"), kerrs.first, kerrs.n - 1);
        ui_run();
        rc = 0;
    }
    ui_end();
out:
    running = NULL;
    keymap_free(app.km);
    store_close(app.db);
    return rc;
}
