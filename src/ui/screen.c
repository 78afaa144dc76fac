#include "ui/screen.h"

#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/dialog.h"
#include "ui/i18n.h"
#include "util/xalloc.h"

#define MAX_DEPTH 32

static struct {
    struct screen *stack[MAX_DEPTH];
    int depth;
    struct keymap *km;
    ui_fallback_fn fallback;
    void *fallback_ctx;
    char identity[128];
    char status[512];
    int status_error;
    int running;
    int need_draw;
    int force;
    volatile int *watch;
    /* the screen that armed the idle timer (NULL: none armed), and when it
     * runs out (CLOCK_MONOTONIC, ms) */
    struct screen *idle_screen;
    int64_t idle_at;
} ui;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_idle_after(int ms)
{
    ui.idle_screen = ui_top();
    ui.idle_at = now_ms() + (ms > 0 ? ms : 0);
}

struct screen *screen_new(const struct screen_ops *ops, void *data)
{
    struct screen *s = xcalloc(1, sizeof *s);
    s->ops = ops;
    s->data = data;
    return s;
}

static void screen_free(struct screen *s)
{
    if (s->ops->close) s->ops->close(s);
    free(s);
}

int ui_init(struct keymap *km, wg_err *e)
{
    ui.km = km;
    if (display_init(e) < 0) return -1;
    xalloc_set_fatal_hook(display_end);
    ui.need_draw = 1;
    return 0;
}

void ui_end(void)
{
    while (ui.depth) ui_pop();
    display_end();
    xalloc_set_fatal_hook(NULL);
}

struct keymap *ui_keymap(void)
{
    return ui.km;
}

void ui_set_keymap(struct keymap *km)
{
    ui.km = km;
    ui.need_draw = 1;
}

void ui_set_fallback(ui_fallback_fn fn, void *ctx)
{
    ui.fallback = fn;
    ui.fallback_ctx = ctx;
}

void ui_set_identity(const char *text)
{
    snprintf(ui.identity, sizeof ui.identity, "%s", text ? text : "");
    ui.need_draw = 1;
}

int ui_push(struct screen *s)
{
    if (ui.depth == MAX_DEPTH) {
        ui_error("%s", _("Too many screens open; close some first."));
        screen_free(s);
        return -1;
    }
    wg_err e = {{0}};
    ui.idle_screen = NULL; /* the timer belonged to the screen that is covered now */
    if (s->ops->open && s->ops->open(s, &e) < 0) {
        ui_error("%s", e.msg[0] ? e.msg : _("The screen could not be opened."));
        screen_free(s);
        return -1;
    }
    ui.stack[ui.depth++] = s;
    ui.need_draw = 1;
    return 0;
}

void ui_pop(void)
{
    if (!ui.depth) return;
    ui.idle_screen = NULL;
    screen_free(ui.stack[--ui.depth]);
    ui.need_draw = 1;
    if (ui.depth && ui.stack[ui.depth - 1]->ops->resume)
        ui.stack[ui.depth - 1]->ops->resume(ui.stack[ui.depth - 1]);
}

struct screen *ui_top(void)
{
    return ui.depth ? ui.stack[ui.depth - 1] : NULL;
}

struct screen *ui_below(const struct screen *s)
{
    for (int i = ui.depth - 1; i > 0; i--)
        if (ui.stack[i] == s) return ui.stack[i - 1];
    return NULL;
}

int ui_depth(void)
{
    return ui.depth;
}

void ui_quit(void)
{
    ui.running = 0;
}

void ui_dirty(void)
{
    ui.need_draw = 1;
}

void ui_force_redraw(void)
{
    ui.force = 1;
    ui.need_draw = 1;
}

void ui_watch_flag(volatile int *flag)
{
    ui.watch = flag;
}

static void set_status(int error, const char *fmt, va_list ap)
{
    vsnprintf(ui.status, sizeof ui.status, fmt, ap);
    ui.status_error = error;
    ui.need_draw = 1;
}

