/* Checklist templates: reading, administrators' audited changes, moving
 * items, and items that visits answered staying put. */
#include "store_fixture.h"

#include "store/checklist.h"

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

static void test_default_template(void **state)
{
    struct fx *f = *state;
    fx_as(f, "worker"); /* everyone reads */
    wg_err e;
    struct checklist_rec t[4];
    assert_int_equal(checklist_list(f->s, 0, t, 4, &e), 1);
    assert_string_equal(t[0].code, "five_checks_three_questions");
    assert_string_equal(t[0].name, "五查三问");
    assert_int_equal(t[0].active, 1);
    assert_int_equal(t[0].items, 8);
    struct checklist_item_rec it[10];
    assert_int_equal(checklist_items(f->s, t[0].id, it, 10, &e), 8);
    assert_string_equal(it[0].kind, "check");
    assert_string_equal(it[0].text, "查邪教");
    assert_string_equal(it[7].kind, "ask");
    assert_string_equal(it[7].text, "问诉求");
    assert_int_equal(it[0].answered, 0);
    assert_int_equal(checklist_items(f->s, 999, it, 10, &e), -1);
    assert_non_null(strstr(e.msg, "no checklist template"));
}

static void test_admin_only(void **state)
{
    struct fx *f = *state;
    fx_as(f, "worker");
    wg_err e;
    int64_t audit = fx_count(f->s, "audit");
    const char *field = NULL;
    assert_int_equal(checklist_add(f->s, "x", "X", &field, &e), -1);
    assert_non_null(strstr(e.msg, "only a county administrator"));
    assert_int_equal(checklist_item_add(f->s, 1, "check", "查", &field, &e), -1);
    assert_int_equal(checklist_set_active(f->s, 1, 0, &e), -1);
    assert_int_equal(checklist_item_remove(f->s, 1, &e), -1);
    assert_int_equal(checklist_item_move(f->s, 1, 1, &e), -1);
    assert_int_equal(fx_count(f->s, "audit"), audit);
    assert_int_equal(fx_count(f->s, "checklist_item"), 8);
}

static int64_t last_audit(store *s, char *action, char *before, char *after)
{
    sqlite3_stmt *st;
    int64_t row = -1;
    if (sqlite3_prepare_v2(store_sqlite(s),
                           "SELECT action, coalesce(before, ''), coalesce(after, ''), row_id "
                           "FROM audit ORDER BY id DESC LIMIT 1",
                           -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            strcpy(action, (const char *)sqlite3_column_text(st, 0));
            strcpy(before, (const char *)sqlite3_column_text(st, 1));
            strcpy(after, (const char *)sqlite3_column_text(st, 2));
            row = sqlite3_column_int64(st, 3);
        }
        sqlite3_finalize(st);
    }
    return row;
}

