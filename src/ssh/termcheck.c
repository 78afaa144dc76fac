#include "ssh/termcheck.h"

#include <curses.h>
#include <term.h>

int termcheck_known(const char *name, int fd)
{
    int err = 0;
    if (!name || !*name || setupterm(name, fd, &err) != OK) return 0;
    /* Only a probe: the UI sets the terminal up again in its own way. */
    del_curterm(cur_term);
    return 1;
}
