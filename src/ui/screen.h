/* Screens and the driver that runs them (tig's model).
 *
 * A screen is a struct of operations plus its own data. The driver keeps a
 * stack of screens; the top one is shown full-screen below the title bar and
 * above the status line. Each key is turned into an action through the
 * keymap (the screen's `mode` section, then its `ops->name` section, then
 * "generic") and given, with the key itself, to the top screen's request().
 * What the screen does not handle it returns, and the driver handles that:
 * back, quit, redraw; anything else goes to the application's fallback
 * (opening help, search, other screens), and an action nobody handles gets
 * an honest status message.
 *
 * The driver draws once per batch of input: it drains every key already
 * typed, then redraws only if something asked for it (ui_dirty, a status
 * message, a push or pop, a resize), then refreshes once. Nothing is drawn
 * while idle.
 *
 * A screen may ask to be called back once the keyboard has been quiet for a
 * while (ui_idle_after): search-as-you-type runs its query then, so a burst
 * of keys over a slow link costs one result list, not one per key. Only
 * while such a timer is armed does the driver read keys with a timeout;
 * otherwise it blocks, and an idle session sends nothing. */
#ifndef WANGGE_UI_SCREEN_H
#define WANGGE_UI_SCREEN_H

#include "ui/action.h"
#include "ui/display.h"
#include "ui/key.h"
#include "ui/keymap.h"
#include "util/err.h"

struct screen;

struct screen_ops {
    /* Keymap section and help-screen name: "home", "grids", "ledger", ... */
    const char *name;
    /* Title bar text, an English msgid (translated when drawn); ops->title_of
     * may supply a dynamic one instead. */
    const char *title;
    /* Called by ui_push. Return 0, or -1 with *e: the screen is then freed
     * (close is called) and e's message shown in the status line. May be NULL. */
    int (*open)(struct screen *s, wg_err *e);
    /* Draw the body, r (whole rows below the title bar). Draw everything in r
     * each time: the driver erased it. Set s->cursor_* to show the cursor. */
    void (*draw)(struct screen *s, const struct ui_rect *r);
    /* Handle action a (ACT_NONE when the key is unbound) for key. Return
     * ACT_NONE when handled, else the action the driver should handle (usually
     * a itself; or another, e.g. ACT_BACK after saving). Call ui_dirty() when
     * the screen must be redrawn. */
    enum action (*request)(struct screen *s, enum action a, ui_key key);
    /* May be NULL. 1 if the screen may close now; a form with unsaved
     * changes asks the user (ui_confirm) here. */
    int (*can_close)(struct screen *s);
    /* Free the screen's data (not s itself). May be NULL. */
    void (*close)(struct screen *s);
    /* May be NULL. A translated title computed now (e.g. the grid's name). */
    const char *(*title_of)(struct screen *s);
    /* May be NULL. Called when the screen becomes the top again after the
     * one above it closed (reload data that may have changed). */
    void (*resume)(struct screen *s);
    /* May be NULL. The timer this screen armed with ui_idle_after ran out
     * with no key pressed. Call ui_dirty() if the screen changed; the driver
     * then draws once. */
    void (*idle)(struct screen *s);
};

struct screen {
    const struct screen_ops *ops;
    void *data;                             /* the screen's own state */
    const char *mode;                       /* extra keymap section tried first, e.g. "edit" while a
                                               text field has focus; NULL otherwise */
    int cursor_visible, cursor_y, cursor_x; /* set by draw */
};

/* Allocate a screen (not yet pushed). */
struct screen *screen_new(const struct screen_ops *ops, void *data);

/* Start the driver on the terminal with this keymap (not owned). */
int ui_init(struct keymap *km, wg_err *e);
void ui_end(void);
struct keymap *ui_keymap(void);
void ui_set_keymap(struct keymap *km);

/* What the application does with actions no screen handled: returns ACT_NONE
 * if it handled a (e.g. pushed the help or search screen), else a. */
typedef enum action (*ui_fallback_fn)(void *ctx, struct screen *top, enum action a, ui_key key);
void ui_set_fallback(ui_fallback_fn fn, void *ctx);
/* Text for the right end of the title bar (who is logged in); copied. */
void ui_set_identity(const char *text);

/* Push s and open it; on failure s is closed and freed, the message shown,
 * and -1 returned. */
int ui_push(struct screen *s);
/* Close the top screen (without asking can_close). */
void ui_pop(void);
/* The top screen and the one below it (NULL if none). */
struct screen *ui_top(void);
struct screen *ui_below(const struct screen *s);
int ui_depth(void);

/* Run until the stack is empty or ui_quit. Returns 0. */
int ui_run(void);
/* Leave ui_run after this batch of input. */
void ui_quit(void);
/* The top screen must be redrawn at the end of this batch. */
void ui_dirty(void);
/* Call the top screen's idle op once no key has come for ms milliseconds
 * (a one-shot timer). Any key, and any push or pop, cancels it; the screen
 * re-arms it from request() as it wishes. Arming again restarts it. */
void ui_idle_after(int ms);

/* Redraw every cell on the next refresh (after a reconnect, or ^L). */
void ui_force_redraw(void);
/* A message in the status line until the next key (translated text). */
void ui_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same in the error style. */
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* For modal dialogs (dialog.c): redraw the stack, then call draw(ctx) on top
 * of it, refresh, and wait for one key. Handles resize by redrawing. */
ui_key ui_modal_key(void (*draw)(void *ctx), void *ctx);

/* Ask ui_run to redraw everything when flag becomes set (a signal handler in
 * the application sets it, e.g. on reattach). */
void ui_watch_flag(volatile int *flag);

#endif
