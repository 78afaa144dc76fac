#include "screens/admin_divpick.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/division.h"
#include "util/xalloc.h"

/* A parent has at most 999 children (three-digit suffixes). */
#define DIVPICK_CHILDREN 999

static void add(struct admin_divpick *p, const struct division_rec *d)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->choices = xrealloc(p->choices, (size_t)p->cap * sizeof *p->choices);
        p->codes = xrealloc(p->codes, (size_t)p->cap * sizeof *p->codes);
        p->labels = xrealloc(p->labels, (size_t)p->cap * sizeof *p->labels);
    }
    snprintf(p->codes[p->n], sizeof p->codes[p->n], "%s", d->code);
    snprintf(p->labels[p->n], sizeof p->labels[p->n], "%s %s", d->code, d->name);
    p->n++;
}

static int walk(struct admin_divpick *p, store *db, const struct division_rec *d,
                enum division_level deepest, int only_level, struct division_rec *buf, wg_err *e)
{
    if (!only_level || d->level == deepest) add(p, d);
    if (d->level >= deepest) return 0;
    int n = division_children(db, d->code, 0, 0, DIVPICK_CHILDREN, buf, e);
    if (n < 0) return -1;
    /* buf is reused below: copy this level's rows first. */
    struct division_rec *kids = xmalloc((size_t)(n > 0 ? n : 1) * sizeof *kids);
    memcpy(kids, buf, (size_t)n * sizeof *kids);
    int r = 0;
    for (int i = 0; i < n && r == 0; i++) r = walk(p, db, &kids[i], deepest, only_level, buf, e);
    free(kids);
    return r;
}

int admin_divpick_load(struct admin_divpick *p, store *db, enum division_level deepest,
                       int only_level, wg_err *e)
{
    admin_divpick_free(p);
    struct division_rec root;
    if (division_root(db, &root, e) < 0) return -1;
    struct division_rec *buf = xmalloc(DIVPICK_CHILDREN * sizeof *buf);
    int r = walk(p, db, &root, deepest, only_level, buf, e);
    free(buf);
    /* Pointers last: the arrays may have moved while growing. */
    for (int i = 0; i < p->n; i++) {
        p->choices[i].value = p->codes[i];
        p->choices[i].label = p->labels[i];
    }
    return r;
}

int admin_divpick_find(const struct admin_divpick *p, const char *code)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->codes[i], code) == 0) return i;
    return -1;
}

void admin_divpick_free(struct admin_divpick *p)
{
    free(p->choices);
    free(p->codes);
    free(p->labels);
    memset(p, 0, sizeof *p);
}
