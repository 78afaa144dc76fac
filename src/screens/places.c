#include "screens/places.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/phone.h"
#include "domain/role.h"
#include "store/division.h"
#include "store/organisation.h"
#include "store/place.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "util/xalloc.h"

/* Rows read: enough for any village; a county-wide list is narrowed with
 * the filters rather than scrolled. */
#define PLACES_MAX_ROWS 1000
/* Areas offered in the area filter and the form's area picker (towns,
 * villages and grids under the scope). */
#define PLACES_MAX_AREAS 4000

enum tab { TAB_PLACES, TAB_ORGS, TAB_COUNT };

static const struct ui_choice place_kinds[] = {
    {"building", N_("Building")},     {"shop", N_("Shop")},         {"school", N_("School")},
    {"clinic", N_("Clinic")},         {"hospital", N_("Hospital")}, {"market", N_("Market")},
    {"enterprise", N_("Enterprise")}, {"facility", N_("Facility")}, {"camera", N_("Camera")},
    {"other", N_("Other")},
};
static const struct ui_choice org_kinds[] = {
    {"property", N_("Property company")},
    {"social", N_("Social organisation")},
    {"party_branch", N_("Party branch")},
    {"enterprise", N_("Enterprise")},
    {"other", N_("Other")},
};
static const struct ui_choice place_states[] = {
    {"normal", N_("Normal")},
    {"hazard", N_("Hazard")},
    {"closed", N_("Closed")},
};
static const struct ui_choice org_ratings[] = {
    {"none", N_("Not rated")},
    {"red", N_("Red list")},
    {"black", N_("Black list")},
};

static const struct tab_def {
    const char *name;       /* tab label (msgid) */
    const char *name_label; /* label of the name column and field (msgid) */
    const char *one;        /* "place" in titles (msgid) */
    const char *state;      /* column and field label of the state (msgid) */
    const struct ui_choice *kinds, *states;
    int nkinds, nstates;
} tabs[TAB_COUNT] = {
    {N_("Places"), N_("Place name"), N_("place"), N_("Status"), place_kinds, place_states,
     sizeof place_kinds / sizeof *place_kinds, sizeof place_states / sizeof *place_states},
    {N_("Organisations"), N_("Organisation name"), N_("organisation"), N_("Rating"), org_kinds,
     org_ratings, sizeof org_kinds / sizeof *org_kinds, sizeof org_ratings / sizeof *org_ratings},
};

static const char *choice_label(const struct ui_choice *c, int n, const char *value)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].value, value) == 0) return _(c[i].label);
    return value;
}

/* One row of either list. */
struct row {
    int64_t id;
    char division_code[19];
    char kind[16];
    char name[96];
    char address[192];
    char contact[64];
    char phone[32];
    char state[12];
    char note[256];
    int unmasked; /* the full phone was asked for (audited) */
};

struct area {
    char code[19];
    char label[200]; /* town / village / grid */
};

struct places {
    struct app *app;
    enum tab tab;
    /* filters */
    char area[19];
    char area_label[200];
    int kind; /* index into the tab's kinds, -1 for all */
    char text[64];
    /* the rows */
    struct row *rows;
    int n;
    int64_t more; /* matches not kept */
    int64_t total[TAB_COUNT];
    struct ui_list list;
    /* areas under the scope, built when first needed */
    struct area *areas;
    int nareas;
    /* the last area named without the list of areas */
    char named_code[19];
    char named[96];
};

/* ---- areas ------------------------------------------------------------------------ */

