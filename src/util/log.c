#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;
static int log_fd = 2;

void log_set_level(enum log_level level)
{
    min_level = level;
}

void log_set_fd(int fd)
{
    log_fd = fd;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
    static const char *names[] = {"debug", "info", "warn", "error"};
    if (level < min_level && !(level == LOG_DEBUG && getenv("WANGGE_DEBUG"))) return;
    if (log_fd < 0) return;
    char line[2048];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    int n = (int)strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ", &tm);
    n += snprintf(line + n, sizeof line - (size_t)n, " wangge[%ld] %s ", (long)getpid(),
                  names[level]);
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (m < 0) m = 0;
    n += m;
    if (n > (int)sizeof line - 2) n = (int)sizeof line - 2;
    /* One write per record so that records from several processes never interleave. */
    line[n++] = '\n';
    ssize_t r = write(log_fd, line, (size_t)n);
    (void)r;
}
