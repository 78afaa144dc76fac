/* Wrapping text for dialogs and field messages: Latin text at spaces,
 * Chinese between any two characters but never before a closing mark,
 * newlines honoured, never wider than asked. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/display.h"

static int setup(void **state)
{
    (void)state;
    if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C.utf8");
    return 0;
}

/* The lines of text at width, joined with '|'. */
static const char *wrapped(const char *text, int width)
{
    static char all[1024];
    char line[256];
    all[0] = '\0';
    for (const char *p = text; *p;) {
        p = ui_wrap(p, width, line, sizeof line);
        assert_true(ui_width(line) <= width);
        if (all[0]) strcat(all, "|");
        strcat(all, line);
    }
    return all;
}

static void test_latin_at_spaces(void **state)
{
    (void)state;
    assert_string_equal(wrapped("Discard the changes you typed?", 12),
                        "Discard the|changes you|typed?");
    assert_string_equal(wrapped("short", 12), "short");
    assert_int_equal(ui_wrap_lines("Discard the changes you typed?", 12), 3);
    assert_int_equal(ui_wrap_lines("", 12), 0);
    /* several spaces at a break do not start the next line */
    assert_string_equal(wrapped("one   two", 5), "one|two");
}

static void test_long_word_is_cut(void **state)
{
    (void)state;
    assert_string_equal(wrapped("370923197502030023", 8), "37092319|75020300|23");
}

static void test_chinese_anywhere(void **state)
{
    (void)state;
    /* 10 columns: five characters a line */
    assert_string_equal(wrapped("放弃已输入的修改吗", 10), "放弃已输入|的修改吗");
    /* an odd width never splits a character */
    assert_string_equal(wrapped("放弃已输入", 5), "放弃|已输|入");
    /* a comma stays with the character before it */
    assert_string_equal(wrapped("放弃已输，入", 8), "放弃已|输，入");
    /* mixed: a Latin word is not split when a break before it exists */
    assert_string_equal(wrapped("请输入ABCD号码", 8), "请输入|ABCD号码");
}

static void test_newlines(void **state)
{
    (void)state;
    assert_string_equal(wrapped("first line\nsecond", 40), "first line|second");
    assert_string_equal(wrapped("a\n\nb", 40), "a||b");
    assert_int_equal(ui_wrap_lines("a\n\nb", 40), 3);
}

static void test_small_buffer(void **state)
{
    (void)state;
    char out[5];
    const char *rest = ui_wrap("张三丰", 40, out, sizeof out);
    assert_string_equal(out, "张"); /* whole characters only */
    assert_string_equal(rest, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latin_at_spaces),  cmocka_unit_test(test_long_word_is_cut),
        cmocka_unit_test(test_chinese_anywhere), cmocka_unit_test(test_newlines),
        cmocka_unit_test(test_small_buffer),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