static void add_areas(struct places *p, const struct division_rec *parent, const char *label,
                      wg_err *e)
{
    if (p->nareas == PLACES_MAX_AREAS) return;
    struct area *a = &p->areas[p->nareas++];
    snprintf(a->code, sizeof a->code, "%s", parent->code);
    snprintf(a->label, sizeof a->label, "%s", label);
    if (parent->level >= DIV_GRID) return;
    int64_t count = division_children_count(p->app->db, parent->code, 0, e);
    if (count <= 0) return;
    int n = count > PLACES_MAX_AREAS ? PLACES_MAX_AREAS : (int)count;
    struct division_rec *kids = xcalloc((size_t)n, sizeof *kids);
    n = division_children(p->app->db, parent->code, 0, 0, n, kids, e);
    for (int i = 0; i < n; i++) {
        char sub[200];
        /* The root's name goes without saying in every label below it. */
        if (strcmp(parent->code, p->areas[0].code) == 0)
            snprintf(sub, sizeof sub, "%s", kids[i].name);
        else
            snprintf(sub, sizeof sub, "%s / %s", label, kids[i].name);
        add_areas(p, &kids[i], sub, e);
    }
    free(kids);
}

static int load_areas(struct places *p)
{
    if (p->areas) return 0;
    wg_err e = {{0}};
    struct division_rec root;
    if (division_root(p->app->db, &root, &e) < 0) {
        ui_error("%s", e.msg);
        return -1;
    }
    p->areas = xcalloc(PLACES_MAX_AREAS, sizeof *p->areas);
    add_areas(p, &root, root.name, &e);
    return 0;
}

/* The area's path when the areas are loaded (the filter or a form asked for
 * them), else its own name: walking the whole tree just to open the list
 * would cost a county administrator seconds. */
static const char *area_name(struct places *p, const char *code)
{
    for (int i = 0; i < p->nareas; i++)
        if (strcmp(p->areas[i].code, code) == 0) return p->areas[i].label;
    if (strcmp(p->named_code, code) != 0) {
        struct division_rec d;
        wg_err e = {{0}};
        snprintf(p->named_code, sizeof p->named_code, "%s", code);
        snprintf(p->named, sizeof p->named, "%s",
                 division_get(p->app->db, code, &d, &e) == 0 ? d.name : code);
    }
    return p->named;
}

/* ---- loading ---------------------------------------------------------------------- */

static void from_place(struct row *r, const struct place_rec *x)
{
    memset(r, 0, sizeof *r);
    r->id = x->id;
    snprintf(r->division_code, sizeof r->division_code, "%s", x->division_code);
    snprintf(r->kind, sizeof r->kind, "%s", x->kind);
    snprintf(r->name, sizeof r->name, "%s", x->name);
    snprintf(r->address, sizeof r->address, "%s", x->address);
    snprintf(r->contact, sizeof r->contact, "%s", x->contact);
    snprintf(r->phone, sizeof r->phone, "%s", x->phone);
    snprintf(r->state, sizeof r->state, "%s", x->status);
    snprintf(r->note, sizeof r->note, "%s", x->note);
}

static void from_org(struct row *r, const struct organisation_rec *x)
{
    memset(r, 0, sizeof *r);
    r->id = x->id;
    snprintf(r->division_code, sizeof r->division_code, "%s", x->division_code);
    snprintf(r->kind, sizeof r->kind, "%s", x->kind);
    snprintf(r->name, sizeof r->name, "%s", x->name);
    snprintf(r->contact, sizeof r->contact, "%s", x->contact);
    snprintf(r->phone, sizeof r->phone, "%s", x->phone);
    snprintf(r->state, sizeof r->state, "%s", x->rating[0] ? x->rating : "none");
    snprintf(r->note, sizeof r->note, "%s", x->note);
}

/* The store filters (area as an index range, kind and text in SQL); rows
 * past PLACES_MAX_ROWS are counted, not read. */
