#include "domain/division.h"

#include <string.h>

#include "util/gettext.h"

static const char *const level_names[DIV_LEVEL_COUNT] = {
    [DIV_COUNTY] = "county", [DIV_TOWN] = "town",         [DIV_VILLAGE] = "village",
    [DIV_GRID] = "grid",     [DIV_BUILDING] = "building",
};

/* Length of a code if it is all digits (up to 19 looked at), else -1. */
static int digits_len(const char *code)
{
    if (!code) return -1;
    int n = 0;
    for (; n < 19 && code[n]; n++)
        if (code[n] < '0' || code[n] > '9') return -1;
    return n < 19 ? n : -1;
}

int division_level(const char *code)
{
    int n = digits_len(code);
    if (n < 6 || n > 18 || n % 3) return -1;
    return n / 3 - 2;
}

const char *division_level_name(enum division_level l)
{
    return (unsigned)l < DIV_LEVEL_COUNT ? level_names[l] : NULL;
}

int division_parent(const char *code, char *out)
{
    int l = division_level(code);
    if (l <= DIV_COUNTY) return -1;
    size_t n = strlen(code) - 3;
    memcpy(out, code, n);
    out[n] = '\0';
    return 0;
}

int division_within(const char *code, const char *scope)
{
    if (division_level(code) < 0 || division_level(scope) < 0) return 0;
    return strncmp(code, scope, strlen(scope)) == 0;
}

int division_check(const char *code, const char *parent, wg_err *e)
{
    if (!code || !*code) return wg_err_set(e, _("the division code is empty"));
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return wg_err_set(e,
                              _("a division code has only digits; character %zu of %s is not one"),
                              i + 1, code);
    if (n < 6 || n > 18 || n % 3)
        return wg_err_set(e,
                          _("a division code has 6 (county), 9 (town), 12 (village), 15 (grid) "
                            "or 18 (building) digits; %s has %zu"),
                          code, n);
    if (code[0] == '0' || code[0] == '9')
        return wg_err_set(e, _("county code %.6s is not valid: its first digit must be 1 to 8"),
                          code);
    /* A part of all zeros would name the parent itself (370923 000 = 370923). */
    for (size_t at = 6; at < n; at += 3)
        if (memcmp(code + at, "000", 3) == 0)
            return wg_err_set(e,
                              _("digits %zu-%zu of %s are 000; each level's part must be 001 "
                                "or more"),
                              at + 1, at + 3, code);
    if (!parent) return 0;
    int pl = division_level(parent);
    if (pl < 0) return wg_err_set(e, _("the parent division code %s is not valid"), parent);
    size_t pn = strlen(parent);
    if (n != pn + 3) {
        if (pl == DIV_BUILDING)
            return wg_err_set(e, _("a building (%s) has no divisions below it"), parent);
        /* One whole sentence per parent level, so that each translates on its own. */
        switch (pl) {
        case DIV_COUNTY:
            return wg_err_set(e, _("a division within county %s has %zu digits; %s has %zu"),
                              parent, pn + 3, code, n);
        case DIV_TOWN:
            return wg_err_set(e, _("a division within town %s has %zu digits; %s has %zu"), parent,
                              pn + 3, code, n);
        case DIV_VILLAGE:
            return wg_err_set(e, _("a division within village %s has %zu digits; %s has %zu"),
                              parent, pn + 3, code, n);
        default:
            return wg_err_set(e, _("a division within grid %s has %zu digits; %s has %zu"), parent,
                              pn + 3, code, n);
        }
    }
    if (strncmp(code, parent, pn) != 0)
        return wg_err_set(e, _("%s does not extend its parent's code %s: it must begin with it"),
                          code, parent);
    return 0;
}
