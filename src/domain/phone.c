#include "domain/phone.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/gettext.h"
#include "util/utf8.h"

/* Enough for any phone number people write; longer input is wrong anyway. */
#define MAX_DIGITS 24
#define MAX_GROUPS 8
#define MAX_EXT    6

struct typed {
    char d[MAX_DIGITS + 1]; /* the digits before any extension */
    int n;
    int ends[MAX_GROUPS]; /* digit count at the end of each group */
    int groups;
    char ext[MAX_EXT + 1];
    int plus; /* began with '+' */
};

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* An extension marker at p: "转", "分机", "ext" or "ext." (any case); its length or 0. */
static int ext_marker(const char *p)
{
    static const char *const markers[] = {"\xE8\xBD\xAC", "\xE5\x88\x86\xE6\x9C\xBA", "ext.",
                                          "ext"};
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        size_t n = strlen(markers[i]);
        if (strncasecmp(p, markers[i], n) == 0) return (int)n;
    }
    return 0;
}

static int split(const char *in, struct typed *t, wg_err *e)
{
    memset(t, 0, sizeof *t);
    const char *p = in, *end = in + strlen(in);
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
        end--;
    if (p == end) return wg_err_set(e, _("the phone number is empty"));
    if (*p == '+') {
        t->plus = 1;
        p++;
    }
    int in_group = 0, in_ext = 0, ext_n = 0;
    while (p < end) {
        int m;
        if (is_digit(*p)) {
            if (in_ext) {
                if (ext_n == MAX_EXT)
                    return wg_err_set(e, _("an extension has at most %d digits"), MAX_EXT);
                t->ext[ext_n++] = *p;
            } else {
                if (t->n == MAX_DIGITS) return wg_err_set(e, _("the phone number is too long"));
                if (!in_group && t->groups == MAX_GROUPS)
                    return wg_err_set(e, _("the phone number has too many groups of digits"));
                t->d[t->n++] = *p;
                in_group = 1;
            }
            p++;
            continue;
        }
        if (in_group) t->ends[t->groups++] = t->n;
        in_group = 0;
        if (*p == ' ' || *p == '-' || *p == '(' || *p == ')' || *p == '\t') {
            p++;
        } else if (!in_ext && t->n > 0 && (m = ext_marker(p)) > 0) {
            in_ext = 1;
            p += m;
        } else {
            uint32_t cp;
            int len = utf8_decode(p, (size_t)(end - p), &cp);
            if (len < 0)
                return wg_err_set(e, _("the phone number contains bytes that are not text"));
            if (cp >= 0xFF10 && cp <= 0xFF19)
                return wg_err_set(e,
                                  _("the phone number has a full-width digit '%.*s'; type it "
                                    "half-width (switch the input method to half-width "
                                    "characters)"),
                                  len, p);
            if (cp == '+')
                return wg_err_set(e, _("'+' may only come first, as in +86 138 1234 5678"));
            if (cp < 0x20 || cp == 0x7F)
                return wg_err_set(e, _("the phone number contains the control character U+%04X"),
                                  (unsigned)cp);
            return wg_err_set(e,
                              _("'%.*s' cannot be part of a phone number (only digits, spaces, "
                                "dashes, a leading +86 and an extension after 转 or ext)"),
                              len, p);
        }
    }
    if (in_group) t->ends[t->groups++] = t->n;
    t->d[t->n] = '\0';
    if (in_ext && ext_n == 0) return wg_err_set(e, _("the extension has no digits"));
    if (t->n == 0) return wg_err_set(e, _("the phone number has no digits"));
    return 0;
}

/* Drop a country code; returns 1 if there was one. */
static int drop_country(struct typed *t, wg_err *e)
{
    int skip = 0;
    if (t->plus) {
        if (t->n < 2 || t->d[0] != '8' || t->d[1] != '6')
            return wg_err_set(
                e, _("only mainland numbers (+86) are accepted; this one begins +%.4s"), t->d);
        skip = 2;
    } else if (strncmp(t->d, "0086", 4) == 0) {
        skip = 4;
    } else if (t->n == 13 && t->d[0] == '8' && t->d[1] == '6' && t->d[2] == '1') {
        skip = 2; /* 86 before a mobile number */
    } else {
        return 0;
    }
    memmove(t->d, t->d + skip, (size_t)(t->n - skip + 1));
    t->n -= skip;
    for (int i = 0; i < t->groups; i++) t->ends[i] = t->ends[i] > skip ? t->ends[i] - skip : 0;
    if (t->n == 0) return wg_err_set(e, _("the phone number has nothing after the country code"));
    return 1;
}

static int put(char *out, size_t size, const char *s, wg_err *e)
{
    size_t n = strlen(s);
    if (!out || n + 1 > size)
        return wg_err_set(e, _("no room for the phone number (%zu bytes)"), n);
    memcpy(out, s, n + 1);
    return 0;
}

static int parse_mobile(const struct typed *t, char *out, size_t size, wg_err *e)
{
    if (t->n != 11) return wg_err_set(e, _("a mobile number has 11 digits; this has %d"), t->n);
    if (t->d[1] < '3')
        return wg_err_set(e, _("a mobile number begins with 13 to 19, not %.2s"), t->d);
    if (t->ext[0]) return wg_err_set(e, _("a mobile number has no extension"));
    return put(out, size, t->d, e) < 0 ? -1 : PHONE_MOBILE;
}