static void load(struct places *p)
{
    wg_err e = {{0}};
    store *db = p->app->db;
    p->n = 0;
    p->more = 0;
    if (!p->rows) p->rows = xcalloc(PLACES_MAX_ROWS, sizeof *p->rows);
    for (int t = 0; t < TAB_COUNT; t++)
        p->total[t] =
            t == TAB_PLACES ? place_count(db, p->area, &e) : organisation_count(db, p->area, &e);
    const char *kind = p->kind >= 0 ? tabs[p->tab].kinds[p->kind].value : NULL;
    int got;
    if (p->tab == TAB_PLACES) {
        struct place_rec *buf = xcalloc(PLACES_MAX_ROWS, sizeof *buf);
        got = place_list_filtered(db, p->area, kind, p->text, 0, PLACES_MAX_ROWS, buf, &e);
        for (int i = 0; i < got; i++) from_place(&p->rows[i], &buf[i]);
        free(buf);
    } else {
        struct organisation_rec *buf = xcalloc(PLACES_MAX_ROWS, sizeof *buf);
        got = organisation_list_filtered(db, p->area, kind, p->text, 0, PLACES_MAX_ROWS, buf, &e);
        for (int i = 0; i < got; i++) from_org(&p->rows[i], &buf[i]);
        free(buf);
    }
    if (got < 0) {
        ui_error("%s", e.msg);
        got = 0;
    } else if (got == PLACES_MAX_ROWS) {
        int64_t all = p->tab == TAB_PLACES
                          ? place_count_filtered(db, p->area, kind, p->text, &e)
                          : organisation_count_filtered(db, p->area, kind, p->text, &e);
        if (all > got) p->more = all - got;
    }
    p->n = got;
    ui_list_set_count(&p->list, p->n);
    ui_dirty();
}

/* ---- the list --------------------------------------------------------------------- */

enum { W_NAME = 24, W_KIND = 10, W_STATE = 8, W_CONTACT = 8, W_PHONE = 13 };

static void shown_phone(const struct row *r, char *out, size_t size)
{
    if (r->unmasked || !r->phone[0])
        snprintf(out, size, "%s", r->phone);
    else
        phone_mask(r->phone, out, size);
}

static void draw_row(void *ctx, int i, int y, int x, int w, int sel)
{
    struct places *p = ctx;
    const struct row *r = &p->rows[i];
    const struct tab_def *t = &tabs[p->tab];
    enum ui_style st = sel ? UI_SELECTED : UI_NORMAL;
    ui_text_pad(y, x, w, st, "");
    char phone[40];
    shown_phone(r, phone, sizeof phone);
    int cx = x + 1;
    ui_text(y, cx, W_NAME, st, r->name);
    cx += W_NAME + 1;
    ui_text(y, cx, W_KIND, st, choice_label(t->kinds, t->nkinds, r->kind));
    cx += W_KIND + 1;
    ui_text(y, cx, W_STATE, st, choice_label(t->states, t->nstates, r->state));
    cx += W_STATE + 1;
    ui_text(y, cx, W_CONTACT, st, r->contact);
    cx += W_CONTACT + 1;
    ui_text(y, cx, W_PHONE, st, phone);
    cx += W_PHONE + 1;
    if (x + w - cx > 0) ui_text(y, cx, x + w - cx, st, p->tab == TAB_PLACES ? r->address : r->note);
}

static const char *row_label(void *ctx, int i, char *buf, size_t size)
{
    struct places *p = ctx;
    snprintf(buf, size, "%s", p->rows[i].name);
    return buf;
}

static void draw_header(const struct places *p, int y, int x, int w)
{
    ui_text_pad(y, x, w, UI_HEADER, "");
    int cx = x + 1;
    ui_text(y, cx, W_NAME, UI_HEADER, _(tabs[p->tab].name_label));
    cx += W_NAME + 1;
    ui_text(y, cx, W_KIND, UI_HEADER, _("Kind"));
    cx += W_KIND + 1;
    ui_text(y, cx, W_STATE, UI_HEADER, _(tabs[p->tab].state));
    cx += W_STATE + 1;
    ui_text(y, cx, W_CONTACT, UI_HEADER, _("Contact"));
    cx += W_CONTACT + 1;
    ui_text(y, cx, W_PHONE, UI_HEADER, _("Phone"));
    cx += W_PHONE + 1;
    if (x + w - cx > 0)
        ui_text(y, cx, x + w - cx, UI_HEADER, p->tab == TAB_PLACES ? _("Address") : _("Note"));
}

