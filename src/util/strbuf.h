/* A growable, always NUL-terminated byte string. */
#ifndef WANGGE_UTIL_STRBUF_H
#define WANGGE_UTIL_STRBUF_H
#include <stddef.h>

typedef struct strbuf {
    char *s;    /* never NULL after strbuf_init */
    size_t len; /* bytes, excluding the NUL */
    size_t cap;
} strbuf;

void strbuf_init(strbuf *b);
void strbuf_free(strbuf *b);
void strbuf_reset(strbuf *b);
void strbuf_add(strbuf *b, const char *s, size_t n);
void strbuf_adds(strbuf *b, const char *s);
void strbuf_addc(strbuf *b, char c);
void strbuf_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal, quotes included. */
void strbuf_add_json(strbuf *b, const char *s);
/* Hand the buffer to the caller (free() it); b is left empty and usable. */
char *strbuf_steal(strbuf *b);

#endif
