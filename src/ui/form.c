#include "ui/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/dialog.h"
#include "ui/i18n.h"
#include "ui/screen.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void ui_form_init(struct ui_form *f)
{
    memset(f, 0, sizeof *f);
}

void ui_form_free(struct ui_form *f)
{
    for (int i = 0; i < f->n; i++) {
        struct ui_field *fld = &f->fields[i];
        if (fld->kind == UI_FIELD_PASSWORD && fld->te.cp)
            explicit_bzero(fld->te.cp, fld->te.cap * sizeof *fld->te.cp);
        textedit_free(&fld->te);
        free(fld->selected);
    }
    free(f->fields);
    memset(f, 0, sizeof *f);
}

static struct ui_field *add(struct ui_form *f, enum ui_field_kind kind, const char *label)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->fields = xrealloc(f->fields, (size_t)f->cap * sizeof *f->fields);
    }
    struct ui_field *fld = &f->fields[f->n++];
    memset(fld, 0, sizeof *fld);
    fld->kind = kind;
    fld->label = label;
    fld->choice = -1;
    textedit_init(&fld->te, 0);
    return fld;
}

struct ui_field *ui_form_text(struct ui_form *f, const char *label, const char *value, size_t max)
{
    struct ui_field *fld = add(f, UI_FIELD_TEXT, label);
    fld->te.max = max;
    textedit_set(&fld->te, value);
    return fld;
}

struct ui_field *ui_form_number(struct ui_form *f, const char *label, const char *value)
{
    struct ui_field *fld = add(f, UI_FIELD_NUMBER, label);
    fld->te.max = 18;
    textedit_set(&fld->te, value);
    return fld;
}

struct ui_field *ui_form_date(struct ui_form *f, const char *label, const char *value)
{
    struct ui_field *fld = add(f, UI_FIELD_DATE, label);
    fld->te.max = 10;
    textedit_set(&fld->te, value);
    return fld;
}

struct ui_field *ui_form_password(struct ui_form *f, const char *label)
{
    struct ui_field *fld = add(f, UI_FIELD_PASSWORD, label);
    fld->te.max = 128;
    return fld;
}

struct ui_field *ui_form_choice(struct ui_form *f, const char *label, const struct ui_choice *c,
                                int n, const char *value)
{
    struct ui_field *fld = add(f, UI_FIELD_CHOICE, label);
    fld->choices = c;
    fld->nchoices = n;
    fld->translate_choices = 1;
    for (int i = 0; value && i < n; i++)
        if (strcmp(c[i].value, value) == 0) fld->choice = i;
    return fld;
}

struct ui_field *ui_form_tags(struct ui_form *f, const char *label, const struct ui_choice *c,
                              int n)
{
    struct ui_field *fld = add(f, UI_FIELD_TAGS, label);
    fld->choices = c;
    fld->nchoices = n;
    fld->translate_choices = 1;
    fld->selected = xcalloc((size_t)(n > 0 ? n : 1), 1);
    return fld;
}

struct ui_field *ui_form_multiline(struct ui_form *f, const char *label, const char *value,
                                   int rows)
{
    struct ui_field *fld = add(f, UI_FIELD_MULTILINE, label);
    fld->rows = rows > 0 ? rows : 3;
    textedit_set(&fld->te, value);
    return fld;
}

struct ui_field *ui_form_field(struct ui_form *f, int i)
{
    return i >= 0 && i < f->n ? &f->fields[i] : NULL;
}

static int text_like(const struct ui_field *fld)
{
    return fld->kind != UI_FIELD_CHOICE && fld->kind != UI_FIELD_TAGS;
}

char *ui_field_text(const struct ui_field *fld)
{
    if (fld->kind == UI_FIELD_CHOICE)
        return xstrdup(fld->choice >= 0 ? fld->choices[fld->choice].value : "");
    if (fld->kind == UI_FIELD_TAGS) return xstrdup("");
    return textedit_get(&fld->te);
}

const char *ui_field_value(const struct ui_field *fld)
{
    if (fld->kind != UI_FIELD_CHOICE || fld->choice < 0) return NULL;
    return fld->choices[fld->choice].value;
}

void ui_field_error(struct ui_field *fld, const char *msg)
{
    snprintf(fld->error, sizeof fld->error, "%s", msg ? msg : "");
    ui_dirty();
}

static const char *choice_label(const struct ui_field *fld, int i)
{
    return fld->translate_choices ? _(fld->choices[i].label) : fld->choices[i].label;
}

/* ---- checks ----------------------------------------------------------------- */

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || m < 1 || m > 12 || d < 1) return -2;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] + (m == 2 && leap)) return -2;
    return 0;
}

