/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_query.c: the dashboard's windowed reads: counts, windows in each order, filters, search, the outline. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "db.h"
#include "model.h"
#include "progress.h"
#include "query.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-query-XXXXXX";
static char dbpath[sizeof dir + 16];
static struct db *db;

#define N 250

static void
exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/*
 * 250 activities: status by i % 5, focus area 1 for odd, 2 for even, none
 * for every tenth; due dates spread over 2020-2029 except every seventh,
 * which has none; responsible A, B or C; number 57 is called "Årsrapport".
 */
static int
setup(void **state)
{
	(void)state;
	db = db_open(dbpath, DB_CREATE);
	if (!db)
		return 1;
	exec("INSERT INTO strategy (id, municipality, title) VALUES ('s', 'Testby kommun', 'Strategi');"
	     "INSERT INTO strategy (id, municipality, title) VALUES ('other', 'Annanby', 'Annan');"
	     "INSERT INTO focus_area (id, strategy_id, key, position, name) VALUES (1, 's', 'f1', 2, 'Arbete');"
	     "INSERT INTO focus_area (id, strategy_id, key, position, name) VALUES (2, 's', 'f2', 1, 'Bostad');"
	     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)"
	     " INSERT INTO activity (id, strategy_id, ref, position, focus_id, title, responsible, due_date, status, progress)"
	     " SELECT i, 's', 'a' || i, 1000 - i,"
	     "  CASE WHEN i % 10 = 0 THEN NULL WHEN i % 2 = 1 THEN 1 ELSE 2 END,"
	     "  CASE WHEN i = 57 THEN 'Årsrapport' ELSE 'Aktivitet ' || i END,"
	     "  CASE i % 3 WHEN 0 THEN 'A' WHEN 1 THEN 'B' ELSE 'C' END,"
	     "  CASE WHEN i % 7 = 0 THEN NULL ELSE printf('%04d-%02d-15', 2020 + i % 10, 1 + i % 12) END,"
	     "  CASE i % 5 WHEN 0 THEN 'not_started' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'done'"
	     "   WHEN 3 THEN 'delayed' ELSE 'cancelled' END, i % 101 FROM n;"
	     "INSERT INTO activity (id, strategy_id, ref, position, title, status) VALUES (1000, 'other', 'x', 1, 'Annan', 'done');");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(db);
	return 0;
}

static void
counts_follow_the_filter(void **state)
{
	struct act_filter f;
	long n;

	(void)state;
	query_filter_init(&f);
	assert_false(query_filter_active(&f));
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	assert_int_equal(n, N);
	f.status = ST_DONE;
	assert_true(query_filter_active(&f));
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	assert_int_equal(n, N / 5);
	f.status = -1;
	f.focus_id = 0;         /* without a focus area */
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	assert_int_equal(n, N / 10);
	f.focus_id = 1;
	f.responsible = xstrdup("A");
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	/* odd, not a multiple of ten (odd never is), divisible by 3: 3, 9, 15, ... 249 */
	assert_int_equal(n, 42);
	query_filter_free(&f);
	assert_false(query_filter_active(&f));
	/* Overdue: due before 2026-11-22, neither done nor cancelled. */
	f.overdue = 1;
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	{
		long expect = 0;

		for (int i = 1; i <= N; i++) {
			char due[11];

			if (i % 7 == 0 || i % 5 == 2 || i % 5 == 4)
				continue;
			snprintf(due, sizeof due, "%04d-%02d-15", 2020 + i % 10, 1 + i % 12);
			expect += strcmp(due, "2026-11-22") < 0;
		}
		assert_int_equal(n, expect);
	}
}

