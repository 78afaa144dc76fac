#include "screens/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/role.h"
#include "screens/resident.h"
#include "store/resident.h"
#include "store/search.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/textedit.h"
#include "util/xalloc.h"

/* Hits fetched per query: several screenfuls; past that the user should type
 * more rather than scroll. */
#define SEARCH_SHOWN 100
/* Code points the box takes: even 4-byte characters stay within the engine's
 * byte limit, and no name, ID, phone or address fragment needs more. */
#define BOX_MAX (SEARCH_MAX_QUERY / 4)
/* Quiet time after the last edit before the query runs: longer than the gap
 * between a typist's keys, short enough to feel immediate. Keys typed one
 * by one over a slow link then cost the echo in the box, and one result
 * list at the end instead of one per key. */
#define SEARCH_IDLE_MS 300

enum outcome {
    OUT_EMPTY, /* nothing typed: show what can be typed */
    OUT_HITS,
    OUT_NONE,  /* nothing matched, or nothing searchable was typed */
    OUT_SHORT, /* digits only, too few to look for */
    OUT_ERROR, /* the engine failed (the database, not the query) */
};

struct search {
    struct app *app;
    struct textedit box;
    int in_list; /* focus: 0 the box, 1 the results */
    int stale;   /* the box differs from the query the results are for */
    char query[SEARCH_MAX_QUERY + 1];
    enum outcome outcome;
    char error[256]; /* OUT_ERROR: the store's message */
    struct search_hit *hits;
    int n;
    struct ui_list list;
    /* The hit shown with full ID and phone (after the audited unmask), or -1. */
    int unmasked;
    char full_id[19];
    char full_phone[32];
};

/* ---- labels ----------------------------------------------------------------------- */

static const char *sex_label(char sex)
{
    return sex == 'M' ? _("M") : sex == 'F' ? _("F") : "";
}

static const char *status_label(const char *status)
{
    if (strcmp(status, "moved_out") == 0) return _("Moved out");
    if (strcmp(status, "deceased") == 0) return _("Deceased");
    return _("Living here");
}

static void forget_unmasked(struct search *g)
{
    g->unmasked = -1;
    explicit_bzero(g->full_id, sizeof g->full_id);
    explicit_bzero(g->full_phone, sizeof g->full_phone);
}

/* ---- the query -------------------------------------------------------------------- */

/* Digits (an ID's final X, a landline's '-') with fewer than 4 of them: the
 * engine refuses it, and the user is best told to type on, not "no match". */
static int short_number(const char *q)
{
    int digits = 0, other = 0;
    for (const char *p = q; *p; p++) {
        if ((*p >= '0' && *p <= '9') || *p == 'x' || *p == 'X')
            digits++;
        else if (*p != '-' && *p != ' ')
            other++;
    }
    return digits > 0 && digits < 4 && !other;
}

static int blank(const char *q)
{
    for (; *q; q++)
        if (*q != ' ' && *q != '\t') return 0;
    return 1;
}

/* Run the query if the box changed since the last run: from the idle timer
 * once typing pauses, or at once when the user moves on (Down, Enter). Keys
 * that arrive together (a fast typist, an input method's whole word, a slow
 * link's burst) cost one query and one screen update, not one each. */
static void run_query(struct search *g)
{
    if (!g->stale) return;
    g->stale = 0;
    char *q = textedit_get(&g->box);
    int same = strcmp(q, g->query) == 0;
    snprintf(g->query, sizeof g->query, "%s", q);
    free(q);
    if (same) return; /* typed and rubbed out again: the results stand */
    forget_unmasked(g);
    g->n = 0;
    if (blank(g->query)) {
        g->outcome = OUT_EMPTY;
    } else {
        wg_err e = {{0}};
        int n = search_residents(g->app->db, g->query, SEARCH_SHOWN, g->hits, &e);
        g->n = n > 0 ? n : 0;
        if (n > 0)
            g->outcome = OUT_HITS;
        else if (n == SEARCH_FAILED) {
            g->outcome = OUT_ERROR;
            snprintf(g->error, sizeof g->error, "%s", e.msg);
        } else {
            /* A query the engine refuses (punctuation only, say) is not an
             * error to the user: it matches nobody, or needs more digits. */
            g->outcome = short_number(g->query) ? OUT_SHORT : OUT_NONE;
        }
    }
    ui_list_set_count(&g->list, g->n);
    g->list.cur = g->n ? 0 : -1;
    g->list.top = 0;
    if (!g->n) g->in_list = 0;
    ui_dirty();
}

