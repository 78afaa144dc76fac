#include "domain/pinyin.h"

#include <string.h>

#include "domain/pinyin_data.h"
#include "util/utf8.h"

/* Names longer than this many letters are spelled from their first ones only:
 * the spellings are search keys, and nobody types more. */
#define MAX_TOKENS 32
#define MAX_SPELL  (MAX_TOKENS * PINYIN_DATA_SYL_WIDTH)

/* Surnames read otherwise than the character's common reading (单 is dan in
 * words, Shan as a surname). Sorted by code point for binary search. A reading
 * missing from Unihan (能 Nai, 黑 He) is still put first. */
static const struct {
    uint32_t cp;
    const char *reading;
} surnames[] = {
    {0x4E50, "yue"},   /* 乐 */
    {0x4EC7, "qiu"},   /* 仇 */
    {0x533A, "ou"},    /* 区 */
    {0x5355, "shan"},  /* 单 */
    {0x53E5, "gou"},   /* 句 */
    {0x53EC, "shao"},  /* 召 */
    {0x5458, "yun"},   /* 员 */
    {0x6298, "she"},   /* 折 */
    {0x66FE, "zeng"},  /* 曾 */
    {0x6734, "piao"},  /* 朴 */
    {0x67E5, "zha"},   /* 查 */
    {0x76D6, "ge"},    /* 盖 */
    {0x796D, "zhai"},  /* 祭 */
    {0x79CD, "chong"}, /* 种 */
    {0x79D8, "bi"},    /* 秘 */
    {0x7C98, "nian"},  /* 粘 */
    {0x7E41, "po"},    /* 繁 */
    {0x7F2A, "miao"},  /* 缪 */
    {0x7FDF, "zhai"},  /* 翟 */
    {0x80FD, "nai"},   /* 能 */
    {0x8543, "pi"},    /* 蕃 */
    {0x8584, "bo"},    /* 薄 */
    {0x8983, "qin"},   /* 覃 */
    {0x89E3, "xie"},   /* 解 */
    {0x90C7, "xun"},   /* 郇 */
    {0x91CD, "chong"}, /* 重 */
    {0x957F, "chang"}, /* 长 */
    {0x961A, "kan"},   /* 阚 */
    {0x9697, "wei"},   /* 隗 */
    {0x9ED1, "he"},    /* 黑 */
};

/* Two-character surnames whose reading differs from their characters' common
 * ones; checked before the single surnames (单于 is Chanyu, not Shanyu). */
static const struct {
    uint32_t cp[2];
    const char *reading[2];
} compounds[] = {
    {{0x4E07, 0x4FDF}, {"mo", "qi"}},     /* 万俟 */
    {{0x5C09, 0x8FDF}, {"yu", "chi"}},    /* 尉迟 */
    {{0x957F, 0x5B59}, {"zhang", "sun"}}, /* 长孙 */
    {{0x5355, 0x4E8E}, {"chan", "yu"}},   /* 单于 */
    {{0x6FB9, 0x53F0}, {"tan", "tai"}},   /* 澹台 */
    {{0x4E50, 0x6B63}, {"yue", "zheng"}}, /* 乐正 */
};

int pinyin_readings(uint32_t cp, const char **out, int max)
{
    if (cp >= (uint32_t)PINYIN_DATA_PAGES << 8) return 0;
    uint32_t lo = pinyin_data_page[cp >> 8], last = pinyin_data_page[(cp >> 8) + 1];
    if (last - lo == 256) {
        lo += cp & 0xFF; /* a full page (most of the common ideographs) */
    } else {
        for (uint32_t n = last - lo; n > 1; n -= n / 2)
            if (pinyin_data_cps[lo + n / 2 - 1] < cp) lo += n / 2;
        if (lo < last && pinyin_data_cps[lo] < cp) lo++;
        if (lo == last || pinyin_data_cps[lo] != cp) return 0;
    }
    uint32_t begin = pinyin_data_off[lo], end = pinyin_data_off[lo + 1];
    int n = 0;
    for (uint32_t i = begin; i < end && n < max; i++)
        out[n++] = pinyin_data_syl[pinyin_data_idx[i]];
    return n;
}

