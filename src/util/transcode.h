/* Charset conversion of a byte stream that arrives in pieces (iconv).
 *
 * A terminal's bytes come in reads of any size: a multibyte character may be
 * cut between two of them. The converter holds such an incomplete tail until
 * the next piece completes it, so the output never depends on where the
 * stream was cut. A byte that cannot start a valid character becomes '?' and
 * the conversion goes on with the next byte; nothing else is dropped. ASCII
 * (and so every terminal escape sequence) passes unchanged between UTF-8 and
 * GB18030. */
#ifndef WANGGE_UTIL_TRANSCODE_H
#define WANGGE_UTIL_TRANSCODE_H

#include <stddef.h>

#include "util/err.h"
#include "util/strbuf.h"

/* Longest incomplete sequence held between pieces (UTF-8 and GB18030 need
 * at most 3 more bytes); a longer "incomplete" tail is treated as invalid. */
#define TRANSCODE_MAX_TAIL 8

struct transcode;

/* A converter from charset `from` to charset `to` (iconv names, e.g.
 * "UTF-8", "GB18030"). NULL with *e if iconv does not know the pair. */
struct transcode *transcode_new(const char *to, const char *from, wg_err *e);
void transcode_free(struct transcode *t);

/* Convert len bytes of in and append the result to out. An incomplete
 * sequence at the end is held for the next call. Returns the number of
 * invalid bytes replaced by '?' in this call. */
size_t transcode_feed(struct transcode *t, const char *in, size_t len, strbuf *out);
/* The stream ended: a held incomplete sequence becomes one '?' per byte.
 * Returns the number of such bytes. */
size_t transcode_finish(struct transcode *t, strbuf *out);
/* Bytes held from the last piece. */
size_t transcode_pending(const struct transcode *t);

/* 1 if a charset name (a locale's codeset: "GB18030", "gbk", "GB2312",
 * "euc-cn", any case) is one whose terminal wants GB18030 bytes. */
int transcode_is_gb(const char *codeset);

#endif