/* Reading the list a window at a time gives the same rows, in the same order, as reading it at once. */
static void
windows_join_up(void **state)
{
	struct act_filter f;

	(void)state;
	query_filter_init(&f);
	for (int sort = 0; sort < SORT_COUNT; sort++) {
		struct activity *all, *part;
		size_t nall, npart, k = 0;

		assert_int_equal(query_activities(db, "s", &f, (enum act_sort)sort, 0, 1000, &all, &nall), 0);
		assert_int_equal(nall, N);
		for (long off = 0; off < N; off += 23) {
			assert_int_equal(query_activities(db, "s", &f, (enum act_sort)sort, off, 23, &part, &npart), 0);
			assert_true(npart <= 23);
			for (size_t i = 0; i < npart; i++)
				assert_int_equal(part[i].id, all[k++].id);
			query_free_activities(part, npart);
		}
		assert_int_equal(k, N);
		query_free_activities(all, nall);
	}
	/* Past the end: nothing, not an error. */
	{
		struct activity *none;
		size_t n;

		assert_int_equal(query_activities(db, "s", &f, SORT_PLAN, N + 5, 10, &none, &n), 0);
		assert_int_equal(n, 0);
		query_free_activities(none, n);
	}
}

static void
orders(void **state)
{
	struct act_filter f;
	struct activity *a;
	size_t n;

	(void)state;
	query_filter_init(&f);
	/* Plan order: by position, which runs backwards here. */
	assert_int_equal(query_activities(db, "s", &f, SORT_PLAN, 0, N, &a, &n), 0);
	assert_int_equal(a[0].id, N);
	assert_int_equal(a[N - 1].id, 1);
	query_free_activities(a, n);
	/* Due date: earliest first, those without one last. */
	assert_int_equal(query_activities(db, "s", &f, SORT_DUE, 0, N, &a, &n), 0);
	for (size_t i = 1; i < n; i++) {
		const char *p = a[i - 1].due ? a[i - 1].due : "", *c = a[i].due ? a[i].due : "";

		if (*p && *c)
			assert_true(strcmp(p, c) <= 0);
		else
			assert_true(*c == '\0');
	}
	assert_true(a[N - 1].due == NULL || *a[N - 1].due == '\0');
	query_free_activities(a, n);
	/* Status: delayed first, cancelled last. */
	assert_int_equal(query_activities(db, "s", &f, SORT_STATUS, 0, N, &a, &n), 0);
	assert_int_equal(a[0].status, ST_DELAYED);
	assert_int_equal(a[N - 1].status, ST_CANCELLED);
	query_free_activities(a, n);
	/* Focus area: by the areas' order (Bostad is first), then none. */
	assert_int_equal(query_activities(db, "s", &f, SORT_FOCUS, 0, N, &a, &n), 0);
	assert_int_equal(a[0].focus_id, 2);
	assert_int_equal(a[N - 1].focus_id, 0);
	query_free_activities(a, n);
}

static void
find_wraps_and_ignores_case(void **state)
{
	struct act_filter f;
	long row = -1;

	(void)state;
	query_filter_init(&f);
	/* Number 57 is at row 250 - 57 in plan order. */
	assert_int_equal(query_activity_find(db, "s", &f, SORT_PLAN, 0, "årsRAPPORT", &row), 0);
	assert_int_equal(row, N - 57);
	/* From after it, the search wraps round to it. */
	assert_int_equal(query_activity_find(db, "s", &f, SORT_PLAN, N - 56, "ÅRSRAPPORT", &row), 0);
	assert_int_equal(row, N - 57);
	/* Matching the focus area's name and the responsible too. */
	assert_int_equal(query_activity_find(db, "s", &f, SORT_FOCUS, 0, "bostad", &row), 0);
	assert_int_equal(row, 0);
	assert_int_equal(query_activity_find(db, "s", &f, SORT_PLAN, 0, "nothing like this", &row), 1);
	/* Within a filter the row numbers are the filtered list's. */
	f.status = ST_DELAYED;
	assert_int_equal(query_activity_find(db, "s", &f, SORT_PLAN, 0, "Aktivitet 248", &row), 0);
	assert_int_equal(row, 0);
}

static void
counts_and_progress(void **state)
{
	struct act_filter f;
	struct act_counts c;

	(void)state;
	query_filter_init(&f);
	assert_int_equal(query_counts(db, "s", &f, &c), 0);
	assert_int_equal(c.total, N);
	for (int s = 0; s < ST_COUNT; s++)
		assert_int_equal(c.n[s], N / 5);
	assert_true(c.known);
	assert_true(c.pct > 0 && c.pct <= 100);
	f.status = ST_CANCELLED;
	assert_int_equal(query_counts(db, "s", &f, &c), 0);
	assert_false(c.known);  /* cancelled ones do not count */
}

