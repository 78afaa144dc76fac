/* The terminal: curses set-up, styles that work with and without colour,
 * and text drawing cut by display width (a wide character is never split).
 * Everything draws on stdscr; the driver (screen.c) refreshes once per batch
 * of input. */
#ifndef WANGGE_UI_DISPLAY_H
#define WANGGE_UI_DISPLAY_H

#include <stddef.h>

#include "util/err.h"

struct ui_rect {
    int y, x, h, w;
};

enum ui_style {
    UI_NORMAL,
    UI_TITLE,    /* title bar */
    UI_STATUS,   /* status line */
    UI_SELECTED, /* the current row of a list */
    UI_HEADER,   /* column headers, section labels */
    UI_ERROR,    /* validation messages, failures */
    UI_DIM,      /* hints, disabled menu items */
    UI_FIELD,    /* an input field */
    UI_FOCUS,    /* the focused input field */
    UI_BOX,      /* dialog frames */
    UI_STYLE_COUNT
};

/* Start curses on this terminal (an unknown TERM falls back to
 * xterm-256color); raw keys (^C, ^S, ^Q arrive as keys), no echo, keypad,
 * short ESC delay. Returns 0, or -1 with *e. */
int display_init(wg_err *e);
/* Restore the terminal; safe to call twice and from xalloc's fatal hook. */
void display_end(void);
/* 1 if the terminal shows colour (else styles use reverse/bold/underline). */
int display_has_colour(void);
/* Screen size now (after resize too). */
int display_lines(void);
int display_cols(void);

int ui_attr(enum ui_style st);
/* Draw utf8 at (y, x) in at most width columns; returns the columns used.
 * Characters that do not fit whole are not drawn (no half-width CJK). */
int ui_text(int y, int x, int width, enum ui_style st, const char *utf8);
/* The same, then fill the rest of width with blanks in the same style. */
int ui_text_pad(int y, int x, int width, enum ui_style st, const char *utf8);
/* printf-style ui_text. */
int ui_textf(int y, int x, int width, enum ui_style st, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Display width of a UTF-8 string in columns. */
int ui_width(const char *utf8);
/* Copy into out the longest prefix of utf8 that fits width columns. */
void ui_cut(const char *utf8, int width, char *out, size_t size);
/* One line of utf8 wrapped at width columns: copies it into out (without
 * the newline or the space it broke at) and returns where the next line
 * starts ("" when the text is used up). A newline always ends a line;
 * otherwise Latin text breaks at the last space that fits, Chinese between
 * any two characters (never before a closing punctuation mark such as ，or
 * 。), and a word longer than the line is cut where the width runs out. */
const char *ui_wrap(const char *utf8, int width, char *out, size_t size);
/* How many lines ui_wrap makes of utf8 at width (0 for ""). */
int ui_wrap_lines(const char *utf8, int width);
/* Blank a rectangle. */
void ui_clear(const struct ui_rect *r);
/* Horizontal line (ACS, ASCII '-' where the terminal has no line drawing). */
void ui_hline(int y, int x, int width);
/* Show the cursor at (y, x) after this draw (dialogs; screens set
 * s->cursor_* instead). */
void ui_cursor(int y, int x);
/* A frame around r (ACS or ASCII), interior cleared. */
void ui_box(const struct ui_rect *r, const char *title);

#endif
