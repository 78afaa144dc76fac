#include "screens/admin_list.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/audit.h"
#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

const char *admin_choice_label(const struct ui_choice *c, int n, const char *value)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].value, value) == 0) return _(c[i].label);
    return value;
}

const void *admin_list_row(const struct admin_list *l, int i)
{
    return (const char *)l->rows + (size_t)i * l->spec->size;
}

static const char *rec_text(const void *rec, size_t off)
{
    return (const char *)rec + off;
}

static int rec_int(const void *rec, size_t off)
{
    int v;
    memcpy(&v, (const char *)rec + off, sizeof v);
    return v;
}

static int64_t rec_i64(const void *rec, size_t off)
{
    int64_t v;
    memcpy(&v, (const char *)rec + off, sizeof v);
    return v;
}

/* The table's texts name the record with one %s; they come from a table,
 * so they are filled here rather than used as printf formats. */
static void fill(char *buf, size_t size, const char *fmt, const char *name)
{
    const char *p = strstr(fmt, "%s");
    if (!p)
        snprintf(buf, size, "%s", fmt);
    else
        snprintf(buf, size, "%.*s%s%s", (int)(p - fmt), fmt, name, p + 2);
}

void admin_list_load(struct admin_list *l)
{
    const struct admin_list_spec *sp = l->spec;
    wg_err e = {{0}};
    int cap = sp->first ? sp->first : sp->max, n;
    for (;;) {
        l->rows = xrealloc(l->rows, (size_t)cap * sp->size);
        n = sp->fetch(l, l->rows, cap, &e);
        if (n < cap || cap >= sp->max) break;
        cap = cap * 4 < sp->max ? cap * 4 : sp->max;
    }
    if (n < 0) {
        ui_error("%s", e.msg);
        n = 0;
    }
    l->n = n > cap ? cap : n;
    if (sp->loaded) sp->loaded(l);
    ui_list_set_count(&l->list, l->n);
}

void admin_list_select(struct admin_list *l, int64_t id)
{
    for (int i = 0; i < l->n; i++)
        if (rec_i64(admin_list_row(l, i), l->spec->id_off) == id) l->list.cur = i;
}

