/* Files compiled into the binary (see tools/embed.c): migrations, name lists,
 * keymaps. Arrays end with a zeroed entry; entries are sorted by file name. */
#ifndef WANGGE_UTIL_EMBED_H
#define WANGGE_UTIL_EMBED_H
#include <stddef.h>

struct embed_file {
    const char *name;
    const unsigned char *data; /* NUL-terminated */
    size_t len;
};

extern const struct embed_file embed_migrations[];
extern const unsigned embed_migrations_count;
extern const struct embed_file embed_names[];
extern const unsigned embed_names_count;
extern const struct embed_file embed_keymaps[];
extern const unsigned embed_keymaps_count;

/* The embedded file called NAME in TABLE, or NULL. */
const struct embed_file *embed_find(const struct embed_file *table, const char *name);

#endif
