#include "screens/ledgerfmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/screen.h"

const struct ui_choice ledgerfmt_relations[] = {
    {"head", N_("Head")},
    {"spouse", N_("Spouse")},
    {"child", N_("Child")},
    {"parent", N_("Parent")},
    {"grandchild", N_("Grandchild")},
    {"grandparent", N_("Grandparent")},
    {"sibling", N_("Sibling")},
    {"child_in_law", N_("Child-in-law")},
    {"other", N_("Other")},
};
const int ledgerfmt_nrelations = sizeof ledgerfmt_relations / sizeof *ledgerfmt_relations;

const struct ui_choice ledgerfmt_sexes[] = {
    {"M", N_("Male")},
    {"F", N_("Female")},
};
const int ledgerfmt_nsexes = 2;

static const char *lookup(const struct ui_choice *c, int n, const char *value)
{
    for (int i = 0; value && i < n; i++)
        if (strcmp(c[i].value, value) == 0) return _(c[i].label);
    return value ? value : "";
}

const char *ledgerfmt_relation(const char *relation)
{
    return lookup(ledgerfmt_relations, ledgerfmt_nrelations,
                  relation && relation[0] ? relation : "other");
}

const char *ledgerfmt_sex(char sex)
{
    return sex == 'M' ? _("Male") : sex == 'F' ? _("Female") : "";
}

const char *ledgerfmt_status(const char *status)
{
    static const struct ui_choice t[] = {
        {"resident", N_("Resident")}, {"moved_out", N_("Moved out")}, {"deceased", N_("Deceased")},
        {"active", N_("Active")},     {"dissolved", N_("Dissolved")},
    };
    return lookup(t, sizeof t / sizeof *t, status);
}

const char *ledgerfmt_kind(const char *kind, int urban, char *out, size_t size)
{
    static const struct ui_choice t[] = {
        {"county", N_("County")},       {"town", N_("Town")},
        {"street", N_("Street")},       {"village", N_("Village")},
        {"community", N_("Community")}, {"basic", N_("Basic grid")},
        {"school", N_("School grid")},  {"hospital", N_("Hospital grid")},
        {"market", N_("Market grid")},  {"enterprise", N_("Enterprise grid")},
        {"building", N_("Building")},   {"group", N_("Villager group")},
    };
    const char *k = lookup(t, sizeof t / sizeof *t, kind);
    /* Urban or rural decides a grid's size rule; for the rest the kind says it. */
    if (urban >= 0 && kind &&
        (strcmp(kind, "basic") == 0 || strcmp(kind, "school") == 0 ||
         strcmp(kind, "hospital") == 0 || strcmp(kind, "market") == 0 ||
         strcmp(kind, "enterprise") == 0))
        snprintf(out, size, _("%s, %s"), k, urban ? _("urban") : _("rural"));
    else
        snprintf(out, size, "%s", k);
    return out;
}

const char *ledgerfmt_duty(const char *duty)
{
    static const struct ui_choice t[] = {
        {"leader", N_("Grid leader")},
        {"instructor", N_("Grid instructor")},
        {"fulltime", N_("Full-time worker")},
        {"parttime", N_("Part-time worker")},
        {"police", N_("Community police")},
        {"mediator", N_("Mediator")},
        {"lawyer", N_("Lawyer")},
        {"legal_deputy", N_("Rule-of-law deputy")},
    };
    return lookup(t, sizeof t / sizeof *t, duty);
}

const char *ledgerfmt_event(const char *event)
{
    static const struct ui_choice t[] = {
        {"moved_in", N_("Moved in")},      {"transferred", N_("Transferred")},
        {"moved_out", N_("Moved out")},    {"deceased", N_("Deceased")},
        {"regridded", N_("Grid redrawn")}, {"restored", N_("Restored")},
    };
    return lookup(t, sizeof t / sizeof *t, event);
}

const char *ledgerfmt_keys(const char *section, int action, char *out, size_t size)
{
    char g[32], k[32];
    keymap_first_key(ui_keymap(), "generic", (enum action)action, g, sizeof g);
    keymap_first_key(ui_keymap(), section, (enum action)action, k, sizeof k);
    if (!g[0] || strcmp(g, k) == 0)
        snprintf(out, size, "%s", k);
    else if (!k[0])
        snprintf(out, size, "%s", g);
    else
        snprintf(out, size, "%s/%s", g, k);
    return out;
}

const char *ledgerfmt_form_key(int action, char *out, size_t size)
{
    char keys[96];
    keymap_keys_for(ui_keymap(), "generic", (enum action)action, keys, sizeof keys);
    out[0] = '\0';
    for (char *k = strtok(keys, ", "); k; k = strtok(NULL, ", "))
        if (strlen(k) > 1) {
            snprintf(out, size, "%s", k);
            break;
        }
    return out;
}

