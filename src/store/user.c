#include "store/user.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/password.h"
#include "domain/phone.h"
#include "store/change.h"
#include "store/store_internal.h"
#include "util/gettext.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define USER_COLS                                                                                  \
    "u.id, u.name, u.display_name, u.role, u.scope_code, coalesce(u.department_id, 0), "           \
    "coalesce(d.name, ''), coalesce(u.phone, ''), u.locked, u.failed_attempts, "                   \
    "coalesce(u.locked_until, ''), coalesce(u.last_login_at, ''), u.keymap, u.language, "          \
    "u.encoding "

#define USER_SNAP                                                                                  \
    "SELECT json_object('name', name, 'display_name', display_name, 'role', role, "                \
    "'scope', scope_code, 'department_id', department_id, 'phone', phone, 'locked', locked, "      \
    "'failed_attempts', failed_attempts, 'locked_until', locked_until, "                           \
    "'password', password_hash IS NOT NULL, 'keymap', keymap, 'language', language, "              \
    "'encoding', encoding) FROM user WHERE id = ?1"

static const struct change_table user_tbl = {"user", USER_SNAP, "name"};

#define NOW_ISO "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static void read_row(sqlite3_stmt *st, struct user_rec *u)
{
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, u->name, sizeof u->name);
    store_col_copy(st, 2, u->display_name, sizeof u->display_name);
    int r = role_parse((const char *)sqlite3_column_text(st, 3));
    u->role = r < 0 ? ROLE_WORKER : (enum role)r;
    store_col_copy(st, 4, u->scope, sizeof u->scope);
    u->department_id = sqlite3_column_int64(st, 5);
    store_col_copy(st, 6, u->department, sizeof u->department);
    store_col_copy(st, 7, u->phone, sizeof u->phone);
    u->locked = sqlite3_column_int(st, 8);
    u->failed_attempts = sqlite3_column_int(st, 9);
    store_col_copy(st, 10, u->locked_until, sizeof u->locked_until);
    store_col_copy(st, 11, u->last_login_at, sizeof u->last_login_at);
    store_col_copy(st, 12, u->keymap, sizeof u->keymap);
    store_col_copy(st, 13, u->language, sizeof u->language);
    store_col_copy(st, 14, u->encoding, sizeof u->encoding);
}

/* Read a user without permission checks (authentication, internal use). */
static int fetch(store *s, const char *name, struct user_rec *out, wg_err *e)
{
    static const char *sql = "SELECT " USER_COLS "FROM user u LEFT JOIN department d "
                             "ON d.id = u.department_id WHERE u.name = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_row(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    if (rc == SQLITE_DONE) return wg_err_set(e, _("no user called '%s'"), name ? name : "");
    return store_sql_err(s, e, _("reading a user"));
}

/* Administrators see every user; the system (user_id 0) too; others themselves. */
static int may_see(store *s, const char *name)
{
    const struct store_actor *a = store_actor(s);
    return a->user_id == 0 || role_may_administer(a->role) || strcmp(a->name, name) == 0;
}

int user_get(store *s, const char *name, struct user_rec *out, wg_err *e)
{
    if (!name || !may_see(s, name))
        return wg_err_set(e, _("only a county administrator may look at other users"));
    return fetch(s, name, out, e);
}

static int valid_name(const char *n, wg_err *e)
{
    size_t len = n ? strlen(n) : 0;
    if (len < 1 || len > 32) return wg_err_set(e, _("a user name has 1 to 32 characters"));
    for (const char *p = n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
              *p == '-'))
            return wg_err_set(e,
                              _("user name '%s': use lower-case letters, digits, '.', '_' and "
                                "'-' only"),
                              n);
    return 0;
}

/* Role, scope, department and phone of u, checked against the database. */
static int check_account(store *s, const struct user_rec *u, char phone[32], const char **field,
                         wg_err *e)
{
    if (!role_name(u->role)) return wg_err_set(e, _("unknown role")), change_bad(field, "role");
    if (store_require_scope(s, u->scope, e) < 0)
        return wg_err_prefix(e, _("scope %s"), u->scope[0] ? u->scope : _("(empty)")),
               change_bad(field, "scope");
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM division WHERE code = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, u->scope, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    if (!found)
        return wg_err_set(e, _("scope %s: no such division"), u->scope), change_bad(field, "scope");
    if (u->role == ROLE_HANDLER && !u->department_id)
        return wg_err_set(e, _("a department handler needs a department")),
               change_bad(field, "department_id");
    if (u->department_id) {
        st = store_stmt(s, "SELECT 1 FROM department WHERE id = ?1", e);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, u->department_id);
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
        if (!found)
            return wg_err_set(e, _("no department %lld"), (long long)u->department_id),
                   change_bad(field, "department_id");
    }
    phone[0] = '\0';
    if (u->phone[0] && phone_parse(u->phone, phone, 32, e) < 0) return change_bad(field, "phone");
    return 0;
}

