/* Every write leaves exactly one audit row; a failed write leaves none; the
 * trail refuses changes and detects tampering. */
#include "store_fixture.h"

#include "store/audit.h"
#include "store/casekind.h"
#include "store/department.h"
#include "store/organisation.h"
#include "store/place.h"
#include "store/staff.h"
#include "store/tag.h"

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

/* The newest audit row must be the one expected, and the only new one. */
static void expect_one(struct fx *f, int64_t *mark, const char *actor, const char *action,
                       const char *tbl, int64_t row, const char *in_after, const char *in_before)
{
    int64_t n = fx_count(f->s, "audit");
    if (n != *mark + 1)
        fail_msg("%s %s: %lld audit rows written, expected 1", action, tbl, (long long)(n - *mark));
    *mark = n;
    struct store_actor saved = *store_actor(f->s);
    wg_err e;
    fx_ok(store_act_as_system(f->s, "test", &e), &e);
    struct audit_row r;
    assert_int_equal(audit_list(f->s, NULL, NULL, 0, NULL, NULL, 0, &r, 1, &e), 1);
    store_set_actor(f->s, &saved);
    assert_string_equal(r.actor, actor);
    assert_string_equal(r.action, action);
    assert_string_equal(r.tbl, tbl);
    if (row >= 0) assert_int_equal(r.row_id, row);
    if (in_after) {
        assert_non_null(r.after);
        if (!strstr(r.after, in_after)) fail_msg("after %s lacks %s", r.after, in_after);
    }
    if (in_before) {
        assert_non_null(r.before);
        if (!strstr(r.before, in_before)) fail_msg("before %s lacks %s", r.before, in_before);
    }
    audit_row_free(&r);
}

