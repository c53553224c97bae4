/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_overview.c: the overview's numbers: overall progress, focus-area lines, indicators, overdue activities, changes since the last review. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "activity.h"
#include "db.h"
#include "overview.h"
#include "review.h"
#include "unit.h"
#include "util.h"

/*
 * Testby: two focus areas and a follow-up; activities 1-3 in Arbete (done,
 * in progress 40 % due 2026-10 so overdue, not started due 2025), 4-5 in
 * Språk (delayed 20 %, cancelled), 6 without a focus area (in progress 50 %),
 * 7 a commitment in Språk (partly); two indicators (one half-way with a
 * target, one without).  Today is 2026-11-22 (unit_begin).
 */
static const char testby[] =
	"[strategy]\nid = testby\nmunicipality = Testby kommun\ntitle = Strategi\n"
	"valid_from = 2025-01-01\nvalid_to = 2027\n\n"
	"[followup.ar]\nwhat = Årsrapport\ncadence = yearly\n\n"
	"[focus.arbete]\nname = Arbete\n\n[focus.sprak]\nname = Språk\n\n"
	"[goal.g]\ntitle = Mål\n\n"
	"[indicator.i1]\ngoal = g\nname = Andel\ndirection = higher\nbaseline = 10\nbaseline_period = 2024\n"
	"target = 20\ntarget_period = 2027\nvalue.2025 = 15\n\n"
	"[indicator.i2]\ngoal = g\nname = Utan mål\ndirection = higher\nvalue.2025 = 3\n\n"
	"[activity.a1]\ntitle = Klar\nfocus = arbete\nstatus = done\nprogress = 100\n\n"
	"[activity.a2]\ntitle = Sen\nfocus = arbete\nstatus = in_progress\nprogress = 40\ndue = 2026-10\n\n"
	"[activity.a3]\ntitle = Mycket sen\nfocus = arbete\nstatus = not_started\ndue = 2025\n\n"
	"[activity.a4]\ntitle = Försenad\nfocus = sprak\nstatus = delayed\nprogress = 20\ndue = 2027\n\n"
	"[activity.a5]\ntitle = Avbruten\nfocus = sprak\nstatus = cancelled\n\n"
	"[activity.a6]\ntitle = Ingen\nstatus = in_progress\nprogress = 50\n\n"
	"[activity.a7]\ntitle = Vi lovar\nfocus = sprak\nkind = commitment\nassessment = partly\n";

/* Overall progress is the report's; each focus area's line counts as pane 2 does. */
static void
the_numbers(void **state)
{
	struct db *db = unit_db(testby);
	struct overview o;
	struct plan whole;
	const struct overview_area *a;

	(void)state;
	assert_int_equal(overview_prepare(db, "testby", "2026-11-22", 64, &o), 0);
	assert_true(o.overall.known);
	/* Counted one row at a time, the report's answer from the whole plan. */
	assert_int_equal(model_load_plan(db, "testby", &whole), 0);
	assert_true(o.overall.pct == progress_strategy(&whole).pct);
	assert_int_equal(o.overall.light, progress_strategy(&whole).light);
	model_free_plan(&whole);
	/* The mean of the goal 50, Arbete (100 + 40 + 0) / 3, Språk 20 (cancelled left out) and the group 50: 42 %. */
	assert_int_equal((int)(o.overall.pct + 0.5), 42);
	assert_int_equal(o.overall.light, LIGHT_RED);
	assert_int_equal(o.all.total, 6);
	assert_int_equal(o.all.overdue, 2);
	assert_int_equal(o.all.commitments, 1);
	assert_int_equal(o.all.assessed[AS_PARTLY], 1);

	assert_int_equal(o.nareas, 3);
	a = &o.areas[0];
	assert_string_equal(a->focus->name, "Arbete");
	assert_int_equal(a->counts.total, 3);
	assert_int_equal(a->counts.overdue, 2);
	assert_int_equal((int)(a->pr.pct + 0.5), 47);
	assert_int_equal(a->pr.light, LIGHT_RED);
	a = &o.areas[1];
	assert_string_equal(a->focus->name, "Språk");
	assert_int_equal(a->counts.total, 2);
	assert_int_equal(a->counts.commitments, 1);
	assert_int_equal((int)(a->pr.pct + 0.5), 20);
	assert_int_equal(a->pr.light, LIGHT_YELLOW);
	a = &o.areas[2];
	assert_null(a->focus);
	assert_int_equal(a->counts.total, 1);
	assert_int_equal(a->pr.light, LIGHT_GREEN);

	/* Indicators: one with a target half-way (at risk: less than the time gone), one without. */
	assert_int_equal(o.nindicators, 2);
	assert_int_equal(o.indicators[LIGHT_YELLOW], 1);
	assert_int_equal(o.indicators[LIGHT_NONE], 1);
	assert_int_equal(o.indicators[LIGHT_GREEN] + o.indicators[LIGHT_RED], 0);

	/* The longest overdue first, with the days since the due date's period ended. */
	assert_int_equal(o.nlate, 2);
	assert_string_equal(o.late[0].a->title, "Mycket sen");
	assert_int_equal(o.late[0].days, 326);
	assert_string_equal(o.late[1].a->title, "Sen");
	assert_int_equal(o.late[1].days, 22);

	/* The follow-up plan: yearly, next due at the end of this year; no review yet. */
	assert_non_null(o.due.next);
	assert_string_equal(o.due.next_date, "2026-12-31");
	assert_int_equal(o.reviewed, 0);
	overview_release(&o);
	db_close(db);
}