static void
outline_has_no_activities(void **state)
{
	struct plan p;
	long n;
	struct act_filter f;

	(void)state;
	assert_int_equal(query_load_outline(db, "s", &p), 0);
	assert_string_equal(p.s.municipality, "Testby kommun");
	assert_int_equal(p.nfocus, 2);
	assert_int_equal(p.nacts, 0);
	model_free_plan(&p);
	/* ... and leaves the activities where they were. */
	query_filter_init(&f);
	assert_int_equal(query_activity_count(db, "s", &f, &n), 0);
	assert_int_equal(n, N);
	assert_int_equal(model_load_plan(db, "s", &p), 0);
	assert_int_equal(p.nacts, N);
	model_free_plan(&p);
	assert_int_equal(query_load_outline(db, "nosuch", &p), -1);
	/* The widest number is the strategy's (250), not the largest internal id (1000); another strategy's
	 * is its own (1), not the file's (issue 14: one look-up, whatever the number of strategies). */
	assert_int_equal(query_max_activity_number(db, "s"), N);
	assert_int_equal(query_max_activity_number(db, "other"), 1);
	assert_int_equal(query_max_activity_number(db, "nosuch"), 0);
}

static void
responsibles_and_changes(void **state)
{
	char **names;
	size_t n;
	struct change *c;

	(void)state;
	assert_int_equal(query_responsibles(db, "s", &names, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(names[0], "A");
	assert_string_equal(names[2], "C");
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	exec("INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new)"
	     " VALUES ('2026-01-01T10:00:00Z', 'anna', 's', 'activity', 57, 'Årsrapport', 'status', 'not_started', 'done'),"
	     " ('2026-01-02T10:00:00Z', 'olle', 's', 'activity', 57, 'Årsrapport', 'progress', '0', '100'),"
	     " ('2026-01-03T10:00:00Z', 'olle', 's', 'activity', 58, 'x', 'progress', '0', '10')");
	assert_int_equal(query_changes(db, "s", CHANGES_ACTIVITY, 57, 10, &c, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].who, "olle");  /* newest first */
	changelog_free(c, n);
	assert_int_equal(query_changes(db, "s", CHANGES_FOCUS, 1, 10, &c, &n), 0);
	assert_int_equal(n, 2);                 /* 57 is odd: focus area 1; 58 is not */
	changelog_free(c, n);
	assert_int_equal(query_changes(db, "s", CHANGES_STRATEGY, 0, 1, &c, &n), 0);
	assert_int_equal(n, 1);
	changelog_free(c, n);
}

/* The overdue rule in SQL (MODEL_OVERDUE_SQL) and in C (activity_overdue()) agree on every activity. */
static void
overdue_sql_agrees_with_c(void **state)
{
	char today[11], *sql;
	struct plan p;
	sqlite3_stmt *st;
	size_t overdue = 0;

	(void)state;
	today_iso(today);
	exec("BEGIN");
	/* The edges: due today, due yesterday, an empty due date, done or cancelled when late. */
	sql = sqlite3_mprintf(
		"INSERT INTO activity (id, strategy_id, ref, position, title, due_date, status, progress) VALUES"
		" (3001, 's', 'e1', 1, 'Idag', %Q, 'in_progress', 0),"
		" (3002, 's', 'e2', 2, 'Igår', date(%Q, '-1 day'), 'not_started', 0),"
		" (3003, 's', 'e3', 3, 'Tomt', '', 'delayed', 0),"
		" (3004, 's', 'e4', 4, 'Klar', '2000-01-01', 'done', 100),"
		" (3005, 's', 'e5', 5, 'Struken', '2000-01-01', 'cancelled', 0)", today, today);
	exec(sql);
	sqlite3_free(sql);
	assert_int_equal(model_load_plan(db, "s", &p), 0);
	st = db_prepare(db, "SELECT " MODEL_OVERDUE_SQL("?1") " FROM activity WHERE id = ?2");
	assert_non_null(st);
	for (size_t i = 0; i < p.nacts; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, p.acts[i].id);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		if (sqlite3_column_int(st, 0) != activity_overdue(&p.acts[i]))
			fail_msg("activity %lld (due '%s', %s): SQL and C disagree", (long long)p.acts[i].id,
			         p.acts[i].due ? p.acts[i].due : "(null)", status_id(p.acts[i].status));
		overdue += activity_overdue(&p.acts[i]);
	}
	sqlite3_finalize(st);
	/* Both answers occur, so the comparison means something. */
	assert_true(overdue > 0 && overdue < p.nacts);
	model_free_plan(&p);
	exec("ROLLBACK");
}

/* A year or a month is due at the end of its period: SQL and C agree on the edges, leap years too. */
/* Pane 4's column widths: the widest texts, and the most days late agrees with activity_days_late() for every filter. */
static void
widths_follow_the_content(void **state)
{
	static const char *const days[] = { "2026-11-22", "2024-02-29", "2030-01-01" };
	struct act_filter f;
	struct act_widths w;
	struct plan p;
	char *saved = getenv("STYRKORT_TODAY") ? strdup(getenv("STYRKORT_TODAY")) : NULL;

	(void)state;
	query_filter_init(&f);
	assert_int_equal(model_load_plan(db, "s", &p), 0);
	for (size_t d = 0; d < sizeof days / sizeof *days; d++) {
		long most = 0, late = 0;

		setenv("STYRKORT_TODAY", days[d], 1);
		for (size_t i = 0; i < p.nacts; i++) {
			if (activity_days_late(&p.acts[i]) > most)
				most = activity_days_late(&p.acts[i]);
			late += activity_overdue(&p.acts[i]);
		}
		for (f.overdue = 0; f.overdue <= 1; f.overdue++) {
			assert_int_equal(query_activity_widths(db, "s", &f, &w), 0);
			assert_int_equal(w.most_days_late, most);
			assert_int_equal(w.overdue, late);
		}
	}
	/* "Aktivitet 250" is the widest title; å counts one column; responsible A, B, C; focus Arbete, Bostad. */
	f.overdue = 0;
	assert_int_equal(query_activity_widths(db, "s", &f, &w), 0);
	assert_int_equal(w.title, 13);
	assert_int_equal(w.responsible, 1);
	assert_int_equal(w.focus, 6);
	assert_true(w.has_due && w.has_activities);
	/* A filter that leaves only activities without a focus area: the focus column is empty. */
	f.focus_id = 0;
	assert_int_equal(query_activity_widths(db, "s", &f, &w), 0);
	assert_int_equal(w.focus, 0);
	/* Nothing late before 2020: the days-late column is empty. */
	setenv("STYRKORT_TODAY", "2019-01-01", 1);
	query_filter_init(&f);
	assert_int_equal(query_activity_widths(db, "s", &f, &w), 0);
	assert_int_equal(w.most_days_late, 0);
	assert_int_equal(w.overdue, 0);
	if (saved)
		setenv("STYRKORT_TODAY", saved, 1);
	else
		unsetenv("STYRKORT_TODAY");
	free(saved);
	model_free_plan(&p);
}

static void
overdue_at_the_end_of_the_period(void **state)
{
	static const struct { const char *due, *today; int overdue; } cases[] = {
		{ "2012-11", "2012-11-30", 0 }, { "2012-11", "2012-12-01", 1 }, { "2012-11", "2012-11-01", 0 },
		{ "2013", "2013-12-31", 0 }, { "2013", "2014-01-01", 1 }, { "2013", "2013-01-01", 0 },
		{ "2024-02", "2024-02-29", 0 }, { "2024-02", "2024-03-01", 1 },
		{ "2023-02", "2023-02-28", 0 }, { "2023-02", "2023-03-01", 1 },
		{ "2012-11-05", "2012-11-05", 0 }, { "2012-11-05", "2012-11-06", 1 },
	};
	struct activity a = { .status = ST_IN_PROGRESS };
	sqlite3_stmt *st = db_prepare(db, "SELECT " MODEL_OVERDUE_SQL("?1") ", " DATE_END_SQL("due_date")
	                                  " FROM (SELECT ?2 AS due_date, 'in_progress' AS status)");
	const char *was = getenv("STYRKORT_TODAY");
	char *saved = was ? xstrdup(was) : NULL, end[11];

	(void)state;
	assert_non_null(st);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		setenv("STYRKORT_TODAY", cases[i].today, 1);
		a.due = (char *)cases[i].due;
		if (activity_overdue(&a) != cases[i].overdue)
			fail_msg("C: due %s on %s", cases[i].due, cases[i].today);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, cases[i].today, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, cases[i].due, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		if (sqlite3_column_int(st, 0) != cases[i].overdue)
			fail_msg("SQL: due %s on %s", cases[i].due, cases[i].today);
		/* The end of the period, in SQL as in C. */
		assert_int_equal(date_end(cases[i].due, end), 0);
		assert_string_equal((const char *)sqlite3_column_text(st, 1), end);
	}
	sqlite3_finalize(st);
	if (saved)
		setenv("STYRKORT_TODAY", saved, 1);
	else
		unsetenv("STYRKORT_TODAY");
	free(saved);
}

