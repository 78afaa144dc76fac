/* A grid worker can neither read nor write outside their grid. */
#include "store_fixture.h"

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

static void assert_scope_msg(const wg_err *e)
{
    if (!strstr(e->msg, "outside your scope"))
        fail_msg("expected a scope message, got: %s", e->msg);
}

static void test_reads(void **state)
{
    struct fx *f = *state;
    fx_as(f, "worker");
    wg_err e;
    struct division_rec d[8];
    /* the worker asks for the village's grids and sees only their own */
    int n = division_children(f->s, VILLAGE, 0, 0, 8, d, &e);
    assert_int_equal(n, 1);
    assert_string_equal(d[0].code, GRID1);
    assert_int_equal(d[0].households, 1);
    assert_int_equal(d[0].residents, 1);
    assert_int_equal(division_get(f->s, GRID2, d, &e), -1);
    assert_scope_msg(&e);
    assert_int_equal(division_get(f->s, VILLAGE, d, &e), -1);

    struct household_rec h[4];
    assert_int_equal(household_list(f->s, GRID1, 0, 0, 4, h, &e), 1);
    assert_int_equal(h[0].id, f->hh1);
    assert_string_equal(h[0].head_name, "张三");
    assert_int_equal(h[0].members, 1);
    assert_int_equal(household_list(f->s, GRID2, 0, 0, 4, h, &e), -1);
    assert_scope_msg(&e);
    assert_int_equal(household_list(f->s, VILLAGE, 0, 0, 4, h, &e), -1);
    assert_int_equal(household_get(f->s, f->hh2, h, &e), -1);
    assert_scope_msg(&e);
    assert_int_equal(household_get(f->s, f->hh1, h, &e), 0);

    struct resident_rec r[4];
    assert_int_equal(resident_get(f->s, f->r2, r, &e), -1);
    assert_scope_msg(&e);
    assert_int_equal(resident_list(f->s, f->hh2, 1, 0, 4, r, &e), -1);
    assert_int_equal(resident_get(f->s, f->r1, r, &e), 0);
    /* masked unless unmasked */
    assert_non_null(strchr(r[0].id_number, '*'));
    char full[19], phone[32];
    assert_int_equal(resident_unmask(f->s, f->r2, full, phone, sizeof phone, &e), -1);
    assert_int_equal(resident_unmask(f->s, f->r1, full, phone, sizeof phone, &e), 0);
    assert_null(strchr(full, '*'));

    struct tag_rec t[4];
    assert_int_equal(tag_of_resident(f->s, f->r2, t, 4, &e), -1);
    struct place_rec p[2];
    assert_int_equal(place_list(f->s, GRID2, 0, 2, p, &e), -1);
    struct staff_rec st[2];
    assert_int_equal(staff_list(f->s, GRID2, 0, st, 2, &e), -1);
}

static const char *const tables[] = {
    "household", "resident", "residence_history", "resident_tag", "place", "division", "audit"};
#define NT (sizeof tables / sizeof *tables)

static void snapshot(store *s, int64_t *out)
{
    for (size_t i = 0; i < NT; i++) out[i] = fx_count(s, tables[i]);
}

static void assert_unchanged(store *s, const int64_t *before)
{
    int64_t now[NT];
    snapshot(s, now);
    for (size_t i = 0; i < NT; i++)
        if (now[i] != before[i])
            fail_msg("table %s changed: %lld rows, was %lld", tables[i], (long long)now[i],
                     (long long)before[i]);
}

