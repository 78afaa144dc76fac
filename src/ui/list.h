/* A scrolling list: the screen supplies the rows, the list keeps the
 * selection and the scroll position and handles moving (up, down, page,
 * first, last) and jumping by typing: printable keys the keymap leaves
 * unbound collect a prefix (shown in the status line) and select the next
 * row whose label starts with it (case-insensitive). */
#ifndef WANGGE_UI_LIST_H
#define WANGGE_UI_LIST_H

#include <stddef.h>

#include "ui/action.h"
#include "ui/display.h"
#include "ui/key.h"

struct ui_list {
    int count;  /* rows; the screen sets and updates it */
    int cur;    /* selected row, -1 when count is 0 */
    int top;    /* first row shown */
    int height; /* rows shown at the last draw */
    /* Draw row i in width columns at (y, x); selected: draw it highlighted
     * (e.g. ui_text_pad(..., UI_SELECTED, ...)). */
    void (*draw_row)(void *ctx, int i, int y, int x, int width, int selected);
    /* Text used for jump-by-typing, or NULL to disable jumping. */
    const char *(*label)(void *ctx, int i, char *buf, size_t size);
    void *ctx;
    char jump[32];
};

/* Set up an empty list. */
void ui_list_init(struct ui_list *l, void (*draw_row)(void *, int, int, int, int, int),
                  const char *(*label)(void *, int, char *, size_t), void *ctx);
/* Change the row count (after reloading), keeping the selection in range. */
void ui_list_set_count(struct ui_list *l, int count);
/* Draw the visible rows into r (scrolls so the selection is visible); an
 * empty list shows `empty` (translated text) if not NULL. */
void ui_list_draw(struct ui_list *l, const struct ui_rect *r, const char *empty);
/* Move or jump; returns ACT_NONE if handled (call ui_dirty is done), else a. */
enum action ui_list_request(struct ui_list *l, enum action a, ui_key key);

#endif
