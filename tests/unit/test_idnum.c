/* ID numbers (GB 11643-1999): check character, dates, sex, 15-digit numbers,
 * masking, and the messages that say what is wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/idnum.h"

#define TODAY "2024-06-01"

/* Published examples, valid independently of this code: the sample in
 * GB 11643-1999 itself and a widely used validator's documented example. */
static const char *const published[] = {"11010519491231002X", "360426199101010071"};

/* region + date + sequence, with the check character computed here. */
static void make_id(const char *region, const char *date, const char *seq, char out[19])
{
    snprintf(out, 19, "%s%s%s", region, date, seq);
    out[17] = idnum_check_char(out);
    out[18] = '\0';
}

static void expect_error(const char *in, const char *want)
{
    struct idnum id;
    wg_err e = {{0}};
    int rc = idnum_parse(in, TODAY, &id, &e);
    if (rc != -1 || !strstr(e.msg, want))
        fail_msg("%s: expected an error containing \"%s\", got rc %d \"%s\"", in, want, rc, e.msg);
}

static void test_check_char_published(void **state)
{
    (void)state;
    assert_int_equal(idnum_check_char("11010519491231002"), 'X');
    assert_int_equal(idnum_check_char("36042619910101007"), '1');
    /* The standard's second sample: a man born in 1880, valid check character. */
    assert_int_equal(idnum_check_char("44052418800101001"), '4');
    /* Only the first 17 are read, so a whole number can be passed. */
    assert_int_equal(idnum_check_char("11010519491231002X"), 'X');
    assert_int_equal(idnum_check_char("1101051949123100"), '?');
    assert_int_equal(idnum_check_char("1101051949123100A"), '?');
    assert_int_equal(idnum_check_char(NULL), '?');
}

static void test_check_char_all_residues(void **state)
{
    (void)state;
    /* Varying the sequence digits reaches every one of the 11 check characters. */
    char seen[128] = {0};
    for (int s = 0; s < 1000; s++) {
        char first17[18];
        snprintf(first17, sizeof first17, "37092319800101%03d", s);
        char c = idnum_check_char(first17);
        assert_true(strchr("0123456789X", c) != NULL);
        seen[(int)c] = 1;
    }
    for (const char *c = "0123456789X"; *c; c++) assert_true(seen[(int)*c]);
}

static void test_parse_published(void **state)
{
    (void)state;
    struct idnum id;
    wg_err e = {{0}};
    assert_int_equal(idnum_parse("11010519491231002X", TODAY, &id, &e), 0);
    assert_string_equal(id.number, "11010519491231002X");
    assert_string_equal(id.region, "110105");
    assert_string_equal(id.birth, "1949-12-31");
    assert_int_equal(id.sex, 'F');

    assert_int_equal(idnum_parse("360426199101010071", TODAY, &id, &e), 0);
    assert_string_equal(id.region, "360426");
    assert_string_equal(id.birth, "1991-01-01");
    assert_int_equal(id.sex, 'M');

    /* Valid by its check character, but born before 1900. */
    expect_error("440524188001010014", "birth date 1880-01-01 is before 1900");
}

static void test_parse_computed(void **state)
{
    (void)state;
    char n[19];
    struct idnum id;
    wg_err e = {{0}};
    make_id("370923", "20000229", "002", n);
    assert_string_equal(n, "370923200002290026"); /* worked by hand */
    assert_int_equal(idnum_parse(n, TODAY, &id, &e), 0);
    assert_string_equal(id.birth, "2000-02-29");
    assert_int_equal(id.sex, 'F');

    make_id("820000", "19991231", "999", n); /* Macau, highest sequence */
    assert_int_equal(idnum_parse(n, TODAY, &id, &e), 0);
    assert_int_equal(id.sex, 'M');
    make_id("110101", "19000101", "000", n); /* the first day allowed */
    assert_int_equal(idnum_parse(n, TODAY, &id, &e), 0);
    make_id("110101", "20240601", "010", n); /* born today */
    assert_int_equal(idnum_parse(n, TODAY, &id, &e), 0);
}

/* Every single-character change of a valid number is rejected: all 18
 * positions, every other character of 0-9 and X. A change that leaves region
 * and date valid must fail on the check character. */
