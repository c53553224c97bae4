/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend.c: which way an indicator has moved since its baseline, and whether that is the way its goal wants. */
#include <config.h>

#include <string.h>

#include "trend.h"
#include "util.h"

int
indicator_direction(const struct indicator *ind)
{
	return ind->direction == DIR_LOWER ? -1 : ind->direction == DIR_HIGHER ? 1 : 0;
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
	} else if (first) {
		base = first->value;
		since = first->period;
	} else {
		return TREND_NONE;   /* a latest value that is no total one */
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

/* The women's value of the latest period in which both women and men have one, or NULL. */
static const struct measurement *
common_period(const struct indicator *ind, double *kv, double *mv)
{
	const struct measurement *best = NULL;

	for (size_t i = 0; i < ind->nvalues; i++) {
		const struct measurement *k = &ind->values[i];

		if (k->sex != SEX_K || !k->has_value || (best && best->period_key >= k->period_key))
			continue;
		for (size_t j = 0; j < ind->nvalues; j++) {
			const struct measurement *m = &ind->values[j];

			if (m->sex == SEX_M && m->has_value && strcmp(m->period, k->period) == 0) {
				best = k;
				*kv = k->value;
				*mv = m->value;
				break;
			}
		}
	}
	return best;
}

const char *
indicator_gap(const struct indicator *ind, char *gap, size_t n, double *kv, double *mv)
{
	const struct measurement *k;
	double kval = 0, mval = 0;
	int decimals;

	if (!(k = common_period(ind, &kval, &mval)))
		return NULL;
	decimals = number_decimals(kval);
	if (number_decimals(mval) > decimals)
		decimals = number_decimals(mval);
	if (ind->has_decimals && ind->decimals >= 0 && ind->decimals <= 6)
		decimals = (int)ind->decimals;
	format_number_ui_decimals(gap, n, kval - mval, decimals);
	if (kv)
		*kv = kval;
	if (mv)
		*mv = mval;
	return k->period;
}
