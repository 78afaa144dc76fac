/* Users: passwords, failures and locks, SSH keys and their fingerprints. */
#include "store_fixture.h"

#include <sodium.h>

#include "domain/password.h"

/* Made once with ssh-keygen -t ed25519 / -t ecdsa; fingerprints from ssh-keygen -lf. */
#define ED_KEY                                                                                     \
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJQyQ9bBU5+ZXmf51megrB20PUfguYns28Dl1bax8p9p "            \
    "test@wangge"
#define ED_FP   "SHA256:hRzYdQzfzpHGyyDFK61Be4UsFVn3oC9/InhnHeLJKeQ"
#define ED_BLOB "AAAAC3NzaC1lZDI1NTE5AAAAIJQyQ9bBU5+ZXmf51megrB20PUfguYns28Dl1bax8p9p"
#define EC_BLOB                                                                                    \
    "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBErQTX5cPgcnnGE6G6SZegmnUvcesZv+kW6rNy"   \
    "aOWr61x2oAj9Lq455Np+B7YMk9xp2A5is0mOeK+ZpKb4NYaqM="
#define EC_FP "SHA256:1oiuvE6YpBxVWxsNkjTyYp18XNZnhyiWsTV3K3b3b5s"

static int setup(void **state)
{
    struct fx *f = fx_open();
    wg_err e;
    struct user_rec u;
    memset(&u, 0, sizeof u);
    snprintf(u.name, sizeof u.name, "li.si");
    snprintf(u.display_name, sizeof u.display_name, "李四");
    u.role = ROLE_LEADER;
    snprintf(u.scope, sizeof u.scope, GRID1);
    fx_ok(user_add(f->s, &u, "secret1", NULL, &e), &e);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx_close(*state);
    return 0;
}

static void test_add_and_get(void **state)
{
    struct fx *f = *state;
    wg_err e;
    struct user_rec u;
    fx_ok(user_get(f->s, "li.si", &u, &e), &e);
    assert_string_equal(u.display_name, "李四");
    assert_int_equal(u.role, ROLE_LEADER);
    assert_string_equal(u.scope, GRID1);
    assert_string_equal(u.language, "zh_CN");
    /* the hash is argon2id, never the password */
    sqlite3_stmt *st;
    sqlite3_prepare_v2(store_sqlite(f->s), "SELECT password_hash FROM user WHERE name = 'li.si'",
                       -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_non_null(strstr((const char *)sqlite3_column_text(st, 0), "$argon2id$"));
    sqlite3_finalize(st);

    memset(&u, 0, sizeof u);
    u.role = ROLE_WORKER;
    snprintf(u.scope, sizeof u.scope, GRID1);
    snprintf(u.name, sizeof u.name, "Bad Name");
    assert_int_equal(user_add(f->s, &u, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "lower-case"));
    snprintf(u.name, sizeof u.name, "li.si");
    assert_int_equal(user_add(f->s, &u, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "already"));
    snprintf(u.name, sizeof u.name, "wang");
    snprintf(u.scope, sizeof u.scope, "370923009");
    assert_int_equal(user_add(f->s, &u, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "no such division"));
    snprintf(u.scope, sizeof u.scope, GRID1);
    u.role = ROLE_HANDLER;
    assert_int_equal(user_add(f->s, &u, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "department"));
    u.role = ROLE_WORKER;
    assert_int_equal(user_add(f->s, &u, "abc", NULL, &e), -1);
    assert_non_null(strstr(e.msg, "too short"));

    /* a worker sees only themselves and may not add users */
    fx_as(f, "worker");
    struct user_rec list[8];
    assert_int_equal(user_list(f->s, list, 8, &e), 1);
    assert_string_equal(list[0].name, "worker");
    assert_int_equal(user_get(f->s, "li.si", &u, &e), -1);
    assert_int_equal(user_add(f->s, &u, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "administrator"));
    fx_as(f, "admin");
    assert_int_equal(user_list(f->s, list, 8, &e), 4);
}

static void test_password_and_locks(void **state)
{
    struct fx *f = *state;
    wg_err e;
    int failures = -1;
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_OK);
    assert_int_equal(failures, 0);
    assert_int_equal(user_auth_password(f->s, "nobody", "secret1", &failures, &e),
                     USER_AUTH_NO_USER);
    for (int i = 1; i < USER_MAX_FAILURES; i++) {
        assert_int_equal(user_auth_password(f->s, "li.si", "wrong", &failures, &e), USER_AUTH_BAD);
        assert_int_equal(failures, i);
    }
    assert_int_equal(user_auth_password(f->s, "li.si", "wrong", &failures, &e),
                     USER_AUTH_TEMP_LOCKED);
    assert_int_equal(failures, USER_MAX_FAILURES);
    /* even the right password waits out the lock; other accounts are unaffected */
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e),
                     USER_AUTH_TEMP_LOCKED);
    struct user_rec u;
    fx_ok(user_get(f->s, "li.si", &u, &e), &e);
    assert_true(u.locked_until[0] != '\0');
    fx_ok(user_set_locked(f->s, "li.si", 0, &e), &e);
    fx_ok(user_get(f->s, "li.si", &u, &e), &e);
    assert_int_equal(u.failed_attempts, 0);
    assert_string_equal(u.locked_until, "");
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_OK);

    /* an expired temporary lock no longer holds */
    sqlite3_exec(store_sqlite(f->s),
                 "UPDATE user SET failed_attempts = 5, locked_until = '2000-01-01T00:00:00Z' "
                 "WHERE name = 'li.si'",
                 NULL, NULL, NULL);
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_OK);
    fx_ok(user_get(f->s, "li.si", &u, &e), &e);
    assert_int_equal(u.failed_attempts, 0);
    assert_true(u.last_login_at[0] != '\0');

    fx_ok(user_set_locked(f->s, "li.si", 1, &e), &e);
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_LOCKED);
    fx_ok(user_set_locked(f->s, "li.si", 0, &e), &e);

    /* logins and failures are in the audit trail as the user concerned */
    sqlite3_stmt *st;
    sqlite3_prepare_v2(store_sqlite(f->s),
                       "SELECT count(*) FILTER (WHERE action = 'login'), count(*) FILTER "
                       "(WHERE action = 'login_failed'), count(*) FILTER (WHERE action = "
                       "'login' AND actor = 'li.si' AND json_extract(after, '$.method') = "
                       "'password' AND remote = 'test') FROM audit",
                       -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 3);
    assert_int_equal(sqlite3_column_int(st, 1), 8);
    assert_int_equal(sqlite3_column_int(st, 2), 3);
    sqlite3_finalize(st);
    fx_ok(user_logout(f->s, "li.si", &e), &e);

    /* a user may change their own password, not another's */
    fx_as(f, "li.si");
    fx_ok(user_set_password(f->s, "li.si", "secret2", &e), &e);
    assert_int_equal(user_set_password(f->s, "worker", "secret2", &e), -1);
    fx_ok(user_set_prefs(f->s, "li.si", "vi", "en", "GB18030", &e), &e);
    assert_int_equal(user_set_prefs(f->s, "li.si", NULL, "fr", NULL, &e), -1);
    assert_int_equal(user_auth_password(f->s, "li.si", "secret2", &failures, &e), USER_AUTH_OK);
}

