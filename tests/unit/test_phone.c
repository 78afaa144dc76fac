/* Phone numbers: mobiles and landlines as people type them, normalised and
 * masked; wrong ones get a message that says what is wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/phone.h"

static void expect_ok(const char *in, int kind, const char *norm)
{
    char out[64];
    wg_err e = {{0}};
    int rc = phone_parse(in, out, sizeof out, &e);
    if (rc != kind) fail_msg("%s: expected kind %d, got %d \"%s\"", in, kind, rc, e.msg);
    if (strcmp(out, norm) != 0) fail_msg("%s: expected %s, got %s", in, norm, out);
}

static void expect_error(const char *in, const char *want)
{
    char out[64];
    wg_err e = {{0}};
    int rc = phone_parse(in, out, sizeof out, &e);
    if (rc != -1 || !strstr(e.msg, want))
        fail_msg("%s: expected an error containing \"%s\", got rc %d \"%s\"", in, want, rc, e.msg);
}

static void test_mobile_valid(void **state)
{
    (void)state;
    expect_ok("13812345678", PHONE_MOBILE, "13812345678");
    expect_ok("138 1234 5678", PHONE_MOBILE, "13812345678");
    expect_ok("138-1234-5678", PHONE_MOBILE, "13812345678");
    expect_ok("+86-138-1234-5678", PHONE_MOBILE, "13812345678");
    expect_ok("+86 13812345678", PHONE_MOBILE, "13812345678");
    expect_ok("+8613812345678", PHONE_MOBILE, "13812345678");
    expect_ok("8613812345678", PHONE_MOBILE, "13812345678");
    expect_ok("86 138 1234 5678", PHONE_MOBILE, "13812345678");
    expect_ok("0086 138 1234 5678", PHONE_MOBILE, "13812345678");
    expect_ok("  19912345678  ", PHONE_MOBILE, "19912345678");
    for (char d = '3'; d <= '9'; d++) {
        char in[12] = "1X012345678";
        in[1] = d;
        expect_ok(in, PHONE_MOBILE, in);
    }
}

static void test_mobile_invalid(void **state)
{
    (void)state;
    expect_error("1381234567", "a mobile number has 11 digits; this has 10");
    expect_error("138123456789", "a mobile number has 11 digits; this has 12");
    expect_error("12812345678", "a mobile number begins with 13 to 19, not 12");
    expect_error("11812345678", "not 11");
    expect_error("10812345678", "not 10");
    expect_error("138 1234 567a", "'a' cannot be part of a phone number");
    expect_error("+1 415 555 0100",
                 "only mainland numbers (+86) are accepted; this one begins +1415");
    expect_error("138+12345678", "'+' may only come first");
    expect_error("13812345678转12", "a mobile number has no extension");
    expect_error("\xEF\xBC\x91"
                 "3812345678",
                 "full-width digit");
    expect_error("+86", "nothing after the country code");
    expect_error("", "the phone number is empty");
    expect_error("  ", "the phone number is empty");
    expect_error("--", "the phone number has no digits");
    expect_error("1381234567\x01", "control character U+0001");
    expect_error("1234567890123456789012345", "too long");
}

static void test_landline_valid(void **state)
{
    (void)state;
    expect_ok("010-62345678", PHONE_LANDLINE, "010-62345678");
    expect_ok("01062345678", PHONE_LANDLINE, "010-62345678");
    expect_ok("010 8765 4321", PHONE_LANDLINE, "010-87654321");
    expect_ok("(010) 87654321", PHONE_LANDLINE, "010-87654321");
    expect_ok("021-6543210", PHONE_LANDLINE, "021-6543210");
    expect_ok("029 88886666", PHONE_LANDLINE, "029-88886666");
    expect_ok("0591-87654321", PHONE_LANDLINE, "0591-87654321");
    expect_ok("0534 7654321", PHONE_LANDLINE, "0534-7654321");
    expect_ok("05347654321", PHONE_LANDLINE, "0534-7654321");
    expect_ok("0591-87654321-123", PHONE_LANDLINE, "0591-87654321-123");
    expect_ok("0591 8765 4321 88", PHONE_LANDLINE, "0591-87654321-88");
    expect_ok("0591-87654321转123", PHONE_LANDLINE, "0591-87654321-123");
    expect_ok("0591-87654321 ext. 7", PHONE_LANDLINE, "0591-87654321-7");
    expect_ok("0591-87654321分机8001", PHONE_LANDLINE, "0591-87654321-8001");
    expect_ok("+86 10 8765 4321", PHONE_LANDLINE, "010-87654321");
    expect_ok("+86 591 8765 4321", PHONE_LANDLINE, "0591-87654321");
    expect_ok("0086 21 6543 2100", PHONE_LANDLINE, "021-65432100");
}

static void test_landline_invalid(void **state)
{
    (void)state;
    expect_error("87654321", "needs its area code, as in 0591-87654321");
    expect_error("7654321", "needs its area code");
    expect_error("912345", "begins with 1 (mobile) or 0 (area code), not 9");
    expect_error("011-87654321", "area code 011 does not exist");
    expect_error("0591-876543", "the local number after area code 0591 has 6 digits; it should "
                                "have 7 or 8");
    expect_error("0591876543210", "has 9 digits");
    expect_error("010-02345678", "a local number cannot begin with 0");
    expect_error("0591-17654321", "a local number cannot begin with 1");
    expect_error("0591", "area code 0591 has no local number");
    expect_error("0591-87654321-1234567", "an extension has at most 6 digits");
    expect_error("0591-87654321转1234567", "an extension has at most 6 digits");
    expect_error("0591-87654321-12-34", "too many groups");
    expect_error("0591-87654321-12转34", "neither part of it nor the extension");
    expect_error("0591-87654321转", "the extension has no digits");
    expect_error("00441234567890", "00"
                                   "44 is an international call");
}

static void test_buffer(void **state)
{
    (void)state;
    char out[11];
    wg_err e = {{0}};
    assert_int_equal(phone_parse("13812345678", out, sizeof out, &e), -1);
    assert_non_null(strstr(e.msg, "no room"));
    char out12[12];
    assert_int_equal(phone_parse("13812345678", out12, sizeof out12, &e), PHONE_MOBILE);
    assert_int_equal(phone_parse(NULL, out12, sizeof out12, &e), -1);
}

static void mask(const char *in, const char *want, size_t size)
{
    char out[64];
    memset(out, 'Z', sizeof out);
    phone_mask(in, out, size);
    if (strcmp(out, want) != 0) fail_msg("mask %s: expected %s, got %s", in, want, out);
}

static void test_mask(void **state)
{
    (void)state;
    mask("13812345678", "138****5678", 64);
    mask("010-87654321", "010-****4321", 64);
    mask("0534-7654321", "0534-***4321", 64);
    mask("0591-87654321-123", "0591-****4321-123", 64);
    mask("12345", "*2345", 64);
    mask("", "", 64);
    mask(NULL, "", 64);
    mask("13812345678", "138**", 6); /* truncated to the buffer, terminated */
    char out[1] = {'Z'};
    phone_mask("13812345678", out, 1);
    assert_int_equal(out[0], '\0');
    phone_mask("13812345678", out, 0);
    assert_int_equal(out[0], '\0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mobile_valid),   cmocka_unit_test(test_mobile_invalid),
        cmocka_unit_test(test_landline_valid), cmocka_unit_test(test_landline_invalid),
        cmocka_unit_test(test_buffer),         cmocka_unit_test(test_mask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
