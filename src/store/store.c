#include "store/store.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>

#include "store/natural.h"
#include "store/store_internal.h"
#include "util/embed.h"
#include "util/gettext.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct stmt_slot {
    const char *sql;
    sqlite3_stmt *st;
};

struct store {
    sqlite3 *db;
    struct store_actor actor;
    int tx_depth;
    struct stmt_slot *slots; /* open addressing, keyed by sql's address */
    size_t nslots, used;
};

sqlite3 *store_sqlite(store *s)
{
    return s->db;
}

int store_sql_err(store *s, wg_err *e, const char *what)
{
    return wg_err_set(e, "%s: %s", what, sqlite3_errmsg(s->db));
}

static size_t slot_of(const void *p, size_t n)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 7) & (n - 1);
}

static void cache_put(store *s, const char *sql, sqlite3_stmt *st);

static void cache_grow(store *s)
{
    struct stmt_slot *old = s->slots;
    size_t oldn = s->nslots;
    s->nslots = oldn ? oldn * 2 : 64;
    s->slots = xcalloc(s->nslots, sizeof *s->slots);
    s->used = 0;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].sql) cache_put(s, old[i].sql, old[i].st);
    free(old);
}

static void cache_put(store *s, const char *sql, sqlite3_stmt *st)
{
    if ((s->used + 1) * 2 > s->nslots) cache_grow(s);
    size_t i = slot_of(sql, s->nslots);
    while (s->slots[i].sql) i = (i + 1) & (s->nslots - 1);
    s->slots[i].sql = sql;
    s->slots[i].st = st;
    s->used++;
}

sqlite3_stmt *store_stmt(store *s, const char *sql, wg_err *e)
{
    if (s->nslots) {
        size_t i = slot_of(sql, s->nslots);
        while (s->slots[i].sql) {
            if (s->slots[i].sql == sql) {
                sqlite3_stmt *st = s->slots[i].st;
                sqlite3_reset(st);
                sqlite3_clear_bindings(st);
                return st;
            }
            i = (i + 1) & (s->nslots - 1);
        }
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        store_sql_err(s, e, _("preparing a query"));
        return NULL;
    }
    cache_put(s, sql, st);
    return st;
}

void store_bind_scope(store *s, sqlite3_stmt *st, int lo)
{
    char hi[sizeof s->actor.scope + 1];
    snprintf(hi, sizeof hi, "%s:", s->actor.scope);
    sqlite3_bind_text(st, lo, s->actor.scope, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, lo + 1, hi, -1, SQLITE_TRANSIENT);
}

void store_bind_text_or_null(sqlite3_stmt *st, int idx, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, idx);
}

char *store_like_pattern(const char *text)
{
    if (!text || !*text) return NULL;
    char *p = xmalloc(strlen(text) * 2 + 3), *o = p;
    *o++ = '%';
    for (; *text; text++) {
        if (*text == '%' || *text == '_' || *text == '\\') *o++ = '\\';
        *o++ = *text;
    }
    *o++ = '%';
    *o = '\0';
    return p;
}

char *store_col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

void store_col_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!size) return;
    if (!t) t = "";
    size_t n = strlen(t);
    if (n >= size) {
        n = size - 1;
        /* step back to the start of a UTF-8 sequence */
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80) n--;
    }
    memcpy(out, t, n);
    out[n] = '\0';
}

int store_in_scope(const store *s, const char *code)
{
    size_t n = strlen(s->actor.scope);
    return n > 0 && code && strncmp(code, s->actor.scope, n) == 0;
}

int store_require_scope(store *s, const char *code, wg_err *e)
{
    if (store_in_scope(s, code)) return 0;
    return wg_err_set(e, _("outside your scope (%s)"),
                      s->actor.scope[0] ? s->actor.scope : _("none"));
}

/* ---- opening and migrations ---------------------------------------------------- */

int store_latest_version(void)
{
    int v = 0;
    for (unsigned i = 0; i < embed_migrations_count; i++) {
        int n = atoi(embed_migrations[i].name);
        if (n > v) v = n;
    }
    return v;
}

int store_schema_version(store *s)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

static int exec(store *s, const char *sql, wg_err *e)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        wg_err_set(e, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_migrate(store *s, int upto, wg_err *e)
{
    int have = store_schema_version(s), latest = store_latest_version();
    if (have < 0) return store_sql_err(s, e, _("reading the schema version"));
    if (have > latest)
        return wg_err_set(e,
                          _("the database has schema version %d, newer than this wangge knows "
                            "(%d); use the wangge that wrote it, or a newer one"),
                          have, latest);
    if (upto <= 0 || upto > latest) upto = latest;
    for (unsigned i = 0; i < embed_migrations_count; i++) {
        const struct embed_file *m = &embed_migrations[i];
        int v = atoi(m->name);
        if (v <= have || v > upto) continue;
        if (exec(s, "BEGIN IMMEDIATE", e) < 0) return wg_err_prefix(e, _("migration %s"), m->name);
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
        if (exec(s, (const char *)m->data, e) < 0 || exec(s, pragma, e) < 0) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return wg_err_prefix(e, _("migration %s"), m->name);
        }
        if (exec(s, "COMMIT", e) < 0) return wg_err_prefix(e, _("migration %s"), m->name);
        have = v;
    }
    return 0;
}

