/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_progress.c: every progress rule and edge case of progress.h, on plans built in memory. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "organisation.h"
#include "progress.h"

static struct measurement vals[8];

/* An indicator with a baseline and target (NAN-free: has_* say what is there). */
static struct indicator
ind(int has_base, double base, int has_target, double target, int lower)
{
	struct indicator i;

	memset(&i, 0, sizeof i);
	i.id = 1;
	i.goal_id = 1;
	i.has_baseline = has_base;
	i.baseline = base;
	i.baseline_period = "2020";
	i.has_target = has_target;
	i.target = target;
	i.target_period = "2030";
	i.direction = lower ? DIR_LOWER : DIR_HIGHER;
	i.values = vals;
	return i;
}

static void
add_value(struct indicator *i, const char *period, enum sex sex, double v)
{
	struct measurement *m = &vals[i->nvalues++];

	memset(m, 0, sizeof *m);
	m->period = (char *)period;
	m->sex = sex;
	m->has_value = 1;
	m->value = v;
}

static void
indicator_basic(void **state)
{
	struct indicator i = ind(1, 10, 1, 20, 0);
	struct progress p;

	(void)state;
	add_value(&i, "2025", SEX_T, 15);
	p = progress_indicator(&i);
	assert_true(p.known);
	assert_true(p.pct > 49.99 && p.pct < 50.01);
	/* Overshooting is clamped to 100. */
	vals[0].value = 30;
	assert_true(progress_indicator(&i).pct > 99.99);
}

static void
indicator_lower_is_better(void **state)
{
	struct indicator i = ind(1, 20, 1, 10, 1);
	struct progress p;

	(void)state;
	add_value(&i, "2025", SEX_T, 12);
	p = progress_indicator(&i);
	assert_true(p.pct > 79.99 && p.pct < 80.01);
	assert_int_not_equal(p.light, LIGHT_RED);
	/* Up is the wrong way here: 0 % and red. */
	vals[0].value = 25;
	p = progress_indicator(&i);
	assert_true(p.pct < 0.01);
	assert_int_equal(p.light, LIGHT_RED);
}

static void
indicator_wrong_way_is_red(void **state)
{
	struct indicator i = ind(1, 10, 1, 20, 0);
	struct progress p;

	(void)state;
	add_value(&i, "2025", SEX_T, 9);
	p = progress_indicator(&i);
	assert_true(p.known);
	assert_true(p.pct < 0.01);
	assert_int_equal(p.light, LIGHT_RED);
}

static void
indicator_edge_cases(void **state)
{
	struct indicator i;
	struct progress p;

	(void)state;
	/* No measurements. */
	i = ind(1, 10, 1, 20, 0);
	assert_false(progress_indicator(&i).known);
	assert_int_equal(progress_indicator(&i).light, LIGHT_NONE);
	/* No target. */
	i = ind(1, 10, 0, 0, 0);
	add_value(&i, "2025", SEX_T, 15);
	assert_false(progress_indicator(&i).known);
	/* No baseline: the earliest value is the baseline... */
	i = ind(0, 0, 1, 20, 0);
	add_value(&i, "2021", SEX_T, 10);
	add_value(&i, "2025", SEX_T, 15);
	p = progress_indicator(&i);
	assert_true(p.known);
	assert_true(p.pct > 49.99 && p.pct < 50.01);
	/* ...but one value alone gives no answer. */
	i = ind(0, 0, 1, 20, 0);
	add_value(&i, "2025", SEX_T, 15);
	assert_false(progress_indicator(&i).known);
	/* Target equal to baseline: 100 if reached, else 0. */
	i = ind(1, 10, 1, 10, 0);
	add_value(&i, "2025", SEX_T, 10);
	assert_true(progress_indicator(&i).pct > 99.99);
	vals[0].value = 9;
	assert_true(progress_indicator(&i).pct < 0.01);
	/* Only K and M values: no total, no answer. */
	i = ind(1, 10, 1, 20, 0);
	add_value(&i, "2025", SEX_K, 15);
	add_value(&i, "2025", SEX_M, 16);
	assert_false(progress_indicator(&i).known);
	/* A "no data" total is not 0. */
	i = ind(1, 10, 1, 20, 0);
	add_value(&i, "2025", SEX_T, 0);
	vals[0].has_value = 0;
	assert_false(progress_indicator(&i).known);
}

