#include "screens/resident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/idnum.h"
#include "domain/phone.h"
#include "domain/role.h"
#include "screens/ledgerfmt.h"
#include "store/household.h"
#include "store/resident.h"
#include "store/tag.h"
#include "ui/form.h"
#include "ui/i18n.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/xalloc.h"

#define RF_MAX_TAGS 64

enum { F_NAME, F_ID, F_SEX, F_BIRTH, F_RELATION, F_ETHNICITY, F_PHONE, F_TAGS, F_NOTE };

struct rform {
    struct app *app;
    int64_t household, id;
    char relation[16];
    struct resident_rec orig; /* masked numbers as read */
    char address[192];
    struct ui_form form;
    struct tag_rec tags[RF_MAX_TAGS];
    struct ui_choice tag_choices[RF_MAX_TAGS];
    unsigned char had_tag[RF_MAX_TAGS];
    int ntags;
    int readonly;
    int unmasked;
};

static char *field_text(struct rform *rf, int i)
{
    return ui_field_text(ui_form_field(&rf->form, i));
}

/* A number shown masked may stay as it is (unchanged); any other '*' means
 * someone edited a masked number, which cannot be stored. */
static int masked_unchanged(const char *typed, const char *orig)
{
    return strchr(typed, '*') && strcmp(typed, orig) == 0;
}

/* The ID number parsed, if the field holds a valid, visible one. */
static int current_id(struct rform *rf, struct idnum *id)
{
    char *t = field_text(rf, F_ID);
    int ok = t[0] && !strchr(t, '*') && idnum_parse(t, NULL, id, NULL) == 0;
    free(t);
    return ok;
}

static int check_id(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct rform *rf = fld->ctx;
    char *t = ui_field_text(fld);
    int rc = 0;
    struct idnum id;
    if (strchr(t, '*')) {
        if (!masked_unchanged(t, rf->orig.id_number))
            rc = wg_err_set(e, "%s", _("Unmask the number first, or clear the field and type it."));
    } else if (idnum_parse(t, NULL, &id, e) < 0) {
        rc = -1;
    } else {
        /* What the number says fills what was left empty; what was typed is
         * checked by the sex and birth date fields themselves. */
        struct ui_field *sex = ui_form_field(f, F_SEX), *birth = ui_form_field(f, F_BIRTH);
        if (sex->choice < 0) sex->choice = id.sex == 'F' ? 1 : 0;
        if (birth->te.len == 0) textedit_set(&birth->te, id.birth);
        if (sex->error[0] || birth->error[0]) {
            /* Re-check them against the new number. */
            sex->error[0] = birth->error[0] = '\0';
        }
    }
    free(t);
    return rc;
}

static int check_sex(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct rform *rf = fld->ctx;
    (void)f;
    struct idnum id;
    if (fld->choice < 0) {
        char *t = field_text(rf, F_ID);
        int empty = t[0] == '\0';
        free(t);
        if (empty) return wg_err_set(e, "%s", _("Sex is required when there is no ID number."));
        return 0;
    }
    if (current_id(rf, &id) && id.sex != ledgerfmt_sexes[fld->choice].value[0])
        return wg_err_set(
            e, id.sex == 'M' ? _("The ID number is a man's (its 17th digit is odd), not a woman's.")
                             : _("The ID number is a woman's (its 17th digit is even), not a "
                                 "man's."));
    return 0;
}

static int check_birth(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct rform *rf = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    struct idnum id;
    int rc = 0;
    if (!ledgerfmt_past_date(t))
        rc = wg_err_set(e, _("The birth date %s is in the future."), t);
    else if (current_id(rf, &id) && strcmp(id.birth, t) != 0)
        rc = wg_err_set(e, _("The ID number gives birth date %s, not %s."), id.birth, t);
    free(t);
    return rc;
}

static int check_phone(struct ui_form *f, struct ui_field *fld, wg_err *e)
{
    struct rform *rf = fld->ctx;
    (void)f;
    char *t = ui_field_text(fld);
    char norm[32];
    int rc = 0;
    if (strchr(t, '*')) {
        if (!masked_unchanged(t, rf->orig.phone))
            rc = wg_err_set(e, "%s", _("Unmask the number first, or clear the field and type it."));
    } else if (phone_parse(t, norm, sizeof norm, e) < 0) {
        rc = -1;
    }
    free(t);
    return rc;
}

