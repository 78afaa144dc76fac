#include "screens/household.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/division.h"
#include "domain/phone.h"
#include "domain/role.h"
#include "screens/history.h"
#include "screens/ledgerfmt.h"
#include "screens/resident.h"
#include "store/division.h"
#include "store/household.h"
#include "store/resident.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* A household larger than this is a data error; the card says so. */
#define CARD_MAX_MEMBERS 200
#define PICK_MAX         3000

/* ---- the card ------------------------------------------------------------- */

struct card {
    struct app *app;
    int64_t id;
    struct household_rec h;
    char where[192]; /* grid > building */
    struct resident_rec *m;
    char (*full_id)[19]; /* unmasked numbers, kept while the card is open */
    char (*full_phone)[32];
    int n;
    struct ui_list list;
};

static int editor(struct card *c)
{
    if (role_may_edit_ledger(c->app->me.role)) return 1;
    ui_error("%s", _("Your role may not change the ledger."));
    return 0;
}

static void where_of(store *db, const char *code, char *out, size_t size)
{
    struct division_rec d, g;
    wg_err e = {{0}};
    char grid[19];
    out[0] = '\0';
    if (division_get(db, code, &d, &e) < 0) {
        snprintf(out, size, "%s", code);
        return;
    }
    if (d.level == DIV_BUILDING && division_parent(code, grid) == 0 &&
        division_get(db, grid, &g, &e) == 0)
        snprintf(out, size, "%s > %s", g.name, d.name);
    else
        snprintf(out, size, "%s", d.name);
}

static int card_load(struct card *c, wg_err *e)
{
    if (household_get(c->app->db, c->id, &c->h, e) < 0) return -1;
    where_of(c->app->db, c->h.division_code, c->where, sizeof c->where);
    int64_t keep = c->list.cur >= 0 && c->list.cur < c->n ? c->m[c->list.cur].id : 0;
    int n = resident_list(c->app->db, c->id, 1, 0, CARD_MAX_MEMBERS, c->m, e);
    if (n < 0) return -1;
    /* Rows may move on reload: numbers shown in full are masked again. */
    memset(c->full_id, 0, CARD_MAX_MEMBERS * sizeof *c->full_id);
    memset(c->full_phone, 0, CARD_MAX_MEMBERS * sizeof *c->full_phone);
    c->n = n;
    ui_list_set_count(&c->list, n);
    for (int i = 0; i < n; i++)
        if (c->m[i].id == keep) c->list.cur = i;
    return 0;
}

static int gone(const struct resident_rec *r)
{
    return strcmp(r->status, "resident") != 0;
}

enum { C_NAME = 8, C_REL = 11, C_SEX = 7, C_BIRTH = 11, C_ID = 19, C_PHONE = 12 };

static void draw_member(void *ctx, int i, int y, int x, int w, int sel)
{
    struct card *c = ctx;
    const struct resident_rec *r = &c->m[i];
    enum ui_style st = sel ? UI_SELECTED : gone(r) ? UI_DIM : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    int cx = x + 2;
    ui_text(y, cx, C_NAME - 1, st, r->name);
    cx += C_NAME;
    ui_text(y, cx, C_REL - 1, st, ledgerfmt_relation(r->relation));
    cx += C_REL;
    ui_text(y, cx, C_SEX - 1, st, ledgerfmt_sex(r->sex));
    cx += C_SEX;
    ui_text(y, cx, C_BIRTH - 1, st, r->birth_date);
    cx += C_BIRTH;
    ui_text(y, cx, C_ID - 1, st, c->full_id[i][0] ? c->full_id[i] : r->id_number);
    cx += C_ID;
    ui_text(y, cx, C_PHONE - 1, st, c->full_phone[i][0] ? c->full_phone[i] : r->phone);
    cx += C_PHONE;
    ui_text(y, cx, x + w - cx, st, gone(r) ? ledgerfmt_status(r->status) : r->tags);
}

static const char *member_label(void *ctx, int i, char *buf, size_t size)
{
    struct card *c = ctx;
    snprintf(buf, size, "%s", c->m[i].name);
    return buf;
}