/* Changed since the last review: nothing before the first review (every activity was just created), then what was logged after it. */
static void
changed_since_the_last_review(void **state)
{
	struct db *db = unit_db(testby);
	struct overview o;
	int64_t *ids;
	size_t n;

	(void)state;
	assert_int_equal(overview_prepare(db, "testby", "2026-11-22", 64, &o), 0);
	assert_int_equal(o.nchanged, 0);
	assert_int_equal(o.areas[0].changed, 0);
	overview_release(&o);

	assert_int_equal(review_add(db, "testby", "2026-11-22", "Möte"), 0);
	unit_set_progress(db, 3, "10");
	unit_set_progress(db, 6, "60");
	unit_set_progress(db, 3, "20");
	assert_int_equal(overview_prepare(db, "testby", "2026-11-22", 64, &o), 0);
	assert_int_equal(o.reviewed, 1);
	assert_string_equal(o.plan.last_review, "2026-11-22");
	assert_int_equal(o.nchanged, 2);
	assert_int_equal(o.areas[0].changed, 1);
	assert_int_equal(o.areas[1].changed, 0);
	assert_int_equal(o.areas[2].changed, 1);
	assert_int_equal(o.nchanged_acts, 2);
	assert_string_equal(o.changed_acts[0]->title, "Mycket sen");
	assert_string_equal(o.changed_acts[1]->title, "Ingen");
	overview_release(&o);

	assert_int_equal(overview_changed_ids(db, "testby", &ids, &n), 0);
	assert_int_equal(n, 2);
	assert_true(overview_id_in(ids, n, 3));
	assert_true(overview_id_in(ids, n, 6));
	assert_false(overview_id_in(ids, n, 4));
	free(ids);
	db_close(db);
}

/*
 * Only a screenful of the overdue and changed activities is read whole;
 * all are counted, and each focus area's counts are the report's.
 */
static void
a_screenful_is_listed(void **state)
{
	struct db *db = unit_db(testby);
	struct overview o;
	struct plan whole;

	(void)state;
	assert_int_equal(review_add(db, "testby", "2026-11-22", "Möte"), 0);
	unit_set_progress(db, 3, "10");
	unit_set_progress(db, 6, "60");
	assert_int_equal(overview_prepare(db, "testby", "2026-11-22", 1, &o), 0);
	assert_int_equal(o.nlate, 2);
	assert_int_equal(o.nlate_listed, 1);
	assert_string_equal(o.late[0].a->title, "Mycket sen");
	assert_int_equal(o.nchanged_acts, 2);
	assert_int_equal(o.nchanged_listed, 1);
	assert_string_equal(o.changed_acts[0]->title, "Mycket sen");
	assert_int_equal(o.changed_commitments, 0);
	assert_int_equal(model_load_plan(db, "testby", &whole), 0);
	for (size_t i = 0; i < whole.nacts; i++)
		if (strcmp(whole.acts[i].title, "Sen") == 0)
			assert_int_equal(o.late_last_number, whole.acts[i].number);
	for (size_t i = 0; i < o.nareas; i++) {
		struct act_counts c;

		progress_count_focus(&whole, o.areas[i].focus ? o.areas[i].focus->id : 0, &c);
		assert_memory_equal(c.n, o.areas[i].counts.n, sizeof c.n);
		assert_int_equal(c.overdue, o.areas[i].counts.overdue);
		assert_memory_equal(c.assessed, o.areas[i].counts.assessed, sizeof c.assessed);
		assert_true(c.pct == o.areas[i].counts.pct);
	}
	model_free_plan(&whole);
	overview_release(&o);
	db_close(db);
}