static void places_draw(struct screen *s, const struct ui_rect *r)
{
    struct places *p = s->data;
    int y = r->y, x = r->x, w = r->w;
    /* the tabs */
    int cx = x + 1;
    for (int t = 0; t < TAB_COUNT; t++) {
        char label[96];
        snprintf(label, sizeof label, " %s (%lld) ", _(tabs[t].name),
                 (long long)(p->total[t] > 0 ? p->total[t] : 0));
        cx += ui_text(y, cx, x + w - cx, t == (int)p->tab ? UI_SELECTED : UI_NORMAL, label) + 1;
    }
    char tabkey[32];
    keymap_first_key(ui_keymap(), "places", ACT_NEXT_TAB, tabkey, sizeof tabkey);
    if (tabkey[0]) ui_textf(y, cx + 1, x + w - cx - 1, UI_DIM, _("%s: switch"), tabkey);
    y++;
    /* the filters */
    const struct tab_def *t = &tabs[p->tab];
    char filt[400];
    snprintf(filt, sizeof filt, _("Area: %s   Kind: %s   Contains: %s"), p->area_label,
             p->kind >= 0 ? _(t->kinds[p->kind].label) : _("all"), p->text[0] ? p->text : "-");
    ui_text(y, x + 1, w - 2, UI_NORMAL, filt);
    y += 2;
    draw_header(p, y++, x, w);
    struct ui_rect lr = {y, x, r->y + r->h - y - 2, w};
    char empty[200];
    if (p->kind >= 0 || p->text[0])
        snprintf(empty, sizeof empty, "%s", _("Nothing matches the filter."));
    else
        snprintf(empty, sizeof empty,
                 p->tab == TAB_PLACES ? _("No places here yet.") : _("No organisations here yet."));
    ui_list_draw(&p->list, &lr, empty);
    /* the selected row's area and note; then the keys */
    int by = r->y + r->h - 2;
    if (p->more)
        ui_textf(by, x + 1, w - 2, UI_DIM, _("... and %lld more: narrow the list with the filter."),
                 (long long)p->more);
    else if (p->list.cur >= 0 && p->list.cur < p->n) {
        const struct row *row = &p->rows[p->list.cur];
        ui_textf(by, x + 1, w - 2, UI_DIM, _("In: %s"), area_name(p, row->division_code));
    }
    char ka[32], ke[32], kf[32], line[256];
    keymap_first_key(ui_keymap(), "places", ACT_ADD, ka, sizeof ka);
    keymap_first_key(ui_keymap(), "places", ACT_EDIT, ke, sizeof ke);
    keymap_first_key(ui_keymap(), "places", ACT_FILTER, kf, sizeof kf);
    if (role_may_edit_ledger(p->app->me.role))
        snprintf(line, sizeof line, _("%s: add   %s/Enter: edit   %s: filter"), ka, ke, kf);
    else
        snprintf(line, sizeof line, _("Enter: view   %s: filter"), kf);
    ui_text(by + 1, x + 1, w - 2, UI_DIM, line);
}

/* ---- the form --------------------------------------------------------------------- */

struct pform {
    struct places *list; /* the screen below: its areas outlive this form */
    enum tab tab;
    int64_t id; /* 0 for a new one */
    int readonly;
    struct ui_form form;
    struct ui_choice *areas; /* the area choices (labels point into list->areas) */
    int f_name, f_kind, f_area, f_address, f_contact, f_phone, f_state, f_note;
    char phone[32];        /* as stored */
    char phone_masked[40]; /* as shown: left as is, it means "unchanged" */
    char title[160];
};

