/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_util.c: the small parsers and number formatting every module relies on. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"

static void
numbers_read_back(void **state)
{
	static const double values[] = { 0, 8.5, 50, -10, 0.1, 1234567, 52.3, 1e-9, 1e20, 2.0 / 3, -0.0 };
	static const char *const expected[] = { "0", "8.5", "50", "-10", "0.1", "1234567", "52.3", NULL, NULL, NULL, "0" };
	char out[64];
	double back;

	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		format_number(out, sizeof out, values[i]);
		if (expected[i])
			assert_string_equal(out, expected[i]);
		/* Whatever the form, it reads back as the same number. */
		assert_int_equal(parse_double(out, &back), 0);
		assert_true(back == values[i]);
	}
}

/* Files use a dot whatever the locale: a Swedish locale must not change them. */
static void
numbers_in_files_ignore_the_locale(void **state)
{
	double v = 0;
	char out[64];

	(void)state;
	if (!setlocale(LC_ALL, "sv_SE.UTF-8")) {
		setlocale(LC_ALL, "");
		skip();
	}
	assert_int_equal(parse_double("8.5", &v), 0);
	assert_true(v == 8.5);
	assert_int_equal(parse_double("8,5", &v), -1);
	format_number(out, sizeof out, 8.5);
	assert_string_equal(out, "8.5");
	format_number(out, sizeof out, 2.0 / 3);
	assert_int_equal(parse_double(out, &v), 0);
	assert_true(v == 2.0 / 3);
	format_number(out, sizeof out, 1e-9);
	assert_int_equal(parse_double(out, &v), 0);
	assert_true(v == 1e-9);
	setlocale(LC_ALL, "");
}

/* What people type and read: both decimal marks in, no float noise out. */
static void
numbers_for_people(void **state)
{
	double v = 0;
	char out[64];

	(void)state;
	assert_int_equal(parse_number_ui("10,2", &v), 0);
	assert_true(v == 10.2);
	assert_int_equal(parse_number_ui("10.2", &v), 0);
	assert_true(v == 10.2);
	assert_int_equal(parse_number_ui("\xe2\x88\x92" "3,5", &v), 0);
	assert_true(v == -3.5);
	assert_int_equal(parse_number_ui("1,000.5", &v), -1);
	assert_int_equal(parse_number_ui("10,2x", &v), -1);
	assert_int_equal(parse_number_ui("", &v), -1);
	/* The precision the values were given in. */
	assert_int_equal(number_decimals(8.5), 1);
	assert_int_equal(number_decimals(50), 0);
	assert_int_equal(number_decimals(52.25), 2);
	/* 60.2 - 74.1 is -13.899999999999999 in binary. */
	format_number_ui_decimals(out, sizeof out, 60.2 - 74.1, 1);
	assert_string_equal(out, "\xe2\x88\x92" "13.9");
	format_number_ui_decimals(out, sizeof out, 8.5 - 8.5, 1);
	assert_string_equal(out, "0.0");
	format_number_ui_decimals(out, sizeof out, -0.04, 1);
	assert_string_equal(out, "0.0");
	format_number_ui(out, sizeof out, 8.5);
	assert_string_equal(out, "8.5");
	format_number_ui(out, sizeof out, -10);
	assert_string_equal(out, "\xe2\x88\x92" "10");
}

static void
dates_and_periods(void **state)
{
	int y, m, d, key, key2;
	char canon[16];

	(void)state;
	assert_int_equal(parse_date("2024-02-29", &y, &m, &d), 0);
	assert_int_equal(d, 29);
	assert_int_equal(parse_date("2023-02-29", NULL, NULL, NULL), -1);
	assert_int_equal(parse_date("2023-13-01", NULL, NULL, NULL), -1);
	assert_int_equal(parse_date("2023-1-01", NULL, NULL, NULL), -1);
	assert_int_equal(parse_period("2023-q1", canon, sizeof canon, &key), 0);
	assert_string_equal(canon, "2023-Q1");
	assert_int_equal(parse_period("2023", canon, sizeof canon, &key2), 0);
	/* The whole year sorts after its parts, and before the next year. */
	assert_true(key2 > key);
	assert_int_equal(parse_period("2024-H1", canon, sizeof canon, &key), 0);
	assert_true(key > key2);
	assert_int_equal(parse_period("2023-Q5", canon, sizeof canon, NULL), -1);
	assert_int_equal(parse_period("2023-X1", canon, sizeof canon, NULL), -1);
	assert_int_equal(parse_period("23", canon, sizeof canon, NULL), -1);
}

