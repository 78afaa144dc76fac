/* Words the ledger screens (grids, ledger, household card, resident form)
 * share: labels for the codes the store keeps (relation, sex, status, grid
 * kind, staff duty) and the choice tables forms pick from. Every label
 * returned is translated. Store and domain messages need nothing here: they
 * arrive already in the user's language (docs/i18n.md). */
#ifndef WANGGE_SCREENS_LEDGERFMT_H
#define WANGGE_SCREENS_LEDGERFMT_H

#include <stddef.h>

#include "ui/form.h"

/* Relation to the household head, in the store's order ("head" first). */
extern const struct ui_choice ledgerfmt_relations[];
extern const int ledgerfmt_nrelations;
extern const struct ui_choice ledgerfmt_sexes[];
extern const int ledgerfmt_nsexes;

const char *ledgerfmt_relation(const char *relation);
const char *ledgerfmt_sex(char sex);
/* resident | moved_out | deceased; household active | dissolved. */
const char *ledgerfmt_status(const char *status);
/* A division's kind with urban/rural where it matters: "基础网格（城市）";
 * urban -1 leaves it out. */
const char *ledgerfmt_kind(const char *kind, int urban, char *out, size_t size);
/* leader instructor fulltime parttime police mediator lawyer legal_deputy. */
const char *ledgerfmt_duty(const char *duty);
/* A residence_history event (moved_in, transferred, ...). */
const char *ledgerfmt_event(const char *event);

/* The first key for action everywhere and the first in section, as
 * "Enter/l", for the hint lines. */
const char *ledgerfmt_keys(const char *section, int action, char *out, size_t size);

/* The first key for action that a form's text field does not take as
 * typing (Esc, ^S: not "q"), for the hint lines of forms. */
const char *ledgerfmt_form_key(int action, char *out, size_t size);

/* Today as YYYY-MM-DD (local time). */
void ledgerfmt_today(char out[11]);
/* 1 if d is a real date YYYY-MM-DD that is not after today. */
int ledgerfmt_past_date(const char *d);

#endif