static int check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct pform *pf = fld->ctx;
    (void)f;
    char *text = ui_field_text(fld);
    int rc = 0;
    if (pf->phone_masked[0] && strcmp(text, pf->phone_masked) == 0) {
        rc = 0;
    } else if (strchr(text, '*')) {
        rc = wg_err_set(e, "%s", _("Type the whole number, or leave the masked one as it was."));
    } else if (text[0]) {
        char norm[32];
        wg_err pe = {{0}};
        if (phone_parse(text, norm, sizeof norm, &pe) < 0) {
            /* The rule's own words when they are translated; a plain
             * description of a good number otherwise. */
            const char *t = _(pe.msg);
            if (t != pe.msg || strcmp(i18n_language(), "en") == 0)
                rc = wg_err_set(e, "%s", t);
            else
                rc = wg_err_set(
                    e, "%s",
                    _("Mobile 11 digits (13812345678), landline with area code (0538-1234567)."));
        }
    }
    free(text);
    return rc;
}

static int field_index(struct ui_form *f)
{
    return f->n - 1;
}

static void build_form(struct pform *pf, const struct row *r)
{
    const struct tab_def *t = &tabs[pf->tab];
    struct places *p = pf->list;
    ui_form_init(&pf->form);
    struct ui_field *fld = ui_form_text(&pf->form, t->name_label, r ? r->name : "", 30);
    fld->required = 1;
    pf->f_name = field_index(&pf->form);

    fld = ui_form_choice(&pf->form, N_("Kind"), t->kinds, t->nkinds, r ? r->kind : NULL);
    fld->required = 1;
    fld->translate_choices = 1;
    pf->f_kind = field_index(&pf->form);

    pf->areas = xcalloc((size_t)(p->nareas ? p->nareas : 1), sizeof *pf->areas);
    for (int i = 0; i < p->nareas; i++) {
        pf->areas[i].value = p->areas[i].code;
        pf->areas[i].label = p->areas[i].label;
    }
    /* A new one goes where the list is looking. */
    const char *where = r ? r->division_code : p->area;
    fld = ui_form_choice(&pf->form, N_("Area"), pf->areas, p->nareas, where);
    fld->required = 1;
    pf->f_area = field_index(&pf->form);

    pf->f_address = -1;
    if (pf->tab == TAB_PLACES) {
        ui_form_text(&pf->form, N_("Address"), r ? r->address : "", 60);
        pf->f_address = field_index(&pf->form);
    }
    ui_form_text(&pf->form, N_("Contact"), r ? r->contact : "", 20);
    pf->f_contact = field_index(&pf->form);

    if (r && r->phone[0]) {
        snprintf(pf->phone, sizeof pf->phone, "%s", r->phone);
        phone_mask(r->phone, pf->phone_masked, sizeof pf->phone_masked);
    }
    fld = ui_form_text(&pf->form, N_("Phone"), pf->phone_masked, 24);
    fld->validate = check_phone;
    fld->ctx = pf;
    pf->f_phone = field_index(&pf->form);

    fld = ui_form_choice(&pf->form, t->state, t->states, t->nstates,
                         r ? r->state : t->states[0].value);
    fld->translate_choices = 1;
    pf->f_state = field_index(&pf->form);

    fld = ui_form_multiline(&pf->form, N_("Note"), r ? r->note : "", 2);
    fld->te.max = 80;
    pf->f_note = field_index(&pf->form);

    if (pf->readonly)
        for (int i = 0; i < pf->form.n; i++) pf->form.fields[i].readonly = 1;
}

/* The store names the bad field; say what is wrong there, in the user's
 * language. */
