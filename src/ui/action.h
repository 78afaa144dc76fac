/* Actions: what a key does, named in keymap files (see action_table.h). */
#ifndef WANGGE_UI_ACTION_H
#define WANGGE_UI_ACTION_H

enum action {
    ACT_NONE = 0, /* no binding; a request that returns it was handled */
#define ACTION(id, name, help) ACT_##id,
#include "ui/action_table.h"
#undef ACTION
    ACT_COUNT
};

/* The keymap-file name of an action ("page-down"), or NULL for ACT_NONE. */
const char *action_name(enum action a);
/* The English help text (a msgid: pass it through _() to show it). */
const char *action_help(enum action a);
/* Parse a keymap-file name; "none" gives ACT_NONE; -1 if unknown. */
int action_parse(const char *name);

#endif
