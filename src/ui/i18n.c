#include "ui/i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WANGGE_LOCALEDIR
#define WANGGE_LOCALEDIR "/usr/local/share/locale"
#endif

/* GNU gettext caches translations; bumping this counter after LANGUAGE
 * changes makes it look again (documented in the gettext manual). */
extern int _nl_msg_cat_cntr;

static char localedir[PATH_MAX];
static char language[8] = "zh_CN";

/* A binary run from the build tree (build/wangge, build/test/wangge) finds
 * build/locale; an installed one PREFIX/share/locale next to its bin/, else the
 * configured directory. */
static void find_localedir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 1; up <= 2; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = '\0';
            /* build/locale from the build tree; PREFIX/share/locale when
             * installed under any PREFIX (bin/ is one level down) */
            static const char *const subdirs[] = {"locale", "share/locale"};
            for (int k = 0; k < 2; k++) {
                char probe[PATH_MAX + 64];
                snprintf(probe, sizeof probe, "%s/%s/zh_CN/LC_MESSAGES/wangge.mo", exe, subdirs[k]);
                if (access(probe, R_OK) == 0) {
                    snprintf(localedir, sizeof localedir, "%s/%s", exe, subdirs[k]);
                    return;
                }
            }
        }
    }
    const char *env = getenv("WANGGE_LOCALEDIR");
    snprintf(localedir, sizeof localedir, "%s", env && *env ? env : WANGGE_LOCALEDIR);
}

static const char *lang_from_env(void)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v) continue;
        if (strncmp(v, "en", 2) == 0) return "en";
        if (strncmp(v, "zh", 2) == 0) return "zh_CN";
    }
    return "zh_CN";
}

void i18n_set_language(const char *lang)
{
    if (!lang || (strcmp(lang, "en") != 0 && strcmp(lang, "zh_CN") != 0)) lang = "zh_CN";
    snprintf(language, sizeof language, "%s", lang);
    /* LANGUAGE outranks the locale for message lookup (but is ignored under
     * the "C" locale, hence the C.UTF-8 in i18n_init). */
    setenv("LANGUAGE", language, 1);
    ++_nl_msg_cat_cntr;
}

void i18n_init(const char *lang)
{
    if (!lang) lang = lang_from_env();
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0 || !setlocale(LC_MESSAGES, NULL) ||
        strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0 ||
        strcmp(setlocale(LC_MESSAGES, NULL), "POSIX") == 0) {
        if (!setlocale(LC_ALL, "C.UTF-8")) setlocale(LC_ALL, "C.utf8");
    }
    find_localedir();
    bindtextdomain("wangge", localedir);
    bind_textdomain_codeset("wangge", "UTF-8");
    textdomain("wangge");
    i18n_set_language(lang);
}

const char *i18n_language(void)
{
    return language;
}

const char *i18n_localedir(void)
{
    return localedir;
}