static void test_rehash(void **state)
{
    struct fx *f = *state;
    wg_err e;
    char old[crypto_pwhash_STRBYTES];
    assert_int_equal(
        crypto_pwhash_str_alg(old, "secret1", 7, 1, 8192 * 1024, crypto_pwhash_ALG_ARGON2ID13), 0);
    assert_true(password_needs_rehash(old));
    sqlite3_stmt *st;
    sqlite3_prepare_v2(store_sqlite(f->s),
                       "UPDATE user SET password_hash = ?1 WHERE name = 'li.si'", -1, &st, NULL);
    sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    int failures;
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_OK);
    sqlite3_prepare_v2(store_sqlite(f->s), "SELECT password_hash FROM user WHERE name = 'li.si'",
                       -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *now = (const char *)sqlite3_column_text(st, 0);
    assert_string_not_equal(now, old);
    assert_false(password_needs_rehash(now));
    sqlite3_finalize(st);
    assert_int_equal(user_auth_password(f->s, "li.si", "secret1", &failures, &e), USER_AUTH_OK);
}

static void test_keys(void **state)
{
    struct fx *f = *state;
    wg_err e;
    fx_ok(user_key_add(f->s, "li.si", ED_KEY, &e), &e);
    fx_ok(user_key_add(f->s, "li.si",
                       "from=\"10.0.0.0/8\",command=\"echo hi there\" ecdsa-sha2-nistp256 " EC_BLOB,
                       &e),
          &e);
    char lines[4][256];
    assert_int_equal(user_key_list(f->s, "li.si", lines, 4, &e), 2);
    assert_string_equal(lines[0], "ssh-ed25519 " ED_FP " test@wangge");
    assert_non_null(strstr(lines[1], EC_FP));

    assert_int_equal(user_key_add(f->s, "worker", ED_KEY, &e), -1);
    assert_non_null(strstr(e.msg, "already registered"));
    assert_int_equal(user_key_add(f->s, "li.si", "hello world", &e), -1);
    assert_non_null(strstr(e.msg, "not an OpenSSH public key"));
    assert_int_equal(user_key_add(f->s, "li.si", "ssh-ed25519 %%%notbase64%%%", &e), -1);
    assert_non_null(strstr(e.msg, "base64"));
    assert_int_equal(user_key_add(f->s, "li.si", "ssh-rsa " ED_BLOB " mismatch", &e), -1);
    assert_non_null(strstr(e.msg, "not a ssh-rsa key"));
    assert_int_equal(user_key_add(f->s, "li.si", "ssh-ed25519", &e), -1);
    assert_int_equal(user_key_add(f->s, "nobody", ED_KEY, &e), -1);

    /* authentication by key: a probe changes nothing, the final check logs in */
    int64_t audit = fx_count(f->s, "audit");
    assert_int_equal(user_auth_key(f->s, "li.si", "ssh-ed25519", ED_BLOB, 0, &e), USER_AUTH_OK);
    assert_int_equal(fx_count(f->s, "audit"), audit);
    assert_int_equal(user_auth_key(f->s, "li.si", "ssh-ed25519", ED_BLOB, 1, &e), USER_AUTH_OK);
    assert_int_equal(fx_count(f->s, "audit"), audit + 1);
    assert_int_equal(user_auth_key(f->s, "worker", "ssh-ed25519", ED_BLOB, 0, &e), USER_AUTH_BAD);
    assert_int_equal(user_auth_key(f->s, "ghost", "ssh-ed25519", ED_BLOB, 0, &e),
                     USER_AUTH_NO_USER);
    fx_ok(user_set_locked(f->s, "li.si", 1, &e), &e);
    assert_int_equal(user_auth_key(f->s, "li.si", "ssh-ed25519", ED_BLOB, 0, &e), USER_AUTH_LOCKED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add_and_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_password_and_locks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rehash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
