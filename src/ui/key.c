#include "ui/key.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

static const struct {
    const char *name;
    ui_key key;
} names[] = {
    {"Enter", UI_KEY_ENTER},
    {"Esc", UI_KEY_ESC},
    {"Tab", UI_KEY_TAB},
    {"Space", ' '},
    {"BackTab", UI_KEY_FN | KEY_BTAB},
    {"Backspace", UI_KEY_BACKSPACE},
    {"Delete", UI_KEY_FN | KEY_DC},
    {"Insert", UI_KEY_FN | KEY_IC},
    {"Up", UI_KEY_FN | KEY_UP},
    {"Down", UI_KEY_FN | KEY_DOWN},
    {"Left", UI_KEY_FN | KEY_LEFT},
    {"Right", UI_KEY_FN | KEY_RIGHT},
    {"Home", UI_KEY_FN | KEY_HOME},
    {"End", UI_KEY_FN | KEY_END},
    {"PgUp", UI_KEY_FN | KEY_PPAGE},
    {"PgDn", UI_KEY_FN | KEY_NPAGE},
};

ui_key key_from_wch(int rc, unsigned wc)
{
    if (rc == KEY_CODE_YES) {
        if (wc == KEY_ENTER) return UI_KEY_ENTER;
        if (wc == KEY_BACKSPACE) return UI_KEY_BACKSPACE;
        /* PuTTY and others send ESC [ 1~ / 4~ (KEY_FIND/KEY_SELECT) for Home/End. */
        if (wc == KEY_FIND || wc == KEY_A1) return UI_KEY_FN | KEY_HOME;
        if (wc == KEY_SELECT || wc == KEY_C1) return UI_KEY_FN | KEY_END;
        return UI_KEY_FN | (int)wc;
    }
    if (rc != OK) return UI_KEY_NONE;
    if (wc == '\r') return UI_KEY_ENTER;
    if (wc == 127) return UI_KEY_BACKSPACE;
    return (ui_key)wc;
}

ui_key key_parse(const char *name)
{
    size_t n = strlen(name);
    if (n == 0) return UI_KEY_NONE;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(names[i].name, name) == 0) return names[i].key;
    if (n == 2 && name[0] == '^') {
        char c = name[1];
        if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
        if (c == '?') return UI_KEY_BACKSPACE;
        if (c >= '@' && c <= '_') {
            ui_key k = c - '@';
            return k == '\r' ? UI_KEY_ENTER : k;
        }
        return UI_KEY_NONE;
    }
    if ((name[0] == 'F' || name[0] == 'f') && n >= 2 && n <= 3 && name[1] >= '1' &&
        name[1] <= '9') {
        int f = 0;
        for (size_t i = 1; i < n; i++) {
            if (name[i] < '0' || name[i] > '9') return UI_KEY_NONE;
            f = f * 10 + (name[i] - '0');
        }
        return f >= 1 && f <= 12 ? (UI_KEY_FN | KEY_F(f)) : UI_KEY_NONE;
    }
    uint32_t cp;
    int k = utf8_decode(name, n, &cp);
    if (k > 0 && (size_t)k == n && cp > ' ' && cp != 127) return (ui_key)cp;
    return UI_KEY_NONE;
}

const char *key_to_name(ui_key k, char *out, size_t size)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].key == k) return snprintf(out, size, "%s", names[i].name), out;
    if (k & UI_KEY_FN) {
        int c = k & ~UI_KEY_FN;
        if (c >= KEY_F(1) && c <= KEY_F(12))
            snprintf(out, size, "F%d", c - KEY_F0);
        else
            snprintf(out, size, "<%d>", c);
        return out;
    }
    if (k >= 0 && k < 32) return snprintf(out, size, "^%c", (char)(k + '@')), out;
    char buf[5] = {0};
    int len = utf8_encode((uint32_t)k, buf);
    snprintf(out, size, "%.*s", len, buf);
    return out;
}

int key_is_text(ui_key k)
{
    return k >= ' ' && k != 127 && !(k & UI_KEY_FN) && !(k >= 0x80 && k < 0xA0);
}
