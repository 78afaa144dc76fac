/* The administrator's list screens, described by tables: one row per record
 * in columns, a line of key hints, and the usual flows (add, change, the
 * menu on Enter, retire or restore, the record's history in the audit
 * viewer). A screen gives a struct admin_list_spec: the columns and where
 * each cell comes from in its record, the store calls, and hooks for what
 * it does beyond the common flows (lines above the table, more actions).
 *
 * Rows are records of spec->size bytes read by spec->fetch; cells, the id
 * and the name are found at offsets into a record, so the table is the
 * whole description for simple records (departments, tags, case kinds). */
#ifndef WANGGE_SCREENS_ADMIN_LIST_H
#define WANGGE_SCREENS_ADMIN_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "screens/admin.h"
#include "screens/app.h"
#include "store/store.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/screen.h"

#define ADMIN_COLS_MAX 8

struct admin_list;

enum admin_cell {
    ADMIN_TEXT,   /* char[] at off */
    ADMIN_CHOICE, /* char[] at off, shown as its label among choices */
    ADMIN_INT,    /* int at off, right-aligned in pad columns */
    ADMIN_I64,    /* int64_t at off, right-aligned in pad columns */
    ADMIN_FLAG,   /* int at off: msgid set when non-zero, else unset (NULL: nothing) */
    ADMIN_CUSTOM, /* text() */
};

/* How an unselected cell is drawn: in the row's style, in the error style
 * (a locked account), or dimmed. */
enum admin_tint { ADMIN_ROW, ADMIN_ALERT, ADMIN_QUIET };

struct admin_col {
    const char *head; /* msgid; NULL: no heading */
    int width;        /* at 80 columns */
    enum admin_cell cell;
    size_t off;
    int pad;
    const char *set, *unset;
    const struct ui_choice *choices;
    int nchoices;
    const char *(*text)(const struct admin_list *l, int i, char *buf, size_t size);
    enum admin_tint tint;
};

/* Retire and restore (or deactivate and activate): an int field of the
 * record, the texts indexed by its current value (0, 1), %s the name.
 * Without done, the field is "retired" (rows with it set are dimmed, the
 * menu and messages say retire and restore). */
struct admin_toggle {
    size_t off;
    const char *ask[2];
    int (*set)(store *db, int64_t id, int value, wg_err *e);
    int dim_if; /* with done: rows are dimmed while the field has this value */
    const char *done[2];
};

struct admin_list_spec {
    struct screen_ops ops; /* ADMIN_LIST_OPS(name, title): name is also the keymap section */
    const char *empty;     /* msgid shown for no rows */
    size_t size;           /* of one record */
    int max;               /* rows at most */
    int first;             /* rows read at first (0: max); more are read 4 times as many */
    const struct admin_col *cols;
    int ncols;
    int flex;                /* the column that takes the width beyond 80; -1: none */
    int shrink;              /* below 80 the flex column gives way too */
    int label_col;           /* jump by typing to this column's text (0: the first); -1: none */
    size_t id_off, name_off; /* int64_t id; char[] name (menu titles, questions) */
    const char *audit;       /* the audit table ACT_HISTORY shows the row in; NULL: none */
    const struct admin_hint *hints; /* NULL: add, edit_hint, more, history, back */
    int nhints;
    const char *edit_hint;      /* msgid: what ACT_EDIT does, in the default hints */
    struct admin_toggle toggle; /* set NULL: none */
    /* Flows; NULL where the screen has none. edit NULL with rename set:
     * the name is changed in a prompt. */
    void (*add)(struct admin_list *l);
    void (*edit)(struct admin_list *l, const void *rec);
    const char *edit_label;   /* msgid: the first entry of the menu on Enter */
    const char *rename_title; /* msgid */
    size_t rename_size;       /* of the record's name */
    int (*rename)(store *db, int64_t id, const char *name, wg_err *e);
    /* Enter on a row (NULL: the menu edit, retire/restore, history); with
     * enter_adds, Enter on an empty list adds. */
    void (*enter)(struct admin_list *l, const void *rec);
    int enter_adds;
    /* Read at most max rows into rows: the count, or -1 with *e. */
    int (*fetch)(struct admin_list *l, void *rows, int max, wg_err *e);
    /* Hooks, each may be NULL. */
    int (*open)(struct admin_list *l, wg_err *e);              /* after the administrator check */
    void (*loaded)(struct admin_list *l);                      /* after each read */
    enum ui_style (*style)(const struct admin_list *l, int i); /* unselected row */
    void (*widths)(const struct admin_list *l, int w, int *widths); /* instead of flex */
    int head_lines; /* drawn by head() above the column headings */
    void (*head)(struct admin_list *l, const struct ui_rect *r);
    int foot_lines; /* drawn by foot() between the list and the hints */
    void (*foot)(struct admin_list *l, const struct ui_rect *r);
    /* More actions: ACT_NONE when handled, else a. before() sees them ahead
     * of the list's moving and jumping, request() after, with a copy of the
     * selected row (NULL when none). */
    enum action (*before)(struct admin_list *l, enum action a);
    enum action (*request)(struct admin_list *l, const void *cur, enum action a);
    void (*close)(void *priv); /* releases what priv holds; priv itself is freed */
    /* Rows are not read again when the screen is back on top (a selection
     * being made survives a look at the help screen). */
    int keep_rows;
};

struct admin_list {
    struct app *app;
    const struct admin_list_spec *spec;
    void *priv; /* the screen's own state, owned */
    void *rows;
    int n;
    struct ui_list list;
    void *cur; /* the selected row, copied: flows reload rows */
};

int admin_list_open(struct screen *s, wg_err *e);
void admin_list_draw(struct screen *s, const struct ui_rect *r);
enum action admin_list_request(struct screen *s, enum action a, ui_key key);
void admin_list_close(struct screen *s);
void admin_list_resume(struct screen *s);

#define ADMIN_LIST_OPS(name_, title_)                                                              \
    {                                                                                              \
        .name = name_, .title = title_, .open = admin_list_open, .draw = admin_list_draw,          \
        .request = admin_list_request, .close = admin_list_close, .resume = admin_list_resume,     \
    }

/* A list screen for spec; priv (may be NULL) is owned by the screen. */
struct screen *admin_list_new(struct app *a, const struct admin_list_spec *spec, void *priv);
/* Read the rows again (errors go to the status line). */
void admin_list_load(struct admin_list *l);
const void *admin_list_row(const struct admin_list *l, int i);
/* Select the row with this id, if it is there. */
void admin_list_select(struct admin_list *l, int64_t id);
/* Ask, then retire or restore rec (spec->toggle), and read the rows again. */
void admin_list_toggle(struct admin_list *l, const void *rec);
/* Column x offsets c[0..ncols] for width w. */
void admin_list_columns(const struct admin_list *l, int w, int *c);

/* The translated label of value among choices, or value itself. */
const char *admin_choice_label(const struct ui_choice *c, int n, const char *value);

#endif
