#include "screens/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "screens/admin.h"
#include "screens/admin_form.h"
#include "store/audit.h"
#include "ui/i18n.h"
#include "ui/list.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define AUDIT_PAGE 200

struct audit_filter {
    char actor[33];
    char tbl[32];
    int64_t row_id;
    char from[11], to[11]; /* local dates YYYY-MM-DD, inclusive; "" = open */
};

struct audit {
    struct app *app;
    struct audit_filter f;
    struct audit_row *rows;
    int n, cap;
    int more; /* the last page was full: older rows may follow */
    struct ui_list list;
};

/* ---- time ------------------------------------------------------------------------ */

/* The log keeps UTC ("2024-03-15T02:04:05.123Z"); people read local time. */
static void local_time(const char *utc, char *out, size_t size)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6) {
        snprintf(out, size, "%s", utc);
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    struct tm lt;
    localtime_r(&t, &lt);
    strftime(out, size, "%Y-%m-%d %H:%M:%S", &lt);
}

/* Local midnight starting the day `date` (+ add_days) as a UTC ISO bound. */
static void utc_bound(const char *date, int add_days, char out[32])
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_mday += add_days;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    struct tm ut;
    gmtime_r(&t, &ut);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &ut);
}

/* ---- loading ---------------------------------------------------------------------- */

static void free_rows(struct audit *au)
{
    for (int i = 0; i < au->n; i++) audit_row_free(&au->rows[i]);
    au->n = 0;
}

/* Append the next page (older than the last row loaded). */
static void load_more(struct audit *au)
{
    if (au->n + AUDIT_PAGE > au->cap) {
        au->cap = au->n + AUDIT_PAGE;
        au->rows = xrealloc(au->rows, (size_t)au->cap * sizeof *au->rows);
    }
    char from[32] = "", to[32] = "";
    if (au->f.from[0]) utc_bound(au->f.from, 0, from);
    if (au->f.to[0]) utc_bound(au->f.to, 1, to);
    wg_err e = {{0}};
    int64_t before = au->n ? au->rows[au->n - 1].id : 0;
    int got = audit_list(au->app->db, au->f.actor[0] ? au->f.actor : NULL,
                         au->f.tbl[0] ? au->f.tbl : NULL, au->f.row_id, from[0] ? from : NULL,
                         to[0] ? to : NULL, before, au->rows + au->n, AUDIT_PAGE, &e);
    if (got < 0) {
        ui_error("%s", e.msg);
        got = 0;
    }
    au->n += got;
    au->more = got == AUDIT_PAGE;
    ui_list_set_count(&au->list, au->n);
}

static void reload(struct audit *au)
{
    free_rows(au);
    au->list.cur = au->list.top = 0;
    load_more(au);
}

/* ---- list -------------------------------------------------------------------------- */

static void columns(int w, int c[7])
{
    int extra = w > 80 ? w - 80 : 0;
    int widths[6] = {19, 10, 10, 12, 8, 15 + extra};
    c[0] = 1;
    for (int i = 0; i < 6; i++) c[i + 1] = c[i] + widths[i] + 1;
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct audit *au = ctx;
    const struct audit_row *r = &au->rows[i];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    int c[7];
    columns(w, c);
    char at[32];
    local_time(r->at, at, sizeof at);
    ui_text_pad(y, x, w, st, "");
    ui_text(y, x + c[0], c[1] - c[0] - 1, st, at);
    ui_text(y, x + c[1], c[2] - c[1] - 1, st, r->actor);
    ui_text(y, x + c[2], c[3] - c[2] - 1, st, r->action);
    ui_text(y, x + c[3], c[4] - c[3] - 1, st, r->tbl);
    if (r->row_id) ui_textf(y, x + c[4], c[5] - c[4] - 1, st, "%lld", (long long)r->row_id);
    ui_text(y, x + c[5], c[6] - c[5] - 1, st, r->remote);
}

static void filter_text(const struct audit_filter *f, char *out, size_t size)
{
    strbuf b;
    strbuf_init(&b);
    if (f->actor[0]) strbuf_addf(&b, _("user %s"), f->actor);
    if (f->tbl[0]) {
        if (b.len) strbuf_adds(&b, ", ");
        if (f->row_id)
            strbuf_addf(&b, _("record %s #%lld"), f->tbl, (long long)f->row_id);
        else
            strbuf_addf(&b, _("table %s"), f->tbl);
    }
    if (f->from[0] || f->to[0]) {
        if (b.len) strbuf_adds(&b, ", ");
        strbuf_addf(&b, _("from %s to %s"), f->from[0] ? f->from : "...", f->to[0] ? f->to : "...");
    }
    if (b.len)
        snprintf(out, size, _("Only: %s"), b.s);
    else
        snprintf(out, size, "%s", _("Every record, newest first"));
    strbuf_free(&b);
}

