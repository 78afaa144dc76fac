/* Migrations: from nothing to the latest, from each earlier version with the
 * data kept, and a newer database refused. */
#include "store_fixture.h"

static void temp_path(char *out, size_t size)
{
    const char *tmp = getenv("TMPDIR_BASE");
    if (!tmp) tmp = getenv("TMPDIR");
    if (!tmp) tmp = "/tmp";
    snprintf(out, size, "%s/wangge-migrate-XXXXXX", tmp);
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    unlink(out);
}

static void remove_db(const char *path)
{
    char p[300];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static void test_empty_to_latest(void **state)
{
    (void)state;
    char path[256];
    temp_path(path, sizeof path);
    wg_err e;
    store *s = store_open(path, STORE_CREATE, &e);
    if (!s) fail_msg("%s", e.msg);
    assert_true(store_latest_version() >= 1);
    assert_int_equal(store_schema_version(s), store_latest_version());
    /* the defaults of version 1 are there */
    assert_int_equal(fx_count(s, "tag"), 7);
    /* a division below the county without its parent is refused */
    assert_int_not_equal(sqlite3_exec(store_sqlite(s),
                                      "INSERT INTO division (code, level, kind, name) VALUES "
                                      "('370923001', 'town', 'town', 'x')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    store_close(s);
    /* opening again changes nothing */
    s = store_open(path, 0, &e);
    assert_non_null(s);
    assert_int_equal(store_schema_version(s), store_latest_version());
    store_close(s);
    remove_db(path);
}

static void test_without_create(void **state)
{
    (void)state;
    wg_err e;
    store *s = store_open("/nonexistent-dir/x.db", 0, &e);
    assert_null(s);
    assert_non_null(strstr(e.msg, "/nonexistent-dir/x.db"));
}

/* Data written at each earlier version survives the upgrade. */
static void test_from_each_version(void **state)
{
    (void)state;
    int latest = store_latest_version();
    for (int v = 1; v < latest; v++) {
        char path[256];
        temp_path(path, sizeof path);
        wg_err e;
        store *s = store_open(path, STORE_CREATE | STORE_NO_MIGRATE, &e);
        if (!s) fail_msg("%s", e.msg);
        assert_int_equal(store_schema_version(s), 0);
        if (store_migrate(s, v, &e) < 0) fail_msg("to %d: %s", v, e.msg);
        assert_int_equal(store_schema_version(s), v);
        /* plain SQL valid since version 1 */
        assert_int_equal(sqlite3_exec(store_sqlite(s),
                                      "INSERT INTO division (code, level, kind, name) VALUES "
                                      "('370923', 'county', 'county', '东平县');"
                                      "INSERT INTO division (code, parent_code, level, kind, "
                                      "name) VALUES ('370923002', '370923', 'grid', 'basic', "
                                      "'x') ",
                                      NULL, NULL, NULL),
                         SQLITE_CONSTRAINT_CHECK); /* the CHECKs hold at every version */
        assert_int_equal(sqlite3_exec(store_sqlite(s),
                                      "INSERT INTO division (code, parent_code, level, kind, "
                                      "name) VALUES ('370923001', '370923', 'town', 'town', "
                                      "'城关镇');"
                                      "INSERT INTO household (division_code, address) VALUES "
                                      "('370923001', 'x')",
                                      NULL, NULL, NULL),
                         SQLITE_CONSTRAINT_CHECK); /* households live in grids */
        store_close(s);

        s = store_open(path, 0, &e);
        if (!s) fail_msg("reopening from %d: %s", v, e.msg);
        assert_int_equal(store_schema_version(s), latest);
        assert_int_equal(fx_count(s, "division"), 2);
        fx_ok(store_act_as_system(s, "test", &e), &e);
        struct division_rec d;
        fx_ok(division_get(s, "370923001", &d, &e), &e);
        assert_string_equal(d.name, "城关镇");
        store_close(s);
        remove_db(path);
    }
}

static void test_newer_refused(void **state)
{
    (void)state;
    char path[256];
    temp_path(path, sizeof path);
    wg_err e;
    store *s = store_open(path, STORE_CREATE, &e);
    assert_non_null(s);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_latest_version() + 1);
    assert_int_equal(sqlite3_exec(store_sqlite(s), sql, NULL, NULL, NULL), SQLITE_OK);
    store_close(s);
    s = store_open(path, 0, &e);
    assert_null(s);
    if (!strstr(e.msg, "newer")) fail_msg("unexpected message: %s", e.msg);
    remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_to_latest),
        cmocka_unit_test(test_without_create),
        cmocka_unit_test(test_from_each_version),
        cmocka_unit_test(test_newer_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
