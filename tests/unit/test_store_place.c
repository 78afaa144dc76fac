/* Places and organisations: the lists filter by area, kind and text in the
 * store (wildcards in the text taken literally), the counts agree with the
 * lists, and showing a full phone number is allowed by role, kept to the
 * scope and written to the audit log. */
#include "store_fixture.h"

#include "store/organisation.h"
#include "store/place.h"

struct pfx {
    struct fx *f;
    int64_t shop1, school2, shop2, org1, org2;
};

static int64_t add_place(store *s, const char *div, const char *kind, const char *name,
                         const char *address, const char *contact, const char *phone)
{
    struct place_rec p;
    memset(&p, 0, sizeof p);
    snprintf(p.division_code, sizeof p.division_code, "%s", div);
    snprintf(p.kind, sizeof p.kind, "%s", kind);
    snprintf(p.name, sizeof p.name, "%s", name);
    snprintf(p.address, sizeof p.address, "%s", address);
    snprintf(p.contact, sizeof p.contact, "%s", contact);
    snprintf(p.phone, sizeof p.phone, "%s", phone);
    wg_err e;
    const char *field = NULL;
    int64_t id = place_add(s, &p, &field, &e);
    if (id < 0) fail_msg("place %s: %s (%s)", name, e.msg, field ? field : "-");
    return id;
}

static int64_t add_org(store *s, const char *div, const char *kind, const char *name,
                       const char *note, const char *phone)
{
    struct organisation_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.division_code, sizeof o.division_code, "%s", div);
    snprintf(o.kind, sizeof o.kind, "%s", kind);
    snprintf(o.name, sizeof o.name, "%s", name);
    snprintf(o.note, sizeof o.note, "%s", note);
    snprintf(o.phone, sizeof o.phone, "%s", phone);
    wg_err e;
    const char *field = NULL;
    int64_t id = organisation_add(s, &o, &field, &e);
    if (id < 0) fail_msg("organisation %s: %s (%s)", name, e.msg, field ? field : "-");
    return id;
}

static int setup(void **state)
{
    struct pfx *p = calloc(1, sizeof *p);
    p->f = fx_open();
    store *s = p->f->s;
    p->shop1 = add_place(s, GRID1, "shop", "Alpha Shop", "幸福路1号", "王五", "13812345678");
    p->school2 = add_place(s, GRID2, "school", "幸福小学", "幸福路 50%", "Li", "");
    p->shop2 = add_place(s, GRID2, "shop", "gamma_store", "幸福路3号", "赵六", "");
    p->org1 = add_org(s, GRID1, "property", "安居物业", "serves 1号楼", "13900001111");
    p->org2 = add_org(s, GRID2, "social", "志愿者协会", "", "");
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    struct pfx *p = *state;
    fx_close(p->f);
    free(p);
    return 0;
}

/* The ids place_list_filtered gives, in order, as "a,b,c"; "-1" on error. */
static const char *place_ids(struct pfx *p, const char *div, const char *kind, const char *text)
{
    static char out[128];
    struct place_rec r[8];
    wg_err e = {{0}};
    int n = place_list_filtered(p->f->s, div, kind, text, 0, 8, r, &e);
    int64_t c = place_count_filtered(p->f->s, div, kind, text, &e);
    if (n < 0) return "-1";
    assert_int_equal(c, n);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *which = r[i].id == p->shop1     ? "shop1"
                            : r[i].id == p->school2 ? "school2"
                            : r[i].id == p->shop2   ? "shop2"
                                                    : "?";
        if (i) strcat(out, ",");
        strcat(out, which);
    }
    return out;
}

