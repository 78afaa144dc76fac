/* Resident search: one box for a name or part of it, pinyin (full, prefix or
 * initials), an ID number or its last characters, a phone number or its last
 * digits, or an address fragment. Used by the search screen on every keystroke
 * and by `wangge search`.
 *
 * Results are within the actor's scope only, deduplicated, ranked (see enum
 * search_why), and carry masked ID and phone numbers, never the full ones.
 * Every strategy is an index range (db/migrations/0002_search.sql keeps the
 * index current with triggers); docs/search.md has the query plans. */
#ifndef WANGGE_STORE_SEARCH_H
#define WANGGE_STORE_SEARCH_H

#include <stdint.h>

#include "store/store.h"

/* The most hits one call returns; larger limits are clamped to it. */
#define SEARCH_MAX_HITS 200
/* The longest query accepted, in bytes. */
#define SEARCH_MAX_QUERY 96

/* Why a resident matched, best first: hits are ordered by this, then residents
 * before people who moved out or died, then the likeliest reading of a
 * polyphonic name before its others, then by the matched term. */
enum search_why {
    SEARCH_ID_EXACT,        /* the whole ID number */
    SEARCH_PHONE_EXACT,     /* the whole phone number */
    SEARCH_NAME_EXACT,      /* 张三 */
    SEARCH_NAME_PREFIX,     /* 张 -> 张三丰 */
    SEARCH_PINYIN_EXACT,    /* zhangsan */
    SEARCH_INITIALS_EXACT,  /* zs -> 张三 */
    SEARCH_PINYIN_PREFIX,   /* zhangs -> 张三 */
    SEARCH_INITIALS_PREFIX, /* zs -> 张三丰 */
    SEARCH_NAME_INFIX,      /* 三丰 -> 张三丰 */
    SEARCH_ID_SUFFIX,       /* last 4 or more characters of the ID (X allowed) */
    SEARCH_PHONE_SUFFIX,    /* last 4 or more digits of the phone */
    SEARCH_ID_PREFIX,       /* the first 14 or more characters of the ID */
    SEARCH_PHONE_PREFIX,    /* the first 7 or more digits of the phone */
    SEARCH_ADDRESS,         /* a fragment of the household's address */
    SEARCH_WHY_COUNT
};

struct search_hit {
    int64_t resident_id;
    int64_t household_id;
    char name[64];
    char sex;           /* 'M' or 'F' */
    char birth[11];     /* YYYY-MM-DD or "" */
    char id_masked[19]; /* 370923********123X, or "" */
    char phone_masked[24];
    char address[192]; /* the household's */
    char grid_code[16];
    char grid_name[64];
    char status[12]; /* resident | moved_out | deceased */
    enum search_why why;
    /* what matched: a name, pinyin spelling or address; for IDs and phones
     * the masked number */
    char matched[64];
    int score; /* higher is better; follows the order of the hits */
};

/* What search_residents returns instead of a count. */
enum {
    /* The query cannot be searched: empty, too long, not UTF-8, too few
     * digits (an ID or phone needs at least 4), or nothing searchable in it.
     * The user's to fix; *e says how. */
    SEARCH_REFUSED = -1,
    /* The database failed (I/O, corruption, a lock held too long). */
    SEARCH_FAILED = -2,
};

/* Search the residents the actor may see. Fills at most `limit` hits (1 ..
 * SEARCH_MAX_HITS; 0 or less means 20) and returns how many, 0 when nothing
 * matches; SEARCH_REFUSED or SEARCH_FAILED with *e. Cheap enough to run as
 * the user types (a few index ranges). */
int search_residents(store *s, const char *query, int limit, struct search_hit *hits, wg_err *e);

/* A short English phrase for why ("name", "pinyin initials", ...), suitable as
 * a gettext msgid for the screens. */
const char *search_why_text(enum search_why why);

/* Bulk loading (init --demo): search_suspend() stops the triggers from
 * indexing each write; search_rebuild() refills the whole index in key order,
 * which is much faster, and turns the triggers back on. Both run in their own
 * transaction (or the caller's). The system actor only. */
int search_suspend(store *s, wg_err *e);
int search_rebuild(store *s, wg_err *e);
/* 1 while the index is suspended (a bulk load that did not finish: run
 * search_rebuild), 0 otherwise, -1 on error. */
int search_suspended(store *s, wg_err *e);

/* The query plan of each strategy, one "strategy: plan" block per line group,
 * for the benchmark and docs/search.md (caller frees). */
char *search_explain(store *s, wg_err *e);

#endif
