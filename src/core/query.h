/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * query.h: what the dashboard reads from SQLite, a window at a time:
 * activities filtered and sorted in SQL (COUNT, then LIMIT/OFFSET), status
 * counts, recent change-log lines.  No curses here.
 */
#ifndef STYRKORT_QUERY_H
#define STYRKORT_QUERY_H

#include <stdint.h>
#include "db.h"
#include "changelog.h"
#include "model.h"
#include "progress.h"

/* Which activities: every field's "any" value leaves it out of the WHERE clause. */
struct act_filter {
	int status;             /* an enum status, or -1: any */
	int64_t focus_id;       /* -1: any; 0: activities without a focus area */
	int64_t goal_id;        /* -1: any */
	char *responsible;      /* NULL: any */
	int overdue;            /* 1: only those past due and neither done nor cancelled */
};
void query_filter_init(struct act_filter *f);
void query_filter_free(struct act_filter *f);
/* 1 if anything is filtered out (goal_id aside, which only details use). */
int query_filter_active(const struct act_filter *f);

enum act_sort { SORT_PLAN, SORT_DUE, SORT_STATUS, SORT_FOCUS, SORT_COUNT };
/* "plan order", "due date"... in the UI language. */
const char *query_sort_label(enum act_sort s);

/* How many activities of the strategy pass the filter. */
int query_activity_count(struct db *db, const char *strategy, const struct act_filter *f, long *n);
/* 1 if the strategy has a commitment (pane 4 then makes room for assessments), else 0. */
int query_has_commitments(struct db *db, const char *strategy);
/* The strategy's largest activity number (for the width of pane 4's number column): one look-up. */
int64_t query_max_activity_number(struct db *db, const char *strategy);
/*
 * What pane 4's columns hold, over the activities that pass the filter:
 * the widest title, focus area name and responsible body in display
 * columns (0: every cell empty), whether any has a due date, how many are
 * overdue and the most days one is late (activity_days_late()).
 */
struct act_widths {
	int title, focus, responsible;
	int has_due, has_activities;    /* has_activities: not only commitments (which have no progress) */
	long overdue, most_days_late;
};
int query_activity_widths(struct db *db, const char *strategy, const struct act_filter *f, struct act_widths *w);
/* Rows offset..offset+limit-1 in the sort order; free with query_free_activities(). */
int query_activities(struct db *db, const char *strategy, const struct act_filter *f,
                     enum act_sort sort, long offset, long limit, struct activity **out, size_t *n);
void query_free_activities(struct activity *a, size_t n);
/*
 * The row number of the first activity at or after row `from` (wrapping
 * round) whose number, title, responsible or focus area contains needle
 * (search_match()).  Returns 0 and sets *row, 1 if none matches, -1 on error.
 */
int query_activity_find(struct db *db, const char *strategy, const struct act_filter *f,
                        enum act_sort sort, long from, const char *needle, long *row);

/* The row number of activity id in the filter and order: 0 and *row, 1 if it is not there, -1 on error. */
int query_activity_row(struct db *db, const char *strategy, const struct act_filter *f,
                       enum act_sort sort, int64_t id, long *row);

/* The counts of struct act_counts (progress.h) in SQL, for the activities that pass the filter. */
int query_counts(struct db *db, const char *strategy, const struct act_filter *f, struct act_counts *c);
/*
 * The focus pane's progress of focus_id's activities (0: those without a
 * focus area): the counts in SQL, then the rule of progress_focus_id(),
 * which the report uses; tests/unit/test_query.c checks that they agree.
 */
int query_focus_progress(struct db *db, const char *strategy, int64_t focus_id, struct act_counts *c,
                         struct progress *pr);

/* The distinct responsible bodies of the strategy's activities, sorted. */
int query_responsibles(struct db *db, const char *strategy, char ***out, size_t *n);

/* Change-log lines, newest first. */
enum change_scope {
	CHANGES_ACTIVITY,       /* one activity: id */
	CHANGES_FOCUS,          /* the activities of a focus area: id */
	CHANGES_GOAL,           /* the activities of a goal: id */
	CHANGES_INDICATOR,      /* the measurements of an indicator: id */
	CHANGES_STRATEGY        /* everything in the strategy */
};
/* Free the rows with changelog_free(). */
int query_changes(struct db *db, const char *strategy, enum change_scope scope, int64_t id,
                  int limit, struct change **out, size_t *n);

/*
 * A strategy without its activities (nacts is 0): what the panes other
 * than the activities need, as quick to read for 100,000 activities as
 * for ten.  Free with model_free_plan().
 */
int query_load_outline(struct db *db, const char *strategy, struct plan *p);

#endif
