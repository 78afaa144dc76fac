/* Keys as one int: a character is its code point (control characters
 * included: ^A is 1), a special key is UI_KEY_FN | the ncurses KEY_ code.
 * Enter is always '\n' (CR, LF and KEY_ENTER are folded into it) and
 * Backspace always UI_KEY_BACKSPACE (DEL and KEY_BACKSPACE folded). */
#ifndef WANGGE_UI_KEY_H
#define WANGGE_UI_KEY_H

#include <stddef.h>

typedef int ui_key;

#define UI_KEY_FN        0x40000000
#define UI_KEY_NONE      (-1)
#define UI_KEY_ENTER     '\n'
#define UI_KEY_ESC       27
#define UI_KEY_TAB       '\t'
#define UI_KEY_BACKSPACE (UI_KEY_FN | 0407) /* KEY_BACKSPACE */

/* The key for ncurses get_wch's result (rc KEY_CODE_YES or OK, value wc). */
ui_key key_from_wch(int rc, unsigned wc);
/* Parse a key name as written in keymap files: "a", "Q", "?", "^X", "Enter",
 * "Esc", "Tab", "BackTab", "Space", "Backspace", "Delete", "Insert", "Up",
 * "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "F1".."F12", or any
 * single UTF-8 character. UI_KEY_NONE if not a key. */
ui_key key_parse(const char *name);
/* The name of a key (the inverse of key_parse) into out. */
const char *key_to_name(ui_key k, char *out, size_t size);
/* 1 if k is a character that a text field would insert (not a control). */
int key_is_text(ui_key k);

#endif