static void test_add_and_edit(void **state)
{
    struct fx *f = *state;
    fx_as(f, "admin");
    wg_err e;
    const char *field = NULL;
    char action[32], before[512], after[512];
    /* checks at the field */
    assert_int_equal(checklist_add(f->s, "Bad Code", "巡查", &field, &e), -1);
    assert_string_equal(field, "code");
    assert_int_equal(checklist_add(f->s, "five_checks_three_questions", "又一个", &field, &e), -1);
    assert_string_equal(field, "code");
    assert_non_null(strstr(e.msg, "already used by 五查三问"));
    assert_int_equal(checklist_add(f->s, "patrol", "", &field, &e), -1);
    assert_string_equal(field, "name");

    int64_t id = checklist_add(f->s, "patrol", "安全巡查", &field, &e);
    fx_ok(id < 0 ? -1 : 0, &e);
    assert_null(field);
    assert_int_equal(last_audit(f->s, action, before, after), id);
    assert_string_equal(action, "add");
    assert_non_null(strstr(after, "安全巡查"));

    assert_int_equal(checklist_item_add(f->s, id, "look", "查", &field, &e), -1);
    assert_string_equal(field, "kind");
    assert_int_equal(checklist_item_add(f->s, id, "check", "  ", &field, &e), -1);
    assert_string_equal(field, "text");
    int64_t a = checklist_item_add(f->s, id, "check", "查消防通道", &field, &e);
    int64_t b = checklist_item_add(f->s, id, "check", "查电动车充电", &field, &e);
    int64_t c = checklist_item_add(f->s, id, "ask", "问安全隐患", &field, &e);
    assert_true(a > 0 && b > 0 && c > 0);
    assert_int_equal(last_audit(f->s, action, before, after), c);
    assert_string_equal(action, "add");

    fx_ok(checklist_item_update(f->s, b, "check", "查电动车违规充电", &field, &e), &e);
    assert_int_equal(last_audit(f->s, action, before, after), b);
    assert_string_equal(action, "update");
    assert_non_null(strstr(before, "查电动车充电"));
    assert_non_null(strstr(after, "查电动车违规充电"));
    /* nothing changed: no audit row */
    int64_t n = fx_count(f->s, "audit");
    fx_ok(checklist_item_update(f->s, b, "check", "查电动车违规充电", &field, &e), &e);
    assert_int_equal(fx_count(f->s, "audit"), n);

    /* moves: c up twice is first; up again changes nothing */
    fx_ok(checklist_item_move(f->s, c, -1, &e), &e);
    assert_int_equal(last_audit(f->s, action, before, after), c);
    assert_string_equal(action, "move");
    fx_ok(checklist_item_move(f->s, c, -1, &e), &e);
    n = fx_count(f->s, "audit");
    fx_ok(checklist_item_move(f->s, c, -1, &e), &e);
    assert_int_equal(fx_count(f->s, "audit"), n);
    fx_ok(checklist_item_move(f->s, a, 1, &e), &e); /* c, b, a */
    struct checklist_item_rec it[8];
    assert_int_equal(checklist_items(f->s, id, it, 8, &e), 3);
    assert_int_equal(it[0].id, c);
    assert_int_equal(it[1].id, b);
    assert_int_equal(it[2].id, a);

    /* rename, deactivate */
    fx_ok(checklist_rename(f->s, id, "消防安全巡查", &field, &e), &e);
    fx_ok(checklist_set_active(f->s, id, 0, &e), &e);
    assert_int_equal(last_audit(f->s, action, before, after), id);
    assert_string_equal(action, "deactivate");
    struct checklist_rec t[4];
    assert_int_equal(checklist_list(f->s, 0, t, 4, &e), 1);
    assert_int_equal(checklist_list(f->s, 1, t, 4, &e), 2);
    assert_string_equal(t[1].name, "消防安全巡查");
    assert_int_equal(t[1].active, 0);
    assert_int_equal(t[1].items, 3);

    /* remove an item nobody answered */
    fx_ok(checklist_item_remove(f->s, b, &e), &e);
    assert_int_equal(last_audit(f->s, action, before, after), b);
    assert_string_equal(action, "remove");
    assert_non_null(strstr(before, "查电动车违规充电"));
    assert_int_equal(checklist_items(f->s, id, it, 8, &e), 2);
    assert_int_equal(checklist_item_remove(f->s, b, &e), -1);
    assert_non_null(strstr(e.msg, "no checklist item"));
}

static void test_answered_items_stay(void **state)
{
    struct fx *f = *state;
    wg_err e;
    const char *field = NULL;
    /* a visit answered item 1 of 五查三问 (visits have no store API yet) */
    char *msg = NULL;
    if (sqlite3_exec(store_sqlite(f->s),
                     "INSERT INTO visit (id, division_code, household_id, user_id, template_id) "
                     "VALUES (1, '" GRID1 "', 1, 1, 1);"
                     "INSERT INTO visit_answer (visit_id, item_id, answer) VALUES (1, 1, 'ok');",
                     NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s", msg);
    fx_as(f, "admin");
    struct checklist_item_rec it[10];
    assert_int_equal(checklist_items(f->s, 1, it, 10, &e), 8);
    assert_int_equal(it[0].answered, 1);
    assert_int_equal(it[1].answered, 0);
    int64_t n = fx_count(f->s, "audit");
    assert_int_equal(checklist_item_remove(f->s, it[0].id, &e), -1);
    assert_non_null(strstr(e.msg, "deactivate the template"));
    assert_int_equal(fx_count(f->s, "checklist_item"), 8);
    assert_int_equal(fx_count(f->s, "audit"), n);
    /* unanswered ones may go */
    fx_ok(checklist_item_remove(f->s, it[1].id, &e), &e);

    /* the way out: deactivate and copy */
    fx_ok(checklist_set_active(f->s, 1, 0, &e), &e);
    int64_t id = checklist_copy(f->s, 1, "five_checks_2025", "五查三问（2025版）", &field, &e);
    fx_ok(id < 0 ? -1 : 0, &e);
    assert_int_equal(checklist_items(f->s, id, it, 10, &e), 7);
    assert_string_equal(it[0].text, "查邪教");
    assert_int_equal(it[0].answered, 0);
    fx_ok(checklist_item_remove(f->s, it[0].id, &e), &e);
    struct checklist_rec t[4];
    assert_int_equal(checklist_list(f->s, 0, t, 4, &e), 1);
    assert_int_equal(t[0].id, id);
    assert_int_equal(t[0].items, 6);
    assert_int_equal(checklist_copy(f->s, 1, "five_checks_2025", "x", &field, &e), -1);
    assert_string_equal(field, "code");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_default_template, setup, teardown),
        cmocka_unit_test_setup_teardown(test_admin_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_and_edit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answered_items_stay, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
