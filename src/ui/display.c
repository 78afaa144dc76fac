#include "ui/display.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

#include "ui/textedit.h"
#include "util/utf8.h"

static int started, colour;
static int attrs[UI_STYLE_COUNT];

int display_init(wg_err *e)
{
    int err = 0;
    const char *term = getenv("TERM");
    /* initscr exits the process on an unknown terminal; test first. */
    if (!term || !*term || setupterm(NULL, 1, &err) != OK) {
        setenv("TERM", "xterm-256color", 1);
        if (setupterm(NULL, 1, &err) != OK) {
            setenv("TERM", "vt100", 1);
            if (setupterm(NULL, 1, &err) != OK)
                return wg_err_set(e, "this terminal type is unknown (TERM=%s)", term ? term : "");
        }
    }
    del_curterm(cur_term);
    /* The ESC key alone must not wait a second for a sequence that is not coming. */
    if (!getenv("ESCDELAY")) set_escdelay(150);
    if (!newterm(NULL, stdout, stdin)) return wg_err_set(e, "cannot start the screen");
    started = 1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    leaveok(stdscr, FALSE);
    curs_set(0);
    colour = has_colors() && !getenv("NO_COLOR");
    if (colour) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_WHITE, COLOR_BLUE);  /* title, status */
        init_pair(2, COLOR_BLACK, COLOR_CYAN);  /* selected */
        init_pair(3, COLOR_RED, -1);            /* error */
        init_pair(4, COLOR_BLUE, -1);           /* header */
        init_pair(5, COLOR_BLACK, COLOR_WHITE); /* field */
        init_pair(6, COLOR_CYAN, -1);           /* box */
        attrs[UI_TITLE] = COLOR_PAIR(1) | A_BOLD;
        attrs[UI_STATUS] = COLOR_PAIR(1);
        attrs[UI_SELECTED] = COLOR_PAIR(2);
        attrs[UI_HEADER] = COLOR_PAIR(4) | A_BOLD;
        attrs[UI_ERROR] = COLOR_PAIR(3) | A_BOLD;
        attrs[UI_DIM] = A_DIM;
        attrs[UI_FIELD] = A_UNDERLINE;
        attrs[UI_FOCUS] = COLOR_PAIR(5);
        attrs[UI_BOX] = COLOR_PAIR(6);
    } else {
        attrs[UI_TITLE] = A_REVERSE | A_BOLD;
        attrs[UI_STATUS] = A_REVERSE;
        attrs[UI_SELECTED] = A_REVERSE;
        attrs[UI_HEADER] = A_BOLD;
        attrs[UI_ERROR] = A_BOLD;
        attrs[UI_DIM] = A_NORMAL;
        attrs[UI_FIELD] = A_UNDERLINE;
        attrs[UI_FOCUS] = A_REVERSE;
        attrs[UI_BOX] = A_NORMAL;
    }
    return 0;
}

void display_end(void)
{
    if (!started) return;
    started = 0;
    curs_set(1);
    endwin();
}

int display_has_colour(void)
{
    return colour;
}

int display_lines(void)
{
    return LINES;
}

int display_cols(void)
{
    return COLS;
}

int ui_attr(enum ui_style st)
{
    return st < UI_STYLE_COUNT ? attrs[st] : 0;
}

int ui_width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    while (n) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        if (k < 0) k = 1;
        w += textedit_cpwidth(cp);
        s += k;
        n -= (size_t)k;
    }
    return w;
}

void ui_cut(const char *s, int width, char *out, size_t size)
{
    size_t n = strlen(s), o = 0;
    int w = 0;
    while (n) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        if (k < 0) k = 1;
        int cw = textedit_cpwidth(cp);
        if (w + cw > width || o + (size_t)k + 1 > size) break;
        memcpy(out + o, s, (size_t)k);
        o += (size_t)k;
        w += cw;
        s += k;
        n -= (size_t)k;
    }
    if (size) out[o] = '\0';
}

/* Marks a line should not start with: they belong to the character before. */
static int no_break_before(uint32_t cp)
{
    static const uint32_t marks[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
                                     0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x201D, 0x2019, ',',
                                     '.',    ';',    ':',    '!',    '?',    ')'};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (marks[i] == cp) return 1;
    return 0;
}

