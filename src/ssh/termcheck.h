/* Is a terminal type known to this host's terminfo database? Kept apart
 * because <term.h> defines macros (lines, columns, ...) that clash with
 * ordinary names. */
#ifndef WANGGE_SSH_TERMCHECK_H
#define WANGGE_SSH_TERMCHECK_H

/* 1 if ncurses can set up the terminal type name on fd, else 0. */
int termcheck_known(const char *name, int fd);

#endif