static void
indicator_light_follows_time(void **state)
{
	struct indicator i = ind(1, 0, 1, 100, 0);

	(void)state;
	/* 2020 -> 2030, today 2026-11-22: about 59 % of the time has passed. */
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	add_value(&i, "2025", SEX_T, 55);
	assert_int_equal(progress_indicator(&i).light, LIGHT_GREEN);
	vals[0].value = 40;
	assert_int_equal(progress_indicator(&i).light, LIGHT_YELLOW);
	vals[0].value = 20;
	assert_int_equal(progress_indicator(&i).light, LIGHT_RED);
	/* Without a target period: green from 50 %. */
	i.target_period = NULL;
	vals[0].value = 50;
	assert_int_equal(progress_indicator(&i).light, LIGHT_GREEN);
	vals[0].value = 49;
	assert_int_equal(progress_indicator(&i).light, LIGHT_YELLOW);
}

static struct activity
act(int64_t id, int64_t focus, int64_t goal, enum status s, int progress, const char *due)
{
	struct activity a;

	memset(&a, 0, sizeof a);
	a.id = id;
	a.focus_id = focus;
	a.goal_id = goal;
	a.status = s;
	a.progress = progress;
	a.due = (char *)due;
	return a;
}

/* A plan of one focus area and one goal with n activities. */
static void
one_area_plan(struct plan *p, struct focus_area *f, struct goal *g, struct activity *acts, size_t n)
{
	memset(p, 0, sizeof *p);
	p->focus = f;
	p->nfocus = 1;
	p->goals = g;
	p->ngoals = 1;
	p->acts = acts;
	p->nacts = n;
}

/* A commitment of the focus area 7 and goal 3, as assessed. */
static struct activity
commitment(int64_t id, enum assessment as)
{
	struct activity a = act(id, 7, 3, ST_NOT_STARTED, 0, NULL);

	a.kind = AK_COMMITMENT;
	a.assessment = as;
	return a;
}

static void
focus_and_goal_from_activities(void **state)
{
	struct focus_area f = { .id = 7 };
	struct goal g = { .id = 3 };
	struct activity acts[4];
	struct plan p;
	struct progress pr;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	acts[0] = act(1, 7, 3, ST_DONE, 100, "2026-01-01");
	acts[1] = act(2, 7, 3, ST_IN_PROGRESS, 50, "2027-01-01");
	acts[2] = act(3, 7, 3, ST_CANCELLED, 0, "2020-01-01");
	acts[3] = act(4, 7, 3, ST_NOT_STARTED, 0, NULL);
	one_area_plan(&p, &f, &g, acts, 4);
	/* Focus area: mean progress of the three not cancelled: (100 + 50 + 0) / 3. */
	pr = progress_focus(&p, &f);
	assert_true(pr.known);
	assert_true(pr.pct > 49.99 && pr.pct < 50.01);
	assert_int_equal(pr.light, LIGHT_GREEN);
	/* Goal without indicators: the share done, cancelled left out: 1 of 3. */
	pr = progress_goal(&p, &g);
	assert_true(pr.pct > 33.32 && pr.pct < 33.34);
	/* An overdue activity makes both red. */
	acts[1].due = "2026-11-21";
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_RED);
	assert_int_equal(progress_goal(&p, &g).light, LIGHT_RED);
	/* Delayed (not overdue) is yellow. */
	acts[1].due = "2027-01-01";
	acts[1].status = ST_DELAYED;
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_YELLOW);
	/* All cancelled: no answer, not NaN. */
	for (int i = 0; i < 4; i++)
		acts[i].status = ST_CANCELLED;
	assert_false(progress_focus(&p, &f).known);
	assert_false(progress_goal(&p, &g).known);
	assert_false(progress_strategy(&p).known);
}

/*
 * A commitment is not an activity at 0 %: it is left out of every
 * percentage, status count and light, and counted by its assessment.
 */