static void rerun(struct search *g)
{
    /* A control character can never be typed into the box: this run
     * searches even though the text is the same. */
    snprintf(g->query, sizeof g->query, "\x01");
    g->stale = 1;
    run_query(g);
}

/* ---- drawing ---------------------------------------------------------------------- */

enum { W_NAME = 10, W_SEX = 4, W_BIRTH = 10, W_ID = 18, W_PHONE = 11 };

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct search *g = ctx;
    const struct search_hit *h = &g->hits[i];
    int gone = strcmp(h->status, "resident") != 0;
    enum ui_style st = sel ? UI_SELECTED : gone ? UI_DIM : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    int cx = x + 1;
    ui_text(y, cx, W_NAME, st, h->name);
    cx += W_NAME + 1;
    ui_text(y, cx, W_SEX, st, sex_label(h->sex));
    cx += W_SEX + 1;
    ui_text(y, cx, W_BIRTH, st, h->birth);
    cx += W_BIRTH + 1;
    int full = i == g->unmasked;
    ui_text(y, cx, W_ID, st, full ? g->full_id : h->id_masked);
    cx += W_ID + 1;
    ui_text(y, cx, W_PHONE, st, full ? g->full_phone : h->phone_masked);
    cx += W_PHONE + 1;
    int rest = x + w - cx;
    if (rest <= 0) return;
    /* Without colour a dimmed row looks like any other: say it in words. */
    char addr[256];
    if (gone)
        snprintf(addr, sizeof addr, "[%s] %s", status_label(h->status), h->address);
    else
        snprintf(addr, sizeof addr, "%s", h->address);
    if (rest >= 44) {
        ui_text(y, cx, 20, st, h->grid_name);
        cx += 21;
        rest -= 21;
    }
    ui_text(y, cx, rest, st, addr);
}

static void draw_header(int y, int x, int w)
{
    ui_text_pad(y, x, w, UI_HEADER, "");
    int cx = x + 1;
    ui_text(y, cx, W_NAME, UI_HEADER, _("Name"));
    cx += W_NAME + 1;
    ui_text(y, cx, W_SEX, UI_HEADER, _("Sex"));
    cx += W_SEX + 1;
    ui_text(y, cx, W_BIRTH, UI_HEADER, _("Born"));
    cx += W_BIRTH + 1;
    ui_text(y, cx, W_ID, UI_HEADER, _("ID number"));
    cx += W_ID + 1;
    ui_text(y, cx, W_PHONE, UI_HEADER, _("Phone"));
    cx += W_PHONE + 1;
    int rest = x + w - cx;
    if (rest >= 44) {
        ui_text(y, cx, 20, UI_HEADER, _("Grid"));
        cx += 21;
        rest -= 21;
    }
    if (rest > 0) ui_text(y, cx, rest, UI_HEADER, _("Address"));
}

static void draw_examples(const struct ui_rect *r)
{
    /* The examples are what one types, the same in every language. */
    static const struct {
        const char *example, *what;
    } lines[] = {
        {"张三, 三丰", N_("a name or part of it")},
        {"zhangsan, zs", N_("its pinyin, or the pinyin initials")},
        {"0010, 12345X", N_("the last 4-6 characters of an ID number")},
        {"5678", N_("the last 4 digits of a phone number")},
        {"13812345678", N_("a whole phone number (or ID number)")},
        {"1号楼, 幸福路", N_("part of an address")},
    };
    if (r->h < 1) return;
    ui_text(r->y, r->x + 2, r->w - 4, UI_NORMAL, _("What you can type:"));
    for (size_t i = 0; i < sizeof lines / sizeof *lines && (int)i + 1 < r->h; i++) {
        int y = r->y + 1 + (int)i;
        ui_text(y, r->x + 4, 16, UI_HEADER, lines[i].example);
        ui_text(y, r->x + 22, r->w - 24, UI_DIM, _(lines[i].what));
    }
}

