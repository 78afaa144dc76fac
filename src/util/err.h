/* Error messages passed up by callers' buffers (the redis anet.c way): a
 * function that fails writes one human sentence into *e and returns -1 (or
 * NULL). Messages name what is wrong in the user's terms, without a prefix;
 * the caller adds context ("wangge: init: ..."). */
#ifndef WANGGE_UTIL_ERR_H
#define WANGGE_UTIL_ERR_H

#include <stddef.h>

typedef struct wg_err {
    char msg[512];
} wg_err;

/* Format into e (if not NULL); returns -1 so callers can `return wg_err_set(...)`. */
int wg_err_set(wg_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefix an existing message: "prefix: old message". Returns -1. */
int wg_err_prefix(wg_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wg_err_clear(wg_err *e);

#endif
