/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_chart.c: series from an indicator's values, the sparkline and the chart, against golden text. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "chart.h"
#include "db.h"
#include "unit.h"

static struct measurement vals[16];

/* 2019-2022 by sex, the sample line of issue 11: 46.9, 45.5, 47.8, 49.4 in total. */
static struct indicator
indicator(void)
{
	static const struct { const char *period; enum sex sex; double v; } rows[] = {
		{ "2019", SEX_T, 46.9 }, { "2019", SEX_K, 44.0 }, { "2019", SEX_M, 49.8 },
		{ "2020", SEX_T, 45.5 }, { "2020", SEX_K, 43.1 }, { "2020", SEX_M, 47.9 },
		{ "2021", SEX_T, 47.8 }, { "2021", SEX_K, 46.0 }, { "2021", SEX_M, 49.6 },
		{ "2022", SEX_T, 49.4 }, { "2022", SEX_K, 48.7 }, { "2022", SEX_M, 50.1 },
	};
	struct indicator ind;

	memset(&ind, 0, sizeof ind);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		vals[i].period = (char *)rows[i].period;
		vals[i].sex = rows[i].sex;
		vals[i].has_value = 1;
		vals[i].value = rows[i].v;
	}
	ind.values = vals;
	ind.nvalues = sizeof rows / sizeof rows[0];
	ind.unit = "%";
	return ind;
}

static char *
sparkline(const double *v, size_t n, int ascii)
{
	struct buf b;

	buf_init(&b);
	chart_sparkline(&b, v, n, ascii);
	return b.s ? buf_steal(&b) : xstrdup("");
}

static void
sparklines(void **state)
{
	const double v[] = { 46.9, 45.5, 47.8, 49.4 }, flat[] = { 3, 3 }, gap[] = { 1, NAN, 2 };
	char *s;

	(void)state;
	assert_string_equal(s = sparkline(v, 4, 0), "\xe2\x96\x84\xe2\x96\x81\xe2\x96\x85\xe2\x96\x88");
	free(s);
	assert_string_equal(s = sparkline(v, 4, 1), ":_=#");
	free(s);
	/* All equal: the middle; a missing value: a space. */
	assert_string_equal(s = sparkline(flat, 2, 1), "::");
	free(s);
	assert_string_equal(s = sparkline(gap, 3, 1), "_ #");
	free(s);
}

static void
series_of_an_indicator(void **state)
{
	struct indicator ind = indicator();
	struct series_set set;

	(void)state;
	series_from_indicator(&set, &ind);
	assert_int_equal(set.nperiods, 4);
	assert_string_equal(set.periods[0], "2019");
	assert_int_equal(set.n, 3);
	assert_int_equal(set.s[0].mark, 'T');
	assert_int_equal(set.s[1].mark, 'K');
	assert_int_equal(set.s[2].mark, 'M');
	assert_true(fabs(series_find(&set, 'K')->v[3] - 48.7) < 1e-9);
	/* A comparison series fed in later, with a period the municipality lacks, keeps the periods in order. */
	assert_int_equal(series_add_value(&set, 'R', "country", "2018", 40), 0);
	assert_string_equal(set.periods[0], "2018");
	assert_int_equal(set.nperiods, 5);
	assert_true(isnan(series_find(&set, 'T')->v[0]));
	assert_true(fabs(series_find(&set, 'T')->v[1] - 46.9) < 1e-9);
	assert_true(isnan(series_find(&set, 'R')->v[1]));
	series_free(&set);
}

/* The chart as one text, lines joined by newlines. */
static char *
chart_text(const struct chart *c, int width, int height)
{
	size_t n;
	char **lines = chart_render(c, width, height, &n);
	struct buf b;

	assert_true(n <= (size_t)height);
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return buf_steal(&b);
}

static void
charts(void **state)
{
	struct indicator ind = indicator();
	struct series_set set;
	struct chart c = { &set, 1, 1, 45.0, 52.0, "%", 1, 0 };

	(void)state;
	series_from_indicator(&set, &ind);
	assert_golden("chart-60x14.txt", chart_text(&c, 60, 14));
	c.ascii = 1;
	assert_golden("chart-60x14-ascii.txt", chart_text(&c, 60, 14));
	c.ascii = 0;
	assert_golden("chart-100x20.txt", chart_text(&c, 100, 20));
	/* No baseline or target, decimals as the range needs, one series of one value. */
	series_free(&set);
	ind.nvalues = 1;
	series_from_indicator(&set, &ind);
	c.has_baseline = c.has_target = 0;
	c.decimals = -1;
	assert_golden("chart-one-value.txt", chart_text(&c, 40, 8));
	series_free(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sparklines),
		cmocka_unit_test(series_of_an_indicator),
		cmocka_unit_test(charts),
	};

	unit_begin("chart");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