static int id_of(store *s, const char *name, int64_t *id, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT id FROM user WHERE name = ?1", e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 0;
    return wg_err_set(e, _("no user called '%s'"), name ? name : "");
}

/* Run st (an UPDATE of user ?1 prepared by the caller) and audit it. */
static int audited(store *s, int64_t id, const char *action, sqlite3_stmt *st, wg_err *e)
{
    if (store_begin(s, e) < 0) return -1;
    /* nothing changed (e.g. unlocking an unlocked user): no audit row */
    if (change_updated(s, &user_tbl, id, action, st, _("saving the user"), NULL, NULL, e) < 0 ||
        store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int user_add(store *s, const struct user_rec *u, const char *password, const char **field,
             wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("add users"), e) < 0) return -1;
    if (valid_name(u->name, e) < 0) return change_bad(field, "name");
    char phone[32];
    if (check_account(s, u, phone, field, e) < 0) return -1;
    int64_t existing;
    if (id_of(s, u->name, &existing, NULL) == 0)
        return wg_err_set(e, _("there is already a user called '%s'"), u->name),
               change_bad(field, "name");
    char hash[PASSWORD_HASH_MAX] = "";
    if (password) {
        if (strlen(password) < 4)
            return wg_err_set(e, _("the password is too short (at least 4 characters)")),
                   change_bad(field, "password");
        if (password_hash(password, hash) < 0)
            return wg_err_set(e, _("not enough memory to hash the password"));
    }
    if (store_begin(s, e) < 0) return -1;
    static const char *sql =
        "INSERT INTO user (name, display_name, role, scope_code, department_id, phone, "
        "password_hash, keymap, language, encoding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "coalesce(?8, 'default'), coalesce(?9, 'zh_CN'), coalesce(?10, 'UTF-8'))";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return change_fail(s);
    sqlite3_bind_text(st, 1, u->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, u->display_name[0] ? u->display_name : u->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, role_name(u->role), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, u->scope, -1, SQLITE_TRANSIENT);
    if (u->department_id) sqlite3_bind_int64(st, 5, u->department_id);
    store_bind_text_or_null(st, 6, phone);
    store_bind_text_or_null(st, 7, hash);
    store_bind_text_or_null(st, 8, u->keymap);
    store_bind_text_or_null(st, 9, u->language);
    store_bind_text_or_null(st, 10, u->encoding);
    int r = change_step(s, st, _("adding the user"), e);
    sodium_memzero(hash, sizeof hash);
    if (r < 0) return change_fail(s);
    return change_added(s, &user_tbl, sqlite3_last_insert_rowid(store_sqlite(s)), e);
}

int user_set_password(store *s, const char *name, const char *password, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    if (!role_may_administer(a->role) && (!name || strcmp(a->name, name) != 0))
        return wg_err_set(e, _("only a county administrator may change another user's password"));
    int64_t id;
    if (id_of(s, name, &id, e) < 0) return -1;
    if (!password || strlen(password) < 4)
        return wg_err_set(e, _("the password is too short (at least 4 characters)"));
    char hash[PASSWORD_HASH_MAX];
    if (password_hash(password, hash) < 0)
        return wg_err_set(e, _("not enough memory to hash the password"));
    if (store_begin(s, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s, "UPDATE user SET password_hash = ?2 WHERE id = ?1", e);
    if (!st) return change_fail(s);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
    int r = change_step(s, st, _("saving the password"), e);
    sodium_memzero(hash, sizeof hash);
    char after[96];
    snprintf(after, sizeof after, "{\"name\":\"%s\",\"password\":\"changed\"}", name);
    if (r < 0 || store_audit(s, "passwd", "user", id, NULL, after, e) < 0 || store_commit(s, e) < 0)
        return change_fail(s);
    return 0;
}

int user_set_locked(store *s, const char *name, int locked, wg_err *e)
{
    if (change_require_admin(s, locked ? _("lock users") : _("unlock users"), e) < 0) return -1;
    int64_t id;
    if (id_of(s, name, &id, e) < 0) return -1;
    if (locked && store_actor(s)->user_id == id)
        return wg_err_set(e, _("you cannot lock yourself out"));
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE user SET locked = ?2, failed_attempts = CASE WHEN ?2 "
                                  "THEN failed_attempts ELSE 0 END, locked_until = CASE WHEN ?2 "
                                  "THEN locked_until ELSE NULL END WHERE id = ?1",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, locked != 0);
    return audited(s, id, locked ? "lock" : "unlock", st, e);
}

