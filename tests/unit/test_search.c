/* Resident search: every kind of query, ranking, scope, masking, the index
 * kept current on writes, and queries that must fail cleanly. The county is
 * built through the store's own API, as the screens build it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/idnum.h"
#include "store/division.h"
#include "store/household.h"
#include "store/resident.h"
#include "store/search.h"
#include "store/store.h"

#define GRID_A "370923100001001"
#define GRID_B "370923100001002"
#define GRID_C "370923101001001"

struct county {
    store *s;
    int64_t hh_a1, hh_a2, hh_b, hh_c;
    int64_t zhangsan_a, zhangsan_a_gone, zhangsanfeng, shan, zhangsan_b, ouyang, zhangwei;
    char id_x[19];    /* 张三丰's ID, ending in X */
    char id_b[19];    /* grid B's 张三 */
    char phone_a[12]; /* grid A's 张三 */
};

/* A valid ID number born on birth (YYYYMMDD) with the given check character
 * wanted ('?' for any), sex from seq's parity. */
static void make_id(const char *birth, int seq, char want, char out[19])
{
    for (int k = 0; k < 1000; k++, seq += 2) {
        char first17[18];
        snprintf(first17, sizeof first17, "370923%s%03d", birth, seq % 1000);
        char c = idnum_check_char(first17);
        if (want == '?' || c == want) {
            snprintf(out, 19, "%s%c", first17, c);
            return;
        }
    }
    fail_msg("no ID with check character %c", want);
}

static void act(store *s, const char *scope)
{
    struct store_actor a = {0};
    a.user_id = 99;
    a.role = ROLE_WORKER;
    snprintf(a.name, sizeof a.name, "tester");
    snprintf(a.scope, sizeof a.scope, "%s", scope);
    snprintf(a.remote, sizeof a.remote, "local");
    store_set_actor(s, &a);
}

static void act_system(store *s)
{
    wg_err e = {{0}};
    assert_int_equal(store_act_as_system(s, "test", &e), 0);
}

static int64_t household(store *s, const char *grid, const char *address)
{
    struct household_rec h = {0};
    snprintf(h.division_code, sizeof h.division_code, "%s", grid);
    snprintf(h.address, sizeof h.address, "%s", address);
    wg_err e = {{0}};
    int64_t id = household_add(s, &h, NULL, &e);
    if (id <= 0) fail_msg("household %s: %s", address, e.msg);
    return id;
}

static int64_t resident(store *s, int64_t hh, const char *name, char sex, const char *id,
                        const char *phone)
{
    struct resident_rec r = {0};
    r.household_id = hh;
    r.sex = sex;
    snprintf(r.name, sizeof r.name, "%s", name);
    snprintf(r.id_number, sizeof r.id_number, "%s", id ? id : "");
    snprintf(r.phone, sizeof r.phone, "%s", phone ? phone : "");
    wg_err e = {{0}};
    int64_t rid = resident_add(s, &r, NULL, &e);
    if (rid <= 0) fail_msg("resident %s: %s", name, e.msg);
    return rid;
}

static void division(store *s, const char *code, const char *kind, const char *name)
{
    wg_err e = {{0}};
    if (division_add(s, code, kind, 0, name, NULL, &e) < 0)
        fail_msg("division %s: %s", code, e.msg);
}

