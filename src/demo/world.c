#include "demo/world.h"

#include <stdio.h>
#include <string.h>

/* Howard Hinnant's civil-calendar algorithms: exact for any Gregorian date,
 * no time zones, no libc state, so the same seed gives the same dates. */
int32_t world_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void world_civil(int32_t days, int *y, int *m, int *d)
{
    days += 719468;
    int era = (days >= 0 ? days : days - 146096) / 146097;
    int doe = days - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

void world_date(int32_t days, char out[11])
{
    int y, m, d;
    world_civil(days, &y, &m, &d);
    snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m, d);
}

int64_t world_secs(int32_t days)
{
    return (int64_t)days * 86400;
}

void world_time(int64_t secs, char out[24])
{
    int32_t days = (int32_t)(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400);
    int64_t rem = secs - (int64_t)days * 86400;
    int y, m, d;
    world_civil(days, &y, &m, &d);
    snprintf(out, 24, "%04d-%02d-%02dT%02d:%02d:%02dZ", y % 10000, m, d, (int)(rem / 3600),
             (int)(rem / 60 % 60), (int)(rem % 60));
}

int64_t world_office_time(struct world *w, int32_t day)
{
    /* 08:00-18:00 in Beijing is 00:00-10:00 UTC */
    return world_secs(day) + rng_range(&w->r, 0, 10 * 3600 - 1);
}

void world_person(struct world *w, char sex, int birth_year, const char *surname, char out[16])
{
    const struct name_list *g = &w->given[(sex == 'F' ? 2 : 0) + (birth_year >= 1975)];
    if (!surname) surname = names_pick(&w->surname, &w->r);
    /* single-character given names were commoner for the old */
    int one = rng_chance(&w->r, birth_year < 1975 ? 0.3 : 0.15);
    const char *a = names_pick(g, &w->r), *b = one ? "" : names_pick(g, &w->r);
    if (!one && strcmp(a, b) == 0 && rng_chance(&w->r, 0.7)) b = names_pick(g, &w->r);
    snprintf(out, 16, "%s%s%s", surname, a, b);
}

void world_mobile(struct world *w, char out[12])
{
    static const char *prefix[] = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
                                   "139", "150", "151", "152", "153", "155", "156", "157", "158",
                                   "159", "166", "177", "180", "181", "182", "183", "185", "186",
                                   "187", "188", "189", "191", "198", "199"};
    const char *p = prefix[rng_below(&w->r, sizeof prefix / sizeof *prefix)];
    snprintf(out, 12, "%s%08u", p, (unsigned)rng_below(&w->r, 100000000));
}

void world_numeral(int n, char out[16])
{
    static const char *digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10)
        snprintf(out, 16, "%s", digit[n % 10]);
    else if (n < 20)
        snprintf(out, 16, "十%s", digit[n % 10]);
    else
        snprintf(out, 16, "%s十%s", digit[(n / 10) % 10], digit[n % 10]);
}