int user_update(store *s, const struct user_rec *u, const char **field, wg_err *e)
{
    if (field) *field = NULL;
    if (change_require_admin(s, _("change users"), e) < 0) return -1;
    int64_t id;
    if (id_of(s, u->name, &id, e) < 0) return change_bad(field, "name");
    struct user_rec cur;
    if (fetch(s, u->name, &cur, e) < 0) return -1;
    if (store_require_scope(s, cur.scope, e) < 0) return -1;
    char phone[32];
    if (check_account(s, u, phone, field, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE user SET display_name = ?2, role = ?3, scope_code = "
                                  "?4, department_id = ?5, phone = ?6 WHERE id = ?1",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, u->display_name[0] ? u->display_name : u->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, role_name(u->role), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, u->scope, -1, SQLITE_TRANSIENT);
    if (u->department_id) sqlite3_bind_int64(st, 5, u->department_id);
    store_bind_text_or_null(st, 6, phone);
    return audited(s, id, "update", st, e);
}

int user_set_prefs(store *s, const char *name, const char *keymap, const char *language,
                   const char *encoding, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    if (!name || (strcmp(a->name, name) != 0 && !role_may_administer(a->role)))
        return wg_err_set(e, _("you may change only your own settings"));
    int64_t id;
    if (id_of(s, name, &id, e) < 0) return -1;
    if (language && *language && strcmp(language, "zh_CN") && strcmp(language, "en"))
        return wg_err_set(e, _("language must be zh_CN or en, not '%s'"), language);
    if (encoding && *encoding && strcmp(encoding, "UTF-8") && strcmp(encoding, "GB18030"))
        return wg_err_set(e, _("encoding must be UTF-8 or GB18030, not '%s'"), encoding);
    if (keymap && strlen(keymap) > 31) return wg_err_set(e, _("keymap name too long"));
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE user SET keymap = coalesce(?2, keymap), language = "
                                  "coalesce(?3, language), encoding = coalesce(?4, encoding) "
                                  "WHERE id = ?1",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    store_bind_text_or_null(st, 2, keymap);
    store_bind_text_or_null(st, 3, language);
    store_bind_text_or_null(st, 4, encoding);
    return audited(s, id, "prefs", st, e);
}

/* ---- SSH keys ------------------------------------------------------------------------ */

static const char *const key_types[] = {
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-dss",
    NULL,
};

static int known_type(const char *t, size_t n)
{
    for (const char *const *p = key_types; *p; p++)
        if (strlen(*p) == n && strncmp(*p, t, n) == 0) return 1;
    return 0;
}

struct parsed_key {
    char type[48];
    char *blob;    /* base64 as given; owned */
    char *comment; /* owned, may be NULL */
    char fingerprint[64];
};

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

/* Length of a token: up to whitespace, quoted strings kept whole (options). */
static size_t token_len(const char *p)
{
    size_t n = 0;
    int quoted = 0;
    for (; p[n] && p[n] != '\n' && p[n] != '\r'; n++) {
        if (p[n] == '\\' && quoted && p[n + 1]) {
            n++;
            continue;
        }
        if (p[n] == '"')
            quoted = !quoted;
        else if (!quoted && (p[n] == ' ' || p[n] == '\t'))
            break;
    }
    return n;
}

static int key_fingerprint(const unsigned char *bin, size_t n, char out[64])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, bin, n);
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
                                       sodium_base64_VARIANT_ORIGINAL_NO_PADDING)];
    sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    snprintf(out, 64, "SHA256:%s", b64);
    return 0;
}

