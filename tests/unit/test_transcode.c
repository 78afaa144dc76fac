/* Stream conversion UTF-8 <-> GB18030 for GB18030 terminals: the result must
 * not depend on where the stream is cut, 4-byte GB18030 characters survive
 * both ways, and invalid bytes become '?' without taking their neighbours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "util/transcode.h"

/* Screen output as the UI writes it: escapes, box drawing, Chinese, a
 * character outside the BMP (4 bytes in both charsets) and one inside the
 * BMP that GB18030 encodes in 4 bytes. */
static const char utf8_screen[] = "\033[?1049h\033[1;1H\033[7m\xe5\xb7\xa5\xe4\xbd\x9c\xe5\x8f\xb0"
                                  "\033[m \xe2\x94\x80\xe2\x94\x80 \xe7\xbd\x91\xe6\xa0\xbc "
                                  "\xf0\xa0\x80\x80\xf0\xa0\xae\xb7 \xc2\x80\xef\xbf\xbf "
                                  "\xe2\x82\xac\r\n";
static const char gb_screen[] = "\033[?1049h\033[1;1H\033[7m\xb9\xa4\xd7\xf7\xcc\xa8"
                                "\033[m \xa9\xa4\xa9\xa4 \xcd\xf8\xb8\xf1 "
                                "\x95\x32\x82\x36\x95\x34\xb2\x35 \x81\x30\x81\x30\x84\x31\xa4\x39 "
                                "\xa2\xe3\r\n";

static struct transcode *open_or_fail(const char *to, const char *from)
{
    wg_err e = {{0}};
    struct transcode *t = transcode_new(to, from, &e);
    if (!t) fail_msg("transcode_new(%s, %s): %s", to, from, e.msg);
    return t;
}

/* Convert in as pieces cut at the given offsets (ascending, within len). */
static size_t convert_cut(const char *to, const char *from, const char *in, size_t len,
                          const size_t *cuts, int ncuts, strbuf *out)
{
    struct transcode *t = open_or_fail(to, from);
    size_t bad = 0, at = 0;
    for (int i = 0; i <= ncuts; i++) {
        size_t end = i < ncuts ? cuts[i] : len;
        bad += transcode_feed(t, in + at, end - at, out);
        at = end;
    }
    bad += transcode_finish(t, out);
    transcode_free(t);
    return bad;
}

static void expect_bytes(const strbuf *got, const char *want, size_t wlen, const char *what)
{
    if (got->len != wlen || memcmp(got->s, want, wlen) != 0) {
        size_t i = 0;
        while (i < got->len && i < wlen && got->s[i] == want[i]) i++;
        fail_msg("%s: %zu bytes instead of %zu, first difference at byte %zu", what, got->len, wlen,
                 i);
    }
}

static void whole(void **state)
{
    (void)state;
    strbuf out;
    strbuf_init(&out);
    assert_int_equal(
        convert_cut("GB18030", "UTF-8", utf8_screen, sizeof utf8_screen - 1, NULL, 0, &out), 0);
    expect_bytes(&out, gb_screen, sizeof gb_screen - 1, "UTF-8 -> GB18030");
    strbuf_reset(&out);
    assert_int_equal(
        convert_cut("UTF-8", "GB18030", gb_screen, sizeof gb_screen - 1, NULL, 0, &out), 0);
    expect_bytes(&out, utf8_screen, sizeof utf8_screen - 1, "GB18030 -> UTF-8");
    strbuf_free(&out);
}

/* Every single cut point, then every pair of cut points, then byte by byte. */
static void every_cut(const char *to, const char *from, const char *in, size_t len,
                      const char *want, size_t wlen)
{
    strbuf out;
    strbuf_init(&out);
    char what[96];
    for (size_t i = 1; i < len; i++) {
        strbuf_reset(&out);
        size_t bad = convert_cut(to, from, in, len, &i, 1, &out);
        snprintf(what, sizeof what, "%s -> %s cut at %zu", from, to, i);
        if (bad) fail_msg("%s: %zu bytes called invalid", what, bad);
        expect_bytes(&out, want, wlen, what);
        for (size_t j = i + 1; j < len; j++) {
            size_t cuts[2] = {i, j};
            strbuf_reset(&out);
            bad = convert_cut(to, from, in, len, cuts, 2, &out);
            snprintf(what, sizeof what, "%s -> %s cut at %zu and %zu", from, to, i, j);
            if (bad) fail_msg("%s: %zu bytes called invalid", what, bad);
            expect_bytes(&out, want, wlen, what);
        }
    }
    struct transcode *t = open_or_fail(to, from);
    strbuf_reset(&out);
    for (size_t i = 0; i < len; i++) {
        assert_int_equal(transcode_feed(t, in + i, 1, &out), 0);
        assert_true(transcode_pending(t) < 4);
    }
    assert_int_equal(transcode_pending(t), 0);
    assert_int_equal(transcode_finish(t, &out), 0);
    snprintf(what, sizeof what, "%s -> %s byte by byte", from, to);
    expect_bytes(&out, want, wlen, what);
    transcode_free(t);
    strbuf_free(&out);
}

static void split_to_gb(void **state)
{
    (void)state;
    every_cut("GB18030", "UTF-8", utf8_screen, sizeof utf8_screen - 1, gb_screen,
              sizeof gb_screen - 1);
}

static void split_from_gb(void **state)
{
    (void)state;
    every_cut("UTF-8", "GB18030", gb_screen, sizeof gb_screen - 1, utf8_screen,
              sizeof utf8_screen - 1);
}

