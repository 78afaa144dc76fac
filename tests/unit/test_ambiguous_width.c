/* No East Asian Ambiguous characters in what the screens write.
 *
 * A GBK terminal (Xshell, PuTTY on Chinese Windows) draws every character it
 * gets as two bytes two columns wide, while ncurses counts the Ambiguous ones
 * (“ ” ‘ ’ … — · → and the box characters) as one: each one shifts the rest of
 * its line. So no msgid or msgstr of po/zh_CN.po, and no string literal in
 * src/ui and src/screens, may hold one. The ranges come from the Unicode
 * Character Database as Debian ships it (unicode-data), read at test time, so
 * a newer Unicode is checked without editing this file. */
#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/utf8.h"

#define EAW_FILE "/usr/share/unicode/EastAsianWidth.txt"

struct range {
    uint32_t lo, hi;
};

static struct range *ranges;
static size_t nranges;
static int quiet; /* while the checker checks itself */

/* "00A1;A  # Po ..." or "2460..24E9;A" (Unicode 15.1 and later put spaces
 * around the ';'). */
static int load_ranges(void)
{
    FILE *f = fopen(EAW_FILE, "r");
    if (!f) return -1;
    char line[512];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned lo, hi;
        char kind[4];
        int n = 0;
        if (sscanf(line, "%x..%x ; %3[A-Za-z]%n", &lo, &hi, kind, &n) != 3 || n == 0) {
            n = 0;
            if (sscanf(line, "%x ; %3[A-Za-z]%n", &lo, kind, &n) != 2 || n == 0) continue;
            hi = lo;
        }
        if (strcmp(kind, "A") != 0) continue;
        if (nranges == cap) {
            cap = cap ? cap * 2 : 256;
            struct range *r = realloc(ranges, cap * sizeof *r);
            if (!r) abort();
            ranges = r;
        }
        ranges[nranges++] = (struct range){lo, hi};
    }
    fclose(f);
    return nranges ? 0 : -1;
}

static int ambiguous(uint32_t cp)
{
    for (size_t i = 0; i < nranges; i++)
        if (cp >= ranges[i].lo && cp <= ranges[i].hi) return 1;
    return 0;
}

/* Report every Ambiguous character of s[0..n) as file:line; count them. */
static int check_text(const char *file, int line, const char *s, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            if (!quiet) print_error("%s:%d: not UTF-8\n", file, line);
            return bad + 1;
        }
        if (ambiguous(cp)) {
            char ch[5] = {0};
            utf8_encode(cp, ch);
            if (!quiet)
                print_error("%s:%d: U+%04X %s is East Asian Ambiguous (one column in ncurses, two "
                            "on a GBK terminal)\n",
                            file, line, (unsigned)cp, ch);
            bad++;
        }
        i += (size_t)k;
    }
    return bad;
}

/* The string and character literals of C source text; comments are skipped
 * (they never reach a screen). */
static int check_c(const char *file, const char *src, size_t n)
{
    int bad = 0, line = 1;
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        if (c == '\n') {
            line++;
        } else if (c == '/' && i + 1 < n && src[i + 1] == '/') {
            while (i + 1 < n && src[i + 1] != '\n') i++;
        } else if (c == '/' && i + 1 < n && src[i + 1] == '*') {
            for (i += 2; i + 1 < n && !(src[i] == '*' && src[i + 1] == '/'); i++)
                if (src[i] == '\n') line++;
            i++;
        } else if (c == '"' || c == '\'') {
            size_t start = ++i;
            int at = line;
            for (; i < n && src[i] != c && src[i] != '\n'; i++)
                if (src[i] == '\\' && i + 1 < n) i++;
            bad += check_text(file, at, src + start, i - start);
            if (i < n && src[i] == '\n') line++;
        }
    }
    return bad;
}

/* The text of a catalogue: every line but comments, which leaves msgctxt,
 * msgid, msgstr and their continuation lines. Obsolete entries ("#~") are
 * comments and never shown. */
static int check_po(const char *file, const char *src, size_t n)
{
    int bad = 0, line = 1;
    for (size_t i = 0; i < n; line++) {
        size_t end = i;
        while (end < n && src[end] != '\n') end++;
        if (src[i] != '#') bad += check_text(file, line, src + i, end - i);
        i = end + 1;
    }
    return bad;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    if (!buf) abort();
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n < cap) continue;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger) abort();
        buf = bigger;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* The tests run from the repository's root (tests/run.sh); run by hand from
 * elsewhere, the root is found from this binary, build/test/unit/NAME. */
static int to_root(void)
{
    if (access("po/zh_CN.po", R_OK) == 0) return 0;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return -1;
    exe[n] = '\0';
    for (int up = 0; up < 4; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash) return -1;
        *slash = '\0';
    }
    return chdir(exe) == 0 && access("po/zh_CN.po", R_OK) == 0 ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    if (load_ranges() != 0) {
        print_error("cannot read the Ambiguous ranges from %s (package unicode-data)\n", EAW_FILE);
        return -1;
    }
    if (to_root() != 0) {
        print_error("cannot find the repository (po/zh_CN.po) from here\n");
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(ranges);
    return 0;
}

/* The checker itself: it must see what it is there to catch, and only that. */
static void test_checker_finds_ambiguous(void **state)
{
    (void)state;
    assert_true(ambiguous(0x201C));  /* “ */
    assert_true(ambiguous(0x2026));  /* … */
    assert_true(ambiguous(0x2192));  /* → */
    assert_true(ambiguous(0x2500));  /* ─ */
    assert_false(ambiguous(0x300C)); /* 「 is wide */
    assert_false(ambiguous(0x7F51)); /* 网 */
    assert_false(ambiguous('"'));

    static const char c_src[] = "/* “comment” */\n"
                                "// ‘also’ a comment\n"
                                "x = _(\"say \\\"hi\\\" “%s”\"); y = '\\'';\n"
                                "z = \"→\";\n";
    static const char c_ok[] = "/* → */ ui_text(0, 0, 9, \"「网格」 -> ...\"); /* ” */\n";
    static const char po[] = "#. TRANSLATORS: “x”\n"
                             "#~ msgstr \"旧的“x”\"\n"
                             "msgid \"a\"\n"
                             "msgstr \"\"\n"
                             "\"删除“%s”？\"\n";
    quiet = 1;
    int in_c = check_c("t.c", c_src, sizeof c_src - 1);
    int in_ok = check_c("t.c", c_ok, sizeof c_ok - 1);
    int in_po = check_po("t.po", po, sizeof po - 1);
    quiet = 0;
    assert_int_equal(in_c, 3);
    assert_int_equal(in_ok, 0);
    assert_int_equal(in_po, 2);
}

static void test_catalogue(void **state)
{
    (void)state;
    size_t n;
    char *text = slurp("po/zh_CN.po", &n);
    assert_non_null(text);
    int bad = check_po("po/zh_CN.po", text, n);
    free(text);
    assert_int_equal(bad, 0);
}

static int c_file(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && name[n - 2] == '.' && (name[n - 1] == 'c' || name[n - 1] == 'h');
}

static int check_dir(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int bad = 0, files = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!c_file(de->d_name)) continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t n;
        char *text = slurp(path, &n);
        assert_non_null(text);
        bad += check_c(path, text, n);
        free(text);
        files++;
    }
    closedir(d);
    assert_true(files > 0);
    return bad;
}

static void test_ui_sources(void **state)
{
    (void)state;
    int bad = check_dir("src/ui") + check_dir("src/screens");
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker_finds_ambiguous),
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test(test_ui_sources),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
