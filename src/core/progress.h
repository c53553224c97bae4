/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.h: how far things have come: indicators, goals, focus areas, the strategy; traffic lights. */
#ifndef STYRKORT_PROGRESS_H
#define STYRKORT_PROGRESS_H

#include "model.h"

enum light { LIGHT_NONE, LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED };

struct progress {
	int known;              /* 0: no answer (no data, no target...); pct is 0 */
	double pct;             /* 0-100, clamped */
	enum light light;
};

/*
 * The rules (also in styrkort(1), "PROGRESS AND TRAFFIC LIGHTS"):
 * indicator: (latest T - baseline) / (target - baseline), clamped to
 *   0-100; the baseline is the indicator's, else its earliest T value;
 *   target equal to baseline: 100 if reached, else 0.  Unknown without a
 *   target, a baseline or a later T value.  Red if it moved the wrong way;
 *   else, with a target period, green if at most 10 points behind the
 *   share of time elapsed, yellow within 25, red beyond; without one,
 *   green from 50 %, yellow below.
 * goal: the mean of its indicators with a known answer; else the share of
 *   its activities done (cancelled left out); else the mean of its
 *   sub-goals.  Light: the worst of its indicators', sub-goals' and
 *   activities' lights.
 * focus area: the mean progress % of its activities (done counts 100,
 *   cancelled left out).  Light: the worst of its activities'.
 * activity: red if overdue, yellow if delayed, none if cancelled, else green.
 * strategy: the mean of its top-level goals and focus areas with an
 *   answer; light: the worst of theirs.
 */
struct progress progress_indicator(const struct indicator *ind);
struct progress progress_goal(const struct plan *p, const struct goal *g);
struct progress progress_focus(const struct plan *p, const struct focus_area *f);
struct progress progress_strategy(const struct plan *p);
enum light progress_activity_light(const struct activity *a);
/* Counts by status, the overdue ones, and the mean progress (done 100, cancelled left out). */
struct act_counts {
	long n[ST_COUNT];
	long total, overdue;
	int known;              /* 0: no activity that counts, pct is 0 */
	double pct;
};
/*
 * The focus-area rule from counts: made in memory by progress_count_focus()
 * (the report) or in SQL by query_counts() (the dashboard, which does not
 * read every activity).  tests/unit/test_query.c checks that both agree.
 */
struct progress progress_of_counts(const struct act_counts *c);
/* The counts of a focus area's activities (focus_id 0: those without one) in memory. */
void progress_count_focus(const struct plan *p, int64_t focus_id, struct act_counts *c);

/* "on track" / "at risk" / "behind" in the UI language; "" for none. */
const char *light_label(enum light l);

/* "[######----]  60 %" (cells wide, plus the number); "[..........]  n/a" when unknown. */
void progress_bar(char *out, size_t n, const struct progress *pr, int cells);

#endif
