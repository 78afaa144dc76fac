/* bench_search: how fast resident search answers on a county-sized database.
 *
 *   bench_search --generate FILE [--households N] [--seed S]
 *       build a synthetic county (about 3 residents a household, plausible
 *       names, IDs, phones, addresses) with the search index suspended, then
 *       rebuild it; prints the load cost, the rebuild cost, the cost per row of
 *       indexing by trigger instead, and the size of every index
 *   bench_search --db FILE [--queries N] [--sizes]
 *       time every kind of query for a county, a town, a village and a grid
 *       actor (p50, p95, max in ms) and print each strategy's query plan;
 *       an index left suspended by a bulk load is rebuilt first (and timed)
 *
 * The generator writes with plain SQL: it is a test program, and it must work
 * before (and independently of) the demo generator. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/idnum.h"
#include "domain/pinyin.h"
#include "store/search.h"
#include "store/store.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t rng_state = 88172645463325252u;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static int rndn(int n)
{
    return (int)(rnd() % (uint64_t)n);
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_search: %s: %s\n", what, msg);
    exit(1);
}

/* ---- plausible people ------------------------------------------------------------ */

/* Surnames roughly by frequency: the first ones repeat so that 王, 李, 张
 * cover about a fifth of the county, as they do. Polyphonic ones included. */
static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "王",   "李",   "张",  "刘", "陈", "杨", "黄", "赵", "吴",
    "周", "徐", "孙", "马", "朱", "胡",   "郭",   "何",  "高", "林", "罗", "郑", "梁", "谢",
    "宋", "唐", "许", "韩", "冯", "邓",   "曹",   "彭",  "曾", "肖", "田", "董", "袁", "潘",
    "于", "蒋", "蔡", "余", "杜", "叶",   "程",   "苏",  "魏", "吕", "丁", "任", "沈", "姚",
    "卢", "姜", "崔", "钟", "谭", "陆",   "汪",   "范",  "金", "石", "廖", "贾", "夏", "韦",
    "付", "方", "白", "邹", "孟", "熊",   "秦",   "邱",  "江", "尹", "薛", "闫", "段", "雷",
    "侯", "龙", "史", "陶", "黎", "贺",   "顾",   "毛",  "郝", "龚", "邵", "万", "单", "欧阳",
    "仇", "解", "查", "区", "朴", "尉迟", "司马", "诸葛"};
static const char *const given[] = {
    "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
    "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "华", "建", "国", "玉",
    "文", "红", "梅", "志", "春", "海", "金", "凤", "荣", "新", "德", "福", "成", "林",
    "燕", "琴", "云", "莲", "亮", "宇", "浩", "鹏", "飞", "辉", "晓", "东", "俊", "峰",
    "婷", "雪", "慧", "佳", "欣", "怡", "子", "涵", "轩", "博", "睿", "思", "雨", "梓",
    "田", "芳", "三", "丰", "长", "乐", "重", "行", "朝", "阳", "和", "平", "安", "宁",
    "秋", "冬", "山", "水", "广", "胜", "利", "清", "泉", "树", "根", "喜", "顺", "旺"};
static const char *const streets[] = {"幸福路", "人民路", "解放街", "建设路", "和平路", "东风路",
                                      "中山街", "胜利路", "团结街", "新华路", "文化路", "光明街",
                                      "青年路", "长安街", "振兴路", "朝阳路", "府前街", "育才路",
                                      "工业路", "花园街", "滨河路", "站前路", "农贸街", "体育路"};
static const char *const place_chars[] = {"东", "西", "南", "北", "前", "后", "王", "李",
                                          "张", "刘", "杨", "大", "小", "石", "柳", "河",
                                          "沟", "洼", "庄", "岭", "坡", "湾", "集", "屯"};

static void make_name(char *out, size_t size)
{
    const char *sn = surnames[rndn(sizeof surnames / sizeof *surnames)];
    int two = rndn(100) < 70;
    snprintf(out, size, "%s%s%s", sn, given[rndn(sizeof given / sizeof *given)],
             two ? given[rndn(sizeof given / sizeof *given)] : "");
}

static void reverse(const char *in, char *out)
{
    size_t n = strlen(in);
    for (size_t i = 0; i < n; i++) out[i] = in[n - 1 - i];
    out[n] = '\0';
}

