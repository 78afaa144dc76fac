/* Modal dialogs drawn over the current screen. Each runs its own small
 * input loop and returns the answer; the screen below is redrawn under it
 * (resize included). All text arguments are already translated. */
#ifndef WANGGE_UI_DIALOG_H
#define WANGGE_UI_DIALOG_H

#include <stddef.h>

/* Yes or no. y (and Enter when default_yes) says yes; n, Esc (and Enter
 * when not default_yes) say no. Returns 1 for yes. */
int ui_confirm(const char *question, int default_yes);
/* A message in a box until any key; text may hold newlines, and is wrapped
 * (at spaces, or between Chinese characters) to fit the terminal. */
void ui_message(const char *title, const char *text);
/* One line of text: out holds the initial value and receives the answer.
 * It takes as much as out holds (size bytes of UTF-8, NUL included); past
 * that a key beeps. secret hides what is typed. Returns 1 on Enter, 0 on Esc. */
int ui_prompt(const char *title, const char *label, char *out, size_t size, int secret);
/* Choose from labels[0..n): a filter line (type to narrow the list; any
 * part of the label matches, case-insensitive) above the list.
 * Single choice (selected == NULL): returns the chosen index, or -1 on Esc;
 * cur is the initially selected index.
 * Multiple choice: selected[i] is toggled with Space (or the toggle key),
 * Enter returns 0, Esc returns -1 and restores selected. */
int ui_pick(const char *title, const char *const *labels, int n, int cur, unsigned char *selected);
/* The same with the filter line already holding filter (NULL or "" for
 * none): a letter typed on a choice field opens the picker and starts the
 * filter with that letter. cur falls back to the first match when it does
 * not match. */
int ui_pick_filtered(const char *title, const char *const *labels, int n, int cur,
                     unsigned char *selected, const char *filter);

#endif