/* Copy n bytes of s into out, cut to whole characters when out is smaller. */
static void copy_line(const char *s, size_t n, char *out, size_t size)
{
    if (!size) return;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

const char *ui_wrap(const char *s, int width, char *out, size_t size)
{
    size_t n = strlen(s), i = 0;
    size_t end = 0, next = 0; /* the last place the line may end, and what follows it */
    int have = 0, w = 0, prev_wide = 0;
    if (width < 1) width = 1;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k < 0) k = 1, cp = '?';
        if (cp == '\n') {
            copy_line(s, i, out, size);
            return s + i + 1;
        }
        int cw = textedit_cpwidth(cp);
        if (cp == ' ') {
            if (i > 0) end = i, next = i + 1, have = 1;
        } else if (i > 0 && (cw == 2 || prev_wide) && !no_break_before(cp)) {
            end = i, next = i, have = 1;
        }
        if (w + cw > width && cp != ' ') {
            if (!have) { /* one word fills the line: cut it */
                end = next = i > 0 ? i : (size_t)k;
            }
            while (next < n && s[next] == ' ') next++;
            while (end > 0 && s[end - 1] == ' ') end--;
            copy_line(s, end, out, size);
            return s + next;
        }
        w += cw;
        prev_wide = cw == 2;
        i += (size_t)k;
    }
    copy_line(s, n, out, size);
    return s + n;
}

int ui_wrap_lines(const char *s, int width)
{
    int count = 0; /* not "lines": term.h has a macro of that name */
    char buf[512];
    while (*s) {
        s = ui_wrap(s, width, buf, sizeof buf);
        count++;
    }
    return count;
}

static int draw(int y, int x, int width, enum ui_style st, const char *s, int pad)
{
    if (width <= 0 || y < 0 || y >= LINES || x >= COLS) return 0;
    if (x + width > COLS) width = COLS - x;
    wchar_t wbuf[512];
    int nw = 0, w = 0;
    size_t n = strlen(s);
    while (n && nw < (int)(sizeof wbuf / sizeof *wbuf) - 1) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        if (k < 0) k = 1;
        s += k;
        n -= (size_t)k;
        if (cp < 0x20 || cp == 0x7F) cp = ' ';
        int cw = textedit_cpwidth(cp);
        if (w + cw > width) break;
        if (cw == 0 && nw == 0) continue; /* a combining mark with nothing to join */
        wbuf[nw++] = (wchar_t)cp;
        w += cw;
    }
    wbuf[nw] = 0;
    int a = attrs[st];
    attrset(a);
    mvaddnwstr(y, x, wbuf, nw);
    if (pad)
        for (int i = w; i < width; i++) addch(' ');
    attrset(A_NORMAL);
    return pad ? width : w;
}

int ui_text(int y, int x, int width, enum ui_style st, const char *utf8)
{
    return draw(y, x, width, st, utf8, 0);
}

int ui_text_pad(int y, int x, int width, enum ui_style st, const char *utf8)
{
    return draw(y, x, width, st, utf8, 1);
}

int ui_textf(int y, int x, int width, enum ui_style st, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return draw(y, x, width, st, buf, 0);
}

void ui_clear(const struct ui_rect *r)
{
    for (int y = r->y; y < r->y + r->h && y < LINES; y++) {
        move(y, r->x);
        for (int x = r->x; x < r->x + r->w && x < COLS; x++) addch(' ');
    }
}

void ui_hline(int y, int x, int width)
{
    if (y < 0 || y >= LINES || width <= 0) return;
    mvhline(y, x, ACS_HLINE, width);
}

void ui_box(const struct ui_rect *r, const char *title)
{
    ui_clear(r);
    attrset(attrs[UI_BOX]);
    mvhline(r->y, r->x + 1, ACS_HLINE, r->w - 2);
    mvhline(r->y + r->h - 1, r->x + 1, ACS_HLINE, r->w - 2);
    mvvline(r->y + 1, r->x, ACS_VLINE, r->h - 2);
    mvvline(r->y + 1, r->x + r->w - 1, ACS_VLINE, r->h - 2);
    mvaddch(r->y, r->x, ACS_ULCORNER);
    mvaddch(r->y, r->x + r->w - 1, ACS_URCORNER);
    mvaddch(r->y + r->h - 1, r->x, ACS_LLCORNER);
    mvaddch(r->y + r->h - 1, r->x + r->w - 1, ACS_LRCORNER);
    attrset(A_NORMAL);
    if (title && *title) {
        int w = ui_width(title);
        if (w > r->w - 4) w = r->w - 4;
        ui_text(r->y, r->x + (r->w - w - 2) / 2, 1, UI_BOX, " ");
        ui_text(r->y, r->x + (r->w - w) / 2, w, UI_HEADER, title);
        ui_text(r->y, r->x + (r->w - w) / 2 + w, 1, UI_BOX, " ");
    }
}

void ui_cursor(int y, int x)
{
    curs_set(1);
    move(y, x);
}
