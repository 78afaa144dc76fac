/* Exec requests' command lines: cut into words as a shell would, without one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ssh/cmdline.h"

/* Split line and compare with the expected words (NULL-terminated). */
static void expect_words(const char *line, const char *const *want)
{
    wg_err e = {{0}};
    char **argv = NULL;
    int n = cmdline_split(line, &argv, &e);
    if (n < 0) fail_msg("'%s': unexpected error: %s", line, e.msg);
    int i = 0;
    for (; want[i]; i++) {
        if (i >= n) fail_msg("'%s': %d words, expected more", line, n);
        if (strcmp(argv[i], want[i]) != 0)
            fail_msg("'%s': word %d is '%s', expected '%s'", line, i, argv[i], want[i]);
    }
    assert_int_equal(n, i);
    assert_null(argv[n]);
    cmdline_free(argv);
}

static void expect_error(const char *line, const char *want)
{
    wg_err e = {{0}};
    char **argv = NULL;
    int n = cmdline_split(line, &argv, &e);
    if (n != -1 || !strstr(e.msg, want))
        fail_msg("'%s': expected an error with \"%s\", got %d \"%s\"", line, want, n, e.msg);
    assert_null(argv);
}

static void test_plain(void **state)
{
    (void)state;
    expect_words("whoami", (const char *[]){"whoami", NULL});
    expect_words("  search\t张三  --limit 5 ",
                 (const char *[]){"search", "张三", "--limit", "5", NULL});
    expect_words("", (const char *[]){NULL});
    expect_words(" \t\r\n", (const char *[]){NULL});
}

static void test_quotes(void **state)
{
    (void)state;
    expect_words("search '张 三'", (const char *[]){"search", "张 三", NULL});
    expect_words("a 'x\"y' \"p'q\"", (const char *[]){"a", "x\"y", "p'q", NULL});
    expect_words("'who'\"ami\"", (const char *[]){"whoami", NULL});
    expect_words("\"a\\\"b\\\\c\\$d\\`e\\n\"", (const char *[]){"a\"b\\c$d`e\\n", NULL});
    expect_words("a\\ b c\\'d", (const char *[]){"a b", "c'd", NULL});
    expect_words("'' \"\"", (const char *[]){"", "", NULL});
}

static void test_no_shell(void **state)
{
    (void)state;
    /* Operators and expansions are only characters. */
    expect_words("help; rm -rf / $(id) `id` > f | x && y",
                 (const char *[]){"help;", "rm", "-rf", "/", "$(id)", "`id`", ">", "f", "|", "x",
                                  "&&", "y", NULL});
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("search 'abc", "unterminated single quote");
    expect_error("search \"abc", "unterminated double quote");
    expect_error("search abc\\", "lone backslash");
    char *many = malloc(3 * (CMDLINE_MAX_WORDS + 1) + 1);
    char *p = many;
    for (int i = 0; i <= CMDLINE_MAX_WORDS; i++) p += sprintf(p, "a ");
    expect_error(many, "too many words");
    free(many);
    char *longline = malloc(CMDLINE_MAX_LEN + 2);
    memset(longline, 'x', CMDLINE_MAX_LEN + 1);
    longline[CMDLINE_MAX_LEN + 1] = '\0';
    expect_error(longline, "too long");
    free(longline);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_no_shell),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
