#include "store/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/idnum.h"
#include "domain/phone.h"
#include "store/store_internal.h"
#include "util/gettext.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* search_key kinds (db/migrations/0003_search.sql). */
enum {
    KEY_NAME = 1,
    KEY_NAME_TAIL = 2,
    KEY_PINYIN = 3,
    KEY_INITIALS = 4,
    KEY_ID_REV = 5,
    KEY_PHONE_REV = 6,
    KEY_PINYIN_OTHER = 7, /* a polyphonic name's less likely spellings */
    KEY_INITIALS_OTHER = 8
};

/* What the query looks like, after normalising. */
enum qclass {
    Q_HAN,     /* Chinese characters (and the middle dot of minority names) */
    Q_LETTERS, /* ASCII letters: pinyin */
    Q_DIGITS,  /* digits, an ID's final X, a landline's '-' */
    Q_OTHER,   /* anything else with something searchable: an address fragment */
};

struct cand {
    int64_t rid;
    enum search_why why;
    int st; /* 0 resident, 1 moved out or deceased */
    char term[64];
};

struct run {
    store *s;
    int limit;
    struct cand *c;
    int n;
    /* scope as index ranges: the towns, and the sub (village+grid) bounds */
    int64_t *towns;
    int ntowns;
    int64_t sub_lo, sub_hi;
    int narrow; /* village or smaller: scanning the scope beats a county index */
    wg_err *e;
};

/* Msgids: the screens show _(search_why_text(why)), the CLI the English. */
static const char *const why_text[SEARCH_WHY_COUNT] = {
    [SEARCH_ID_EXACT] = N_("ID number"),
    [SEARCH_PHONE_EXACT] = N_("phone number"),
    [SEARCH_NAME_EXACT] = N_("name"),
    [SEARCH_NAME_PREFIX] = N_("start of name"),
    [SEARCH_PINYIN_EXACT] = N_("pinyin"),
    [SEARCH_INITIALS_EXACT] = N_("pinyin initials"),
    [SEARCH_PINYIN_PREFIX] = N_("start of pinyin"),
    [SEARCH_INITIALS_PREFIX] = N_("start of pinyin initials"),
    [SEARCH_NAME_INFIX] = N_("part of name"),
    [SEARCH_ID_SUFFIX] = N_("end of ID number"),
    [SEARCH_PHONE_SUFFIX] = N_("end of phone number"),
    [SEARCH_ID_PREFIX] = N_("start of ID number"),
    [SEARCH_PHONE_PREFIX] = N_("start of phone number"),
    [SEARCH_ADDRESS] = N_("address"),
};

const char *search_why_text(enum search_why why)
{
    return (unsigned)why < SEARCH_WHY_COUNT ? why_text[why] : "?";
}

/* ---- the query ------------------------------------------------------------------- */

static int is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

static int is_dot(uint32_t cp)
{
    return cp == 0xB7 || cp == 0x2022 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65;
}

/* Normalise into out: full-width ASCII (what a Chinese input method types)
 * becomes ASCII, white space goes, letters are lower-cased, every middle dot
 * becomes U+00B7 as names store it. Then classify. */
