/* Which charset a session converts to: the stored setting, or the client's
 * locale for that session; and the locale the screens get instead of a GB
 * one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ssh/termenc.h"

static void note(struct termenc_hint *h, const char *name, const char *value, const char *want)
{
    char out[80];
    termenc_note(h, name, value, out, sizeof out);
    if (strcmp(out, want) != 0)
        fail_msg("%s=%s: the screens get '%s', not '%s'", name, value, out, want);
}

static void rewrite(void **state)
{
    (void)state;
    struct termenc_hint h;
    termenc_hint_init(&h);
    note(&h, "LANG", "zh_CN.GB18030", "zh_CN.UTF-8");
    note(&h, "LANG", "zh_CN.gbk", "zh_CN.UTF-8");
    note(&h, "LANG", "zh_CN.GB2312@stroke", "zh_CN.UTF-8@stroke");
    note(&h, "LC_MESSAGES", "zh_CN.GBK", "zh_CN.UTF-8");
    note(&h, "LANG", "zh_CN.UTF-8", "zh_CN.UTF-8");
    note(&h, "LANG", "C", "C");
    note(&h, "LANG", "zh_CN", "zh_CN"); /* no codeset named: left alone */
    note(&h, "LANG", "en_US.ISO-8859-1", "en_US.ISO-8859-1");
}

static const char *choose(const char *const *env, const char *stored, const char **why)
{
    struct termenc_hint h;
    termenc_hint_init(&h);
    char out[80];
    for (int i = 0; env[i]; i += 2) termenc_note(&h, env[i], env[i + 1], out, sizeof out);
    return termenc_choose(&h, stored, why);
}

static void precedence(void **state)
{
    (void)state;
    const char *why;
    const char *none[] = {NULL};
    assert_null(choose(none, "UTF-8", &why));
    assert_null(choose(none, "", &why));
    assert_string_equal(choose(none, "GB18030", &why), "GB18030");
    assert_string_equal(why, "setting");

    const char *gb_lang[] = {"LANG", "zh_CN.GB18030", NULL};
    assert_string_equal(choose(gb_lang, "UTF-8", &why), "GB18030");
    assert_string_equal(why, "client-locale");

    /* LC_ALL, then LC_CTYPE, then LANG */
    const char *ctype_utf8[] = {"LANG", "zh_CN.GBK", "LC_CTYPE", "zh_CN.UTF-8", NULL};
    assert_null(choose(ctype_utf8, "UTF-8", &why));
    const char *all_gb[] = {"LC_ALL", "zh_CN.GBK", "LC_CTYPE", "zh_CN.UTF-8", NULL};
    assert_string_equal(choose(all_gb, "UTF-8", &why), "GB18030");
    const char *empty_all[] = {"LC_ALL", "", "LANG", "zh_CN.GB18030", NULL};
    assert_string_equal(choose(empty_all, "UTF-8", &why), "GB18030");
    /* LC_MESSAGES says nothing about the terminal's bytes */
    const char *messages[] = {"LC_MESSAGES", "zh_CN.GBK", NULL};
    assert_null(choose(messages, "UTF-8", &why));

    /* the stored setting is not undone by a UTF-8 locale */
    const char *utf8[] = {"LANG", "zh_CN.UTF-8", NULL};
    assert_string_equal(choose(utf8, "GB18030", &why), "GB18030");
    assert_string_equal(why, "setting");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rewrite),
        cmocka_unit_test(precedence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
