#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "util/xalloc.h"

void strbuf_init(strbuf *b)
{
    b->cap = 64;
    b->len = 0;
    b->s = xmalloc(b->cap);
    b->s[0] = '\0';
}

void strbuf_free(strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void strbuf_reset(strbuf *b)
{
    b->len = 0;
    b->s[0] = '\0';
}

static void grow(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    while (b->len + extra + 1 > b->cap) b->cap *= 2;
    b->s = xrealloc(b->s, b->cap);
}

void strbuf_add(strbuf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_adds(strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void strbuf_addc(strbuf *b, char c)
{
    strbuf_add(b, &c, 1);
}

void strbuf_addf(strbuf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        grow(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void strbuf_add_json(strbuf *b, const char *s)
{
    strbuf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            strbuf_adds(b, "\\\"");
            break;
        case '\\':
            strbuf_adds(b, "\\\\");
            break;
        case '\n':
            strbuf_adds(b, "\\n");
            break;
        case '\r':
            strbuf_adds(b, "\\r");
            break;
        case '\t':
            strbuf_adds(b, "\\t");
            break;
        default:
            if (*p < 0x20)
                strbuf_addf(b, "\\u%04x", *p);
            else
                strbuf_addc(b, (char)*p);
        }
    }
    strbuf_addc(b, '"');
}

char *strbuf_steal(strbuf *b)
{
    char *s = b->s;
    strbuf_init(b);
    return s;
}
