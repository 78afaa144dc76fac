#include "screens/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/role.h"
#include "screens/admin_checklists.h"
#include "screens/admin_depts.h"
#include "screens/admin_grids.h"
#include "screens/admin_kinds.h"
#include "screens/admin_tags.h"
#include "screens/admin_users.h"
#include "screens/audit.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "util/xalloc.h"

struct admin {
    struct app *app;
    struct ui_list list;
};

static const struct {
    const char *label;
    const char *about;
    struct screen *(*open)(struct app *a);
} areas[] = {
    {N_("Users"), N_("accounts, roles, scopes, passwords, keys, locks"), admin_users_screen_new},
    {N_("Grids"), N_("add, rename, kind, staff, re-drawing"), admin_grids_screen_new},
    {N_("Departments"), N_("where cases are dispatched"), admin_depts_screen_new},
    {N_("Tags"), N_("care groups set on residents"), admin_tags_screen_new},
    {N_("Case kinds"), N_("default deadline and department"), admin_kinds_screen_new},
    {N_("Checklist templates"), N_("visit checklists: items, order, wording"),
     admin_checklists_screen_new},
    {N_("Audit log"), N_("who changed what, when and from where"), audit_screen_new},
};
#define NAREAS ((int)(sizeof areas / sizeof *areas))

int admin_require(const struct app *a, wg_err *e)
{
    if (!a || !role_may_administer(a->me.role))
        return wg_err_set(e, "%s", _("Administration is for county administrators only."));
    return 0;
}

void admin_hints(int y, int x, int w, const char *section, const struct admin_hint *h, int n)
{
    char line[512] = "";
    size_t used = 0;
    for (int i = 0; i < n && used < sizeof line - 1; i++) {
        char key[32];
        keymap_first_key(ui_keymap(), section, h[i].action, key, sizeof key);
        if (!key[0]) continue;
        int k = snprintf(line + used, sizeof line - used, "%s%s %s", used ? "  " : "", key,
                         _(h[i].label));
        if (k < 0) break;
        used += (size_t)k;
    }
    ui_text_pad(y, x, w, UI_DIM, line);
}

void admin_header(int y, int x, int w, const char *text)
{
    ui_text(y, x, w, UI_HEADER, text);
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    (void)ctx;
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    ui_textf(y, x + 2, 4, st, "%d", i + 1);
    int lw = ui_text(y, x + 5, 20, st, _(areas[i].label));
    (void)lw;
    ui_text(y, x + 27, w - 28, sel ? UI_SELECTED : UI_DIM, _(areas[i].about));
}

static int admin_open(struct screen *s, wg_err *e)
{
    struct admin *ad = s->data;
    if (admin_require(ad->app, e) < 0) return -1;
    ui_list_init(&ad->list, draw_row, NULL, ad);
    ui_list_set_count(&ad->list, NAREAS);
    return 0;
}

static void admin_draw(struct screen *s, const struct ui_rect *r)
{
    struct admin *ad = s->data;
    ui_text(r->y + 1, r->x + 2, r->w - 4, UI_NORMAL,
            _("Choose an area with its number, or move to it and press Enter."));
    struct ui_rect lr = {r->y + 3, r->x, r->h - 5, r->w};
    ui_list_draw(&ad->list, &lr, NULL);
    static const struct admin_hint h[] = {
        {ACT_ENTER, N_("open")}, {ACT_BACK, N_("back")}, {ACT_HELP, N_("keys")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "admin", h, 3);
}

static void open_area(struct admin *ad, int i)
{
    struct screen *n = areas[i].open(ad->app);
    if (n) ui_push(n);
    ui_dirty();
}

static enum action admin_request(struct screen *s, enum action a, ui_key key)
{
    struct admin *ad = s->data;
    /* Menu numbers, as on the home screen. */
    if (a == ACT_NONE && key >= '1' && key < '1' + NAREAS) {
        ad->list.cur = (int)(key - '1');
        open_area(ad, ad->list.cur);
        return ACT_NONE;
    }
    a = ui_list_request(&ad->list, a, key);
    if (a == ACT_ENTER && ad->list.cur >= 0) {
        open_area(ad, ad->list.cur);
        return ACT_NONE;
    }
    return a;
}

static void admin_close(struct screen *s)
{
    free(s->data);
}

static const struct screen_ops admin_ops = {
    .name = "admin",
    .title = N_("Administration"),
    .open = admin_open,
    .draw = admin_draw,
    .request = admin_request,
    .close = admin_close,
};

struct screen *admin_screen_new(struct app *a)
{
    struct admin *ad = xcalloc(1, sizeof *ad);
    ad->app = a;
    return screen_new(&admin_ops, ad);
}
