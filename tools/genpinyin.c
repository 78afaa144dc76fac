/* Build-time generator of the pinyin tables (build/gen/pinyin_data.c).
 *
 *   bzcat Unihan_Readings.txt.bz2 | genpinyin > pinyin_data.c
 *
 * Reads the Mandarin readings of Unihan and writes, for every code point that
 * has any, its tone-less readings (lower-case ASCII, 'v' for u-umlaut) in order
 * of likelihood: kMandarin (the customary reading), kHanyuPinlu (readings
 * attested in a frequency count, most frequent first), kXHC1983 and kTGHZ2013
 * (modern standard dictionaries, which also cover simplified forms), then
 * kHanyuPinyin (the large historical dictionary, with archaic readings).
 * Duplicates keep their first, likeliest place.
 *
 * Output: a sorted array of code points, per code point an offset into an
 * array of syllable indices, and the pool of distinct syllables (about 400, so
 * indices fit in 16 bits). The declarations are in src/domain/pinyin_data.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYL_WIDTH 8 /* must match pinyin_data.h */
#define MAX_SYL   4096
#define MAX_CP    0x40000       /* BMP and the CJK extension planes 2 and 3 */
#define PAGES     (MAX_CP >> 8) /* must match PINYIN_DATA_PAGES */

enum { SRC_MANDARIN, SRC_PINLU, SRC_XHC, SRC_TGHZ, SRC_HANYU };

struct entry {
    uint32_t cp;
    uint32_t seq; /* position in input, keeps the source's own order */
    uint16_t syl;
    uint8_t src;
    uint32_t weight; /* kHanyuPinlu frequency, higher first */
};

static struct entry *entries;
static size_t n_entries, cap_entries;
static uint32_t seq_counter;

static char syl_text[MAX_SYL][SYL_WIDTH];
static size_t n_syl;
static int syl_hash[MAX_SYL * 2]; /* index + 1, 0 = empty */
static unsigned long n_skipped, n_archaic;

static void die(const char *msg)
{
    fprintf(stderr, "genpinyin: %s\n", msg);
    exit(1);
}

static void *grow(void *p, size_t n, size_t size)
{
    if (n && size > SIZE_MAX / n) die("out of memory");
    void *q = realloc(p, n * size);
    if (!q) die("out of memory");
    return q;
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static int intern(const char *s)
{
    size_t mask = sizeof syl_hash / sizeof syl_hash[0] - 1;
    for (size_t i = hash_str(s) & mask;; i = (i + 1) & mask) {
        if (syl_hash[i] == 0) {
            if (n_syl == MAX_SYL) die("too many distinct syllables");
            memcpy(syl_text[n_syl], s, strlen(s) + 1);
            syl_hash[i] = (int)++n_syl;
            return (int)n_syl - 1;
        }
        if (strcmp(syl_text[syl_hash[i] - 1], s) == 0) return syl_hash[i] - 1;
    }
}

/* Decode one UTF-8 sequence; returns its length, 0 on a malformed one. */
static int decode(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
    if (s >= end) return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || end - s < len) return 0;
    uint32_t v = s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* The tone-less ASCII letter for a pinyin letter; 0 for a combining tone mark
 * (dropped), -1 for anything that has no place in a reading. */
static int base_letter(uint32_t cp)
{
    static const struct {
        uint32_t cp;
        char c;
    } map[] = {
        {0xE0, 'a'},  {0xE1, 'a'},  {0x101, 'a'}, {0x1CE, 'a'},  {0xE8, 'e'},   {0xE9, 'e'},
        {0xEA, 'e'},  {0x113, 'e'}, {0x11B, 'e'}, {0x1EBF, 'e'}, {0x1EC1, 'e'}, {0xEC, 'i'},
        {0xED, 'i'},  {0x12B, 'i'}, {0x1D0, 'i'}, {0xF2, 'o'},   {0xF3, 'o'},   {0x14D, 'o'},
        {0x1D2, 'o'}, {0xF9, 'u'},  {0xFA, 'u'},  {0x16B, 'u'},  {0x1D4, 'u'},  {0xFC, 'v'},
        {0x1D6, 'v'}, {0x1D8, 'v'}, {0x1DA, 'v'}, {0x1DC, 'v'},  {0x1E3F, 'm'}, {0x144, 'n'},
        {0x148, 'n'}, {0x1F9, 'n'}, {0x300, 0},   {0x301, 0},    {0x302, 0},    {0x304, 0},
        {0x308, 0},   {0x30C, 0},
    };
    if (cp >= 'a' && cp <= 'z') return (int)cp;
    if (cp >= 'A' && cp <= 'Z') return (int)(cp - 'A' + 'a');
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cp == cp) return map[i].c;
    return -1;
}

