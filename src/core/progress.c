/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.c: how far things have come: indicators, goals, focus areas, the strategy; traffic lights. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "overview.h"
#include "progress.h"
#include "util.h"

static double
clamp(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

static enum light
worse(enum light a, enum light b)
{
	return a > b ? a : b;
}

/* The right way green, flat yellow, the wrong way red. */
static enum light
trend_light(enum trend t)
{
	static const enum light lights[] = {
		[TREND_NONE] = LIGHT_NONE, [TREND_RIGHT] = LIGHT_GREEN,
		[TREND_FLAT] = LIGHT_YELLOW, [TREND_WRONG] = LIGHT_RED,
	};

	return lights[t];
}

/* The share (0-100) of the time from the baseline period to the target period that has passed. */
static int
elapsed_share(const char *from, const char *to, double *share)
{
	char today[11];
	int y0, y1, ty, tm, td;
	double now, start, end;

	if (!from || !to || strlen(from) < 4 || strlen(to) < 4)
		return -1;
	y0 = atoi(from);
	y1 = atoi(to);
	today_iso(today);
	parse_date(today, &ty, &tm, &td);
	/* A period is taken as its whole year: from the end of the baseline year to the end of the target's. */
	start = y0 + 1.0;
	end = y1 + 1.0;
	now = ty + (tm - 1) / 12.0 + (td - 1) / 365.0;
	if (end <= start)
		return -1;
	*share = clamp((now - start) / (end - start) * 100.0);
	return 0;
}

struct progress
progress_indicator(const struct indicator *ind)
{
	struct progress pr = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };
	const struct measurement *latest = indicator_latest(ind, SEX_T), *first = NULL;
	double base, share, moved;
	int lower = ind->direction == DIR_LOWER;

	for (size_t i = 0; i < ind->nvalues && !first; i++)
		if (ind->values[i].sex == SEX_T && ind->values[i].has_value)
			first = &ind->values[i];
	pr.no_target = !ind->has_target;
	/* Towards a target only in a known direction: none given is said, not guessed. */
	pr.no_direction = ind->has_target && ind->direction == DIR_NONE;
	if (!ind->has_target) {
		int change;

		pr.trend = trend_indicator(ind, &change);
		pr.light = trend_light(pr.trend);
		return pr;
	}
	if (pr.no_direction || !latest)
		return pr;
	if (ind->has_baseline)
		base = ind->baseline;
	else if (first && first != latest)
		base = first->value;
	else
		return pr;
	pr.known = 1;
	if (ind->target == base) {
		int reached = lower ? latest->value <= ind->target : latest->value >= ind->target;

		pr.pct = reached ? 100 : 0;
	} else {
		pr.pct = clamp((latest->value - base) / (ind->target - base) * 100.0);
	}
	/* Moving the wrong way: away from better, whatever the target says. */
	moved = latest->value - base;
	if ((lower && moved > 0) || (!lower && moved < 0)) {
		pr.light = LIGHT_RED;
		return pr;
	}
	if (elapsed_share(ind->baseline_period && *ind->baseline_period ? ind->baseline_period
	                  : first ? first->period : NULL, ind->target_period, &share) == 0)
		pr.light = pr.pct >= share - 10 ? LIGHT_GREEN : pr.pct >= share - 25 ? LIGHT_YELLOW : LIGHT_RED;
	else
		pr.light = pr.pct >= 50 ? LIGHT_GREEN : LIGHT_YELLOW;
	return pr;
}

/* overdue: activity_overdue(a). */
static enum light
progress_activity_light(const struct activity *a, int overdue)
{
	if (a->status == ST_CANCELLED)
		return LIGHT_NONE;
	if (overdue)
		return LIGHT_RED;
	if (a->status == ST_DELAYED)
		return LIGHT_YELLOW;
	return LIGHT_GREEN;
}

/* What a goal gathers from its indicators or sub-goals: the worst light and trend, the sum of the answers. */
struct gather {
	enum light light;
	enum trend trend;
	double sum;
	int n;
};

static void
gather_add(struct gather *g, const struct progress *pr)
{
	g->light = worse(g->light, pr->light);
	g->trend = pr->trend > g->trend ? pr->trend : g->trend;
	if (pr->known) {
		g->sum += pr->pct;
		g->n++;
	}
}

/* An activity's part in its goal's answer and light: a commitment and a cancelled activity have none. */
static void
goal_acts_add(struct goal_acts *ga, const struct activity *a, int overdue)
{
	if (a->kind != AK_ACTIVITY || a->status == ST_CANCELLED)
		return;
	ga->light = worse(ga->light, progress_activity_light(a, overdue));
	ga->acts++;
	ga->done += a->status == ST_DONE;
}

