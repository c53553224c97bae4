/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend.c: which way an indicator has moved since its baseline, and whether that is the way its goal wants. */
#include <config.h>

#include <string.h>

#include "trend.h"
#include "util.h"

int
indicator_direction(const struct indicator *ind)
{
	return ind->lower_is_better ? -1 : 1;
}

enum trend
trend_of(double from, double to, int direction)
{
	if (!direction)
		return TREND_NONE;
	if (to == from)
		return TREND_FLAT;
	return (to > from) == (direction > 0) ? TREND_RIGHT : TREND_WRONG;
}

/* The earliest total value, or NULL. */
static const struct measurement *
first_total(const struct indicator *ind)
{
	for (size_t i = 0; i < ind->nvalues; i++)
		if (ind->values[i].sex == SEX_T && ind->values[i].has_value)
			return &ind->values[i];
	return NULL;
}

enum trend
trend_indicator(const struct indicator *ind, int *change)
{
	const struct measurement *latest = indicator_latest(ind, SEX_T), *first = first_total(ind);
	const char *since;
	double base;

	*change = 0;
	if (!latest)
		return TREND_NONE;
	if (ind->has_baseline) {
		base = ind->baseline;
		since = ind->baseline_period && *ind->baseline_period ? ind->baseline_period : NULL;
	} else {
		base = first->value;
		since = first->period;
	}
	/* Periods are years or year-months, written so that later ones sort later. */
	if (since ? strcmp(latest->period, since) <= 0 : !ind->has_baseline && latest == first)
		return TREND_NONE;
	*change = latest->value > base ? 1 : latest->value < base ? -1 : 0;
	return trend_of(base, latest->value, indicator_direction(ind));
}

const char *
trend_label(enum trend t)
{
	switch (t) {
	case TREND_RIGHT: return _("improving");
	case TREND_FLAT: return _("no change");
	case TREND_WRONG: return _("worsening");
	default: return "";
	}
}

const char *
trend_arrow(int change, int ascii)
{
	if (ascii)
		return change > 0 ? "^" : change < 0 ? "v" : "=";
	return change > 0 ? "\xe2\x86\x91" : change < 0 ? "\xe2\x86\x93" : "\xe2\x86\x92";
}