/* Strip tones from [s, end) into out; 0, or -1 if the reading is not pinyin. */
static int toneless(const char *s, const char *end, char out[SYL_WIDTH])
{
    const unsigned char *p = (const unsigned char *)s, *e = (const unsigned char *)end;
    size_t n = 0;
    while (p < e) {
        uint32_t cp;
        int len = decode(p, e, &cp);
        if (len == 0) return -1;
        p += len;
        int c = base_letter(cp);
        if (c < 0) return -1;
        if (c == 0) continue;
        if (n + 1 >= SYL_WIDTH) return -1;
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n ? 0 : -1;
}

static void add(uint32_t cp, int src, const char *s, const char *end, uint32_t weight)
{
    char syl[SYL_WIDTH];
    if (toneless(s, end, syl) < 0) {
        n_skipped++;
        return;
    }
    if (n_entries == cap_entries) {
        cap_entries = cap_entries ? cap_entries * 2 : 65536;
        entries = grow(entries, cap_entries, sizeof *entries);
    }
    entries[n_entries++] = (struct entry){.cp = cp,
                                          .seq = seq_counter++,
                                          .syl = (uint16_t)intern(syl),
                                          .src = (uint8_t)src,
                                          .weight = weight};
}

/* One field value: readings separated by spaces; each may carry a prefix up to
 * ':' (dictionary locations), several readings joined by ',' (kHanyuPinyin) or
 * a "(count)" suffix (kHanyuPinlu). */
static void parse_value(uint32_t cp, int src, const char *v, const char *end)
{
    while (v < end) {
        while (v < end && *v == ' ') v++;
        const char *tok = v;
        while (v < end && *v != ' ') v++;
        const char *tok_end = v;
        if (tok == tok_end) continue;
        const char *colon = memchr(tok, ':', (size_t)(tok_end - tok));
        if (colon) tok = colon + 1;
        if (src == SRC_PINLU) {
            const char *paren = memchr(tok, '(', (size_t)(tok_end - tok));
            uint32_t weight = 0;
            if (paren) {
                for (const char *q = paren + 1; q < tok_end && *q >= '0' && *q <= '9'; q++)
                    weight = weight * 10 + (uint32_t)(*q - '0');
                tok_end = paren;
            }
            add(cp, src, tok, tok_end, weight);
            continue;
        }
        while (tok < tok_end) {
            const char *comma = memchr(tok, ',', (size_t)(tok_end - tok));
            const char *r_end = comma ? comma : tok_end;
            if (r_end > tok) add(cp, src, tok, r_end, 0);
            tok = comma ? comma + 1 : tok_end;
        }
    }
}

static int field_source(const char *f, size_t n)
{
    static const struct {
        const char *name;
        int src;
    } fields[] = {{"kMandarin", SRC_MANDARIN},
                  {"kHanyuPinlu", SRC_PINLU},
                  {"kXHC1983", SRC_XHC},
                  {"kTGHZ2013", SRC_TGHZ},
                  {"kHanyuPinyin", SRC_HANYU}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strlen(fields[i].name) == n && memcmp(fields[i].name, f, n) == 0) return fields[i].src;
    return -1;
}

/* "U+4E00<TAB>kMandarin<TAB>yī" */
static void parse_line(const char *line, const char *end)
{
    if (end - line < 3 || line[0] != 'U' || line[1] != '+') return;
    const char *p = line + 2;
    uint32_t cp = 0;
    int digits = 0;
    for (; p < end && digits < 7; p++, digits++) {
        int d = *p >= '0' && *p <= '9'   ? *p - '0'
                : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
                : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                                         : -1;
        if (d < 0) break;
        cp = cp * 16 + (uint32_t)d;
    }
    if (digits < 4 || p >= end || *p != '\t' || cp >= MAX_CP) return;
    const char *field = ++p;
    while (p < end && *p != '\t') p++;
    if (p >= end) return;
    int src = field_source(field, (size_t)(p - field));
    if (src < 0) return;
    const char *value = p + 1;
    while (end > value && (end[-1] == '\r' || end[-1] == ' ')) end--;
    parse_value(cp, src, value, end);
}

static int by_cp_rank(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (x->cp != y->cp) return x->cp < y->cp ? -1 : 1;
    if (x->src != y->src) return x->src < y->src ? -1 : 1;
    if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(syl_text[*(const uint16_t *)a], syl_text[*(const uint16_t *)b]);
}

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 22, n = 0;
    char *buf = grow(NULL, cap, 1);
    for (;;) {
        if (n == cap) buf = grow(buf, cap *= 2, 1);
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0) break;
        n += got;
    }
    if (ferror(f)) die("cannot read standard input");
    *len = n;
    return buf;
}

