/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c: sanitising control characters, display width and wrapping at character boundaries. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

static void
sanitize_controls(void **state)
{
	char *s = text_sanitize("a\x1b[31mb\a\bc\r\nd\xc2\x9b" "e\xe2\x80\xae" "f", 1);

	(void)state;
	assert_string_equal(s, "a?[31mb??c\nd?e?f");
	free(s);
	s = text_sanitize("x\ny\tz", 0);
	assert_string_equal(s, "x y z");
	free(s);
	/* Invalid UTF-8 is replaced, valid å ä ö kept. */
	s = text_sanitize("\xff" "åäö", 0);
	assert_string_equal(s, "?åäö");
	free(s);
}

static void
width_and_fit(void **state)
{
	(void)state;
	assert_int_equal(text_width("Västervik"), 9);
	assert_int_equal(text_width("日本"), 4);
	/* Never split a character: "Väs" is 4 bytes for 3 columns. */
	assert_int_equal(text_fit("Västervik", 3), 4);
	assert_int_equal(text_fit("日本", 3), 3);
}

static void
wrap_words_and_chars(void **state)
{
	char **lines;
	size_t n;

	(void)state;
	n = text_wrap("Örnsköldsvik är en kommun", 12, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "Örnsköldsvik");
	assert_string_equal(lines[1], "är en kommun");
	assert_null(lines[2]);
	text_lines_free(lines);
	n = text_wrap("ååååå", 2, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "åå");
	assert_string_equal(lines[2], "å");
	text_lines_free(lines);
	n = text_wrap("a\n\nb", 10, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[1], "");
	text_lines_free(lines);
}

/* The one rule of what a text may hold, and where the first refused character is. */
static void
check_refuses(void **state)
{
	static const struct {
		const char *s;
		int multiline;
		size_t pos;             /* 0: allowed */
		const char *says;
	} cases[] = {
		{ "Rad ett\n\nRad tre", 1, 0, NULL },
		{ "\tindrag  ", 1, 0, NULL },
		{ "Rad ett\nRad två", 0, 8, "line break" },
		{ "a\tb", 0, 2, "tab" },
		{ "åäö\x1b[31m", 1, 4, "U+001B" },
		{ "x\xc2\x85y", 1, 2, "U+0085" },
		{ "x\x7f", 1, 2, "U+007F" },
		{ "\r\n", 1, 1, "U+000D" },
		{ "ab\xe2\x80\xae" "cd", 1, 3, "U+202E" },
		{ "\xd8\x9c", 1, 1, "U+061C" },
		{ "a\xe2\x80\x8e", 1, 2, "U+200E" },
		{ "a\xe2\x80\x8f", 1, 2, "U+200F" },
		{ "a\xe2\x81\xa6", 1, 2, "U+2066" },
		{ "a\xe2\x81\xa9", 1, 2, "U+2069" },
		{ "a\xe2\x80\x8b", 1, 2, "U+200B" },
		{ "a\xe2\x80\xa8", 1, 2, "U+2028" },
		{ "a\xe2\x80\xa9", 1, 2, "U+2029" },
		{ "a\xef\xbb\xbf", 1, 2, "U+FEFF" },
		{ "\xef\xbb\xbf" "a", 1, 1, "U+FEFF" },
		{ "ä\xff", 1, 2, "0xFF" },
		{ "\xc3", 1, 1, "0xC3" },
		{ "\xc0\xaf", 1, 1, "0xC0" },               /* overlong '/' */
		{ "\xed\xa0\x80", 1, 1, "0xED" },           /* a surrogate */
		{ "\xf4\x90\x80\x80", 1, 1, "0xF4" },       /* past U+10FFFF */
		/* Joiners, combining marks, wide characters and emoji are text. */
		{ "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 0, 0, NULL },
		{ "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8c\xe0\xa4\xb7", 0, 0, NULL },
		{ "e\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81", 0, 0, NULL },
		{ "日本 Örnsköldsvik", 0, 0, NULL },
		{ "", 0, 0, NULL },
	};
	char why[256];
	size_t pos;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		pos = 0;
		why[0] = '\0';
		if (!cases[i].pos) {
			assert_int_equal(text_check(cases[i].s, cases[i].multiline, &pos, why, sizeof why), 0);
			continue;
		}
		assert_int_equal(text_check(cases[i].s, cases[i].multiline, &pos, why, sizeof why), -1);
		assert_int_equal(pos, cases[i].pos);
		assert_non_null(strstr(why, cases[i].says));
	}
}

/* Export's repair: each refused character becomes U+FFFD, the rest is kept byte for byte. */
static void
repair_replaces(void **state)
{
	size_t count, first = 0;
	char *s;

	(void)state;
	s = text_repair("a\x1b[31mb\xe2\x80\xae\n\tc\xff", 1, &count, &first);
	assert_string_equal(s, "a\xef\xbf\xbd[31mb\xef\xbf\xbd\n\tc\xef\xbf\xbd");
	assert_int_equal(count, 3);
	assert_int_equal(first, 2);
	assert_int_equal(text_check(s, 1, NULL, NULL, 0), 0);
	free(s);
	s = text_repair("x\ny", 0, &count, &first);
	assert_string_equal(s, "x\xef\xbf\xbdy");
	assert_int_equal(count, 1);
	free(s);
	s = text_repair("Rad ett\n\nRad tre", 1, &count, NULL);
	assert_string_equal(s, "Rad ett\n\nRad tre");
	assert_int_equal(count, 0);
	free(s);
}

/* The screen's sanitiser hides what text_check refuses, and keeps the joiners. */
static void
sanitize_invisibles(void **state)
{
	char *s = text_sanitize("a\xe2\x80\x8b" "b\xe2\x80\x8e" "c\xef\xbb\xbf" "d\xe2\x80\xa8" "e\xe2\x80\x8d" "f", 1);

	(void)state;
	assert_string_equal(s, "a?b?c?d?e\xe2\x80\x8d" "f");
	free(s);
}

/* A date shown at its precision: a day in the format, a month in it without the day, a year as written. */
static void
dates_shown_as_written(void **state)
{
	static const char *const cases[][3] = {
		{ "2012-11-05", "%Y-%m-%d", "2012-11-05" }, { "2012-11", "%Y-%m-%d", "2012-11" },
		{ "2013", "%Y-%m-%d", "2013" }, { "2012-11-05", "%d/%m/%Y", "05/11/2012" },
		{ "2012-11", "%d/%m/%Y", "11/2012" }, { "2013", "%d/%m/%Y", "2013" },
		{ "2012-11", "%x", "2012-11" }, { "2012-11", NULL, "2012-11" }, { "2013-13", "%d/%m/%Y", "2013-13" },
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		format_date(out, sizeof out, cases[i][0], cases[i][1]);
		assert_string_equal(out, cases[i][2]);
	}
	/*
	 * A long date_format (the longest the configuration takes) whose day does not fit the
	 * buffer: strftime says 0 and leaves the buffer undefined; the date is then shown as
	 * written, never what the buffer held (make valgrind runs this).
	 */
	{
		char small[16];

		format_date(small, sizeof small, "2012-11-05", "%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%m%d");
		assert_string_equal(small, "2012-11-05");
		format_date(small, sizeof small, "2012-11", "%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%m%d");
		assert_string_equal(small, "2012-11");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sanitize_controls),
		cmocka_unit_test(dates_shown_as_written),
		cmocka_unit_test(width_and_fit),
		cmocka_unit_test(wrap_words_and_chars),
		cmocka_unit_test(check_refuses),
		cmocka_unit_test(repair_replaces),
		cmocka_unit_test(sanitize_invisibles),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