static void
commitments_are_counted_by_assessment(void **state)
{
	struct focus_area f = { .id = 7 };
	struct goal g = { .id = 3 };
	struct activity acts[4];
	struct plan p;
	struct act_counts c;
	struct progress pr;
	int counts[ST_COUNT];

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	acts[0] = act(1, 7, 3, ST_IN_PROGRESS, 60, NULL);
	acts[1] = commitment(2, AS_NOT_FULFILLED);
	acts[2] = commitment(3, AS_FULFILLED);
	acts[3] = commitment(4, AS_NOT_ASSESSED);
	one_area_plan(&p, &f, &g, acts, 4);
	/* The one activity alone: 60 %, not (60 + 0 + 0 + 0) / 4. */
	pr = progress_focus(&p, &f);
	assert_true(pr.known);
	assert_true(pr.pct > 59.99 && pr.pct < 60.01);
	assert_int_equal(pr.light, LIGHT_GREEN);
	assert_true(progress_strategy(&p).pct > 59.99 && progress_strategy(&p).pct < 60.01);
	/* The goal: the share of its activities done, 0 of 1, not 0 of 4. */
	pr = progress_goal(&p, &g);
	assert_true(pr.known);
	assert_true(pr.pct < 0.01);
	progress_count_focus(&p, 7, &c);
	assert_int_equal(c.total, 1);
	assert_int_equal(c.n[ST_NOT_STARTED], 0);
	assert_int_equal(c.commitments, 3);
	assert_int_equal(c.assessed[AS_FULFILLED], 1);
	assert_int_equal(c.assessed[AS_NOT_FULFILLED], 1);
	assert_int_equal(c.assessed[AS_NOT_ASSESSED], 1);
	assert_int_equal(c.assessed[AS_PARTLY], 0);
	plan_count_status(&p, 0, counts);
	assert_int_equal(counts[ST_NOT_STARTED], 0);
	assert_int_equal(counts[ST_IN_PROGRESS], 1);
	/* Commitments only: no answer and no light, whatever they are assessed as. */
	acts[0].kind = AK_COMMITMENT;
	pr = progress_focus(&p, &f);
	assert_false(pr.known);
	assert_int_equal(pr.light, LIGHT_NONE);
	assert_false(progress_goal(&p, &g).known);
	assert_false(progress_strategy(&p).known);
}

static void
goal_from_indicators_and_subgoals(void **state)
{
	struct goal goals[2] = { { .id = 1 }, { .id = 2, .parent_id = 1, .depth = 1 } };
	struct indicator i = ind(1, 0, 1, 100, 0);
	struct plan p;
	struct progress pr;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	i.goal_id = 2;
	add_value(&i, "2025", SEX_T, 80);
	memset(&p, 0, sizeof p);
	p.goals = goals;
	p.ngoals = 2;
	p.inds = &i;
	p.ninds = 1;
	/* The sub-goal has the indicator; the parent takes the sub-goal's progress. */
	assert_true(progress_goal(&p, &goals[1]).pct > 79.99);
	pr = progress_goal(&p, &goals[0]);
	assert_true(pr.known);
	assert_true(pr.pct > 79.99 && pr.pct < 80.01);
	/* The strategy: its top-level goal. */
	assert_true(progress_strategy(&p).pct > 79.99);
}

/* An indicator with a target and no values is "no data"; its goal does not stand in for it with activities. */
static void
target_without_values_is_no_data(void **state)
{
	struct goal g = { .id = 1 };
	struct indicator i = ind(0, 0, 1, 50, 0);
	struct activity acts[2];
	struct plan p;
	struct progress pr;
	char out[64];

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	acts[0] = act(1, 0, 1, ST_NOT_STARTED, 0, NULL);
	acts[1] = act(2, 0, 1, ST_DONE, 100, NULL);
	memset(&p, 0, sizeof p);
	p.goals = &g;
	p.ngoals = 1;
	p.inds = &i;
	p.ninds = 1;
	p.acts = acts;
	p.nacts = 1;
	pr = progress_indicator(&i);
	assert_false(pr.known);
	assert_false(pr.no_target);
	progress_bar(out, sizeof out, &pr, 10);
	assert_string_equal(out, "[..........] ○ no data");
	/* Oxelösund's goal: a target, no values, one activity not started: no data, and no light (never "0 %, on track"). */
	pr = progress_goal(&p, &g);
	assert_false(pr.known);
	assert_int_equal(pr.light, LIGHT_NONE);
	/* Activities done do not stand in for the measurement either. */
	p.nacts = 2;
	assert_false(progress_goal(&p, &g).known);
	/* But an overdue activity still makes the goal red, and a delayed one yellow. */
	acts[0].due = "2026-11-21";
	pr = progress_goal(&p, &g);
	assert_false(pr.known);
	assert_int_equal(pr.light, LIGHT_RED);
	acts[0].due = NULL;
	acts[0].status = ST_DELAYED;
	assert_int_equal(progress_goal(&p, &g).light, LIGHT_YELLOW);
	acts[0].status = ST_NOT_STARTED;
	/* With values the indicator answers, and the goal takes it. */
	i.has_baseline = 1;
	i.baseline = 0;
	add_value(&i, "2025", SEX_T, 25);
	pr = progress_goal(&p, &g);
	assert_true(pr.known);
	assert_true(pr.pct > 49.99 && pr.pct < 50.01);
	/* An indicator without a target shows its trend, and its goal falls back to its activities: 1 of 2 done. */
	i.has_target = 0;
	pr = progress_indicator(&i);
	assert_false(pr.known);
	assert_true(pr.no_target);
	progress_bar(out, sizeof out, &pr, 10);
	assert_string_equal(out, "[..........] improving");
	pr = progress_goal(&p, &g);
	assert_true(pr.known);
	assert_true(pr.pct > 49.99 && pr.pct < 50.01);
	assert_int_equal(pr.light, LIGHT_GREEN);
	/* A goal with nothing at all: no data, no light. */
	p.nacts = 0;
	p.ninds = 0;
	pr = progress_goal(&p, &g);
	assert_false(pr.known);
	assert_int_equal(pr.light, LIGHT_NONE);
}