/* Decode blob and check that the type inside matches; fill the fingerprint. */
static int check_blob(const char *type, const char *blob, size_t blen, char fp[64], wg_err *e)
{
    size_t max = blen / 4 * 3 + 3;
    unsigned char *bin = malloc(max ? max : 1);
    if (!bin) return wg_err_set(e, _("out of memory"));
    size_t n = 0;
    if (sodium_base642bin(bin, max, blob, blen, NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) !=
            0 ||
        n < 4) {
        free(bin);
        return wg_err_set(e, _("not an OpenSSH public key (the key data is not valid base64)"));
    }
    size_t tl = (size_t)bin[0] << 24 | (size_t)bin[1] << 16 | (size_t)bin[2] << 8 | bin[3];
    if (tl > n - 4 || tl != strlen(type) || memcmp(bin + 4, type, tl) != 0) {
        free(bin);
        return wg_err_set(e, _("not an OpenSSH public key (the key data is not a %s key)"), type);
    }
    key_fingerprint(bin, n, fp);
    free(bin);
    return 0;
}

static int parse_key(const char *line, struct parsed_key *k, wg_err *e)
{
    memset(k, 0, sizeof *k);
    const char *p = skip_ws(line ? line : "");
    size_t n = token_len(p);
    if (!n) return wg_err_set(e, _("not an OpenSSH public key (empty line)"));
    if (!known_type(p, n)) { /* options first */
        p = skip_ws(p + n);
        n = token_len(p);
        if (!known_type(p, n)) return wg_err_set(e, _("not an OpenSSH public key"));
    }
    memcpy(k->type, p, n);
    k->type[n] = '\0';
    p = skip_ws(p + n);
    n = token_len(p);
    if (!n) return wg_err_set(e, _("not an OpenSSH public key (no key data after %s)"), k->type);
    if (check_blob(k->type, p, n, k->fingerprint, e) < 0) return -1;
    k->blob = xstrndup(p, n);
    p = skip_ws(p + n);
    n = strcspn(p, "\r\n");
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
    if (n) k->comment = xstrndup(p, n);
    return 0;
}

int user_key_add(store *s, const char *name, const char *line, wg_err *e)
{
    if (change_require_admin(s, _("add SSH keys"), e) < 0) return -1;
    int64_t id;
    if (id_of(s, name, &id, e) < 0) return -1;
    struct parsed_key k;
    if (parse_key(line, &k, e) < 0) return -1;
    int r = -1;
    sqlite3_stmt *st = store_stmt(
        s,
        "SELECT u.name FROM user_key k JOIN user u ON u.id = k.user_id WHERE k.type = ?1 "
        "AND k.blob = ?2",
        e);
    if (!st) goto out;
    sqlite3_bind_text(st, 1, k.type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, k.blob, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        wg_err_set(e, _("this key (%s) is already registered for user '%s'"), k.fingerprint,
                   (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        goto out;
    }
    sqlite3_reset(st);
    if (store_begin(s, e) < 0) goto out;
    st = store_stmt(s,
                    "INSERT INTO user_key (user_id, type, blob, comment, fingerprint) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                    e);
    if (!st) {
        change_fail(s);
        goto out;
    }
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, k.type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, k.blob, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 4, k.comment);
    sqlite3_bind_text(st, 5, k.fingerprint, -1, SQLITE_TRANSIENT);
    if (change_step(s, st, _("adding the key"), e) < 0) {
        change_fail(s);
        goto out;
    }
    int64_t kid = sqlite3_last_insert_rowid(store_sqlite(s));
    strbuf b;
    strbuf_init(&b);
    strbuf_adds(&b, "{\"user\":");
    strbuf_add_json(&b, name);
    strbuf_addf(&b, ",\"type\":\"%s\",\"fingerprint\":\"%s\",\"comment\":", k.type, k.fingerprint);
    if (k.comment)
        strbuf_add_json(&b, k.comment);
    else
        strbuf_adds(&b, "null");
    strbuf_addc(&b, '}');
    if (store_audit(s, "add", "user_key", kid, NULL, b.s, e) < 0 || store_commit(s, e) < 0)
        change_fail(s);
    else
        r = 0;
    strbuf_free(&b);
out:
    free(k.blob);
    free(k.comment);
    return r;
}

int user_key_list(store *s, const char *name, char (*lines)[256], int max, wg_err *e)
{
    if (!name || !may_see(s, name))
        return wg_err_set(e, _("only a county administrator may look at other users"));
    int64_t id;
    if (id_of(s, name, &id, e) < 0) return -1;
    sqlite3_stmt *st = store_stmt(s,
                                  "SELECT type, fingerprint, coalesce(comment, '') FROM user_key "
                                  "WHERE user_id = ?1 ORDER BY id",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n < max && lines)
            snprintf(lines[n], 256, "%s %s %s", (const char *)sqlite3_column_text(st, 0),
                     (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
        n++;
    }
    sqlite3_reset(st);
    return n;
}

int user_list(store *s, struct user_rec *out, int max, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    int all = a->user_id == 0 || role_may_administer(a->role);
    static const char *sql = "SELECT " USER_COLS "FROM user u LEFT JOIN department d "
                             "ON d.id = u.department_id WHERE ?1 OR u.name = ?2 "
                             "ORDER BY u.name";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_int(st, 1, all);
    sqlite3_bind_text(st, 2, a->name, -1, SQLITE_TRANSIENT);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) read_row(st, &out[n++]);
    sqlite3_reset(st);
    return n;
}

/* ---- authentication ------------------------------------------------------------------ */

/* The name as it may appear in the audit trail and logs: what a client sends
 * is untrusted, so anything outside the user-name alphabet becomes '?'. */
static void safe_name(const char *in, char out[33])
{
    size_t i = 0;
    for (; in && in[i] && i < 32; i++) {
        char c = in[i];
        int ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        out[i] = ok ? c : '?';
    }
    out[i] = '\0';
}

/* Write an authentication audit row as the user concerned (id 0 if unknown). */
static int auth_audit(store *s, const char *action, int64_t uid, const char *name,
                      const char *method, const char *result, int failures, wg_err *e)
{
    struct store_actor saved = *store_actor(s), a = saved;
    a.user_id = uid;
    safe_name(name, a.name);
    if (!a.name[0]) snprintf(a.name, sizeof a.name, "?");
    char after[256];
    snprintf(after, sizeof after,
             "{\"user\":\"%s\",\"method\":\"%s\",\"result\":\"%s\",\"failures\":%d}", a.name,
             method, result, failures);
    store_set_actor(s, &a);
    int r = store_begin(s, e);
    if (r == 0) r = store_audit(s, action, "user", uid, NULL, after, e);
    if (r == 0)
        r = store_commit(s, e);
    else
        store_rollback(s);
    store_set_actor(s, &saved);
    return r;
}

static int temp_locked(store *s, int64_t id)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT locked_until > " NOW_ISO " FROM user WHERE id = ?1 AND locked_until IS NOT NULL",
        NULL);
    if (!st) return 0;
    sqlite3_bind_int64(st, 1, id);
    int r = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return r;
}