static int setup(void **state)
{
    struct county *c = calloc(1, sizeof *c);
    wg_err e = {{0}};
    c->s = store_open(":memory:", STORE_CREATE, &e);
    if (!c->s) fail_msg("open: %s", e.msg);
    store *s = c->s;
    act_system(s);
    division(s, "370923", "county", "东平县");
    act_system(s);
    division(s, "370923100", "town", "州城镇");
    division(s, "370923100001", "community", "幸福社区");
    division(s, GRID_A, "basic", "幸福一网格");
    division(s, GRID_B, "basic", "幸福二网格");
    division(s, "370923101", "town", "东平街道");
    division(s, "370923101001", "village", "后屯村");
    division(s, GRID_C, "basic", "后屯网格");

    char id[19];
    c->hh_a1 = household(s, GRID_A, "幸福路18号");
    c->hh_a2 = household(s, GRID_A, "人民路5号");
    c->hh_b = household(s, GRID_B, "幸福路20号");
    c->hh_c = household(s, GRID_C, "和平街3号");

    make_id("19800101", 11, '?', id);
    snprintf(c->phone_a, sizeof c->phone_a, "13812345678");
    c->zhangsan_a = resident(s, c->hh_a1, "张三", 'M', id, c->phone_a);
    make_id("19650202", 11, '?', id);
    c->zhangsan_a_gone = resident(s, c->hh_a2, "张三", 'M', id, "13900001111");
    make_id("19700303", 11, 'X', c->id_x);
    c->zhangsanfeng = resident(s, c->hh_a1, "张三丰", 0, c->id_x, NULL);
    make_id("19340512", 11, '?', id);
    c->shan = resident(s, c->hh_a1, "单田芳", 'M', id, NULL);
    make_id("19900404", 12, '?', c->id_b);
    c->zhangsan_b = resident(s, c->hh_b, "张三", 'F', c->id_b, "13712349999");
    c->ouyang = resident(s, c->hh_c, "欧阳娜娜", 'F', NULL, NULL);
    c->zhangwei = resident(s, c->hh_c, "张伟", 'M', NULL, "15800005678");
    if (resident_move_out(s, c->zhangsan_a_gone, "2023-05-01", NULL, &e) < 0)
        fail_msg("move out: %s", e.msg);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    struct county *c = *state;
    store_close(c->s);
    free(c);
    return 0;
}

static struct search_hit hits[SEARCH_MAX_HITS];

static int search(store *s, const char *q)
{
    wg_err e = {{0}};
    memset(hits, 0, sizeof hits);
    int n = search_residents(s, q, 50, hits, &e);
    if (n < 0) fail_msg("search '%s' failed: %s", q, e.msg);
    return n;
}

static int find(int n, int64_t rid)
{
    for (int i = 0; i < n; i++)
        if (hits[i].resident_id == rid) return i;
    return -1;
}

static void expect_hit(int n, int64_t rid, enum search_why why, const char *q)
{
    int i = find(n, rid);
    if (i < 0) fail_msg("'%s': resident %lld not found among %d hits", q, (long long)rid, n);
    if (hits[i].why != why)
        fail_msg("'%s': resident %lld matched as %s, expected %s", q, (long long)rid,
                 search_why_text(hits[i].why), search_why_text(why));
}

static void expect_error(store *s, const char *q, const char *want)
{
    wg_err e = {{0}};
    int n = search_residents(s, q, 20, hits, &e);
    if (n != -1 || !strstr(e.msg, want))
        fail_msg("'%s': expected an error containing \"%s\", got %d \"%s\"", q, want, n, e.msg);
}

static void test_names(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, "张三");
    expect_hit(n, c->zhangsan_a, SEARCH_NAME_EXACT, "张三");
    expect_hit(n, c->zhangsan_b, SEARCH_NAME_EXACT, "张三");
    expect_hit(n, c->zhangsan_a_gone, SEARCH_NAME_EXACT, "张三");
    expect_hit(n, c->zhangsanfeng, SEARCH_NAME_PREFIX, "张三");
    assert_int_equal(find(n, c->zhangwei), -1);

    n = search(c->s, "张");
    assert_int_equal(n, 5);
    expect_hit(n, c->zhangwei, SEARCH_NAME_PREFIX, "张");
    assert_int_equal(find(n, c->ouyang), -1);

    n = search(c->s, "三丰");
    assert_int_equal(n, 1);
    expect_hit(n, c->zhangsanfeng, SEARCH_NAME_INFIX, "三丰");
    n = search(c->s, "丰");
    expect_hit(n, c->zhangsanfeng, SEARCH_NAME_INFIX, "丰");
    n = search(c->s, "娜娜");
    expect_hit(n, c->ouyang, SEARCH_NAME_INFIX, "娜娜");
    n = search(c->s, "阳娜娜");
    expect_hit(n, c->ouyang, SEARCH_NAME_INFIX, "阳娜娜");
    n = search(c->s, "欧阳");
    expect_hit(n, c->ouyang, SEARCH_NAME_PREFIX, "欧阳");
    /* spaces (also the ideographic one) are not part of a name */
    n = search(c->s, " 张\xe3\x80\x80三 ");
    expect_hit(n, c->zhangsan_a, SEARCH_NAME_EXACT, "张 三");
    assert_int_equal(search(c->s, "李四"), 0);
}

