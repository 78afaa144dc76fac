/* Division codes: levels, parents, scope, and checks with clear messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/division.h"

static void expect_error(const char *code, const char *parent, const char *want)
{
    wg_err e = {{0}};
    int rc = division_check(code, parent, &e);
    if (rc != -1 || !strstr(e.msg, want))
        fail_msg("%s (parent %s): expected an error containing \"%s\", got rc %d \"%s\"", code,
                 parent ? parent : "-", want, rc, e.msg);
}

static void test_level(void **state)
{
    (void)state;
    assert_int_equal(division_level("370923"), DIV_COUNTY);
    assert_int_equal(division_level("370923101"), DIV_TOWN);
    assert_int_equal(division_level("370923101201"), DIV_VILLAGE);
    assert_int_equal(division_level("370923101201001"), DIV_GRID);
    assert_int_equal(division_level("370923101201001002"), DIV_BUILDING);
    assert_int_equal(division_level("37092"), -1);
    assert_int_equal(division_level("3709231"), -1);
    assert_int_equal(division_level("370923101201001002003"), -1);
    assert_int_equal(division_level("3709231012010010020"), -1);
    assert_int_equal(division_level("37092a"), -1);
    assert_int_equal(division_level("370923 "), -1);
    assert_int_equal(division_level(""), -1);
    assert_int_equal(division_level(NULL), -1);
}

static void test_level_name(void **state)
{
    (void)state;
    assert_string_equal(division_level_name(DIV_COUNTY), "county");
    assert_string_equal(division_level_name(DIV_TOWN), "town");
    assert_string_equal(division_level_name(DIV_VILLAGE), "village");
    assert_string_equal(division_level_name(DIV_GRID), "grid");
    assert_string_equal(division_level_name(DIV_BUILDING), "building");
    assert_null(division_level_name(DIV_LEVEL_COUNT));
    assert_null(division_level_name((enum division_level) - 1));
}

static void test_parent(void **state)
{
    (void)state;
    char out[19];
    assert_int_equal(division_parent("370923101201001002", out), 0);
    assert_string_equal(out, "370923101201001");
    assert_int_equal(division_parent("370923101201001", out), 0);
    assert_string_equal(out, "370923101201");
    assert_int_equal(division_parent("370923101", out), 0);
    assert_string_equal(out, "370923");
    assert_int_equal(division_parent("370923", out), -1);
    assert_int_equal(division_parent("3709231", out), -1);
    assert_int_equal(division_parent("37092310x", out), -1);
}

static void test_within(void **state)
{
    (void)state;
    assert_true(division_within("370923101201001", "370923"));
    assert_true(division_within("370923101201001", "370923101201"));
    assert_true(division_within("370923101201001", "370923101201001"));
    assert_false(division_within("370923101201002", "370923101201001"));
    assert_false(division_within("370923102201001", "370923101"));
    assert_false(division_within("370923", "370923101")); /* a parent is not within its child */
    assert_false(division_within("370924101", "370923"));
    /* scope must be a whole code: "3709" would let in other counties */
    assert_false(division_within("370923101", "3709"));
    assert_false(division_within("370923101", ""));
    assert_false(division_within("370923101", NULL));
    assert_false(division_within(NULL, "370923"));
    assert_false(division_within("370923abc", "370923"));
}

static void test_check(void **state)
{
    (void)state;
    wg_err e = {{0}};
    assert_int_equal(division_check("370923", NULL, &e), 0);
    assert_int_equal(division_check("370923101", NULL, &e), 0);
    assert_int_equal(division_check("370923101", "370923", &e), 0);
    assert_int_equal(division_check("370923101201001002", "370923101201001", &e), 0);

    expect_error("", NULL, "the division code is empty");
    expect_error(NULL, NULL, "the division code is empty");
    expect_error("37O923", NULL, "character 3 of 37O923 is not one");
    expect_error("3709231", NULL,
                 "6 (county), 9 (town), 12 (village), 15 (grid) or 18 "
                 "(building) digits; 3709231 has 7");
    expect_error("070923", NULL, "county code 070923 is not valid");
    expect_error("970923101", NULL, "county code 970923 is not valid");
    expect_error("370923000", NULL, "digits 7-9 of 370923000 are 000");
    expect_error("370923101000", NULL, "digits 10-12");
    expect_error("370924101", "370923", "370924101 does not extend its parent's code 370923");
    expect_error("370923101201", "370923",
                 "a division within county 370923 has 9 digits; "
                 "370923101201 has 12");
    expect_error("370923", "370923", "has 9 digits");
    expect_error("3709231012010010020", NULL, "has 19");
    expect_error("370923101201001002", "370923101201001002", "has no divisions below it");
    expect_error("370923101", "37092", "the parent division code 37092 is not valid");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_level),  cmocka_unit_test(test_level_name),
        cmocka_unit_test(test_parent), cmocka_unit_test(test_within),
        cmocka_unit_test(test_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