/* Count a failure; the temporary lock starts at USER_MAX_FAILURES. */
static int count_failure(store *s, int64_t id, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(
        s,
        "UPDATE user SET failed_attempts = failed_attempts + 1, locked_until = CASE WHEN "
        "failed_attempts + 1 >= ?2 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?3) ELSE "
        "locked_until END WHERE id = ?1 RETURNING failed_attempts",
        e);
    if (!st) return -1;
    char mins[32];
    snprintf(mins, sizeof mins, "+%d minutes", USER_TEMP_LOCK_MINUTES);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, USER_MAX_FAILURES);
    sqlite3_bind_text(st, 3, mins, -1, SQLITE_TRANSIENT);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    return n < 0 ? store_sql_err(s, e, _("counting a failed login")) : n;
}

static int record_success(store *s, int64_t id, const char *rehash, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s,
                                  "UPDATE user SET failed_attempts = 0, locked_until = NULL, "
                                  "last_login_at = " NOW_ISO
                                  ", password_hash = coalesce(?2, password_hash) WHERE id = ?1",
                                  e);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    store_bind_text_or_null(st, 2, rehash);
    return change_step(s, st, _("recording the login"), e);
}

/* A hash to verify against when the user does not exist, so that an unknown
 * name costs the same time as a wrong password. */
static const char *dummy_hash(void)
{
    static char h[PASSWORD_HASH_MAX];
    if (!h[0] && password_hash("wangge-no-such-user", h) < 0) h[0] = '\0';
    return h;
}