static void test_pinyin(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, "zs");
    expect_hit(n, c->zhangsan_a, SEARCH_INITIALS_EXACT, "zs");
    expect_hit(n, c->zhangsanfeng, SEARCH_INITIALS_PREFIX, "zs");
    assert_true(find(n, c->zhangsan_a) < find(n, c->zhangsanfeng));
    n = search(c->s, "zsf");
    expect_hit(n, c->zhangsanfeng, SEARCH_INITIALS_EXACT, "zsf");
    assert_int_equal(find(n, c->zhangsan_a), -1);
    n = search(c->s, "zhangsan");
    expect_hit(n, c->zhangsan_a, SEARCH_PINYIN_EXACT, "zhangsan");
    expect_hit(n, c->zhangsanfeng, SEARCH_PINYIN_PREFIX, "zhangsan");
    n = search(c->s, "zhangs");
    expect_hit(n, c->zhangsan_b, SEARCH_PINYIN_PREFIX, "zhangs");
    expect_hit(n, c->zhangsanfeng, SEARCH_PINYIN_PREFIX, "zhangs");
    n = search(c->s, "ZhangSan");
    expect_hit(n, c->zhangsan_a, SEARCH_PINYIN_EXACT, "ZhangSan");
    /* full-width letters, as a Chinese input method may send them */
    n = search(c->s, "\xef\xbd\x9a\xef\xbd\x93"); /* ｚｓ */
    expect_hit(n, c->zhangsan_a, SEARCH_INITIALS_EXACT, "ｚｓ");
    n = search(c->s, "oynn");
    expect_hit(n, c->ouyang, SEARCH_INITIALS_EXACT, "oynn");
}

/* 单 is read shan as a surname and dan otherwise: both find 单田芳. */
static void test_polyphonic(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, "shantianfang");
    expect_hit(n, c->shan, SEARCH_PINYIN_EXACT, "shantianfang");
    n = search(c->s, "dantianfang");
    expect_hit(n, c->shan, SEARCH_PINYIN_EXACT, "dantianfang");
    n = search(c->s, "stf");
    expect_hit(n, c->shan, SEARCH_INITIALS_EXACT, "stf");
    n = search(c->s, "dtf");
    expect_hit(n, c->shan, SEARCH_INITIALS_EXACT, "dtf");
    n = search(c->s, "dan");
    expect_hit(n, c->shan, SEARCH_PINYIN_PREFIX, "dan");
    assert_string_equal(hits[find(n, c->shan)].matched, "dantianfang");

    /* someone whose usual reading is dantianfang comes before 单田芳, whose
     * usual reading is shantianfang */
    act_system(c->s);
    int64_t dan = resident(c->s, c->hh_c, "丹天方", 'M', NULL, NULL);
    act(c->s, "370923");
    n = search(c->s, "dantianfang");
    expect_hit(n, dan, SEARCH_PINYIN_EXACT, "dantianfang");
    expect_hit(n, c->shan, SEARCH_PINYIN_EXACT, "dantianfang");
    assert_true(find(n, dan) < find(n, c->shan));
    n = search(c->s, "stf");
    assert_int_equal(find(n, dan), -1);
}

