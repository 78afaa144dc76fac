/* Pinyin for names, from Unihan's kMandarin and kHanyuPinyin readings
 * (generated at build time from Debian's unicode-data). Tone-less, lower-case
 * ASCII, 'ü' written as 'v'. Pure. */
#ifndef WANGGE_DOMAIN_PINYIN_H
#define WANGGE_DOMAIN_PINYIN_H

#include <stddef.h>
#include <stdint.h>

#define PINYIN_MAX_READINGS 8
#define PINYIN_MAX_COMBOS   16

/* The readings of one code point, most common first; returns the count (0 if
 * the character has none). Pointers are to static strings. */
int pinyin_readings(uint32_t cp, const char **out, int max);

/* Spellings of a personal name, for search: every combination of readings of
 * its characters (at most PINYIN_MAX_COMBOS, the likeliest first; a polyphonic
 * surname's surname reading comes first, 曾 zeng before ceng, 单 shan before dan),
 * syllables joined without spaces, combinations separated by one space:
 *   "单田芳" -> full "shantianfang dantianfang", initials "stf dtf"
 * Duplicate spellings are dropped. ASCII letters and digits pass through in
 * lower case; other characters are skipped. Returns 0, or -1 if a buffer is too
 * small (the output is then truncated at a whole spelling). */
int pinyin_name(const char *name, char *full, size_t full_size, char *initials,
                size_t initials_size);

#endif
