/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz/fuzz_parsers.c: the small parsers of util.c (dates, periods, numbers) and what they promise of what they give back. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "measurements.h"
#include "util.h"

static const char *const date_formats[] = { "%Y-%m-%d", "%d/%m/%Y", "%e %b %Y", "%d.%m.%y", "%x", "%m/%d", "%A %B" };

/* A date read back from its ISO form is the same date. */
static void
check_date(const char *s)
{
	char iso[11];
	int y, m, d, y2, m2, d2;

	if (parse_date(s, &y, &m, &d) == 0 && strlen(s) == 10) {
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		if (parse_date(iso, &y2, &m2, &d2) != 0 || y2 != y || m2 != m || d2 != d)
			fuzz_fail("parse_date('%s') gives %s, which does not read back", s, iso);
	}
	for (size_t i = 0; i < sizeof date_formats / sizeof date_formats[0]; i++)
		if (parse_user_date(s, date_formats[i], iso) == 0 && parse_date(iso, &y, &m, &d) != 0)
			fuzz_fail("parse_user_date('%s', '%s') gives '%.10s', not a date", s, date_formats[i], iso);
}

/* A period's canonical form reads back as itself, with the same sort key. */
static void
check_period(const char *s)
{
	char canon[32], again[32];
	int key, key2;

	if (parse_period(s, canon, sizeof canon, &key) < 0)
		return;
	if (parse_period(canon, again, sizeof again, &key2) < 0 || strcmp(canon, again) != 0 || key != key2)
		fuzz_fail("parse_period('%s') gives '%s' (%d), which reads back as '%s' (%d)", s, canon, key, again, key2);
}

/* A number written by format_number reads back as the same number. */
static void
check_number(const char *s)
{
	char text[64], ui[64];
	double v, back;
	long l;
	int has, b;

	if (parse_double(s, &v) == 0) {
		format_number(text, sizeof text, v);
		if (parse_double(text, &back) != 0 || back != v)
			fuzz_fail("parse_double('%s') = %.17g is written '%s', which does not read back", s, v, text);
		format_number_ui(ui, sizeof ui, v);
		for (int dec = 0; dec <= 6; dec++)
			format_number_ui_decimals(ui, sizeof ui, v, dec);
		(void)number_decimals(v);
	}
	if (parse_number_ui(s, &v) == 0) {
		format_number_ui(ui, sizeof ui, v);
		if (parse_number_ui(ui, &back) != 0)
			fuzz_fail("parse_number_ui('%s') = %.17g is shown '%s', which does not read back", s, v, ui);
	}
	(void)measurement_parse_value(s, &has, &v);
	(void)parse_int(s, -1000000, 1000000, &l);
	(void)parse_bool(s, &b);
	(void)parse_slug(s);
	(void)parse_municipality_code(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (memchr(data, '\0', size))
		return -1;
	fuzz_setup();
	s = xstrndup((const char *)data, size);
	check_date(s);
	check_period(s);
	check_number(s);
	free(s);
	return 0;
}
