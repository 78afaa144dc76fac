/* The pinyin tables generated at build time by tools/genpinyin from Unihan
 * (build/gen/pinyin_data.c). Internal to the pinyin module. */
#ifndef WANGGE_DOMAIN_PINYIN_DATA_H
#define WANGGE_DOMAIN_PINYIN_DATA_H

#include <stdint.h>

#define PINYIN_DATA_SYL_WIDTH 8

/* Distinct tone-less syllables ("a", "ai", ..., "zuo"), alphabetical. */
extern const uint32_t pinyin_data_syl_count;
extern const char pinyin_data_syl[][PINYIN_DATA_SYL_WIDTH];

/* Code points with readings, ascending. The readings of pinyin_data_cps[i] are
 * the syllables pinyin_data_idx[pinyin_data_off[i] .. pinyin_data_off[i + 1]),
 * likeliest first. */
extern const uint32_t pinyin_data_count;
extern const uint32_t pinyin_data_cps[];
extern const uint32_t pinyin_data_off[];
extern const uint16_t pinyin_data_idx[];

/* Code points are below 0x40000 (the BMP and the CJK extension planes 2 and
 * 3). pinyin_data_page[p] is the first index i with pinyin_data_cps[i] >> 8 >= p,
 * so a lookup searches only its own 256-code-point page. */
#define PINYIN_DATA_PAGES 0x400
extern const uint32_t pinyin_data_page[PINYIN_DATA_PAGES + 1];

#endif