static int normalise(const char *in, char *out, size_t size, enum qclass *cls, wg_err *e)
{
    size_t len = strlen(in), o = 0;
    if (len > SEARCH_MAX_QUERY)
        return wg_err_set(e, _("the search text is too long (at most %d bytes)"), SEARCH_MAX_QUERY);
    if (!utf8_valid(in, len)) return wg_err_set(e, _("the search text is not valid UTF-8"));
    int han = 0, letters = 0, digits = 0, other = 0, dash = 0, searchable = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = utf8_decode(in + i, len - i, &cp);
        i += (size_t)n;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000) continue;
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        if (is_dot(cp)) cp = 0xB7;
        if (cp >= 'a' && cp <= 'z')
            letters++, searchable++;
        else if (cp >= '0' && cp <= '9')
            digits++, searchable++;
        else if (is_han(cp))
            han++, searchable++;
        else if (cp == 0xB7)
            han++;
        else if (cp == '-')
            dash++;
        else if (cp < 0x20 || cp == 0x7F)
            continue; /* control characters: never typed */
        else {
            other++;
            if (cp > 0x7F) searchable++; /* full-width punctuation in addresses: （）号 */
        }
        char buf[4];
        int m = utf8_encode(cp, buf);
        if (o + (size_t)m >= size) break;
        memcpy(out + o, buf, (size_t)m);
        o += (size_t)m;
    }
    out[o] = '\0';
    if (!o)
        return wg_err_set(e, _("type a name, pinyin, the last digits of an ID or phone number, "
                               "or part of an address"));
    if (!searchable)
        return wg_err_set(e,
                          _("nothing to search for in '%s': type a name, pinyin, digits of an "
                            "ID or phone number, or part of an address"),
                          out);
    /* "123x": an ID's check character, typed in lower case */
    int id_tail = letters == 1 && out[o - 1] == 'x' && digits > 0 && !han && !other && !dash;
    if (han && !letters && !digits && !other && !dash)
        *cls = Q_HAN;
    else if (letters && !han && !digits && !other && !dash)
        *cls = Q_LETTERS;
    else if ((digits && !letters && !han && !other) || id_tail)
        *cls = Q_DIGITS;
    else
        *cls = Q_OTHER;
    if (*cls == Q_DIGITS && digits + (id_tail ? 1 : 0) < 4)
        return wg_err_set(e, _("type at least 4 digits of an ID or phone number"));
    return 0;
}

/* ---- scope ------------------------------------------------------------------------ */

static int64_t digits_at(const char *s, size_t from, size_t n)
{
    int64_t v = 0;
    for (size_t i = from; i < from + n && s[i]; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* The actor's scope as towns and a village/grid range, the shape of the index. */
static int scope_ranges(struct run *r)
{
    const char *scope = store_actor(r->s)->scope;
    size_t n = strlen(scope);
    r->sub_lo = 0;
    r->sub_hi = 999999;
    r->narrow = n >= 12;
    if (n >= 9) {
        r->towns = xmalloc(sizeof *r->towns);
        r->towns[0] = digits_at(scope, 0, 9);
        r->ntowns = 1;
        if (n >= 15) {
            r->sub_lo = r->sub_hi = digits_at(scope, 9, 6);
        } else if (n >= 12) {
            r->sub_lo = digits_at(scope, 9, 3) * 1000;
            r->sub_hi = r->sub_lo + 999;
        }
        return 0;
    }
    if (n == 0) return 0; /* sees nothing */
    static const char *sql = "SELECT code FROM division WHERE parent_code = ?1 AND level = 'town' "
                             "ORDER BY code";
    sqlite3_stmt *st = store_stmt(r->s, sql, r->e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, scope, -1, SQLITE_TRANSIENT);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->ntowns == cap) {
            cap = cap ? cap * 2 : 32;
            r->towns = xrealloc(r->towns, (size_t)cap * sizeof *r->towns);
        }
        r->towns[r->ntowns++] = digits_at((const char *)sqlite3_column_text(st, 0), 0, 9);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_sql_err(r->s, r->e, _("listing towns"));
}

/* ---- candidates ----------------------------------------------------------------- */

static int full(const struct run *r)
{
    return r->n >= r->limit;
}

static int have(const struct run *r, int64_t rid)
{
    for (int i = 0; i < r->n; i++)
        if (r->c[i].rid == rid) return 1;
    return 0;
}

static void add(struct run *r, int64_t rid, enum search_why why, int st, const char *term)
{
    if (full(r) || have(r, rid)) return;
    struct cand *c = &r->c[r->n++];
    c->rid = rid;
    c->why = why;
    c->st = st;
    snprintf(c->term, sizeof c->term, "%s", term ? term : "");
}

static int cand_cmp(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    int t = strcmp(x->term, y->term);
    if (t) return t;
    return (x->rid > y->rid) - (x->rid < y->rid);
}

/* ---- strategies over search_key ---------------------------------------------------- */

static const char *sql_key =
    "SELECT term, rid FROM search_key WHERE town = ?1 AND st = ?2 AND kind = ?3 "
    "AND term >= ?4 AND term < ?5 AND sub BETWEEN ?6 AND ?7 ORDER BY term, sub, rid LIMIT ?8";

/* Terms in [lo, hi) of one kind: per status (residents first), the best
 * `limit` of every town in scope, merged in term order. Each town is one short
 * index range that stops at `limit` rows, so a common surname costs no more
 * than a rare one, and a grid worker's search stays inside the grid's town. */
static int key_range(struct run *r, int kind, const char *lo, const char *hi, enum search_why why)
{
    if (full(r) || !r->ntowns) return 0;
    sqlite3_stmt *st = store_stmt(r->s, sql_key, r->e);
    if (!st) return -1;
    size_t cap = (size_t)r->ntowns * (size_t)r->limit;
    struct cand *got = xmalloc(cap * sizeof *got);
    for (int status = 0; status <= 1 && !full(r); status++) {
        size_t n = 0;
        for (int t = 0; t < r->ntowns; t++) {
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, r->towns[t]);
            sqlite3_bind_int(st, 2, status);
            sqlite3_bind_int(st, 3, kind);
            sqlite3_bind_text(st, 4, lo, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, hi, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 6, r->sub_lo);
            sqlite3_bind_int64(st, 7, r->sub_hi);
            sqlite3_bind_int(st, 8, r->limit);
            int rc;
            while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < cap) {
                store_col_copy(st, 0, got[n].term, sizeof got[n].term);
                got[n].rid = sqlite3_column_int64(st, 1);
                got[n].why = why;
                got[n].st = status;
                n++;
            }
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                sqlite3_reset(st);
                free(got);
                return store_sql_err(r->s, r->e, _("searching"));
            }
        }
        qsort(got, n, sizeof *got, cand_cmp);
        for (size_t i = 0; i < n && !full(r); i++) add(r, got[i].rid, why, status, got[i].term);
    }
    sqlite3_reset(st);
    free(got);
    return 0;
}