/* A unique, valid ID for person i: the birth day comes from i by a
 * permutation, the sequence from i's quotient (spread over 000-999 as real
 * sequence numbers are), so no two people collide below 14.5 million. */
static void make_id(long i, int female, char out[19], char birth[11])
{
    const long days = 29000; /* about 80 years */
    long d = (i * 7919L) % days, seq = i / days;
    struct tm tm = {.tm_year = 1940 - 1900, .tm_mon = 0, .tm_mday = 1 + (int)d, .tm_hour = 12};
    timegm(&tm);
    char first17[18];
    snprintf(first17, sizeof first17, "370923%04d%02d%02d%03ld", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, ((seq * 389) % 500) * 2 + (female ? 0 : 1));
    snprintf(out, 19, "%s%c", first17, idnum_check_char(first17));
    snprintf(birth, 11, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- generating a county --------------------------------------------------------------- */

struct gen {
    sqlite3 *db;
    sqlite3_stmt *div, *hh, *res;
    long next_res, next_hh;
};

static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) die(sql, msg ? msg : "?");
}

static void step(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
    if (sqlite3_step(st) != SQLITE_DONE) die(what, sqlite3_errmsg(db));
    sqlite3_reset(st);
}

static void add_division(struct gen *g, const char *code, const char *parent, const char *level,
                         const char *kind, const char *name)
{
    sqlite3_bind_text(g->div, 1, code, -1, SQLITE_TRANSIENT);
    if (parent)
        sqlite3_bind_text(g->div, 2, parent, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(g->div, 2);
    sqlite3_bind_text(g->div, 3, level, -1, SQLITE_STATIC);
    sqlite3_bind_text(g->div, 4, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(g->div, 5, name, -1, SQLITE_TRANSIENT);
    step(g->db, g->div, "division");
}

static void add_resident(struct gen *g, long hh, const char *grid, int head)
{
    char name[64], pinyin[512], initials[160], id[19], birth[11], idrev[19], phone[16], phrev[16];
    long i = g->next_res++;
    int female = rndn(2);
    make_name(name, sizeof name);
    pinyin_name(name, pinyin, sizeof pinyin, initials, sizeof initials);
    make_id(i, female, id, birth);
    reverse(id, idrev);
    int has_phone = rndn(100) < 65;
    snprintf(phone, sizeof phone, "1%d%09d", 3 + rndn(7), rndn(1000000000));
    reverse(phone, phrev);
    int r = rndn(100);
    const char *status = r < 93 ? "resident" : r < 98 ? "moved_out" : "deceased";
    sqlite3_stmt *st = g->res;
    sqlite3_bind_int64(st, 1, i + 1);
    sqlite3_bind_int64(st, 2, hh);
    sqlite3_bind_text(st, 3, grid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, female ? "F" : "M", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, birth, -1, SQLITE_STATIC);
    if (has_phone) {
        sqlite3_bind_text(st, 8, phone, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 14, phrev, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 8);
        sqlite3_bind_null(st, 14);
    }
    sqlite3_bind_text(st, 9, head ? "head" : "other", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, status, -1, SQLITE_STATIC);
    if (r < 93)
        sqlite3_bind_null(st, 11);
    else
        sqlite3_bind_text(st, 11, "2020-06-01", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, pinyin, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, initials, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 15, idrev, -1, SQLITE_STATIC);
    step(g->db, st, "resident");
}

static void add_household(struct gen *g, const char *grid, const char *address)
{
    long id = ++g->next_hh;
    sqlite3_bind_int64(g->hh, 1, id);
    sqlite3_bind_text(g->hh, 2, grid, -1, SQLITE_STATIC);
    sqlite3_bind_text(g->hh, 3, address, -1, SQLITE_STATIC);
    step(g->db, g->hh, "household");
    int members = 1 + rndn(5); /* 1-5, about 3 */
    for (int m = 0; m < members; m++) add_resident(g, id, grid, m == 0);
}

static void gen_open(struct gen *g, const char *path)
{
    if (sqlite3_open(path, &g->db) != SQLITE_OK) die(path, sqlite3_errmsg(g->db));
    exec(g->db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA foreign_keys=OFF;"
                "PRAGMA temp_store=MEMORY;");
    sqlite3_prepare_v2(g->db,
                       "INSERT INTO division (code, parent_code, level, kind, name) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
                       -1, &g->div, NULL);
    sqlite3_prepare_v2(g->db,
                       "INSERT INTO household (id, division_code, address) VALUES (?1, ?2, ?3)", -1,
                       &g->hh, NULL);
    if (sqlite3_prepare_v2(g->db,
                           "INSERT INTO resident (id, household_id, division_code, name, sex, "
                           "id_number, birth_date, phone, relation, status, status_date, "
                           "name_pinyin, name_initials, phone_rev, id_rev) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                           -1, &g->res, NULL) != SQLITE_OK)
        die("prepare", sqlite3_errmsg(g->db));
    sqlite3_stmt *st;
    sqlite3_prepare_v2(g->db, "SELECT coalesce(max(id), 0) FROM resident", -1, &st, NULL);
    sqlite3_step(st);
    g->next_res = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(g->db, "SELECT coalesce(max(id), 0) FROM household", -1, &st, NULL);
    sqlite3_step(st);
    g->next_hh = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
}

static void gen_close(struct gen *g)
{
    sqlite3_finalize(g->div);
    sqlite3_finalize(g->hh);
    sqlite3_finalize(g->res);
    sqlite3_close(g->db);
}

#define TOWNS    15
#define VILLAGES 28
#define GRIDS    3

/* Households of one grid: urban grids get street addresses, rural ones
 * village addresses. */
static void fill_grid(struct gen *g, const char *grid, const char *village, int urban, long n)
{
    char addr[160];
    const char *street = streets[rndn(sizeof streets / sizeof *streets)];
    for (long k = 0; k < n; k++) {
        if (urban)
            snprintf(addr, sizeof addr, "%s%d号%d栋%d单元%d室", street, 1 + rndn(200), 1 + rndn(30),
                     1 + rndn(6), 101 + rndn(18) * 100 + rndn(4));
        else
            snprintf(addr, sizeof addr, "%s%d组%d号", village, 1 + rndn(12), 1 + rndn(99));
        add_household(g, grid, addr);
    }
}

static void generate(const char *path, long households)
{
    wg_err e = {{0}};
    store *s = store_open(path, STORE_CREATE | STORE_BULK, &e);
    if (!s) die(path, e.msg);
    store_close(s);

    struct gen g = {0};
    gen_open(&g, path);
    double t0 = now_ms();
    exec(g.db, "BEGIN; UPDATE search_state SET suspended = 1;");
    add_division(&g, "370923", NULL, "county", "county", "东平县");
    long grids = TOWNS * VILLAGES * GRIDS, per_grid = households / grids, done = 0;
    int gi = 0;
    for (int t = 0; t < TOWNS; t++) {
        char town[16], tname[32];
        snprintf(town, sizeof town, "370923%03d", 100 + t);
        snprintf(tname, sizeof tname, "%s%s镇", place_chars[t % 24], place_chars[(t * 7) % 24]);
        add_division(&g, town, "370923", "town", "town", tname);
        for (int v = 0; v < VILLAGES; v++) {
            char vil[16], vname[32];
            int urban = v < 8;
            snprintf(vil, sizeof vil, "%s%03d", town, urban ? 1 + v : 200 + v);
            snprintf(vname, sizeof vname, "%s%s%s", place_chars[rndn(24)], place_chars[rndn(24)],
                     urban ? "社区" : "村");
            add_division(&g, vil, town, "village", urban ? "community" : "village", vname);
            for (int k = 0; k < GRIDS; k++, gi++) {
                char grid[20], gname[32];
                snprintf(grid, sizeof grid, "%s%03d", vil, 1 + k);
                snprintf(gname, sizeof gname, "%s第%d网格", vname, 1 + k);
                add_division(&g, grid, vil, "grid", "basic", gname);
                long n = gi == grids - 1 ? households - done : per_grid;
                fill_grid(&g, grid, vname, urban, n);
                done += n;
            }
        }
    }
    exec(g.db, "COMMIT");
    double t_load = now_ms() - t0;
    printf("generated %ld households, %ld residents in %.1f s (search index suspended)\n",
           g.next_hh, g.next_res, t_load / 1e3);

    /* What indexing by trigger would cost: the same batch, suspended and not. */
    const long batch = 3000;
    const char *grid = "370923100201001";
    double t1 = now_ms();
    exec(g.db, "BEGIN");
    long r0 = g.next_res;
    fill_grid(&g, grid, "东西村", 0, batch);
    exec(g.db, "COMMIT");
    long rows_off = g.next_res - r0;
    double t_off = now_ms() - t1;
    gen_close(&g);

    s = store_open(path, STORE_BULK, &e);
    if (!s) die(path, e.msg);
    store_act_as_system(s, "bench", &e);
    t1 = now_ms();
    if (search_rebuild(s, &e) < 0) die("search_rebuild", e.msg);
    printf("search_rebuild: %.1f s\n", (now_ms() - t1) / 1e3);
    store_close(s);

    /* The same batch again, now indexed by the triggers into the full index. */
    gen_open(&g, path);
    t1 = now_ms();
    exec(g.db, "BEGIN");
    r0 = g.next_res;
    fill_grid(&g, grid, "东西村", 0, batch);
    exec(g.db, "COMMIT");
    long rows_on = g.next_res - r0;
    double t_on = now_ms() - t1;
    gen_close(&g);
    double per_off = t_off * 1e3 / (double)rows_off, per_on = t_on * 1e3 / (double)rows_on;
    printf(
        "a batch of %ld households: %.1f us per resident with the index suspended, %.1f us "
        "with the triggers\n  (+%.1f us each: about %.0f s more for %ld residents, by trigger)\n",
        batch, per_off, per_on, per_on - per_off, (per_on - per_off) * (double)g.next_res / 1e6,
        g.next_res);
}

/* ---- sizes --------------------------------------------------------------------------- */

static void sizes(const char *path)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die(path, sqlite3_errmsg(db));
    if (sqlite3_prepare_v2(db,
                           "SELECT CASE WHEN name LIKE 'household_fts%' THEN 'household_fts (all)'"
                           " ELSE name END AS n, sum(pgsize) FROM dbstat GROUP BY n "
                           "ORDER BY 2 DESC",
                           -1, &st, NULL) != SQLITE_OK) {
        printf("sizes: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        return;
    }
    double total = 0, search = 0;
    printf("\nsizes (MB):\n");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        double mb = sqlite3_column_double(st, 1) / 1048576.0;
        total += mb;
        if (strncmp(n, "search_", 7) == 0 || strncmp(n, "household_fts", 13) == 0) search += mb;
        if (mb >= 1) printf("  %-34s %8.1f\n", n, mb);
    }
    printf("  %-34s %8.1f\n  %-34s %8.1f\n", "all", total, "of which the search index", search);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* ---- timing ---------------------------------------------------------------------------- */

struct sample {
    char name[64], pinyin[512], initials[160], id[19], phone[16], address[160];
};

/* Residents of the actor's scope, to build queries that find someone. */
static int samples(const char *path, const char *scope, struct sample *out, int n)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    char hi[24];
    snprintf(hi, sizeof hi, "%s:", scope);
    sqlite3_prepare_v2(db,
                       "SELECT r.name, r.name_pinyin, r.name_initials, coalesce(r.id_number,''), "
                       "coalesce(r.phone, ''), h.address FROM resident r "
                       "JOIN household h ON h.id = r.household_id "
                       "WHERE r.division_code >= ?1 AND r.division_code < ?2 "
                       "AND r.phone IS NOT NULL AND r.id % 7 = ?3 LIMIT ?4",
                       -1, &st, NULL);
    sqlite3_bind_text(st, 1, scope, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, rndn(7));
    sqlite3_bind_int(st, 4, n);
    int k = 0;
    while (k < n && sqlite3_step(st) == SQLITE_ROW) {
        struct sample *x = &out[k++];
        snprintf(x->name, sizeof x->name, "%s", sqlite3_column_text(st, 0));
        snprintf(x->pinyin, sizeof x->pinyin, "%s", sqlite3_column_text(st, 1));
        snprintf(x->initials, sizeof x->initials, "%s", sqlite3_column_text(st, 2));
        snprintf(x->id, sizeof x->id, "%s", sqlite3_column_text(st, 3));
        snprintf(x->phone, sizeof x->phone, "%s", sqlite3_column_text(st, 4));
        snprintf(x->address, sizeof x->address, "%s", sqlite3_column_text(st, 5));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return k;
}

/* The first n UTF-8 characters of s from character `from`. */
static void chars(const char *s, int from, int n, char *out, size_t size)
{
    int c = 0;
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80) c++;
        if (c > from && c <= from + n && o + 1 < size) out[o++] = (char)*p;
    }
    out[o] = '\0';
}

static void first_word(const char *s, char *out, size_t size)
{
    size_t n = strcspn(s, " ");
    if (n >= size) n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

enum kind {
    K_NAME,
    K_SURNAME,
    K_GIVEN,
    K_INITIALS,
    K_INITIAL1,
    K_PINYIN,
    K_PINYIN_PREFIX,
    K_ID,
    K_ID4,
    K_ID6,
    K_PHONE,
    K_PHONE4,
    K_ADDR,
    K_ADDR_SHORT,
    K_NONE,
    K_COUNT
};
static const char *const kind_names[K_COUNT] = {"full name (张三丰)",
                                                "surname (张)",
                                                "given name (三丰)",
                                                "initials (zsf)",
                                                "one letter (z)",
                                                "full pinyin",
                                                "pinyin prefix (zhangs)",
                                                "whole ID number",
                                                "ID last 4",
                                                "ID last 6",
                                                "whole phone",
                                                "phone last 4",
                                                "address (幸福路18号)",
                                                "address, 2 characters",
                                                "no match (qqqq)"};

static void make_query(enum kind k, const struct sample *x, char *q, size_t size)
{
    char w[512];
    size_t n;
    switch (k) {
    case K_NAME:
        snprintf(q, size, "%s", x->name);
        break;
    case K_SURNAME:
        chars(x->name, 0, 1, q, size);
        break;
    case K_GIVEN:
        chars(x->name, 1, 2, q, size);
        break;
    case K_INITIALS:
        first_word(x->initials, q, size);
        break;
    case K_INITIAL1:
        snprintf(q, size, "%c", x->initials[0]);
        break;
    case K_PINYIN:
        first_word(x->pinyin, q, size);
        break;
    case K_PINYIN_PREFIX:
        first_word(x->pinyin, w, sizeof w);
        n = strlen(w);
        w[n > 3 ? n - 2 : n] = '\0';
        snprintf(q, size, "%s", w);
        break;
    case K_ID:
        snprintf(q, size, "%s", x->id);
        break;
    case K_ID4:
        snprintf(q, size, "%s", x->id + 14);
        break;
    case K_ID6:
        snprintf(q, size, "%s", x->id + 12);
        break;
    case K_PHONE:
        snprintf(q, size, "%s", x->phone);
        break;
    case K_PHONE4:
        snprintf(q, size, "%s", x->phone + 7);
        break;
    case K_ADDR:
        chars(x->address, 0, 6, q, size);
        break;
    case K_ADDR_SHORT:
        chars(x->address, 1, 2, q, size);
        break;
    default:
        snprintf(q, size, "qqqq");
        break;
    }
}

/* Columns of a label: CJK characters (3 UTF-8 bytes here) take two. */
static int width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80) continue;
        w += *p >= 0xE0 ? 2 : 1;
    }
    return w;
}

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double worst_p95;

