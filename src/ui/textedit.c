#include "ui/textedit.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/utf8.h"
#include "util/xalloc.h"

void textedit_init(struct textedit *t, size_t max)
{
    memset(t, 0, sizeof *t);
    t->max = max;
}

void textedit_free(struct textedit *t)
{
    free(t->cp);
    t->cp = NULL;
    t->len = t->cap = t->cur = t->scroll = 0;
}

static void reserve(struct textedit *t, size_t n)
{
    if (n <= t->cap) return;
    size_t cap = t->cap ? t->cap : 16;
    while (cap < n) cap *= 2;
    t->cp = xrealloc(t->cp, cap * sizeof *t->cp);
    t->cap = cap;
}

void textedit_set(struct textedit *t, const char *utf8)
{
    t->len = t->cur = t->scroll = 0;
    if (utf8) textedit_insert_utf8(t, utf8);
    t->scroll = 0;
}

char *textedit_get(const struct textedit *t)
{
    char *s = xmalloc(t->len * 4 + 1), *p = s;
    for (size_t i = 0; i < t->len; i++) p += utf8_encode(t->cp[i], p);
    *p = '\0';
    return s;
}

int textedit_insert(struct textedit *t, uint32_t cp)
{
    if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return -1;
    if (t->max && t->len >= t->max) return -1;
    reserve(t, t->len + 1);
    memmove(t->cp + t->cur + 1, t->cp + t->cur, (t->len - t->cur) * sizeof *t->cp);
    t->cp[t->cur++] = cp;
    t->len++;
    return 0;
}

size_t textedit_insert_utf8(struct textedit *t, const char *s)
{
    size_t added = 0, n = strlen(s);
    while (n) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        if (k < 0) k = 1;
        if (cp == '\t') cp = ' ';
        if (textedit_insert(t, cp) == 0)
            added++;
        else if (t->max && t->len >= t->max)
            break;
        s += k;
        n -= (size_t)k;
    }
    return added;
}

int textedit_backspace(struct textedit *t)
{
    if (t->cur == 0) return 0;
    t->cur--;
    return textedit_delete(t);
}

int textedit_delete(struct textedit *t)
{
    if (t->cur >= t->len) return 0;
    memmove(t->cp + t->cur, t->cp + t->cur + 1, (t->len - t->cur - 1) * sizeof *t->cp);
    t->len--;
    return 1;
}

int textedit_left(struct textedit *t)
{
    if (t->cur == 0) return 0;
    t->cur--;
    return 1;
}

int textedit_right(struct textedit *t)
{
    if (t->cur >= t->len) return 0;
    t->cur++;
    return 1;
}

int textedit_home(struct textedit *t)
{
    if (t->cur == 0) return 0;
    t->cur = 0;
    return 1;
}

int textedit_end(struct textedit *t)
{
    if (t->cur == t->len) return 0;
    t->cur = t->len;
    return 1;
}

int textedit_kill_line(struct textedit *t)
{
    if (t->len == 0) return 0;
    t->len = t->cur = t->scroll = 0;
    return 1;
}

int textedit_kill_end(struct textedit *t)
{
    if (t->cur == t->len) return 0;
    t->len = t->cur;
    return 1;
}

int textedit_cpwidth(uint32_t cp)
{
    if (cp == '\n') return 1; /* shown as a mark in single-line views */
    int w = wcwidth((wchar_t)cp);
    if (w < 0) return 1;
    return w;
}

size_t textedit_width(const struct textedit *t)
{
    size_t w = 0;
    for (size_t i = 0; i < t->len; i++) w += (size_t)textedit_cpwidth(t->cp[i]);
    return w;
}

static int span(const struct textedit *t, size_t from, size_t to)
{
    int w = 0;
    for (size_t i = from; i < to; i++) w += textedit_cpwidth(t->cp[i]);
    return w;
}

int textedit_view(struct textedit *t, int width, char *out, size_t size, int *used)
{
    if (width < 1) width = 1;
    if (t->cur > t->len) t->cur = t->len;
    if (t->scroll > t->cur) t->scroll = t->cur;
    /* The cursor needs its own column: the character under it (or a blank
     * after the end) must fit entirely. */
    int need = t->cur < t->len ? textedit_cpwidth(t->cp[t->cur]) : 1;
    if (need > width) need = width;
    while (t->scroll < t->cur && span(t, t->scroll, t->cur) + need > width) t->scroll++;
    int col = span(t, t->scroll, t->cur);
    size_t o = 0;
    int w = 0;
    for (size_t i = t->scroll; i < t->len; i++) {
        int cw = textedit_cpwidth(t->cp[i]);
        if (w + cw > width) break;
        char buf[4];
        uint32_t c = t->cp[i] == '\n' ? 0xB6 : t->cp[i]; /* pilcrow for a line break */
        int k = utf8_encode(c, buf);
        if (o + (size_t)k + 1 > size) break;
        memcpy(out + o, buf, (size_t)k);
        o += (size_t)k;
        w += cw;
    }
    if (size) out[o] = '\0';
    if (used) *used = w;
    return col;
}
