#include "ui/action.h"

#include <string.h>

#include "ui/i18n.h"

static const struct {
    const char *name;
    const char *help;
} actions[ACT_COUNT] = {
    [ACT_NONE] = {"none", ""},
#define ACTION(id, name, help) [ACT_##id] = {name, N_(help)},
#include "ui/action_table.h"
#undef ACTION
};

const char *action_name(enum action a)
{
    if (a <= ACT_NONE || a >= ACT_COUNT) return NULL;
    return actions[a].name;
}

const char *action_help(enum action a)
{
    if (a <= ACT_NONE || a >= ACT_COUNT) return "";
    return actions[a].help;
}

int action_parse(const char *name)
{
    for (int a = 0; a < ACT_COUNT; a++)
        if (strcmp(actions[a].name, name) == 0) return a;
    return -1;
}
