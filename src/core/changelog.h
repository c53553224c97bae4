/* SPDX-License-Identifier: GPL-3.0-or-later */
/* changelog.h: the append-only change log: writing rows and printing them. */
#ifndef STYRKORT_CHANGELOG_H
#define STYRKORT_CHANGELOG_H

#include <stdint.h>
#include <stdio.h>
#include "db.h"

/* Append one row to the open write's batch (db_write_begin()); -1 outside a write. */
int changelog_add(struct db *db, const char *strategy_id, const char *kind,
                  int64_t item_id, const char *item, const char *field,
                  const char *old, const char *new_value, const char *comment);

struct changelog_filter {
	const char *strategy_id;        /* NULL: all */
	const char *since;              /* YYYY-MM-DD or NULL */
	int64_t activity;               /* 0: all */
	int64_t after;                  /* only rows logged after this row id (0: all) */
	int64_t batch;                  /* only the rows of this batch (0: all) */
};
/* One row of the log, as read back. */
struct change {
	char *at, *who, *strategy_id, *kind, *item, *field, *old, *new_value, *comment;
	int64_t item_id;
	int64_t number;         /* an activity's number in its strategy (0: not known) */
	int64_t id;             /* the row's */
};
/*
 * The number of a change-log row's activity, as a column of a SELECT from
 * change_log: the activity's number, or for one deleted since the number
 * its deletion logged; NULL if neither (or not an activity).
 */
#define CHANGELOG_NUMBER_SQL \
	"CASE WHEN change_log.kind = 'activity' THEN coalesce(" \
	"(SELECT a.number FROM activity a WHERE a.id = change_log.item_id), " \
	"(SELECT d.old FROM change_log d WHERE d.kind = 'activity' AND d.item_id = change_log.item_id" \
	" AND d.field = 'number' AND d.new IS NULL ORDER BY d.id DESC LIMIT 1)) END"
/* The rows that match, oldest first. */
int changelog_load(struct db *db, const struct changelog_filter *f, struct change **out, size_t *n);
/*
 * The rows that match, oldest first, one at a time to FN (the row's strings
 * are valid only during the call); FN returns 0 to go on, 1 to stop, -1 to
 * stop with an error (returned).
 */
int changelog_each(struct db *db, const struct changelog_filter *f,
                   int (*fn)(const struct change *c, void *arg), void *arg);
void changelog_free(struct change *c, size_t n);

/*
 * One change as a line for people: "3 Nov 14:05 anna: #12 Title: Status:
 * Not started -> Done (comment)", the time local (changelog_time()); with_item 0
 * leaves out "#12 Title: " (when the item is shown already).
 */
char *changelog_describe(const struct change *c, const char *date_format, int with_item);

/* A field's name for people (an activity field's label in the UI language), and a value ("-" for none, a status's label, a date in date_format, a number as the UI language writes it). */
const char *changelog_field_label(const struct change *c);
const char *changelog_value(const struct change *c, const char *v, const char *date_format, char *out, size_t n);
/* A change's time (the log's UTC stamp) in local time for people: "3 Nov 14:05", with the year when it is not this year's. */
void changelog_time(char *out, size_t n, const char *at);

/*
 * Print the log as text lines for `styrkort log`, for people: each time in
 * local time (changelog_time()), field names and values as
 * changelog_field_label() and changelog_value() show them, dates in
 * date_format.
 */
int changelog_print(struct db *db, const struct changelog_filter *f, const char *date_format, FILE *out);

#endif
