#include "ssh/termenc.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/transcode.h"

void termenc_hint_init(struct termenc_hint *h)
{
    h->lc_all = h->lc_ctype = h->lang = -1;
}

void termenc_note(struct termenc_hint *h, const char *name, const char *value, char *out,
                  size_t outsz)
{
    /* language[_territory][.codeset][@modifier] */
    const char *dot = strchr(value, '.');
    const char *at = strchr(dot ? dot : value, '@');
    char codeset[32] = "";
    if (dot) {
        size_t n = at ? (size_t)(at - dot - 1) : strlen(dot + 1);
        if (n < sizeof codeset) memcpy(codeset, dot + 1, n), codeset[n] = '\0';
    }
    int gb = transcode_is_gb(codeset);
    int *slot = !strcmp(name, "LC_ALL")     ? &h->lc_all
                : !strcmp(name, "LC_CTYPE") ? &h->lc_ctype
                : !strcmp(name, "LANG")     ? &h->lang
                                            : NULL;
    /* An empty LC_ALL or LC_CTYPE is as good as unset to setlocale. */
    if (slot && *value) *slot = gb;
    if (gb)
        snprintf(out, outsz, "%.*s.UTF-8%s", (int)(dot - value), value, at ? at : "");
    else
        snprintf(out, outsz, "%s", value);
}

const char *termenc_choose(const struct termenc_hint *h, const char *stored, const char **why)
{
    *why = "setting";
    if (stored && strcasecmp(stored, "GB18030") == 0) return "GB18030";
    int client = h->lc_all >= 0 ? h->lc_all : h->lc_ctype >= 0 ? h->lc_ctype : h->lang;
    if (client == 1) {
        *why = "client-locale";
        return "GB18030";
    }
    return NULL;
}
