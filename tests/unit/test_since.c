/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_since.c: the changes since a review, net and grouped per item (since.c), and the log's times in local time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <time.h>
#include <cmocka.h>

#include "changelog.h"
#include "since.h"
#include "util.h"

#define AT "2026-11-03T13:05:00Z"

/* A log row: kind, item id, number, item, field, old, new, who, comment. */
#define ROW(kind, id, number, item, field, old, new, who, comment) \
	{ (char *)AT, (char *)(who), (char *)"testby", (char *)(kind), (char *)(item), (char *)(field), \
	  (char *)(old), (char *)(new), (char *)(comment), (id), (number) }

/* The lines since_describe() makes of ROWS, one per item, ASCII. */
static void
assert_lines(const struct change *rows, size_t n, const char *want)
{
	struct since_item *items;
	size_t count;
	struct buf b;

	since_group(rows, n, &items, &count);
	buf_init(&b);
	for (size_t i = 0; i < count; i++) {
		char *line = since_describe(&items[i], NULL, 0);

		buf_printf(&b, "%s\n", line);
		free(line);
	}
	since_free(items, count);
	buf_putc(&b, '\0');
	assert_string_equal(b.s, want);
	buf_free(&b);
}

static void
several_fields_on_one_line(void **state)
{
	const struct change rows[] = {
		ROW("activity", 7, 12, "Språkcafé", "status", "not_started", "in_progress", "Anna Andersson", NULL),
		ROW("activity", 7, 12, "Språkcafé", "progress", "0", "10", "Anna Andersson", NULL),
		ROW("activity", 7, 12, "Språkcafé", "progress", "10", "30", "Anna Andersson", "Första träffen"),
	};

	(void)state;
	assert_lines(rows, 3, "#12 Språkcafé: Not started -> In progress ; 0 -> 30 % - Anna Andersson, 3 Nov 14:05"
	                      " - \"Första träffen\"\n");
}

static void
flip_flops_fold(void **state)
{
	const struct change rows[] = {
		ROW("activity", 7, 12, "Språkcafé", "status", "not_started", "in_progress", "anna", NULL),
		ROW("activity", 8, 3, "Mentorer", "progress", "10", "20", "bo", NULL),
		ROW("activity", 7, 12, "Språkcafé", "status", "in_progress", "not_started", "anna", NULL),
	};

	(void)state;
	/* #12 went A -> B -> A: no change; #3 stays, first by number. */
	assert_lines(rows, 3, "#3 Mentorer: 10 -> 20 % - bo, 3 Nov 14:05\n");
}

static void
a_deletion_is_one_line(void **state)
{
	const struct change rows[] = {
		ROW("activity", 7, 12, "Språkcafé", "deleted", "a1", NULL, "anna", "Slogs ihop"),
		ROW("activity", 7, 12, "Språkcafé", "number", "12", NULL, "anna", "Slogs ihop"),
		ROW("activity", 7, 12, "Språkcafé", "status", "in_progress", NULL, "anna", "Slogs ihop"),
		ROW("activity", 7, 12, "Språkcafé", "due", "2027", NULL, "anna", "Slogs ihop"),
	};

	(void)state;
	assert_lines(rows, 4, "#12 Språkcafé: deleted - anna, 3 Nov 14:05 - \"Slogs ihop\"\n");
}

static void
creation_and_added_then_deleted(void **state)
{
	const struct change rows[] = {
		ROW("activity", 9, 14, "Nytt", "created", NULL, "Nytt", "anna", NULL),
		ROW("activity", 9, 14, "Nytt", "status", NULL, "in_progress", "anna", NULL),
		ROW("activity", 10, 15, "Kort", "created", NULL, "Kort", "anna", NULL),
		ROW("activity", 10, 15, "Kort", "deleted", "a15", NULL, "anna", NULL),
	};

	(void)state;
	assert_lines(rows, 4, "#14 Nytt: added - anna, 3 Nov 14:05\n");
}

static void
indicator_values(void **state)
{
	const struct change rows[] = {
		ROW("measurement", 4, 0, "Förvärvsfrekvens 2023 T", "value", "46.9", "48", "bo", NULL),
		ROW("measurement", 4, 0, "Förvärvsfrekvens 2023 T", "value", "48", "49.4", "bo", NULL),
		ROW("measurement", 4, 0, "Förvärvsfrekvens (county) 2024 K", "value", NULL, "51", "bo", NULL),
		ROW("measurement", 4, 0, "Förvärvsfrekvens 2022 M", "value", "40", "41", "bo", NULL),
		ROW("measurement", 4, 0, "Förvärvsfrekvens 2022 M", "value", "41", "40", "bo", NULL),
		ROW("indicator", 4, 0, "Förvärvsfrekvens", "target", "50", "55", "bo", NULL),
	};

	(void)state;
	assert_lines(rows, 6, "Indicator Förvärvsfrekvens: 2023: 46.9 -> 49.4 ; 2024 K (county): - -> 51"
	                      " ; Target: 50 -> 55 - bo, 3 Nov 14:05\n");
}