static void test_every_write(void **state)
{
    struct fx *f = *state;
    fx_as(f, "admin");
    wg_err e;
    const char *field;
    int64_t mark = fx_count(f->s, "audit");

    fx_ok(division_add(f->s, GRID1 "002", "building", 1, "2号楼", NULL, &e), &e);
    expect_one(f, &mark, "admin", "add", "division", 0, "\"2号楼\"", NULL);
    fx_ok(division_rename(f->s, GRID1 "002", "二号楼", &e), &e);
    expect_one(f, &mark, "admin", "rename", "division", 0, "\"name\":\"二号楼\"", "2号楼");
    fx_ok(division_set_kind(f->s, GRID1 "002", "group", 0, &e), &e);
    expect_one(f, &mark, "admin", "set_kind", "division", 0, "\"kind\":\"group\"", "building");
    fx_ok(division_retire(f->s, GRID1 "002", &e), &e);
    expect_one(f, &mark, "admin", "retire", "division", 0, "retired_at", NULL);

    int64_t hh = fx_household(f->s, GRID1, "幸福路5号");
    expect_one(f, &mark, "admin", "add", "household", hh, "幸福路5号", NULL);
    struct household_rec h;
    fx_ok(household_get(f->s, hh, &h, &e), &e);
    h.integrity_points = 90;
    /* a change of points without a reason is refused, and leaves nothing */
    assert_int_equal(household_update(f->s, &h, NULL, &field, &e), -1);
    assert_string_equal(field, "integrity_points");
    assert_int_equal(fx_count(f->s, "audit"), mark);
    fx_ok(household_update(f->s, &h, "乱堆杂物", &field, &e), &e);
    expect_one(f, &mark, "admin", "update", "household", hh, "乱堆杂物", "100");

    char id[19];
    fx_idnum("19900615", 35, id);
    int64_t r = fx_resident(f->s, hh, "王芳", id, "head");
    expect_one(f, &mark, "admin", "add", "resident", r, "王芳", NULL);
    struct resident_rec rr;
    fx_ok(resident_get(f->s, r, &rr, &e), &e);
    snprintf(rr.phone, sizeof rr.phone, "13812345678");
    fx_ok(resident_update(f->s, &rr, &field, &e), &e);
    expect_one(f, &mark, "admin", "update", "resident", r, "13812345678", NULL);
    /* the masked values come back unchanged */
    fx_ok(resident_get(f->s, r, &rr, &e), &e);
    assert_non_null(strchr(rr.phone, '*'));
    fx_ok(resident_update(f->s, &rr, &field, &e), &e);
    assert_int_equal(fx_count(f->s, "audit"), mark);
    char full[19], phone[32];
    fx_ok(resident_unmask(f->s, r, full, phone, sizeof phone, &e), &e);
    assert_string_equal(full, id);
    assert_string_equal(phone, "13812345678");
    expect_one(f, &mark, "admin", "unmask", "resident", r, "id_number", NULL);
    fx_ok(resident_move_out(f->s, r, "2024-03-01", "外出", &e), &e);
    expect_one(f, &mark, "admin", "moved_out", "resident", r, "moved_out", "resident");
    fx_ok(resident_restore(f->s, r, 0, NULL, &e), &e);
    expect_one(f, &mark, "admin", "restore", "resident", r, "resident", "moved_out");
    fx_ok(resident_transfer(f->s, r, f->hh1, "spouse", "婚入", &e), &e);
    expect_one(f, &mark, "admin", "transfer", "resident", r, "婚入", NULL);
    fx_ok(resident_deceased(f->s, r, NULL, NULL, &e), &e);
    expect_one(f, &mark, "admin", "deceased", "resident", r, "deceased", NULL);
    fx_ok(household_dissolve(f->s, hh, "空户", &e), &e);
    expect_one(f, &mark, "admin", "dissolve", "household", hh, "dissolved", "active");
    fx_ok(household_move(f->s, f->hh1, GRID1, &e), &e);
    expect_one(f, &mark, "admin", "move", "household", f->hh1, GRID1, BUILDING1);

    int64_t t = tag_add(f->s, "hazard_family", "重点家庭", NULL, &e);
    fx_ok((int)t, &e);
    expect_one(f, &mark, "admin", "add", "tag", t, "重点家庭", NULL);
    fx_ok(tag_rename(f->s, t, "关注家庭", &e), &e);
    expect_one(f, &mark, "admin", "rename", "tag", t, "关注家庭", "重点家庭");
    fx_ok(tag_set(f->s, f->r1, t, "试", &e), &e);
    expect_one(f, &mark, "admin", "tag_set", "resident", f->r1, "hazard_family", NULL);
    fx_ok(tag_set(f->s, f->r1, t, NULL, &e), &e); /* already set: nothing */
    assert_int_equal(fx_count(f->s, "audit"), mark);
    fx_ok(tag_clear(f->s, f->r1, t, &e), &e);
    expect_one(f, &mark, "admin", "tag_clear", "resident", f->r1, NULL, "hazard_family");
    fx_ok(tag_retire(f->s, t, 1, &e), &e);
    expect_one(f, &mark, "admin", "retire", "tag", t, "\"retired\":1", NULL);

    struct place_rec p;
    memset(&p, 0, sizeof p);
    snprintf(p.division_code, sizeof p.division_code, GRID1);
    snprintf(p.kind, sizeof p.kind, "shop");
    snprintf(p.name, sizeof p.name, "便民超市");
    int64_t pid = place_add(f->s, &p, &field, &e);
    fx_ok((int)pid, &e);
    expect_one(f, &mark, "admin", "add", "place", pid, "便民超市", NULL);
    p.id = pid;
    snprintf(p.status, sizeof p.status, "hazard");
    fx_ok(place_update(f->s, &p, &field, &e), &e);
    expect_one(f, &mark, "admin", "update", "place", pid, "hazard", "normal");

    struct organisation_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.division_code, sizeof o.division_code, VILLAGE);
    snprintf(o.kind, sizeof o.kind, "property");
    snprintf(o.name, sizeof o.name, "安居物业");
    int64_t oid = organisation_add(f->s, &o, &field, &e);
    fx_ok((int)oid, &e);
    expect_one(f, &mark, "admin", "add", "organisation", oid, "安居物业", NULL);
    o.id = oid;
    snprintf(o.rating, sizeof o.rating, "red");
    fx_ok(organisation_update(f->s, &o, &field, &e), &e);
    expect_one(f, &mark, "admin", "update", "organisation", oid, "red", NULL);

    int64_t dep = department_add(f->s, "police", "城关派出所", "police", NULL, NULL, &e);
    fx_ok((int)dep, &e);
    expect_one(f, &mark, "admin", "add", "department", dep, "城关派出所", NULL);
    fx_ok(department_rename(f->s, dep, "城关镇派出所", &e), &e);
    expect_one(f, &mark, "admin", "rename", "department", dep, "城关镇派出所", NULL);

    struct casekind_rec k;
    memset(&k, 0, sizeof k);
    snprintf(k.code, sizeof k.code, "neighbour");
    snprintf(k.name, sizeof k.name, "邻里纠纷");
    snprintf(k.category, sizeof k.category, "dispute");
    k.default_department_id = dep;
    int64_t kid = casekind_add(f->s, &k, &field, &e);
    fx_ok((int)kid, &e);
    expect_one(f, &mark, "admin", "add", "case_kind", kid, "邻里纠纷", NULL);
    k.id = kid;
    k.default_days = 10;
    fx_ok(casekind_update(f->s, &k, &field, &e), &e);
    expect_one(f, &mark, "admin", "update", "case_kind", kid, "10", "7");

    struct staff_rec st;
    memset(&st, 0, sizeof st);
    snprintf(st.grid_code, sizeof st.grid_code, GRID1);
    snprintf(st.name, sizeof st.name, "赵六");
    snprintf(st.duty, sizeof st.duty, "fulltime");
    int64_t sid = staff_add(f->s, &st, &field, &e);
    fx_ok((int)sid, &e);
    expect_one(f, &mark, "admin", "add", "grid_staff", sid, "赵六", NULL);
    assert_true(staff_add(f->s, &st, &field, &e) < 0); /* one full-time worker at a time */
    assert_string_equal(field, "duty");
    assert_int_equal(fx_count(f->s, "audit"), mark);
    fx_ok(staff_end(f->s, sid, NULL, &e), &e);
    expect_one(f, &mark, "admin", "end", "grid_staff", sid, "until", NULL);

    fx_ok(user_set_locked(f->s, "worker", 1, &e), &e);
    expect_one(f, &mark, "admin", "lock", "user", -1, "\"locked\":1", NULL);
    fx_ok(user_key_add(f->s, "worker",
                       "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJQyQ9bBU5+ZXmf51megrB20PUfguYns28Dl1"
                       "bax8p9p test@wangge",
                       &e),
          &e);
    expect_one(f, &mark, "admin", "add", "user_key", -1, "SHA256:", NULL);

    /* the whole chain still verifies */
    assert_true(audit_verify(f->s, &e) > 0);
}

