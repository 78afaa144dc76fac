#include "domain/role.h"

#include <string.h>

#include "util/gettext.h"

/* Labels are English msgids: the UI shows _(role_label(r)), the CLI English. */
static const struct {
    const char *name, *label;
} roles[ROLE_COUNT] = {
    [ROLE_ADMIN] = {"admin", N_("County administrator")},
    [ROLE_CENTRE] = {"centre", N_("Centre dispatcher")},
    [ROLE_TOWN] = {"town", N_("Town officer")},
    [ROLE_SECRETARY] = {"secretary", N_("Village secretary")},
    [ROLE_LEADER] = {"leader", N_("Grid leader")},
    [ROLE_WORKER] = {"worker", N_("Grid worker")},
    [ROLE_HANDLER] = {"handler", N_("Department handler")},
};

const char *role_name(enum role r)
{
    return (unsigned)r < ROLE_COUNT ? roles[r].name : NULL;
}

const char *role_label(enum role r)
{
    return (unsigned)r < ROLE_COUNT ? roles[r].label : "?";
}

int role_parse(const char *name)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (strcmp(roles[i].name, name) == 0) return i;
    return -1;
}

int role_may_unmask(enum role r)
{
    /* Those who keep or verify the ledger; departments see what a case shows. */
    return r == ROLE_ADMIN || r == ROLE_CENTRE || r == ROLE_TOWN || r == ROLE_SECRETARY ||
           r == ROLE_LEADER || r == ROLE_WORKER;
}

int role_may_administer(enum role r)
{
    return r == ROLE_ADMIN;
}

int role_may_edit_ledger(enum role r)
{
    return r == ROLE_ADMIN || r == ROLE_TOWN || r == ROLE_SECRETARY || r == ROLE_LEADER ||
           r == ROLE_WORKER;
}