static int parse_landline(struct typed *t, char *out, size_t size, wg_err *e)
{
    if (t->d[1] == '0')
        return wg_err_set(e,
                          _("only mainland numbers are accepted: 00%.2s is an international "
                            "call, 0086 is the mainland"),
                          t->d + 2);
    int alen;
    if (t->d[1] == '1') {
        if (t->n < 3 || t->d[2] != '0')
            return wg_err_set(e,
                              _("area code %.3s does not exist (the only one beginning 01 is "
                                "Beijing's 010)"),
                              t->d);
        alen = 3;
    } else {
        alen = t->d[1] == '2' ? 3 : 4;
    }
    if (t->n <= alen)
        return wg_err_set(e, _("area code %.*s has no local number after it"), alen, t->d);

    /* The local number runs over whole groups until it has 7 digits; one more
     * group after it is an extension ("0591-87654321-123"). */
    int g = 0;
    while (g < t->groups && t->ends[g] <= alen) g++;
    int local_end = g < t->groups ? t->ends[g++] : t->n;
    while (local_end - alen < 7 && g < t->groups) local_end = t->ends[g++];
    int llen = local_end - alen;
    const char *local = t->d + alen;
    if (llen < 7 || llen > 8)
        return wg_err_set(e,
                          _("the local number after area code %.*s has %d digits; it should "
                            "have 7 or 8"),
                          alen, t->d, llen);
    if (local[0] == '0' || local[0] == '1')
        return wg_err_set(e, _("a local number cannot begin with %c (after area code %.*s)"),
                          local[0], alen, t->d);
    char ext[MAX_EXT + 1] = "";
    if (local_end < t->n) {
        if (t->ext[0])
            return wg_err_set(e,
                              _("digits %s after the local number are neither part of it nor "
                                "the extension"),
                              t->d + local_end);
        if (g < t->groups - 1)
            return wg_err_set(e, _("the phone number has too many groups of digits after the "
                                   "local number"));
        if (t->n - local_end > MAX_EXT)
            return wg_err_set(e, _("an extension has at most %d digits"), MAX_EXT);
        memcpy(ext, t->d + local_end, (size_t)(t->n - local_end) + 1);
    } else {
        memcpy(ext, t->ext, sizeof ext);
    }
    char norm[MAX_DIGITS + MAX_EXT + 4];
    snprintf(norm, sizeof norm, "%.*s-%.*s%s%s", alen, t->d, llen, local, ext[0] ? "-" : "", ext);
    return put(out, size, norm, e) < 0 ? -1 : PHONE_LANDLINE;
}

int phone_parse(const char *in, char *out, size_t size, wg_err *e)
{
    if (!in) return wg_err_set(e, _("no phone number was given"));
    struct typed t;
    if (split(in, &t, e) < 0) return -1;
    int intl = drop_country(&t, e);
    if (intl < 0) return -1;
    if (intl && !(t.d[0] == '1' && t.d[1] >= '3' && t.d[1] <= '9') && t.d[0] != '0') {
        /* +86 10 8765 4321: the area code's leading 0 is dropped abroad */
        if (t.n >= MAX_DIGITS) return wg_err_set(e, _("the phone number is too long"));
        memmove(t.d + 1, t.d, (size_t)t.n + 1);
        t.d[0] = '0';
        t.n++;
        for (int i = 0; i < t.groups; i++) t.ends[i]++;
    }
    if (t.d[0] == '1') return parse_mobile(&t, out, size, e);
    if (t.d[0] == '0') return parse_landline(&t, out, size, e);
    if (t.n == 7 || t.n == 8)
        return wg_err_set(e, _("a landline number needs its area code, as in 0591-%s"), t.d);
    return wg_err_set(e, _("a phone number begins with 1 (mobile) or 0 (area code), not %c"),
                      t.d[0]);
}

static void put_masked(char *out, size_t size, const char *s, size_t n)
{
    if (size == 0) return;
    if (n > size - 1) n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

void phone_mask(const char *normalised, char *out, size_t size)
{
    if (!out || size == 0) return;
    char buf[64];
    if (!normalised) normalised = "";
    size_t n = strlen(normalised);
    if (n >= sizeof buf - 1) n = sizeof buf - 2;
    const char *dash = n ? memchr(normalised, '-', n) : NULL;
    size_t len = 0;
    if (n == 11 && normalised[0] == '1') {
        len = (size_t)snprintf(buf, sizeof buf, "%.3s****%.4s", normalised, normalised + 7);
    } else if (normalised[0] == '0' && dash) {
        /* area code, then the local number with all but its last 4 hidden */
        size_t alen = (size_t)(dash - normalised);
        const char *local = dash + 1;
        const char *ext = memchr(local, '-', n - alen - 1);
        size_t llen = ext ? (size_t)(ext - local) : n - alen - 1;
        memcpy(buf, normalised, alen + 1);
        len = alen + 1;
        for (size_t i = 0; i < llen; i++) buf[len++] = i + 4 < llen ? '*' : local[i];
        if (ext) {
            size_t elen = n - (size_t)(ext - normalised);
            memcpy(buf + len, ext, elen);
            len += elen;
        }
    } else {
        for (size_t i = 0; i < n; i++) buf[len++] = i + 4 < n ? '*' : normalised[i];
    }
    put_masked(out, size, buf, len);
}
