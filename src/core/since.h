/* SPDX-License-Identifier: GPL-3.0-or-later */
/* since.h: the changes since a review or a date, net, one item per activity, indicator or other part of the plan. */
#ifndef STYRKORT_SINCE_H
#define STYRKORT_SINCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "changelog.h"
#include "db.h"

/* One field's net change: its value before the first and after the last change. */
struct since_part {
	char *key;                      /* the field, or for a value its period and sex */
	const struct change *first;     /* of the field (its kind and field name the value's rules) */
	const char *old, *new_value;
};
/* One item's net change. */
struct since_item {
	int rank;                       /* the kind's place: activities first, then indicators, ... */
	const char *kind;               /* the change log's kind; a value's is "indicator" */
	int64_t item_id, number;
	char *name;                     /* as last logged */
	int added, deleted;             /* did not exist before / does not exist now */
	size_t nvalues;                 /* an indicator's values counted, not listed: its new ones, or an added one's */
	struct since_part *parts;
	size_t nparts;
	const struct change *last;      /* who and when */
	const char *comment;            /* the last one given (NULL: none) */
	size_t order;                   /* the first change's place, to keep the log's order */
};

/* The change-log rows of a strategy since a review or a date. */
struct since_set {
	char date[11];                  /* the review's or the given date; "": no review yet (every change) */
	int is_review;                  /* date is the last review's */
	struct change *changes;
	size_t nchanges;
	char *strategy_id, *since;      /* what was asked (since_load_again) */
	int64_t after;                  /* the review's last row (0: none) */
};
/*
 * Load the changes of strategy_id since: "last-review" (every change if
 * there is none yet; the rows after the review's last one) or a
 * YYYY-MM-DD date (the rows logged after it began).  -1 on error.
 */
int since_load(struct db *db, const char *strategy_id, const char *since, struct since_set *s);
/*
 * The same again, for a set that since_load() or this filled before (or
 * a zeroed one): the change log is append-only, so only the rows logged
 * since are read, unless the question, the last review or an activity's
 * number changed, or the rows read before are no longer there (a
 * restore): then everything.  -1 on error (s is released).
 */
int since_load_again(struct db *db, const char *strategy_id, const char *since, struct since_set *s);
void since_release(struct since_set *s);
/*
 * The changes of strategy_id since, as since_describe() lines for `log
 * --summary`, under a heading that names the strategy by title (NULL:
 * its id), or by its id where the heading would be wider than width (> 0);
 * kept: as in since_load_again() (NULL: none).
 */
int since_print(struct db *db, const char *strategy_id, const char *title, int width, const char *since,
                const char *date_format, struct since_set *kept, FILE *out);

/*
 * The changes (oldest first, as changelog_load() reads them) grouped per
 * item and folded: a field changed A -> B -> A is no change, an item
 * added and deleted again is none; the items point into changes, which
 * must outlive them.
 */
void since_group(const struct change *changes, size_t n, struct since_item **out, size_t *nout);
void since_free(struct since_item *items, size_t n);
/*
 * An item as one line for people: "#12 Title: Not started -> Ongoing ·
 * 0 -> 30 % — Anna Andersson, 3 Nov 14:05 — "comment"", sanitised; utf8
 * 0 writes "->" and "-" for the arrow and the dash.
 */
char *since_describe(const struct since_item *it, const char *date_format, int utf8);

#endif
