/* Keymaps: key names, the compiled-in default, overriding, and errors that
 * name file and line without stopping the load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui/action.h"
#include "ui/key.h"
#include "ui/keymap.h"

static void test_key_names(void **state)
{
    (void)state;
    assert_int_equal(key_parse("q"), 'q');
    assert_int_equal(key_parse("^X"), 24);
    assert_int_equal(key_parse("^x"), 24);
    assert_int_equal(key_parse("Enter"), UI_KEY_ENTER);
    assert_int_equal(key_parse("^M"), UI_KEY_ENTER);
    assert_int_equal(key_parse("Esc"), UI_KEY_ESC);
    assert_int_equal(key_parse("Space"), ' ');
    assert_int_equal(key_parse("网"), 0x7F51);
    assert_true(key_parse("F1") & UI_KEY_FN);
    assert_true(key_parse("PgDn") & UI_KEY_FN);
    assert_int_equal(key_parse("F13"), UI_KEY_NONE);
    assert_int_equal(key_parse("Hyper"), UI_KEY_NONE);
    assert_int_equal(key_parse(""), UI_KEY_NONE);
    char buf[32];
    const char *names[] = {"q", "^X", "Enter", "Esc", "Tab", "Up", "PgUp", "F12", "Backspace"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        assert_string_equal(key_to_name(key_parse(names[i]), buf, sizeof buf), names[i]);
}

static void test_actions_table(void **state)
{
    (void)state;
    for (int a = 1; a < ACT_COUNT; a++) {
        assert_non_null(action_name((enum action)a));
        assert_int_equal(action_parse(action_name((enum action)a)), a);
        assert_true(strlen(action_help((enum action)a)) > 0);
    }
    assert_int_equal(action_parse("none"), ACT_NONE);
    assert_int_equal(action_parse("fly"), -1);
}

static void test_default_keymap(void **state)
{
    (void)state;
    struct keymap *km = keymap_new();
    assert_int_equal(keymap_lookup(km, "home", '1'), ACT_OPEN_GRIDS);
    assert_int_equal(keymap_lookup(km, "home", 'q'), ACT_QUIT); /* home overrides */
    assert_int_equal(keymap_lookup(km, "grids", 'q'), ACT_BACK);
    assert_int_equal(keymap_lookup(km, "grids", '/'), ACT_SEARCH);
    assert_int_equal(keymap_lookup(km, "grids", key_parse("Down")), ACT_DOWN);
    assert_int_equal(keymap_lookup_only(km, "edit", key_parse("Left")), ACT_CURSOR_LEFT);
    assert_int_equal(keymap_lookup_only(km, "edit", 'q'), ACT_NONE);
    /* every action that the default binds has a key that is not an F-key */
    for (int a = 1; a < ACT_COUNT; a++) {
        int any = 0, plain = 0;
        const char *sections[] = {"generic", "home", "edit", "dialog"};
        for (size_t s = 0; s < 4; s++) {
            struct keymap_entry e[256];
            int n = keymap_list(km, sections[s], e, 256);
            for (int i = 0; i < n && i < 256; i++)
                if (e[i].action == (enum action)a) {
                    any = 1;
                    if (!(e[i].key & UI_KEY_FN) || e[i].key == UI_KEY_BACKSPACE) plain = 1;
                }
        }
        if (any && !plain) fail_msg("action %s only has function keys", action_name(a));
    }
    char keys[64];
    keymap_keys_for(km, "grids", ACT_BACK, keys, sizeof keys);
    assert_non_null(strstr(keys, "q"));
    assert_non_null(strstr(keys, "Esc"));
    keymap_free(km);
}

struct errs {
    int n;
    char msg[4][200];
};

static void collect(void *ctx, const char *msg)
{
    struct errs *e = ctx;
    if (e->n < 4) snprintf(e->msg[e->n], sizeof e->msg[0], "%s", msg);
    e->n++;
}

static void test_errors_go_on(void **state)
{
    (void)state;
    struct keymap *km = keymap_new();
    struct errs e = {0};
    const char *text = "# mine\n"
                       "bind grids x add\n"
                       "bind grids ^Y fly\n"
                       "bnd grids y add\n"
                       "bind grids Hyper add\n"
                       "bind grids z\n"
                       "bind generic q none\n";
    int n = keymap_load_text(km, "my.keys", text, collect, &e);
    assert_int_equal(n, 4);
    assert_string_equal(e.msg[0], "my.keys:3: unknown action 'fly'");
    assert_string_equal(e.msg[1], "my.keys:4: unknown statement 'bnd' (expected 'bind')");
    assert_string_equal(e.msg[2], "my.keys:5: unknown key 'Hyper'");
    assert_string_equal(e.msg[3], "my.keys:6: expected 'bind <screen> <key> <action>'");
    /* the good lines were applied, before and after the bad ones */
    assert_int_equal(keymap_lookup(km, "grids", 'x'), ACT_ADD);
    assert_int_equal(keymap_lookup(km, "grids", 'q'), ACT_NONE);
    keymap_free(km);
}

static void test_vi_overlay_and_file(void **state)
{
    (void)state;
    struct keymap *km = keymap_new();
    assert_true(keymap_builtin_exists("vi"));
    assert_false(keymap_builtin_exists("emacs"));
    assert_int_equal(keymap_load_builtin(km, "vi", NULL, NULL), 0);
    assert_int_equal(keymap_lookup(km, "grids", 'j'), ACT_DOWN);
    assert_int_equal(keymap_lookup(km, "grids", key_parse("Down")), ACT_DOWN); /* kept */
    struct errs e = {0};
    assert_int_equal(keymap_load_file(km, "/nonexistent/x.keys", collect, &e), 1);
    assert_int_equal(e.n, 1);
    assert_non_null(strstr(e.msg[0], "/nonexistent/x.keys:0: cannot read"));
    keymap_free(km);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_names),           cmocka_unit_test(test_actions_table),
        cmocka_unit_test(test_default_keymap),      cmocka_unit_test(test_errors_go_on),
        cmocka_unit_test(test_vi_overlay_and_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
