#include "ui/keymap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/embed.h"
#include "util/xalloc.h"

struct binding {
    char section[16];
    ui_key key;
    enum action action; /* ACT_NONE: explicitly unbound */
};

struct keymap {
    struct binding *b;
    int n, cap;
};

static struct binding *find(const struct keymap *km, const char *section, ui_key key)
{
    for (int i = 0; i < km->n; i++)
        if (km->b[i].key == key && strcmp(km->b[i].section, section) == 0) return &km->b[i];
    return NULL;
}

static void set(struct keymap *km, const char *section, ui_key key, enum action a)
{
    struct binding *b = find(km, section, key);
    if (!b) {
        if (km->n == km->cap) {
            km->cap = km->cap ? km->cap * 2 : 64;
            km->b = xrealloc(km->b, (size_t)km->cap * sizeof *km->b);
        }
        b = &km->b[km->n++];
        snprintf(b->section, sizeof b->section, "%s", section);
        b->key = key;
    }
    b->action = a;
}

static void report(keymap_err_fn err, void *ctx, const char *fname, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void report(keymap_err_fn err, void *ctx, const char *fname, int line, const char *fmt, ...)
{
    if (!err) return;
    char msg[256], full[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(full, sizeof full, "%s:%d: %s", fname, line, msg);
    err(ctx, full);
}

struct keymap *keymap_new(void)
{
    struct keymap *km = xcalloc(1, sizeof *km);
    keymap_load_builtin(km, "default", NULL, NULL);
    return km;
}

void keymap_free(struct keymap *km)
{
    if (!km) return;
    free(km->b);
    free(km);
}

static int valid_section(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof((struct binding *)0)->section) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

int keymap_load_text(struct keymap *km, const char *fname, const char *text, keymap_err_fn err,
                     void *ctx)
{
    int errors = 0, line = 0;
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        line++;
        char buf[512];
        if (len >= sizeof buf) {
            report(err, ctx, fname, line, "%s", "line too long");
            errors++;
        } else {
            memcpy(buf, p, len);
            buf[len] = '\0';
            char *words[5];
            int nw = 0;
            for (char *save = NULL, *w = strtok_r(buf, " \t\r", &save); w && nw < 5;
                 w = strtok_r(NULL, " \t\r", &save))
                words[nw++] = w;
            if (nw == 0 || words[0][0] == '#') {
                /* blank or comment */
            } else if (strcmp(words[0], "bind") != 0) {
                report(err, ctx, fname, line, "unknown statement '%s' (expected 'bind')", words[0]);
                errors++;
            } else if (nw != 4) {
                report(err, ctx, fname, line, "%s", "expected 'bind <screen> <key> <action>'");
                errors++;
            } else if (!valid_section(words[1])) {
                report(err, ctx, fname, line, "bad screen name '%s'", words[1]);
                errors++;
            } else {
                ui_key k = key_parse(words[2]);
                int a = action_parse(words[3]);
                if (k == UI_KEY_NONE) {
                    report(err, ctx, fname, line, "unknown key '%s'", words[2]);
                    errors++;
                } else if (a < 0) {
                    report(err, ctx, fname, line, "unknown action '%s'", words[3]);
                    errors++;
                } else {
                    set(km, words[1], k, (enum action)a);
                }
            }
        }
        if (!eol) break;
        p = eol + 1;
    }
    return errors;
}

int keymap_load_file(struct keymap *km, const char *path, keymap_err_fn err, void *ctx)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (err) {
            char msg[400];
            snprintf(msg, sizeof msg, "%s:0: cannot read: %s", path, strerror(errno));
            err(ctx, msg);
        }
        return 1;
    }
    char *text = NULL;
    size_t n = 0, cap = 0;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + got + 1 > cap) {
            cap = (n + got + 1) * 2;
            text = xrealloc(text, cap);
        }
        memcpy(text + n, chunk, got);
        n += got;
    }
    fclose(f);
    if (!text) return 0;
    text[n] = '\0';
    int r = keymap_load_text(km, path, text, err, ctx);
    free(text);
    return r;
}

static const struct embed_file *builtin(const char *name)
{
    char file[64];
    snprintf(file, sizeof file, "%s.keys", name);
    return embed_find(embed_keymaps, file);
}

int keymap_builtin_exists(const char *name)
{
    return name && builtin(name) != NULL;
}

const char *const *keymap_builtin_names(void)
{
    static const char *list[16];
    if (!list[0]) {
        static char names[16][32];
        unsigned j = 0;
        for (unsigned i = 0; i < embed_keymaps_count && j < 15; i++) {
            const char *n = embed_keymaps[i].name;
            size_t len = strlen(n);
            if (len < 6 || len - 5 >= sizeof names[0] || strcmp(n + len - 5, ".keys") != 0)
                continue;
            memcpy(names[j], n, len - 5);
            names[j][len - 5] = '\0';
            list[j] = names[j];
            j++;
        }
    }
    return list;
}

int keymap_load_builtin(struct keymap *km, const char *name, keymap_err_fn err, void *ctx)
{
    const struct embed_file *f = builtin(name);
    if (!f) return -1;
    return keymap_load_text(km, f->name, (const char *)f->data, err, ctx);
}

enum action keymap_lookup_only(const struct keymap *km, const char *section, ui_key key)
{
    const struct binding *b = find(km, section, key);
    return b ? b->action : ACT_NONE;
}

enum action keymap_lookup(const struct keymap *km, const char *section, ui_key key)
{
    const struct binding *b = section ? find(km, section, key) : NULL;
    if (b) return b->action;
    b = find(km, "generic", key);
    return b ? b->action : ACT_NONE;
}

const char *keymap_keys_for(const struct keymap *km, const char *section, enum action a, char *out,
                            size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int pass = 0; pass < 2; pass++) {
        const char *sec = pass == 0 ? section : "generic";
        if (!sec || (pass == 1 && section && strcmp(section, "generic") == 0)) continue;
        for (int i = 0; i < km->n; i++) {
            const struct binding *b = &km->b[i];
            if (b->action != a || strcmp(b->section, sec) != 0) continue;
            /* a generic binding overridden in the section does not apply */
            if (pass == 1 && section && find(km, section, b->key)) continue;
            char name[32];
            key_to_name(b->key, name, sizeof name);
            int w = snprintf(out + used, size - used, "%s%s", used ? ", " : "", name);
            if (w < 0 || (size_t)w >= size - used) return out;
            used += (size_t)w;
        }
    }
    return out;
}

int keymap_list(const struct keymap *km, const char *section, struct keymap_entry *out, int max)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *sec = pass == 0 ? section : "generic";
        if (!sec || (pass == 1 && section && strcmp(section, "generic") == 0)) continue;
        for (int i = 0; i < km->n; i++) {
            const struct binding *b = &km->b[i];
            if (b->action == ACT_NONE || strcmp(b->section, sec) != 0) continue;
            if (pass == 1 && section && find(km, section, b->key)) continue;
            if (n < max) {
                snprintf(out[n].section, sizeof out[n].section, "%s", b->section);
                out[n].key = b->key;
                out[n].action = b->action;
            }
            n++;
        }
    }
    return n;
}

const char *keymap_first_key(const struct keymap *km, const char *section, enum action a, char *out,
                             size_t size)
{
    keymap_keys_for(km, section, a, out, size);
    char *comma = strchr(out, ',');
    if (comma) *comma = '\0';
    return out;
}