void ui_status(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_status(0, fmt, ap);
    va_end(ap);
}

void ui_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_status(1, fmt, ap);
    va_end(ap);
}

static const char *section_of(const struct screen *s)
{
    return s ? s->ops->name : "generic";
}

static void draw_title(const struct screen *top)
{
    int cols = display_cols();
    ui_text_pad(0, 0, cols, UI_TITLE, "");
    char left[256];
    const char *title = "";
    if (top)
        title = top->ops->title_of ? top->ops->title_of((struct screen *)top)
                                   : (top->ops->title ? _(top->ops->title) : "");
    snprintf(left, sizeof left, " %s | %s", _("Wangge"), title);
    int rw = ui_width(ui.identity);
    if (rw > cols / 2) rw = cols / 2;
    int lw = ui_text(0, 0, cols - rw - 2, UI_TITLE, left);
    (void)lw;
    if (rw > 0) ui_text(0, cols - rw - 1, rw, UI_TITLE, ui.identity);
}

static void draw_status(const struct screen *top)
{
    int y = display_lines() - 1, cols = display_cols();
    if (ui.status[0]) {
        ui_text_pad(y, 0, cols, ui.status_error ? UI_ERROR : UI_STATUS, ui.status);
        return;
    }
    char help[64], back[64], hint[256];
    keymap_first_key(ui.km, section_of(top), ACT_HELP, help, sizeof help);
    keymap_first_key(ui.km, section_of(top), ACT_BACK, back, sizeof back);
    snprintf(hint, sizeof hint, _(" %s: help   %s: back"), help, back);
    ui_text_pad(y, 0, cols, UI_STATUS, hint);
}

/* Erase and draw the whole screen, without refreshing. */
static void draw_all(void)
{
    struct screen *top = ui_top();
    erase();
    int lines = display_lines(), cols = display_cols();
    if (lines < 10 || cols < 40) {
        ui_text(0, 0, cols, UI_ERROR, _("The terminal is too small (at least 40x10)."));
        wnoutrefresh(stdscr);
        return;
    }
    draw_title(top);
    if (top) {
        top->cursor_visible = 0;
        struct ui_rect body = {1, 0, lines - 2, cols};
        if (top->ops->draw) top->ops->draw(top, &body);
    }
    draw_status(top);
    if (top && top->cursor_visible) {
        curs_set(1);
        move(top->cursor_y, top->cursor_x);
    } else {
        curs_set(0);
        move(lines - 1, cols - 1);
    }
    wnoutrefresh(stdscr);
}

static void refresh_now(void (*extra)(void *), void *ctx)
{
    if (ui.force) {
        clearok(curscr, TRUE);
        ui.force = 0;
    }
    draw_all();
    if (extra) {
        extra(ctx);
        wnoutrefresh(stdscr);
    }
    doupdate();
    ui.need_draw = 0;
}

/* wait_ms: -1 blocks, 0 only takes a key already typed, more waits that long. */
static ui_key read_key(int wait_ms)
{
    wint_t wc = 0;
    wtimeout(stdscr, wait_ms);
    errno = 0;
    int rc = get_wch(&wc);
    if (rc == ERR) return UI_KEY_NONE;
    return key_from_wch(rc, (unsigned)wc);
}

/* Ask every screen from the top down whether it may close; pop those that
 * may, stopping at the first that refuses (or at keep screens left). */
static int close_down_to(int keep)
{
    while (ui.depth > keep) {
        struct screen *s = ui_top();
        if (s->ops->can_close && !s->ops->can_close(s)) {
            ui.need_draw = 1;
            return 0;
        }
        ui_pop();
    }
    return 1;
}

