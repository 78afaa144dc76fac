/* Which charset a session's terminal speaks.
 *
 * The screens always run in UTF-8. A user whose terminal speaks GB18030
 * (Xshell or PuTTY on a Chinese Windows machine, by default) says so in
 * Settings; a client may also say so for one session through its locale
 * (`LANG=zh_CN.GB18030` sent with SendEnv). Such a locale is handed to the
 * screens as its UTF-8 twin, and the relay converts. */
#ifndef WANGGE_SSH_TERMENC_H
#define WANGGE_SSH_TERMENC_H

#include <stddef.h>

/* What the client's LC_ALL, LC_CTYPE and LANG said: -1 not sent, 0 another
 * charset, 1 a GB charset (GB18030, GBK, GB2312). */
struct termenc_hint {
    int lc_all, lc_ctype, lang;
};

void termenc_hint_init(struct termenc_hint *h);

/* Note one accepted environment variable (NAME, value). Writes into out the
 * value the screens should get: value itself, or for a GB locale the same
 * locale in UTF-8 ("zh_CN.GB18030" -> "zh_CN.UTF-8", "zh_CN.gbk@x" ->
 * "zh_CN.UTF-8@x"). out has outsz bytes (at least strlen(value) + 7). */
void termenc_note(struct termenc_hint *h, const char *name, const char *value, char *out,
                  size_t outsz);

/* The charset to convert to, or NULL for none (UTF-8). stored is the user's
 * setting ("UTF-8", "GB18030", or "" if unknown). *why receives "setting" or
 * "client-locale". The setting wins when it says GB18030; otherwise the
 * client's effective locale (LC_ALL, else LC_CTYPE, else LANG) decides. */
const char *termenc_choose(const struct termenc_hint *h, const char *stored, const char **why);

#endif