/*
 * Activities linked to nothing count: the strategy is the mean of its focus
 * areas, the activities without a focus area as one group, and the measured
 * answers of its top-level goals.
 */
static void
strategy_counts_every_activity(void **state)
{
	struct focus_area f = { .id = 7 };
	struct goal goals[2] = { { .id = 3 }, { .id = 4 } };
	struct indicator i = ind(1, 0, 1, 100, 0);
	struct activity acts[4];
	struct plan p;
	struct progress pr;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	acts[0] = act(1, 7, 0, ST_IN_PROGRESS, 40, NULL);     /* focus area 7: 40 % */
	acts[1] = act(2, 0, 3, ST_DONE, 100, NULL);           /* goal 3 only */
	acts[2] = act(3, 0, 0, ST_IN_PROGRESS, 10, NULL);     /* linked to nothing */
	acts[3] = act(4, 0, 0, ST_CANCELLED, 0, NULL);        /* linked to nothing, cancelled */
	memset(&p, 0, sizeof p);
	p.focus = &f;
	p.nfocus = 1;
	p.goals = goals;
	p.ngoals = 1;
	p.acts = acts;
	p.nacts = 4;
	assert_int_equal(progress_count_unlinked(&p), 2);
	/* The focus area 40, the activities without one (100 + 10) / 2 = 55: 47.5. */
	pr = progress_strategy(&p);
	assert_true(pr.known);
	assert_true(pr.pct > 47.49 && pr.pct < 47.51);
	assert_int_equal(pr.light, LIGHT_GREEN);
	/* An activity linked to nothing that is delayed, or overdue, colours the whole. */
	acts[2].status = ST_DELAYED;
	assert_int_equal(progress_strategy(&p).light, LIGHT_YELLOW);
	acts[2].due = "2026-01-01";
	assert_int_equal(progress_strategy(&p).light, LIGHT_RED);
	acts[2].status = ST_IN_PROGRESS;
	acts[2].due = NULL;
	/* Only activities linked to nothing: they alone are the answer (Västervik). */
	p.nfocus = 0;
	p.ngoals = 0;
	acts[0].focus_id = 0;
	acts[1].goal_id = 0;
	assert_int_equal(progress_count_unlinked(&p), 4);
	pr = progress_strategy(&p);
	assert_true(pr.known);
	assert_true(pr.pct > 49.99 && pr.pct < 50.01);
	/* A top-level goal's measured answer is one more part: (50 + 80) / 2. */
	p.ngoals = 2;
	p.inds = &i;
	p.ninds = 1;
	i.goal_id = 4;
	add_value(&i, "2025", SEX_T, 80);
	pr = progress_strategy(&p);
	assert_true(pr.pct > 64.99 && pr.pct < 65.01);
}