static void test_every_single_change_rejected(void **state)
{
    (void)state;
    char extra[19];
    make_id("370923", "19850615", "123", extra);
    const char *valid[] = {published[0], published[1], "370923200002290026", extra};
    int checked = 0, by_check = 0;
    for (size_t v = 0; v < sizeof valid / sizeof valid[0]; v++) {
        struct idnum id;
        wg_err e = {{0}};
        assert_int_equal(idnum_parse(valid[v], TODAY, &id, &e), 0);
        for (int pos = 0; pos < 18; pos++) {
            for (const char *c = "0123456789X"; *c; c++) {
                if (*c == valid[v][pos]) continue;
                char bad[19];
                memcpy(bad, valid[v], 19);
                bad[pos] = *c;
                e.msg[0] = '\0';
                if (idnum_parse(bad, TODAY, &id, &e) != -1)
                    fail_msg("%s (changed at %d) was accepted", bad, pos + 1);
                assert_true(e.msg[0] != '\0');
                int date_part = pos >= 6 && pos < 14;
                if (*c != 'X' && !date_part && !(pos == 0 && (*c == '0' || *c == '9'))) {
                    if (!strstr(e.msg, "check character"))
                        fail_msg("%s: expected a check character error, got \"%s\"", bad, e.msg);
                    by_check++;
                }
                checked++;
            }
        }
    }
    assert_int_equal(checked, 4 * 18 * 10);
    assert_true(by_check > 4 * 9 * 8);
}

static void test_check_message(void **state)
{
    (void)state;
    expect_error("110105194912310021", "the check character should be X, not 1");
    expect_error("360426199101010073", "the check character should be 1, not 3");
}

static void test_lower_x_and_spaces(void **state)
{
    (void)state;
    struct idnum id;
    wg_err e = {{0}};
    assert_int_equal(idnum_parse("11010519491231002x", TODAY, &id, &e), 0);
    assert_string_equal(id.number, "11010519491231002X");
    assert_int_equal(idnum_parse("  11010519491231002X\t ", TODAY, &id, &e), 0);
    assert_string_equal(id.number, "11010519491231002X");
    /* the ideographic space a Chinese input method types */
    assert_int_equal(idnum_parse("\xE3\x80\x80"
                                 "11010519491231002X",
                                 TODAY, &id, &e),
                     0);
}

static void test_length(void **state)
{
    (void)state;
    expect_error("11010519491231002",
                 "an ID number has 18 characters (or 15 for old ones); this has 17");
    expect_error("11010519491231002X1", "this has 19");
    expect_error("1101051949123", "this has 13");
    expect_error("   ", "the ID number is empty");
    expect_error("", "the ID number is empty");
    /* characters, not bytes */
    expect_error("11010519491231002\xE5\xBC\xA0", "character 18 is '\xE5\xBC\xA0', not a digit");
}

static void test_characters(void **state)
{
    (void)state;
    expect_error("1101051949123100AX", "character 17 is 'A', not a digit");
    expect_error("1101X519491231002X", "character 5 is X, but only the last (18th)");
    expect_error("110105 9491231002X", "character 7 is ' ', not a digit");
    expect_error("11010519491231002-", "character 18 is '-', not a digit");
    expect_error("11010519491231002\x01", "character 18 is U+0001, not a digit");
    expect_error("\xEF\xBC\x91"
                 "1010519491231002X",
                 "character 1 is a full-width");
    expect_error("11010549123100X", "old 15-character ID number has only digits");
    expect_error("110105\xFF"
                 "9491231002X",
                 "not text");
}

static void test_region(void **state)
{
    (void)state;
    char n[19];
    make_id("010105", "19491231", "002", n);
    expect_error(n, "region code 010105 is not valid");
    make_id("910105", "19491231", "002", n);
    expect_error(n, "its first digit must be 1 to 8");
    make_id("000000", "19491231", "002", n);
    expect_error(n, "region code 000000 is not valid");
}

static void test_dates(void **state)
{
    (void)state;
    char n[19];
    make_id("370923", "19000229", "001", n);
    expect_error(n, "birth date 1900-02-29 does not exist: 1900 is not a leap year");
    make_id("370923", "20230229", "001", n);
    expect_error(n, "birth date 2023-02-29 does not exist");
    make_id("370923", "19900230", "001", n);
    expect_error(n, "birth date 1990-02-30 does not exist: February has 28 days");
    make_id("370923", "19880230", "001", n);
    expect_error(n, "February has 29 days");
    make_id("370923", "19900431", "001", n);
    expect_error(n, "April has 30 days");
    make_id("370923", "19901301", "001", n);
    expect_error(n, "there is no month 13");
    make_id("370923", "19900001", "001", n);
    expect_error(n, "there is no month 00");
    make_id("370923", "19900100", "001", n);
    expect_error(n, "birth date 1990-01-00 does not exist");
    make_id("370923", "18991231", "001", n);
    expect_error(n, "is before 1900");
    make_id("370923", "20240602", "001", n);
    expect_error(n, "birth date 2024-06-02 is in the future (today is 2024-06-01)");
    make_id("370923", "29991231", "001", n);
    expect_error(n, "in the future");
}

static void test_today_default(void **state)
{
    (void)state;
    /* NULL means the real date: a 1990 birth is past, a 2999 one is not. */
    struct idnum id;
    wg_err e = {{0}};
    char n[19];
    make_id("370923", "19900101", "001", n);
    assert_int_equal(idnum_parse(n, NULL, &id, &e), 0);
    make_id("370923", "29990101", "001", n);
    assert_int_equal(idnum_parse(n, NULL, &id, &e), -1);
    assert_non_null(strstr(e.msg, "in the future"));
}