static void test_numbers(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, c->id_x);
    assert_int_equal(n, 1);
    expect_hit(n, c->zhangsanfeng, SEARCH_ID_EXACT, c->id_x);
    char q[19];
    snprintf(q, sizeof q, "%s", c->id_x + 14); /* last 4, ends in X */
    n = search(c->s, q);
    expect_hit(n, c->zhangsanfeng, SEARCH_ID_SUFFIX, q);
    q[3] = 'x'; /* typed in lower case */
    n = search(c->s, q);
    expect_hit(n, c->zhangsanfeng, SEARCH_ID_SUFFIX, q);
    snprintf(q, sizeof q, "%s", c->id_x + 12); /* last 6 */
    n = search(c->s, q);
    expect_hit(n, c->zhangsanfeng, SEARCH_ID_SUFFIX, q);
    snprintf(q, sizeof q, "%.14s", c->id_x); /* region and birth date */
    n = search(c->s, q);
    expect_hit(n, c->zhangsanfeng, SEARCH_ID_PREFIX, q);

    n = search(c->s, c->phone_a);
    expect_hit(n, c->zhangsan_a, SEARCH_PHONE_EXACT, c->phone_a);
    n = search(c->s, "5678");
    expect_hit(n, c->zhangsan_a, SEARCH_PHONE_SUFFIX, "5678");
    expect_hit(n, c->zhangwei, SEARCH_PHONE_SUFFIX, "5678");
    assert_int_equal(find(n, c->zhangsan_b), -1);
    n = search(c->s, "1381234");
    expect_hit(n, c->zhangsan_a, SEARCH_PHONE_PREFIX, "1381234");
    assert_int_equal(search(c->s, "00000000"), 0);
}

/* No full ID or phone number anywhere in a hit. */
static void test_masked(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, c->id_x);
    assert_int_equal(n, 1);
    const struct search_hit *h = &hits[0];
    assert_non_null(strchr(h->id_masked, '*'));
    assert_int_equal(strncmp(h->id_masked, c->id_x, 6), 0);
    assert_string_equal(h->id_masked + 14, c->id_x + 14);
    assert_null(memmem(h, sizeof *h, c->id_x, 18));
    n = search(c->s, c->phone_a);
    h = &hits[find(n, c->zhangsan_a)];
    assert_non_null(strchr(h->phone_masked, '*'));
    assert_null(memmem(h, sizeof *h, c->phone_a, 11));
    assert_null(memmem(h, sizeof *h, c->id_x, 18));
    /* the rest of the row is there */
    assert_string_equal(h->name, "张三");
    assert_int_equal(h->sex, 'M');
    assert_string_equal(h->birth, "1980-01-01");
    assert_string_equal(h->address, "幸福路18号");
    assert_string_equal(h->grid_code, GRID_A);
    assert_string_equal(h->grid_name, "幸福一网格");
    assert_string_equal(h->status, "resident");
    assert_int_equal(h->household_id, c->hh_a1);
}

static void test_address(void **state)
{
    struct county *c = *state;
    /* county scope: the trigram index */
    act(c->s, "370923");
    int n = search(c->s, "幸福路18号");
    assert_int_equal(n, 3);
    expect_hit(n, c->zhangsan_a, SEARCH_ADDRESS, "幸福路18号");
    expect_hit(n, c->shan, SEARCH_ADDRESS, "幸福路18号");
    n = search(c->s, "幸福路");
    assert_int_equal(n, 4);
    expect_hit(n, c->zhangsan_b, SEARCH_ADDRESS, "幸福路");
    n = search(c->s, "18号");
    assert_int_equal(n, 3);
    /* a grid worker: the grid's own households, any length */
    act(c->s, GRID_A);
    n = search(c->s, "福路");
    assert_int_equal(n, 3);
    expect_hit(n, c->zhangsanfeng, SEARCH_ADDRESS, "福路");
    n = search(c->s, "人民路5号");
    assert_int_equal(n, 1);
    expect_hit(n, c->zhangsan_a_gone, SEARCH_ADDRESS, "人民路5号");
    assert_int_equal(search(c->s, "和平街"), 0);
}

static void test_ranking(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    int n = search(c->s, "张三");
    assert_int_equal(n, 4);
    /* exact names first, residents before the one who moved out, then prefixes */
    assert_int_equal(hits[0].why, SEARCH_NAME_EXACT);
    assert_int_equal(hits[1].why, SEARCH_NAME_EXACT);
    assert_int_equal(hits[2].resident_id, c->zhangsan_a_gone);
    assert_string_equal(hits[2].status, "moved_out");
    assert_int_equal(hits[3].resident_id, c->zhangsanfeng);
    for (int i = 1; i < n; i++) assert_true(hits[i - 1].score > hits[i].score);
    /* a limit keeps the best */
    wg_err e = {{0}};
    assert_int_equal(search_residents(c->s, "张三", 1, hits, &e), 1);
    assert_int_equal(hits[0].why, SEARCH_NAME_EXACT);
    assert_string_equal(hits[0].status, "resident");
}

