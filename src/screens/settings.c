#include "screens/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ui/form.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/xalloc.h"

enum { F_KEYMAP, F_LANG, F_ENC, F_PASS, F_AGAIN };

struct settings {
    struct app *app;
    struct ui_form form;
    struct ui_choice keymaps[16];
    int nkeymaps;
};

static const struct ui_choice languages[] = {
    {"zh_CN", N_("Chinese (中文)")},
    {"en", N_("English")},
};

static const struct ui_choice encodings[] = {
    {"UTF-8", N_("UTF-8")},
    {"GB18030", N_("GB18030 (GBK terminals)")},
};

static int check_again(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    char *a = ui_field_text(ui_form_field(f, F_PASS)), *b = ui_field_text(fld);
    int same = strcmp(a, b) == 0;
    sodium_memzero(a, strlen(a));
    sodium_memzero(b, strlen(b));
    free(a);
    free(b);
    if (!same) return wg_err_set(e, "%s", _("The two passwords differ."));
    return 0;
}

static int check_pass(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    if (fld->te.len > 0 && fld->te.len < 8)
        return wg_err_set(e, "%s", _("At least 8 characters; leave empty to keep the old one."));
    return 0;
}

static int settings_open(struct screen *s, wg_err *e)
{
    struct settings *st = s->data;
    (void)e;
    const char *const *names = keymap_builtin_names();
    for (int i = 0; i < 16 && names[i]; i++) {
        st->keymaps[i].value = names[i];
        st->keymaps[i].label = names[i];
        st->nkeymaps++;
    }
    const struct user_rec *me = &st->app->me;
    ui_form_init(&st->form);
    struct ui_field *f =
        ui_form_choice(&st->form, N_("Keymap"), st->keymaps, st->nkeymaps, st->app->keymap_name);
    f->translate_choices = 0;
    f->required = 1;
    f = ui_form_choice(&st->form, N_("Language"), languages, 2, i18n_language());
    f->required = 1;
    f = ui_form_choice(&st->form, N_("Terminal encoding"), encodings, 2,
                       me->encoding[0] ? me->encoding : "UTF-8");
    f->required = 1;
    f = ui_form_password(&st->form, N_("New password"));
    f->validate = check_pass;
    f = ui_form_password(&st->form, N_("New password again"));
    f->validate = check_again;
    return 0;
}

static void settings_draw(struct screen *s, const struct ui_rect *r)
{
    struct settings *st = s->data;
    char submit[32], cancel[32];
    keymap_first_key(ui_keymap(), "settings", ACT_SUBMIT, submit, sizeof submit);
    keymap_first_key(ui_keymap(), "settings", ACT_BACK, cancel, sizeof cancel);
    struct ui_rect fr = {r->y + 1, r->x, r->h - 4, r->w};
    ui_form_draw(&st->form, s, &fr);
    ui_textf(r->y + r->h - 2, r->x + 2, r->w - 4, UI_DIM,
             _("Enter: choose   %s: save   %s: leave without saving"), submit, cancel);
}

static int save(struct settings *st)
{
    struct app *app = st->app;
    wg_err e = {{0}};
    const char *km = ui_field_value(ui_form_field(&st->form, F_KEYMAP));
    const char *lang = ui_field_value(ui_form_field(&st->form, F_LANG));
    const char *enc = ui_field_value(ui_form_field(&st->form, F_ENC));
    if (user_set_prefs(app->db, app->me.name, km, lang, enc, &e) < 0) {
        ui_error("%s", e.msg);
        return -1;
    }
    struct ui_field *pf = ui_form_field(&st->form, F_PASS);
    if (pf->te.len > 0) {
        char *pw = ui_field_text(pf);
        int r = user_set_password(app->db, app->me.name, pw, &e);
        sodium_memzero(pw, strlen(pw));
        free(pw);
        if (r < 0) {
            ui_field_error(pf, e.msg);
            ui_error("%s", _("The settings were saved, the password was not."));
            return -1;
        }
        textedit_kill_line(&pf->te);
        textedit_kill_line(&ui_form_field(&st->form, F_AGAIN)->te);
    }
    int enc_changed = strcmp(enc, app->me.encoding) != 0;
    if (strcmp(km, app->keymap_name) != 0 && app_use_keymap(app, km, &e) < 0) ui_error("%s", e.msg);
    i18n_set_language(lang);
    app_reload_user(app, &e);
    ui_form_saved(&st->form);
    ui_force_redraw();
    if (enc_changed)
        ui_status("%s", _("Saved. The new terminal encoding applies from your next login."));
    else
        ui_status("%s", _("Saved."));
    return 0;
}

static enum action settings_request(struct screen *s, enum action a, ui_key key)
{
    struct settings *st = s->data;
    a = ui_form_request(&st->form, a, key);
    if (a == ACT_SUBMIT) {
        save(st);
        return ACT_NONE;
    }
    return a;
}

static int settings_can_close(struct screen *s)
{
    struct settings *st = s->data;
    return ui_form_can_close(&st->form);
}

static void settings_close(struct screen *s)
{
    struct settings *st = s->data;
    ui_form_free(&st->form);
    free(st);
}

static const struct screen_ops settings_ops = {
    .name = "settings",
    .title = N_("Settings"),
    .open = settings_open,
    .draw = settings_draw,
    .request = settings_request,
    .can_close = settings_can_close,
    .close = settings_close,
};

struct screen *settings_screen_new(struct app *a)
{
    struct settings *st = xcalloc(1, sizeof *st);
    st->app = a;
    return screen_new(&settings_ops, st);
}