static void audit_draw(struct screen *s, const struct ui_rect *r)
{
    struct audit *au = s->data;
    char ft[256];
    filter_text(&au->f, ft, sizeof ft);
    ui_text(r->y, r->x + 2, r->w - 4, UI_NORMAL, ft);
    int c[7];
    columns(r->w, c);
    int y = r->y + 1;
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const char *const heads[] = {N_("Time"),   N_("User"), N_("Action"),
                                        N_("Record"), N_("Row"),  N_("From")};
    for (int i = 0; i < 6; i++) admin_header(y, r->x + c[i], c[i + 1] - c[i] - 1, _(heads[i]));
    struct ui_rect lr = {y + 1, r->x, r->h - 4, r->w};
    ui_list_draw(&au->list, &lr, _("No audit rows match."));
    if (au->more)
        ui_textf(r->y + r->h - 2, r->x + 2, r->w - 4, UI_DIM,
                 _("Rows loaded: %d; older ones load as you move down"), au->n);
    else
        ui_textf(r->y + r->h - 2, r->x + 2, r->w - 4, UI_DIM, _("Rows: %d"), au->n);
    static const struct admin_hint h[] = {{ACT_ENTER, N_("details")},
                                          {ACT_FILTER, N_("filter")},
                                          {ACT_REFRESH, N_("reload")},
                                          {ACT_BACK, N_("back")}};
    admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "audit", h, 4);
}

/* ---- detail -------------------------------------------------------------------------- */

void audit_json_pretty(struct strbuf *b, const char *json, const char *prefix)
{
    int depth = 0, in_str = 0, esc = 0, line_start = 1;
    for (const char *p = json; *p; p++) {
        char c = *p;
        if (line_start) {
            strbuf_adds(b, prefix);
            for (int i = 0; i < depth; i++) strbuf_adds(b, "  ");
            line_start = 0;
        }
        if (in_str) {
            strbuf_addc(b, c);
            if (esc)
                esc = 0;
            else if (c == '\\')
                esc = 1;
            else if (c == '"')
                in_str = 0;
            continue;
        }
        switch (c) {
        case '"':
            in_str = 1;
            strbuf_addc(b, c);
            break;
        case '{':
        case '[':
            /* empty object or array stays on one line */
            if (p[1] == (c == '{' ? '}' : ']')) {
                strbuf_addc(b, c);
                strbuf_addc(b, *++p);
                break;
            }
            strbuf_addc(b, c);
            strbuf_addc(b, '\n');
            depth++;
            line_start = 1;
            break;
        case '}':
        case ']':
            strbuf_addc(b, '\n');
            depth--;
            strbuf_adds(b, prefix);
            for (int i = 0; i < depth; i++) strbuf_adds(b, "  ");
            strbuf_addc(b, c);
            break;
        case ',':
            strbuf_adds(b, ",\n");
            line_start = 1;
            break;
        case ':':
            strbuf_adds(b, ": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            strbuf_addc(b, c);
        }
    }
    strbuf_addc(b, '\n');
}

/* Lines of after that are not in before are marked (\1) as changed. */
static void mark_changes(strbuf *out, const char *before, const char *after)
{
    const char *p = after;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        /* compare without a trailing comma: the last member has none */
        size_t cmp = n && p[n - 1] == ',' ? n - 1 : n;
        int found = 0;
        for (const char *q = before; q && *q && !found;) {
            const char *qe = strchr(q, '\n');
            size_t qn = qe ? (size_t)(qe - q) : strlen(q);
            size_t qc = qn && q[qn - 1] == ',' ? qn - 1 : qn;
            if (qc == cmp && memcmp(q, p, cmp) == 0) found = 1;
            q = qe ? qe + 1 : NULL;
        }
        if (!found && before) strbuf_addc(out, '\1');
        strbuf_add(out, p, n);
        strbuf_addc(out, '\n');
        p = eol ? eol + 1 : p + n;
    }
}