static void show_store_error(struct pform *pf, const char *field, const wg_err *e)
{
    struct ui_field *fld = NULL;
    const char *msg = e->msg;
    char buf[256];
    if (!field) {
        ui_error("%s", e->msg);
        return;
    }
    if (strcmp(field, "name") == 0) {
        fld = ui_form_field(&pf->form, pf->f_name);
        snprintf(buf, sizeof buf, _("%s is required."), _(tabs[pf->tab].name_label));
        msg = buf;
    } else if (strcmp(field, "kind") == 0) {
        fld = ui_form_field(&pf->form, pf->f_kind);
        msg = _("Choose a kind from the list.");
    } else if (strcmp(field, "division_code") == 0) {
        fld = ui_form_field(&pf->form, pf->f_area);
        msg = _("Choose an area within your own.");
    } else if (strcmp(field, "phone") == 0) {
        fld = ui_form_field(&pf->form, pf->f_phone);
    } else if (strcmp(field, "status") == 0 || strcmp(field, "rating") == 0) {
        fld = ui_form_field(&pf->form, pf->f_state);
        msg = _("Choose one from the list.");
    }
    if (fld) {
        ui_field_error(fld, msg);
        ui_error("%s", _("Not saved; see the message under the field."));
    } else {
        ui_error("%s", e->msg);
    }
}

static char *text_of(struct pform *pf, int i)
{
    return i >= 0 ? ui_field_text(ui_form_field(&pf->form, i)) : xstrdup("");
}

#define COPY_FIELD(dst, pf, i)                                                                     \
    do {                                                                                           \
        char *v_ = text_of(pf, i);                                                                 \
        snprintf(dst, sizeof dst, "%s", v_);                                                       \
        free(v_);                                                                                  \
    } while (0)

static int save(struct pform *pf)
{
    store *db = pf->list->app->db;
    wg_err e = {{0}};
    const char *field = NULL;
    char phone[40];
    COPY_FIELD(phone, pf, pf->f_phone);
    if (pf->phone_masked[0] && strcmp(phone, pf->phone_masked) == 0)
        snprintf(phone, sizeof phone, "%s", pf->phone);
    int64_t rc;
    if (pf->tab == TAB_PLACES) {
        struct place_rec x;
        memset(&x, 0, sizeof x);
        x.id = pf->id;
        COPY_FIELD(x.name, pf, pf->f_name);
        COPY_FIELD(x.kind, pf, pf->f_kind);
        COPY_FIELD(x.division_code, pf, pf->f_area);
        COPY_FIELD(x.address, pf, pf->f_address);
        COPY_FIELD(x.contact, pf, pf->f_contact);
        snprintf(x.phone, sizeof x.phone, "%s", phone);
        COPY_FIELD(x.status, pf, pf->f_state);
        COPY_FIELD(x.note, pf, pf->f_note);
        rc = pf->id ? place_update(db, &x, &field, &e) : place_add(db, &x, &field, &e);
    } else {
        struct organisation_rec x;
        memset(&x, 0, sizeof x);
        x.id = pf->id;
        COPY_FIELD(x.name, pf, pf->f_name);
        COPY_FIELD(x.kind, pf, pf->f_kind);
        COPY_FIELD(x.division_code, pf, pf->f_area);
        COPY_FIELD(x.contact, pf, pf->f_contact);
        snprintf(x.phone, sizeof x.phone, "%s", phone);
        COPY_FIELD(x.rating, pf, pf->f_state);
        COPY_FIELD(x.note, pf, pf->f_note);
        rc =
            pf->id ? organisation_update(db, &x, &field, &e) : organisation_add(db, &x, &field, &e);
    }
    if (rc < 0) {
        show_store_error(pf, field, &e);
        return -1;
    }
    return 0;
}

