/* Reading residence_history for resident_history and household_history
 * (store-internal): one query shape, one row reader, one scope rule for the
 * places a row names. */
#ifndef WANGGE_STORE_HISTORY_H
#define WANGGE_STORE_HISTORY_H

#include <stdint.h>

#include "store/resident.h"
#include "store/store.h"

/* The rows where: "rh.resident_id = ?1", or for a household "rh.household_id
 * = ?1 OR rh.from_household = ?1"; id bound as ?1, newest first. Returns
 * the number filled (<= max) or -1. The caller has checked the scope of the
 * resident or household itself. */
int history_read(store *s, int household, int64_t id, struct residence_event *out, int max,
                 wg_err *e);

#endif
