/* The text of one field being edited: code points, a cursor and the window
 * shown at a given column width. No ncurses here, so it is unit-tested.
 * Widths come from wcwidth() under the process's UTF-8 LC_CTYPE: a CJK
 * character is two columns and is never split at the window's edges. */
#ifndef WANGGE_UI_TEXTEDIT_H
#define WANGGE_UI_TEXTEDIT_H

#include <stddef.h>
#include <stdint.h>

struct textedit {
    uint32_t *cp; /* code points, not terminated */
    size_t len;   /* number of code points */
    size_t cap;
    size_t cur;    /* cursor: index in cp, 0..len */
    size_t scroll; /* first code point shown */
    size_t max;    /* most code points accepted (0: no limit) */
};

/* Start empty; max as in the struct. */
void textedit_init(struct textedit *t, size_t max);
void textedit_free(struct textedit *t);
/* Replace the text (invalid UTF-8 becomes U+FFFD); cursor at the end. */
void textedit_set(struct textedit *t, const char *utf8);
/* The text as a fresh UTF-8 string (caller frees). */
char *textedit_get(const struct textedit *t);
/* Insert at the cursor; returns 0, or -1 if full or cp is a control character
 * (newline is accepted: multi-line fields use it). */
int textedit_insert(struct textedit *t, uint32_t cp);
/* Insert a UTF-8 string (paste); stops when full. Returns code points added. */
size_t textedit_insert_utf8(struct textedit *t, const char *utf8);
/* Editing; each returns 1 if something changed, 0 if not (at an end). */
int textedit_backspace(struct textedit *t);
int textedit_delete(struct textedit *t);
int textedit_left(struct textedit *t);
int textedit_right(struct textedit *t);
int textedit_home(struct textedit *t);
int textedit_end(struct textedit *t);
int textedit_kill_line(struct textedit *t);
int textedit_kill_end(struct textedit *t);

/* Display width of one code point (0, 1 or 2; controls count 1). */
int textedit_cpwidth(uint32_t cp);
/* Display width of the whole text. */
size_t textedit_width(const struct textedit *t);

/* The visible window for a field `width` columns wide: adjusts t->scroll so
 * the cursor is visible (and one column is left for it at the end), then
 * writes the UTF-8 of the visible characters into out (NUL-terminated, cut
 * to whole characters that fit) and returns the cursor's column in the
 * window. *used receives the columns the text occupies (<= width). */
int textedit_view(struct textedit *t, int width, char *out, size_t size, int *used);

#endif