static const char *surname_reading(uint32_t cp)
{
    size_t lo = 0, hi = sizeof surnames / sizeof surnames[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (surnames[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof surnames / sizeof surnames[0] && surnames[lo].cp == cp ? surnames[lo].reading
                                                                              : NULL;
}

struct token {
    uint32_t cp;
    int n;                              /* readings */
    const char *r[PINYIN_MAX_READINGS]; /* likeliest first */
    unsigned char len[PINYIN_MAX_READINGS];
    char ascii[2]; /* a letter or digit passing through */
};

/* Put a surname reading first, keeping the others after it. */
static void prefer(struct token *t, const char *reading)
{
    int at = 0;
    while (at < t->n && strcmp(t->r[at], reading) != 0) at++;
    if (at == t->n) at = t->n < PINYIN_MAX_READINGS ? t->n++ : t->n - 1;
    for (int i = at; i > 0; i--) t->r[i] = t->r[i - 1];
    t->r[0] = reading;
}

static int tokenize(const char *name, struct token *tok)
{
    int n = 0;
    size_t left = strlen(name);
    const char *p = name;
    while (left > 0 && n < MAX_TOKENS) {
        uint32_t cp;
        int used = utf8_decode(p, left, &cp);
        if (used < 0) used = 1;
        p += used;
        left -= (size_t)used;
        struct token *t = &tok[n];
        if (cp < 0x80) {
            char c = (char)cp;
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
            t->cp = cp;
            t->ascii[0] = c;
            t->ascii[1] = '\0';
            t->r[0] = t->ascii;
            t->n = 1;
        } else {
            t->cp = cp;
            t->n = pinyin_readings(cp, t->r, PINYIN_MAX_READINGS);
            if (t->n == 0) continue;
        }
        n++;
    }
    if (n == 0) return 0;

    int done = 0;
    if (n >= 2)
        for (size_t i = 0; i < sizeof compounds / sizeof compounds[0] && !done; i++)
            if (tok[0].cp == compounds[i].cp[0] && tok[1].cp == compounds[i].cp[1]) {
                prefer(&tok[0], compounds[i].reading[0]);
                prefer(&tok[1], compounds[i].reading[1]);
                done = 1;
            }
    if (!done && tok[0].cp >= 0x80) {
        const char *s = surname_reading(tok[0].cp);
        if (s) prefer(&tok[0], s);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < tok[i].n; j++) tok[i].len[j] = (unsigned char)strlen(tok[i].r[j]);
    return n;
}

/* Spellings already produced, for dropping duplicates. */
struct seen {
    int n;
    size_t len[PINYIN_MAX_COMBOS];
    char text[PINYIN_MAX_COMBOS][MAX_SPELL];
};

static int seen_add(struct seen *s, const char *text, size_t len)
{
    for (int i = 0; i < s->n; i++)
        if (s->len[i] == len && memcmp(s->text[i], text, len) == 0) return 0;
    s->len[s->n] = len;
    memcpy(s->text[s->n], text, len);
    s->n++;
    return 1;
}

struct out {
    char *buf;
    size_t size, used;
    int overflow;
};

static void out_put(struct out *o, const char *text, size_t len)
{
    if (o->overflow || !o->buf) return;
    size_t need = len + (o->used ? 1 : 0);
    if (o->used + need + 1 > o->size) {
        o->overflow = 1;
        return;
    }
    if (o->used) o->buf[o->used++] = ' ';
    memcpy(o->buf + o->used, text, len);
    o->used += len;
    o->buf[o->used] = '\0';
}

struct walk {
    const struct token *tok;
    int n;
    int rank[MAX_TOKENS];
    int room[MAX_TOKENS + 1]; /* the largest rank sum tokens i.. can still take */
    struct seen full, initials;
    struct out full_out, initials_out;
};

static void emit(struct walk *w)
{
    char full[MAX_SPELL], ini[MAX_TOKENS];
    size_t flen = 0;
    for (int i = 0; i < w->n; i++) {
        const struct token *t = &w->tok[i];
        int r = w->rank[i];
        memcpy(full + flen, t->r[r], t->len[r]);
        flen += t->len[r];
        ini[i] = t->r[r][0];
    }
    if (!seen_add(&w->full, full, flen)) return;
    out_put(&w->full_out, full, flen);
    if (seen_add(&w->initials, ini, (size_t)w->n)) out_put(&w->initials_out, ini, (size_t)w->n);
}

/* Every rank vector from token i on whose ranks add up to sum, the earlier
 * tokens' likelier readings first; stops once the cap is reached. */
static void walk_sum(struct walk *w, int i, int sum)
{
    if (w->full.n == PINYIN_MAX_COMBOS) return;
    if (i == w->n) {
        if (sum == 0) emit(w);
        return;
    }
    int max = w->tok[i].n - 1 < sum ? w->tok[i].n - 1 : sum;
    for (int r = 0; r <= max; r++) {
        if (sum - r > w->room[i + 1]) continue;
        w->rank[i] = r;
        walk_sum(w, i + 1, sum - r);
    }
}

int pinyin_name(const char *name, char *full, size_t full_size, char *initials,
                size_t initials_size)
{
    struct token tok[MAX_TOKENS];
    struct walk w;
    w.tok = tok;
    w.n = name ? tokenize(name, tok) : 0;
    w.full.n = w.initials.n = 0;
    w.full_out = (struct out){.buf = full_size ? full : NULL, .size = full_size};
    w.initials_out = (struct out){.buf = initials_size ? initials : NULL, .size = initials_size};
    if (full && full_size) full[0] = '\0';
    if (initials && initials_size) initials[0] = '\0';
    w.full_out.overflow = full != NULL && full_size == 0;
    w.initials_out.overflow = initials != NULL && initials_size == 0;

    if (w.n > 0) {
        w.room[w.n] = 0;
        for (int i = w.n - 1; i >= 0; i--) w.room[i] = w.room[i + 1] + tok[i].n - 1;
        for (int sum = 0; sum <= w.room[0] && w.full.n < PINYIN_MAX_COMBOS; sum++)
            walk_sum(&w, 0, sum);
    }
    return w.full_out.overflow || w.initials_out.overflow ? -1 : 0;
}
