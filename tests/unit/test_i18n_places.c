/* The search engine's, places' and organisations' messages follow the
 * language the UI picked, and stay English in a process that never picked
 * one (the CLI, which scripts read). */
#include "store_fixture.h"

#include <limits.h>

#include "store/organisation.h"
#include "store/place.h"
#include "store/search.h"
#include "ui/i18n.h"

/* The build tree's catalogue: this binary is build/test/unit/test_i18n_places. */
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
    struct fx *f = fx_open();
    fx_as(f, "admin");
    fx_user(f->s, "centre", ROLE_CENTRE, COUNTY); /* may not edit the ledger */
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx_close(*state);
    return 0;
}

enum { M_SHORT, M_NOTHING, M_SYSTEM, M_PLACE_KIND, M_RATING, M_NO_ORG, M_EDITOR, M_COUNT };

/* One message of each kind: a refused query, a refusal with a value, a bulk
 * load refused, bad values in a form, a missing record, and a verb phrase
 * completed inside another message ("your role (%s) may not %s"). */
static void make_messages(struct fx *f, wg_err out[M_COUNT])
{
    struct search_hit hits[4];
    memset(out, 0, M_COUNT * sizeof *out);
    fx_as(f, "worker");
    assert_int_equal(search_residents(f->s, "12", 4, hits, &out[M_SHORT]), SEARCH_REFUSED);
    assert_int_equal(search_residents(f->s, "%_", 4, hits, &out[M_NOTHING]), SEARCH_REFUSED);
    assert_int_equal(search_suspend(f->s, &out[M_SYSTEM]), -1);

    fx_as(f, "admin");
    struct place_rec p;
    memset(&p, 0, sizeof p);
    snprintf(p.division_code, sizeof p.division_code, "%s", GRID1);
    snprintf(p.kind, sizeof p.kind, "castle");
    snprintf(p.name, sizeof p.name, "城堡");
    const char *field = NULL;
    assert_true(place_add(f->s, &p, &field, &out[M_PLACE_KIND]) < 0);
    assert_string_equal(field, "kind");

    struct organisation_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.division_code, sizeof o.division_code, "%s", GRID1);
    snprintf(o.kind, sizeof o.kind, "property");
    snprintf(o.name, sizeof o.name, "安居物业");
    snprintf(o.rating, sizeof o.rating, "gold");
    assert_true(organisation_add(f->s, &o, &field, &out[M_RATING]) < 0);
    assert_string_equal(field, "rating");
    assert_int_equal(organisation_get(f->s, 999999, &o, &out[M_NO_ORG]), -1);

    fx_as(f, "centre");
    snprintf(o.rating, sizeof o.rating, "red");
    assert_true(organisation_add(f->s, &o, &field, &out[M_EDITOR]) < 0);
}

static void test_english_until_a_language_is_picked(void **state)
{
    wg_err e[M_COUNT];
    make_messages(*state, e);
    assert_string_equal(e[M_SHORT].msg, "type at least 4 digits of an ID or phone number");
    assert_non_null(strstr(e[M_NOTHING].msg, "nothing to search for in '%_'"));
    assert_string_equal(e[M_SYSTEM].msg, "only the system may suspend the search index");
    assert_string_equal(e[M_PLACE_KIND].msg, "unknown kind of place 'castle'");
    assert_string_equal(e[M_RATING].msg, "rating must be red, black or none");
    assert_string_equal(e[M_NO_ORG].msg, "no organisation 999999");
    assert_non_null(strstr(e[M_EDITOR].msg, "may not add organisations"));
    assert_string_equal(search_why_text(SEARCH_INITIALS_PREFIX), "start of pinyin initials");
}

static void test_chinese_once_the_ui_picks_it(void **state)
{
    if (point_at_build_locale() < 0) skip();
    i18n_init("zh_CN");
    wg_err e[M_COUNT];
    make_messages(*state, e);
    assert_string_equal(e[M_SHORT].msg, "请至少输入身份证号或电话号码中的 4 位数字");
    assert_non_null(strstr(e[M_NOTHING].msg, "「%_」中没有可搜索的内容"));
    assert_string_equal(e[M_SYSTEM].msg, "只有系统可以暂停搜索索引");
    assert_string_equal(e[M_PLACE_KIND].msg, "未知的场所类别「castle」");
    assert_string_equal(e[M_RATING].msg, "评定应为 red（红榜）、black（黑榜）或 none（无）");
    assert_string_equal(e[M_NO_ORG].msg, "没有组织 999999");
    assert_non_null(strstr(e[M_EDITOR].msg, "不能添加组织"));
    /* the screens translate the reason a hit matched */
    assert_string_equal(_(search_why_text(SEARCH_INITIALS_PREFIX)), "拼音首字母开头");

    i18n_set_language("en");
    make_messages(*state, e);
    assert_string_equal(e[M_NO_ORG].msg, "no organisation 999999");
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
