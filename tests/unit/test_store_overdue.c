/* Pending and overdue cases per division: open cases past their deadline
 * count as overdue; closed, handled on the spot and merged ones never do. */
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

static void exec_ok(store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(store_sqlite(s), sql, NULL, NULL, &msg) != SQLITE_OK) fail_msg("%s", msg);
}

static void test_counts(void **state)
{
    struct fx *f = *state;
    /* cases have no store API yet: written behind the store */
    exec_ok(f->s,
            "INSERT INTO case_kind (id, code, name, category) VALUES (1, 'k', '纠纷', 'dispute');"
            "INSERT INTO \"case\" (id, number, division_code, kind_id, title, state, deadline, "
            "  merged_into) VALUES "
            /* grid 1's building: two overdue, one open with time left, one without a deadline */
            " (1, 'c1', '" BUILDING1 "', 1, 't', 'dispatched', '2020-01-01T00:00:00Z', NULL),"
            " (2, 'c2', '" GRID1 "', 1, 't', 'in_progress', '2021-06-30T08:00:00Z', NULL),"
            " (3, 'c3', '" GRID1 "', 1, 't', 'accepted', '2999-01-01T00:00:00Z', NULL),"
            " (4, 'c4', '" GRID1 "', 1, 't', 'reported', NULL, NULL),"
            /* finished ones, past their deadline, are not overdue */
            " (5, 'c5', '" GRID1 "', 1, 't', 'closed', '2020-01-01T00:00:00Z', NULL),"
            " (6, 'c6', '" GRID1 "', 1, 't', 'handled_on_spot', '2020-01-01T00:00:00Z', NULL),"
            " (7, 'c7', '" GRID1 "', 1, 't', 'merged', '2020-01-01T00:00:00Z', 1),"
            /* grid 2: one overdue */
            " (8, 'c8', '" GRID2 "', 1, 't', 'replied', '2022-02-02T00:00:00Z', NULL);");
    wg_err e;
    struct division_rec d[4];
    fx_as(f, "admin");
    fx_ok(division_get(f->s, COUNTY, d, &e), &e);
    assert_int_equal(d[0].pending_cases, 5);
    assert_int_equal(d[0].overdue_cases, 3);
    assert_int_equal(division_children(f->s, VILLAGE, 0, 0, 4, d, &e), 2);
    assert_string_equal(d[0].code, GRID1);
    assert_int_equal(d[0].pending_cases, 4);
    assert_int_equal(d[0].overdue_cases, 2);
    assert_int_equal(d[1].pending_cases, 1);
    assert_int_equal(d[1].overdue_cases, 1);
    fx_ok(division_get(f->s, BUILDING1, d, &e), &e);
    assert_int_equal(d[0].overdue_cases, 1);
    /* a worker sees their own grid's */
    fx_as(f, "worker2");
    fx_ok(division_get(f->s, GRID2, d, &e), &e);
    assert_int_equal(d[0].overdue_cases, 1);
    assert_int_equal(division_get(f->s, GRID1, d, &e), -1);
}

/* The counts read the partial index of open cases, not every case. */
static void test_plan(void **state)
{
    struct fx *f = *state;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_sqlite(f->s),
                                        "EXPLAIN QUERY PLAN SELECT count(*) FROM \"case\" c "
                                        "WHERE c.division_code >= ?1 AND c.division_code < ?2 "
                                        "AND c.state NOT IN ('closed', 'handled_on_spot', "
                                        "'merged') AND c.deadline < ?3",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int found = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        if (strstr((const char *)sqlite3_column_text(st, 3), "COVERING INDEX case_open")) found = 1;
    sqlite3_finalize(st);
    assert_true(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