void admin_list_columns(const struct admin_list *l, int w, int *c)
{
    const struct admin_list_spec *sp = l->spec;
    int widths[ADMIN_COLS_MAX];
    for (int i = 0; i < sp->ncols; i++) widths[i] = sp->cols[i].width;
    if (sp->widths) {
        sp->widths(l, w, widths);
    } else if (sp->flex >= 0) {
        int extra = w - 80;
        if (extra < 0 && !sp->shrink) extra = 0;
        widths[sp->flex] += extra;
    }
    c[0] = 1;
    for (int i = 0; i < sp->ncols; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static const char *cell_text(const struct admin_list *l, int i, const struct admin_col *col,
                             char *buf, size_t size)
{
    const void *rec = admin_list_row(l, i);
    switch (col->cell) {
    case ADMIN_TEXT:
        return rec_text(rec, col->off);
    case ADMIN_CHOICE:
        return admin_choice_label(col->choices, col->nchoices, rec_text(rec, col->off));
    case ADMIN_INT:
        snprintf(buf, size, "%*d", col->pad, rec_int(rec, col->off));
        return buf;
    case ADMIN_I64:
        snprintf(buf, size, "%*" PRId64, col->pad, rec_i64(rec, col->off));
        return buf;
    case ADMIN_FLAG:
        if (rec_int(rec, col->off)) return _(col->set);
        return col->unset ? _(col->unset) : "";
    case ADMIN_CUSTOM:
        return col->text(l, i, buf, size);
    }
    return "";
}

static enum ui_style row_style(const struct admin_list *l, int i)
{
    const struct admin_list_spec *sp = l->spec;
    const struct admin_toggle *t = &sp->toggle;
    if (sp->style) return sp->style(l, i);
    if (t->set && (rec_int(admin_list_row(l, i), t->off) != 0) == (t->done[0] ? t->dim_if : 1))
        return UI_DIM;
    return UI_NORMAL;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct admin_list *l = ctx;
    const struct admin_list_spec *sp = l->spec;
    enum ui_style st = sel ? UI_SELECTED : row_style(l, i);
    int c[ADMIN_COLS_MAX + 1];
    admin_list_columns(l, w, c);
    ui_text_pad(y, x, w, st, "");
    for (int k = 0; k < sp->ncols; k++) {
        const struct admin_col *col = &sp->cols[k];
        enum ui_style cs = sel || col->tint == ADMIN_ROW ? st
                           : col->tint == ADMIN_ALERT    ? UI_ERROR
                                                         : UI_DIM;
        char buf[256];
        ui_text(y, x + c[k], c[k + 1] - c[k] - 1, cs, cell_text(l, i, col, buf, sizeof buf));
    }
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct admin_list *l = ctx;
    char tmp[256];
    snprintf(buf, size, "%s", cell_text(l, i, &l->spec->cols[l->spec->label_col], tmp, sizeof tmp));
    return buf;
}

/* ---- the common flows ------------------------------------------------------------- */

static void history(struct admin_list *l, const void *rec)
{
    ui_push(audit_screen_for(l->app, l->spec->audit, rec_i64(rec, l->spec->id_off)));
}

static void rename_prompt(struct admin_list *l, const void *rec)
{
    const struct admin_list_spec *sp = l->spec;
    char name[256], label[64];
    size_t size = sp->rename_size < sizeof name ? sp->rename_size : sizeof name;
    snprintf(name, size, "%s", rec_text(rec, sp->name_off));
    snprintf(label, sizeof label, "%s:", _("Name"));
    while (ui_prompt(_(sp->rename_title), label, name, size, 0) == 1) {
        wg_err e = {{0}};
        if (sp->rename(l->app->db, rec_i64(rec, sp->id_off), name, &e) == 0) {
            ui_status(_("Renamed to %s."), name);
            admin_list_load(l);
            break;
        }
        /* the message, then the prompt again with what was typed */
        ui_message(_("Not saved"), e.msg);
    }
    ui_dirty();
}

static void edit(struct admin_list *l, const void *rec)
{
    if (l->spec->edit)
        l->spec->edit(l, rec);
    else
        rename_prompt(l, rec);
}

void admin_list_toggle(struct admin_list *l, const void *rec)
{
    const struct admin_toggle *t = &l->spec->toggle;
    const char *name = rec_text(rec, l->spec->name_off);
    int v = rec_int(rec, t->off) != 0;
    char q[256];
    fill(q, sizeof q, _(t->ask[v]), name);
    if (!ui_confirm(q, 0)) return;
    wg_err e = {{0}};
    if (t->set(l->app->db, rec_i64(rec, l->spec->id_off), !v, &e) < 0) {
        ui_error("%s", e.msg);
    } else if (t->done[v]) {
        fill(q, sizeof q, _(t->done[v]), name);
        ui_status("%s", q);
    } else {
        ui_status(v ? _("%s restored.") : _("%s retired."), name);
    }
    admin_list_load(l);
}

static void menu(struct admin_list *l, const void *rec)
{
    const struct admin_list_spec *sp = l->spec;
    const char *labels[] = {_(sp->edit_label),
                            rec_int(rec, sp->toggle.off) ? _("2 Restore") : _("2 Retire"),
                            _("3 History (audit log)")};
    switch (ui_pick(rec_text(rec, sp->name_off), labels, 3, 0, NULL)) {
    case 0:
        edit(l, rec);
        break;
    case 1:
        admin_list_toggle(l, rec);
        break;
    case 2:
        history(l, rec);
        break;
    default:
        break;
    }
    ui_dirty();
}

/* ---- the screen ------------------------------------------------------------------- */

int admin_list_open(struct screen *s, wg_err *e)
{
    struct admin_list *l = s->data;
    if (admin_require(l->app, e) < 0) return -1;
    if (l->spec->open && l->spec->open(l, e) < 0) return -1;
    ui_list_init(&l->list, draw_row, l->spec->label_col >= 0 ? row_label : NULL, l);
    admin_list_load(l);
    return 0;
}

void admin_list_resume(struct screen *s)
{
    struct admin_list *l = s->data;
    if (!l->spec->keep_rows) admin_list_load(l);
}

void admin_list_draw(struct screen *s, const struct ui_rect *r)
{
    struct admin_list *l = s->data;
    const struct admin_list_spec *sp = l->spec;
    if (sp->head) sp->head(l, r);
    int c[ADMIN_COLS_MAX + 1];
    admin_list_columns(l, r->w, c);
    int y = r->y + sp->head_lines;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    for (int i = 0; i < sp->ncols; i++)
        if (sp->cols[i].head)
            admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(sp->cols[i].head));
    struct ui_rect lr = {y + 1, r->x, r->h - 2 - sp->head_lines - sp->foot_lines, r->w};
    ui_list_draw(&l->list, &lr, _(sp->empty));
    if (sp->foot) sp->foot(l, r);
    if (sp->hints) {
        admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, sp->ops.name, sp->hints, sp->nhints);
    } else {
        const struct admin_hint h[] = {{ACT_ADD, N_("add")},
                                       {ACT_EDIT, sp->edit_hint},
                                       {ACT_ENTER, N_("more")},
                                       {ACT_HISTORY, N_("history")},
                                       {ACT_BACK, N_("back")}};
        admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, sp->ops.name, h, 5);
    }
}

enum action admin_list_request(struct screen *s, enum action a, ui_key key)
{
    struct admin_list *l = s->data;
    const struct admin_list_spec *sp = l->spec;
    if (sp->before && a != ACT_NONE && (a = sp->before(l, a)) == ACT_NONE) return ACT_NONE;
    a = ui_list_request(&l->list, a, key);
    const void *cur = NULL;
    if (l->list.cur >= 0 && l->list.cur < l->n) {
        memcpy(l->cur, admin_list_row(l, l->list.cur), sp->size);
        cur = l->cur;
    }
    if (sp->request && a != ACT_NONE && (a = sp->request(l, cur, a)) == ACT_NONE) return ACT_NONE;
    switch (a) {
    case ACT_ADD:
        if (!sp->add) return a;
        sp->add(l);
        return ACT_NONE;
    case ACT_EDIT:
        if (!sp->edit && !sp->rename) return a;
        if (cur) edit(l, cur);
        return ACT_NONE;
    case ACT_ENTER:
        if (!sp->enter && !sp->toggle.set) return a;
        if (cur && sp->enter)
            sp->enter(l, cur);
        else if (cur)
            menu(l, cur);
        else if (sp->enter_adds)
            sp->add(l);
        return ACT_NONE;
    case ACT_HISTORY:
        if (!sp->audit) return a;
        if (cur) history(l, cur);
        return ACT_NONE;
    case ACT_REFRESH:
        admin_list_load(l);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

void admin_list_close(struct screen *s)
{
    struct admin_list *l = s->data;
    if (l->spec->close && l->priv) l->spec->close(l->priv);
    free(l->priv);
    free(l->rows);
    free(l->cur);
    free(l);
}

struct screen *admin_list_new(struct app *a, const struct admin_list_spec *spec, void *priv)
{
    struct admin_list *l = xcalloc(1, sizeof *l);
    l->app = a;
    l->spec = spec;
    l->priv = priv;
    l->cur = xcalloc(1, spec->size);
    return screen_new(&spec->ops, l);
}