static void test_scope(void **state)
{
    struct county *c = *state;
    act(c->s, GRID_A);
    int n = search(c->s, "张三");
    assert_int_equal(n, 3);
    assert_int_equal(find(n, c->zhangsan_b), -1);
    for (int i = 0; i < n; i++) assert_string_equal(hits[i].grid_code, GRID_A);
    assert_int_equal(search(c->s, c->id_b), 0); /* exists, but in grid B */
    assert_int_equal(search(c->s, c->id_b + 12), 0);
    assert_int_equal(search(c->s, "9999"), 0);
    assert_int_equal(search(c->s, "zs"), 3);
    assert_int_equal(search(c->s, "幸福路20号"), 0);
    assert_int_equal(search(c->s, "zw"), 0);

    act(c->s, GRID_B);
    n = search(c->s, "张");
    assert_int_equal(n, 1);
    assert_int_equal(hits[0].resident_id, c->zhangsan_b);

    act(c->s, "370923100001"); /* the community: both grids */
    assert_int_equal(search(c->s, "张三"), 4);
    act(c->s, "370923101"); /* the other town */
    n = search(c->s, "张");
    assert_int_equal(n, 1);
    assert_int_equal(hits[0].resident_id, c->zhangwei);
    assert_int_equal(search(c->s, "幸福路"), 0);
    act(c->s, ""); /* nobody */
    assert_int_equal(search(c->s, "张"), 0);
}

static void test_bad_queries(void **state)
{
    struct county *c = *state;
    act(c->s, "370923");
    expect_error(c->s, "", "type a name");
    expect_error(c->s, "   ", "type a name");
    expect_error(c->s, NULL, "type a name");
    expect_error(c->s, "%", "nothing to search for");
    expect_error(c->s, "_", "nothing to search for");
    expect_error(c->s, "'\"", "nothing to search for");
    expect_error(c->s, "--", "nothing to search for");
    expect_error(c->s, "12", "at least 4 digits");
    expect_error(c->s, "12x", "at least 4 digits");
    expect_error(c->s, "\xff\xfe", "not valid UTF-8");
    char longq[300];
    memset(longq, 'a', sizeof longq - 1);
    longq[sizeof longq - 1] = '\0';
    expect_error(c->s, longq, "too long");

    /* SQL and pattern characters are just characters */
    assert_int_equal(search(c->s, "张%"), 0);
    assert_int_equal(search(c->s, "张_"), 0);
    assert_int_equal(search(c->s, "幸福\"路"), 0);
    assert_int_equal(search(c->s, "幸福'路"), 0);
    assert_int_equal(search(c->s, "'; DROP TABLE resident; --"), 0);
    assert_int_equal(search(c->s, "\" OR 1=1 OR \""), 0);
    assert_int_equal(search(c->s, "a%b_c"), 0);
    assert_int_equal(search(c->s, "张三"), 4); /* still all there */
    act(c->s, GRID_A);
    assert_int_equal(search(c->s, "%%%号"), 0);
    assert_int_equal(search(c->s, "号'"), 0);
}

