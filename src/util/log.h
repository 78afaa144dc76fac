/* One-line log records on stderr:
 *   2026-11-25T10:00:00Z wangge[1234] info login user=worker addr=10.0.0.5 method=password
 * result=ok Keys and values, no free prose in the middle, so that grep and awk can read them. */
#ifndef WANGGE_UTIL_LOG_H
#define WANGGE_UTIL_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Records below this level are dropped (default LOG_INFO; WANGGE_DEBUG=1 lowers it). */
void log_set_level(enum log_level level);
/* Send records to fd instead of stderr (the UI process, whose stderr is the screen). */
void log_set_fd(int fd);

#endif