static int check_field(struct ui_form *f, struct ui_field *fld)
{
    fld->error[0] = '\0';
    int empty;
    if (fld->kind == UI_FIELD_CHOICE)
        empty = fld->choice < 0;
    else if (fld->kind == UI_FIELD_TAGS)
        empty = memchr(fld->selected, 1, (size_t)fld->nchoices) == NULL;
    else
        empty = fld->te.len == 0;
    if (empty) {
        if (fld->required) {
            snprintf(fld->error, sizeof fld->error, _("%s is required."), _(fld->label));
            return -1;
        }
        return 0;
    }
    char *text = ui_field_text(fld);
    int bad = 0;
    if (fld->kind == UI_FIELD_NUMBER) {
        char *end;
        long v = strtol(text, &end, 10);
        if (*end || end == text) {
            snprintf(fld->error, sizeof fld->error, "%s", _("Enter a whole number, digits only."));
            bad = 1;
        } else if (fld->min < fld->max && (v < fld->min || v > fld->max)) {
            snprintf(fld->error, sizeof fld->error, _("Enter a number from %ld to %ld."), fld->min,
                     fld->max);
            bad = 1;
        }
    } else if (fld->kind == UI_FIELD_DATE) {
        int r = valid_date(text);
        if (r == -1) {
            snprintf(fld->error, sizeof fld->error, "%s",
                     _("Enter the date as YYYY-MM-DD, for example 2024-03-15."));
            bad = 1;
        } else if (r == -2) {
            snprintf(fld->error, sizeof fld->error, _("There is no such date: %s."), text);
            bad = 1;
        }
    }
    free(text);
    if (!bad && fld->validate) {
        wg_err e = {{0}};
        if (fld->validate(f, fld, &e) < 0) {
            snprintf(fld->error, sizeof fld->error, "%s", e.msg[0] ? e.msg : _("Not valid."));
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

int ui_form_validate(struct ui_form *f)
{
    int bad = 0, first = -1;
    for (int i = 0; i < f->n; i++)
        if (!f->fields[i].readonly && check_field(f, &f->fields[i]) < 0) {
            bad++;
            if (first < 0) first = i;
        }
    if (first >= 0) f->cur = first;
    ui_dirty();
    return bad;
}

void ui_form_saved(struct ui_form *f)
{
    f->changed = 0;
}

int ui_form_can_close(struct ui_form *f)
{
    if (!f->changed) return 1;
    return ui_confirm(_("Discard the changes you typed?"), 0);
}

/* ---- drawing ------------------------------------------------------------------ */

/* Rows a field's message takes under it at width: wrapped, at most two. */
#define FORM_MESSAGE_ROWS 2
static int message_rows(const struct ui_field *fld, int width)
{
    int n = ui_wrap_lines(fld->error, width);
    return n < FORM_MESSAGE_ROWS ? n : FORM_MESSAGE_ROWS;
}

static int field_rows(const struct ui_field *fld, int message_width)
{
    return (fld->kind == UI_FIELD_MULTILINE ? fld->rows : 1) + message_rows(fld, message_width);
}

/* Draw a multi-line field wrapped at width; returns the cursor's (row, col). */
static void draw_multiline(struct ui_field *fld, int y, int x, int width, enum ui_style st, int *cy,
                           int *cx)
{
    /* Lay out every character: line and column. */
    int line = 0, col = 0, curline = 0, curcol = 0;
    size_t n = fld->te.len;
    int *lines = xcalloc(n + 1, sizeof *lines);
    int *cols = xcalloc(n + 1, sizeof *cols);
    for (size_t i = 0; i <= n; i++) {
        int w = i < n ? textedit_cpwidth(fld->te.cp[i]) : 1;
        if (i < n && fld->te.cp[i] == '\n') w = 0;
        if (col + w > width) {
            line++;
            col = 0;
        }
        lines[i] = line;
        cols[i] = col;
        if (i == fld->te.cur) curline = line, curcol = col;
        if (i < n && fld->te.cp[i] == '\n') {
            line++;
            col = 0;
        } else {
            col += w;
        }
    }
    int first = curline >= fld->rows ? curline - fld->rows + 1 : 0;
    for (int r = 0; r < fld->rows; r++) ui_text_pad(y + r, x, width, st, "");
    for (size_t i = 0; i < n; i++) {
        int l = lines[i] - first;
        if (l < 0 || l >= fld->rows || fld->te.cp[i] == '\n') continue;
        char buf[5] = {0};
        utf8_encode(fld->te.cp[i], buf);
        ui_text(y + l, x + cols[i], width - cols[i], st, buf);
    }
    *cy = y + curline - first;
    *cx = x + curcol;
    free(lines);
    free(cols);
}

void ui_form_draw(struct ui_form *f, struct screen *s, const struct ui_rect *r)
{
    int lw = f->label_width;
    if (!lw) {
        for (int i = 0; i < f->n; i++) {
            int w = ui_width(_(f->fields[i].label));
            if (w > lw) lw = w;
        }
        if (lw > r->w / 3) lw = r->w / 3;
    }
    int fx = r->x + 2 + lw + 2, fw = r->x + r->w - fx - 1;
    if (fw > 60) fw = 60;
    int mw = r->x + r->w - fx; /* messages: under the field, to the right edge */
    /* scroll so the focused field is visible */
    if (f->cur < f->top) f->top = f->cur;
    for (;;) {
        int h = 0;
        for (int i = f->top; i <= f->cur && i < f->n; i++) h += field_rows(&f->fields[i], mw);
        if (h <= r->h || f->top >= f->cur) break;
        f->top++;
    }
    s->mode = NULL;
    int y = r->y;
    for (int i = f->top; i < f->n && y < r->y + r->h; i++) {
        struct ui_field *fld = &f->fields[i];
        int focus = i == f->cur;
        char label[128];
        snprintf(label, sizeof label, "%s%s", _(fld->label), fld->required ? "*" : "");
        int w = ui_width(label);
        ui_text(y, r->x + 2 + (lw > w ? lw - w : 0), lw + 1, focus ? UI_HEADER : UI_NORMAL, label);
        enum ui_style st = fld->readonly ? UI_DIM : focus ? UI_FOCUS : UI_FIELD;
        int cy = y, cx = fx;
        if (fld->kind == UI_FIELD_MULTILINE) {
            int rows = fld->rows;
            if (y + rows > r->y + r->h) fld->rows = r->y + r->h - y;
            draw_multiline(fld, y, fx, fw, st, &cy, &cx);
            fld->rows = rows;
        } else if (fld->kind == UI_FIELD_CHOICE) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s", fld->choice >= 0 ? choice_label(fld, fld->choice) : "");
            ui_text_pad(y, fx, fw, st, buf);
            ui_text(y, fx + fw - 2, 2, st, " v");
        } else if (fld->kind == UI_FIELD_TAGS) {
            char buf[512] = "";
            size_t used = 0;
            for (int k = 0; k < fld->nchoices && used < sizeof buf - 1; k++)
                if (fld->selected[k])
                    used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
                                             used ? ", " : "", choice_label(fld, k));
            char cut[512];
            ui_cut(buf, fw - 2, cut, sizeof cut);
            ui_text_pad(y, fx, fw, st, cut);
            ui_text(y, fx + fw - 2, 2, st, " +");
        } else if (fld->kind == UI_FIELD_PASSWORD) {
            char stars[130];
            size_t n = fld->te.len < 128 ? fld->te.len : 128;
            if ((int)n > fw - 1) n = (size_t)(fw - 1);
            memset(stars, '*', n);
            stars[n] = '\0';
            ui_text_pad(y, fx, fw, st, stars);
            cx = fx + (int)n;
        } else {
            char view[1024];
            int col = textedit_view(&fld->te, fw, view, sizeof view, NULL);
            ui_text_pad(y, fx, fw, st, view);
            cx = fx + col;
        }
        if (focus && text_like(fld) && !fld->readonly) {
            s->cursor_visible = 1;
            s->cursor_y = cy;
            s->cursor_x = cx;
            s->mode = "edit";
        }
        y += fld->kind == UI_FIELD_MULTILINE ? fld->rows : 1;
        const char *msg = fld->error;
        for (int k = 0; k < FORM_MESSAGE_ROWS && *msg && y < r->y + r->h; k++, y++) {
            char line[sizeof fld->error];
            msg = ui_wrap(msg, mw, line, sizeof line);
            ui_text(y, fx, mw, UI_ERROR, line);
        }
    }
}

/* ---- requests ----------------------------------------------------------------- */

/* filter: what the picker's filter starts with (the letter that opened it),
 * or NULL. */
static void pick(struct ui_form *f, struct ui_field *fld, const char *filter)
{
    const char **labels = xcalloc((size_t)(fld->nchoices > 0 ? fld->nchoices : 1), sizeof *labels);
    for (int i = 0; i < fld->nchoices; i++) labels[i] = choice_label(fld, i);
    if (fld->kind == UI_FIELD_CHOICE) {
        int r = ui_pick_filtered(_(fld->label), labels, fld->nchoices, fld->choice, NULL, filter);
        if (r >= 0 && r != fld->choice) {
            fld->choice = r;
            f->changed = 1;
        }
    } else {
        unsigned char *before = xmalloc((size_t)(fld->nchoices > 0 ? fld->nchoices : 1));
        memcpy(before, fld->selected, (size_t)fld->nchoices);
        if (ui_pick_filtered(_(fld->label), labels, fld->nchoices, 0, fld->selected, filter) == 0 &&
            memcmp(before, fld->selected, (size_t)fld->nchoices) != 0)
            f->changed = 1;
        free(before);
    }
    free(labels);
    check_field(f, fld);
    ui_dirty();
}

static void move_field(struct ui_form *f, int delta)
{
    struct ui_field *fld = &f->fields[f->cur];
    if (!fld->readonly) check_field(f, fld);
    int i = f->cur;
    do {
        i += delta;
    } while (i >= 0 && i < f->n && f->fields[i].readonly);
    if (i >= 0 && i < f->n) f->cur = i;
    ui_dirty();
}

static int typed_ok(struct ui_field *fld, ui_key key)
{
    if (fld->kind == UI_FIELD_NUMBER && !((key >= '0' && key <= '9') || key == '-')) {
        ui_field_error(fld, _("Only digits here."));
        return 0;
    }
    if (fld->kind == UI_FIELD_DATE && !((key >= '0' && key <= '9') || key == '-')) {
        ui_field_error(fld, _("Digits and '-' only: YYYY-MM-DD."));
        return 0;
    }
    return 1;
}

static int edit(struct ui_form *f, struct ui_field *fld, enum action ea, ui_key key)
{
    struct textedit *t = &fld->te;
    int changed = 0;
    switch (ea) {
    case ACT_CURSOR_LEFT:
        textedit_left(t);
        break;
    case ACT_CURSOR_RIGHT:
        textedit_right(t);
        break;
    case ACT_LINE_START:
        textedit_home(t);
        break;
    case ACT_LINE_END:
        textedit_end(t);
        break;
    case ACT_DELETE_BACK:
        changed = textedit_backspace(t);
        break;
    case ACT_DELETE_CHAR:
        changed = textedit_delete(t);
        break;
    case ACT_KILL_LINE:
        changed = textedit_kill_line(t);
        break;
    case ACT_KILL_END:
        changed = textedit_kill_end(t);
        break;
    case ACT_NEWLINE:
        if (fld->kind != UI_FIELD_MULTILINE) return 0;
        changed = textedit_insert(t, '\n') == 0;
        break;
    default:
        return 0;
    }
    (void)key;
    if (changed) {
        f->changed = 1;
        fld->error[0] = '\0';
    }
    ui_dirty();
    return 1;
}

enum action ui_form_request(struct ui_form *f, enum action a, ui_key key)
{
    if (f->n == 0) return a;
    struct ui_field *fld = &f->fields[f->cur];
    if (!fld->readonly && text_like(fld)) {
        if (key_is_text(key)) {
            if (typed_ok(fld, key)) {
                if (textedit_insert(&fld->te, (uint32_t)key) == 0) {
                    f->changed = 1;
                    fld->error[0] = '\0';
                } else {
                    ui_status(_("The field is full."));
                }
            }
            ui_dirty();
            return ACT_NONE;
        }
        enum action ea = keymap_lookup_only(ui_keymap(), "edit", key);
        /* Enter breaks the line in a multi-line field (leave it with Tab or
         * save with ^S); everywhere else it is the screen's Enter. ^J is the
         * same key as Enter, so no key binding can stand for "new line". */
        if (fld->kind == UI_FIELD_MULTILINE && key == UI_KEY_ENTER) ea = ACT_NEWLINE;
        if (ea != ACT_NONE && edit(f, fld, ea, key)) return ACT_NONE;
    }
    if (!fld->readonly && !text_like(fld) &&
        (a == ACT_ENTER || a == ACT_TOGGLE || (a == ACT_NONE && key_is_text(key)))) {
        char typed[5] = "";
        if (a == ACT_NONE) typed[utf8_encode((uint32_t)key, typed)] = '\0';
        pick(f, fld, typed);
        return ACT_NONE;
    }
    switch (a) {
    case ACT_NEXT_FIELD:
    case ACT_DOWN:
        move_field(f, 1);
        return ACT_NONE;
    case ACT_PREV_FIELD:
    case ACT_UP:
        move_field(f, -1);
        return ACT_NONE;
    case ACT_FIRST:
        f->cur = 0;
        ui_dirty();
        return ACT_NONE;
    case ACT_LAST:
        f->cur = f->n - 1;
        ui_dirty();
        return ACT_NONE;
    case ACT_ENTER:
        if (f->cur < f->n - 1) {
            move_field(f, 1);
            return ACT_NONE;
        }
        /* Enter on the last field saves, as a shortcut for the submit key. */
        /* fall through */
    case ACT_SUBMIT:
        if (ui_form_validate(f) > 0) {
            ui_error("%s", _("Some fields need correcting; see the messages under them."));
            return ACT_NONE;
        }
        return ACT_SUBMIT;
    default:
        return a;
    }
}