static void show_row(const struct audit_row *r)
{
    strbuf b, pb, pa;
    strbuf_init(&b);
    strbuf_init(&pb);
    strbuf_init(&pa);
    char at[32];
    local_time(r->at, at, sizeof at);
    strbuf_addf(&b, _("Time:    %s (%s UTC)"), at, r->at);
    strbuf_addc(&b, '\n');
    strbuf_addf(&b, _("User:    %s"), r->actor);
    strbuf_addc(&b, '\n');
    strbuf_addf(&b, _("From:    %s   session %s"), r->remote[0] ? r->remote : "-",
                r->session[0] ? r->session : "-");
    strbuf_addc(&b, '\n');
    strbuf_addf(&b, _("Action:  %s"), r->action);
    strbuf_addc(&b, '\n');
    if (r->row_id)
        strbuf_addf(&b, _("Record:  %s #%lld"), r->tbl[0] ? r->tbl : "-", (long long)r->row_id);
    else
        strbuf_addf(&b, _("Record:  %s"), r->tbl[0] ? r->tbl : "-");
    strbuf_addf(&b, "\n\n\2%s\n", _("Before:"));
    if (r->before)
        audit_json_pretty(&pb, r->before, "  ");
    else
        strbuf_addf(&pb, "  %s\n", _("(nothing: a new record or an event)"));
    strbuf_adds(&b, pb.s);
    strbuf_addf(&b, "\n\2%s\n", _("After (changed lines highlighted):"));
    if (r->after) {
        audit_json_pretty(&pa, r->after, "  ");
        mark_changes(&b, r->before ? pb.s : NULL, pa.s);
    } else {
        strbuf_addf(&b, "  %s\n", _("(nothing)"));
    }
    strbuf_free(&pb);
    strbuf_free(&pa);
    ui_push(audit_text_screen_new(N_("Audit record"), strbuf_steal(&b)));
    strbuf_free(&b);
}

/* ---- filter form ----------------------------------------------------------------------- */

static const struct ui_choice tables[] = {
    {"", N_("(any)")},
    {"user", N_("user: accounts, logins")},
    {"user_key", N_("user_key: SSH keys")},
    {"division", N_("division: grids and divisions")},
    {"grid_staff", N_("grid_staff: grid teams")},
    {"household", N_("household")},
    {"resident", N_("resident")},
    {"department", N_("department")},
    {"tag", N_("tag")},
    {"case_kind", N_("case_kind: case kinds")},
    {"case", N_("case")},
    {"place", N_("place")},
    {"organisation", N_("organisation")},
};

enum { FF_ACTOR, FF_TBL, FF_ROW, FF_FROM, FF_TO };

static int check_range(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    char *from = ui_field_text(ui_form_field(f, FF_FROM)), *to = ui_field_text(fld);
    int bad = from[0] && to[0] && strcmp(from, to) > 0;
    free(from);
    free(to);
    if (bad) return wg_err_set(e, "%s", _("The end date is before the start date."));
    return 0;
}

static int check_row(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    const char *t = ui_field_value(ui_form_field(f, FF_TBL));
    if (fld->te.len && (!t || !t[0]))
        return wg_err_set(e, "%s", _("Choose the record's table too."));
    return 0;
}

static int save_filter(void *ctx, struct ui_form *f)
{
    struct audit *au = ctx;
    struct audit_filter nf;
    memset(&nf, 0, sizeof nf);
    char *t = ui_field_text(ui_form_field(f, FF_ACTOR));
    snprintf(nf.actor, sizeof nf.actor, "%s", t);
    free(t);
    const char *tbl = ui_field_value(ui_form_field(f, FF_TBL));
    snprintf(nf.tbl, sizeof nf.tbl, "%s", tbl ? tbl : "");
    t = ui_field_text(ui_form_field(f, FF_ROW));
    nf.row_id = t[0] ? strtoll(t, NULL, 10) : 0;
    free(t);
    t = ui_field_text(ui_form_field(f, FF_FROM));
    snprintf(nf.from, sizeof nf.from, "%s", t);
    free(t);
    t = ui_field_text(ui_form_field(f, FF_TO));
    snprintf(nf.to, sizeof nf.to, "%s", t);
    free(t);
    au->f = nf;
    reload(au);
    return 0;
}

static void open_filter(struct audit *au)
{
    struct ui_form *f;
    struct screen *s = admin_form_new(N_("Filter the audit log"), au, save_filter, NULL, &f);
    admin_form_set_intro(s, _("Leave a field empty to not filter by it. Dates are inclusive."));
    ui_form_text(f, N_("User name"), au->f.actor, 32);
    ui_form_choice(f, N_("Table"), tables, (int)(sizeof tables / sizeof *tables), au->f.tbl);
    char row[24] = "";
    if (au->f.row_id) snprintf(row, sizeof row, "%lld", (long long)au->f.row_id);
    struct ui_field *fld = ui_form_number(f, N_("Row number"), row);
    fld->validate = check_row;
    ui_form_date(f, N_("From date"), au->f.from);
    fld = ui_form_date(f, N_("To date"), au->f.to);
    fld->validate = check_range;
    ui_push(s);
}

/* ---- the screen ---------------------------------------------------------------------- */

static int audit_open(struct screen *s, wg_err *e)
{
    struct audit *au = s->data;
    if (admin_require(au->app, e) < 0) return -1;
    ui_list_init(&au->list, draw_row, NULL, au);
    reload(au);
    return 0;
}