static void search_draw(struct screen *s, const struct ui_rect *r)
{
    struct search *g = s->data;
    int y = r->y + 1, x = r->x, w = r->w;
    /* the box */
    const char *label = _("Find:");
    int lw = ui_width(label);
    ui_text(y, x + 2, lw, g->in_list ? UI_NORMAL : UI_HEADER, label);
    int bx = x + 2 + lw + 1, bw = w - (bx - x) - 2;
    if (bw > 40) bw = 40;
    char view[256];
    int col = textedit_view(&g->box, bw, view, sizeof view, NULL);
    ui_text_pad(y, bx, bw, g->in_list ? UI_FIELD : UI_FOCUS, view);
    s->mode = NULL;
    if (!g->in_list) {
        s->cursor_visible = 1;
        s->cursor_y = y;
        s->cursor_x = bx + col;
        s->mode = "edit";
    }
    y += 2;
    /* the results, with a line about the selected one and a count below */
    struct ui_rect lr = {y + 1, x, r->y + r->h - (y + 1) - 3, w};
    switch (g->outcome) {
    case OUT_EMPTY:
        draw_examples(&lr);
        break;
    case OUT_SHORT:
        ui_text(lr.y, x + 2, w - 4, UI_NORMAL,
                _("Type at least 4 digits of an ID or phone number."));
        break;
    case OUT_NONE:
        ui_textf(lr.y, x + 2, w - 4, UI_NORMAL, _("No resident in your area matches \"%s\"."),
                 g->query);
        break;
    case OUT_ERROR:
        ui_textf(lr.y, x + 2, w - 4, UI_ERROR, _("The search failed: %s"), g->error);
        break;
    case OUT_HITS:
        draw_header(y, x, w);
        ui_list_draw(&g->list, &lr, NULL);
        break;
    }
    int by = r->y + r->h - 2;
    if (g->outcome == OUT_HITS && g->list.cur >= 0) {
        const struct search_hit *h = &g->hits[g->list.cur];
        ui_textf(by, x + 1, w - 2, UI_DIM, _("%s: found by %s \"%s\"; %s, %s"), h->name,
                 _(search_why_text(h->why)), h->matched, h->grid_name, status_label(h->status));
        if (g->n == SEARCH_SHOWN)
            ui_textf(by + 1, x + 1, w - 2, UI_NORMAL,
                     _("The first %d shown; type more to narrow them. Enter: open"), g->n);
        else
            ui_textf(by + 1, x + 1, w - 2, UI_NORMAL,
                     _("%d found. Down: into the list   Enter: open"), g->n);
    }
}

/* ---- requests --------------------------------------------------------------------- */

static int have_selection(struct search *g)
{
    run_query(g);
    if (g->list.cur >= 0 && g->list.cur < g->n) return 1;
    ui_status("%s", _("Nothing to open: type a name or number first."));
    return 0;
}

static void open_hit(struct search *g)
{
    if (!have_selection(g)) return;
    const struct search_hit *h = &g->hits[g->list.cur];
    ui_push(resident_form_new(g->app, h->household_id, h->resident_id, NULL));
}