enum user_auth user_auth_password(store *s, const char *name, const char *password, int *failures,
                                  wg_err *e)
{
    if (failures) *failures = 0;
    struct user_rec u;
    wg_err tmp;
    if (fetch(s, name, &u, &tmp) < 0) {
        password_verify(dummy_hash(), password ? password : "");
        if (auth_audit(s, "login_failed", 0, name, "password", "no_user", 0, e) < 0)
            return USER_AUTH_ERROR;
        return USER_AUTH_NO_USER;
    }
    if (u.locked) {
        auth_audit(s, "login_failed", u.id, u.name, "password", "locked", u.failed_attempts, e);
        return USER_AUTH_LOCKED;
    }
    if (temp_locked(s, u.id)) {
        if (failures) *failures = u.failed_attempts;
        auth_audit(s, "login_failed", u.id, u.name, "password", "temp_locked", u.failed_attempts,
                   e);
        return USER_AUTH_TEMP_LOCKED;
    }
    sqlite3_stmt *st = store_stmt(s, "SELECT password_hash FROM user WHERE id = ?1", e);
    if (!st) return USER_AUTH_ERROR;
    sqlite3_bind_int64(st, 1, u.id);
    char hash[PASSWORD_HASH_MAX] = "";
    if (sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, 0, hash, sizeof hash);
    sqlite3_reset(st);
    int ok = hash[0] && password && password_verify(hash, password);
    if (!ok) {
        if (store_begin(s, e) < 0) return USER_AUTH_ERROR;
        int n = count_failure(s, u.id, e);
        if (n < 0 || store_commit(s, e) < 0) {
            store_rollback(s);
            return USER_AUTH_ERROR;
        }
        if (failures) *failures = n;
        auth_audit(s, "login_failed", u.id, u.name, "password",
                   n >= USER_MAX_FAILURES ? "bad_password_locked" : "bad_password", n, e);
        return n >= USER_MAX_FAILURES ? USER_AUTH_TEMP_LOCKED : USER_AUTH_BAD;
    }
    char fresh[PASSWORD_HASH_MAX] = "";
    if (password_needs_rehash(hash) && password_hash(password, fresh) < 0) fresh[0] = '\0';
    if (store_begin(s, e) < 0) return USER_AUTH_ERROR;
    if (record_success(s, u.id, fresh, e) < 0 || store_commit(s, e) < 0) {
        store_rollback(s);
        return USER_AUTH_ERROR;
    }
    int rehashed = fresh[0] != '\0';
    sodium_memzero(fresh, sizeof fresh);
    sodium_memzero(hash, sizeof hash);
    if (auth_audit(s, "login", u.id, u.name, "password", rehashed ? "ok_rehashed" : "ok", 0, e) < 0)
        return USER_AUTH_ERROR;
    return USER_AUTH_OK;
}

enum user_auth user_auth_key(store *s, const char *name, const char *type, const char *blob,
                             int final, wg_err *e)
{
    struct user_rec u;
    wg_err tmp;
    if (fetch(s, name, &u, &tmp) < 0) {
        if (final && auth_audit(s, "login_failed", 0, name, "publickey", "no_user", 0, e) < 0)
            return USER_AUTH_ERROR;
        return USER_AUTH_NO_USER;
    }
    sqlite3_stmt *st =
        store_stmt(s, "SELECT 1 FROM user_key WHERE user_id = ?1 AND type = ?2 AND blob = ?3", e);
    if (!st) return USER_AUTH_ERROR;
    sqlite3_bind_int64(st, 1, u.id);
    sqlite3_bind_text(st, 2, type ? type : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, blob ? blob : "", -1, SQLITE_TRANSIENT);
    int known = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    enum user_auth r = USER_AUTH_OK;
    const char *result = "ok";
    if (u.locked)
        r = USER_AUTH_LOCKED, result = "locked";
    else if (temp_locked(s, u.id))
        r = USER_AUTH_TEMP_LOCKED, result = "temp_locked";
    else if (!known)
        r = USER_AUTH_BAD, result = "unknown_key";
    if (!final) return r;
    int n = u.failed_attempts;
    if (r == USER_AUTH_BAD || r == USER_AUTH_OK) {
        if (store_begin(s, e) < 0) return USER_AUTH_ERROR;
        int rc =
            r == USER_AUTH_OK ? record_success(s, u.id, NULL, e) : (n = count_failure(s, u.id, e));
        if (rc < 0 || store_commit(s, e) < 0) {
            store_rollback(s);
            return USER_AUTH_ERROR;
        }
        if (r == USER_AUTH_OK) n = 0;
    }
    if (auth_audit(s, r == USER_AUTH_OK ? "login" : "login_failed", u.id, u.name, "publickey",
                   result, n, e) < 0)
        return USER_AUTH_ERROR;
    return r;
}

int user_logout(store *s, const char *name, wg_err *e)
{
    struct user_rec u;
    if (fetch(s, name, &u, e) < 0) return -1;
    return auth_audit(s, "logout", u.id, u.name, "session", "ok", 0, e);
}