store *store_open(const char *path, unsigned flags, wg_err *e)
{
    if (sodium_init() < 0) {
        wg_err_set(e, _("libsodium failed to initialise"));
        return NULL;
    }
    store *s = xcalloc(1, sizeof *s);
    int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (flags & STORE_CREATE) oflags |= SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
        wg_err_set(e, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : _("cannot open"));
        store_close(s);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    /* before migrations: a schema or query may name the collation */
    if (natural_register(s->db) != SQLITE_OK) {
        wg_err_set(e, _("%s: cannot register the NATSORT collation"), path);
        store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    const char *pragmas = (flags & STORE_BULK)
                              ? "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
                                "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                                "PRAGMA temp_store=MEMORY; PRAGMA threads=2;"
                              : "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
                                "PRAGMA synchronous=FULL; PRAGMA cache_size=-8192;";
    wg_err tmp;
    if (exec(s, pragmas, &tmp) < 0) {
        /* "file is not a database" lands here: say which file */
        wg_err_set(e, "%s: %s", path, tmp.msg);
        store_close(s);
        return NULL;
    }
    if (!(flags & STORE_NO_MIGRATE) && store_migrate(s, 0, e) < 0) {
        wg_err_prefix(e, "%s", path);
        store_close(s);
        return NULL;
    }
    s->actor.role = ROLE_WORKER;
    snprintf(s->actor.name, sizeof s->actor.name, "nobody");
    return s;
}

void store_close(store *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->nslots; i++)
        if (s->slots[i].sql) sqlite3_finalize(s->slots[i].st);
    free(s->slots);
    if (s->db) {
        if (s->tx_depth) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(s->db);
    }
    free(s);
}

/* ---- actors ------------------------------------------------------------------------ */

void store_set_actor(store *s, const struct store_actor *a)
{
    s->actor = *a;
}

const struct store_actor *store_actor(const store *s)
{
    return &s->actor;
}

int store_county_code(store *s, char out[19])
{
    sqlite3_stmt *st = store_stmt(s, "SELECT code FROM division WHERE level = 'county'", NULL);
    out[0] = '\0';
    if (st && sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, 0, out, 19);
    if (st) sqlite3_reset(st);
    return out[0] ? 0 : -1;
}

int store_act_as_system(store *s, const char *remote, wg_err *e)
{
    struct store_actor a = {0};
    a.role = ROLE_ADMIN;
    snprintf(a.name, sizeof a.name, "system");
    snprintf(a.remote, sizeof a.remote, "%s", remote ? remote : "local");
    if (store_county_code(s, a.scope) < 0) {
        /* An empty database: the system may create the county itself. An empty
         * scope would match nothing, so use the widest prefix, a single digit
         * range, by leaving scope empty and relying on callers (init) only. */
        a.scope[0] = '\0';
    }
    s->actor = a;
    (void)e;
    return 0;
}

int store_act_as_user(store *s, const char *name, const char *session, const char *remote,
                      wg_err *e)
{
    static const char *sql = "SELECT id, name, role, scope_code, coalesce(department_id, 0) "
                             "FROM user WHERE name = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return wg_err_set(e, _("no user called '%s'"), name);
    }
    struct store_actor a = {0};
    a.user_id = sqlite3_column_int64(st, 0);
    store_col_copy(st, 1, a.name, sizeof a.name);
    int r = role_parse((const char *)sqlite3_column_text(st, 2));
    a.role = r < 0 ? ROLE_WORKER : (enum role)r;
    store_col_copy(st, 3, a.scope, sizeof a.scope);
    a.department_id = sqlite3_column_int64(st, 4);
    sqlite3_reset(st);
    snprintf(a.session, sizeof a.session, "%s", session ? session : "");
    snprintf(a.remote, sizeof a.remote, "%s", remote ? remote : "local");
    s->actor = a;
    return 0;
}

/* ---- transactions ------------------------------------------------------------------ */

int store_begin(store *s, wg_err *e)
{
    if (s->tx_depth++ > 0) return 0;
    if (exec(s, "BEGIN IMMEDIATE", e) < 0) {
        s->tx_depth = 0;
        return wg_err_prefix(e, _("starting a transaction"));
    }
    return 0;
}

int store_commit(store *s, wg_err *e)
{
    if (s->tx_depth <= 0) return wg_err_set(e, _("commit without a transaction"));
    if (--s->tx_depth > 0) return 0;
    if (exec(s, "COMMIT", e) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return wg_err_prefix(e, _("saving"));
    }
    return 0;
}

void store_rollback(store *s)
{
    if (s->tx_depth <= 0) return;
    s->tx_depth = 0;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- meta ----------------------------------------------------------------------------- */

char *store_meta_get(store *s, const char *key)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT value FROM meta WHERE key = ?1", NULL);
    if (!st) return NULL;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    char *v = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    sqlite3_reset(st);
    return v;
}

int store_meta_set(store *s, const char *key, const char *value, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s,
                                  "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_sql_err(s, e, _("saving a setting"));
}
