/* Editing Chinese in a text field: cursor by character, two columns per
 * wide character, never half a character at the window's edges. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/textedit.h"

static int setup(void **state)
{
    (void)state;
    if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C.utf8");
    return 0;
}

static void assert_text(const struct textedit *t, const char *want)
{
    char *s = textedit_get(t);
    assert_string_equal(s, want);
    free(s);
}

static void test_insert_and_cursor(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    textedit_insert_utf8(&t, "张三");
    assert_int_equal(t.len, 2);
    assert_int_equal(t.cur, 2);
    textedit_left(&t);
    textedit_insert(&t, 0x5C0F); /* 小 between 张 and 三 */
    assert_text(&t, "张小三");
    assert_int_equal(t.cur, 2);
    assert_int_equal(textedit_width(&t), 6);
    textedit_home(&t);
    textedit_insert(&t, 'A');
    assert_text(&t, "A张小三");
    textedit_end(&t);
    assert_int_equal(t.cur, 4);
    assert_int_equal(textedit_right(&t), 0); /* at the end: nothing */
    textedit_free(&t);
}

static void test_delete(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    textedit_set(&t, "东平县a");
    assert_int_equal(textedit_backspace(&t), 1);
    assert_text(&t, "东平县");
    textedit_home(&t);
    assert_int_equal(textedit_backspace(&t), 0); /* at the start: nothing */
    assert_int_equal(textedit_delete(&t), 1);
    assert_text(&t, "平县");
    textedit_right(&t);
    textedit_kill_end(&t);
    assert_text(&t, "平");
    textedit_kill_line(&t);
    assert_text(&t, "");
    assert_int_equal(t.cur, 0);
    textedit_free(&t);
}

static void test_max_and_controls(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 3);
    assert_int_equal(textedit_insert_utf8(&t, "一二三四五"), 3);
    assert_text(&t, "一二三");
    assert_int_equal(textedit_insert(&t, 'x'), -1);
    textedit_kill_line(&t);
    assert_int_equal(textedit_insert(&t, 0x07), -1); /* BEL is not text */
    assert_int_equal(textedit_insert(&t, 0x1B), -1);
    assert_int_equal(t.len, 0);
    textedit_free(&t);
}

static void test_view_truncates_at_width(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    textedit_set(&t, "中华人民共和国");
    textedit_home(&t);
    char out[64];
    int used;
    /* 7 columns: three whole characters (6 columns), never half of the 4th */
    int col = textedit_view(&t, 7, out, sizeof out, &used);
    assert_int_equal(col, 0);
    assert_string_equal(out, "中华人");
    assert_int_equal(used, 6);
    textedit_free(&t);
}

static void test_view_wide_char_at_edge(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    /* "ab" then wide chars: in 5 columns "ab中" is 4 wide, 华 would need 6 */
    textedit_set(&t, "ab中华");
    textedit_home(&t);
    char out[64];
    int used;
    textedit_view(&t, 5, out, sizeof out, &used);
    assert_string_equal(out, "ab中");
    assert_int_equal(used, 4);
    /* cursor at the end: needs a free column after 华, so the window scrolls
     * by whole characters and the cursor column stays inside the field */
    textedit_end(&t);
    int col = textedit_view(&t, 5, out, sizeof out, &used);
    assert_true(col <= 4);
    assert_int_equal(col, used);
    assert_string_equal(out, "中华");
    /* cursor on 华 (wide): both its columns must be visible */
    textedit_left(&t);
    col = textedit_view(&t, 5, out, sizeof out, &used);
    assert_true(col + 2 <= 5);
    textedit_free(&t);
}

static void test_view_scrolls_back(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    textedit_set(&t, "一二三四五六七八");
    char out[64];
    int used;
    textedit_view(&t, 6, out, sizeof out, &used);
    assert_true(t.scroll > 0);
    textedit_home(&t);
    int col = textedit_view(&t, 6, out, sizeof out, &used);
    assert_int_equal(col, 0);
    assert_int_equal(t.scroll, 0);
    assert_string_equal(out, "一二三");
    textedit_free(&t);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    struct textedit t;
    textedit_init(&t, 0);
    textedit_set(&t, "a\xff"
                     "b");
    assert_int_equal(t.len, 3);
    assert_int_equal(t.cp[1], 0xFFFD);
    textedit_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_and_cursor),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_max_and_controls),
        cmocka_unit_test(test_view_truncates_at_width),
        cmocka_unit_test(test_view_wide_char_at_edge),
        cmocka_unit_test(test_view_scrolls_back),
        cmocka_unit_test(test_invalid_utf8),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