static void handle_key(ui_key key)
{
    if (ui.status[0]) {
        ui.status[0] = '\0';
        ui.need_draw = 1;
    }
    if (key == (UI_KEY_FN | KEY_RESIZE)) {
        ui_force_redraw();
        return;
    }
    ui.idle_screen = NULL; /* a key cancels the timer; the screen re-arms it if it likes */
    struct screen *top = ui_top();
    if (!top) return;
    enum action a = ACT_NONE;
    if (top->mode) a = keymap_lookup_only(ui.km, top->mode, key);
    if (a == ACT_NONE) a = keymap_lookup(ui.km, top->ops->name, key);
    enum action left = top->ops->request ? top->ops->request(top, a, key) : a;
    if (left == ACT_NONE) return; /* handled, or an unbound key the screen ignored */
    switch (left) {
    case ACT_QUIT:
        if (close_down_to(0)) ui.running = 0;
        return;
    case ACT_BACK:
    case ACT_CANCEL:
        /* Back from the first screen would leave wangge: a key pressed once
         * too often (Esc, Left) must not end the session; q and Q do. */
        if (ui.depth == 1) {
            if (ui_confirm(_("Quit wangge?"), 0) && close_down_to(0)) ui.running = 0;
            ui.need_draw = 1;
            return;
        }
        close_down_to(ui.depth - 1);
        return;
    case ACT_HOME:
        close_down_to(1);
        return;
    case ACT_REDRAW:
        ui_force_redraw();
        return;
    default:
        break;
    }
    if (ui.fallback && ui.fallback(ui.fallback_ctx, top, left, key) == ACT_NONE) return;
    ui_status(_("%s (not available here)"), _(action_help(left)));
}

int ui_run(void)
{
    ui.running = 1;
    ui.need_draw = 1;
    while (ui.running && ui.depth > 0) {
        if (ui.watch && *ui.watch) {
            *ui.watch = 0;
            ui_force_redraw();
        }
        if (ui.idle_screen && ui.idle_screen != ui_top()) ui.idle_screen = NULL;
        if (ui.idle_screen && now_ms() >= ui.idle_at) {
            struct screen *s = ui.idle_screen;
            ui.idle_screen = NULL;
            if (s->ops->idle) s->ops->idle(s);
            continue; /* draws once below if the screen changed */
        }
        if (ui.need_draw) refresh_now(NULL, NULL);
        /* Block unless a timer is armed: an idle session costs no CPU and
         * sends no bytes. */
        int wait = -1;
        if (ui.idle_screen) {
            int64_t left = ui.idle_at - now_ms();
            wait = left > 0 ? (int)left : 0;
        }
        ui_key k = read_key(wait);
        if (k == UI_KEY_NONE) {
            if (errno == EINTR || (ui.watch && *ui.watch)) continue;
            /* Quiet until the timer ran out (a few ms of rounding allowed);
             * nothing at all before it means the terminal is gone. */
            if (ui.idle_screen && now_ms() + 5 >= ui.idle_at) {
                ui.idle_at = 0;
                continue;
            }
            break; /* the terminal is gone */
        }
        handle_key(k);
        /* Everything already typed is handled before drawing once. */
        while (ui.running && ui.depth > 0 && (k = read_key(0)) != UI_KEY_NONE) handle_key(k);
    }
    wtimeout(stdscr, -1);
    return 0;
}

ui_key ui_modal_key(void (*draw)(void *ctx), void *ctx)
{
    int redraw = 1;
    for (;;) {
        if (redraw || ui.force || (ui.watch && *ui.watch)) {
            if (ui.watch && *ui.watch) {
                *ui.watch = 0;
                ui.force = 1;
            }
            refresh_now(draw, ctx);
            redraw = 0;
        }
        ui_key k = read_key(-1);
        if (k == UI_KEY_NONE) {
            if (errno == EINTR) continue;
            ui.running = 0;
            return UI_KEY_ESC; /* the terminal is gone: cancel the dialog */
        }
        if (k == (UI_KEY_FN | KEY_RESIZE)) {
            ui.force = 1;
            continue;
        }
        ui.status[0] = '\0';
        return k;
    }
}