/* Sorted by due date, a year or a month falls where its period ends. */
static void
partial_dates_sort_at_their_end(void **state)
{
	static const char *const order[] = { "d1", "d2", "d3", "d4", "d5", "d6", "d7" };
	struct act_filter f;
	struct activity *acts;
	size_t n;

	(void)state;
	query_filter_init(&f);
	exec("BEGIN;"
	     "INSERT INTO strategy (id, municipality, title) VALUES ('dates', 'Datumby', 'Datum');"
	     "INSERT INTO activity (id, strategy_id, ref, position, title, due_date, status, progress) VALUES"
	     " (4001, 'dates', 'd7', 1, 'Sju', '2014-01-01', 'in_progress', 0),"
	     " (4002, 'dates', 'd6', 2, 'Sex', '2013', 'in_progress', 0),"
	     " (4003, 'dates', 'd5', 3, 'Fem', '2013-06-30', 'in_progress', 0),"
	     " (4004, 'dates', 'd4', 4, 'Fyra', '2012-12-01', 'in_progress', 0),"
	     " (4005, 'dates', 'd3', 5, 'Tre', '2012-11', 'in_progress', 0),"
	     " (4006, 'dates', 'd2', 6, 'Två', '2012-11-29', 'in_progress', 0),"
	     " (4007, 'dates', 'd1', 7, 'Ett', '2012-10', 'in_progress', 0);");
	assert_int_equal(query_activities(db, "dates", &f, SORT_DUE, 0, 100, &acts, &n), 0);
	assert_int_equal(n, 7);
	for (size_t i = 0; i < n; i++)
		if (strcmp(acts[i].ref, order[i]) != 0)
			fail_msg("row %zu: %s (due %s), expected %s", i, acts[i].ref, acts[i].due, order[i]);
	query_free_activities(acts, n);
	exec("ROLLBACK");
}