/* A 4-byte GB18030 character cut after each of its bytes: held, not '?'. */
static void four_byte_held(void **state)
{
    (void)state;
    static const char gb[] = "\x95\x32\x82\x36";
    struct transcode *t = open_or_fail("UTF-8", "GB18030");
    strbuf out;
    strbuf_init(&out);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(transcode_feed(t, gb + i, 1, &out), 0);
        assert_int_equal(out.len, 0);
        assert_int_equal(transcode_pending(t), (size_t)i + 1);
    }
    assert_int_equal(transcode_feed(t, gb + 3, 1, &out), 0);
    assert_int_equal(transcode_pending(t), 0);
    expect_bytes(&out, "\xf0\xa0\x80\x80", 4, "U+20000");
    strbuf_free(&out);
    transcode_free(t);
}

struct bad_case {
    const char *to, *from;
    const char *in;
    size_t len;
    const char *want;
    size_t bad;
};

static void invalid(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        /* a lead byte followed by a byte no GB18030 character has there:
         * the lead byte is lost, the space and the B are not */
        {"UTF-8", "GB18030",
         "A\x81\x20"
         "B",
         4, "A? B", 1},
        /* 0xFF starts nothing in GB18030 */
        {"UTF-8", "GB18030", "\xff\xcd\xf8", 3, "?\xe7\xbd\x91", 1},
        /* a 4-byte sequence broken in its third byte */
        {"UTF-8", "GB18030", "\x95\x32\x20\x36", 4, "?2 6", 1},
        /* UTF-8: a stray continuation byte, a truncated character, 0xFF */
        {"GB18030", "UTF-8",
         "\x80"
         "a",
         2, "?a", 1},
        {"GB18030", "UTF-8",
         "\xe7\xbd"
         "a\xe7\xbd\x91",
         6, "??a\xcd\xf8", 2},
        {"GB18030", "UTF-8",
         "x\xff"
         "y",
         3, "x?y", 1},
        /* a UTF-16 surrogate encoded in UTF-8 is not a character */
        {"GB18030", "UTF-8", "\xed\xa0\x80", 3, "???", 3},
    };
    strbuf out;
    strbuf_init(&out);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const struct bad_case *c = &cases[k];
        char what[64];
        size_t wlen = strlen(c->want);
        /* whole, and cut at every point: the same answer */
        for (size_t cut = 0; cut < c->len; cut++) {
            strbuf_reset(&out);
            size_t bad = convert_cut(c->to, c->from, c->in, c->len, &cut, cut ? 1 : 0, &out);
            snprintf(what, sizeof what, "case %zu cut at %zu", k, cut);
            if (bad != c->bad) fail_msg("%s: %zu invalid bytes, expected %zu", what, bad, c->bad);
            expect_bytes(&out, c->want, wlen, what);
        }
    }
    strbuf_free(&out);
}

/* The stream ends inside a character: one '?' per held byte. */
static void finish_incomplete(void **state)
{
    (void)state;
    struct transcode *t = open_or_fail("GB18030", "UTF-8");
    strbuf out;
    strbuf_init(&out);
    assert_int_equal(transcode_feed(t, "ok\xe7\xbd", 4, &out), 0);
    expect_bytes(&out, "ok", 2, "before the end");
    assert_int_equal(transcode_pending(t), 2);
    assert_int_equal(transcode_finish(t, &out), 2);
    expect_bytes(&out, "ok??", 4, "after the end");
    assert_int_equal(transcode_pending(t), 0);
    /* usable again afterwards */
    assert_int_equal(transcode_feed(t, "\xe7\x8e\x8b", 3, &out), 0);
    expect_bytes(&out, "ok??\xcd\xf5", 6, "after finishing");
    strbuf_free(&out);
    transcode_free(t);
}

/* Big pieces: the internal output buffer is refilled (E2BIG) without loss. */
static void large(void **state)
{
    (void)state;
    strbuf in, out, back;
    strbuf_init(&in), strbuf_init(&out), strbuf_init(&back);
    for (int i = 0; i < 5000; i++) strbuf_add(&in, "\xe7\xbd\x91\xf0\xa0\x80\x80\033[0m", 11);
    struct transcode *t = open_or_fail("GB18030", "UTF-8");
    assert_int_equal(transcode_feed(t, in.s, in.len, &out), 0);
    assert_int_equal(out.len, (size_t)5000 * 10);
    transcode_free(t);
    t = open_or_fail("UTF-8", "GB18030");
    assert_int_equal(transcode_feed(t, out.s, out.len, &back), 0);
    expect_bytes(&back, in.s, in.len, "round trip");
    transcode_free(t);
    strbuf_free(&in), strbuf_free(&out), strbuf_free(&back);
}

static void names(void **state)
{
    (void)state;
    assert_true(transcode_is_gb("GB18030"));
    assert_true(transcode_is_gb("gbk"));
    assert_true(transcode_is_gb("GB2312"));
    assert_true(transcode_is_gb("euc-cn"));
    assert_false(transcode_is_gb("UTF-8"));
    assert_false(transcode_is_gb("utf8"));
    assert_false(transcode_is_gb("BIG5"));
    assert_false(transcode_is_gb(""));
    assert_false(transcode_is_gb(NULL));
    wg_err e = {{0}};
    assert_null(transcode_new("UTF-8", "NO-SUCH-CHARSET", &e));
    assert_non_null(strstr(e.msg, "NO-SUCH-CHARSET"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole),         cmocka_unit_test(split_to_gb),
        cmocka_unit_test(split_from_gb), cmocka_unit_test(four_byte_held),
        cmocka_unit_test(invalid),       cmocka_unit_test(finish_incomplete),
        cmocka_unit_test(large),         cmocka_unit_test(names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
