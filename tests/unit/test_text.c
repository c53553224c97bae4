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

/* The printable-ASCII run: every byte that ends it, at every place in and around an eight-byte word. */
static void
ascii_run_ends(void **state)
{
	static const char enders[] = { 0x1f, 0x7f, '\n', '\t', (char)0x80, (char)0xc3, (char)0xff, 0x01 };
	char s[40];

	(void)state;
	for (size_t at = 0; at < 20; at++)
		for (size_t e = 0; e < sizeof enders; e++) {
			memset(s, 'a', sizeof s - 1);
			s[sizeof s - 1] = '\0';
			s[3] = ' ';
			s[5] = '~';
			s[at] = enders[e];
			assert_int_equal(text_ascii_run(s, sizeof s - 1), at);
			assert_int_equal(text_ascii_run(s, (size_t)-1), at);
			/* No further than left. */
			assert_int_equal(text_ascii_run(s, at / 2), at / 2);
		}
	assert_int_equal(text_ascii_run("plain text", (size_t)-1), 10);
	assert_int_equal(text_ascii_run("", (size_t)-1), 0);
}

/* text_sanitize_buf() appends what text_sanitize() gives. */
static void
sanitize_appends(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "x,");
	text_sanitize_buf(&b, "Fokusomr\xc3\xa5" "de \xe2\x80\xae" "1\x1b" "2\xc2\xad" "3", 1);
	assert_string_equal(b.s, "x,Fokusområde ?1?23");
	buf_free(&b);
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