int main(void)
{
    size_t len;
    char *buf = slurp(stdin, &len);
    for (char *p = buf, *end = buf + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        parse_line(p, line_end);
        p = line_end + 1;
    }
    free(buf);
    if (n_entries == 0)
        die("no Mandarin readings on standard input (expected Unihan_Readings.txt)");

    /* Syllables in alphabetical order make the output readable and stable. */
    static uint16_t order[MAX_SYL], remap[MAX_SYL];
    for (size_t i = 0; i < n_syl; i++) order[i] = (uint16_t)i;
    qsort(order, n_syl, sizeof order[0], by_text);
    for (size_t i = 0; i < n_syl; i++) remap[order[i]] = (uint16_t)i;
    for (size_t i = 0; i < n_entries; i++) entries[i].syl = remap[entries[i].syl];

    qsort(entries, n_entries, sizeof *entries, by_cp_rank);

    printf("/* Generated by tools/genpinyin from Unihan_Readings.txt: do not edit. */\n"
           "#include \"domain/pinyin_data.h\"\n\n");
    printf("const uint32_t pinyin_data_syl_count = %zu;\n", n_syl);
    printf("const char pinyin_data_syl[][PINYIN_DATA_SYL_WIDTH] = {");
    for (size_t i = 0; i < n_syl; i++)
        printf("%s\"%s\",", i % 10 ? " " : "\n    ", syl_text[order[i]]);
    printf("\n};\n\n");

    /* Drop repeated readings of a code point, keeping the likeliest place. */
    size_t n_idx = 0, n_cp = 0;
    uint16_t *idx = grow(NULL, n_entries, sizeof *idx);
    uint32_t *cps = grow(NULL, n_entries, sizeof *cps);
    uint32_t *off = grow(NULL, n_entries + 1, sizeof *off);
    for (size_t i = 0; i < n_entries;) {
        size_t j = i, first = n_idx;
        cps[n_cp] = entries[i].cp;
        off[n_cp++] = (uint32_t)n_idx;
        /* The historical dictionary's archaic readings (王 yu, 明 meng) would
         * make names match searches nobody means; keep them only for characters
         * that no modern dictionary covers. */
        int modern = 0;
        for (size_t m = i; m < n_entries && entries[m].cp == entries[i].cp; m++)
            modern |= entries[m].src == SRC_XHC || entries[m].src == SRC_TGHZ;
        for (; j < n_entries && entries[j].cp == entries[i].cp; j++) {
            if (modern && entries[j].src == SRC_HANYU) {
                n_archaic++;
                continue;
            }
            size_t k = first;
            while (k < n_idx && idx[k] != entries[j].syl) k++;
            if (k == n_idx) idx[n_idx++] = entries[j].syl;
        }
        i = j;
    }
    off[n_cp] = (uint32_t)n_idx;

    printf("const uint32_t pinyin_data_count = %zu;\n", n_cp);
    printf("const uint32_t pinyin_data_cps[] = {");
    for (size_t i = 0; i < n_cp; i++) printf("%s0x%X,", i % 10 ? " " : "\n    ", cps[i]);
    printf("\n};\n\nconst uint32_t pinyin_data_off[] = {");
    for (size_t i = 0; i <= n_cp; i++) printf("%s%u,", i % 12 ? " " : "\n    ", off[i]);
    printf("\n};\n\nconst uint16_t pinyin_data_idx[] = {");
    for (size_t i = 0; i < n_idx; i++) printf("%s%u,", i % 16 ? " " : "\n    ", idx[i]);
    printf("\n};\n\nconst uint32_t pinyin_data_page[PINYIN_DATA_PAGES + 1] = {");
    for (size_t page = 0, i = 0; page <= PAGES; page++) {
        while (i < n_cp && cps[i] >> 8 < page) i++;
        printf("%s%zu,", page % 12 ? " " : "\n    ", i);
    }
    printf("\n};\n");
    if (fflush(stdout) != 0 || ferror(stdout)) die("cannot write standard output");

    fprintf(stderr, "genpinyin: %zu code points, %zu readings, %zu syllables", n_cp, n_idx, n_syl);
    fprintf(stderr, ", %lu historical readings of modern characters left out", n_archaic);
    if (n_skipped) fprintf(stderr, ", %lu readings not pinyin (skipped)", n_skipped);
    fputc('\n', stderr);
    free(idx);
    free(cps);
    free(off);
    free(entries);
    return 0;
}
