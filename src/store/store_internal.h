/* Shared by the store's own files only: the SQLite handle and helpers. */
#ifndef WANGGE_STORE_INTERNAL_H
#define WANGGE_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

sqlite3 *store_sqlite(store *s);

/* A prepared statement for sql, cached per connection by the address of the
 * (static) sql string, reset and with bindings cleared. NULL and *e on error. */
sqlite3_stmt *store_stmt(store *s, const char *sql, wg_err *e);

/* Write "what: sqlite's message" into e; returns -1. */
int store_sql_err(store *s, wg_err *e, const char *what);

/* Bind the actor's scope as a prefix range at parameters lo and lo+1:
 *   ... WHERE division_code >= ?lo AND division_code < ?lo+1
 * (the upper bound is the scope followed by ':', the character after '9'),
 * so the query uses the code index instead of scanning with LIKE. */
void store_bind_scope(store *s, sqlite3_stmt *st, int lo);

/* Bind text or NULL when the string is NULL or empty. */
void store_bind_text_or_null(sqlite3_stmt *st, int idx, const char *v);

/* text as a LIKE pattern %text% (for LIKE ... ESCAPE '\\'), the wildcards it
 * holds taken literally; caller frees. NULL for NULL or "" (no filter). */
char *store_like_pattern(const char *text);

/* A fresh copy of column i as text (NULL stays NULL). */
char *store_col_dup(sqlite3_stmt *st, int i);

/* Copy column i into a fixed buffer, truncating on a UTF-8 boundary. */
void store_col_copy(sqlite3_stmt *st, int i, char *out, size_t size);

/* Fail with a scope message unless code is within the actor's scope. */
int store_require_scope(store *s, const char *code, wg_err *e);

#endif