/* The selected hit's full ID and phone, in its row, until the results change. */
static void unmask_hit(struct search *g)
{
    /* Only a row the user has seen: results still to come are shown first. */
    if (g->stale) {
        run_query(g);
        return;
    }
    if (!have_selection(g) || g->unmasked == g->list.cur) return;
    if (!role_may_unmask(g->app->me.role)) {
        ui_error("%s", _("Your role may not see full ID and phone numbers."));
        return;
    }
    forget_unmasked(g);
    wg_err e = {{0}};
    if (resident_unmask(g->app->db, g->hits[g->list.cur].resident_id, g->full_id, g->full_phone,
                        sizeof g->full_phone, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    g->unmasked = g->list.cur;
    ui_status("%s", _("Shown in full; this was recorded in the audit log."));
    ui_dirty();
}

/* Typing and editing in the box; 1 if the key was for the box. */
static int box_key(struct search *g, ui_key key)
{
    int changed = 0;
    if (key_is_text(key)) {
        if (textedit_insert(&g->box, (uint32_t)key) == 0)
            changed = 1;
        else
            ui_status("%s", _("The search box is full."));
        ui_dirty();
    } else {
        switch (keymap_lookup_only(ui_keymap(), "edit", key)) {
        case ACT_CURSOR_LEFT:
            textedit_left(&g->box);
            break;
        case ACT_CURSOR_RIGHT:
            textedit_right(&g->box);
            break;
        case ACT_LINE_START:
            textedit_home(&g->box);
            break;
        case ACT_LINE_END:
            textedit_end(&g->box);
            break;
        case ACT_DELETE_BACK:
            changed = textedit_backspace(&g->box);
            break;
        case ACT_DELETE_CHAR:
            changed = textedit_delete(&g->box);
            break;
        case ACT_KILL_LINE:
            changed = textedit_kill_line(&g->box);
            break;
        case ACT_KILL_END:
            changed = textedit_kill_end(&g->box);
            break;
        default:
            return 0;
        }
        ui_dirty();
    }
    if (changed) {
        g->stale = 1;
        ui_idle_after(SEARCH_IDLE_MS);
    }
    return 1;
}

static enum action focus_request(struct screen *s, enum action a, ui_key key)
{
    struct search *g = s->data;
    if (!g->in_list) {
        if (box_key(g, key)) return ACT_NONE;
        switch (a) {
        case ACT_DOWN:
        case ACT_NEXT_FIELD:
        case ACT_PAGE_DOWN:
            run_query(g);
            if (g->n > 0) g->in_list = 1;
            ui_dirty();
            return ACT_NONE;
        case ACT_ENTER:
            open_hit(g);
            return ACT_NONE;
        case ACT_UNMASK:
            unmask_hit(g);
            return ACT_NONE;
        case ACT_REFRESH:
            rerun(g);
            return ACT_NONE;
        case ACT_SEARCH: /* already here */
            return ACT_NONE;
        default:
            return a;
        }
    }
    /* In the list: typing goes back to the box, so nothing typed is lost. */
    enum action ea = keymap_lookup_only(ui_keymap(), "edit", key);
    if ((a == ACT_NONE && key_is_text(key)) || ea == ACT_DELETE_BACK || ea == ACT_KILL_LINE) {
        g->in_list = 0;
        box_key(g, key);
        return ACT_NONE;
    }
    if ((a == ACT_UP && g->list.cur <= 0) || a == ACT_PREV_FIELD || a == ACT_NEXT_FIELD ||
        a == ACT_SEARCH) {
        g->in_list = 0;
        ui_dirty();
        return ACT_NONE;
    }
    a = ui_list_request(&g->list, a, key);
    switch (a) {
    case ACT_ENTER:
        open_hit(g);
        return ACT_NONE;
    case ACT_UNMASK:
        unmask_hit(g);
        return ACT_NONE;
    case ACT_REFRESH:
        rerun(g);
        return ACT_NONE;
    default:
        return a;
    }
}

/* The driver looks the next key up in s->mode: it must follow the focus at
 * once, not at the next draw, or keys that arrive together (Down Enter, as a
 * slow link delivers them) would be read in the box's keymap. */
static enum action search_request(struct screen *s, enum action a, ui_key key)
{
    struct search *g = s->data;
    enum action left = focus_request(s, a, key);
    s->mode = g->in_list ? NULL : "edit";
    return left;
}

static int search_open(struct screen *s, wg_err *e)
{
    struct search *g = s->data;
    (void)e;
    textedit_init(&g->box, BOX_MAX);
    g->hits = xcalloc(SEARCH_SHOWN, sizeof *g->hits);
    ui_list_init(&g->list, draw_row, NULL, g);
    g->outcome = OUT_EMPTY;
    g->unmasked = -1;
    return 0;
}

/* The user stopped typing: the results catch up with the box. */
static void search_idle(struct screen *s)
{
    run_query(s->data);
}

/* Back from a resident: it may have changed (moved out, renamed). */
static void search_resume(struct screen *s)
{
    struct search *g = s->data;
    int cur = g->list.cur, top = g->list.top;
    rerun(g);
    if (cur >= 0 && cur < g->n) g->list.cur = cur, g->list.top = top;
}

static void search_close(struct screen *s)
{
    struct search *g = s->data;
    textedit_free(&g->box);
    forget_unmasked(g);
    free(g->hits);
    free(g);
}

static const struct screen_ops search_ops = {
    .name = "search",
    .title = N_("Search residents"),
    .open = search_open,
    .draw = search_draw,
    .request = search_request,
    .close = search_close,
    .resume = search_resume,
    .idle = search_idle,
};

struct screen *search_screen_new(struct app *a)
{
    struct search *g = xcalloc(1, sizeof *g);
    g->app = a;
    return screen_new(&search_ops, g);
}