/* The stacked bar: each status its share of the cells, by its symbol, every status present seen. */
static void
the_status_bar(void **state)
{
	struct act_counts c;
	char bar[32];
	int of[32];

	(void)state;
	memset(&c, 0, sizeof c);
	overview_status_bar(&c, 10, bar, of);
	assert_string_equal(bar, "");
	c.total = 10;
	c.n[ST_DONE] = 5;
	c.n[ST_IN_PROGRESS] = 3;
	c.n[ST_NOT_STARTED] = 2;
	overview_status_bar(&c, 10, bar, of);
	assert_string_equal(bar, "+++++>>>--");
	assert_int_equal(of[0], ST_DONE);
	assert_int_equal(of[9], ST_NOT_STARTED);
	/* One delayed of a hundred still shows. */
	c.total = 100;
	c.n[ST_DONE] = 97;
	c.n[ST_IN_PROGRESS] = 1;
	c.n[ST_NOT_STARTED] = 1;
	c.n[ST_DELAYED] = 1;
	overview_status_bar(&c, 10, bar, of);
	assert_string_equal(bar, "+++++++>!-");
	overview_status_bar(&c, 3, bar, of);
	assert_int_equal(strlen(bar), 3);
	assert_string_equal(bar, "+>!");
	/* A total without counts (cppcheck: share[-1]) draws nothing rather than outside the array. */
	memset(&c, 0, sizeof c);
	c.total = 5;
	overview_status_bar(&c, 10, bar, of);
	assert_string_equal(bar, "");

	memset(&c, 0, sizeof c);
	c.assessed[AS_FULFILLED] = 6;
	c.assessed[AS_NOT_ASSESSED] = 17;
	c.commitments = 23;
	{
		char *t = overview_assessment_text(&c);

		assert_string_equal(t, "+6 ?17");
		free(t);
	}
}

/* Days late, the lights' symbols and words. */
static void
days_and_lights(void **state)
{
	(void)state;
	assert_int_equal(overview_days_after("2026-11-21", "2026-11-22"), 1);
	assert_int_equal(overview_days_after("2026-10", "2026-11-22"), 22);
	assert_int_equal(overview_days_after("2024", "2026-01-01"), 366);
	assert_int_equal(overview_days_after("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(overview_days_after("", "2026-11-22"), 0);
	assert_string_equal(overview_light_symbol(LIGHT_GREEN, 1), "●");
	assert_string_equal(overview_light_symbol(LIGHT_YELLOW, 1), "▲");
	assert_string_equal(overview_light_symbol(LIGHT_RED, 1), "■");
	assert_string_equal(overview_light_symbol(LIGHT_GREEN, 0), "o");
	assert_string_equal(overview_light_symbol(LIGHT_YELLOW, 0), "^");
	assert_string_equal(overview_light_symbol(LIGHT_RED, 0), "#");
	assert_string_equal(overview_light_label(LIGHT_GREEN), "on track");
	assert_string_equal(overview_light_label(LIGHT_YELLOW), "at risk");
	assert_string_equal(overview_light_label(LIGHT_RED), "behind");
	assert_string_equal(overview_light_label(LIGHT_NONE), "no data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_numbers),
		cmocka_unit_test(changed_since_the_last_review),
		cmocka_unit_test(a_screenful_is_listed),
		cmocka_unit_test(the_status_bar),
		cmocka_unit_test(days_and_lights),
	};

	unit_begin("overview");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
