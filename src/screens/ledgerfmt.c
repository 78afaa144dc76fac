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
