/* Marking messages for translation, in every layer: gettext is part of the C
 * library, so domain/ and store/ use it without leaving their rules (no
 * ncurses, no SQL). Msgids are English whole sentences with printf
 * placeholders; po/zh_CN.po holds the Chinese.
 *
 * The UI binds the text domain and picks the user's language (i18n_init), so
 * a message made in any layer arrives in that language. A process that never
 * binds the domain (the CLI) gets the English msgid back unchanged. */
#ifndef WANGGE_UTIL_GETTEXT_H
#define WANGGE_UTIL_GETTEXT_H

#include <libintl.h>

#define _(s) gettext(s)
/* For static initialisers: marks s for xgettext, translated later with _(). */
#define N_(s) (s)

#endif