/* "…" where text is cut, by display width: å ä ö are one column, wide characters two. */
static void
ellipsis_by_width(void **state)
{
	static const struct { const char *s; int cols; const char *want; } cases[] = {
		{ "Västervik", 9, "Västervik" },
		{ "Västervik", 8, "Västerv…" },
		{ "Fokusområde", 6, "Fokus…" },
		{ "åäöåäö", 4, "åäö…" },
		{ "日本語", 6, "日本語" },
		{ "日本語", 5, "日本…" },
		{ "日本語", 4, "日…" },   /* 本 would straddle the edge: it goes, the column stays short */
		{ "abc", 1, "…" },
		{ "enkät vid utställning", 11, "enkät vid…" },
		{ "abc", 0, "" },
		{ "a\x1b[31mb", 20, "a?[31mb" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = text_ellipsize(cases[i].s, cases[i].cols);

		assert_string_equal(got, cases[i].want);
		assert_true(text_width(got) <= cases[i].cols);
		free(got);
	}
}

/* The no-break rule: a number stays with its unit, a label with its value, a thousands group with the rest. */
static void
wrap_keeps_units_and_labels(void **state)
{
	static const struct { const char *s; int cols; const char *first, *second; } cases[] = {
		{ "Andelen ska öka till 30 %", 23, "Andelen ska öka till", "30 %" },
		{ "Progress is now 30 % of it", 19, "Progress is now", "30 % of it" },
		{ "Klart om 12 dagar", 11, "Klart om", "12 dagar" },
		{ "Budget 4 000 kr", 10, "Budget", "4 000 kr" },
		{ "Beslut Status: Klar", 15, "Beslut", "Status: Klar" },
		{ "en två tre 30 år", 14, "en två tre", "30 år" },
		/* Not glued: a number before a word that is no unit. */
		{ "Mål 3 Ökad sysselsättning", 9, "Mål 3", "Ökad" },
	};
	char **lines;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		text_wrap(cases[i].s, cases[i].cols, &lines);
		assert_string_equal(lines[0], cases[i].first);
		assert_string_equal(lines[1], cases[i].second);
		text_lines_free(lines);
	}
	/* Glued words wider than a line still break at a space rather than mid-word. */
	text_wrap("30 %", 3, &lines);
	assert_string_equal(lines[0], "30");
	assert_string_equal(lines[1], "%");
	text_lines_free(lines);
	assert_true(text_glued("30 %", 2));
	assert_false(text_glued("30 a", 2));
	assert_true(text_glued("Ansvarig: Kommunstyrelsen", 9));
	assert_false(text_glued("Mål 3", 3));
	assert_true(text_glued("x | Last changed: tester", 17));
	/* A sentence with a colon is no label: "Terminal too small (30x8): styrkort needs ..." */
	assert_false(text_glued("Terminal too small (30x8): styrkort", 26));
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

/* The screen's sanitiser shows what text_check refuses as '?' and leaves out the joiners. */
static void
sanitize_invisibles(void **state)
{
	char *s = text_sanitize("a\xe2\x80\x8b" "b\xe2\x80\x8e" "c\xef\xbb\xbf" "d\xe2\x80\xa8" "e\xe2\x80\x8d" "f", 1);

	(void)state;
	assert_string_equal(s, "a?b?c?d?ef");
	free(s);
}

/*
 * A grapheme cluster is shown as every terminal draws it alike and measured as shown:
 * skin tones, joiners and emoji variation selectors left out, a flag as its two letters,
 * a combining mark kept with its base (and '?' with none), format characters never shown.
 */
static void
clusters_shown_alike(void **state)
{
	static const struct { const char *s, *shown; int width; } cases[] = {
		{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xf0\x9f\x91\x8d", 2 },                    /* 👍🏽 */
		{ "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", "\xf0\x9f\x91\xa9\xf0\x9f\x92\xbb", 4 }, /* 👩‍💻 */
		{ "\xf0\x9f\x87\xb8\xf0\x9f\x87\xaa", "SE", 2 },                                       /* 🇸🇪 */
		{ "e\xcc\x81", "e\xcc\x81", 1 },                                                        /* e + U+0301 */
		{ "e\xcc\x81\xcc\x81\xcc\x81", "e\xcc\x81\xcc\x81\xcc\x81", 1 },
		{ "\xcc\x81x", "?x", 2 },                                 /* a mark with no base */
		{ "\xe2\x9d\xa4\xef\xb8\x8f", "\xe2\x9d\xa4", 1 },                       /* ❤️: U+FE0F left out */
		{ "1\xef\xb8\x8f\xe2\x83\xa3", "1\xe2\x83\xa3", 1 },                     /* keycap 1 */
		{ "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xbf", "\xf0\x9f\x8f\xb4", 2 }, /* tags */
		{ "a\xc2\xad" "b", "ab", 2 },                             /* soft hyphen */
		{ "x\xe2\x80\x8cy", "xy", 2 },                            /* ZWNJ */
		{ "\xe2\x80\xae" "ab\xe2\x81\xa6" "c\xe2\x81\xa9\xe2\x80\x8e\xe2\x80\x8f", "?ab?c???", 8 },
		{ "a\xe2\x80\x8b" "b\xef\xbb\xbf\xe2\x81\xa0", "a?b??", 5 },
		{ "\xf4\x8f\xbf\xbf", "?", 1 },                           /* U+10FFFF: no width known */
		{ "\xd8\x80" "1", "1", 1 },                                /* U+0600, format */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = text_sanitize(cases[i].s, 0), *again = text_sanitize(got, 0);

		assert_string_equal(got, cases[i].shown);
		assert_string_equal(again, cases[i].shown);
		assert_int_equal(text_width(cases[i].s), cases[i].width);
		assert_int_equal(text_width(got), cases[i].width);
		free(got);
		free(again);
	}
}

/* Cutting and wrapping never split a cluster, and count it as it is shown. */
static void
clusters_cut_whole(void **state)
{
	char *s, **lines;
	size_t n;

	(void)state;
	assert_int_equal(text_fit("e\xcc\x81x", 1), 3);
	assert_int_equal(text_fit("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdx", 2), 8);
	s = text_ellipsize("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 5);
	assert_string_equal(s, "\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d\xe2\x80\xa6");
	free(s);
	s = text_ellipsize("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2);
	assert_string_equal(s, "e\xcc\x81\xe2\x80\xa6");
	free(s);
	s = text_ellipsize("\xf0\x9f\x87\xb8\xf0\x9f\x87\xaa \xf0\x9f\x87\xab\xf0\x9f\x87\xae", 5);
	assert_string_equal(s, "SE FI");
	free(s);
	n = text_wrap("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 4, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "\xf0\x9f\x91\xa9\xf0\x9f\x92\xbb");
	assert_string_equal(lines[1], "\xf0\x9f\x91\xa9\xf0\x9f\x92\xbb");
	text_lines_free(lines);
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
		cmocka_unit_test(ascii_run_ends),
		cmocka_unit_test(sanitize_appends),
		cmocka_unit_test(dates_shown_as_written),
		cmocka_unit_test(width_and_fit),
		cmocka_unit_test(wrap_words_and_chars),
		cmocka_unit_test(ellipsis_by_width),
		cmocka_unit_test(wrap_keeps_units_and_labels),
		cmocka_unit_test(check_refuses),
		cmocka_unit_test(repair_replaces),
		cmocka_unit_test(sanitize_invisibles),
		cmocka_unit_test(clusters_shown_alike),
		cmocka_unit_test(clusters_cut_whole),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