static void pform_draw(struct screen *s, const struct ui_rect *r)
{
    struct pform *pf = s->data;
    struct ui_rect fr = {r->y + 1, r->x, r->h - 3, r->w};
    ui_form_draw(&pf->form, s, &fr);
    char ks[32], kc[32], line[200];
    if (pf->readonly) {
        snprintf(line, sizeof line, "%s",
                 _("Your role may look at this record but not change it."));
    } else {
        keymap_first_key(ui_keymap(), "place-form", ACT_SUBMIT, ks, sizeof ks);
        keymap_first_key(ui_keymap(), "place-form", ACT_CANCEL, kc, sizeof kc);
        if (!kc[0]) keymap_first_key(ui_keymap(), "place-form", ACT_BACK, kc, sizeof kc);
        snprintf(line, sizeof line,
                 _("Tab/Enter: next field   %s: save   %s: leave without saving"), ks, kc);
    }
    ui_text(r->y + r->h - 1, r->x + 1, r->w - 2, UI_DIM, line);
}

static enum action pform_request(struct screen *s, enum action a, ui_key key)
{
    struct pform *pf = s->data;
    a = ui_form_request(&pf->form, a, key);
    if (a != ACT_SUBMIT) return a;
    if (pf->readonly) {
        ui_error("%s", _("Your role may look at this record but not change it."));
        return ACT_NONE;
    }
    if (save(pf) < 0) return ACT_NONE;
    ui_form_saved(&pf->form);
    ui_status("%s", _("Saved."));
    return ACT_BACK;
}

static int pform_can_close(struct screen *s)
{
    struct pform *pf = s->data;
    return ui_form_can_close(&pf->form);
}

static const char *pform_title(struct screen *s)
{
    struct pform *pf = s->data;
    return pf->title;
}

static void pform_close(struct screen *s)
{
    struct pform *pf = s->data;
    ui_form_free(&pf->form);
    free(pf->areas);
    free(pf);
}

static const struct screen_ops pform_ops = {
    .name = "place-form",
    .title = N_("Place"),
    .draw = pform_draw,
    .request = pform_request,
    .can_close = pform_can_close,
    .close = pform_close,
    .title_of = pform_title,
};

static void open_form(struct places *p, const struct row *r)
{
    if (load_areas(p) < 0) return;
    struct pform *pf = xcalloc(1, sizeof *pf);
    pf->list = p;
    pf->tab = p->tab;
    pf->id = r ? r->id : 0;
    pf->readonly = !role_may_edit_ledger(p->app->me.role);
    const char *one = _(tabs[p->tab].one);
    if (!r)
        snprintf(pf->title, sizeof pf->title, _("New %s"), one);
    else
        snprintf(pf->title, sizeof pf->title, pf->readonly ? _("View: %s") : _("Edit: %s"),
                 r->name);
    build_form(pf, r);
    ui_push(screen_new(&pform_ops, pf));
}

/* ---- requests --------------------------------------------------------------------- */

/* The full phone of the selected row, audited like a resident's. */
static void unmask_row(struct places *p)
{
    if (p->list.cur < 0 || p->list.cur >= p->n) return;
    struct row *r = &p->rows[p->list.cur];
    if (!role_may_unmask(p->app->me.role)) {
        ui_error("%s", _("Your role may not see full ID and phone numbers."));
        return;
    }
    if (r->unmasked || !r->phone[0]) return;
    wg_err e = {{0}};
    int rc = p->tab == TAB_PLACES
                 ? place_unmask(p->app->db, r->id, r->phone, sizeof r->phone, &e)
                 : organisation_unmask(p->app->db, r->id, r->phone, sizeof r->phone, &e);
    if (rc < 0) {
        ui_error("%s", e.msg);
        return;
    }
    r->unmasked = 1;
    ui_status("%s", _("Shown in full; this was recorded in the audit log."));
    ui_dirty();
}