void ledgerfmt_today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int ledgerfmt_past_date(const char *d)
{
    int y, m, day;
    char tail;
    if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-') return 0;
    if (sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3) return 0;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || m < 1 || m > 12 || day < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (day > days[m - 1] + (m == 2 && leap)) return 0;
    char today[11];
    ledgerfmt_today(today);
    return strcmp(d, today) <= 0;
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The date that follows "birth date " in msg, into out. */
static const char *date_after(const char *msg, char *out, size_t size)
{
    const char *p = strstr(msg, "birth date ");
    out[0] = '\0';
    if (p) {
        p += strlen("birth date ");
        if (*p == '\'') p++;
        size_t n = strcspn(p, " '");
        if (n >= size) n = size - 1;
        memcpy(out, p, n);
        out[n] = '\0';
    }
    return out;
}

const char *ledgerfmt_message(const char *msg, char *out, size_t size)
{
    char a = 0, b = 0, d1[32], d2[32];
    int n = 0;
    if (sscanf(msg, "the check character should be %c, not %c", &a, &b) == 2)
        snprintf(out, size, _("The check character should be %c, not %c."), a, b);
    else if (sscanf(msg, "an ID number has 18 characters (or 15 for old ones); this has %d", &n) ==
             1)
        snprintf(out, size, _("An ID number has 18 characters (15 if old); this has %d."), n);
    else if (sscanf(msg, "character %d is", &n) == 1)
        snprintf(out, size, _("Character %d of the ID number is wrong: digits only, X only last."),
                 n);
    else if (starts(msg, "region code"))
        snprintf(out, size, "%s", _("The region code (the first 6 digits) is not valid."));
    else if (sscanf(msg, "the ID number gives birth date %31s not %31s", d1, d2) == 2) {
        d1[strcspn(d1, ",")] = '\0';
        snprintf(out, size, _("The ID number gives birth date %s, not %s."), d1, d2);
    } else if (starts(msg, "the ID number is a "))
        snprintf(out, size, "%s",
                 _("The sex does not match the ID number (17th digit: odd for men, even for "
                   "women)."));
    else if (starts(msg, "birth date") && strstr(msg, "in the future"))
        snprintf(out, size, _("The birth date %s is in the future."),
                 date_after(msg, d1, sizeof d1));
    else if (starts(msg, "birth date") && strstr(msg, "before 1900"))
        snprintf(out, size, _("The birth date %s is before 1900."), date_after(msg, d1, sizeof d1));
    else if (starts(msg, "birth date") && strstr(msg, "does not exist"))
        snprintf(out, size, _("The birth date %s does not exist."), date_after(msg, d1, sizeof d1));
    else if (starts(msg, "birth date"))
        snprintf(out, size, _("The birth date %s is not a real past date (YYYY-MM-DD)."),
                 date_after(msg, d1, sizeof d1));
    else if (starts(msg, "this ID number is already registered (in another"))
        snprintf(out, size, "%s",
                 _("This ID number is already registered in another grid or household."));
    else if (starts(msg, "this ID number is already registered (")) {
        /* "(name, address)": the person is in my scope, so say who. */
        const char *who = msg + strlen("this ID number is already registered (");
        snprintf(out, size, _("This ID number is already registered: %.*s."),
                 (int)strcspn(who, ")"), who);
    } else if (starts(msg, "the ID number is empty"))
        snprintf(out, size, "%s", _("The ID number is empty."));
    else if (starts(msg, "the phone number") || starts(msg, "'+'") || starts(msg, "an extension") ||
             starts(msg, "the extension") || strstr(msg, "mobile") || strstr(msg, "area code") ||
             strstr(msg, "landline"))
        snprintf(out, size, "%s",
                 _("Not a phone number: a mobile has 11 digits (13x-19x); a landline needs its "
                   "area code, e.g. 0538-1234567."));
    else if (starts(msg, "the name is empty"))
        snprintf(out, size, "%s", _("The name is required."));
    else if (starts(msg, "sex is required"))
        snprintf(out, size, "%s", _("Sex is required when there is no ID number."));
    else if (starts(msg, "a masked number"))
        snprintf(out, size, "%s", _("Unmask the number first, or clear the field and type it."));
    else if (strstr(msg, "integrity points"))
        snprintf(out, size, "%s", _("Integrity points go from 0 to 1000."));
    else
        snprintf(out, size, "%s", msg);
    return out;
}
