/* Pinyin: the generated tables, readings of single characters, and the
 * spellings of names (surname readings first, every combination up to the
 * cap, duplicates dropped, buffers respected). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/pinyin.h"
#include "domain/pinyin_data.h"

/* Split a space-separated list into words; returns the count. */
static int words(const char *s, char w[][256], int max)
{
    int n = 0;
    while (*s && n < max) {
        size_t len = strcspn(s, " ");
        assert_true(len > 0 && len < 256); /* no empty words, no double spaces */
        memcpy(w[n], s, len);
        w[n++][len] = '\0';
        s += len;
        if (*s == ' ') s++;
    }
    assert_int_equal(*s, '\0');
    return n;
}

static int has_word(const char *list, const char *word)
{
    char w[64][256];
    int n = words(list, w, 64);
    for (int i = 0; i < n; i++)
        if (strcmp(w[i], word) == 0) return 1;
    return 0;
}

static void spell(const char *name, char *full, char *ini)
{
    assert_int_equal(pinyin_name(name, full, 1024, ini, 512), 0);
}

/* The first spelling (and initials) of a name. */
static void expect_first(const char *name, const char *want_full, const char *want_ini)
{
    char full[1024], ini[512], w[64][256];
    spell(name, full, ini);
    assert_true(words(full, w, 64) >= 1);
    if (strcmp(w[0], want_full) != 0)
        fail_msg("%s: first spelling %s, want %s", name, w[0], want_full);
    words(ini, w, 64);
    if (strcmp(w[0], want_ini) != 0)
        fail_msg("%s: first initials %s, want %s", name, w[0], want_ini);
}

static void test_tables(void **state)
{
    (void)state;
    /* Enough of Unihan arrived, in order, with valid indices. */
    assert_true(pinyin_data_count > 20000);
    assert_true(pinyin_data_syl_count > 380 && pinyin_data_syl_count < 700);
    for (uint32_t i = 1; i < pinyin_data_count; i++)
        assert_true(pinyin_data_cps[i - 1] < pinyin_data_cps[i]);
    for (uint32_t i = 0; i < pinyin_data_count; i++) {
        assert_true(pinyin_data_off[i] < pinyin_data_off[i + 1]);
        for (uint32_t k = pinyin_data_off[i]; k < pinyin_data_off[i + 1]; k++)
            assert_true(pinyin_data_idx[k] < pinyin_data_syl_count);
    }
    for (uint32_t s = 0; s < pinyin_data_syl_count; s++) {
        const char *p = pinyin_data_syl[s];
        assert_true(*p);
        for (; *p; p++) assert_true(*p >= 'a' && *p <= 'z');
    }
}

static void test_lookup_every_code_point(void **state)
{
    (void)state;
    /* The page index and the search agree with the table for every code point. */
    const char *r[64];
    uint32_t i = 0;
    for (uint32_t cp = 0; cp < 0x40000; cp++) {
        int n = pinyin_readings(cp, r, 64);
        if (i < pinyin_data_count && pinyin_data_cps[i] == cp) {
            uint32_t want = pinyin_data_off[i + 1] - pinyin_data_off[i];
            assert_int_equal(n, want > 64 ? 64 : want);
            assert_ptr_equal(r[0], pinyin_data_syl[pinyin_data_idx[pinyin_data_off[i]]]);
            i++;
        } else if (n != 0) {
            fail_msg("U+%04X has no readings in the table but %d from the lookup", (unsigned)cp, n);
        }
    }
    assert_int_equal(i, pinyin_data_count);
    assert_int_equal(pinyin_readings(0x110000, r, 8), 0);
    assert_int_equal(pinyin_readings(0xFFFFFFFF, r, 8), 0);
}

static void test_readings(void **state)
{
    (void)state;
    const char *r[PINYIN_MAX_READINGS];
    assert_int_equal(pinyin_readings(0x5F20, r, PINYIN_MAX_READINGS), 1); /* 张 */
    assert_string_equal(r[0], "zhang");
    int n = pinyin_readings(0x884C, r, PINYIN_MAX_READINGS); /* 行: xing, then hang */
    assert_true(n >= 2);
    assert_string_equal(r[0], "xing");
    assert_string_equal(r[1], "hang");
    n = pinyin_readings(0x5355, r, PINYIN_MAX_READINGS); /* 单: dan in words */
    assert_string_equal(r[0], "dan");
    int shan = 0;
    for (int k = 0; k < n; k++) shan |= strcmp(r[k], "shan") == 0;
    assert_true(shan);
    assert_int_equal(pinyin_readings(0x5973, r, PINYIN_MAX_READINGS) >= 1, 1); /* 女: nv */
    assert_string_equal(r[0], "nv");
    assert_int_equal(pinyin_readings(0x5F8B, r, 1), 1); /* 律 lv, ü as v */
    assert_string_equal(r[0], "lv");
    assert_int_equal(pinyin_readings(0x5463, r, 8) >= 1, 1);  /* 呣: m, tone mark on m */
    assert_int_equal(pinyin_readings(0x20000, r, 8) >= 1, 1); /* 𠀀, extension B */
    assert_int_equal(pinyin_readings('A', r, 8), 0);
    assert_int_equal(pinyin_readings(0x3042, r, 8), 0); /* あ */
    assert_int_equal(pinyin_readings(0x884C, r, 1), 1); /* max respected */
    assert_int_equal(pinyin_readings(0x884C, r, 0), 0);
}

