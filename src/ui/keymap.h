/* Keymaps: which key does which action on which screen.
 *
 * File syntax, one statement a line, '#' starts a comment line:
 *     bind <section> <key> <action>
 * <section> is a screen's name ("home", "grids", ...), "edit" (text fields)
 * or "generic" (every screen); <key> as in key_parse; <action> as in
 * action_table.h, or "none" to remove a binding. Later lines override earlier
 * ones, so a user's file only says what differs from the default. */
#ifndef WANGGE_UI_KEYMAP_H
#define WANGGE_UI_KEYMAP_H

#include "ui/action.h"
#include "ui/key.h"

struct keymap;

/* Called for each error in a keymap text with "file:line: message". */
typedef void (*keymap_err_fn)(void *ctx, const char *msg);

/* A keymap holding the compiled-in keymaps/default.keys. */
struct keymap *keymap_new(void);
void keymap_free(struct keymap *km);
/* Add the statements of text (named fname in messages). Errors are reported
 * through err (may be NULL) and loading goes on. Returns the error count. */
int keymap_load_text(struct keymap *km, const char *fname, const char *text, keymap_err_fn err,
                     void *ctx);
/* The same from a file; an unreadable file is one error. */
int keymap_load_file(struct keymap *km, const char *path, keymap_err_fn err, void *ctx);
/* Add a built-in keymap by name ("default", "vi"); -1 if there is none. */
int keymap_load_builtin(struct keymap *km, const char *name, keymap_err_fn err, void *ctx);
/* 1 if name is a built-in keymap. */
int keymap_builtin_exists(const char *name);
/* Names of the built-in keymaps ("default", "vi", ...), NULL-terminated. */
const char *const *keymap_builtin_names(void);

/* The action of key in section, else in "generic"; ACT_NONE if unbound. */
enum action keymap_lookup(const struct keymap *km, const char *section, ui_key key);
/* The action of key in exactly this section (no generic fallback). */
enum action keymap_lookup_only(const struct keymap *km, const char *section, ui_key key);
/* The keys bound to action in section (or generic when the section does not
 * override them), as "q, Esc" into out. Empty if none. */
const char *keymap_keys_for(const struct keymap *km, const char *section, enum action a, char *out,
                            size_t size);

/* The first key bound to action (as keymap_keys_for, one key), for hints. */
const char *keymap_first_key(const struct keymap *km, const char *section, enum action a, char *out,
                             size_t size);

/* Every binding effective in section (section's own first, then generic
 * ones not overridden), for the help screen. Returns the number; fills up to
 * max entries. */
struct keymap_entry {
    char section[16];
    ui_key key;
    enum action action;
};
int keymap_list(const struct keymap *km, const char *section, struct keymap_entry *out, int max);

#endif