static void filter_menu(struct places *p)
{
    const struct tab_def *t = &tabs[p->tab];
    const char *items[] = {_("Kind"), _("Name, address, contact or phone contains..."), _("Area"),
                           _("Clear the filters")};
    int c = ui_pick(_("Filter"), items, 4, 0, NULL);
    if (c == 0) {
        const char *labels[16];
        labels[0] = _("All kinds");
        for (int i = 0; i < t->nkinds; i++) labels[i + 1] = _(t->kinds[i].label);
        int k = ui_pick(_("Kind"), labels, t->nkinds + 1, p->kind + 1, NULL);
        if (k < 0) return;
        p->kind = k - 1;
    } else if (c == 1) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", p->text);
        if (!ui_prompt(_("Filter"), _("Contains:"), buf, sizeof buf, 0)) return;
        snprintf(p->text, sizeof p->text, "%s", buf);
    } else if (c == 2) {
        if (load_areas(p) < 0) return;
        const char **labels = xcalloc((size_t)p->nareas, sizeof *labels);
        int cur = 0;
        for (int i = 0; i < p->nareas; i++) {
            labels[i] = p->areas[i].label;
            if (strcmp(p->areas[i].code, p->area) == 0) cur = i;
        }
        int k = ui_pick(_("Area"), labels, p->nareas, cur, NULL);
        free(labels);
        if (k < 0) return;
        snprintf(p->area, sizeof p->area, "%s", p->areas[k].code);
        snprintf(p->area_label, sizeof p->area_label, "%s", p->areas[k].label);
    } else if (c == 3) {
        p->kind = -1;
        p->text[0] = '\0';
        if (p->nareas) {
            snprintf(p->area, sizeof p->area, "%s", p->areas[0].code);
            snprintf(p->area_label, sizeof p->area_label, "%s", p->areas[0].label);
        }
    } else {
        return;
    }
    load(p);
}

static enum action places_request(struct screen *s, enum action a, ui_key key)
{
    struct places *p = s->data;
    a = ui_list_request(&p->list, a, key);
    switch (a) {
    case ACT_NEXT_TAB:
    case ACT_PREV_TAB:
        p->tab = (p->tab + 1) % TAB_COUNT; /* two tabs: either way is the other one */
        p->kind = -1;
        p->list.cur = 0;
        p->list.top = 0;
        load(p);
        return ACT_NONE;
    case ACT_ADD:
        if (!role_may_edit_ledger(p->app->me.role)) {
            ui_error("%s", _("Your role may look at this record but not change it."));
            return ACT_NONE;
        }
        open_form(p, NULL);
        return ACT_NONE;
    case ACT_EDIT:
    case ACT_ENTER:
        if (p->list.cur >= 0 && p->list.cur < p->n) open_form(p, &p->rows[p->list.cur]);
        return ACT_NONE;
    case ACT_FILTER:
        filter_menu(p);
        return ACT_NONE;
    case ACT_UNMASK:
        unmask_row(p);
        return ACT_NONE;
    case ACT_REFRESH:
        load(p);
        return ACT_NONE;
    default:
        return a;
    }
}

static int places_open(struct screen *s, wg_err *e)
{
    struct places *p = s->data;
    struct division_rec root;
    if (division_root(p->app->db, &root, e) < 0) return -1;
    snprintf(p->area, sizeof p->area, "%s", root.code);
    snprintf(p->area_label, sizeof p->area_label, "%s", root.name);
    p->kind = -1;
    ui_list_init(&p->list, draw_row, row_label, p);
    load(p);
    return 0;
}

/* Back from a form: the record may have changed or a new one come. */
static void places_resume(struct screen *s)
{
    struct places *p = s->data;
    int cur = p->list.cur;
    load(p);
    if (cur >= 0 && cur < p->n) p->list.cur = cur;
}

static void places_close(struct screen *s)
{
    struct places *p = s->data;
    free(p->rows);
    free(p->areas);
    free(p);
}

static const struct screen_ops places_ops = {
    .name = "places",
    .title = N_("Places and organisations"),
    .open = places_open,
    .draw = places_draw,
    .request = places_request,
    .close = places_close,
    .resume = places_resume,
};

struct screen *places_screen_new(struct app *a)
{
    struct places *p = xcalloc(1, sizeof *p);
    p->app = a;
    return screen_new(&places_ops, p);
}
