#include "screens/help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* One row: a heading (key < 0) or an action with its keys. */
struct row {
    enum action action;
    char keys[64];
    const char *heading; /* msgid */
};

struct help {
    char section[16];
    struct row *rows;
    int n;
    struct ui_list list;
};

/* only: list the section's own bindings, not the generic ones. */
static void add_rows(struct help *h, const struct keymap *km, const char *section, int only,
                     const char *heading)
{
    struct keymap_entry ent[256];
    int n = keymap_list(km, section, ent, 256);
    if (n > 256) n = 256;
    h->rows = xrealloc(h->rows, (size_t)(h->n + n + 1) * sizeof *h->rows);
    h->rows[h->n++] = (struct row){ACT_NONE, "", heading};
    /* One row per action, its keys joined, in action_table.h order. */
    for (int a = 1; a < ACT_COUNT; a++) {
        struct row *r = &h->rows[h->n];
        size_t used = 0;
        r->keys[0] = '\0';
        for (int i = 0; i < n; i++) {
            if (ent[i].action != (enum action)a) continue;
            if (only && strcmp(ent[i].section, section) != 0) continue;
            char name[32];
            key_to_name(ent[i].key, name, sizeof name);
            int w = snprintf(r->keys + used, sizeof r->keys - used, "%s%s", used ? ", " : "", name);
            if (w < 0 || (size_t)w >= sizeof r->keys - used) break;
            used += (size_t)w;
        }
        if (!used) continue;
        r->action = (enum action)a;
        r->heading = NULL;
        h->n++;
    }
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct help *h = ctx;
    const struct row *r = &h->rows[i];
    if (r->heading) {
        ui_text_pad(y, x, w, sel ? UI_SELECTED : UI_HEADER, _(r->heading));
        return;
    }
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + 2, 20, st, r->keys);
    ui_text(y, x + 24, w - 24, st, _(action_help(r->action)));
}

static int help_open(struct screen *s, wg_err *e)
{
    struct help *h = s->data;
    (void)e;
    const struct keymap *km = ui_keymap();
    if (strcmp(h->section, "edit") != 0 && strcmp(h->section, "generic") != 0)
        add_rows(h, km, h->section, 0, N_("Keys on this screen"));
    add_rows(h, km, "edit", 1, N_("In text fields (printable keys are typed)"));
    ui_list_init(&h->list, draw_row, NULL, h);
    ui_list_set_count(&h->list, h->n);
    return 0;
}

static void help_draw(struct screen *s, const struct ui_rect *r)
{
    struct help *h = s->data;
    ui_textf(r->y, r->x + 1, r->w - 2, UI_DIM,
             _("Keymap: %s. Keys are set in keymap files, see wangge-keys(5)."),
             app_get() ? app_get()->keymap_name : "default");
    struct ui_rect body = {r->y + 1, r->x, r->h - 1, r->w};
    ui_list_draw(&h->list, &body, NULL);
}

static enum action help_request(struct screen *s, enum action a, ui_key key)
{
    struct help *h = s->data;
    return ui_list_request(&h->list, a, key);
}

static void help_close(struct screen *s)
{
    struct help *h = s->data;
    free(h->rows);
    free(h);
}

static const struct screen_ops help_ops = {
    .name = "help",
    .title = N_("Help"),
    .open = help_open,
    .draw = help_draw,
    .request = help_request,
    .close = help_close,
};

struct screen *help_screen_new(struct app *a, const char *section)
{
    (void)a;
    struct help *h = xcalloc(1, sizeof *h);
    snprintf(h->section, sizeof h->section, "%s", section ? section : "generic");
    return screen_new(&help_ops, h);
}