static int card_open(struct screen *s, wg_err *e)
{
    struct card *c = s->data;
    c->m = xcalloc(CARD_MAX_MEMBERS, sizeof *c->m);
    c->full_id = xcalloc(CARD_MAX_MEMBERS, sizeof *c->full_id);
    c->full_phone = xcalloc(CARD_MAX_MEMBERS, sizeof *c->full_phone);
    ui_list_init(&c->list, draw_member, member_label, c);
    return card_load(c, e);
}

static void card_resume(struct screen *s)
{
    struct card *c = s->data;
    wg_err e = {{0}};
    if (card_load(c, &e) < 0) ui_error("%s", e.msg);
}

static void card_draw(struct screen *s, const struct ui_rect *r)
{
    struct card *c = s->data;
    const struct household_rec *h = &c->h;
    int x = r->x + 2, w = r->w - 4, y = r->y;
    int half = w / 2;
    int used = ui_textf(y, x, w, UI_HEADER, "%s", h->address);
    if (h->number[0])
        ui_textf(y, x + used + 2, w - used - 2, UI_DIM, _("Register no. %s"), h->number);
    if (strcmp(h->status, "active") != 0)
        ui_text(y, x + w - 10, 10, UI_ERROR, ledgerfmt_status(h->status));
    y++;
    ui_textf(y, x, half, UI_NORMAL, _("Head: %s   Members: %d"),
             h->head_name[0] ? h->head_name : _("(none)"), h->members);
    ui_textf(y, x + half, w - half, UI_NORMAL, _("Integrity points: %d"), h->integrity_points);
    y++;
    ui_textf(y, x, half, UI_NORMAL, _("Grid: %s"), c->where);
    ui_textf(y, x + half, w - half, UI_NORMAL, _("Phone: %s"), h->phone[0] ? h->phone : "-");
    y++;
    if (h->note[0]) ui_textf(y, x, w, UI_DIM, _("Note: %s"), h->note);
    y++;
    /* members */
    ui_text_pad(y, r->x, r->w, UI_HEADER, "");
    static const struct {
        int width;
        const char *label;
    } cols[] = {{C_NAME, N_("Name")},        {C_REL, N_("Relation")}, {C_SEX, N_("Sex")},
                {C_BIRTH, N_("Birth date")}, {C_ID, N_("ID number")}, {C_PHONE, N_("Phone")}};
    int cx = x;
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
        ui_text(y, cx, cols[i].width - 1, UI_HEADER, _(cols[i].label));
        cx += cols[i].width;
    }
    ui_text(y, cx, r->x + r->w - cx, UI_HEADER, _("Tags"));
    y++;
    struct ui_rect lr = {y, r->x, r->y + r->h - 3 - y, r->w};
    ui_list_draw(&c->list, &lr, _("No members yet: press a to add the household head."));
    /* The selected member in full: the columns cut tags and say nothing of
     * why someone left. */
    int dy = r->y + r->h - 3;
    ui_hline(dy++, r->x, r->w);
    if (c->list.cur >= 0 && c->list.cur < c->n) {
        const struct resident_rec *m = &c->m[c->list.cur];
        if (gone(m))
            ui_textf(dy, x, w, UI_NORMAL, _("%s: %s %s %s"), m->name, ledgerfmt_status(m->status),
                     m->status_date, m->status_note);
        else
            ui_textf(dy, x, w, UI_NORMAL, _("%s: %s, %s. Tags: %s"), m->name,
                     m->ethnicity[0] ? m->ethnicity : "-", m->address[0] ? m->address : h->address,
                     m->tags[0] ? m->tags : _("none"));
    }
    char add[32], edit[32], move[32], unmask[32], hist[32];
    ledgerfmt_keys("household", ACT_ADD, add, sizeof add);
    ledgerfmt_keys("household", ACT_EDIT, edit, sizeof edit);
    ledgerfmt_keys("household", ACT_MOVE, move, sizeof move);
    ledgerfmt_keys("household", ACT_UNMASK, unmask, sizeof unmask);
    ledgerfmt_keys("household", ACT_HISTORY, hist, sizeof hist);
    ui_textf(r->y + r->h - 1, x, w, UI_DIM,
             _("%s: add  Enter: edit  %s: household  %s: move  %s: unmask  %s: history"), add, edit,
             move, unmask, hist);
}

/* ---- asking ------------------------------------------------------------------ */

/* A date, today by default; asked again (what was typed kept) until it is a
 * real date not in the future. 0 on Esc. */