/* Bounds for "equal to q" and "starts with q (but is not q)". No stored text
 * holds a byte below 0x20 or the byte 0xFF (not UTF-8), so these are exact. */
static void bounds_exact(const char *q, char *lo, char *hi, size_t size)
{
    snprintf(lo, size, "%s", q);
    snprintf(hi, size, "%s\x01", q);
}

static void bounds_prefix(const char *q, int with_q, char *lo, char *hi, size_t size)
{
    snprintf(lo, size, "%s%s", q, with_q ? "" : "\x01");
    snprintf(hi, size, "%s\xff", q);
}

/* ---- strategies over resident columns (IDs, phones) ------------------------------- */

/* The scope test is written +division_code so that SQLite ranges over the ID
 * or phone index (a few matches) rather than over the scope (maybe the county). */
static const char *sql_idnum =
    "SELECT id, status <> 'resident' FROM resident WHERE id_number >= ?1 AND id_number < ?2 "
    "AND +division_code >= ?3 AND +division_code < ?4 "
    "ORDER BY status <> 'resident', id_number, id LIMIT ?5";
static const char *sql_phone =
    "SELECT id, status <> 'resident' FROM resident WHERE phone >= ?1 AND phone < ?2 "
    "AND +division_code >= ?3 AND +division_code < ?4 "
    "ORDER BY status <> 'resident', phone, id LIMIT ?5";

