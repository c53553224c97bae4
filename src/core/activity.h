/* SPDX-License-Identifier: GPL-3.0-or-later */
/* activity.h: changing activities: validation, no lost updates, the change log, undo. Shared by `styrkort set` and the dashboard. */
#ifndef STYRKORT_ACTIVITY_H
#define STYRKORT_ACTIVITY_H

#include <stdint.h>
#include "db.h"
#include "model.h"

/* The fields a user may change (enum act_field, from ACTIVITY_FIELDS in model.h), by the names `styrkort set` takes. */
const char *act_field_name(enum act_field f);
int act_field_from_name(const char *name);

/* A set of changes: values in canonical form (ISO dates, status ids, focus/goal keys). */
struct act_change {
	char *value[AF_COUNT];  /* NULL: unchanged; "" clears (where allowed) */
};
void act_change_free(struct act_change *c);

/*
 * Check and store one "field=value" as the user typed it: dates in the
 * configured date_format or as YYYY-MM-DD, progress 0-100, a status id or
 * its label, a focus area or goal by key (checked on apply).  err_set()
 * with what is accepted and -1 if not valid.
 */
int act_change_set(struct act_change *c, enum act_field f, const char *value, const char *date_format);

enum act_result {
	ACTIVITY_OK = 0,             /* saved (or nothing to change) */
	ACTIVITY_ERROR = -1,         /* err_set() says why; nothing changed */
	ACTIVITY_CONFLICT = -2,      /* someone else changed it since expected_version */
	ACTIVITY_INVALID = -3        /* a value that cannot be (no such focus area, due before start): err_set() */
};

/*
 * Apply changes to activity id in one transaction with its change-log rows
 * (comment on each).  expected_version 0: no check; else a different
 * current version gives ACTIVITY_CONFLICT, nothing saved, and *current (if not
 * NULL) filled with the other person's values.  A status of done with no
 * progress given sets progress to 100.
 */
enum act_result activity_apply(struct db *db, int64_t id, const struct act_change *c,
                               int64_t expected_version, const char *comment,
                               struct activity *current);

/* Read one activity (1 found, 0 not found, -1 error) and its strategy id (if wanted). */
int activity_get(struct db *db, int64_t id, struct activity *a, char **strategy_id);

/* Add an activity to a strategy (title required); *id gets its number. */
enum act_result activity_add(struct db *db, const char *strategy_id, const struct act_change *c,
                             const char *comment, int64_t *id);

/* Delete an activity; the change log keeps every field it had. */
enum act_result activity_delete(struct db *db, int64_t id, int64_t expected_version, const char *comment);

/*
 * Undo the last change made by the current user (user_name()) in the
 * strategy, as a new logged change.  ACTIVITY_CONFLICT if someone changed the
 * activity since; err_set() if there is nothing to undo.  *what (if not
 * NULL) gets a description to show (free it).
 */
enum act_result activity_undo(struct db *db, const char *strategy_id, char **what);

#endif
