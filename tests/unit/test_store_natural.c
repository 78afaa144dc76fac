/* House numbers in numeric order: the NATSORT collation and the ledger's
 * pages of households. */
#include "store_fixture.h"

#include "store/natural.h"

static int cmp(const char *a, const char *b)
{
    int c = natural_compare(a, (int)strlen(a), b, (int)strlen(b));
    return c < 0 ? -1 : c > 0;
}

static void test_compare(void **state)
{
    (void)state;
    assert_int_equal(cmp("一组2号", "一组10号"), -1);
    assert_int_equal(cmp("一组10号", "一组2号"), 1);
    assert_int_equal(cmp("一组1号", "一组1号"), 0);
    assert_int_equal(cmp("一组9号", "二组1号"), cmp("一", "二")); /* text first */
    assert_int_equal(cmp("1号楼2单元", "1号楼10单元"), -1);
    assert_int_equal(cmp("12号", "12号楼"), -1); /* a prefix first */
    assert_int_equal(cmp("a", "1"), 1);          /* bytes: '1' < 'a' */
    assert_int_equal(cmp("99999999999999999999", "100000000000000000000"), -1); /* no overflow */
    /* leading zeros: equal as numbers, then ordered by bytes, never 0 */
    assert_int_equal(cmp("007号", "7号"), -1);
    assert_int_equal(cmp("7号", "007号"), 1);
    assert_int_equal(cmp("007号", "8号"), -1);
    assert_int_equal(cmp("", ""), 0);
    assert_int_equal(cmp("", "1"), -1);
}

static void test_sql(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(natural_register(db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT group_concat(column1, ',') FROM (SELECT "
                                        "column1 FROM (VALUES ('x10'), ('x9'), ('x100'), "
                                        "('x09'), ('y1')) ORDER BY column1 COLLATE NATSORT)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "x09,x9,x10,x100,y1");
    sqlite3_finalize(st);
    sqlite3_close(db);
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

static void test_household_pages(void **state)
{
    struct fx *f = *state;
    fx_as(f, "admin");
    /* grid 2 has 幸福路2号 already; add 一组1号 .. 一组25号 in a shuffled order */
    for (int i = 0; i < 25; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "一组%d号", (i * 7) % 25 + 1);
        fx_household(f->s, GRID2, addr);
    }
    wg_err e;
    struct household_rec h[30];
    assert_int_equal(household_list(f->s, GRID2, 0, 0, 30, h, &e), 26);
    for (int i = 0; i < 25; i++) {
        char want[64];
        snprintf(want, sizeof want, "一组%d号", i + 1);
        assert_string_equal(h[i].address, want);
    }
    assert_string_equal(h[25].address, "幸福路2号");
    /* pages: the same order, cut where asked, details filled */
    assert_int_equal(household_list(f->s, GRID2, 0, 8, 4, h, &e), 4);
    assert_string_equal(h[0].address, "一组9号");
    assert_string_equal(h[1].address, "一组10号");
    assert_string_equal(h[3].address, "一组12号");
    assert_int_equal(household_list(f->s, GRID2, 0, 24, 10, h, &e), 2);
    assert_string_equal(h[0].address, "一组25号");
    assert_string_equal(h[1].address, "幸福路2号");
    assert_string_equal(h[1].head_name, "李四");
    assert_int_equal(h[1].members, 1);
    assert_int_equal(household_list(f->s, GRID2, 0, 26, 10, h, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_sql),
        cmocka_unit_test_setup_teardown(test_household_pages, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
