/* Translation: every string shown to a user goes through _() (or N_() where
 * it is a static initialiser, translated later with _()), from util/gettext.h.
 * Msgids are English; po/zh_CN.po holds the Chinese. This module picks the
 * language for the whole process, lower layers included (docs/i18n.md). */
#ifndef WANGGE_UI_I18N_H
#define WANGGE_UI_I18N_H

#include "util/gettext.h"

/* Bind the text domain (the build tree's locale dir when run from it, else the
 * installed one) and select the language: "zh_CN" or "en"; NULL picks from
 * LC_ALL/LC_MESSAGES/LANG, Chinese when they name neither. Sets a UTF-8
 * LC_CTYPE (C.UTF-8 if the environment's is not UTF-8). Call once, early. */
void i18n_init(const char *lang);
/* Switch language while running (settings screen). */
void i18n_set_language(const char *lang);
/* The language in use: "zh_CN" or "en". */
const char *i18n_language(void);
/* The directory translations are read from. */
const char *i18n_localedir(void);

#endif