/* Progress towards a target needs a direction: without one it is said, not guessed as "higher". */
static void
direction_not_given(void **state)
{
	struct indicator i = ind(1, 10, 1, 20, 0);
	struct progress p;
	char out[128];

	(void)state;
	add_value(&i, "2025", SEX_T, 15);
	i.direction = DIR_NONE;
	p = progress_indicator(&i);
	assert_false(p.known);
	assert_true(p.no_direction);
	assert_false(p.no_target);
	assert_int_equal(p.light, LIGHT_NONE);
	progress_bar(out, sizeof out, &p, 10);
	assert_string_equal(out, "[..........] direction not given");
	/* Without a target, "no target" says more; the direction then does not matter. */
	i.has_target = 0;
	p = progress_indicator(&i);
	assert_true(p.no_target);
	assert_false(p.no_direction);
	/* Given, the same values have an answer. */
	i.has_target = 1;
	i.direction = DIR_HIGHER;
	p = progress_indicator(&i);
	assert_true(p.known);
	assert_false(p.no_direction);
}

/*
 * A goal linked to several focus areas (goal_focus): each of them counts
 * the goal's activities, but the strategy counts every activity once, in
 * its first focus area (its own, else its goal's first link).
 */
static void
links_roll_up_once(void **state)
{
	struct focus_area f[2] = { { .id = 7 }, { .id = 8 } };
	int64_t links[2] = { 8, 7 };
	struct goal g = { .id = 3, .focus_ids = links, .nfocus_ids = 2 };
	struct activity acts[3];
	struct act_counts c;
	struct plan p;
	struct progress pr;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	acts[0] = act(1, 7, 0, ST_IN_PROGRESS, 20, NULL);     /* focus area 7 itself */
	acts[1] = act(2, 0, 3, ST_IN_PROGRESS, 80, NULL);     /* the goal only: in 8 and 7 */
	acts[2] = act(3, 7, 3, ST_DONE, 100, NULL);           /* both: once in 7, and in 8 through the goal */
	memset(&p, 0, sizeof p);
	p.focus = f;
	p.nfocus = 2;
	p.goals = &g;
	p.ngoals = 1;
	p.acts = acts;
	p.nacts = 3;
	/* Focus area 7: all three, (20 + 80 + 100) / 3; focus area 8: the goal's two, (80 + 100) / 2. */
	progress_count_focus(&p, 7, &c);
	assert_int_equal(c.total, 3);
	pr = progress_focus(&p, &f[0]);
	assert_true(pr.pct > 66.66 && pr.pct < 66.67);
	progress_count_focus(&p, 8, &c);
	assert_int_equal(c.total, 2);
	assert_true(progress_focus(&p, &f[1]).pct > 89.99);
	/* None is without a focus area: the goal's links place the second. */
	progress_count_focus(&p, 0, &c);
	assert_int_equal(c.total, 0);
	assert_int_equal(progress_count_unlinked(&p), 0);
	/*
	 * The strategy: 7 holds the first and third, (20 + 100) / 2 = 60; 8 (the
	 * goal's first link) the second, 80: (60 + 80) / 2 = 70, not the 78 that
	 * the focus areas' own figures (66.7, 90) would give by counting two twice.
	 */
	pr = progress_strategy(&p);
	assert_true(pr.known);
	assert_true(pr.pct > 69.99 && pr.pct < 70.01);
	/* An overdue activity of the goal turns both focus areas red, and the strategy. */
	acts[1].due = "2026-01-01";
	assert_int_equal(progress_focus(&p, &f[0]).light, LIGHT_RED);
	assert_int_equal(progress_focus(&p, &f[1]).light, LIGHT_RED);
	assert_int_equal(progress_strategy(&p).light, LIGHT_RED);
	/* Without links the goal's activity is without a focus area again. */
	g.nfocus_ids = 0;
	progress_count_focus(&p, 0, &c);
	assert_int_equal(c.total, 1);
}