static int ask_date(const char *title, char out[11])
{
    char buf[64]; /* ui_prompt keeps (size - 1) / 4 characters */
    ledgerfmt_today(buf);
    const char *label = _("Date (YYYY-MM-DD):");
    char msg[160];
    for (;;) {
        if (!ui_prompt(title, label, buf, sizeof buf, 0)) return 0;
        if (ledgerfmt_past_date(buf)) break;
        snprintf(msg, sizeof msg, _("Not a real past date, YYYY-MM-DD:"));
        label = msg;
    }
    snprintf(out, 11, "%s", buf);
    return 1;
}

static int ask_note(const char *title, const char *label, char *out, size_t size)
{
    out[0] = '\0';
    return ui_prompt(title, label, out, size, 0);
}

/* Walk down from the top of my scope to a grid or building. -1 on Esc. */
static int pick_division(store *db, const char *start, char out[19])
{
    struct division_rec node;
    wg_err e = {{0}};
    int rc = start && start[0] ? division_get(db, start, &node, &e) : division_root(db, &node, &e);
    if (rc < 0) {
        ui_error("%s", e.msg);
        return -1;
    }
    struct division_rec *kids = xcalloc(PICK_MAX, sizeof *kids);
    const char **labels = xcalloc(PICK_MAX + 2, sizeof *labels);
    int result = -1;
    for (;;) {
        if (node.level == DIV_BUILDING) {
            memcpy(out, node.code, 19);
            result = 0;
            break;
        }
        int n = division_children(db, node.code, 0, 0, PICK_MAX, kids, &e);
        if (n < 0) {
            ui_error("%s", e.msg);
            break;
        }
        if (node.level == DIV_GRID && n == 0) {
            memcpy(out, node.code, 19);
            result = 0;
            break;
        }
        int k = 0, whole = node.level == DIV_GRID;
        char whole_label[160];
        if (whole) {
            snprintf(whole_label, sizeof whole_label, _("%s (the grid itself)"), node.name);
            labels[k++] = whole_label;
        }
        for (int i = 0; i < n; i++) labels[k++] = kids[i].name;
        char title[160];
        snprintf(title, sizeof title, _("Where to, in %s?"), node.name);
        int p = ui_pick(title, labels, k, 0, NULL);
        if (p < 0) break;
        if (whole && p == 0) {
            memcpy(out, node.code, 19);
            result = 0;
            break;
        }
        node = kids[p - whole];
    }
    free(kids);
    free(labels);
    return result;
}

/* A household in division other than self. 0 on Esc. */
static int64_t pick_household(store *db, const char *division, int64_t self)
{
    wg_err e = {{0}};
    struct household_rec *hs = xcalloc(PICK_MAX, sizeof *hs);
    int n = household_list(db, division, 0, 0, PICK_MAX, hs, &e);
    int64_t id = 0;
    if (n < 0) {
        ui_error("%s", e.msg);
    } else {
        char(*text)[256] = xcalloc((size_t)(n > 0 ? n : 1), sizeof *text);
        const char **labels = xcalloc((size_t)(n > 0 ? n : 1), sizeof *labels);
        int64_t *ids = xcalloc((size_t)(n > 0 ? n : 1), sizeof *ids);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (hs[i].id == self) continue;
            snprintf(text[k], sizeof text[k], "%s  %s", hs[i].address, hs[i].head_name);
            labels[k] = text[k];
            ids[k++] = hs[i].id;
        }
        if (k == 0)
            ui_error("%s", _("There is no other household there."));
        else {
            int p = ui_pick(_("Into which household? (type to filter)"), labels, k, 0, NULL);
            if (p >= 0) id = ids[p];
        }
        free(text);
        free(labels);
        free(ids);
    }
    free(hs);
    return id;
}

static const char *pick_relation(const char *title)
{
    const char *labels[16];
    for (int i = 0; i < ledgerfmt_nrelations && i < 16; i++)
        labels[i] = _(ledgerfmt_relations[i].label);
    int p = ui_pick(title, labels, ledgerfmt_nrelations, ledgerfmt_nrelations - 1, NULL);
    return p < 0 ? NULL : ledgerfmt_relations[p].value;
}

