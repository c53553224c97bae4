/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_review.c: steering-group reviews: recording, listing, and the changes "since the last review". */
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
#include "report.h"
#include "review.h"
#include "unit.h"
#include "util.h"

/* A fresh database with two strategies: testby (activity #1) and annan (activity #2). */
static struct db *
fresh_db(void)
{
	struct db *db = unit_db("[strategy]\nid = testby\nmunicipality = Testby kommun\ntitle = Strategi\n\n"
	                        "[activity.a1]\ntitle = Första\n");

	unit_import(db, "[strategy]\nid = annan\nmunicipality = Annan kommun\ntitle = Strategi\n\n"
	                "[activity.b1]\ntitle = Annans\n");
	return db;
}

/* The changes since SINCE as "item field old->new" lines, and what the report is told. */
static char *
since(struct db *db, const char *strategy, const char *when)
{
	struct report r;
	const struct report_opts *o = &r.opts;
	const struct change *ch;
	struct buf b;

	assert_int_equal(report_prepare(db, strategy, when, 80, NULL, &r), 0);
	ch = o->changes;
	buf_init(&b);
	buf_printf(&b, "since=%s review=%d n=%zu\n", o->since ? o->since : "NULL", o->since_is_review, o->nchanges);
	for (size_t i = 0; i < o->nchanges; i++)
		buf_printf(&b, "%s %s %s->%s\n", ch[i].item, ch[i].field, ch[i].old ? ch[i].old : "NULL",
		           ch[i].new_value ? ch[i].new_value : "NULL");
	report_release(&r);
	return buf_steal(&b);
}

static void
assert_since(struct db *db, const char *strategy, const char *when, const char *want)
{
	char *got = since(db, strategy, when);

	assert_string_equal(got, want);
	free(got);
}

static char *
printed(struct db *db, const char *strategy, const char *date_format)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	assert_int_equal(review_print(db, strategy, date_format, f), 0);
	fclose(f);
	return s;
}

static void
assert_printed(struct db *db, const char *strategy, const char *date_format, const char *want)
{
	char *got = printed(db, strategy, date_format);

	assert_string_equal(got, want);
	free(got);
}

/* Without a review, "since the last review" is every change of the strategy, and no date. */
static void
no_review_is_every_change(void **state)
{
	struct db *db = fresh_db();
	char date[11] = "x";
	int64_t last = -1;

	(void)state;
	assert_int_equal(review_last(db, "testby", date, &last), 1);
	unit_set_progress(db, 1, "10");
	unit_set_progress(db, 2, "20");
	assert_since(db, "testby", "last-review",
		"since= review=0 n=2\n"
		"Första created NULL->Första\n"
		"Första progress 0->10\n");
	assert_since(db, "testby", NULL, "since=NULL review=0 n=0\n");
	assert_printed(db, NULL, NULL, "");
	db_close(db);
}

/* A review covers what was logged before it was recorded; the changes after it are "since the
 * last review"; the latest review by date counts, and of one date the one recorded last. */
static void
changes_since_the_last_review(void **state)
{
	struct db *db = fresh_db();
	char date[11] = "";
	int64_t last = -1, before;

	(void)state;
	unit_set_progress(db, 1, "10");
	assert_int_equal(review_add(db, "testby", "2026-11-22", "Första mötet"), 0);
	assert_int_equal(review_last(db, "testby", date, &last), 0);
	assert_string_equal(date, "2026-11-22");
	assert_true(last > 0);
	before = last;
	unit_set_progress(db, 1, "30");
	unit_set_progress(db, 2, "40");
	assert_since(db, "testby", "last-review",
		"since=2026-11-22 review=1 n=1\n"
		"Första progress 10->30\n");
	/* The other strategy has no review: all of its changes. */
	assert_since(db, "annan", "last-review",
		"since= review=0 n=2\n"
		"Annans created NULL->Annans\n"
		"Annans progress 0->40\n");
	/* An older date recorded later does not move "the last review". */
	assert_int_equal(review_add(db, "testby", "2026-11-01", NULL), 0);
	assert_int_equal(review_last(db, "testby", date, &last), 0);
	assert_string_equal(date, "2026-11-22");
	assert_int_equal(last, before);
	/* A second review of the same date, recorded later, covers the change since. */
	assert_int_equal(review_add(db, "testby", "2026-11-22", "Andra mötet"), 0);
	assert_int_equal(review_last(db, "testby", date, &last), 0);
	assert_true(last > before);
	assert_since(db, "testby", "last-review", "since=2026-11-22 review=1 n=0\n");
	/* A date: the changes logged on it and after. */
	assert_since(db, "testby", "2026-11-22",
		"since=2026-11-22 review=0 n=3\n"
		"Första created NULL->Första\n"
		"Första progress 0->10\n"
		"Första progress 10->30\n");
	assert_since(db, "testby", "2026-11-23", "since=2026-11-23 review=0 n=0\n");
	db_close(db);
}

/* A review dated before the changes were logged covers none of them. */
static void
a_review_covers_up_to_its_date(void **state)
{
	struct db *db = fresh_db();

	(void)state;
	unit_set_progress(db, 1, "10");
	assert_int_equal(review_add(db, "testby", "2026-11-21", NULL), 0);
	assert_since(db, "testby", "last-review",
		"since=2026-11-21 review=1 n=2\n"
		"Första created NULL->Första\n"
		"Första progress 0->10\n");
	db_close(db);
}

/* The list: oldest first, by date then as recorded, with who and the note, sanitised, in the
 * configured date format; of one strategy or of all. */
static void
the_list(void **state)
{
	struct db *db = fresh_db();

	(void)state;
	assert_int_equal(review_add(db, "testby", "2026-11-22", "Styrgruppen \033[31mröd\033[0m"), 0);
	assert_int_equal(review_add(db, "annan", "2026-10-05", NULL), 0);
	assert_int_equal(review_add(db, "testby", "2026-03-01", "Vår"), 0);
	assert_printed(db, "testby", NULL,
		"2026-03-01  testby  tester  Vår\n"
		"2026-11-22  testby  tester  Styrgruppen ?[31mröd?[0m\n");
	assert_printed(db, NULL, "%d/%m/%Y",
		"01/03/2026  testby  tester  Vår\n"
		"05/10/2026  annan  tester\n"
		"22/11/2026  testby  tester  Styrgruppen ?[31mröd?[0m\n");
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_review_is_every_change),
		cmocka_unit_test(changes_since_the_last_review),
		cmocka_unit_test(a_review_covers_up_to_its_date),
		cmocka_unit_test(the_list),
	};
	/* A review covers the changes up to the end of its date in local time (here UTC), and
	 * every change is logged at 2026-11-22T12:00:00Z (unit_begin). */
	unit_begin("review");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