/* An overdue activity turns its focus area's and its goal's light red, even when the goal is measured on track. */
static void
overdue_is_red_everywhere(void **state)
{
	struct focus_area f = { .id = 7 };
	struct goal goals[2] = { { .id = 1 }, { .id = 2, .parent_id = 1, .depth = 1 } };
	struct indicator i = ind(1, 0, 1, 100, 0);
	struct activity a;
	struct plan p;

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	i.goal_id = 2;
	i.target_period = NULL;
	add_value(&i, "2025", SEX_T, 90);
	a = act(1, 7, 2, ST_IN_PROGRESS, 90, "2027-01-01");
	memset(&p, 0, sizeof p);
	p.focus = &f;
	p.nfocus = 1;
	p.goals = goals;
	p.ngoals = 2;
	p.inds = &i;
	p.ninds = 1;
	p.acts = &a;
	p.nacts = 1;
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_GREEN);
	assert_int_equal(progress_goal(&p, &goals[1]).light, LIGHT_GREEN);
	assert_int_equal(progress_goal(&p, &goals[0]).light, LIGHT_GREEN);
	a.due = "2026-11-21";
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_RED);
	assert_int_equal(progress_goal(&p, &goals[1]).light, LIGHT_RED);
	assert_int_equal(progress_goal(&p, &goals[0]).light, LIGHT_RED);
	assert_int_equal(progress_strategy(&p).light, LIGHT_RED);
	/* Due today is not yet overdue; done or cancelled never is. */
	a.due = "2026-11-22";
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_GREEN);
	a.due = "2020-01-01";
	a.status = ST_DONE;
	assert_int_equal(progress_focus(&p, &f).light, LIGHT_GREEN);
	assert_int_equal(progress_goal(&p, &goals[0]).light, LIGHT_GREEN);
}

/* Follow-ups dated as the document dates them: a year or a month is due until its period ends. */
static void
followups_at_the_documents_precision(void **state)
{
	struct followup f = { .what = "Uppföljning", .cadence = "dates", .dates = "2012-11, 2013, 2014-06-15" };
	struct followup g = { .what = "Djupare", .cadence = "every 2 years", .first = "2013-05" };
	struct plan p;
	struct due d;

	(void)state;
	memset(&p, 0, sizeof p);
	p.fups = &f;
	p.nfups = 1;
	assert_int_equal(organisation_dates_check(f.dates), 0);
	assert_int_equal(organisation_dates_check("2013, 2012-11"), -1);     /* in order */
	assert_int_equal(organisation_dates_check("2013-13"), -1);
	assert_int_equal(organisation_dates_check("2013,2014"), -1);
	organisation_due(&p, "2012-11-30", &d);
	assert_non_null(d.next);
	assert_string_equal(d.next_date, "2012-11");
	assert_null(d.last);
	organisation_due(&p, "2012-12-01", &d);
	assert_string_equal(d.next_date, "2013");
	assert_string_equal(d.last_date, "2012-11");
	/* A review in November 2012 is one for the follow-up due in November. */
	snprintf(p.last_review, sizeof p.last_review, "2012-11-20");
	organisation_due(&p, "2012-12-01", &d);
	assert_true(d.reviewed);
	organisation_due(&p, "2013-12-31", &d);
	assert_string_equal(d.next_date, "2013");
	organisation_due(&p, "2014-01-01", &d);
	assert_string_equal(d.next_date, "2014-06-15");
	assert_string_equal(d.last_date, "2013");
	assert_false(d.reviewed);
	/* Every two years from May 2013: May 2015 is due until the end of May. */
	p.fups = &g;
	organisation_due(&p, "2015-05-31", &d);
	assert_string_equal(d.next_date, "2015-05");
	assert_string_equal(d.last_date, "2013-05");
	organisation_due(&p, "2015-06-01", &d);
	assert_string_equal(d.next_date, "2017-05");
	assert_string_equal(d.last_date, "2015-05");
}

