/* Residence history: a resident's and a household's steps, newest first,
 * who recorded them, and places named only within the reader's scope. */
#include "store_fixture.h"

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

/* Make the recorded times distinct and ordered (the store's clock has
 * one-second resolution): row id i happened on day i. */
static void spread_times(store *s)
{
    assert_int_equal(sqlite3_exec(store_sqlite(s),
                                  "UPDATE residence_history SET at = "
                                  "strftime('%Y-%m-%dT%H:%M:%SZ', '2024-01-01', id || ' days')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
}

static void test_resident_history(void **state)
{
    struct fx *f = *state;
    wg_err e;
    struct residence_event ev[8];
    fx_as(f, "admin");
    /* moved in by the system when the fixture was built */
    assert_int_equal(resident_history(f->s, f->r1, ev, 8, &e), 1);
    assert_string_equal(ev[0].event, "moved_in");
    assert_string_equal(ev[0].by_user, "");
    assert_int_equal(ev[0].to_household, f->hh1);
    assert_string_equal(ev[0].to_place, "幸福路1号1单元101");
    assert_string_equal(ev[0].resident_name, "张三");

    fx_ok(resident_transfer(f->s, f->r1, f->hh2, "sibling", "投靠兄弟", &e), &e);
    fx_ok(resident_move_out(f->s, f->r1, "2024-05-01", "外出务工", &e), &e);
    spread_times(f->s);
    assert_int_equal(resident_history(f->s, f->r1, ev, 8, &e), 3);
    assert_string_equal(ev[0].event, "moved_out");
    assert_string_equal(ev[0].note, "外出务工");
    assert_string_equal(ev[0].from_place, "幸福路2号");
    assert_string_equal(ev[0].to_place, "");
    assert_string_equal(ev[1].event, "transferred");
    assert_string_equal(ev[1].by_user, "admin");
    assert_int_equal(ev[1].from_household, f->hh1);
    assert_int_equal(ev[1].to_household, f->hh2);
    assert_string_equal(ev[1].from_division, BUILDING1);
    assert_string_equal(ev[1].to_division, GRID2);
    assert_string_equal(ev[1].from_place, "幸福路1号1单元101");
    assert_string_equal(ev[1].to_place, "幸福路2号");
    assert_string_equal(ev[1].note, "投靠兄弟");
    assert_string_equal(ev[2].event, "moved_in");
    /* max is respected */
    assert_int_equal(resident_history(f->s, f->r1, ev, 2, &e), 2);
    assert_int_equal(resident_history(f->s, 999999, ev, 8, &e), -1);
    assert_non_null(strstr(e.msg, "no resident"));
}

static void test_household_history_and_scope(void **state)
{
    struct fx *f = *state;
    wg_err e;
    struct residence_event ev[8];
    fx_as(f, "admin");
    fx_ok(resident_transfer(f->s, f->r1, f->hh2, "sibling", NULL, &e), &e);
    spread_times(f->s);
    /* hh1: r1 moved in, then left for hh2 (a row whose household is hh2) */
    assert_int_equal(household_history(f->s, f->hh1, ev, 8, &e), 2);
    assert_string_equal(ev[0].event, "transferred");
    assert_int_equal(ev[0].household_id, f->hh2);
    assert_int_equal(ev[0].from_household, f->hh1);
    assert_string_equal(ev[1].event, "moved_in");
    /* hh2: r2 moved in, r1 came */
    assert_int_equal(household_history(f->s, f->hh2, ev, 8, &e), 2);

    /* the worker of grid 1 sees hh1's history, but not where r1 went */
    fx_as(f, "worker");
    assert_int_equal(household_history(f->s, f->hh1, ev, 8, &e), 2);
    assert_string_equal(ev[0].from_place, "幸福路1号1单元101");
    assert_string_equal(ev[0].to_place, "");
    assert_string_equal(ev[0].to_division, GRID2);
    assert_int_equal(household_history(f->s, f->hh2, ev, 8, &e), -1);
    assert_non_null(strstr(e.msg, "outside your scope"));
    assert_int_equal(resident_history(f->s, f->r1, ev, 8, &e), -1);
    assert_non_null(strstr(e.msg, "outside your scope"));

    /* the worker of grid 2 sees r1 arrive, not the address they came from */
    fx_as(f, "worker2");
    assert_int_equal(resident_history(f->s, f->r1, ev, 8, &e), 2);
    assert_string_equal(ev[0].event, "transferred");
    assert_string_equal(ev[0].from_place, "");
    assert_string_equal(ev[0].to_place, "幸福路2号");
    assert_string_equal(ev[1].to_place, "");
}

static void test_regridded(void **state)
{
    struct fx *f = *state;
    wg_err e;
    struct residence_event ev[8];
    fx_as(f, "admin");
    fx_ok(household_move(f->s, f->hh2, GRID1, &e), &e);
    spread_times(f->s);
    assert_int_equal(household_history(f->s, f->hh2, ev, 8, &e), 2);
    assert_string_equal(ev[0].event, "regridded");
    assert_string_equal(ev[0].by_user, "admin");
    /* re-drawn: the places are the grids, by name */
    assert_string_equal(ev[0].from_place, "第二网格");
    assert_string_equal(ev[0].to_place, "第一网格");
    assert_string_equal(ev[0].resident_name, "李四");
    /* reading writes nothing */
    int64_t audit = fx_count(f->s, "audit");
    assert_int_equal(resident_history(f->s, f->r2, ev, 8, &e), 2);
    assert_int_equal(fx_count(f->s, "audit"), audit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resident_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_household_history_and_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regridded, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
