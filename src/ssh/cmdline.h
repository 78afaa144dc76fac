/* Splitting an exec request's command line into words.
 *
 * No shell is ever involved: the line is cut the way a POSIX shell would cut
 * a simple command, with quoting only (no expansion, no redirection, no
 * operators), so `ssh host search '张 三'` reaches the subcommand as two words. */
#ifndef WANGGE_SSH_CMDLINE_H
#define WANGGE_SSH_CMDLINE_H

#include "util/err.h"

#define CMDLINE_MAX_WORDS 256
#define CMDLINE_MAX_LEN   65536

/* Split line into a NULL-terminated vector (free with cmdline_free).
 * Quoting: '...' is literal; "..." keeps \" \\ \$ \` escapes; a backslash
 * outside quotes takes the next character literally. Returns the word count,
 * or -1 with *e naming the problem (unterminated quote, too long, too many
 * words). */
int cmdline_split(const char *line, char ***argv, wg_err *e);
void cmdline_free(char **argv);

#endif