static void done(struct card *c, int rc, const wg_err *e, const char *ok)
{
    if (rc < 0) {
        ui_error("%s", e->msg);
        return;
    }
    wg_err e2 = {{0}};
    if (card_load(c, &e2) < 0) ui_error("%s", e2.msg);
    ui_status("%s", ok);
    ui_dirty();
}

/* ---- moves --------------------------------------------------------------------- */

enum move_op {
    OP_MOVE_OUT,
    OP_DECEASED,
    OP_TRANSFER,
    OP_HEAD,
    OP_RESTORE,
    OP_REGRID,
    OP_DISSOLVE,
};

static void move_member(struct card *c, const struct resident_rec *m, enum move_op op)
{
    store *db = c->app->db;
    wg_err e = {{0}};
    char date[11], note[512], title[160];
    switch (op) {
    case OP_MOVE_OUT:
    case OP_DECEASED:
        snprintf(title, sizeof title, op == OP_MOVE_OUT ? _("%s moves out") : _("%s has died"),
                 m->name);
        if (!ask_date(title, date)) return;
        if (!ask_note(title, _("Note (where to, cause):"), note, sizeof note)) return;
        done(c,
             op == OP_MOVE_OUT ? resident_move_out(db, m->id, date, note, &e)
                               : resident_deceased(db, m->id, date, note, &e),
             &e, _("Recorded; the history keeps it."));
        return;
    case OP_TRANSFER: {
        char to[19];
        if (pick_division(db, NULL, to) < 0) return;
        int64_t hh = pick_household(db, to, c->id);
        if (!hh) return;
        snprintf(title, sizeof title, _("%s: relation to the new head"), m->name);
        const char *rel = pick_relation(title);
        if (!rel) return;
        snprintf(title, sizeof title, _("Transfer %s"), m->name);
        if (!ask_note(title, _("Note (reason):"), note, sizeof note)) return;
        done(c, resident_transfer(db, m->id, hh, rel, note, &e), &e,
             _("Transferred; the history keeps it."));
        return;
    }
    case OP_HEAD:
        done(c, household_set_head(db, c->id, m->id, &e), &e, _("The household head is changed."));
        return;
    case OP_RESTORE:
        snprintf(title, sizeof title, _("Restore %s as a resident of this household"), m->name);
        if (!ask_note(title, _("Note (why):"), note, sizeof note)) return;
        done(c, resident_restore(db, m->id, c->id, note, &e), &e,
             _("Restored; the history keeps it."));
        return;
    default:
        return;
    }
}

static void move_household(struct card *c, enum move_op op)
{
    store *db = c->app->db;
    wg_err e = {{0}};
    char note[512];
    if (op == OP_REGRID) {
        char to[19];
        if (pick_division(db, NULL, to) < 0) return;
        if (strcmp(to, c->h.division_code) == 0) {
            ui_status("%s", _("The household is already there."));
            return;
        }
        char where[192], q[320];
        where_of(db, to, where, sizeof where);
        snprintf(q, sizeof q, _("Move this household and its members to %s?"), where);
        if (!ui_confirm(q, 0)) return;
        done(c, household_move(db, c->id, to, &e), &e, _("Moved; the history keeps it."));
    } else if (op == OP_DISSOLVE) {
        if (!ask_note(_("Dissolve this household"), _("Note (why):"), note, sizeof note)) return;
        done(c, household_dissolve(db, c->id, note, &e), &e, _("The household is dissolved."));
    }
}

static void card_move(struct card *c)
{
    if (!editor(c)) return;
    const struct resident_rec *m =
        c->list.cur >= 0 && c->list.cur < c->n ? &c->m[c->list.cur] : NULL;
    const char *labels[8];
    enum move_op ops[8];
    int n = 0;
    char buf[4][160];
    if (m && !gone(m)) {
        snprintf(buf[0], sizeof buf[0], _("%s moves out"), m->name);
        labels[n] = buf[0], ops[n++] = OP_MOVE_OUT;
        snprintf(buf[1], sizeof buf[1], _("%s has died"), m->name);
        labels[n] = buf[1], ops[n++] = OP_DECEASED;
        snprintf(buf[2], sizeof buf[2], _("Transfer %s to another household"), m->name);
        labels[n] = buf[2], ops[n++] = OP_TRANSFER;
        if (strcmp(m->relation, "head") != 0) {
            snprintf(buf[3], sizeof buf[3], _("Make %s the household head"), m->name);
            labels[n] = buf[3], ops[n++] = OP_HEAD;
        }
    } else if (m) {
        snprintf(buf[0], sizeof buf[0], _("Restore %s as a resident of this household"), m->name);
        labels[n] = buf[0], ops[n++] = OP_RESTORE;
    }
    labels[n] = _("Move the whole household to another grid or building");
    ops[n++] = OP_REGRID;
    if (c->h.members == 0 && strcmp(c->h.status, "active") == 0) {
        labels[n] = _("Dissolve this household (nobody lives in it)");
        ops[n++] = OP_DISSOLVE;
    }
    int p = ui_pick(_("Move or change status"), labels, n, 0, NULL);
    if (p < 0) return;
    if (ops[p] == OP_REGRID || ops[p] == OP_DISSOLVE)
        move_household(c, ops[p]);
    else
        move_member(c, m, ops[p]);
}