/* The triggers keep the index current on every write. */
static void test_updates(void **state)
{
    struct county *c = *state;
    act_system(c->s);
    wg_err e = {{0}};
    struct resident_rec r;
    assert_int_equal(resident_get(c->s, c->zhangwei, &r, &e), 0);
    snprintf(r.name, sizeof r.name, "曾伟");
    if (resident_update(c->s, &r, NULL, &e) < 0) fail_msg("update: %s", e.msg);
    act(c->s, "370923");
    int n = search(c->s, "zengwei");
    expect_hit(n, c->zhangwei, SEARCH_PINYIN_EXACT, "zengwei");
    assert_int_equal(find(search(c->s, "张伟"), c->zhangwei), -1);
    assert_int_equal(find(search(c->s, "zhangwei"), c->zhangwei), -1);
    expect_hit(search(c->s, "zw"), c->zhangwei, SEARCH_INITIALS_EXACT, "zw"); /* 曾伟 too */

    act_system(c->s);
    assert_int_equal(resident_get(c->s, c->zhangsan_a, &r, &e), 0);
    snprintf(r.phone, sizeof r.phone, "13600002222");
    if (resident_update(c->s, &r, NULL, &e) < 0) fail_msg("update phone: %s", e.msg);
    act(c->s, "370923");
    expect_hit(search(c->s, "2222"), c->zhangsan_a, SEARCH_PHONE_SUFFIX, "2222");
    assert_int_equal(find(search(c->s, "5678"), c->zhangsan_a), -1);

    act_system(c->s);
    if (resident_deceased(c->s, c->zhangsan_b, "2024-01-02", NULL, &e) < 0)
        fail_msg("deceased: %s", e.msg);
    act(c->s, "370923");
    n = search(c->s, "张三");
    assert_int_equal(hits[0].resident_id, c->zhangsan_a);
    assert_string_equal(hits[find(n, c->zhangsan_b)].status, "deceased");

    act_system(c->s);
    struct household_rec h;
    assert_int_equal(household_get(c->s, c->hh_c, &h, &e), 0);
    snprintf(h.address, sizeof h.address, "光明街77号");
    if (household_update(c->s, &h, NULL, NULL, &e) < 0) fail_msg("household: %s", e.msg);
    act(c->s, "370923");
    assert_int_equal(search(c->s, "和平街"), 0);
    n = search(c->s, "光明街77");
    expect_hit(n, c->ouyang, SEARCH_ADDRESS, "光明街77");

    /* a transfer to another grid moves the resident's keys with them */
    act_system(c->s);
    if (resident_transfer(c->s, c->ouyang, c->hh_a2, "other", NULL, &e) < 0)
        fail_msg("transfer: %s", e.msg);
    act(c->s, GRID_A);
    expect_hit(search(c->s, "oynn"), c->ouyang, SEARCH_INITIALS_EXACT, "oynn");
    act(c->s, GRID_C);
    assert_int_equal(search(c->s, "oynn"), 0);
}

static void test_bulk(void **state)
{
    struct county *c = *state;
    wg_err e = {{0}};
    act(c->s, "370923");
    assert_int_equal(search_suspend(c->s, &e), -1);
    assert_non_null(strstr(e.msg, "only the system"));
    act_system(c->s);
    assert_int_equal(search_suspended(c->s, &e), 0);
    assert_int_equal(search_suspend(c->s, &e), 0);
    assert_int_equal(search_suspended(c->s, &e), 1);
    int64_t hh = household(c->s, GRID_C, "丰收路9号");
    int64_t rid = resident(c->s, hh, "司马光", 'M', NULL, NULL);
    act(c->s, "370923");
    assert_int_equal(search(c->s, "司马光"), 0);
    act_system(c->s);
    assert_int_equal(search_rebuild(c->s, &e), 0);
    assert_int_equal(search_suspended(c->s, &e), 0);
    act(c->s, "370923");
    expect_hit(search(c->s, "司马光"), rid, SEARCH_NAME_EXACT, "司马光");
    expect_hit(search(c->s, "smg"), rid, SEARCH_INITIALS_EXACT, "smg");
    expect_hit(search(c->s, "丰收路"), rid, SEARCH_ADDRESS, "丰收路");
    assert_int_equal(search(c->s, "张三"), 4); /* the rebuild kept the rest */
}

static void test_explain(void **state)
{
    struct county *c = *state;
    wg_err e = {{0}};
    char *plans = search_explain(c->s, &e);
    assert_non_null(plans);
    assert_non_null(strstr(plans, "search_key USING PRIMARY KEY (town=? AND st=? AND kind=?"));
    assert_null(strstr(plans, "SCAN resident"));
    assert_null(strstr(plans, "SCAN household"));
    assert_null(strstr(plans, "SCAN search_key"));
    free(plans);
    assert_string_equal(search_why_text(SEARCH_INITIALS_EXACT), "pinyin initials");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pinyin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_polyphonic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_masked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ranking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_queries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_updates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_explain, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