static void time_actor(store *s, const char *path, const char *label, const char *scope, int nq)
{
    struct store_actor a = {0};
    a.role = ROLE_WORKER;
    snprintf(a.name, sizeof a.name, "bench");
    snprintf(a.scope, sizeof a.scope, "%s", scope);
    snprintf(a.remote, sizeof a.remote, "local");
    store_set_actor(s, &a);
    struct sample *xs = calloc((size_t)nq, sizeof *xs);
    int ns = samples(path, scope, xs, nq);
    if (!ns) die(label, "no residents in scope");
    printf("\n%s (scope %s), %d queries of each kind, limit 20:\n", label, scope, nq);
    printf("  %-26s %8s %8s %8s %7s\n", "kind", "p50 ms", "p95 ms", "max ms", "hits");
    struct search_hit hits[20];
    double *t = calloc((size_t)nq, sizeof *t);
    for (int k = 0; k < K_COUNT; k++) {
        long total_hits = 0;
        for (int i = 0; i < nq; i++) {
            char q[256];
            make_query((enum kind)k, &xs[i % ns], q, sizeof q);
            wg_err e = {{0}};
            double t0 = now_ms();
            int n = search_residents(s, q, 20, hits, &e);
            t[i] = now_ms() - t0;
            if (n < 0) die(q, e.msg);
            total_hits += n;
        }
        qsort(t, (size_t)nq, sizeof *t, dcmp);
        double p95 = t[(int)(nq * 0.95)];
        if (p95 > worst_p95) worst_p95 = p95;
        printf("  %s%*s %8.3f %8.3f %8.3f %7.1f\n", kind_names[k], 26 - width(kind_names[k]), "",
               t[nq / 2], p95, t[nq - 1], (double)total_hits / nq);
    }
    free(t);
    free(xs);
}