static void test_common_names(void **state)
{
    (void)state;
    char full[1024], ini[512];
    spell("张三", full, ini);
    assert_string_equal(full, "zhangsan");
    assert_string_equal(ini, "zs");
    spell("王小明", full, ini);
    assert_string_equal(full, "wangxiaoming");
    assert_string_equal(ini, "wxm");
    expect_first("欧阳娜娜", "ouyangnana", "oynn");
    expect_first("司马光", "simaguang", "smg");
    expect_first("吕秀英", "lvxiuying", "lxy");
}

static void test_polyphonic_surnames(void **state)
{
    (void)state;
    char full[1024], ini[512];
    /* The example of the contract, exactly. */
    spell("单田芳", full, ini);
    assert_string_equal(full, "shantianfang dantianfang chantianfang");
    assert_string_equal(ini, "stf dtf ctf");

    expect_first("曾国藩", "zengguofan", "zgf");
    spell("曾国藩", full, ini);
    assert_true(has_word(full, "cengguofan"));
    expect_first("解缙", "xiejin", "xj");
    spell("解缙", full, ini);
    assert_true(has_word(full, "jiejin"));
    expect_first("仇英", "qiuying", "qy");
    expect_first("查良镛", "zhaliangyong", "zly");
    expect_first("朴树", "piaoshu", "ps");
    expect_first("区小芳", "ouxiaofang", "oxf");
    expect_first("乐嘉", "yuejia", "yj");
    expect_first("盖聂", "genie", "gn");
    expect_first("覃丽", "qinli", "ql");
    expect_first("繁钦", "poqin", "pq");
    expect_first("员半千", "yunbanqian", "ybq");
    expect_first("种师道", "chongshidao", "csd");
    expect_first("缪斯", "miaosi", "ms");
    expect_first("翟志刚", "zhaizhigang", "zzg");
    expect_first("隗嚣", "weixiao", "wx");
    expect_first("召忽", "shaohu", "sh");
    expect_first("秘书", "bishu", "bs");
    expect_first("能静", "naijing", "nj"); /* a surname reading Unihan lacks */
    expect_first("黑明", "heming", "hm");
    expect_first("阚泽", "kanze", "kz");
    expect_first("长孙无忌", "zhangsunwuji", "zswj");
    expect_first("尉迟恭", "yuchigong", "ycg");
    expect_first("万俟卨", "moqixie", "mqx");
    expect_first("单于", "chanyu", "cy");
    expect_first("澹台灭明", "tantaimieming", "ttmm");
    expect_first("乐正子", "yuezhengzi", "yzz");

    /* Only the first character is a surname. */
    expect_first("王单", "wangdan", "wd");
    expect_first("李曾", "liceng", "lc");
}

static void test_given_name_readings(void **state)
{
    (void)state;
    char full[1024], ini[512], w[64][256];
    /* 长 zhang/chang, 行 xing/hang/heng: every combination, likeliest first. */
    spell("李长行", full, ini);
    int n = words(full, w, 64);
    assert_true(n >= 4);
    assert_string_equal(w[0], "lizhangxing");
    assert_true(has_word(full, "lichangxing"));
    assert_true(has_word(full, "lizhanghang"));
    assert_true(has_word(full, "lichanghang"));
    assert_true(has_word(ini, "lzx"));
    assert_true(has_word(ini, "lcx"));
    assert_true(has_word(ini, "lch"));
    /* one rank away from the first come before two away */
    int one = -1, two = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(w[i], "lichangxing") == 0) one = i;
        if (strcmp(w[i], "lichanghang") == 0) two = i;
    }
    assert_true(one > 0 && two > one);

    spell("王重阳", full, ini);
    assert_true(has_word(full, "wangzhongyang"));
    assert_true(has_word(full, "wangchongyang"));
}

