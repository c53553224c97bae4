/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.h: steering-group reviews (uppföljningsmöten): recording and listing them. */
#ifndef STYRKORT_REVIEW_H
#define STYRKORT_REVIEW_H

#include <stdint.h>
#include <stdio.h>
#include "db.h"

/* Record a review of a strategy on DATE (YYYY-MM-DD) with an optional note. */
int review_add(struct db *db, const char *strategy_id, const char *date, const char *note);
/*
 * The strategy's latest review (by date; of one date, the one recorded
 * last): its date, and the last change-log row it covers (the changes
 * "since the review" are the rows after it).  0 if found, 1 if there is
 * none, -1 on error.
 */
int review_last(struct db *db, const char *strategy_id, char date[11], int64_t *last_change);
/* Print the reviews (of one strategy, or all if NULL), oldest first. */
int review_print(struct db *db, const char *strategy_id, const char *date_format, FILE *out);

#endif