/* Every row of the focus pane (query_focus_progress) and the report (progress_focus_id) in the plan as it is now. */
static void
pane_and_report_agree_now(const char *when)
{
	static const int64_t areas[] = { 1, 2, 0 };
	struct plan p;

	assert_int_equal(model_load_plan(db, "s", &p), 0);
	for (size_t k = 0; k < sizeof areas / sizeof areas[0]; k++) {
		struct act_counts sql, mem;
		struct progress pane, report = progress_focus_id(&p, areas[k]);

		assert_int_equal(query_focus_progress(db, "s", areas[k], &sql, &pane), 0);
		progress_count_focus(&p, areas[k], &mem);
		if (sql.total != mem.total || sql.overdue != mem.overdue || pane.known != report.known ||
		    pane.light != report.light || fabs(pane.pct - report.pct) > 1e-9)
			fail_msg("%s, focus area %lld: the pane says %d/%.3f/%d (%ld, %ld overdue),"
			         " the report %d/%.3f/%d (%ld, %ld overdue)", when, (long long)areas[k],
			         pane.known, pane.pct, pane.light, sql.total, sql.overdue,
			         report.known, report.pct, report.light, mem.total, mem.overdue);
		for (int s = 0; s < ST_COUNT; s++)
			assert_int_equal(sql.n[s], mem.n[s]);
		assert_int_equal(sql.commitments, mem.commitments);
		for (int s = 0; s < AS_COUNT; s++)
			assert_int_equal(sql.assessed[s], mem.assessed[s]);
	}
	for (size_t i = 0; i < p.nfocus; i++) {
		struct progress a = progress_focus_id(&p, p.focus[i].id), b = progress_focus(&p, &p.focus[i]);

		/* Field by field: the struct's padding is not part of the answer. */
		assert_int_equal(a.known, b.known);
		assert_true(a.pct == b.pct);
		assert_int_equal(a.light, b.light);
		assert_int_equal(a.no_target, b.no_target);
	}
	model_free_plan(&p);
}

