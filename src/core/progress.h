/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.h: how far things have come: indicators, goals, focus areas, the strategy; traffic lights. */
#ifndef STYRKORT_PROGRESS_H
#define STYRKORT_PROGRESS_H

#include "model.h"
#include "trend.h"

enum light { LIGHT_NONE, LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED };

struct progress {
	int known;              /* 0: no answer ("no data"); pct is 0 */
	double pct;             /* 0-100, clamped */
	enum light light;       /* LIGHT_GREEN only with an answer */
	int no_target;          /* an indicator without a target: "no target" rather than "no data" */
	int no_direction;       /* a target but no direction: "direction not given" */
	enum trend trend;       /* without a target: the trend that gives the light (trend.h) */
};

/*
 * The rules (also in styrkort(1), "PROGRESS AND TRAFFIC LIGHTS"):
 * indicator: (latest T - baseline) / (target - baseline), clamped to
 *   0-100; the baseline is the indicator's, else its earliest T value;
 *   target equal to baseline: 100 if reached, else 0.  No data without a
 *   baseline or a later T value; no target without one.  Red if it moved
 *   the wrong way; else, with a target period, green if at most 10 points
 *   behind the share of time elapsed, yellow within 25, red beyond;
 *   without one, green from 50 %, yellow below.  A target needs a
 *   direction (higher or lower is better): without one, no answer and
 *   "direction not given" (no_direction), never a guess.  Without a
 *   target: no answer, and the light follows the trend (trend.h): green
 *   the right way, yellow flat, red the wrong way, none without a trend.
 * goal: the mean of its indicators with an answer; else, if none of its
 *   indicators has a target, the share of its activities done (cancelled
 *   left out); else the mean of its sub-goals; else no data.  An
 *   indicator's target without values is not stood in for by activities.
 *   Light: the worst of its indicators', sub-goals' and activities'
 *   lights, but not green without an answer unless a trend gives it;
 *   without an answer its trend is the worst of theirs.
 * focus area: the mean progress % of its activities (done counts 100,
 *   cancelled left out): those that name it and those whose goal is
 *   linked to it (activity_in_focus()).  Light: the worst of theirs.
 * activity: red if overdue, yellow if delayed, none if cancelled, else green.
 * commitment: not an activity at 0 %: left out of every percentage, status
 *   count and light above, and counted by its assessment beside them.
 * strategy: the mean of the parts with an answer: each focus area, the
 *   activities without a focus area as one group (by the focus-area
 *   rule); an activity of several focus areas counts only in its first
 *   (its own, else its goal's first link), and each top-level goal's measured answer (its indicators',
 *   else its sub-goals'); so every activity counts once.  Light: the
 *   worst of the focus areas', that group's and the top-level goals'.
 */
struct progress progress_indicator(const struct indicator *ind);
struct progress progress_goal(const struct plan *p, const struct goal *g);
struct progress progress_focus(const struct plan *p, const struct focus_area *f);
struct progress progress_strategy(const struct plan *p);
/*
 * Counts by status, the overdue ones, and the mean progress (done 100,
 * cancelled left out) of the activities; the commitments by assessment.
 */
struct act_counts {
	long n[ST_COUNT];
	long total, overdue;            /* activities only */
	long assessed[AS_COUNT];        /* commitments, by assessment */
	long commitments;
	int known;              /* 0: no activity that counts, pct is 0 */
	double pct;
	double sum;             /* while counting (progress_counts_add): the progress of those that count */
	long counted;
};
/* Count activity a (overdue: activity_overdue(a)); progress_counts_end() then gives known and pct. */
void progress_counts_add(struct act_counts *c, const struct activity *a, int overdue);
void progress_counts_end(struct act_counts *c);

/*
 * What the strategy's rule needs of its activities, counted one at a
 * time: from a whole plan (progress_strategy()) or from rows read one by
 * one without keeping them (the overview, overview.c), so both give the
 * same answer.  Begin with the plan's focus areas and goals (its outline:
 * p->acts is not read), add every activity, end, then ask.
 */
struct goal_acts {
	long acts, done;                /* its activities that count: not cancelled, no commitment */
	enum light light;               /* the worst of their lights */
};
struct act_tally {
	struct goal_acts *goals;        /* one per goal of the plan, in its order */
	struct act_counts *home;        /* one per focus area: the activities at home in it (each counted once) */
	struct act_counts none;         /* those of no focus area */
};
void progress_tally_begin(const struct plan *p, struct act_tally *t);
void progress_tally_add(const struct plan *p, struct act_tally *t, const struct activity *a, int overdue);
void progress_tally_end(const struct plan *p, struct act_tally *t);
void progress_tally_free(struct act_tally *t);
/* progress_strategy() of p's outline and the tally of its activities. */
struct progress progress_strategy_tally(const struct plan *p, const struct act_tally *t);
/*
 * The focus-area rule from counts: made in memory by progress_count_focus()
 * (the report) or in SQL by query_counts() (the dashboard, which does not
 * read every activity).  tests/unit/test_query.c checks that both agree.
 */
struct progress progress_of_counts(const struct act_counts *c);
/* The counts of a focus area's activities (focus_id 0: those without one) in memory. */
void progress_count_focus(const struct plan *p, int64_t focus_id, struct act_counts *c);
/*
 * The focus-area rule for focus_id's activities (0: those without a focus
 * area, the group that counts in the strategy beside the focus areas).
 * The report's answer; the focus pane's is query_focus_progress(), and
 * tests/unit/test_query.c checks that the two never disagree.
 */
struct progress progress_focus_id(const struct plan *p, int64_t focus_id);
/* How many activities have neither a focus area nor a goal. */
long progress_count_unlinked(const struct plan *p);

/* "on track" / "at risk" / "behind" in the UI language; "" for none. */
const char *light_label(enum light l);

/*
 * "[######----]  60 %" (cells wide, plus the number); without an answer
 * "[..........] no data" (or "no target", or the trend: "improving"),
 * never a percentage.
 */
void progress_bar(char *out, size_t n, const struct progress *pr, int cells);

#endif