static void test_from15(void **state)
{
    (void)state;
    char out[19];
    assert_int_equal(idnum_from15("110105491231002", out), 0);
    assert_string_equal(out, "11010519491231002X");
    assert_int_equal(idnum_from15("440524800101001", out), 0);
    assert_string_equal(out, "440524198001010013");
    assert_int_equal(idnum_from15("11010549123100", out), -1);
    assert_int_equal(idnum_from15("1101054912310021", out), -1);
    assert_int_equal(idnum_from15("11010549123100A", out), -1);
    assert_int_equal(idnum_from15(NULL, out), -1);

    struct idnum id;
    wg_err e = {{0}};
    assert_int_equal(idnum_parse(" 110105491231002 ", TODAY, &id, &e), 0);
    assert_string_equal(id.number, "11010519491231002X");
    assert_string_equal(id.birth, "1949-12-31");
    assert_int_equal(id.sex, 'F');
    assert_int_equal(idnum_parse("370923850615123", TODAY, &id, &e), 0);
    assert_int_equal(id.sex, 'M');
    expect_error("370923850230123", "birth date 1985-02-30 does not exist");
    expect_error("070923850615123", "region code 070923 is not valid");
}

static void test_matches(void **state)
{
    (void)state;
    struct idnum id;
    wg_err e = {{0}};
    assert_int_equal(idnum_parse("11010519491231002X", TODAY, &id, &e), 0);
    assert_int_equal(idnum_matches(&id, "1949-12-31", 'F', &e), 0);
    assert_int_equal(idnum_matches(&id, "19491231", 'f', &e), 0);
    assert_int_equal(idnum_matches(&id, "1949/12/31", 0, &e), 0);
    assert_int_equal(idnum_matches(&id, "1949.12.31", 0, &e), 0);
    assert_int_equal(idnum_matches(&id, NULL, 0, &e), 0);
    assert_int_equal(idnum_matches(&id, "", 'F', &e), 0);

    assert_int_equal(idnum_matches(&id, "1950-01-01", 'F', &e), -1);
    assert_string_equal(e.msg, "the ID number gives birth date 1949-12-31, not 1950-01-01");
    assert_int_equal(idnum_matches(&id, "1949-12-31", 'M', &e), -1);
    assert_string_equal(e.msg,
                        "the ID number is a woman's (its 17th digit, 2, is even), not a man's");
    assert_int_equal(idnum_matches(&id, "1949-12-32", 0, &e), -1);
    assert_non_null(strstr(e.msg, "is not a date"));
    assert_int_equal(idnum_matches(&id, "1949-12/31", 0, &e), -1);
    assert_int_equal(idnum_matches(&id, "49-12-31", 0, &e), -1);
    assert_int_equal(idnum_matches(&id, NULL, 'Q', &e), -1);
    assert_non_null(strstr(e.msg, "sex must be M or F"));

    assert_int_equal(idnum_parse("360426199101010071", TODAY, &id, &e), 0);
    assert_int_equal(idnum_matches(&id, "1991-1-1", 'M', &e), 0);
    assert_int_equal(idnum_matches(&id, NULL, 'F', &e), -1);
    assert_non_null(strstr(e.msg, "a man's (its 17th digit, 7, is odd), not a woman's"));
}

static void test_mask(void **state)
{
    (void)state;
    char out[19];
    idnum_mask("37092319850615123X", out);
    assert_string_equal(out, "370923********123X");
    idnum_mask("11010519491231002X", out);
    assert_string_equal(out, "110105********002X");
    idnum_mask("123456789", out);
    assert_string_equal(out, "*********");
    idnum_mask("1234567890", out);
    assert_string_equal(out, "1234567890");
    idnum_mask("110105491231002", out);
    assert_string_equal(out, "110105*****1002");
    idnum_mask("", out);
    assert_string_equal(out, "");
    idnum_mask(NULL, out);
    assert_string_equal(out, "");
    idnum_mask("11010519491231002X999", out); /* too long: still 18 characters */
    assert_int_equal(strlen(out), 18);
    assert_memory_equal(out, "110105********", 14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_char_published),
        cmocka_unit_test(test_check_char_all_residues),
        cmocka_unit_test(test_parse_published),
        cmocka_unit_test(test_parse_computed),
        cmocka_unit_test(test_every_single_change_rejected),
        cmocka_unit_test(test_check_message),
        cmocka_unit_test(test_lower_x_and_spaces),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_characters),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_today_default),
        cmocka_unit_test(test_from15),
        cmocka_unit_test(test_matches),
        cmocka_unit_test(test_mask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
