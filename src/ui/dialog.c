#include "ui/dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/i18n.h"
#include "ui/screen.h"
#include "ui/textedit.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static struct ui_rect centred(int h, int w)
{
    int lines = display_lines(), cols = display_cols();
    if (w > cols - 2) w = cols - 2;
    if (h > lines - 2) h = lines - 2;
    struct ui_rect r = {(lines - h) / 2, (cols - w) / 2, h, w};
    return r;
}

static enum action act(ui_key k)
{
    return keymap_lookup(ui_keymap(), "dialog", k);
}

/* ---- confirm / message ---------------------------------------------------- */

struct msg {
    const char *title, *text, *hint;
};

/* The widest of text's own lines (it may hold newlines). */
static int widest_line(const char *text)
{
    int widest = 0;
    char line[1024];
    while (*text) {
        text = ui_wrap(text, sizeof line, line, sizeof line);
        int w = ui_width(line);
        if (w > widest) widest = w;
    }
    return widest;
}

static void draw_msg(void *ctx)
{
    const struct msg *m = ctx;
    /* As wide as the text's longest line, the hint and the title need, at
     * least 26 columns inside; narrower than the terminal, wrapped if need be. */
    int inner = widest_line(m->text), hw = ui_width(m->hint), th = ui_width(m->title) + 2;
    if (inner < hw) inner = hw;
    if (inner < th) inner = th;
    if (inner < 26) inner = 26;
    if (inner > display_cols() - 6) inner = display_cols() - 6;
    int rows = ui_wrap_lines(m->text, inner);
    if (rows < 1) rows = 1;
    if (rows > display_lines() - 6) rows = display_lines() - 6;
    struct ui_rect r = centred(rows + 4, inner + 4);
    ui_box(&r, m->title);
    const char *p = m->text;
    char buf[1024];
    for (int i = 0; i < rows && *p; i++) {
        p = ui_wrap(p, r.w - 4, buf, sizeof buf);
        ui_text(r.y + 1 + i, r.x + 2, r.w - 4, UI_NORMAL, buf);
    }
    ui_text(r.y + r.h - 2, r.x + 2, r.w - 4, UI_DIM, m->hint);
}

int ui_confirm(const char *question, int default_yes)
{
    struct msg m = {_("Confirm"), question,
                    default_yes ? _("y/Enter: yes   n/Esc: no") : _("y: yes   n/Esc/Enter: no")};
    for (;;) {
        ui_key k = ui_modal_key(draw_msg, &m);
        if (k == 'y' || k == 'Y') return 1;
        if (k == 'n' || k == 'N' || k == UI_KEY_ESC) return 0;
        if (k == UI_KEY_ENTER) return default_yes;
        enum action a = act(k);
        if (a == ACT_CANCEL || a == ACT_BACK) return 0;
    }
}

void ui_message(const char *title, const char *text)
{
    struct msg m = {title, text, _("Press any key")};
    ui_modal_key(draw_msg, &m);
}

/* ---- prompt ----------------------------------------------------------------- */

struct prompt {
    const char *title, *label;
    struct textedit te;
    int secret;
    size_t size; /* the caller's buffer, terminating NUL included */
};

/* 1 if cp still fits the caller's buffer as UTF-8 after what is typed. */
static int prompt_fits(const struct prompt *p, uint32_t cp)
{
    char buf[4];
    size_t bytes = (size_t)utf8_encode(cp, buf);
    for (size_t i = 0; i < p->te.len; i++) bytes += (size_t)utf8_encode(p->te.cp[i], buf);
    return bytes + 1 <= p->size;
}

