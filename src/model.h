/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.h: the domain of PRODUCT.md in memory: strategy, focus areas, goals, indicators, activities; status names; progress. */
#ifndef STYRKORT_MODEL_H
#define STYRKORT_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

enum status {
	ST_NOT_STARTED, ST_IN_PROGRESS, ST_DONE, ST_DELAYED, ST_CANCELLED,
	ST_COUNT
};
/* The stable id (CLI, files): "not_started"...; -1 if unknown. */
const char *status_id(enum status s);
int status_from_id(const char *id);
/* The label in the UI language: "Ej påbörjad"... */
const char *status_label(enum status s);
/* A one-character symbol, so a status never depends on colour. */
const char *status_symbol(enum status s);

enum sex { SEX_T, SEX_K, SEX_M, SEX_COUNT };
int sex_from_char(int c);
char sex_char(enum sex s);

struct strategy {
	char *id, *municipality, *title, *doc_type, *adopted_by, *adopted_on,
	     *revised_on, *reference, *valid_from, *valid_to, *owner, *vision,
	     *purpose, *target_group, *organisation, *follow_up, *note;
};

struct focus_area {
	int64_t id;
	char *key, *name, *purpose;
	char **bodies;          /* responsible bodies, in order */
	size_t nbodies;
};

struct goal {
	int64_t id;
	char *key, *title, *description;
	int64_t parent_id;      /* 0: none (a strategy-level or focus-area goal) */
	int64_t focus_id;       /* 0: none */
	int depth;              /* 0 for top level, 1 for a sub-goal... */
};

struct measurement {
	char *period;
	int period_key;         /* sortable: later periods are larger */
	enum sex sex;
	int has_value;          /* 0: "no data", kept apart from 0 */
	double value;
	char *entered_by, *entered_at;
};

struct indicator {
	int64_t id, goal_id;
	char *key, *name, *description, *unit, *source, *kolada;
	int lower_is_better;
	int has_baseline, has_target;
	double baseline, target;
	char *baseline_period, *target_period;
	int by_sex;
	struct measurement *values;     /* sorted by period, then sex */
	size_t nvalues;
};

struct activity {
	int64_t id;             /* the activity's number */
	char *ref;              /* its key within the strategy's INI file */
	int64_t focus_id, goal_id;
	char *title, *description, *responsible, *contact, *start, *due;
	enum status status;
	int progress;
	char *comment, *changed_by, *changed_at;
	int64_t version;        /* bumped on every change: detects lost updates */
};

/* A whole strategy, for the report, export and the dashboard's panes. */
struct plan {
	struct strategy s;
	struct focus_area *focus;  size_t nfocus;
	struct goal *goals;        size_t ngoals;   /* in tree order (parents before children) */
	struct indicator *inds;    size_t ninds;
	struct activity *acts;     size_t nacts;
};

/* The ids and municipalities of every strategy, ordered by municipality. */
struct strategy_ref { char *id, *municipality, *title; };
int model_list_strategies(struct db *db, struct strategy_ref **out, size_t *n);
void model_free_strategy_refs(struct strategy_ref *r, size_t n);

/* The columns model_read_activity() reads, for SELECTs of activities. */
#define MODEL_ACTIVITY_COLUMNS \
	"id, ref, coalesce(focus_id, 0), coalesce(goal_id, 0), title, description," \
	" responsible, contact, start_date, due_date, status, progress, comment," \
	" changed_by, changed_at, version"
void model_read_activity(sqlite3_stmt *st, struct activity *a);
void model_free_activity(struct activity *a);

/* Load one strategy; -1 with err_set() if it does not exist. */
int model_load_plan(struct db *db, const char *strategy_id, struct plan *p);
/* The same without the activities (nacts 0): the dashboard reads those a window at a time. */
int model_load_outline(struct db *db, const char *strategy_id, struct plan *p);
void model_free_plan(struct plan *p);

const struct focus_area *plan_focus(const struct plan *p, int64_t id);
const struct goal *plan_goal(const struct plan *p, int64_t id);
/* The latest measurement of an indicator for a sex, or NULL. */
const struct measurement *indicator_latest(const struct indicator *ind, enum sex sex);

/* Activity counts by status, for a focus area (focus_id 0: the whole plan). */
void plan_count_status(const struct plan *p, int64_t focus_id, int counts[ST_COUNT]);

/* 1 if the activity is past its due date and neither done nor cancelled. */
int activity_overdue(const struct activity *a);
/*
 * The same rule in SQL over the activity table's columns, as a 0/1
 * expression; today is the SQL for today's YYYY-MM-DD (a parameter).
 * tests/unit/test_query.c checks that the two agree.
 */
#define MODEL_OVERDUE_SQL(today) \
	"(coalesce(due_date, '') <> '' AND due_date < " today " AND status NOT IN ('done', 'cancelled'))"

#endif