/*
 * The focus pane and the report can never disagree on a focus area or the
 * activities without one: the same rule on counts made in SQL and in
 * memory, through every kind of plan (overdue, delayed, all cancelled,
 * empty) and on days either side of due dates.
 */
static void
focus_progress_agrees_with_the_report(void **state)
{
	static const char *const days[] = { "2026-11-22", "2019-01-01", "2030-01-01", "2024-06-15" };
	static const char *const changes[] = {
		"",
		/* A goal linked to focus area 2: its activities are 2's too, those without one leave the group. */
		"INSERT INTO goal (id, strategy_id, key, position, title) VALUES (1, 's', 'g1', 0, 'Mål');"
		" INSERT INTO goal_focus (goal_id, focus_id, position) VALUES (1, 2, 0);"
		" UPDATE activity SET goal_id = 1 WHERE strategy_id = 's' AND id % 3 = 0",
		"UPDATE activity SET status = 'cancelled' WHERE strategy_id = 's' AND focus_id = 2",
		"UPDATE activity SET status = 'done' WHERE strategy_id = 's' AND focus_id IS NULL",
		"UPDATE activity SET status = 'delayed', due_date = NULL WHERE strategy_id = 's' AND focus_id = 1",
		"UPDATE activity SET kind = 'commitment', status = 'not_started', progress = 0, due_date = NULL,"
		" assessment = CASE WHEN id % 2 THEN 'partly' END WHERE strategy_id = 's' AND id % 3 = 0",
		"DELETE FROM activity WHERE strategy_id = 's' AND focus_id IS NULL",
		"DELETE FROM activity WHERE strategy_id = 's'",
	};
	struct plan p;
	struct act_counts mem;

	(void)state;
	/* The plan as setup() made it has everything at once. */
	assert_int_equal(model_load_plan(db, "s", &p), 0);
	progress_count_focus(&p, 0, &mem);
	assert_true(mem.total > 0 && mem.overdue > 0);
	model_free_plan(&p);
	exec("BEGIN");
	for (size_t c = 0; c < sizeof changes / sizeof changes[0]; c++) {
		exec(changes[c]);
		for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
			char when[160];

			setenv("STYRKORT_TODAY", days[d], 1);
			snprintf(when, sizeof when, "after \"%s\" on %s", changes[c], days[d]);
			pane_and_report_agree_now(when);
		}
	}
	exec("ROLLBACK");
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_follow_the_filter),
		cmocka_unit_test(widths_follow_the_content),
		cmocka_unit_test(windows_join_up),
		cmocka_unit_test(orders),
		cmocka_unit_test(find_wraps_and_ignores_case),
		cmocka_unit_test(counts_and_progress),
		cmocka_unit_test(outline_has_no_activities),
		cmocka_unit_test(responsibles_and_changes),
		cmocka_unit_test(overdue_sql_agrees_with_c),
		cmocka_unit_test(overdue_at_the_end_of_the_period),
		cmocka_unit_test(partial_dates_sort_at_their_end),
		cmocka_unit_test(focus_progress_agrees_with_the_report),
	};
	int rc;

	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	if (!mkdtemp(dir))
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/q.db", dir);
	rc = cmocka_run_group_tests(tests, setup, teardown);
	unlink(dbpath);
	rmdir(dir);
	return rc;
}