static void draw_prompt(void *ctx)
{
    struct prompt *p = ctx;
    struct ui_rect r = centred(6, 60);
    ui_box(&r, p->title);
    int lw = ui_text(r.y + 2, r.x + 2, r.w - 4, UI_NORMAL, p->label) + 1;
    int fw = r.w - 4 - lw;
    char view[512];
    int used = 0, col;
    if (p->secret) {
        size_t n = p->te.len < sizeof view - 1 ? p->te.len : sizeof view - 1;
        memset(view, '*', n);
        view[n] = '\0';
        if ((int)n >= fw) view[fw - 1] = '\0';
        col = (int)strlen(view) < (int)p->te.cur ? (int)strlen(view) : (int)p->te.cur;
    } else {
        col = textedit_view(&p->te, fw, view, sizeof view, &used);
    }
    ui_text_pad(r.y + 2, r.x + 2 + lw, fw, UI_FOCUS, view);
    ui_text(r.y + 4, r.x + 2, r.w - 4, UI_DIM, _("Enter: OK   Esc: cancel"));
    ui_cursor(r.y + 2, r.x + 2 + lw + col);
}

int ui_prompt(const char *title, const char *label, char *out, size_t size, int secret)
{
    struct prompt p = {title, label, {0}, secret, size};
    /* Limited by bytes, not characters: as many as the buffer holds, four
     * times as many digits as Chinese characters. */
    textedit_init(&p.te, 0);
    textedit_set(&p.te, out);
    int result = -1;
    while (result < 0) {
        ui_key k = ui_modal_key(draw_prompt, &p);
        if (k == UI_KEY_ENTER)
            result = 1;
        else if (k == UI_KEY_ESC)
            result = 0;
        else if (key_is_text(k)) {
            if (prompt_fits(&p, (uint32_t)k))
                textedit_insert(&p.te, (uint32_t)k);
            else
                ui_status("%s", _("The field is full."));
        } else {
            switch (keymap_lookup_only(ui_keymap(), "edit", k)) {
            case ACT_CURSOR_LEFT:
                textedit_left(&p.te);
                break;
            case ACT_CURSOR_RIGHT:
                textedit_right(&p.te);
                break;
            case ACT_LINE_START:
                textedit_home(&p.te);
                break;
            case ACT_LINE_END:
                textedit_end(&p.te);
                break;
            case ACT_DELETE_BACK:
                textedit_backspace(&p.te);
                break;
            case ACT_DELETE_CHAR:
                textedit_delete(&p.te);
                break;
            case ACT_KILL_LINE:
                textedit_kill_line(&p.te);
                break;
            case ACT_KILL_END:
                textedit_kill_end(&p.te);
                break;
            default:
                if (act(k) == ACT_CANCEL) result = 0;
                break;
            }
        }
    }
    if (result == 1) {
        char *s = textedit_get(&p.te);
        snprintf(out, size, "%s", s);
        explicit_bzero(s, strlen(s));
        free(s);
    }
    if (p.te.cp) explicit_bzero(p.te.cp, p.te.cap * sizeof *p.te.cp);
    textedit_free(&p.te);
    return result;
}

/* ---- pick ------------------------------------------------------------------- */

struct pick {
    const char *title;
    const char *const *labels;
    int n;
    unsigned char *selected;
    struct textedit filter;
    int *shown; /* indexes matching the filter */
    int nshown, cur, top;
};

static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0) return 1;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

static void refilter(struct pick *p)
{
    char *f = textedit_get(&p->filter);
    int keep = p->nshown > 0 && p->cur < p->nshown ? p->shown[p->cur] : -1;
    p->nshown = 0;
    p->cur = 0;
    for (int i = 0; i < p->n; i++)
        if (contains_ci(p->labels[i], f)) {
            if (i == keep) p->cur = p->nshown;
            p->shown[p->nshown++] = i;
        }
    free(f);
}