static int column_range(struct run *r, const char *sql, const char *lo, const char *hi,
                        enum search_why why)
{
    if (full(r)) return 0;
    sqlite3_stmt *st = store_stmt(r->s, sql, r->e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    store_bind_scope(r->s, st, 3);
    sqlite3_bind_int(st, 5, r->limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        add(r, sqlite3_column_int64(st, 0), why, sqlite3_column_int(st, 1), NULL);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_sql_err(r->s, r->e, _("searching"));
}

static void reverse(const char *in, char *out, size_t size)
{
    size_t n = strlen(in);
    if (n >= size) n = size - 1;
    for (size_t i = 0; i < n; i++) out[i] = in[n - 1 - i];
    out[n] = '\0';
}

static int search_digits(struct run *r, const char *q)
{
    char id[24], rev[SEARCH_MAX_QUERY + 2], lo[SEARCH_MAX_QUERY + 4], hi[SEARCH_MAX_QUERY + 4];
    size_t n = strlen(q);
    int dash = strchr(q, '-') != NULL, xtail = q[n - 1] == 'x';
    snprintf(id, sizeof id, "%s", q);
    if (xtail) id[n - 1] = 'X';

    if (!dash && (n == 18 || (n == 15 && !xtail))) {
        char id18[19];
        if (n == 15 ? idnum_from15(q, id18) == 0 : (snprintf(id18, sizeof id18, "%s", id), 1)) {
            bounds_exact(id18, lo, hi, sizeof lo);
            if (column_range(r, sql_idnum, lo, hi, SEARCH_ID_EXACT) < 0) return -1;
        }
    }
    if (!xtail) {
        char ph[40];
        wg_err ignore;
        if (phone_parse(q, ph, sizeof ph, &ignore) >= 0) {
            bounds_exact(ph, lo, hi, sizeof lo);
            if (column_range(r, sql_phone, lo, hi, SEARCH_PHONE_EXACT) < 0) return -1;
        }
    }
    if (!dash && n < 18) {
        reverse(id, rev, sizeof rev);
        bounds_prefix(rev, 1, lo, hi, sizeof lo);
        if (key_range(r, KEY_ID_REV, lo, hi, SEARCH_ID_SUFFIX) < 0) return -1;
    }
    if (!xtail) {
        reverse(q, rev, sizeof rev);
        bounds_prefix(rev, 1, lo, hi, sizeof lo);
        if (key_range(r, KEY_PHONE_REV, lo, hi, SEARCH_PHONE_SUFFIX) < 0) return -1;
    }
    /* Prefixes only when long enough to be selective: the first 6 digits of
     * an ID are the county's own code, shared by everyone. */
    if (!dash && n >= 14 && n < 18) {
        bounds_prefix(id, 0, lo, hi, sizeof lo);
        if (column_range(r, sql_idnum, lo, hi, SEARCH_ID_PREFIX) < 0) return -1;
    }
    if (!xtail && n >= 7 && n < 11) {
        bounds_prefix(q, 0, lo, hi, sizeof lo);
        if (column_range(r, sql_phone, lo, hi, SEARCH_PHONE_PREFIX) < 0) return -1;
    }
    return 0;
}

/* ---- addresses ------------------------------------------------------------------------ */

/* Within a village or grid the households are few: look at each address. */
static const char *sql_addr_scan =
    "SELECT r.id, r.status <> 'resident', h.address FROM household h "
    "JOIN resident r ON r.household_id = h.id "
    "WHERE h.division_code >= ?1 AND h.division_code < ?2 AND instr(h.address, ?3) > 0 "
    "ORDER BY r.status <> 'resident', h.address, r.id LIMIT ?4";
/* Wider: the trigram index finds the households, the scope filters them. */
static const char *sql_addr_fts =
    "SELECT r.id, r.status <> 'resident', h.address FROM household_fts f "
    "JOIN household h ON h.id = f.rowid JOIN resident r ON r.household_id = h.id "
    "WHERE household_fts MATCH ?1 AND h.division_code >= ?2 AND h.division_code < ?3 "
    "AND (r.status <> 'resident') = ?4 LIMIT ?5";

static int search_address(struct run *r, const char *q)
{
    if (full(r)) return 0;
    int rc;
    sqlite3_stmt *st;
    if (r->narrow) {
        if (!(st = store_stmt(r->s, sql_addr_scan, r->e))) return -1;
        store_bind_scope(r->s, st, 1);
        sqlite3_bind_text(st, 3, q, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, r->limit);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            add(r, sqlite3_column_int64(st, 0), SEARCH_ADDRESS, sqlite3_column_int(st, 1),
                (const char *)sqlite3_column_text(st, 2));
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? 0 : store_sql_err(r->s, r->e, _("searching addresses"));
    }
    /* Trigrams: fragments of one or two characters have none. Over a town or
     * the county they would mean reading every address, so they are left to
     * the name strategies there. */
    if (utf8_count(q) < 3) return 0;
    strbuf phrase;
    strbuf_init(&phrase);
    strbuf_addc(&phrase, '"');
    for (const char *p = q; *p; p++) {
        if (*p == '"') strbuf_addc(&phrase, '"');
        strbuf_addc(&phrase, *p);
    }
    strbuf_addc(&phrase, '"');
    if (!(st = store_stmt(r->s, sql_addr_fts, r->e))) {
        strbuf_free(&phrase);
        return -1;
    }
    rc = SQLITE_DONE;
    for (int status = 0; status <= 1 && !full(r) && rc == SQLITE_DONE; status++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, phrase.s, -1, SQLITE_STATIC);
        store_bind_scope(r->s, st, 2);
        sqlite3_bind_int(st, 4, status);
        sqlite3_bind_int(st, 5, r->limit);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            add(r, sqlite3_column_int64(st, 0), SEARCH_ADDRESS, status,
                (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_reset(st);
    strbuf_free(&phrase);
    return rc == SQLITE_DONE ? 0 : store_sql_err(r->s, r->e, _("searching addresses"));
}

/* ---- the engine ---------------------------------------------------------------------- */

static int search_han(struct run *r, const char *q)
{
    char lo[SEARCH_MAX_QUERY + 4], hi[SEARCH_MAX_QUERY + 4];
    bounds_exact(q, lo, hi, sizeof lo);
    if (key_range(r, KEY_NAME, lo, hi, SEARCH_NAME_EXACT) < 0) return -1;
    bounds_prefix(q, 0, lo, hi, sizeof lo);
    if (key_range(r, KEY_NAME, lo, hi, SEARCH_NAME_PREFIX) < 0) return -1;
    bounds_prefix(q, 1, lo, hi, sizeof lo);
    if (key_range(r, KEY_NAME_TAIL, lo, hi, SEARCH_NAME_INFIX) < 0) return -1;
    return search_address(r, q);
}

/* Each tier asks the likeliest spellings first, then the other readings. */
static int search_letters(struct run *r, const char *q)
{
    char lo[SEARCH_MAX_QUERY + 4], hi[SEARCH_MAX_QUERY + 4];
    bounds_exact(q, lo, hi, sizeof lo);
    if (key_range(r, KEY_PINYIN, lo, hi, SEARCH_PINYIN_EXACT) < 0 ||
        key_range(r, KEY_PINYIN_OTHER, lo, hi, SEARCH_PINYIN_EXACT) < 0 ||
        key_range(r, KEY_INITIALS, lo, hi, SEARCH_INITIALS_EXACT) < 0 ||
        key_range(r, KEY_INITIALS_OTHER, lo, hi, SEARCH_INITIALS_EXACT) < 0)
        return -1;
    bounds_prefix(q, 0, lo, hi, sizeof lo);
    if (key_range(r, KEY_PINYIN, lo, hi, SEARCH_PINYIN_PREFIX) < 0 ||
        key_range(r, KEY_PINYIN_OTHER, lo, hi, SEARCH_PINYIN_PREFIX) < 0 ||
        key_range(r, KEY_INITIALS, lo, hi, SEARCH_INITIALS_PREFIX) < 0 ||
        key_range(r, KEY_INITIALS_OTHER, lo, hi, SEARCH_INITIALS_PREFIX) < 0)
        return -1;
    return 0;
}

static const char *sql_hit = "SELECT r.household_id, r.name, r.sex, coalesce(r.birth_date, ''), "
                             "coalesce(r.id_number, ''), coalesce(r.phone, ''), h.address, "
                             "substr(r.division_code, 1, 15), coalesce(d.name, ''), r.status "
                             "FROM resident r JOIN household h ON h.id = r.household_id "
                             "LEFT JOIN division d ON d.code = substr(r.division_code, 1, 15) "
                             "WHERE r.id = ?1 AND r.division_code >= ?2 AND r.division_code < ?3";

/* The candidates' rows, masked. The scope is checked once more on the row
 * itself: the index narrows, the resident's own code decides. */
static int fill_hits(struct run *r, struct search_hit *hits)
{
    sqlite3_stmt *st = store_stmt(r->s, sql_hit, r->e);
    if (!st) return -1;
    int n = 0;
    for (int i = 0; i < r->n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->c[i].rid);
        store_bind_scope(r->s, st, 2);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) continue;
        if (rc != SQLITE_ROW) {
            sqlite3_reset(st);
            return store_sql_err(r->s, r->e, _("reading a search result"));
        }
        struct search_hit *h = &hits[n++];
        memset(h, 0, sizeof *h);
        h->resident_id = r->c[i].rid;
        h->household_id = sqlite3_column_int64(st, 0);
        store_col_copy(st, 1, h->name, sizeof h->name);
        const char *sex = (const char *)sqlite3_column_text(st, 2);
        h->sex = sex && *sex ? *sex : '?';
        store_col_copy(st, 3, h->birth, sizeof h->birth);
        const char *idn = (const char *)sqlite3_column_text(st, 4);
        if (idn && *idn) idnum_mask(idn, h->id_masked);
        const char *ph = (const char *)sqlite3_column_text(st, 5);
        if (ph && *ph) phone_mask(ph, h->phone_masked, sizeof h->phone_masked);
        store_col_copy(st, 6, h->address, sizeof h->address);
        store_col_copy(st, 7, h->grid_code, sizeof h->grid_code);
        store_col_copy(st, 8, h->grid_name, sizeof h->grid_name);
        store_col_copy(st, 9, h->status, sizeof h->status);
        h->why = r->c[i].why;
        /* what matched, never a full number: IDs and phones show masked */
        switch (h->why) {
        case SEARCH_ID_EXACT:
        case SEARCH_ID_SUFFIX:
        case SEARCH_ID_PREFIX:
            snprintf(h->matched, sizeof h->matched, "%s", h->id_masked);
            break;
        case SEARCH_PHONE_EXACT:
        case SEARCH_PHONE_SUFFIX:
        case SEARCH_PHONE_PREFIX:
            snprintf(h->matched, sizeof h->matched, "%s", h->phone_masked);
            break;
        default:
            snprintf(h->matched, sizeof h->matched, "%s", r->c[i].term);
        }
        /* candidates were gathered best first; the score states that order */
        h->score = (SEARCH_WHY_COUNT - (int)h->why) * 1000 + (SEARCH_MAX_HITS - i);
    }
    sqlite3_reset(st);
    return n;
}

int search_residents(store *s, const char *query, int limit, struct search_hit *hits, wg_err *e)
{
    if (!query) query = "";
    char q[SEARCH_MAX_QUERY * 2 + 8];
    enum qclass cls;
    if (normalise(query, q, sizeof q, &cls, e) < 0) return SEARCH_REFUSED;
    if (limit <= 0) limit = 20;
    if (limit > SEARCH_MAX_HITS) limit = SEARCH_MAX_HITS;

    struct run r = {.s = s, .limit = limit, .e = e};
    r.c = xcalloc((size_t)limit, sizeof *r.c);
    int rc = scope_ranges(&r);
    if (rc == 0 && store_actor(s)->scope[0]) {
        switch (cls) {
        case Q_HAN:
            rc = search_han(&r, q);
            break;
        case Q_LETTERS:
            rc = search_letters(&r, q);
            break;
        case Q_DIGITS:
            rc = search_digits(&r, q);
            break;
        case Q_OTHER:
            rc = search_address(&r, q);
            break;
        }
    }
    if (rc == 0) rc = fill_hits(&r, hits);
    free(r.c);
    free(r.towns);
    return rc < 0 ? SEARCH_FAILED : rc;
}

/* ---- bulk loads -------------------------------------------------------------------- */

static int require_system(store *s, int rebuild, wg_err *e)
{
    const struct store_actor *a = store_actor(s);
    if (a->user_id == 0 && strcmp(a->name, "system") == 0) return 0;
    return wg_err_set(e, rebuild ? _("only the system may rebuild the search index")
                                 : _("only the system may suspend the search index"));
}

static int exec_in_tx(store *s, const char *sql, const char *what, wg_err *e)
{
    if (store_begin(s, e) < 0) return -1;
    char *msg = NULL;
    if (sqlite3_exec(store_sqlite(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
        wg_err_set(e, "%s: %s", what, msg ? msg : sqlite3_errmsg(store_sqlite(s)));
        sqlite3_free(msg);
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int search_suspend(store *s, wg_err *e)
{
    if (require_system(s, 0, e) < 0) return -1;
    return exec_in_tx(s, "UPDATE search_state SET suspended = 1 WHERE id = 1",
                      _("suspending the search index"), e);
}

int search_rebuild(store *s, wg_err *e)
{
    if (require_system(s, 1, e) < 0) return -1;
    /* In key order, the B-tree is written front to back instead of at random. */
    return exec_in_tx(s,
                      "DELETE FROM search_key;"
                      "INSERT OR IGNORE INTO search_key SELECT * FROM search_key_source "
                      "ORDER BY 1, 2, 3, 4, 5, 6;"
                      "INSERT INTO household_fts (household_fts) VALUES ('rebuild');"
                      "UPDATE search_state SET suspended = 0 WHERE id = 1;",
                      _("rebuilding the search index"), e);
}

int search_suspended(store *s, wg_err *e)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT suspended FROM search_state WHERE id = 1", e);
    if (!st) return -1;
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    return v < 0 ? store_sql_err(s, e, _("reading the search index state")) : v;
}

/* ---- query plans ----------------------------------------------------------------------- */

static int explain_one(store *s, strbuf *b, const char *label, const char *sql, wg_err *e)
{
    char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store_sqlite(s), eqp, -1, &st, NULL);
    free(eqp);
    if (rc != SQLITE_OK) return store_sql_err(s, e, label);
    strbuf_addf(b, "%s:\n", label);
    int ids[64], depth[64], n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int id = sqlite3_column_int(st, 0), parent = sqlite3_column_int(st, 1), d = 0;
        for (int i = 0; i < n; i++)
            if (ids[i] == parent) d = depth[i] + 1;
        if (n < 64) ids[n] = id, depth[n++] = d;
        strbuf_addf(b, "  %*s%s\n", 2 * d, "", (const char *)sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    return 0;
}

char *search_explain(store *s, wg_err *e)
{
    /* For the benchmark and docs/search.md, beside SQLite's own English
     * plans: not translated. */
    static const struct {
        const char *label;
        const char **sql;
    } plans[] = {
        {"name, pinyin, initials (exact, prefix, part of name), end of ID or phone: "
         "one range per town",
         &sql_key},
        {"ID number (exact, first 14+ characters)", &sql_idnum},
        {"phone number (exact, first 7+ digits)", &sql_phone},
        {"address, town or county scope (trigram index)", &sql_addr_fts},
        {"address, village or grid scope (the scope's households)", &sql_addr_scan},
        {"result rows", &sql_hit},
    };
    strbuf b;
    strbuf_init(&b);
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++)
        if (explain_one(s, &b, plans[i].label, *plans[i].sql, e) < 0) {
            strbuf_free(&b);
            return NULL;
        }
    char *out = strbuf_steal(&b);
    strbuf_free(&b);
    return out;
}
