#include "screens/admin_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "util/xalloc.h"

struct admin_form {
    const char *title;
    char intro[256];
    void *ctx;
    admin_form_save_fn save;
    void (*free_ctx)(void *);
    struct ui_form form;
};

/* The first key for action that a text field does not take as typing
 * ("Esc" rather than "q"). */
static void untyped_key(const char *section, enum action a, char *out, size_t size)
{
    char keys[128];
    keymap_keys_for(ui_keymap(), section, a, keys, sizeof keys);
    out[0] = '\0';
    for (char *tok = strtok(keys, ", "); tok; tok = strtok(NULL, ", "))
        if (strlen(tok) > 1) {
            snprintf(out, size, "%s", tok);
            return;
        }
    snprintf(out, size, "%s", "Esc");
}

static void af_draw(struct screen *s, const struct ui_rect *r)
{
    struct admin_form *af = s->data;
    char submit[32], cancel[32];
    keymap_first_key(ui_keymap(), "adm-form", ACT_SUBMIT, submit, sizeof submit);
    untyped_key("adm-form", ACT_BACK, cancel, sizeof cancel);
    int top = r->y + 1;
    if (af->intro[0]) {
        ui_text(top, r->x + 2, r->w - 4, UI_HEADER, af->intro);
        top += 2;
    }
    struct ui_rect fr = {top, r->x, r->y + r->h - 2 - top, r->w};
    ui_form_draw(&af->form, s, &fr);
    ui_textf(r->y + r->h - 1, r->x + 2, r->w - 4, UI_DIM,
             _("Tab/Enter: next field   %s: save   %s: leave without saving"), submit, cancel);
}

static enum action af_request(struct screen *s, enum action a, ui_key key)
{
    struct admin_form *af = s->data;
    a = ui_form_request(&af->form, a, key);
    if (a != ACT_SUBMIT) return a;
    if (af->save(af->ctx, &af->form) < 0) {
        ui_dirty();
        return ACT_NONE;
    }
    ui_form_saved(&af->form);
    return ACT_BACK;
}

static int af_can_close(struct screen *s)
{
    struct admin_form *af = s->data;
    return ui_form_can_close(&af->form);
}

static void af_close(struct screen *s)
{
    struct admin_form *af = s->data;
    ui_form_free(&af->form);
    if (af->free_ctx) af->free_ctx(af->ctx);
    free(af);
}

static const char *af_title(struct screen *s)
{
    struct admin_form *af = s->data;
    return _(af->title);
}

static const struct screen_ops admin_form_ops = {
    .name = "adm-form",
    .title = N_("Administration"),
    .draw = af_draw,
    .request = af_request,
    .can_close = af_can_close,
    .close = af_close,
    .title_of = af_title,
};

struct screen *admin_form_new(const char *title, void *ctx, admin_form_save_fn save,
                              void (*free_ctx)(void *), struct ui_form **form)
{
    struct admin_form *af = xcalloc(1, sizeof *af);
    af->title = title;
    af->ctx = ctx;
    af->save = save;
    af->free_ctx = free_ctx;
    ui_form_init(&af->form);
    *form = &af->form;
    return screen_new(&admin_form_ops, af);
}

void admin_form_set_intro(struct screen *s, const char *text)
{
    struct admin_form *af = s->data;
    snprintf(af->intro, sizeof af->intro, "%s", text);
}

int admin_form_fail(struct ui_form *f, int field, const char *msg)
{
    struct ui_field *fld = ui_form_field(f, field);
    if (fld) {
        ui_field_error(fld, msg);
        f->cur = field;
        ui_error("%s", _("Not saved; see the message under the field."));
    } else {
        ui_error("%s", msg);
    }
    return -1;
}

int admin_form_field_index(const char *field, const char *const *names, int n)
{
    for (int i = 0; field && i < n; i++)
        if (strcmp(field, names[i]) == 0) return i;
    return -1;
}

int admin_form_code_ok(const char *s, const char *punct)
{
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr(punct, *p))) return 0;
    return 1;
}

int admin_form_check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    (void)f;
    char *t = ui_field_text(fld), out[32];
    wg_err pe = {{0}};
    int r = phone_parse(t, out, sizeof out, &pe);
    free(t);
    if (r < 0) return wg_err_set(e, "%s", pe.msg);
    return 0;
}
