#include "store/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "store/store_internal.h"
#include "util/gettext.h"
#include "util/strbuf.h"

/* The hash input: every field, length-prefixed so that no two rows can be
 * re-split into the same byte string, after the previous row's hash. */
static void hash_field(crypto_generichash_state *h, const char *v)
{
    unsigned char len[4] = {0};
    size_t n = v ? strlen(v) : 0;
    len[0] = (unsigned char)(n >> 24), len[1] = (unsigned char)(n >> 16);
    len[2] = (unsigned char)(n >> 8), len[3] = (unsigned char)n;
    unsigned char present = v != NULL;
    crypto_generichash_update(h, &present, 1);
    crypto_generichash_update(h, len, 4);
    if (n) crypto_generichash_update(h, (const unsigned char *)v, n);
}

static void row_hash(const char *prev, const char *fields[], int nfields, char hex[65])
{
    crypto_generichash_state h;
    unsigned char out[32];
    crypto_generichash_init(&h, NULL, 0, sizeof out);
    hash_field(&h, prev);
    for (int i = 0; i < nfields; i++) hash_field(&h, fields[i]);
    crypto_generichash_final(&h, out, sizeof out);
    sodium_bin2hex(hex, 65, out, sizeof out);
}

static void now_iso_ms(char out[32])
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    gmtime_r(&tv.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03ldZ", (long)(tv.tv_usec / 1000));
}

int store_audit(store *s, const char *action, const char *tbl, int64_t row_id, const char *before,
                const char *after, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    if (tbl && !*tbl) tbl = NULL;
    sqlite3_stmt *st = store_stmt(s, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", e);
    if (!st) return -1;
    char prev[65] = "";
    if (sqlite3_step(st) == SQLITE_ROW) store_col_copy(st, 0, prev, sizeof prev);
    sqlite3_reset(st);

    char at[32], actor_id[24], row[24], hex[65];
    now_iso_ms(at);
    snprintf(actor_id, sizeof actor_id, "%lld", (long long)a->user_id);
    snprintf(row, sizeof row, "%lld", (long long)row_id);
    const char *fields[] = {at,     actor_id, a->name, a->session, a->remote,
                            action, tbl,      row,     before,     after};
    row_hash(prev, fields, 10, hex);

    st = store_stmt(s,
                    "INSERT INTO audit (at, actor_id, actor, session, remote, action, tbl, "
                    "row_id, before, after, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                    "?10, ?11)",
                    e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
    if (a->user_id) sqlite3_bind_int64(st, 2, a->user_id);
    sqlite3_bind_text(st, 3, a->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, a->session, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, a->remote, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, action, -1, SQLITE_TRANSIENT);
    store_bind_text_or_null(st, 7, tbl);
    if (row_id) sqlite3_bind_int64(st, 8, row_id);
    if (before) sqlite3_bind_text(st, 9, before, -1, SQLITE_TRANSIENT);
    if (after) sqlite3_bind_text(st, 10, after, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, hex, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_sql_err(s, e, _("writing the audit trail"));
}

int64_t audit_verify(store *s, wg_err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_sqlite(s),
                           "SELECT id, at, coalesce(actor_id, 0), actor, session, remote, "
                           "action, tbl, coalesce(row_id, 0), before, after, hash "
                           "FROM audit ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_sql_err(s, e, _("reading the audit trail"));
    char prev[65] = "";
    int64_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *f[10];
        for (int i = 0; i < 10; i++) f[i] = (const char *)sqlite3_column_text(st, i + 1);
        /* the hash was taken over the text form of the integers */
        char actor_id[24], row[24];
        snprintf(actor_id, sizeof actor_id, "%lld", (long long)sqlite3_column_int64(st, 2));
        snprintf(row, sizeof row, "%lld", (long long)sqlite3_column_int64(st, 8));
        f[1] = actor_id;
        f[7] = row;
        const char *fields[] = {f[0], f[1], f[2], f[3] ? f[3] : "", f[4] ? f[4] : "", f[5], f[6],
                                f[7], f[8], f[9]};
        char hex[65];
        row_hash(prev, fields, 10, hex);
        const char *stored = (const char *)sqlite3_column_text(st, 11);
        if (!stored || strcmp(stored, hex) != 0) {
            wg_err_set(e, _("audit row %lld does not match its hash: the trail was altered"),
                       (long long)sqlite3_column_int64(st, 0));
            sqlite3_finalize(st);
            return -1;
        }
        memcpy(prev, hex, sizeof prev);
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return store_sql_err(s, e, _("reading the audit trail"));
    return n;
}

void audit_row_free(struct audit_row *r)
{
    free(r->before);
    free(r->after);
    r->before = r->after = NULL;
}

int audit_list(store *s, const char *actor, const char *tbl, int64_t row_id, const char *from,
               const char *to, int64_t before_id, struct audit_row *rows, int max, wg_err *e)
{
    if (!role_may_administer(store_actor(s)->role))
        return wg_err_set(e, _("only a county administrator may read the audit log"));
    static const char *sql =
        "SELECT id, at, actor, coalesce(session, ''), coalesce(remote, ''), action, "
        "coalesce(tbl, ''), coalesce(row_id, 0), before, after FROM audit "
        "WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR tbl = ?2) "
        "AND (?3 = 0 OR row_id = ?3) AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5) "
        "AND (?6 = 0 OR id < ?6) ORDER BY id DESC LIMIT ?7";
    sqlite3_stmt *st = store_stmt(s, sql, e);
    if (!st) return -1;
    store_bind_text_or_null(st, 1, actor);
    store_bind_text_or_null(st, 2, tbl);
    sqlite3_bind_int64(st, 3, row_id);
    store_bind_text_or_null(st, 4, from);
    store_bind_text_or_null(st, 5, to);
    sqlite3_bind_int64(st, 6, before_id);
    sqlite3_bind_int(st, 7, max);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW) {
        struct audit_row *r = &rows[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        store_col_copy(st, 1, r->at, sizeof r->at);
        store_col_copy(st, 2, r->actor, sizeof r->actor);
        store_col_copy(st, 3, r->session, sizeof r->session);
        store_col_copy(st, 4, r->remote, sizeof r->remote);
        store_col_copy(st, 5, r->action, sizeof r->action);
        store_col_copy(st, 6, r->tbl, sizeof r->tbl);
        r->row_id = sqlite3_column_int64(st, 7);
        r->before = store_col_dup(st, 8);
        r->after = store_col_dup(st, 9);
    }
    sqlite3_reset(st);
    return n;
}
