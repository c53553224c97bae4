/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.h: an indicator's values as series over the periods, drawn as text: a sparkline and a chart. */
#ifndef STYRKORT_CHART_H
#define STYRKORT_CHART_H

#include "model.h"
#include "trend.h"
#include "util.h"

#define SERIES_MAX 8

/* One line of values: the total, a sex, or (fed in by its loader) a comparison area. */
struct chart_series {
	char mark;              /* the letter that draws it and names it in the legend: T, K, M... */
	char *label;            /* "total", "women", "men", a county's name... */
	double *v;              /* one per period of the set; NAN: no value */
};

/* Series over one list of periods, earliest first. */
struct series_set {
	char **periods;
	size_t nperiods;
	struct chart_series s[SERIES_MAX];
	size_t n;
};

/*
 * The indicator's own values: T, then K and M when it has any of them;
 * then the comparison areas' totals, L the county's (län) and R the
 * country's (riket).  The chart, the table and the report draw every
 * series of the set.
 */
void series_from_indicator(struct series_set *set, const struct indicator *ind);
/* Set a value of the series with that mark (made with label if new); -1 if the set is full. */
int series_add_value(struct series_set *set, char mark, const char *label, const char *period, double v);
/* The series with that mark, or NULL. */
const struct chart_series *series_find(const struct series_set *set, char mark);
void series_free(struct series_set *set);
/*
 * Whether a series has an arrow and which way (*change: 1 up, -1 down, 0
 * unchanged): the total's is its trend since the baseline (trend.h),
 * another series' its last value against its first.
 */
int series_change(const struct indicator *ind, const struct series_set *set, const struct chart_series *s, int *change);
/*
 * "2019 46.9 · 2020 45.5 · 2021 47.8 · 2022 49.4 ↑" in the UI language
 * (ASCII: " - " between and ^ v = for the arrow); NULL without values.
 */
char *series_text(const struct indicator *ind, const struct series_set *set, const struct chart_series *s, int ascii);

/*
 * Which symbols to draw with: block characters, arrows and lines, or
 * ASCII.  main.c decides once ([display] symbols: auto is ASCII when the
 * user's locale is not UTF-8); the renderers below take it as ascii.
 */
void chart_set_ascii(int ascii);
int chart_ascii(void);

/*
 * A sparkline of n values, one cell each, ▁ to █ from the least to the
 * most (ASCII: _ . - : = + * #); NAN is a space; all equal is the middle.
 */
void chart_sparkline(struct buf *b, const double *v, size_t n, int ascii);

struct chart {
	const struct series_set *data;
	int has_baseline, has_target;
	double baseline, target;
	const char *unit;       /* beside the axis labels; NULL or "" for none */
	int decimals;           /* of the axis labels; -1: as the range needs */
	int ascii;
};
/*
 * The chart as width x height lines of text (without colour): the value
 * axis with labels and unit, each series' letter at its values joined by
 * dots, the baseline and the target as lines, the periods under the axis
 * and a legend.  Returns the lines (free each and the array); *nlines
 * may be less than height when the legend needs fewer lines.
 */
char **chart_render(const struct chart *c, int width, int height, size_t *nlines);

#endif