static void test_failed_writes(void **state)
{
    struct fx *f = *state;
    fx_as(f, "admin");
    wg_err e;
    const char *field;
    int64_t mark = fx_count(f->s, "audit");
    assert_int_equal(division_add(f->s, GRID1 "001", "building", 1, "重复", NULL, &e), -1);
    assert_int_equal(division_add(f->s, "370924001", "town", 0, "别县的镇", NULL, &e), -1);
    assert_int_equal(division_add(f->s, GRID1 "003", "school", 1, "类型不对", NULL, &e), -1);
    assert_non_null(strstr(e.msg, "kind"));
    struct resident_rec r;
    memset(&r, 0, sizeof r);
    r.household_id = f->hh1;
    snprintf(r.name, sizeof r.name, "错号");
    char bad[19];
    fx_idnum("19800101", 1, bad);
    bad[17] = bad[17] == '5' ? '6' : '5'; /* a wrong check character */
    snprintf(r.id_number, sizeof r.id_number, "%s", bad);
    field = NULL;
    assert_int_equal(resident_add(f->s, &r, &field, &e), -1);
    assert_string_equal(field, "id_number");
    char id[19];
    fx_idnum("19800101", 11, id); /* r1's number, a male */
    snprintf(r.id_number, sizeof r.id_number, "%s", id);
    assert_int_equal(resident_add(f->s, &r, &field, &e), RESIDENT_DUP_ID);
    fx_idnum("19800101", 13, id);
    snprintf(r.id_number, sizeof r.id_number, "%s", id);
    r.sex = 'F';
    assert_int_equal(resident_add(f->s, &r, &field, &e), -1);
    assert_string_equal(field, "id_number");
    r.sex = 'M';
    snprintf(r.phone, sizeof r.phone, "12345");
    assert_int_equal(resident_add(f->s, &r, &field, &e), -1);
    assert_string_equal(field, "phone");
    assert_int_equal(resident_transfer(f->s, f->r1, f->hh1, NULL, NULL, &e), -1);
    assert_int_equal(household_dissolve(f->s, f->hh1, NULL, &e), -1);
    assert_int_equal(division_retire(f->s, GRID1, &e), -1);
    assert_int_equal(fx_count(f->s, "audit"), mark);
    /* a worker may not manage users */
    fx_as(f, "worker");
    assert_int_equal(user_set_locked(f->s, "worker2", 1, &e), -1);
    assert_int_equal(fx_count(f->s, "audit"), mark);
}

static void test_append_only(void **state)
{
    struct fx *f = *state;
    sqlite3 *db = store_sqlite(f->s);
    wg_err e;
    int64_t n = audit_verify(f->s, &e);
    assert_true(n > 10);
    assert_int_not_equal(
        sqlite3_exec(db, "UPDATE audit SET action = 'x' WHERE id = 3", NULL, NULL, NULL),
        SQLITE_OK);
    assert_non_null(strstr(sqlite3_errmsg(db), "append-only"));
    assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit WHERE id = 3", NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_equal(audit_verify(f->s, &e), n);

    /* with the triggers gone, an altered row is caught by the hash chain */
    assert_int_equal(sqlite3_exec(db,
                                  "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; "
                                  "UPDATE audit SET after = '{\"name\":\"x\"}' WHERE id = 3",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(audit_verify(f->s, &e), -1);
    assert_non_null(strstr(e.msg, "row 3"));
}

static void test_removed_row(void **state)
{
    struct fx *f = *state;
    sqlite3 *db = store_sqlite(f->s);
    wg_err e;
    assert_int_equal(sqlite3_exec(db,
                                  "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(audit_verify(f->s, &e), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_append_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_removed_row, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
