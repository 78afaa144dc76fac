#include "demo/names.h"

#include <stdlib.h>
#include <string.h>

#include "util/embed.h"
#include "util/xalloc.h"

/* The text of "[section]" up to the next section or the end; NULL if absent. */
static const char *find_section(const char *text, const char *section, size_t *len)
{
    size_t sl = strlen(section);
    for (const char *p = text; p && *p;) {
        if (p[0] == '[' && strncmp(p + 1, section, sl) == 0 && p[sl + 1] == ']') {
            const char *start = strchr(p, '\n');
            if (!start) return NULL;
            start++;
            const char *end = start;
            while (*end && !(end[0] == '[' && (end == start || end[-1] == '\n'))) end++;
            *len = (size_t)(end - start);
            return start;
        }
        p = strchr(p, '\n');
        if (p) p++;
    }
    return NULL;
}

int names_load(struct name_list *l, const char *file, const char *section, wg_err *e)
{
    memset(l, 0, sizeof *l);
    const struct embed_file *f = embed_find(embed_names, file);
    if (!f) return wg_err_set(e, "name list %s is not built in", file);
    size_t len;
    const char *text = find_section((const char *)f->data, section, &len);
    if (!text) return wg_err_set(e, "name list %s has no [%s] section", file, section);
    l->buf = xstrndup(text, len);
    size_t cap = 0;
    uint32_t total = 0;
    char *p = l->buf;
    while (*p) {
        if (*p == '#') { /* comment to the end of the line */
            while (*p && *p != '\n') *p++ = '\0';
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            *p++ = '\0';
            continue;
        }
        char *item = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '#') p++;
        char save = *p;
        *p = '\0';
        uint32_t w = 1;
        char *colon = strrchr(item, ':');
        if (colon) {
            *colon = '\0';
            long v = strtol(colon + 1, NULL, 10);
            w = v > 0 ? (uint32_t)v : 1;
        }
        if (l->n == (int)cap) {
            cap = cap ? cap * 2 : 64;
            l->item = xrealloc(l->item, cap * sizeof *l->item);
            l->cum = xrealloc(l->cum, cap * sizeof *l->cum);
        }
        total += w;
        l->item[l->n] = item;
        l->cum[l->n++] = total;
        *p = save;
    }
    if (l->n == 0) {
        names_free(l);
        return wg_err_set(e, "name list %s: [%s] is empty", file, section);
    }
    return 0;
}

void names_free(struct name_list *l)
{
    free(l->buf);
    free(l->item);
    free(l->cum);
    memset(l, 0, sizeof *l);
}

const char *names_pick(const struct name_list *l, rng *r)
{
    return l->item[rng_weighted(r, l->cum, l->n)];
}

void names_shuffle(const struct name_list *l, rng *r, int *order)
{
    for (int i = 0; i < l->n; i++) order[i] = i;
    for (int i = l->n - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint32_t)i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}