static void bench(const char *path, int nq)
{
    wg_err e = {{0}};
    store *s = store_open(path, 0, &e);
    if (!s) die(path, e.msg);
    sqlite3 *db;
    sqlite3_stmt *st;
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    /* a town, a village and a grid that have residents */
    char county[8] = "", town[10] = "", village[13] = "", grid[16] = "";
    sqlite3_prepare_v2(db,
                       "SELECT division_code, (SELECT count(*) FROM resident) FROM resident "
                       "WHERE id = (SELECT max(id) / 2 FROM resident)",
                       -1, &st, NULL);
    long residents = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        snprintf(county, sizeof county, "%.6s", c);
        snprintf(town, sizeof town, "%.9s", c);
        snprintf(village, sizeof village, "%.12s", c);
        snprintf(grid, sizeof grid, "%.15s", c);
        residents = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!county[0]) die(path, "no residents");
    printf("database: %ld residents\n", residents);
    if (search_suspended(s, &e) == 1) {
        store_act_as_system(s, "bench", &e);
        double t0 = now_ms();
        if (search_rebuild(s, &e) < 0) die("search_rebuild", e.msg);
        printf("the search index was left suspended; search_rebuild: %.1f s\n",
               (now_ms() - t0) / 1e3);
    }
    char *plans = search_explain(s, &e);
    if (!plans) die("explain", e.msg);
    printf("\nquery plans:\n%s", plans);
    int scans = strstr(plans, "SCAN resident") || strstr(plans, "SCAN household") ||
                strstr(plans, "SCAN search_key") || strstr(plans, "SCAN r\n") ||
                strstr(plans, "SCAN h\n");
    printf("full table scans in the plans: %s\n", scans ? "YES" : "none");
    free(plans);
    time_actor(s, path, "county administrator", county, nq);
    time_actor(s, path, "town", town, nq);
    time_actor(s, path, "village secretary", village, nq);
    time_actor(s, path, "grid worker", grid, nq);
    printf("\nworst p95 over every kind and scope: %.3f ms (target: 10 ms)\n", worst_p95);
    store_close(s);
}

int main(int argc, char **argv)
{
    const char *gen = NULL, *db = NULL;
    long households = 500000;
    int nq = 200, show_sizes = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--generate") == 0 && i + 1 < argc)
            gen = argv[++i];
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db = argv[++i];
        else if (strcmp(argv[i], "--households") == 0 && i + 1 < argc)
            households = atol(argv[++i]);
        else if (strcmp(argv[i], "--queries") == 0 && i + 1 < argc)
            nq = atoi(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            rng_state = strtoull(argv[++i], NULL, 10) | 1;
        else if (strcmp(argv[i], "--sizes") == 0)
            show_sizes = 1;
        else {
            fprintf(stderr, "usage: bench_search --generate FILE [--households N] [--seed S]\n"
                            "       bench_search --db FILE [--queries N] [--sizes]\n");
            return 2;
        }
    }
    if (gen) generate(gen, households);
    if (db) bench(db, nq < 20 ? 20 : nq);
    if (show_sizes || gen) sizes(db ? db : gen);
    return 0;
}