/* The goal's activities: counted in t, else in p->acts. */
static struct goal_acts
goal_acts(const struct plan *p, const struct act_tally *t, const struct goal *g)
{
	struct goal_acts ga = { 0, 0, LIGHT_NONE };

	if (t)
		return t->goals[g - p->goals];
	for (size_t i = 0; i < p->nacts; i++)
		if (p->acts[i].goal_id == g->id)
			goal_acts_add(&ga, &p->acts[i], activity_overdue(&p->acts[i]));
	return ga;
}

static struct progress
goal_progress(const struct plan *p, const struct act_tally *t, const struct goal *g)
{
	struct progress pr = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };
	struct gather inds = { LIGHT_NONE, TREND_NONE, 0, 0 }, subs = inds;
	struct goal_acts ga = goal_acts(p, t, g);
	int targets = 0;

	for (size_t i = 0; i < p->ninds; i++) {
		struct progress ip;

		if (p->inds[i].goal_id != g->id)
			continue;
		ip = progress_indicator(&p->inds[i]);
		gather_add(&inds, &ip);
		targets += p->inds[i].has_target;
	}
	inds.light = worse(inds.light, ga.light);
	if (inds.n) {
		pr.known = 1;
		pr.pct = inds.sum / inds.n;
	} else if (!targets && ga.acts) {
		/* A target waiting for its values is no data: tasks done do not measure it. */
		pr.known = 1;
		pr.pct = 100.0 * ga.done / ga.acts;
	}
	/* Sub-goals: their lights always count; their progress when the goal has none of its own. */
	for (size_t i = 0; i < p->ngoals; i++) {
		if (p->goals[i].parent_id == g->id) {
			struct progress sp = goal_progress(p, t, &p->goals[i]);

			gather_add(&subs, &sp);
		}
	}
	if (!pr.known && subs.n) {
		pr.known = 1;
		pr.pct = subs.sum / subs.n;
	}
	inds.light = worse(inds.light, subs.light);
	inds.trend = subs.trend > inds.trend ? subs.trend : inds.trend;
	/* Without an answer a light may warn but never reassure: no "0 %, on track" from nothing; a trend is something. */
	if (!pr.known)
		pr.trend = inds.trend;
	pr.light = !pr.known && !inds.trend && inds.light == LIGHT_GREEN ? LIGHT_NONE : inds.light;
	return pr;
}

struct progress
progress_goal(const struct plan *p, const struct goal *g)
{
	return goal_progress(p, NULL, g);
}

/* What a goal's indicators measure: theirs, else its sub-goals' (the strategy's share of a goal). */
static struct progress
goal_measured(const struct plan *p, const struct goal *g)
{
	struct progress pr = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < p->ninds; i++) {
		struct progress ip;

		if (p->inds[i].goal_id != g->id || !(ip = progress_indicator(&p->inds[i])).known)
			continue;
		sum += ip.pct;
		n++;
	}
	for (size_t i = 0; !n && i < p->ngoals; i++) {
		if (p->goals[i].parent_id == g->id) {
			struct progress sp = goal_measured(p, &p->goals[i]);

			if (sp.known) {
				sum += sp.pct;
				n++;
			}
		}
	}
	if (n) {
		pr.known = 1;
		pr.pct = sum / n;
	}
	return pr;
}

struct progress
progress_of_counts(const struct act_counts *c)
{
	struct progress pr = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };

	if (!c->known)
		return pr;
	pr.known = 1;
	pr.pct = clamp(c->pct);
	pr.light = c->overdue ? LIGHT_RED : c->n[ST_DELAYED] ? LIGHT_YELLOW : LIGHT_GREEN;
	return pr;
}

void
progress_counts_add(struct act_counts *c, const struct activity *a, int overdue)
{
	if (a->kind == AK_COMMITMENT) {
		c->assessed[a->assessment]++;
		c->commitments++;
		return;
	}
	c->n[a->status]++;
	c->total++;
	c->overdue += overdue != 0;
	if (a->status != ST_CANCELLED) {
		c->sum += a->status == ST_DONE ? 100 : a->progress;
		c->counted++;
	}
}

void
progress_counts_end(struct act_counts *c)
{
	c->known = c->counted > 0;
	c->pct = c->counted ? c->sum / c->counted : 0;
}

/* The counts of the activities of a focus area (activity_in_focus()). */
static void
count_activities(const struct plan *p, int64_t focus_id, struct act_counts *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < p->nacts; i++)
		if (activity_in_focus(p, &p->acts[i], focus_id))
			progress_counts_add(c, &p->acts[i], activity_overdue(&p->acts[i]));
	progress_counts_end(c);
}

void
progress_tally_begin(const struct plan *p, struct act_tally *t)
{
	memset(t, 0, sizeof *t);
	t->goals = xcalloc(p->ngoals ? p->ngoals : 1, sizeof *t->goals);
	t->home = xcalloc(p->nfocus ? p->nfocus : 1, sizeof *t->home);
}

/*
 * An activity counts in its goal, and for the strategy once: in its own
 * focus area, else its goal's first, else among those of none.
 */
