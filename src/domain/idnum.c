#include "domain/idnum.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/gettext.h"
#include "util/utf8.h"

/* ISO 7064 MOD 11-2: weight i is 2^(17-i) mod 11, for the 17 digits. */
static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

char idnum_check_char(const char *first17)
{
    if (!first17) return '?';
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (!is_digit(first17[i])) return '?';
        sum += (first17[i] - '0') * weights[i];
    }
    return "10X98765432"[sum % 11];
}

int idnum_from15(const char *in15, char out18[19])
{
    if (!in15 || strlen(in15) != 15) return -1;
    for (int i = 0; i < 15; i++)
        if (!is_digit(in15[i])) return -1;
    memcpy(out18, in15, 6);
    memcpy(out18 + 6, "19", 2);
    memcpy(out18 + 8, in15 + 6, 9);
    out18[17] = idnum_check_char(out18);
    out18[18] = '\0';
    return 0;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* today as "YYYY-MM-DD": the caller's, or the local date. */
static void today_str(const char *today, char out[11])
{
    if (today && strlen(today) == 10 && today[4] == '-' && today[7] == '-') {
        memcpy(out, today, 11);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    snprintf(out, 11, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100,
             tm.tm_mday % 100);
}

/* TRANSLATORS: month names, in "birth date %s does not exist: %s has %d days". */
static const char *const month_names[12] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

/* Birth date from 8 digits YYYYMMDD into birth ("YYYY-MM-DD"). */
static int check_date(const char *d, const char *today, char birth[11], wg_err *e)
{
    int y = num(d, 4), m = num(d + 4, 2), day = num(d + 6, 2);
    memcpy(birth, d, 4);
    birth[4] = '-';
    memcpy(birth + 5, d + 4, 2);
    birth[7] = '-';
    memcpy(birth + 8, d + 6, 2);
    birth[10] = '\0';
    if (m < 1 || m > 12)
        return wg_err_set(e, _("birth date %s does not exist: there is no month %02d"), birth, m);
    if (day < 1 || day > days_in_month(y, m)) {
        if (day == 29 && m == 2)
            return wg_err_set(e, _("birth date %s does not exist: %d is not a leap year"), birth,
                              y);
        return wg_err_set(e, _("birth date %s does not exist: %s has %d days"), birth,
                          _(month_names[m - 1]), days_in_month(y, m));
    }
    if (y < 1900) return wg_err_set(e, _("birth date %s is before 1900"), birth);
    char now[11];
    today_str(today, now);
    if (strcmp(birth, now) > 0)
        return wg_err_set(e, _("birth date %s is in the future (today is %s)"), birth, now);
    return 0;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000;
}

/* Describe a rejected character for a message: printable ASCII and other
 * printable text as is, control characters by code point. */
static void describe(uint32_t cp, const char *at, int len, char out[16])
{
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD)
        snprintf(out, 16, "U+%04X", (unsigned)cp);
    else
        snprintf(out, 16, "'%.*s'", len, at);
}

int idnum_parse(const char *in, const char *today, struct idnum *out, wg_err *e)
{
    if (!in) return wg_err_set(e, _("no ID number was given"));
    size_t n = strlen(in);
    if (!utf8_valid(in, n))
        return wg_err_set(e, _("the ID number contains bytes that are not text"));

    /* Trim surrounding spaces (ASCII and the ideographic space). */
    const char *b = in, *end = in + n;
    for (uint32_t cp; b < end;) {
        int len = utf8_decode(b, (size_t)(end - b), &cp);
        if (!is_space(cp)) break;
        b += len;
    }
    while (end > b) {
        const char *p = end - 1;
        while (p > b && ((unsigned char)*p & 0xC0) == 0x80) p--;
        uint32_t cp;
        utf8_decode(p, (size_t)(end - p), &cp);
        if (!is_space(cp)) break;
        end = p;
    }
    if (b == end) return wg_err_set(e, _("the ID number is empty"));

    int count = 0;
    for (const char *p = b; p < end; count++) {
        uint32_t cp;
        p += utf8_decode(p, (size_t)(end - p), &cp);
    }
    if (count != 18 && count != 15)
        return wg_err_set(e, _("an ID number has 18 characters (or 15 for old ones); this has %d"),
                          count);

    char digits[19];
    int pos = 0;
    for (const char *p = b; p < end; pos++) {
        uint32_t cp;
        int len = utf8_decode(p, (size_t)(end - p), &cp);
        if (is_digit((int)cp)) {
            digits[pos] = (char)cp;
        } else if ((cp == 'X' || cp == 'x') && pos == 17) {
            digits[pos] = 'X';
        } else if (cp == 'X' || cp == 'x') {
            if (count == 15)
                return wg_err_set(e,
                                  _("character %d is X, but an old 15-character ID number has "
                                    "only digits"),
                                  pos + 1);
            return wg_err_set(
                e, _("character %d is X, but only the last (18th) character may be X"), pos + 1);
        } else if ((cp >= 0xFF10 && cp <= 0xFF19) || cp == 0xFF38 || cp == 0xFF58) {
            return wg_err_set(e,
                              _("character %d is a full-width '%.*s'; type it half-width "
                                "(switch the input method to half-width characters)"),
                              pos + 1, len, p);
        } else {
            char what[16];
            describe(cp, p, len, what);
            return wg_err_set(e, _("character %d is %s, not a digit"), pos + 1, what);
        }
        p += len;
    }
    digits[pos] = '\0';

    char number[19];
    if (count == 15)
        idnum_from15(digits, number);
    else
        memcpy(number, digits, 19);

    if (number[0] < '1' || number[0] > '8')
        return wg_err_set(e, _("region code %.6s is not valid: its first digit must be 1 to 8"),
                          number);
    char birth[11];
    if (check_date(number + 6, today, birth, e) < 0) return -1;
    if (count == 18) {
        char want = idnum_check_char(number);
        if (want != number[17])
            return wg_err_set(e, _("the check character should be %c, not %c"), want, number[17]);
    }

    if (out) {
        memcpy(out->number, number, 19);
        memcpy(out->region, number, 6);
        out->region[6] = '\0';
        memcpy(out->birth, birth, 11);
        out->sex = (number[16] - '0') % 2 ? 'M' : 'F';
    }
    return 0;
}

/* A typed date: YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD or YYYYMMDD, into "YYYY-MM-DD". */
static int typed_date(const char *s, char out[11])
{
    int part[3] = {0, 0, 0}, len[3] = {0, 0, 0}, k = 0;
    char sep = 0;
    if (strlen(s) == 8 && strspn(s, "0123456789") == 8) {
        part[0] = num(s, 4), part[1] = num(s + 4, 2), part[2] = num(s + 6, 2);
    } else {
        for (const char *p = s; *p; p++) {
            if (is_digit(*p)) {
                part[k] = part[k] * 10 + (*p - '0');
                if (++len[k] > (k ? 2 : 4)) return -1;
            } else if (k < 2 && len[k] > 0 && strchr("-/.", *p) && (!sep || sep == *p)) {
                sep = *p;
                k++;
            } else {
                return -1;
            }
        }
        if (k != 2 || len[0] != 4 || len[2] == 0) return -1;
    }
    if (part[1] < 1 || part[1] > 12 || part[2] < 1 || part[2] > days_in_month(part[0], part[1]))
        return -1;
    snprintf(out, 11, "%04d-%02d-%02d", part[0], part[1], part[2]);
    return 0;
}

int idnum_matches(const struct idnum *id, const char *birth, char sex, wg_err *e)
{
    if (birth && *birth) {
        char b[11];
        if (typed_date(birth, b) < 0)
            return wg_err_set(e, _("birth date '%s' is not a date (write it as YYYY-MM-DD)"),
                              birth);
        if (strcmp(b, id->birth) != 0)
            return wg_err_set(e, _("the ID number gives birth date %s, not %s"), id->birth, b);
    }
    if (sex) {
        char s = sex == 'm' ? 'M' : sex == 'f' ? 'F' : sex;
        if (s != 'M' && s != 'F') return wg_err_set(e, _("sex must be M or F, not '%c'"), sex);
        if (s != id->sex)
            return wg_err_set(e,
                              id->sex == 'M'
                                  ? _("the ID number is a man's (its 17th digit, %c, is odd), "
                                      "not a woman's")
                                  : _("the ID number is a woman's (its 17th digit, %c, is even), "
                                      "not a man's"),
                              id->number[16]);
    }
    return 0;
}

void idnum_mask(const char *number, char out[19])
{
    size_t n = number ? strlen(number) : 0;
    if (n > 18) n = 18;
    if (n < 10) {
        memset(out, '*', n);
        out[n] = '\0';
        return;
    }
    size_t len = strlen(number);
    memcpy(out, number, 6);
    memset(out + 6, '*', n - 10);
    memcpy(out + n - 4, number + len - 4, 4);
    out[n] = '\0';
}