static void test_non_han(void **state)
{
    (void)state;
    char full[1024], ini[512];
    spell("Tom·王", full, ini);
    assert_true(has_word(full, "tomwang"));
    expect_first("Tom·王", "tomwang", "tomw");
    spell("ABC123", full, ini);
    assert_string_equal(full, "abc123");
    assert_string_equal(ini, "abc123");
    expect_first("阿依·古丽", "ayiguli", "aygl"); /* the middle dot is skipped */
    spell("张\xF0\x9F\x98\x80三", full, ini);     /* an emoji between */
    assert_string_equal(full, "zhangsan");
    spell("张\xFF\xFE三", full, ini); /* bytes that are not UTF-8 */
    assert_string_equal(full, "zhangsan");
    spell("あ-!?", full, ini);
    assert_string_equal(full, "");
    assert_string_equal(ini, "");
    spell("", full, ini);
    assert_string_equal(full, "");
    assert_int_equal(pinyin_name(NULL, full, sizeof full, ini, sizeof ini), 0);
    assert_string_equal(full, "");
}

static void test_no_duplicates(void **state)
{
    (void)state;
    const char *names[] = {"盖盖", "华华", "单田芳", "李长行", "行行行行", "员员", "长长长"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char full[1024], ini[512], w[64][256];
        spell(names[k], full, ini);
        for (int pass = 0; pass < 2; pass++) {
            int n = words(pass ? ini : full, w, 64);
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    if (strcmp(w[i], w[j]) == 0)
                        fail_msg("%s: \"%s\" twice in \"%s\"", names[k], w[i], pass ? ini : full);
        }
    }
    char full[1024], ini[512];
    spell("盖", full, ini);
    assert_string_equal(full, "ge gai");
    assert_string_equal(ini, "g");
}

static void test_combination_cap(void **state)
{
    (void)state;
    /* 行 has at least three readings: 3^4 = 81 combinations, 16 kept. */
    char full[4096], ini[1024], w[64][256];
    assert_int_equal(pinyin_name("行行行行", full, sizeof full, ini, sizeof ini), 0);
    int n = words(full, w, 64);
    assert_int_equal(n, PINYIN_MAX_COMBOS);
    assert_string_equal(w[0], "xingxingxingxing");
    /* the next four each change one character to its second reading */
    for (int i = 1; i <= 4; i++) {
        char want[64] = "";
        for (int c = 0; c < 4; c++) strcat(want, c == 4 - i ? "hang" : "xing");
        assert_string_equal(w[i], want);
    }
    /* a long name stays within the cap too */
    assert_int_equal(pinyin_name("阿卜杜热合曼·买买提明", full, sizeof full, ini, sizeof ini), 0);
    assert_true(words(full, w, 64) <= PINYIN_MAX_COMBOS);
    assert_true(words(ini, w, 64) <= PINYIN_MAX_COMBOS);
}

static void test_buffer_too_small(void **state)
{
    (void)state;
    char full[20], ini[64];
    /* "shantianfang" fits in 20 bytes; " dantianfang" after it does not. */
    assert_int_equal(pinyin_name("单田芳", full, sizeof full, ini, sizeof ini), -1);
    assert_string_equal(full, "shantianfang");
    assert_string_equal(ini, "stf dtf ctf");

    char tiny[5] = "ZZZZ";
    assert_int_equal(pinyin_name("张三", tiny, sizeof tiny, ini, sizeof ini), -1);
    assert_string_equal(tiny, "");
    assert_string_equal(ini, "zs");

    char ini_small[8];
    char big[256];
    assert_int_equal(pinyin_name("单田芳", big, sizeof big, ini_small, sizeof ini_small), -1);
    assert_string_equal(big, "shantianfang dantianfang chantianfang");
    assert_string_equal(ini_small, "stf dtf");

    /* exactly enough room: "zhangsan" + NUL */
    char exact[9];
    assert_int_equal(pinyin_name("张三", exact, sizeof exact, ini, sizeof ini), 0);
    assert_string_equal(exact, "zhangsan");
    assert_int_equal(pinyin_name("张三", exact, 8, ini, sizeof ini), -1);

    /* one of the outputs may be left out */
    assert_int_equal(pinyin_name("张三", NULL, 0, ini, sizeof ini), 0);
    assert_string_equal(ini, "zs");
    assert_int_equal(pinyin_name("张三", big, sizeof big, NULL, 0), 0);
    assert_string_equal(big, "zhangsan");
    assert_int_equal(pinyin_name("张三", big, 0, ini, sizeof ini), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_lookup_every_code_point),
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_common_names),
        cmocka_unit_test(test_polyphonic_surnames),
        cmocka_unit_test(test_given_name_readings),
        cmocka_unit_test(test_non_han),
        cmocka_unit_test(test_no_duplicates),
        cmocka_unit_test(test_combination_cap),
        cmocka_unit_test(test_buffer_too_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