static void test_writes(void **state)
{
    struct fx *f = *state;
    fx_as(f, "worker");
    int64_t before[NT];
    snapshot(f->s, before);
    wg_err e;
    const char *field;

    struct household_rec h;
    memset(&h, 0, sizeof h);
    snprintf(h.division_code, sizeof h.division_code, GRID2);
    snprintf(h.address, sizeof h.address, "越界路1号");
    assert_true(household_add(f->s, &h, &field, &e) < 0);
    assert_string_equal(field, "division_code");
    h.id = f->hh2;
    h.integrity_points = 100;
    assert_int_equal(household_update(f->s, &h, "x", &field, &e), -1);
    assert_scope_msg(&e);
    assert_int_equal(household_move(f->s, f->hh1, GRID2, &e), -1);
    assert_int_equal(household_move(f->s, f->hh2, GRID1, &e), -1);
    assert_int_equal(household_dissolve(f->s, f->hh2, NULL, &e), -1);

    struct resident_rec r;
    memset(&r, 0, sizeof r);
    r.household_id = f->hh2;
    snprintf(r.name, sizeof r.name, "王五");
    r.sex = 'M';
    assert_true(resident_add(f->s, &r, &field, &e) < 0);
    assert_int_equal(resident_transfer(f->s, f->r1, f->hh2, "other", NULL, &e), -1);
    assert_int_equal(resident_transfer(f->s, f->r2, f->hh1, "other", NULL, &e), -1);
    assert_int_equal(resident_move_out(f->s, f->r2, NULL, NULL, &e), -1);
    assert_int_equal(resident_deceased(f->s, f->r2, NULL, NULL, &e), -1);
    r.id = f->r2;
    assert_int_equal(resident_update(f->s, &r, &field, &e), -1);
    assert_int_equal(tag_set(f->s, f->r2, 1, NULL, &e), -1);

    struct place_rec p;
    memset(&p, 0, sizeof p);
    snprintf(p.division_code, sizeof p.division_code, GRID2);
    snprintf(p.kind, sizeof p.kind, "shop");
    snprintf(p.name, sizeof p.name, "小卖部");
    assert_true(place_add(f->s, &p, &field, &e) < 0);
    /* structure is the administrators' */
    assert_int_equal(division_add(f->s, GRID1 "002", "building", 1, "2号楼", NULL, &e), -1);
    assert_int_equal(division_rename(f->s, GRID1, "改名", &e), -1);

    /* an ID number registered in grid 2 is reported without its details */
    char id2[19];
    fx_idnum("19751231", 23, id2);
    memset(&r, 0, sizeof r);
    r.household_id = f->hh1;
    snprintf(r.name, sizeof r.name, "冒名");
    snprintf(r.id_number, sizeof r.id_number, "%s", id2);
    field = NULL;
    assert_int_equal(resident_add(f->s, &r, &field, &e), RESIDENT_DUP_ID);
    assert_string_equal(field, "id_number");
    assert_non_null(strstr(e.msg, "already registered"));
    assert_null(strstr(e.msg, "李四"));
    assert_null(strstr(e.msg, "幸福路2号"));

    assert_unchanged(f->s, before);

    /* and inside the grid the same worker may write */
    assert_int_equal(resident_move_out(f->s, f->r1, NULL, "外出务工", &e), 0);
    assert_int_equal(resident_restore(f->s, f->r1, 0, NULL, &e), 0);
}

static void test_admin_moves(void **state)
{
    struct fx *f = *state;
    fx_as(f, "admin");
    wg_err e;
    int64_t hh = fx_household(f->s, GRID1, "幸福路3号");
    char id[19];
    fx_idnum("20100505", 42, id);
    int64_t kid = fx_resident(f->s, hh, "张小明", id, "child");
    assert_int_equal(resident_transfer(f->s, kid, f->hh2, "grandchild", "随祖父母", &e), 0);
    struct resident_rec r;
    assert_int_equal(resident_get(f->s, kid, &r, &e), 0);
    assert_string_equal(r.division_code, GRID2);
    assert_string_equal(r.relation, "grandchild");

    char nc[19];
    assert_int_equal(division_move_building(f->s, BUILDING1, GRID2, nc, &e), 0);
    assert_string_equal(nc, GRID2 "001");
    struct household_rec h;
    assert_int_equal(household_get(f->s, f->hh1, &h, &e), 0);
    assert_string_equal(h.division_code, nc);
    assert_int_equal(resident_get(f->s, f->r1, &r, &e), 0);
    assert_string_equal(r.division_code, nc);
    /* the grid 1 worker lost them; the grid 2 worker has them */
    fx_as(f, "worker");
    assert_int_equal(resident_get(f->s, f->r1, &r, &e), -1);
    fx_as(f, "worker2");
    assert_int_equal(resident_get(f->s, f->r1, &r, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_admin_moves, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
