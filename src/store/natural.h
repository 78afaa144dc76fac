/* The NATSORT collation: text compared with runs of ASCII digits taken as
 * numbers, so that 一组2号 sorts before 一组10号 (plain byte order puts
 * "10" first). Everything else compares bytewise, which for UTF-8 is code
 * point order. Strings that differ only in leading zeros ("07" and "7")
 * are ordered by their bytes, so the order is total and stable. */
#ifndef WANGGE_STORE_NATURAL_H
#define WANGGE_STORE_NATURAL_H

#include <sqlite3.h>

/* <0, 0, >0 as a sorts before, equal to, after b (lengths in bytes, the
 * strings need not be NUL-terminated). */
int natural_compare(const char *a, int na, const char *b, int nb);

/* Register "NATSORT" on a connection (store_open does it for every one). */
int natural_register(sqlite3 *db);

#endif