static void test_place_filters(void **state)
{
    struct pfx *p = *state;
    fx_as(p->f, "admin");
    /* by name, then id */
    assert_string_equal(place_ids(p, COUNTY, NULL, NULL), "shop1,shop2,school2");
    assert_string_equal(place_ids(p, COUNTY, "", ""), "shop1,shop2,school2");
    assert_string_equal(place_ids(p, COUNTY, "shop", NULL), "shop1,shop2");
    assert_string_equal(place_ids(p, GRID2, "shop", NULL), "shop2");
    assert_string_equal(place_ids(p, GRID1, "school", NULL), "");
    /* text: name, address, contact (Latin letters in either case), phone */
    assert_string_equal(place_ids(p, COUNTY, NULL, "ALPHA"), "shop1");
    assert_string_equal(place_ids(p, COUNTY, NULL, "幸福"), "shop1,shop2,school2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "赵六"), "shop2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "li"), "school2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "1234567"), "shop1");
    /* LIKE wildcards typed are plain characters */
    assert_string_equal(place_ids(p, COUNTY, NULL, "%"), "school2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "_"), "shop2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "a_s"), "shop2");
    assert_string_equal(place_ids(p, COUNTY, NULL, "Alpha%"), "");
    /* both filters */
    assert_string_equal(place_ids(p, COUNTY, "shop", "幸福路3"), "shop2");
    /* an unknown kind is an error, not an empty list */
    wg_err e = {{0}};
    struct place_rec r[2];
    assert_int_equal(place_list_filtered(p->f->s, COUNTY, "pub", NULL, 0, 2, r, &e), -1);
    assert_non_null(strstr(e.msg, "pub"));
    assert_int_equal(place_count_filtered(p->f->s, COUNTY, "pub", NULL, &e), -1);
    /* offset and limit */
    assert_int_equal(place_list_filtered(p->f->s, COUNTY, NULL, NULL, 1, 1, r, &e), 1);
    assert_int_equal(r[0].id, p->shop2);
    /* the unfiltered calls agree */
    assert_int_equal(place_count(p->f->s, COUNTY, &e), 3);
    assert_int_equal(place_list(p->f->s, GRID1, 0, 2, r, &e), 1);
    /* the scope still holds */
    fx_as(p->f, "worker");
    assert_string_equal(place_ids(p, GRID1, NULL, NULL), "shop1");
    assert_string_equal(place_ids(p, GRID2, NULL, NULL), "-1");
    assert_string_equal(place_ids(p, COUNTY, "shop", NULL), "-1");
}

static void test_organisation_filters(void **state)
{
    struct pfx *p = *state;
    fx_as(p->f, "admin");
    struct organisation_rec r[4];
    wg_err e = {{0}};
    assert_int_equal(organisation_list_filtered(p->f->s, COUNTY, NULL, NULL, 0, 4, r, &e), 2);
    assert_int_equal(organisation_list_filtered(p->f->s, COUNTY, "social", NULL, 0, 4, r, &e), 1);
    assert_int_equal(r[0].id, p->org2);
    assert_int_equal(organisation_list_filtered(p->f->s, COUNTY, NULL, "SERVES", 0, 4, r, &e), 1);
    assert_int_equal(r[0].id, p->org1);
    assert_int_equal(organisation_count_filtered(p->f->s, COUNTY, NULL, "0000", &e), 1);
    assert_int_equal(organisation_count_filtered(p->f->s, GRID2, "property", NULL, &e), 0);
    assert_int_equal(organisation_list_filtered(p->f->s, COUNTY, "shop", NULL, 0, 4, r, &e), -1);
}

static int64_t unmask_rows(store *s, const char *tbl, int64_t id)
{
    sqlite3_stmt *st;
    int64_t n = -1;
    if (sqlite3_prepare_v2(store_sqlite(s),
                           "SELECT count(*) FROM audit WHERE action = 'unmask' AND tbl = ?1 "
                           "AND row_id = ?2",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return n;
}

static void test_unmask(void **state)
{
    struct pfx *p = *state;
    store *s = p->f->s;
    wg_err e = {{0}};
    char phone[32];
    fx_as(p->f, "worker");
    assert_int_equal(place_unmask(s, p->shop1, phone, sizeof phone, &e), 0);
    assert_string_equal(phone, "13812345678");
    assert_int_equal(unmask_rows(s, "place", p->shop1), 1);
    assert_int_equal(organisation_unmask(s, p->org1, phone, sizeof phone, &e), 0);
    assert_string_equal(phone, "13900001111");
    assert_int_equal(unmask_rows(s, "organisation", p->org1), 1);
    /* out of scope: refused, nothing recorded */
    phone[0] = '\0';
    assert_int_equal(place_unmask(s, p->shop2, phone, sizeof phone, &e), -1);
    assert_non_null(strstr(e.msg, "outside your scope"));
    assert_string_equal(phone, "");
    assert_int_equal(unmask_rows(s, "place", p->shop2), 0);
    assert_int_equal(organisation_unmask(s, p->org2, phone, sizeof phone, &e), -1);
    /* no such record */
    assert_int_equal(place_unmask(s, 999999, phone, sizeof phone, &e), -1);
    /* a role that may not see full numbers */
    fx_as(p->f, "admin");
    struct store_actor a = *store_actor(s);
    a.role = ROLE_HANDLER;
    store_set_actor(s, &a);
    assert_int_equal(place_unmask(s, p->shop1, phone, sizeof phone, &e), -1);
    assert_non_null(strstr(e.msg, "may not"));
    assert_int_equal(unmask_rows(s, "place", p->shop1), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_place_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_organisation_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unmask, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
