/* A form screen for the administrator's screens: the caller builds the
 * fields, the screen edits them and calls save() on ^S (or Enter on the last
 * field). save() returns 0 when the record was stored (the screen closes)
 * or -1 after putting its message at the culprit field or in the status line
 * (the screen stays, nothing typed is lost). */
#ifndef WANGGE_SCREENS_ADMIN_FORM_H
#define WANGGE_SCREENS_ADMIN_FORM_H

#include "ui/form.h"
#include "ui/screen.h"

typedef int (*admin_form_save_fn)(void *ctx, struct ui_form *f);

/* title: an English msgid. ctx is owned by the screen and released with
 * free_ctx (may be NULL) when it closes. *form receives the form to fill. */
struct screen *admin_form_new(const char *title, void *ctx, admin_form_save_fn save,
                              void (*free_ctx)(void *), struct ui_form **form);
/* A line of translated text shown above the fields (e.g. whose password). */
void admin_form_set_intro(struct screen *s, const char *text);

/* Show a store or domain failure: at the field named, else in the status
 * line. Returns -1 for save(). */
int admin_form_fail(struct ui_form *f, int field, const char *msg);

/* The index of a store's field name among names (the form's fields in
 * order), or -1: where admin_form_fail puts the message. */
int admin_form_field_index(const char *field, const char *const *names, int n);

/* 1 if s has only lower-case letters a-z, digits and characters of punct
 * (codes and user names); the caller says what is allowed. */
int admin_form_code_ok(const char *s, const char *punct);

/* A field validator: empty, or a phone number phone_parse takes. */
int admin_form_check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e);

#endif
