#include "util/transcode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

struct transcode {
    iconv_t cd;
    char tail[TRANSCODE_MAX_TAIL];
    size_t ntail;
    strbuf join; /* the held tail followed by the next piece */
};

struct transcode *transcode_new(const char *to, const char *from, wg_err *e)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        wg_err_set(e, "cannot convert from %s to %s: %s", from, to, strerror(errno));
        return NULL;
    }
    struct transcode *t = xcalloc(1, sizeof *t);
    t->cd = cd;
    strbuf_init(&t->join);
    return t;
}

void transcode_free(struct transcode *t)
{
    if (!t) return;
    iconv_close(t->cd);
    strbuf_free(&t->join);
    free(t);
}

size_t transcode_feed(struct transcode *t, const char *in, size_t len, strbuf *out)
{
    char *ip = (char *)in;
    size_t il = len, bad = 0;
    if (t->ntail) {
        strbuf_reset(&t->join);
        strbuf_add(&t->join, t->tail, t->ntail);
        strbuf_add(&t->join, in, len);
        t->ntail = 0;
        ip = t->join.s;
        il = t->join.len;
    }
    char obuf[4096];
    while (il > 0) {
        char *op = obuf;
        size_t ol = sizeof obuf;
        size_t r = iconv(t->cd, &ip, &il, &op, &ol);
        int err = errno;
        strbuf_add(out, obuf, (size_t)(op - obuf));
        if (r != (size_t)-1 || err == E2BIG) continue;
        if (err == EINVAL && il < TRANSCODE_MAX_TAIL) {
            /* Cut in the middle of a character: the rest is in the next piece. */
            memcpy(t->tail, ip, il);
            t->ntail = il;
            break;
        }
        /* EILSEQ (or an impossible tail): this byte starts no character.
         * Resynchronise on the next one, as a terminal would. */
        strbuf_addc(out, '?');
        ip++, il--, bad++;
        iconv(t->cd, NULL, NULL, NULL, NULL);
    }
    return bad;
}

size_t transcode_finish(struct transcode *t, strbuf *out)
{
    size_t n = t->ntail;
    for (size_t i = 0; i < n; i++) strbuf_addc(out, '?');
    t->ntail = 0;
    iconv(t->cd, NULL, NULL, NULL, NULL);
    return n;
}

size_t transcode_pending(const struct transcode *t)
{
    return t->ntail;
}

int transcode_is_gb(const char *codeset)
{
    static const char *const names[] = {"GB18030", "GBK",   "GB2312",  "EUC-CN",
                                        "EUCCN",   "CP936", "GB-18030"};
    if (!codeset) return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(codeset, names[i]) == 0) return 1;
    return 0;
}