static void draw_pick(void *ctx)
{
    struct pick *p = ctx;
    int w = 40;
    for (int i = 0; i < p->n; i++) {
        int lw = ui_width(p->labels[i]) + 8;
        if (lw > w) w = lw;
    }
    int h = p->n + 6;
    if (h > display_lines() - 2) h = display_lines() - 2;
    struct ui_rect r = centred(h, w);
    ui_box(&r, p->title);
    char view[256];
    int lw = ui_text(r.y + 1, r.x + 2, r.w - 4, UI_DIM, _("Filter:")) + 1;
    int col = textedit_view(&p->filter, r.w - 4 - lw, view, sizeof view, NULL);
    ui_text_pad(r.y + 1, r.x + 2 + lw, r.w - 4 - lw, UI_FIELD, view);
    int rows = r.h - 4;
    if (p->cur < p->top) p->top = p->cur;
    if (p->cur >= p->top + rows) p->top = p->cur - rows + 1;
    for (int i = 0; i < rows && p->top + i < p->nshown; i++) {
        int idx = p->shown[p->top + i];
        char line[300];
        if (p->selected)
            snprintf(line, sizeof line, "[%c] %s", p->selected[idx] ? 'x' : ' ', p->labels[idx]);
        else
            snprintf(line, sizeof line, "%s", p->labels[idx]);
        ui_text_pad(r.y + 2 + i, r.x + 2, r.w - 4, p->top + i == p->cur ? UI_SELECTED : UI_NORMAL,
                    line);
    }
    if (p->nshown == 0) ui_text(r.y + 2, r.x + 2, r.w - 4, UI_DIM, _("Nothing matches."));
    ui_text(r.y + r.h - 1, r.x + 2, r.w - 4, UI_BOX,
            p->selected ? _(" Space: select  Enter: done  Esc: cancel ")
                        : _(" Enter: choose  Esc: cancel "));
    ui_cursor(r.y + 1, r.x + 2 + lw + col);
}

int ui_pick(const char *title, const char *const *labels, int n, int cur, unsigned char *selected)
{
    return ui_pick_filtered(title, labels, n, cur, selected, NULL);
}

int ui_pick_filtered(const char *title, const char *const *labels, int n, int cur,
                     unsigned char *selected, const char *filter)
{
    struct pick p = {title, labels, n, selected, {0}, NULL, 0, 0, 0};
    textedit_init(&p.filter, 32);
    textedit_set(&p.filter, filter);
    p.shown = xcalloc((size_t)(n > 0 ? n : 1), sizeof *p.shown);
    unsigned char *saved = NULL;
    if (selected) {
        saved = xmalloc((size_t)(n > 0 ? n : 1));
        memcpy(saved, selected, (size_t)n);
    }
    refilter(&p);
    for (int i = 0; i < p.nshown; i++)
        if (p.shown[i] == cur) p.cur = i;
    int result = -2;
    while (result == -2) {
        ui_key k = ui_modal_key(draw_pick, &p);
        enum action a = act(k);
        if (k == UI_KEY_ESC || a == ACT_CANCEL) {
            result = -1;
        } else if (k == UI_KEY_ENTER) {
            if (selected)
                result = 0;
            else if (p.nshown)
                result = p.shown[p.cur];
        } else if (selected && (k == ' ' || a == ACT_TOGGLE)) {
            if (p.nshown) selected[p.shown[p.cur]] ^= 1;
        } else if (key_is_text(k)) {
            textedit_insert(&p.filter, (uint32_t)k);
            refilter(&p);
        } else if (a == ACT_UP) {
            if (p.cur > 0) p.cur--;
        } else if (a == ACT_DOWN) {
            if (p.cur + 1 < p.nshown) p.cur++;
        } else if (a == ACT_PAGE_UP) {
            p.cur = p.cur > 10 ? p.cur - 10 : 0;
        } else if (a == ACT_PAGE_DOWN) {
            p.cur = p.cur + 10 < p.nshown ? p.cur + 10 : (p.nshown ? p.nshown - 1 : 0);
        } else if (keymap_lookup_only(ui_keymap(), "edit", k) == ACT_DELETE_BACK) {
            textedit_backspace(&p.filter);
            refilter(&p);
        } else if (keymap_lookup_only(ui_keymap(), "edit", k) == ACT_KILL_LINE) {
            textedit_kill_line(&p.filter);
            refilter(&p);
        }
    }
    if (result == -1 && selected) memcpy(selected, saved, (size_t)n);
    free(saved);
    free(p.shown);
    textedit_free(&p.filter);
    return result;
}