static void card_unmask(struct card *c)
{
    if (!role_may_unmask(c->app->me.role)) {
        ui_error("%s", _("Your role may not see full ID and phone numbers."));
        return;
    }
    int i = c->list.cur;
    if (i < 0 || i >= c->n) return;
    wg_err e = {{0}};
    if (resident_unmask(c->app->db, c->m[i].id, c->full_id[i], c->full_phone[i],
                        sizeof c->full_phone[i], &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    ui_status(_("Full numbers of %s shown; this is recorded in the audit log."), c->m[i].name);
    ui_dirty();
}

static enum action card_request(struct screen *s, enum action a, ui_key key)
{
    struct card *c = s->data;
    if ((a = ui_list_request(&c->list, a, key)) == ACT_NONE) return ACT_NONE;
    switch (a) {
    case ACT_ENTER:
        if (c->list.cur >= 0 && c->list.cur < c->n)
            ui_push(resident_form_new(c->app, c->id, c->m[c->list.cur].id, NULL));
        return ACT_NONE;
    case ACT_ADD:
        if (!editor(c)) return ACT_NONE;
        if (strcmp(c->h.status, "active") != 0) {
            ui_error("%s", _("The household is dissolved; add people to an active one."));
            return ACT_NONE;
        }
        ui_push(resident_form_new(c->app, c->id, 0, c->n == 0 ? "head" : NULL));
        return ACT_NONE;
    case ACT_EDIT:
        if (!editor(c)) return ACT_NONE;
        ui_push(household_form_new(c->app, NULL, c->id, NULL, NULL));
        return ACT_NONE;
    case ACT_MOVE:
        card_move(c);
        return ACT_NONE;
    case ACT_UNMASK:
        card_unmask(c);
        return ACT_NONE;
    case ACT_HISTORY:
        ui_push(history_screen_new(c->app, c->id, 0));
        return ACT_NONE;
    case ACT_REFRESH:
        card_resume(s);
        ui_dirty();
        return ACT_NONE;
    default:
        return a;
    }
}

static void card_close(struct screen *s)
{
    struct card *c = s->data;
    free(c->m);
    free(c->full_id);
    free(c->full_phone);
    free(c);
}

static const struct screen_ops card_ops = {
    .name = "household",
    .title = N_("Household"),
    .open = card_open,
    .draw = card_draw,
    .request = card_request,
    .close = card_close,
    .resume = card_resume,
};

struct screen *household_screen_new(struct app *a, int64_t id)
{
    struct card *c = xcalloc(1, sizeof *c);
    c->app = a;
    c->id = id;
    return screen_new(&card_ops, c);
}

/* ---- the household form ----------------------------------------------------------- */

#define HF_MAX_PLACES 201

struct hform {
    struct app *app;
    int64_t id;
    char division[19];
    struct household_rec orig;
    struct ui_form form;
    struct ui_choice places[HF_MAX_PLACES];
    char (*place_names)[96];
    char (*place_codes)[19];
    int nplaces;
    int f_place, f_address, f_number, f_phone, f_points, f_reason, f_note;
    household_saved_fn saved;
    void *ctx;
};

static int hf_check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct hform *hf = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    int rc = 0;
    char norm[32];
    if (strchr(t, '*')) {
        if (strcmp(t, hf->orig.phone) != 0)
            rc = wg_err_set(e, "%s", _("Unmask the number first, or clear the field and type it."));
    } else if (phone_parse(t, norm, sizeof norm, e) < 0) {
        rc = -1;
    }
    free(t);
    return rc;
}

static int hf_points(struct hform *hf)
{
    char *t = ui_field_text(ui_form_field(&hf->form, hf->f_points));
    int v = t[0] ? atoi(t) : 100;
    free(t);
    return v;
}

static int hf_check_reason(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct hform *hf = fld->ctx;
    (void)f;
    if (hf->id && hf_points(hf) != hf->orig.integrity_points && fld->te.len == 0)
        return wg_err_set(e, "%s", _("Say why the integrity points change."));
    return 0;
}

static int hf_open(struct screen *s, wg_err *e)
{
    struct hform *hf = s->data;
    store *db = hf->app->db;
    if (hf->id) {
        if (household_get(db, hf->id, &hf->orig, e) < 0) return -1;
        snprintf(hf->division, sizeof hf->division, "%s", hf->orig.division_code);
    } else {
        hf->orig.integrity_points = 100;
    }
    ui_form_init(&hf->form);
    hf->f_place = -1;
    if (!hf->id) {
        /* Where the new household lives: the grid or one of its buildings. */
        struct division_rec d;
        if (division_get(db, hf->division, &d, e) < 0) return -1;
        char grid[19];
        snprintf(grid, sizeof grid, "%s", hf->division);
        if (d.level == DIV_BUILDING) division_parent(hf->division, grid);
        struct division_rec *kids = xcalloc(HF_MAX_PLACES, sizeof *kids);
        int n = division_children(db, grid, 0, 0, HF_MAX_PLACES - 1, kids, e);
        if (n < 0) n = 0;
        hf->place_names = xcalloc(HF_MAX_PLACES, sizeof *hf->place_names);
        hf->place_codes = xcalloc(HF_MAX_PLACES, sizeof *hf->place_codes);
        struct division_rec g;
        if (division_get(db, grid, &g, e) < 0) {
            free(kids);
            return -1;
        }
        snprintf(hf->place_names[0], sizeof hf->place_names[0], "%s", g.name);
        snprintf(hf->place_codes[0], sizeof hf->place_codes[0], "%s", grid);
        for (int i = 0; i < n; i++) {
            snprintf(hf->place_names[i + 1], sizeof hf->place_names[0], "%s", kids[i].name);
            snprintf(hf->place_codes[i + 1], sizeof hf->place_codes[0], "%s", kids[i].code);
        }
        hf->nplaces = n + 1;
        for (int i = 0; i < hf->nplaces; i++) {
            hf->places[i].value = hf->place_codes[i];
            hf->places[i].label = hf->place_names[i];
        }
        free(kids);
        hf->f_place = hf->form.n;
        struct ui_field *f = ui_form_choice(&hf->form, N_("Grid or building"), hf->places,
                                            hf->nplaces, hf->division);
        f->translate_choices = 0;
        f->required = 1;
    }
    hf->f_address = hf->form.n;
    struct ui_field *f = ui_form_text(&hf->form, N_("Address"), hf->orig.address, 60);
    f->required = 1;
    hf->f_number = hf->form.n;
    ui_form_text(&hf->form, N_("Register number"), hf->orig.number, 30);
    hf->f_phone = hf->form.n;
    f = ui_form_text(&hf->form, N_("Phone"), hf->orig.phone, 24);
    f->validate = hf_check_phone;
    f->ctx = hf;
    char pts[16];
    snprintf(pts, sizeof pts, "%d", hf->orig.integrity_points);
    hf->f_points = hf->form.n;
    f = ui_form_number(&hf->form, N_("Integrity points"), pts);
    f->min = 0;
    f->max = 1000;
    f->required = 1;
    hf->f_reason = -1;
    if (hf->id) {
        hf->f_reason = hf->form.n;
        f = ui_form_text(&hf->form, N_("Reason for the points"), "", 60);
        f->validate = hf_check_reason;
        f->ctx = hf;
    }
    hf->f_note = hf->form.n;
    ui_form_multiline(&hf->form, N_("Note"), hf->orig.note, 2);
    return 0;
}

static void hf_draw(struct screen *s, const struct ui_rect *r)
{
    struct hform *hf = s->data;
    char submit[32], back[32];
    ledgerfmt_form_key(ACT_SUBMIT, submit, sizeof submit);
    ledgerfmt_form_key(ACT_BACK, back, sizeof back);
    ui_text(r->y, r->x + 2, r->w - 4, UI_HEADER,
            hf->id ? _("Edit the household") : _("A new household"));
    struct ui_rect fr = {r->y + 2, r->x, r->h - 4, r->w};
    ui_form_draw(&hf->form, s, &fr);
    ui_textf(r->y + r->h - 1, r->x + 2, r->w - 4, UI_DIM,
             _("Tab: next field   %s: save   %s: leave without saving"), submit, back);
}

static int hf_field_index(struct hform *hf, const char *field)
{
    if (!field) return -1;
    if (strcmp(field, "division_code") == 0) return hf->f_place;
    if (strcmp(field, "address") == 0) return hf->f_address;
    if (strcmp(field, "number") == 0) return hf->f_number;
    if (strcmp(field, "phone") == 0) return hf->f_phone;
    if (strcmp(field, "integrity_points") == 0) return hf->f_points;
    return -1;
}

static int hf_save(struct hform *hf)
{
    struct household_rec h = hf->orig;
    struct ui_form *f = &hf->form;
    char *t;
#define TAKE(idx, dst)                                                                             \
    do {                                                                                           \
        t = ui_field_text(ui_form_field(f, idx));                                                  \
        snprintf(dst, sizeof dst, "%s", t);                                                        \
        free(t);                                                                                   \
    } while (0)
    if (hf->f_place >= 0) {
        const char *v = ui_field_value(ui_form_field(f, hf->f_place));
        snprintf(h.division_code, sizeof h.division_code, "%s", v ? v : hf->division);
    }
    TAKE(hf->f_address, h.address);
    TAKE(hf->f_number, h.number);
    TAKE(hf->f_phone, h.phone);
    TAKE(hf->f_note, h.note);
    char reason[128] = "";
    if (hf->f_reason >= 0) TAKE(hf->f_reason, reason);
#undef TAKE
    h.integrity_points = hf_points(hf);
    const char *field = NULL;
    wg_err e = {{0}};
    int64_t id;
    if (hf->id) {
        id = household_update(hf->app->db, &h,
                              h.integrity_points != hf->orig.integrity_points ? reason : NULL,
                              &field, &e) < 0
                 ? -1
                 : hf->id;
    } else {
        id = household_add(hf->app->db, &h, &field, &e);
    }
    if (id < 0) {
        int k = hf_field_index(hf, field);
        if (k >= 0) {
            ui_field_error(ui_form_field(f, k), e.msg);
            f->cur = k;
        }
        ui_error("%s", e.msg);
        return -1;
    }
    ui_form_saved(f);
    ui_status("%s", _("Saved."));
    if (hf->saved) hf->saved(hf->ctx, id);
    return 0;
}

static enum action hf_request(struct screen *s, enum action a, ui_key key)
{
    struct hform *hf = s->data;
    a = ui_form_request(&hf->form, a, key);
    if (a == ACT_SUBMIT && hf_save(hf) == 0) {
        /* Pop here rather than return ACT_BACK: the screen below may open
         * the new household's card on resume, and the driver's "back" would
         * close that too. Nothing of hf may be touched after this. */
        ui_pop();
        return ACT_NONE;
    }
    if (a == ACT_SUBMIT) return ACT_NONE;
    return a;
}

static int hf_can_close(struct screen *s)
{
    struct hform *hf = s->data;
    return ui_form_can_close(&hf->form);
}

static void hf_close(struct screen *s)
{
    struct hform *hf = s->data;
    ui_form_free(&hf->form);
    free(hf->place_names);
    free(hf->place_codes);
    free(hf);
}

static const struct screen_ops hform_ops = {
    .name = "householdform",
    .title = N_("Household details"),
    .open = hf_open,
    .draw = hf_draw,
    .request = hf_request,
    .can_close = hf_can_close,
    .close = hf_close,
};

struct screen *household_form_new(struct app *a, const char *division, int64_t id,
                                  household_saved_fn saved, void *ctx)
{
    struct hform *hf = xcalloc(1, sizeof *hf);
    hf->app = a;
    hf->id = id;
    snprintf(hf->division, sizeof hf->division, "%s", division ? division : "");
    hf->saved = saved;
    hf->ctx = ctx;
    return screen_new(&hform_ops, hf);
}
