/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_golden.c: the report writers (text at two widths, Markdown, CSV, changes since a review) on a small strategy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "activity.h"
#include "changelog.h"
#include "db.h"
#include "model.h"
#include "report.h"
#include "review.h"
#include "unit.h"
#include "util.h"

/*
 * The expected outputs are files in tests/unit/golden (found through $top_srcdir, which make
 * check sets); STYRKORT_REGOLD=1 rewrites them on purpose, as for the CLI's golden files:
 *   STYRKORT_REGOLD=1 make check TESTS=tests/unit/test_report
 */
static struct db *db;

/* Every kind of section; text that Markdown and CSV must escape; an overdue and a long title. */
static const char small[] =
	"[strategy]\n"
	"id = testby\n"
	"municipality = Testby kommun\n"
	"title = Integrationsstrategi för Testby 2024–2026\n"
	"doc_type = Strategi\n"
	"valid_from = 2024-01-01\n"
	"valid_to = 2026-12-31\n"
	"adopted_on = 2023-12-14\n"
	"adopted_by = Kommunfullmäktige\n"
	"vision = \"Alla ska kunna växa.\\nÄven här, *alla*.\"\n"
	"purpose = Ett syfte med | lodstreck och <vinkel>\n"
	"\n"
	"[focus.arbete]\n"
	"name = Arbete och försörjning\n"
	"purpose = Fler i arbete\n"
	"responsible = Kommunstyrelsen | Arbetsmarknadsnämnden\n"
	"\n"
	"[focus.skola]\n"
	"name = Skola\n"
	"\n"
	"[goal.over]\n"
	"title = Övergripande mål\n"
	"\n"
	"[goal.del1]\n"
	"title = Delmål ett\n"
	"parent = over\n"
	"focus = arbete\n"
	"\n"
	"[indicator.syss]\n"
	"goal = del1\n"
	"name = Sysselsättningsgrad\n"
	"unit = %\n"
	"source = SCB\n"
	"direction = higher\n"
	"baseline = 61.5\n"
	"baseline_period = 2022\n"
	"target = 70\n"
	"target_period = 2026\n"
	"by_sex = yes\n"
	"value.2023 = 63.25\n"
	"value.2023.k = 60\n"
	"value.2023.m = 66.5\n"
	"\n"
	"[activity.a1]\n"
	"title = Första aktiviteten, med \"citat\"\n"
	"focus = arbete\n"
	"goal = del1\n"
	"responsible = Kommunstyrelsen\n"
	"contact = Anna\n"
	"start = 2024-01-01\n"
	"due = 2024-12-31\n"
	"status = in_progress\n"
	"progress = 40\n"
	"comment = På gång\n"
	"\n"
	"[activity.a2]\n"
	"title = En mycket lång titel som inte ryms på en rad i en smal rapport utan måste brytas\n"
	"focus = skola\n"
	"due = 2027-06-30\n"
	"status = done\n"
	"\n"
	"[activity.a3]\n"
	"title = Tredje\n"
	"status = delayed\n"
	"progress = 10\n"
	"\n"
	"[activity.a4]\n"
	"title = Fjärde\n"
	"status = cancelled\n";

static int
setup(void **state)
{
	(void)state;
	db = unit_db(small);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(db);
	return 0;
}

/* The one place that asks for a report in FORMAT, as the CLI does: prepare, then the format's writer. */
static char *
report(const char *format, int width, const char *date_format, const char *since)
{
	const struct report_writer *w = report_writer_find(format);
	struct report r;
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	assert_non_null(w);
	assert_int_equal(report_prepare(db, "testby", since, width, date_format, &r), 0);
	report_file_start(w, f, 0);
	report_write(&r, w, f);
	report_release(&r);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void
text_80(void **state)
{
	(void)state;
	assert_golden("report-80.txt", report("text", 80, NULL, NULL));
}

/* Narrow: titles and paragraphs wrap; another date format. */
static void
text_60_day_first(void **state)
{
	(void)state;
	assert_golden("report-60.txt", report("text", 60, "%d/%m/%Y", NULL));
}

static void
markdown(void **state)
{
	(void)state;
	assert_golden("report.md", report("markdown", 80, NULL, NULL));
}

static void
csv(void **state)
{
	(void)state;
	assert_golden("report.csv", report("csv", 80, NULL, NULL));
}

/* After a review and a change: the changes since the review, in text and Markdown. */
static void
since_the_last_review(void **state)
{
	struct act_change c = { 0 };

	(void)state;
	assert_int_equal(review_add(db, "testby", "2026-11-22", "Styrgruppen"), 0);
	assert_int_equal(act_change_set(&c, AF_STATUS, "done", NULL), 0);
	assert_int_equal(activity_apply(db, 3, &c, 0, "Klart till slut", NULL), ACTIVITY_OK);
	act_change_free(&c);
	assert_golden("report-since-80.txt", report("text", 80, NULL, "last-review"));
	assert_golden("report-since.md", report("markdown", 80, NULL, "last-review"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_80),
		cmocka_unit_test(text_60_day_first),
		cmocka_unit_test(markdown),
		cmocka_unit_test(csv),
		cmocka_unit_test(since_the_last_review),
	};
	/* "today" (unit_begin) decides what is overdue. */
	unit_begin("report");
	return unit_end(cmocka_run_group_tests(tests, setup, teardown));
}
