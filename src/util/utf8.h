/* UTF-8 decoding and validation. Display width lives in ui/ (wcwidth). */
#ifndef WANGGE_UTIL_UTF8_H
#define WANGGE_UTIL_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most n bytes). Returns bytes used (1-4), or
 * -1 on a malformed, overlong or surrogate sequence (*cp is then U+FFFD). */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns bytes written, 0 if cp is invalid. */
int utf8_encode(uint32_t cp, char out[4]);
/* 1 if s[0..n) is entirely valid UTF-8. */
int utf8_valid(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_count(const char *s);

#endif
