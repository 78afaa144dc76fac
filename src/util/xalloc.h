/* Allocation that cannot fail: on exhaustion the registered hook runs (the UI
 * restores the terminal there), a message is written and the process exits. */
#ifndef WANGGE_UTIL_XALLOC_H
#define WANGGE_UTIL_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh allocation. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Run before dying of exhaustion (e.g. endwin). One hook; NULL removes it. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
