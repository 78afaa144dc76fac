/* Forms: labelled fields, one per row, edited in place. Kinds: text,
 * number, date (YYYY-MM-DD), password, choice (a picker with type-to-
 * filter), tags (multi-select picker) and multi-line text.
 *
 * Each field is checked when the cursor leaves it and all are checked on
 * submit: built-in checks (required, number, date) first, then the field's
 * own validate(). A failing check puts its message right under the field,
 * in the error style; nothing typed is discarded.
 *
 * A screen owning a form passes every request to ui_form_request first and
 * handles what comes back: ACT_SUBMIT means every field is valid, save now
 * (on failure, ui_field_error() the culprit and stay); ACT_CANCEL/ACT_BACK
 * mean leave (the screen's can_close should call ui_form_can_close). */
#ifndef WANGGE_UI_FORM_H
#define WANGGE_UI_FORM_H

#include <stddef.h>

#include "ui/action.h"
#include "ui/display.h"
#include "ui/key.h"
#include "ui/textedit.h"

struct screen;
struct ui_form;

enum ui_field_kind {
    UI_FIELD_TEXT,
    UI_FIELD_NUMBER,
    UI_FIELD_DATE,
    UI_FIELD_PASSWORD,
    UI_FIELD_CHOICE,
    UI_FIELD_TAGS,
    UI_FIELD_MULTILINE,
};

/* A choice: the stored value and the label shown (a msgid when the form's
 * translate_choices is set, else shown as is, e.g. names from the database). */
struct ui_choice {
    const char *value;
    const char *label;
};

struct ui_field {
    enum ui_field_kind kind;
    const char *label; /* English msgid, translated when drawn */
    int required;
    int readonly;
    struct textedit te;              /* text-like kinds */
    const struct ui_choice *choices; /* choice, tags (not owned) */
    int nchoices;
    int translate_choices;
    int choice;              /* choice: index, -1 for none */
    unsigned char *selected; /* tags: one flag per choice (owned) */
    int rows;                /* multi-line: rows shown (default 3) */
    long min, max;           /* number: range, when min < max */
    /* Own check, after the built-in ones: 0, or -1 with a translated message
     * in e (e.g. wg_err_set(e, "%s", _("..."))). */
    int (*validate)(struct ui_form *f, struct ui_field *fld, wg_err *e);
    void *ctx; /* for validate */
    char error[256];
};

struct ui_form {
    struct ui_field *fields;
    int n, cap;
    int cur;     /* focused field */
    int top;     /* first field row shown */
    int changed; /* something was edited since ui_form_init / ui_form_saved */
    int label_width;
};

void ui_form_init(struct ui_form *f);
void ui_form_free(struct ui_form *f);

/* Add fields; the returned pointer stays valid until the next add (set
 * required, validate, min/max right away). value may be NULL. max: most
 * characters (0: no limit). */
struct ui_field *ui_form_text(struct ui_form *f, const char *label, const char *value, size_t max);
struct ui_field *ui_form_number(struct ui_form *f, const char *label, const char *value);
struct ui_field *ui_form_date(struct ui_form *f, const char *label, const char *value);
struct ui_field *ui_form_password(struct ui_form *f, const char *label);
struct ui_field *ui_form_choice(struct ui_form *f, const char *label, const struct ui_choice *c,
                                int n, const char *value);
struct ui_field *ui_form_tags(struct ui_form *f, const char *label, const struct ui_choice *c,
                              int n);
struct ui_field *ui_form_multiline(struct ui_form *f, const char *label, const char *value,
                                   int rows);

/* The field's text (caller frees); for choice the chosen value ("" if none). */
char *ui_field_text(const struct ui_field *fld);
/* Choice: the chosen value or NULL. */
const char *ui_field_value(const struct ui_field *fld);
/* Set or clear (msg NULL) the message shown at the field. */
void ui_field_error(struct ui_field *fld, const char *msg);
/* The field by index. */
struct ui_field *ui_form_field(struct ui_form *f, int i);

/* Draw into r; sets s->cursor_* and s->mode ("edit" on text-like fields). */
void ui_form_draw(struct ui_form *f, struct screen *s, const struct ui_rect *r);
/* Edit and move; see the top of this file for what comes back. */
enum action ui_form_request(struct ui_form *f, enum action a, ui_key key);
/* Check every field; returns the number of failing fields and focuses the
 * first. */
int ui_form_validate(struct ui_form *f);
/* After saving: no unsaved changes any more. */
void ui_form_saved(struct ui_form *f);
/* For the screen's can_close: 1 if nothing is unsaved or the user agrees to
 * discard it. */
int ui_form_can_close(struct ui_form *f);

#endif