static int rf_open(struct screen *s, wg_err *e)
{
    struct rform *rf = s->data;
    store *db = rf->app->db;
    struct resident_rec *o = &rf->orig;
    if (rf->id) {
        if (resident_get(db, rf->id, o, e) < 0) return -1;
        rf->household = o->household_id;
        snprintf(rf->address, sizeof rf->address, "%s", o->address);
    } else {
        struct household_rec h;
        if (household_get(db, rf->household, &h, e) < 0) return -1;
        snprintf(rf->address, sizeof rf->address, "%s", h.address);
        snprintf(o->relation, sizeof o->relation, "%s", rf->relation);
        snprintf(o->ethnicity, sizeof o->ethnicity, "%s", _("Han"));
    }
    rf->readonly = !role_may_edit_ledger(rf->app->me.role);
    int n = tag_list(db, 0, rf->tags, RF_MAX_TAGS, e);
    if (n < 0) return -1;
    rf->ntags = n;
    for (int i = 0; i < n; i++) {
        rf->tag_choices[i].value = rf->tags[i].code;
        rf->tag_choices[i].label = rf->tags[i].name;
    }
    if (rf->id) {
        struct tag_rec mine[RF_MAX_TAGS];
        int k = tag_of_resident(db, rf->id, mine, RF_MAX_TAGS, e);
        if (k < 0) return -1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
                if (mine[j].id == rf->tags[i].id) rf->had_tag[i] = 1;
    }

    struct ui_form *f = &rf->form;
    ui_form_init(f);
    struct ui_field *fld = ui_form_text(f, N_("Name"), o->name, 30);
    fld->required = 1;
    fld = ui_form_text(f, N_("ID number"), o->id_number, 20);
    fld->validate = check_id;
    fld->ctx = rf;
    char sex[2] = {o->sex, 0};
    fld = ui_form_choice(f, N_("Sex"), ledgerfmt_sexes, ledgerfmt_nsexes, sex);
    fld->validate = check_sex;
    fld->ctx = rf;
    fld = ui_form_date(f, N_("Birth date"), o->birth_date);
    fld->validate = check_birth;
    fld->ctx = rf;
    fld = ui_form_choice(f, N_("Relation to head"), ledgerfmt_relations, ledgerfmt_nrelations,
                         o->relation);
    fld->required = 1;
    ui_form_text(f, N_("Ethnicity"), o->ethnicity, 16);
    fld = ui_form_text(f, N_("Phone"), o->phone, 24);
    fld->validate = check_phone;
    fld->ctx = rf;
    fld = ui_form_tags(f, N_("Tags"), rf->tag_choices, rf->ntags);
    fld->translate_choices = 0;
    memcpy(fld->selected, rf->had_tag, (size_t)rf->ntags);
    ui_form_multiline(f, N_("Note"), o->note, 2);
    if (rf->readonly)
        for (int i = 0; i < f->n; i++) ui_form_field(f, i)->readonly = 1;
    return 0;
}

static void rf_draw(struct screen *s, const struct ui_rect *r)
{
    struct rform *rf = s->data;
    int x = r->x + 2, w = r->w - 4;
    ui_textf(r->y, x, w, UI_HEADER, rf->id ? _("%s, of %s") : _("A new member of %s"),
             rf->id ? rf->orig.name : rf->address, rf->address);
    struct ui_rect fr = {r->y + 2, r->x, r->h - 4, r->w};
    ui_form_draw(&rf->form, s, &fr);
    char submit[32], back[32], unmask[32];
    ledgerfmt_form_key(ACT_SUBMIT, submit, sizeof submit);
    ledgerfmt_form_key(ACT_BACK, back, sizeof back);
    ledgerfmt_form_key(ACT_UNMASK, unmask, sizeof unmask);
    if (rf->readonly)
        ui_textf(r->y + r->h - 1, x, w, UI_DIM,
                 _("Your role may read this record only.   %s: back"), back);
    else if (rf->id && !rf->unmasked && role_may_unmask(rf->app->me.role))
        ui_textf(r->y + r->h - 1, x, w, UI_DIM, _("%s: save   %s: leave   %s: show full numbers"),
                 submit, back, unmask);
    else
        ui_textf(r->y + r->h - 1, x, w, UI_DIM,
                 _("Tab: next field   %s: save   %s: leave without saving"), submit, back);
}

static void rf_unmask(struct rform *rf)
{
    if (!rf->id) return;
    if (!role_may_unmask(rf->app->me.role)) {
        ui_error("%s", _("Your role may not see full ID and phone numbers."));
        return;
    }
    char id[19], phone[32];
    wg_err e = {{0}};
    if (resident_unmask(rf->app->db, rf->id, id, phone, sizeof phone, &e) < 0) {
        ui_error("%s", e.msg);
        return;
    }
    /* Only fields still showing the masked value are replaced: anything the
     * user already typed there stays. */
    struct ui_field *fi = ui_form_field(&rf->form, F_ID), *fp = ui_form_field(&rf->form, F_PHONE);
    char *t = ui_field_text(fi);
    if (strcmp(t, rf->orig.id_number) == 0) textedit_set(&fi->te, id);
    free(t);
    t = ui_field_text(fp);
    if (strcmp(t, rf->orig.phone) == 0) textedit_set(&fp->te, phone);
    free(t);
    snprintf(rf->orig.id_number, sizeof rf->orig.id_number, "%s", id);
    snprintf(rf->orig.phone, sizeof rf->orig.phone, "%s", phone);
    rf->unmasked = 1;
    ui_status("%s", _("Full numbers shown; this is recorded in the audit log."));
    ui_dirty();
}

