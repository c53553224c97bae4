/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview.h: the overview's numbers (the dashboard's first pane): overall progress, one line per focus area, indicators, what is late, what changed since the last review. */
#ifndef STYRKORT_OVERVIEW_H
#define STYRKORT_OVERVIEW_H

#include <stdint.h>

#include "db.h"
#include "model.h"
#include "organisation.h"
#include "progress.h"

/* A focus area's line (or the activities without one). */
struct overview_area {
	const struct focus_area *focus; /* NULL: the activities without a focus area */
	struct act_counts counts;       /* as pane 2 and the report count them (activity_in_focus()) */
	struct progress pr;
	long changed;                   /* its activities changed since the last review */
};

/* An overdue activity and how many days have passed since its due date's period ended. */
struct overview_late {
	const struct activity *a;       /* in the overview's plan */
	long days;
};

struct overview {
	struct plan plan;               /* the strategy's outline; acts: only those listed below */
	struct progress overall;        /* progress_strategy(): the report's answer */
	struct act_counts all;          /* every activity and commitment of the strategy */
	struct due due;                 /* the follow-up plan against today (organisation_due()) */
	int reviewed;                   /* 1: a review is recorded (plan.last_review) */
	struct overview_area *areas;    /* each focus area in order, then the group without one if it has any */
	size_t nareas;
	long indicators[4];             /* by enum light; LIGHT_NONE: no data (no values, no target or no direction) */
	long nindicators;
	size_t listed;                  /* the most overdue and changed activities kept (the rest only counted) */
	struct overview_late *late;     /* the first nlate_listed overdue activities, the longest overdue first */
	size_t nlate, nlate_listed;     /* all overdue, and how many of them late[] holds */
	int64_t late_last_number;       /* the number of the last overdue activity in that order */
	int64_t *changed;               /* the ids of the activities changed since the last review, ascending */
	size_t nchanged;
	const struct activity **changed_acts;   /* the first of those still there, in plan order */
	size_t nchanged_acts, nchanged_listed;  /* all of them still there, and how many changed_acts holds */
	int changed_commitments;        /* 1: a commitment is among them */
};

/*
 * Read strategy_id and work out the overview against today (YYYY-MM-DD),
 * reading the activities one row at a time, none of them kept but the
 * first `listed` overdue and changed ones (a screenful: what the pane can
 * show).  "Changed since the last review": logged after the change-log
 * row the latest review covers (review_last()); without a review, none
 * (unlike report --since last-review, which then lists every change: a
 * list of everything is history, a mark on everything says nothing).  -1
 * with err_set().
 */
int overview_prepare(struct db *db, const char *strategy_id, const char *today, size_t listed, struct overview *o);
void overview_release(struct overview *o);

/* The ids of the strategy's activities changed since its last review (none without one), ascending (free *ids). */
int overview_changed_ids(struct db *db, const char *strategy_id, int64_t **ids, size_t *n);
/* 1 if id is in the ascending list. */
int overview_id_in(const int64_t *ids, size_t n, int64_t id);

/* Days from the end of date's period to today (both YYYY-MM-DD or shorter; 0 if not a date). */
long overview_days_after(const char *date, const char *today);

/*
 * A traffic light for people: a symbol that does not depend on colour
 * (● ▲ ■, or o ^ # where the terminal is not UTF-8) and its word in the
 * UI language ("on track", "at risk", "behind"; "no data" for LIGHT_NONE).
 */
const char *overview_light_symbol(enum light l, int utf8);
/* The mark of an activity changed since the last review (pane 4): Δ, or ~ where the terminal is not UTF-8. */
const char *overview_changed_symbol(int utf8);
/* 1 if the user's locale (LC_ALL, LC_CTYPE, LANG) is UTF-8, so the terminal shows the UTF-8 symbols. */
int overview_terminal_utf8(void);
const char *overview_light_label(enum light l);
/*
 * A light wherever it is shown (panes 2, 3 and 5, the detail, the
 * reports): its symbol and its word, "▲ at risk" ("^ at risk" in ASCII,
 * chart_ascii(): [display] symbols); a buffer of its own per light.
 */
const char *light_text(enum light l);
/* The widest light_text(), in columns. */
int light_text_width(void);

/*
 * The activities' statuses as a stacked bar of cells characters (plus
 * NUL): each status takes a share of the cells by its count, drawn with
 * its symbol (+ done, > in progress, - not started, ! delayed, x
 * cancelled), every status present at least one cell while there are
 * cells; out[i]'s status in status_of[i] (for its colour).  Empty
 * ("") without activities.
 */
void overview_status_bar(const struct act_counts *c, int cells, char *out, int *status_of);
/* A commitment's assessments as "+2 ~3 !1 ?6" (zeros left out; a new string, "" without commitments). */
char *overview_assessment_text(const struct act_counts *c);

#endif
