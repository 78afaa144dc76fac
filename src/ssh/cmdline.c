#include "ssh/cmdline.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void cmdline_free(char **argv)
{
    if (!argv) return;
    for (char **p = argv; *p; p++) free(*p);
    free(argv);
}

int cmdline_split(const char *line, char ***argv_out, wg_err *e)
{
    *argv_out = NULL;
    size_t len = strlen(line);
    if (len > CMDLINE_MAX_LEN)
        return wg_err_set(e, "command line too long (%zu bytes, at most %d)", len, CMDLINE_MAX_LEN);
    char **argv = xcalloc(CMDLINE_MAX_WORDS + 1, sizeof *argv);
    /* A word is never longer than the line itself. */
    char *word = xmalloc(len + 1);
    int argc = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (!*p) break;
        size_t n = 0;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            if (*p == '\'') {
                const char *end = strchr(p + 1, '\'');
                if (!end) {
                    wg_err_set(e, "unterminated single quote in the command line");
                    goto fail;
                }
                memcpy(word + n, p + 1, (size_t)(end - p - 1));
                n += (size_t)(end - p - 1);
                p = end + 1;
            } else if (*p == '"') {
                p++;
                while (*p && *p != '"') {
                    if (*p == '\\' && p[1] && strchr("\"\\$`", p[1])) p++;
                    word[n++] = *p++;
                }
                if (*p != '"') {
                    wg_err_set(e, "unterminated double quote in the command line");
                    goto fail;
                }
                p++;
            } else if (*p == '\\') {
                if (!p[1]) {
                    wg_err_set(e, "the command line ends with a lone backslash");
                    goto fail;
                }
                word[n++] = p[1];
                p += 2;
            } else {
                word[n++] = *p++;
            }
        }
        if (argc == CMDLINE_MAX_WORDS) {
            wg_err_set(e, "too many words in the command line (at most %d)", CMDLINE_MAX_WORDS);
            goto fail;
        }
        argv[argc++] = xstrndup(word, n);
    }
    free(word);
    *argv_out = argv;
    return argc;
fail:
    free(word);
    cmdline_free(argv);
    return -1;
}