static enum action audit_request(struct screen *s, enum action a, ui_key key)
{
    struct audit *au = s->data;
    a = ui_list_request(&au->list, a, key);
    /* Near the end of what is loaded: fetch the next page. */
    if (au->more && au->list.cur >= au->n - 1 - au->list.height) {
        int cur = au->list.cur;
        load_more(au);
        au->list.cur = cur;
        ui_dirty();
    }
    switch (a) {
    case ACT_ENTER:
        if (au->list.cur >= 0 && au->list.cur < au->n) show_row(&au->rows[au->list.cur]);
        return ACT_NONE;
    case ACT_FILTER:
        open_filter(au);
        return ACT_NONE;
    case ACT_REFRESH:
        reload(au);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void audit_close(struct screen *s)
{
    struct audit *au = s->data;
    free_rows(au);
    free(au->rows);
    free(au);
}

static const struct screen_ops audit_ops = {
    .name = "audit",
    .title = N_("Audit log"),
    .open = audit_open,
    .draw = audit_draw,
    .request = audit_request,
    .close = audit_close,
};

struct screen *audit_screen_new(struct app *a)
{
    struct audit *au = xcalloc(1, sizeof *au);
    au->app = a;
    return screen_new(&audit_ops, au);
}

struct screen *audit_screen_for(struct app *a, const char *tbl, int64_t row_id)
{
    struct screen *s = audit_screen_new(a);
    struct audit *au = s->data;
    snprintf(au->f.tbl, sizeof au->f.tbl, "%s", tbl);
    au->f.row_id = row_id;
    return s;
}

/* ---- read-only text ------------------------------------------------------------------- */

struct text {
    const char *title;
    char *text;
    int top;        /* first visual row shown */
    int rows, page; /* visual rows at the last draw, rows per page */
};

/* Walk the text as visual rows of width w; draw rows [top, top+h) at y. */
static int layout(struct text *t, int w, int y, int x, int top, int h)
{
    int row = 0;
    char buf[1024];
    for (const char *p = t->text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        enum ui_style st = UI_NORMAL;
        if (n && (*p == '\1' || *p == '\2')) {
            st = *p == '\1' ? UI_FOCUS : UI_HEADER;
            p++, n--;
        }
        char *line = xstrndup(p, n);
        const char *q = line;
        do {
            ui_cut(q, w, buf, sizeof buf);
            size_t used = strlen(buf);
            if (!used && *q) used = strlen(q); /* a character wider than w */
            if (h > 0 && row >= top && row < top + h) ui_text(y + row - top, x, w, st, buf);
            row++;
            q += used;
        } while (*q);
        free(line);
        p += n;
        if (*p == '\n') p++;
    }
    return row;
}

static void text_draw(struct screen *s, const struct ui_rect *r)
{
    struct text *t = s->data;
    int w = r->w - 4, h = r->h - 1;
    t->rows = layout(t, w, 0, 0, 0, 0);
    t->page = h > 1 ? h - 1 : 1;
    if (t->top > t->rows - h) t->top = t->rows - h;
    if (t->top < 0) t->top = 0;
    layout(t, w, r->y, r->x + 2, t->top, h);
    static const struct admin_hint hints[] = {{ACT_DOWN, N_("down")},
                                              {ACT_PAGE_DOWN, N_("page down")},
                                              {ACT_PAGE_UP, N_("page up")},
                                              {ACT_BACK, N_("back")}};
    if (t->rows > h)
        admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "audit-row", hints, 4);
    else
        admin_hints(r->y + r->h - 1, r->x + 2, r->w - 4, "audit-row", hints + 3, 1);
}

static enum action text_request(struct screen *s, enum action a, ui_key key)
{
    struct text *t = s->data;
    (void)key;
    int old = t->top;
    switch (a) {
    case ACT_DOWN:
        t->top++;
        break;
    case ACT_UP:
        t->top--;
        break;
    case ACT_PAGE_DOWN:
        t->top += t->page;
        break;
    case ACT_PAGE_UP:
        t->top -= t->page;
        break;
    case ACT_FIRST:
        t->top = 0;
        break;
    case ACT_LAST:
        t->top = t->rows;
        break;
    default:
        return a;
    }
    if (t->top < 0) t->top = 0;
    if (t->top != old) ui_dirty();
    return ACT_NONE;
}

static void text_close(struct screen *s)
{
    struct text *t = s->data;
    free(t->text);
    free(t);
}

static const char *text_title(struct screen *s)
{
    struct text *t = s->data;
    return _(t->title);
}

static const struct screen_ops text_ops = {
    .name = "audit-row",
    .title = N_("Audit record"),
    .draw = text_draw,
    .request = text_request,
    .close = text_close,
    .title_of = text_title,
};

struct screen *audit_text_screen_new(const char *title, char *text)
{
    struct text *t = xcalloc(1, sizeof *t);
    t->title = title;
    t->text = text;
    return screen_new(&text_ops, t);
}
