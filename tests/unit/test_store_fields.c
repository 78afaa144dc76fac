/* Store writes behind the administrator's forms name the field a failure is
 * about, so that the screens can put the message there in any language: for
 * every write, a bad value of each checked field yields that field's name,
 * and nothing is written. */
#include "store_fixture.h"

#include "store/casekind.h"
#include "store/department.h"
#include "store/staff.h"
#include "store/tag.h"

static int setup(void **state)
{
    struct fx *f = fx_open();
    fx_as(f, "admin");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx_close(*state);
    return 0;
}

/* The write failed, said something, named `want` and left no audit row. */
static void expect_field(store *s, int64_t rc, const char *field, const wg_err *e, const char *want,
                         int64_t audit, const char *what)
{
    if (rc >= 0) fail_msg("%s: accepted", what);
    if (!e->msg[0]) fail_msg("%s: no message", what);
    if (!field) fail_msg("%s: no field named (%s)", what, e->msg);
    if (strcmp(field, want) != 0)
        fail_msg("%s: field %s, expected %s (%s)", what, field, want, e->msg);
    if (fx_count(s, "audit") != audit) fail_msg("%s: an audit row was written", what);
}

/* Run call (which takes the test's &field and &e) and check what it names. */
#define EXPECT(want, call)                                                                         \
    do {                                                                                           \
        field = "unset";                                                                           \
        memset(&e, 0, sizeof e);                                                                   \
        int64_t audit_ = fx_count(f->s, "audit");                                                  \
        int64_t rc_ = (call);                                                                      \
        expect_field(f->s, rc_, field, &e, want, audit_, #call);                                   \
    } while (0)

/* A refusal that is not about any one field (permission) leaves field NULL. */
#define EXPECT_NONE(call)                                                                          \
    do {                                                                                           \
        field = "unset";                                                                           \
        memset(&e, 0, sizeof e);                                                                   \
        assert_true((call) < 0);                                                                   \
        assert_true(e.msg[0] != '\0');                                                             \
        assert_null(field);                                                                        \
    } while (0)

/* A write that succeeds leaves field NULL. */
#define EXPECT_OK(call)                                                                            \
    do {                                                                                           \
        field = "unset";                                                                           \
        memset(&e, 0, sizeof e);                                                                   \
        if ((call) < 0) fail_msg("%s: %s", #call, e.msg);                                          \
        assert_null(field);                                                                        \
    } while (0)

static void test_tag_add(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    char longname[80];
    memset(longname, 'x', 70);
    longname[70] = '\0';
    EXPECT("code", tag_add(f->s, "", "空", &field, &e));
    EXPECT("code", tag_add(f->s, "Bad Code", "坏", &field, &e));
    EXPECT("code", tag_add(f->s, "elderly_alone", "又一个独居老人", &field, &e)); /* taken */
    EXPECT("name", tag_add(f->s, "new_tag", "", &field, &e));
    EXPECT("name", tag_add(f->s, "new_tag", longname, &field, &e));
    EXPECT_OK(tag_add(f->s, "new_tag", "新标签", &field, &e));
    assert_true(tag_add(f->s, "other_tag", "另一个", NULL, &e) > 0); /* field may be NULL */
    fx_as(f, "worker");
    EXPECT_NONE(tag_add(f->s, "worker_tag", "网格员的", &field, &e));
}

static void test_department_add(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    EXPECT_OK(department_add(f->s, "police", "城关派出所", "police", NULL, &field, &e));
    EXPECT("code", department_add(f->s, "", "无代码", "civil", NULL, &field, &e));
    EXPECT("code", department_add(f->s, "0123456789012345678901234567890123", "太长", "civil", NULL,
                                  &field, &e));
    EXPECT("code", department_add(f->s, "police", "重复", "police", NULL, &field, &e));
    EXPECT("name", department_add(f->s, "civil", "", "civil", NULL, &field, &e));
    EXPECT("kind", department_add(f->s, "civil", "民政所", "bakery", NULL, &field, &e));
    EXPECT("phone", department_add(f->s, "civil", "民政所", "civil", "12345", &field, &e));
    fx_as(f, "worker");
    EXPECT_NONE(department_add(f->s, "civil2", "民政所", "civil", NULL, &field, &e));
}

static void test_division_add(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    EXPECT("code", division_add(f->s, "37092300100100", "basic", 1, "坏代码", &field, &e));
    EXPECT("code", division_add(f->s, "370923001009001", "basic", 1, "无村", &field, &e));
    EXPECT("code", division_add(f->s, GRID1, "basic", 1, "重复", &field, &e));
    EXPECT("code", division_add(f->s, "370924", "county", 0, "第二个县", &field, &e));
    EXPECT("kind", division_add(f->s, GRID1 "002", "school", 1, "类型不对", &field, &e));
    EXPECT("name", division_add(f->s, GRID1 "002", "building", 1, "", &field, &e));
    EXPECT("urban", division_add(f->s, GRID1 "002", "building", 2, "2号楼", &field, &e));
    EXPECT_OK(division_add(f->s, GRID1 "002", "building", 1, "2号楼", &field, &e));
    /* outside the actor's scope: the code is at fault */
    fx_as(f, "worker");
    EXPECT_NONE(division_add(f->s, GRID2 "001", "building", 1, "别人的楼", &field, &e));
}

static void test_division_scope(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    /* a second administrator whose scope is grid 1 only */
    fx_user(f->s, "gridadmin", ROLE_ADMIN, GRID1);
    fx_as(f, "gridadmin");
    EXPECT("code", division_add(f->s, GRID2 "001", "building", 1, "别人的楼", &field, &e));
}

static void fill_user(struct user_rec *u, const char *name)
{
    memset(u, 0, sizeof *u);
    snprintf(u->name, sizeof u->name, "%s", name);
    snprintf(u->display_name, sizeof u->display_name, "王五");
    u->role = ROLE_WORKER;
    snprintf(u->scope, sizeof u->scope, GRID1);
}

static void test_user_add(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    struct user_rec u;
    fill_user(&u, "Wang Wu");
    EXPECT("name", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "worker"); /* taken */
    EXPECT("name", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "wangwu");
    u.role = ROLE_COUNT;
    EXPECT("role", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "wangwu");
    snprintf(u.scope, sizeof u.scope, "370923009");
    EXPECT("scope", user_add(f->s, &u, "goodpass", &field, &e));
    u.scope[0] = '\0';
    EXPECT("scope", user_add(f->s, &u, "goodpass", &field, &e));
    snprintf(u.scope, sizeof u.scope, "370924");
    EXPECT("scope", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "wangwu");
    u.role = ROLE_HANDLER;
    EXPECT("department_id", user_add(f->s, &u, "goodpass", &field, &e));
    u.department_id = 999;
    EXPECT("department_id", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "wangwu");
    snprintf(u.phone, sizeof u.phone, "1381234");
    EXPECT("phone", user_add(f->s, &u, "goodpass", &field, &e));
    fill_user(&u, "wangwu");
    EXPECT("password", user_add(f->s, &u, "abc", &field, &e));
    EXPECT_OK(user_add(f->s, &u, "goodpass", &field, &e));
    fx_as(f, "worker");
    fill_user(&u, "zhaoliu");
    EXPECT_NONE(user_add(f->s, &u, "goodpass", &field, &e));
}

static void test_user_update(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    struct user_rec u;
    fill_user(&u, "nobody");
    EXPECT("name", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    u.role = ROLE_COUNT;
    EXPECT("role", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    snprintf(u.scope, sizeof u.scope, "370923001001009");
    EXPECT("scope", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    u.role = ROLE_HANDLER;
    EXPECT("department_id", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    u.department_id = 999;
    EXPECT("department_id", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    snprintf(u.phone, sizeof u.phone, "not a phone");
    EXPECT("phone", user_update(f->s, &u, &field, &e));
    fill_user(&u, "worker");
    snprintf(u.phone, sizeof u.phone, "13812345678");
    EXPECT_OK(user_update(f->s, &u, &field, &e));
}

static void test_casekind(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    struct casekind_rec k;
    memset(&k, 0, sizeof k);
    snprintf(k.code, sizeof k.code, "noise");
    snprintf(k.name, sizeof k.name, "噪音扰民");
    snprintf(k.category, sizeof k.category, "dispute");
    EXPECT_OK(k.id = casekind_add(f->s, &k, &field, &e));
    struct casekind_rec b = k;
    EXPECT("code", casekind_add(f->s, &b, &field, &e)); /* taken */
    snprintf(b.code, sizeof b.code, "noise2");
    b.name[0] = '\0';
    EXPECT("name", casekind_add(f->s, &b, &field, &e));
    EXPECT("name", casekind_update(f->s, &b, &field, &e));
    b = k;
    snprintf(b.category, sizeof b.category, "weather");
    EXPECT("category", casekind_update(f->s, &b, &field, &e));
    b = k;
    b.default_days = 400;
    EXPECT("default_days", casekind_update(f->s, &b, &field, &e));
    b = k;
    b.default_department_id = 999;
    EXPECT("default_department_id", casekind_update(f->s, &b, &field, &e));
}

static void test_staff_add(void **state)
{
    struct fx *f = *state;
    const char *field;
    wg_err e;
    struct staff_rec r;
    memset(&r, 0, sizeof r);
    snprintf(r.grid_code, sizeof r.grid_code, GRID1);
    snprintf(r.name, sizeof r.name, "赵大");
    snprintf(r.duty, sizeof r.duty, "leader");
    snprintf(r.since, sizeof r.since, "2024-03-01");
    EXPECT_OK(staff_add(f->s, &r, &field, &e));
    struct staff_rec b = r;
    EXPECT("duty", staff_add(f->s, &b, &field, &e)); /* a second leader */
    snprintf(b.duty, sizeof b.duty, "parttime");
    snprintf(b.grid_code, sizeof b.grid_code, VILLAGE);
    EXPECT("grid_code", staff_add(f->s, &b, &field, &e));
    snprintf(b.grid_code, sizeof b.grid_code, "370923001001009");
    EXPECT("grid_code", staff_add(f->s, &b, &field, &e));
    b = r;
    snprintf(b.duty, sizeof b.duty, "parttime");
    b.name[0] = '\0';
    EXPECT("name", staff_add(f->s, &b, &field, &e));
    b = r;
    snprintf(b.duty, sizeof b.duty, "boss");
    EXPECT("duty", staff_add(f->s, &b, &field, &e));
    b = r;
    snprintf(b.duty, sizeof b.duty, "parttime");
    snprintf(b.phone, sizeof b.phone, "123");
    EXPECT("phone", staff_add(f->s, &b, &field, &e));
    b = r;
    snprintf(b.duty, sizeof b.duty, "parttime");
    snprintf(b.since, sizeof b.since, "2024-02-30");
    EXPECT("since", staff_add(f->s, &b, &field, &e));
    b = r;
    snprintf(b.duty, sizeof b.duty, "parttime");
    b.user_id = 999;
    EXPECT("user", staff_add(f->s, &b, &field, &e));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_tag_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_department_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_division_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_division_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_update, setup, teardown),
        cmocka_unit_test_setup_teardown(test_casekind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_staff_add, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