static int field_index(const char *field)
{
    static const struct {
        const char *name;
        int index;
    } map[] = {{"name", F_NAME},        {"sex", F_SEX},     {"id_number", F_ID},
               {"birth_date", F_BIRTH}, {"phone", F_PHONE}, {"relation", F_RELATION}};
    for (size_t i = 0; field && i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i].name, field) == 0) return map[i].index;
    return -1;
}

static int save_tags(struct rform *rf, wg_err *e)
{
    const struct ui_field *t = ui_form_field(&rf->form, F_TAGS);
    for (int i = 0; i < rf->ntags; i++) {
        if (!!t->selected[i] == !!rf->had_tag[i]) continue;
        int rc = t->selected[i] ? tag_set(rf->app->db, rf->id, rf->tags[i].id, NULL, e)
                                : tag_clear(rf->app->db, rf->id, rf->tags[i].id, e);
        if (rc < 0) return -1;
        rf->had_tag[i] = t->selected[i];
    }
    return 0;
}

static int rf_save(struct rform *rf)
{
    struct resident_rec r = rf->orig;
    char *t;
#define TAKE(idx, dst)                                                                             \
    do {                                                                                           \
        t = field_text(rf, idx);                                                                   \
        snprintf(dst, sizeof dst, "%s", t);                                                        \
        free(t);                                                                                   \
    } while (0)
    TAKE(F_NAME, r.name);
    TAKE(F_ID, r.id_number);
    TAKE(F_BIRTH, r.birth_date);
    TAKE(F_ETHNICITY, r.ethnicity);
    TAKE(F_PHONE, r.phone);
    TAKE(F_NOTE, r.note);
#undef TAKE
    const char *v = ui_field_value(ui_form_field(&rf->form, F_SEX));
    r.sex = v ? v[0] : 0;
    v = ui_field_value(ui_form_field(&rf->form, F_RELATION));
    snprintf(r.relation, sizeof r.relation, "%s", v ? v : "");
    r.household_id = rf->household;
    const char *field = NULL;
    wg_err e = {{0}};
    int64_t rc;
    if (rf->id) {
        rc = resident_update(rf->app->db, &r, &field, &e);
    } else {
        rc = resident_add(rf->app->db, &r, &field, &e);
        if (rc > 0) {
            rf->id = rc;
            rf->orig.id = rc;
        }
    }
    if (rc < 0) {
        int k = field_index(field);
        if (k >= 0) {
            ui_field_error(ui_form_field(&rf->form, k), e.msg);
            rf->form.cur = k;
            ui_error("%s", _("Not saved; see the message at the field."));
        } else {
            ui_error("%s", e.msg);
        }
        return -1;
    }
    if (save_tags(rf, &e) < 0) {
        ui_field_error(ui_form_field(&rf->form, F_TAGS), e.msg);
        ui_error("%s", _("The person was saved, the tags were not."));
        return -1;
    }
    ui_form_saved(&rf->form);
    ui_status(_("%s is saved."), r.name);
    return 0;
}

static enum action rf_request(struct screen *s, enum action a, ui_key key)
{
    struct rform *rf = s->data;
    if (a == ACT_UNMASK) {
        rf_unmask(rf);
        return ACT_NONE;
    }
    a = ui_form_request(&rf->form, a, key);
    if (a == ACT_SUBMIT) {
        if (rf->readonly) {
            ui_error("%s", _("Your role may not change the ledger."));
            return ACT_NONE;
        }
        return rf_save(rf) == 0 ? ACT_BACK : ACT_NONE;
    }
    return a;
}

static int rf_can_close(struct screen *s)
{
    struct rform *rf = s->data;
    return ui_form_can_close(&rf->form);
}

static void rf_close(struct screen *s)
{
    struct rform *rf = s->data;
    ui_form_free(&rf->form);
    free(rf);
}

static const struct screen_ops rform_ops = {
    .name = "resident",
    .title = N_("Resident record"),
    .open = rf_open,
    .draw = rf_draw,
    .request = rf_request,
    .can_close = rf_can_close,
    .close = rf_close,
};

struct screen *resident_form_new(struct app *a, int64_t household, int64_t id, const char *relation)
{
    struct rform *rf = xcalloc(1, sizeof *rf);
    rf->app = a;
    rf->household = household;
    rf->id = id;
    snprintf(rf->relation, sizeof rf->relation, "%s", relation ? relation : "");
    return screen_new(&rform_ops, rf);
}
