/* Messages made below the UI (domain/, store/) follow the language the UI
 * picked, and stay English in a process that never picked one (the CLI). */
#include "store_fixture.h"

#include <limits.h>

#include "store/user.h"
#include "ui/i18n.h"

/* The build tree's catalogue: this binary is build/test/unit/test_i18n. */
static int point_at_build_locale(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return -1;
    exe[n] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash) return -1;
        *slash = '\0';
    }
    char dir[PATH_MAX + 16], mo[PATH_MAX + 64];
    snprintf(dir, sizeof dir, "%s/locale", exe);
    snprintf(mo, sizeof mo, "%s/zh_CN/LC_MESSAGES/wangge.mo", dir);
    if (access(mo, R_OK) != 0) return -1;
    setenv("WANGGE_LOCALEDIR", dir, 1);
    return 0;
}

static int setup(void **state)
{
    *state = fx_open();
    return 0;
}

static int teardown(void **state)
{
    fx_close(*state);
    return 0;
}

/* One domain message, one store message with a value, one whose verb phrase
 * is translated on its own ("only a county administrator may %s"). */
static void make_messages(struct fx *f, wg_err out[3])
{
    char bad[19];
    fx_idnum("19850307", 12, bad);
    bad[17] = bad[17] == '4' ? '5' : '4';
    assert_int_equal(idnum_parse(bad, NULL, NULL, &out[0]), -1);

    fx_as(f, "worker");
    struct division_rec d;
    assert_int_equal(division_get(f->s, GRID2, &d, &out[1]), -1);

    struct user_rec u;
    memset(&u, 0, sizeof u);
    snprintf(u.name, sizeof u.name, "newbie");
    u.role = ROLE_WORKER;
    snprintf(u.scope, sizeof u.scope, "%s", GRID1);
    assert_true(user_add(f->s, &u, "secret", NULL, &out[2]) < 0);
}

static void test_english_until_a_language_is_picked(void **state)
{
    wg_err e[3];
    make_messages(*state, e);
    assert_non_null(strstr(e[0].msg, "the check character should be"));
    assert_string_equal(e[1].msg, "outside your scope (" GRID1 ")");
    assert_string_equal(e[2].msg, "only a county administrator may add users");
}

static void test_chinese_once_the_ui_picks_it(void **state)
{
    if (point_at_build_locale() < 0) skip();
    i18n_init("zh_CN");
    wg_err e[3];
    make_messages(*state, e);
    assert_non_null(strstr(e[0].msg, "校验位应为"));
    assert_string_equal(e[1].msg, "超出您的辖区（" GRID1 "）");
    assert_string_equal(e[2].msg, "只有县级管理员可以添加用户");

    i18n_set_language("en");
    make_messages(*state, e);
    assert_string_equal(e[1].msg, "outside your scope (" GRID1 ")");
}

int main(void)
{
    /* The first test must run before any i18n_init in this process. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_english_until_a_language_is_picked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chinese_once_the_ui_picks_it, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