static void
an_import_is_one_line(void **state)
{
	const struct change rows[] = {
		ROW("measurement", 4, 0, "Utrikes födda 2013 T", "value", NULL, "50.4", "root", "import v.ini"),
		ROW("measurement", 4, 0, "Utrikes födda 2013 K", "value", NULL, "46.2", "root", "import v.ini"),
		ROW("measurement", 4, 0, "Utrikes födda 2014 T", "value", NULL, "51.5", "root", "import v.ini"),
		ROW("measurement", 4, 0, "Utrikes födda (country) 2024 T", "value", NULL, "65.7", "root", "import v.ini"),
		ROW("indicator", 5, 0, "Ny", "created", NULL, "ny", "anna", NULL),
		ROW("measurement", 5, 0, "Ny 2024 T", "value", NULL, "12", "anna", NULL),
		ROW("measurement", 5, 0, "Ny 2025 T", "value", NULL, "13", "anna", NULL),
		ROW("measurement", 6, 0, "Gammal 2025 T", "value", NULL, "7", "bo", NULL),
		ROW("measurement", 6, 0, "Gammal 2024 T", "value", "6", "6.5", "bo", NULL),
	};

	(void)state;
	/* Only new values: counted; an added indicator: added, its values counted; a changed one: as ever. */
	assert_lines(rows, 9,
		"Indicator Utrikes födda: 4 new values - root, 3 Nov 14:05 - \"import v.ini\"\n"
		"Indicator Ny: added, 2 values - anna, 3 Nov 14:05\n"
		"Indicator Gammal: 2025: - -> 7 ; 2024: 6 -> 6.5 - bo, 3 Nov 14:05\n");
}

static void
structure_changes(void **state)
{
	const struct change rows[] = {
		ROW("goal", 2, 0, "Fler i arbete", "title", "Fler arbetar", "Fler i arbete", "anna", NULL),
		ROW("focus", 1, 0, "Språk", "created", NULL, "sprak", "anna", NULL),
		ROW("followup", 3, 0, "Årsbokslut", "deleted", "bokslut", NULL, "anna", NULL),
		ROW("activity", 7, 12, "Språkcafé", "due", "2026-12", "2027-03", "anna", NULL),
	};

	(void)state;
	assert_lines(rows, 4,
		"#12 Språkcafé: Due: 2026-12 -> 2027-03 - anna, 3 Nov 14:05\n"
		"Focus area Språk: added - anna, 3 Nov 14:05\n"
		"Goal Fler i arbete: Title: Fler arbetar -> Fler i arbete - anna, 3 Nov 14:05\n"
		"Follow-up Årsbokslut: deleted - anna, 3 Nov 14:05\n");
}

static void
controls_are_shown_not_sent(void **state)
{
	const struct change rows[] = {
		ROW("activity", 7, 12, "Ond\033[2J", "status", "not_started", "done", "x\033]0;y\a", "c\033[31m"),
	};

	(void)state;
	assert_lines(rows, 1, "#12 Ond?[2J: Not started -> Done - x?]0;y?, 3 Nov 14:05 - \"c?[31m\"\n");
}

static void
times_are_local(void **state)
{
	char out[64];

	(void)state;
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	changelog_time(out, sizeof out, "2026-11-03T13:05:00Z");
	assert_string_equal(out, "3 Nov 14:05");
	/* Summer time, and another year than today's (2026-11-22). */
	changelog_time(out, sizeof out, "2025-07-01T23:30:00Z");
	assert_string_equal(out, "2 Jul 2025 01:30");
	/* The same minute twice, and across the change to summer time (01:00 UTC, 29 March 2026). */
	changelog_time(out, sizeof out, "2025-07-01T23:30:59Z");
	assert_string_equal(out, "2 Jul 2025 01:30");
	changelog_time(out, sizeof out, "2026-03-29T00:59:00Z");
	assert_string_equal(out, "29 Mar 01:59");
	changelog_time(out, sizeof out, "2026-03-29T01:00:00Z");
	assert_string_equal(out, "29 Mar 03:00");
	/* Another zone in the same process: the same minute in its time. */
	setenv("TZ", "UTC", 1);
	tzset();
	changelog_time(out, sizeof out, "2026-03-29T01:00:00Z");
	assert_string_equal(out, "29 Mar 01:00");
	changelog_time(out, sizeof out, "2026-11-03T13:05:00Z");
	assert_string_equal(out, "3 Nov 13:05");
	changelog_time(out, sizeof out, "not a time");
	assert_string_equal(out, "not a time");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(several_fields_on_one_line),
		cmocka_unit_test(flip_flops_fold),
		cmocka_unit_test(a_deletion_is_one_line),
		cmocka_unit_test(creation_and_added_then_deleted),
		cmocka_unit_test(an_import_is_one_line),
		cmocka_unit_test(indicator_values),
		cmocka_unit_test(structure_changes),
		cmocka_unit_test(controls_are_shown_not_sent),
		cmocka_unit_test(times_are_local),
	};

	setlocale(LC_ALL, "");
	setenv("LANGUAGE", "", 1);
	setenv("TZ", "Europe/Stockholm", 1);
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
