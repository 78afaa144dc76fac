/* A small, fixed county for the screen tests: the dumps compare exactly, so
 * the data must not change when the demo generator does. Built by lib.sh
 * against the release library:  fixture DB  */
#include <stdio.h>
#include <string.h>

#include "store/division.h"
#include "store/household.h"
#include "store/resident.h"
#include "store/store.h"
#include "store/user.h"

static int fail(const char *what, const wg_err *e)
{
    fprintf(stderr, "fixture: %s: %s\n", what, e->msg);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) return fprintf(stderr, "usage: fixture DB\n"), 2;
    wg_err e = {{0}};
    store *s = store_open(argv[1], STORE_CREATE, &e);
    if (!s) return fail("open", &e);
    if (store_act_as_system(s, "local", &e) < 0) return fail("system", &e);
    static const struct {
        const char *code, *kind, *name;
        int urban;
    } divs[] = {
        {"370923", "county", "东平县", 0},
        {"370923001", "town", "东平街道", 1},
        {"370923101", "town", "接山镇", 0},
        {"370923001001", "community", "佛山社区", 1},
        {"370923101201", "village", "后口头村", 0},
        {"370923001001001", "basic", "佛山社区第一网格", 1},
        {"370923001001002", "school", "东平实验小学网格", 1},
        {"370923101201001", "basic", "后口头村网格", 0},
    };
    for (size_t i = 0; i < sizeof divs / sizeof *divs; i++)
        if (division_add(s, divs[i].code, divs[i].kind, divs[i].urban, divs[i].name, NULL, &e) < 0)
            return fail(divs[i].code, &e);
    static const struct {
        const char *grid, *address, *head, *id;
    } hh[] = {
        {"370923001001001", "佛山社区1号楼101", "张三", "370923198001010010"},
        {"370923001001001", "佛山社区1号楼102", "李四", "370923197502030023"},
        {"370923001001001", "佛山社区2号楼201", "王五", ""},
        {"370923101201001", "后口头村12号", "赵六", ""},
    };
    for (size_t i = 0; i < sizeof hh / sizeof *hh; i++) {
        struct household_rec h;
        memset(&h, 0, sizeof h);
        snprintf(h.division_code, sizeof h.division_code, "%s", hh[i].grid);
        snprintf(h.address, sizeof h.address, "%s", hh[i].address);
        int64_t id = household_add(s, &h, NULL, &e);
        if (id < 0) return fail(hh[i].address, &e);
        struct resident_rec r;
        memset(&r, 0, sizeof r);
        r.household_id = id;
        snprintf(r.name, sizeof r.name, "%s", hh[i].head);
        snprintf(r.id_number, sizeof r.id_number, "%s", hh[i].id);
        if (!hh[i].id[0]) r.sex = 'M';
        snprintf(r.relation, sizeof r.relation, "head");
        if (resident_add(s, &r, NULL, &e) < 0) return fail(hh[i].head, &e);
    }
    static const struct {
        const char *name, *display, *scope;
        enum role role;
        const char *lang, *keymap;
    } users[] = {
        {"admin", "县管理员", "370923", ROLE_ADMIN, "zh_CN", "default"},
        {"zhang", "张网格", "370923001001001", ROLE_WORKER, "zh_CN", "default"},
        {"secretary", "李书记", "370923001001", ROLE_SECRETARY, "en", "vi"},
    };
    for (size_t i = 0; i < sizeof users / sizeof *users; i++) {
        struct user_rec u;
        memset(&u, 0, sizeof u);
        snprintf(u.name, sizeof u.name, "%s", users[i].name);
        snprintf(u.display_name, sizeof u.display_name, "%s", users[i].display);
        snprintf(u.scope, sizeof u.scope, "%s", users[i].scope);
        u.role = users[i].role;
        if (user_add(s, &u, "secret-pass", NULL, &e) < 0) return fail(users[i].name, &e);
        if (user_set_prefs(s, users[i].name, users[i].keymap, users[i].lang, "UTF-8", &e) < 0)
            return fail(users[i].name, &e);
    }
    store_close(s);
    return 0;
}