void
progress_tally_add(const struct plan *p, struct act_tally *t, const struct activity *a, int overdue)
{
	const struct goal *g = a->goal_id ? plan_goal(p, a->goal_id) : NULL;
	int64_t home = a->focus_id ? a->focus_id : g && g->nfocus_ids ? g->focus_ids[0] : 0;
	const struct focus_area *f = home ? plan_focus(p, home) : NULL;

	if (g)
		goal_acts_add(&t->goals[g - p->goals], a, overdue);
	if (f)
		progress_counts_add(&t->home[f - p->focus], a, overdue);
	else if (!home)
		progress_counts_add(&t->none, a, overdue);
}

void
progress_tally_end(const struct plan *p, struct act_tally *t)
{
	for (size_t i = 0; i < p->nfocus; i++)
		progress_counts_end(&t->home[i]);
	progress_counts_end(&t->none);
}

void
progress_tally_free(struct act_tally *t)
{
	free(t->goals);
	free(t->home);
	memset(t, 0, sizeof *t);
}

void
progress_count_focus(const struct plan *p, int64_t focus_id, struct act_counts *c)
{
	count_activities(p, focus_id, c);
}

struct progress
progress_focus(const struct plan *p, const struct focus_area *f)
{
	return progress_focus_id(p, f->id);
}

struct progress
progress_focus_id(const struct plan *p, int64_t focus_id)
{
	struct act_counts c;

	progress_count_focus(p, focus_id, &c);
	return progress_of_counts(&c);
}

long
progress_count_unlinked(const struct plan *p)
{
	long n = 0;

	for (size_t i = 0; i < p->nacts; i++)
		n += !p->acts[i].focus_id && !p->acts[i].goal_id;
	return n;
}

/* One part of the strategy: its light always counts, its progress when it has an answer. */
static void
add_part(struct progress *pr, double *sum, int *n, enum light light, const struct progress *part)
{
	pr->light = worse(pr->light, light);
	if (part->known) {
		*sum += part->pct;
		(*n)++;
	}
}

struct progress
progress_strategy_tally(const struct plan *p, const struct act_tally *t)
{
	struct progress pr = { 0, 0, LIGHT_NONE, 0, 0, TREND_NONE };
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < p->ngoals; i++) {
		struct progress mp;

		if (p->goals[i].parent_id)
			continue;
		/* The goal's measured answer counts; its activities count below, in their focus area or group. */
		mp = goal_measured(p, &p->goals[i]);
		add_part(&pr, &sum, &n, goal_progress(p, t, &p->goals[i]).light, &mp);
	}
	/* Each activity once: in its own focus area, else its goal's first, else in the group. */
	for (size_t i = 0; i < p->nfocus; i++) {
		struct progress fp = progress_of_counts(&t->home[i]);

		add_part(&pr, &sum, &n, fp.light, &fp);
	}
	if (t->none.total) {
		struct progress gp = progress_of_counts(&t->none);

		add_part(&pr, &sum, &n, gp.light, &gp);
	}
	if (n) {
		pr.known = 1;
		pr.pct = sum / n;
	}
	return pr;
}

struct progress
progress_strategy(const struct plan *p)
{
	struct act_tally t;
	struct progress pr;

	progress_tally_begin(p, &t);
	for (size_t i = 0; i < p->nacts; i++)
		progress_tally_add(p, &t, &p->acts[i], activity_overdue(&p->acts[i]));
	progress_tally_end(p, &t);
	pr = progress_strategy_tally(p, &t);
	progress_tally_free(&t);
	return pr;
}

const char *
light_label(enum light l)
{
	/* With a context: the words of a light read differently from the same English elsewhere. */
	switch (l) {
	case LIGHT_GREEN: return ui_pgettext("light", "on track");
	case LIGHT_YELLOW: return ui_pgettext("light", "at risk");
	case LIGHT_RED: return ui_pgettext("light", "behind");
	default: return "";
	}
}

void
progress_bar(char *out, size_t n, const struct progress *pr, int cells)
{
	char bar[128];
	int full, i;

	if (cells > (int)sizeof bar - 3)
		cells = (int)sizeof bar - 3;
	full = pr->known ? (int)floor(pr->pct * cells / 100.0 + 0.5) : 0;
	bar[0] = '[';
	for (i = 0; i < cells; i++)
		bar[i + 1] = !pr->known ? '.' : i < full ? '#' : '-';
	bar[cells + 1] = ']';
	bar[cells + 2] = '\0';
	if (pr->known)
		snprintf(out, n, "%s %3d %%", bar, (int)floor(pr->pct + 0.5));
	else
		snprintf(out, n, "%s %s", bar, pr->trend ? trend_label(pr->trend) : pr->no_target ? _("no target")
		         : pr->no_direction ? _("direction not given") : pr->light == LIGHT_NONE ? light_text(LIGHT_NONE) : overview_light_label(LIGHT_NONE));
}
