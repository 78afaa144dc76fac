/* The audit log viewer (county administrators): newest first, paged,
 * filtered by user, record (table and row) and date range; a row's detail
 * shows the before/after JSON pretty-printed. Also a plain scrolling text
 * screen other admin screens use for read-only details. */
#ifndef WANGGE_SCREENS_AUDIT_H
#define WANGGE_SCREENS_AUDIT_H

#include <stdint.h>

#include "screens/app.h"
#include "ui/screen.h"

/* The whole log, newest first. */
struct screen *audit_screen_new(struct app *a);
/* Only the rows of one record (tbl, row_id; row_id 0: the whole table). */
struct screen *audit_screen_for(struct app *a, const char *tbl, int64_t row_id);

/* Read-only text, scrolled by line and page, wrapped at the screen width.
 * title: an English msgid. text is taken over (freed on close). A line
 * starting with '\1' is drawn highlighted (the '\1' is not shown), one
 * starting with '\2' as a heading. */
struct screen *audit_text_screen_new(const char *title, char *text);

/* JSON text indented two spaces a level, one member a line, appended to b
 * with each line prefixed by prefix. Pure text handling: the log's JSON is
 * valid (the schema checks it). */
struct strbuf;
void audit_json_pretty(struct strbuf *b, const char *json, const char *prefix);

#endif