/* Västervik's "Öka ..." goals: no target, so the light follows the trend since the baseline. */
static void
trend_without_target(void **state)
{
	struct indicator i = ind(1, 8.5, 0, 0, 0);
	struct goal g = { .id = 1 };
	struct plan p;
	struct progress pr;
	char out[64];
	int change;

	(void)state;
	memset(&p, 0, sizeof p);
	p.goals = &g;
	p.ngoals = 1;
	p.inds = &i;
	p.ninds = 1;
	/* No value: no trend, "no target", no light; the goal has no answer and no light. */
	pr = progress_indicator(&i);
	assert_int_equal(pr.trend, TREND_NONE);
	assert_int_equal(pr.light, LIGHT_NONE);
	progress_bar(out, sizeof out, &pr, 10);
	assert_string_equal(out, "[..........] no target");
	assert_int_equal(progress_goal(&p, &g).light, LIGHT_NONE);
	/* One value, in the baseline's own period: nothing has moved yet. */
	add_value(&i, "2020", SEX_T, 9);
	assert_int_equal(trend_indicator(&i, &change), TREND_NONE);
	assert_int_equal(change, 0);
	assert_int_equal(progress_indicator(&i).light, LIGHT_NONE);
	/* A later value above the baseline: the right way, green, and the goal is green from it. */
	add_value(&i, "2022", SEX_T, 9.1);
	pr = progress_indicator(&i);
	assert_false(pr.known);
	assert_int_equal(pr.trend, TREND_RIGHT);
	assert_int_equal(pr.light, LIGHT_GREEN);
	assert_int_equal(trend_indicator(&i, &change), TREND_RIGHT);
	assert_int_equal(change, 1);
	progress_bar(out, sizeof out, &pr, 10);
	assert_string_equal(out, "[..........] improving");
	pr = progress_goal(&p, &g);
	assert_false(pr.known);
	assert_int_equal(pr.trend, TREND_RIGHT);
	assert_int_equal(pr.light, LIGHT_GREEN);
	progress_bar(out, sizeof out, &pr, 10);
	assert_string_equal(out, "[..........] improving");
	/* Equal to the baseline: flat, yellow. */
	vals[1].value = 8.5;
	pr = progress_indicator(&i);
	assert_int_equal(pr.trend, TREND_FLAT);
	assert_int_equal(pr.light, LIGHT_YELLOW);
	assert_int_equal(progress_goal(&p, &g).light, LIGHT_YELLOW);
	/* Below it: the wrong way, red; lower is better turns it round. */
	vals[1].value = 8;
	assert_int_equal(progress_indicator(&i).light, LIGHT_RED);
	i.direction = DIR_LOWER;
	assert_int_equal(progress_indicator(&i).light, LIGHT_GREEN);
	assert_int_equal(trend_indicator(&i, &change), TREND_RIGHT);
	assert_int_equal(change, -1);
	/* Without a baseline the earliest value is it: 9 then 8, lower is better. */
	i.has_baseline = 0;
	assert_int_equal(progress_indicator(&i).trend, TREND_RIGHT);
	/* ... and one value alone has no trend. */
	i.nvalues = 1;
	assert_int_equal(progress_indicator(&i).trend, TREND_NONE);
}

/* The rule itself: right, flat, wrong; no direction given, no trend. */
static void
trend_rule(void **state)
{
	(void)state;
	assert_int_equal(trend_of(1, 2, 1), TREND_RIGHT);
	assert_int_equal(trend_of(2, 1, 1), TREND_WRONG);
	assert_int_equal(trend_of(2, 1, -1), TREND_RIGHT);
	assert_int_equal(trend_of(1, 2, -1), TREND_WRONG);
	assert_int_equal(trend_of(46.9, 46.9, 1), TREND_FLAT);
	assert_int_equal(trend_of(46.9, 46.9, -1), TREND_FLAT);
	assert_int_equal(trend_of(1, 2, 0), TREND_NONE);
	assert_int_equal(trend_of(2, 2, 0), TREND_NONE);
	assert_string_equal(trend_arrow(1, 1), "^");
	assert_string_equal(trend_arrow(-1, 1), "v");
	assert_string_equal(trend_arrow(0, 1), "=");
	assert_string_equal(trend_arrow(1, 0), "\xe2\x86\x91");
}

static void
bar_text(void **state)
{
	struct progress p = { 1, 60, LIGHT_GREEN };
	char out[64];

	(void)state;
	progress_bar(out, sizeof out, &p, 10);
	assert_string_equal(out, "[######----]  60 %");
	p.pct = 100;
	progress_bar(out, sizeof out, &p, 10);
	assert_string_equal(out, "[##########] 100 %");
	p.known = 0;
	progress_bar(out, sizeof out, &p, 10);
	assert_string_equal(out, "[..........] no data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(indicator_basic),
		cmocka_unit_test(indicator_lower_is_better),
		cmocka_unit_test(indicator_wrong_way_is_red),
		cmocka_unit_test(indicator_edge_cases),
		cmocka_unit_test(indicator_light_follows_time),
		cmocka_unit_test(focus_and_goal_from_activities),
		cmocka_unit_test(commitments_are_counted_by_assessment),
		cmocka_unit_test(goal_from_indicators_and_subgoals),
		cmocka_unit_test(target_without_values_is_no_data),
		cmocka_unit_test(strategy_counts_every_activity),
		cmocka_unit_test(overdue_is_red_everywhere),
		cmocka_unit_test(followups_at_the_documents_precision),
		cmocka_unit_test(links_roll_up_once),
		cmocka_unit_test(direction_not_given),
		cmocka_unit_test(trend_without_target),
		cmocka_unit_test(trend_rule),
		cmocka_unit_test(bar_text),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