/* A date a person types (an activity's dates, a review's): the configured format, or ISO. */
static void
dates_typed_by_people(void **state)
{
	char iso[11];

	(void)state;
	assert_int_equal(parse_user_date("2026-12-31", "%d/%m/%Y", iso), DATE_DAY);
	assert_string_equal(iso, "2026-12-31");
	assert_int_equal(parse_user_date("31/12/2026", "%d/%m/%Y", iso), DATE_DAY);
	assert_string_equal(iso, "2026-12-31");
	assert_int_equal(parse_user_date("31/02/2026", "%d/%m/%Y", iso), -1);
	assert_int_equal(parse_user_date("31/12/2026x", "%d/%m/%Y", iso), -1);
	assert_int_equal(parse_user_date("", "%d/%m/%Y", iso), -1);
	assert_int_equal(parse_user_date("", "", iso), -1);
	assert_int_equal(parse_user_date("2026-02-30", "%Y-%m-%d", iso), -1);
	assert_int_equal(parse_user_date("31/12/2026", NULL, iso), -1);
	/* A month or a year, in ISO whatever the format, or a month as the format writes one. */
	assert_int_equal(parse_user_date("2012-11", "%d/%m/%Y", iso), DATE_MONTH);
	assert_string_equal(iso, "2012-11");
	assert_int_equal(parse_user_date("2013", "%d/%m/%Y", iso), DATE_YEAR);
	assert_string_equal(iso, "2013");
	assert_int_equal(parse_user_date("11/2012", "%d/%m/%Y", iso), DATE_MONTH);
	assert_string_equal(iso, "2012-11");
	assert_int_equal(parse_user_date("13/2012", "%d/%m/%Y", iso), -1);
	assert_int_equal(parse_user_date("11/2012", "%Y-%m-%d", iso), -1);
	assert_int_equal(parse_user_date("2013-13", "%Y-%m-%d", iso), -1);
	assert_int_equal(parse_user_date("13", "%Y-%m-%d", iso), -1);
}

/* The one rule: a year, a month or a day, a real one, its precision the value's. */
static void
dates_as_precise_as_the_document(void **state)
{
	static const struct { const char *text; int prec; const char *end; } cases[] = {
		{ "2013", DATE_YEAR, "2013-12-31" },
		{ "2012-11", DATE_MONTH, "2012-11-30" },
		{ "2012-11-05", DATE_DAY, "2012-11-05" },
		{ "2024-02", DATE_MONTH, "2024-02-29" },        /* leap years */
		{ "2023-02", DATE_MONTH, "2023-02-28" },
		{ "2000-02", DATE_MONTH, "2000-02-29" },
		{ "1900-02", DATE_MONTH, "1900-02-28" },
		{ "2012-12", DATE_MONTH, "2012-12-31" },
		{ "2013-13", -1, NULL }, { "2013-00", -1, NULL }, { "2013-02-30", -1, NULL },
		{ "13", -1, NULL }, { "213", -1, NULL }, { "20133", -1, NULL }, { "2013-1", -1, NULL },
		{ "2013-", -1, NULL }, { "1899", -1, NULL }, { "2013-11-5", -1, NULL }, { "", -1, NULL },
		{ "+013", -1, NULL }, { "2013 ", -1, NULL },
	};
	char end[11];
	int y, m, d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(parse_date_any(cases[i].text, NULL, NULL, NULL), cases[i].prec);
		assert_int_equal(date_end(cases[i].text, end), cases[i].end ? 0 : -1);
		if (cases[i].end)
			assert_string_equal(end, cases[i].end);
		/* A day only where a day is asked for. */
		assert_int_equal(parse_date(cases[i].text, NULL, NULL, NULL), cases[i].prec == DATE_DAY ? 0 : -1);
	}
	assert_int_equal(parse_date_any("2012-11", &y, &m, &d), DATE_MONTH);
	assert_int_equal(y * 10000 + m * 100 + d, 20121100);
}

/* A period against a day: it has ended only after its last day. */
static void
a_period_ends_at_its_end(void **state)
{
	(void)state;
	assert_true(date_cmp_day("2012-11", "2012-11-30") == 0);
	assert_true(date_cmp_day("2012-11", "2012-12-01") < 0);
	assert_true(date_cmp_day("2012-11", "2012-10-31") > 0);
	assert_true(date_cmp_day("2013", "2013-12-31") == 0);
	assert_true(date_cmp_day("2013", "2014-01-01") < 0);
	assert_true(date_cmp_day("2013", "2012-12-31") > 0);
	assert_true(date_cmp_day("2024-02", "2024-02-29") == 0);
	assert_true(date_cmp_day("2024-02", "2024-03-01") < 0);
	assert_true(date_cmp_day("2023-02", "2023-03-01") < 0);
	assert_true(date_cmp_day("2012-11-05", "2012-11-05") == 0);
	assert_true(date_cmp_day("2012-11-05", "2012-11-06") < 0);
	/* An end before a start: the end's period is over before the start's begins. */
	assert_true(date_before("2013-05", "2013-06-01"));
	assert_false(date_before("2013-05", "2013-05-15"));
	assert_false(date_before("2013", "2013-06"));
	assert_false(date_before("2013-06", "2013"));
	assert_true(date_before("2012", "2013"));
	assert_false(date_before("2013-06-01", "2013-06-01"));
}

/* How a month reads: the configured format without its day. */
static void
a_month_in_the_configured_format(void **state)
{
	static const char *const cases[][2] = {
		{ "%Y-%m-%d", "%Y-%m" }, { "%d/%m/%Y", "%m/%Y" }, { "%m/%d/%Y", "%m/%Y" },
		{ "%e %B %Y", "%B %Y" }, { "%A %-d %b %Y", "%b %Y" }, { "%d.%m.%Y", "%m.%Y" },
		{ "%Y%m%d", "%Y%m" }, { "%x", NULL }, { "%F", NULL }, { "%d/%Y", NULL }, { "", NULL },
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(date_month_format(cases[i][0], out, sizeof out), cases[i][1] ? 0 : -1);
		if (cases[i][1])
			assert_string_equal(out, cases[i][1]);
	}
}

static void
integers_and_booleans(void **state)
{
	long n;
	int b;

	(void)state;
	assert_int_equal(parse_int("042", 0, 100, &n), 0);
	assert_int_equal(n, 42);        /* decimal, never octal */
	assert_int_equal(parse_int("abc", 0, 100, &n), -1);
	assert_int_equal(parse_int("12x", 0, 100, &n), -1);
	assert_int_equal(parse_int("101", 0, 100, &n), -1);
	assert_int_equal(parse_int("99999999999999999999999", 0, 100, &n), -1);
	assert_int_equal(parse_bool("on", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(parse_bool("No", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(parse_bool("yesterday", &b), -1);
	assert_int_equal(parse_slug("vastervik"), 0);
	assert_int_equal(parse_slug("Västervik"), -1);
	assert_int_equal(parse_slug("-x"), -1);
}

/* Days between days, for "days late": across months, leap days and years. */
static void
days_between_days(void **state)
{
	(void)state;
	assert_int_equal(date_days_between("2013-05-31", "2013-06-01"), 1);
	assert_int_equal(date_days_between("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(date_days_between("2023-02-28", "2023-03-01"), 1);
	assert_int_equal(date_days_between("2013-12-31", "2026-11-22"), 4709);
	assert_int_equal(date_days_between("2026-11-22", "2026-11-22"), 0);
	assert_int_equal(date_days_between("2026-11-22", "2026-11-20"), -2);
	assert_int_equal(date_days_between("2013", "2026-11-22"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_read_back),
		cmocka_unit_test(numbers_in_files_ignore_the_locale),
		cmocka_unit_test(numbers_for_people),
		cmocka_unit_test(dates_and_periods),
		cmocka_unit_test(days_between_days),
		cmocka_unit_test(dates_typed_by_people),
		cmocka_unit_test(dates_as_precise_as_the_document),
		cmocka_unit_test(a_period_ends_at_its_end),
		cmocka_unit_test(a_month_in_the_configured_format),
		cmocka_unit_test(integers_and_booleans),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
