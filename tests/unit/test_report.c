/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c: report_prepare() and the report writers (text, Markdown, CSV), found by name. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "changelog.h"
#include "db.h"
#include "report.h"
#include "text.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-report-XXXXXX";
static char dbpath[sizeof dir + 16];
static struct db *db;

static void
exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/*
 * One strategy with Markdown's and spreadsheets' own characters in its
 * texts: a focus area, a goal with an indicator, three activities (one
 * done, one overdue, one whose title would be a formula), and two changes.
 */
static int
setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/r.db", dir);
	db = db_open(dbpath, DB_CREATE);
	if (!db)
		return 1;
	exec("INSERT INTO strategy (id, municipality, title, note) VALUES ('s', 'Testby', 'Plan *1*', 'A note');"
	     "INSERT INTO focus_area (id, strategy_id, key, position, name, purpose)"
	     " VALUES (1, 's', 'f1', 1, 'Work_and [jobs]', 'Why it matters');"
	     "INSERT INTO goal (id, strategy_id, key, position, title) VALUES (1, 's', 'g1', 1, 'Goal <a>');"
	     "INSERT INTO goal_focus (goal_id, focus_id, position) VALUES (1, 1, 0);"
	     "INSERT INTO indicator (id, strategy_id, goal_id, key, position, name, unit, baseline, target, direction)"
	     " VALUES (1, 's', 1, 'i1', 1, 'Share #1', '%', 10, 20, 'higher');"
	     "INSERT INTO activity (id, strategy_id, ref, position, focus_id, goal_id, title, responsible, due_date,"
	     " status, progress) VALUES"
	     " (1, 's', 'a1', 1, 1, 1, 'Done one', 'A', '2000-01-01', 'done', 100),"
	     " (2, 's', 'a2', 2, 1, 1, 'Late one', 'A, \"B\"', '2000-01-01', 'in_progress', 40),"
	     " (3, 's', 'a3', 3, 1, NULL, '=SUM(A1)', '', '', 'not_started', 0);");
	if (db_write_begin(db, 0) < 0 ||
	    changelog_add(db, "s", "activity", 2, "Late one", "status", "not_started", "in_progress", NULL) < 0 ||
	    changelog_add(db, "s", "activity", 2, "Late one", "progress", "0", "40", NULL) < 0 ||
	    db_commit(db) < 0)
		return 1;
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	(void)state;
	db_close(db);
	if (system(cmd) != 0)
		return 1;
	free(cmd);
	return 0;
}

/* The report of strategy in a format, as a string (free it). */
static char *
written_of(const char *strategy, const char *format, const char *since, int width)
{
	const struct report_writer *w = report_writer_find(format);
	struct report r;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	assert_non_null(w);
	assert_int_equal(report_prepare(db, strategy, since, width, "%Y-%m-%d", &r), 0);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	report_write(&r, w, f);
	fclose(f);
	report_release(&r);
	return text;
}

/* The report of 's' in a format, as a string (free it). */
static char *
written(const char *format, const char *since, int width)
{
	return written_of("s", format, since, width);
}

static void
writers_are_found_by_name(void **state)
{
	(void)state;
	assert_non_null(report_writer_find("text"));
	assert_non_null(report_writer_find("markdown"));
	assert_non_null(report_writer_find("csv"));
	assert_ptr_not_equal(report_writer_find("text"), report_writer_find("markdown"));
	assert_ptr_equal(report_writer_text(), report_writer_find("text"));
	assert_null(report_writer_find("plain"));
	assert_null(report_writer_find(""));
	assert_string_equal(report_between(report_writer_find("text")), "\n\n");
	assert_string_equal(report_between(report_writer_find("csv")), "");
}

static void
text_keeps_to_the_width(void **state)
{
	static const int widths[] = { 40, 60, 80, 132 };

	(void)state;
	for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
		char *text = written("text", "last-review", widths[k]), *save = NULL;

		assert_non_null(strstr(text, "FOCUS AREAS (1)\n"));
		assert_non_null(strstr(text, "OVERDUE ACTIVITIES (1)\n"));
		assert_non_null(strstr(text, "#2 Late one: due 2000-01-01"));
		assert_non_null(strstr(text, "CHANGES (NO REVIEW RECORDED YET)\n"));
		assert_non_null(strstr(text, "Purpose: Why it matters"));
		/* Text writes no Markdown: nothing is escaped. */
		assert_non_null(strstr(text, "Plan *1*"));
		assert_null(strstr(text, "| Focus area |"));
		for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
			if (text_width(l) > widths[k])
				fail_msg("width %d: a line of %d columns: %s", widths[k], text_width(l), l);
		free(text);
	}
}

static void
markdown_escapes_and_ends_its_blocks(void **state)
{
	char *md = written("markdown", "last-review", 80);

	(void)state;
	assert_true(strncmp(md, "# Testby: Plan \\*1\\*\n\n", 22) == 0);
	assert_non_null(strstr(md, "| Focus area | Progress | Activities |\n|---|---|---|\n| Work\\_and \\[jobs\\] | `["));
	/* The table ends with a blank line before the focus area's own heading. */
	assert_non_null(strstr(md, " |\n\n### 1. Work\\_and \\[jobs\\]\n\nWhy it matters\n\n"));
	assert_non_null(strstr(md, "- **Goal \\<a\\>** `["));
	assert_non_null(strstr(md, "  - Share \\#1 `["));
	assert_non_null(strstr(md, "| Status | Count |\n|---|---:|\n| Not started | 1 |\n"));
	assert_non_null(strstr(md, "\n\n## Overdue activities (1)\n\n- \\#2 Late one: due 2000-01-01"));
	/* The last list ends the document with one blank line. */
	assert_non_null(strstr(md, "## CHANGES (NO REVIEW RECORDED YET)\n\n- "));
	assert_int_equal(strcmp(md + strlen(md) - 2, "\n\n"), 0);
	assert_int_not_equal(md[strlen(md) - 3], '\n');
	free(md);
}

/* The cells of each record of a CSV text (RFC 4180: commas and line breaks in quotes are data), into cells[]. */
static size_t
csv_cells(const char *csv, size_t cells[], size_t max)
{
	size_t n = 0, c = 1;
	int quoted = 0;

	for (const char *s = csv; *s; s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (!quoted && *s == ',')
			c++;
		else if (!quoted && s[0] == '\r' && s[1] == '\n') {
			if (n < max)
				cells[n++] = c;
			c = 1;
			s++;
		}
	}
	return n;
}

/* Every record has a cell for each column of the header, also a column that only the field table names. */
static void
csv_rows_match_header(void **state)
{
	char *csv = written("csv", "last-review", 80), *head = NULL;
	size_t len = 0, cells[16], hcells[1];
	size_t n = csv_cells(csv, cells, 16);
	FILE *f = open_memstream(&head, &len);

	(void)state;
	assert_non_null(f);
	report_file_start(report_writer_find("csv"), f, 0);
	fclose(f);
	assert_int_equal(csv_cells(head, hcells, 1), 1);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(cells[i], hcells[0]);
	free(head);
	free(csv);
}

static void
csv_is_one_record_per_activity(void **state)
{
	const struct report_writer *w = report_writer_find("csv");
	char *csv = written("csv", "last-review", 80), *head = NULL;
	size_t len = 0, rows = 0;
	FILE *f;

	(void)state;
	/* The header comes from report_file_start(), once for a file of several reports. */
	assert_true(strncmp(csv, "\xef\xbb\xbf", 3) != 0);
	for (const char *c = csv; (c = strstr(c, "\r\n")) != NULL; c += 2)
		rows++;
	assert_int_equal(rows, 3);
	assert_true(strncmp(csv, "s,1,a1,Work_and [jobs],Goal <a>,Done one,A,", 43) == 0);
	/* A title that a spreadsheet would run is made text; quotes are doubled. */
	assert_non_null(strstr(csv, ",'=SUM(A1),"));
	assert_non_null(strstr(csv, ",\"A, \"\"B\"\"\","));
	assert_non_null(strstr(csv, ",in_progress,In progress,40,yes,"));
	f = open_memstream(&head, &len);
	assert_non_null(f);
	report_file_start(w, f, 0);
	fclose(f);
	assert_string_equal(head, "\xef\xbb\xbfstrategy,number,ref,focus_area,goal,title,responsible,contact,start,"
	                          "due,status,status_label,progress,overdue,comment,changed_by,changed_at,source,example,"
	                          "kind,assessment,assessed\r\n");
	free(head);
	head = NULL;
	/* Text has nothing to write once before its reports. */
	report_file_start(report_writer_text(), f = open_memstream(&head, &len), 0);
	fclose(f);
	assert_int_equal(len, 0);
	free(head);
	free(csv);
}

static void
prepare_reads_the_changes_since(void **state)
{
	struct report r;
	char *text;

	(void)state;
	/* No review yet: every change. */
	assert_int_equal(report_prepare(db, "s", "last-review", 80, "%Y-%m-%d", &r), 0);
	assert_int_equal(r.opts.nchanges, 2);
	assert_string_equal(r.opts.since, "");
	assert_int_equal(r.plan.nacts, 3);
	report_release(&r);
	/* A date after them: none. */
	text = written("text", "2999-01-01", 80);
	assert_non_null(strstr(text, "CHANGES SINCE 2999-01-01\n"));
	assert_non_null(strstr(text, "\n  None.\n"));
	free(text);
	/* No since: no section. */
	text = written("text", NULL, 80);
	assert_null(strstr(text, "CHANGES"));
	free(text);
	/* A strategy that is not there. */
	assert_int_equal(report_prepare(db, "nosuch", "last-review", 80, "%Y-%m-%d", &r), -1);
}

/*
 * Progress that tells the truth, in text and Markdown: a target without
 * values is "no data" (never "0 %, on track"), the activities linked to
 * nothing count and are counted, an overdue activity makes its focus area
 * and goal "behind".
 */
static void
progress_tells_the_truth(void **state)
{
	char *text, *md;

	(void)state;
	exec("BEGIN;"
	     "INSERT INTO strategy (id, municipality, title) VALUES ('t', 'Truthby', 'Plan');"
	     "INSERT INTO focus_area (id, strategy_id, key, position, name) VALUES (2, 't', 'f2', 1, 'Skola');"
	     "INSERT INTO goal (id, strategy_id, key, position, title) VALUES (2, 't', 'g2', 1, 'Egen försörjning');"
	     "INSERT INTO indicator (id, strategy_id, goal_id, key, position, name, unit, target, direction)"
	     " VALUES (2, 't', 2, 'i2', 1, 'Andel', '%', 50, 'higher');"
	     "INSERT INTO activity (id, strategy_id, ref, position, focus_id, goal_id, title, due_date, status, progress)"
	     " VALUES (10, 't', 'a10', 1, 2, 2, 'Sen', '2000-01-01', 'in_progress', 50),"
	     " (11, 't', 'a11', 2, NULL, 2, 'Målets', NULL, 'not_started', 0),"
	     " (12, 't', 'a12', 3, NULL, NULL, 'Lös', NULL, 'in_progress', 30),"
	     " (13, 't', 'a13', 4, NULL, NULL, 'Lös och klar', NULL, 'done', 100);");
	text = written_of("t", "text", NULL, 80);
	/* The focus area 50 and the three without one (0 + 30 + 100) / 3: 47 %, behind for the overdue one. */
	assert_non_null(strstr(text, "\nOverall progress                                  [#####-----]  47 %  ■ behind\n"));
	assert_non_null(strstr(text, "\n  Activities without a focus area                 [####------]  43 %  ● on track\n"
	                             "    Linked to no focus area or goal: 2 of 4 activities\n"));
	assert_non_null(strstr(text, "\n  1. Skola                                        [#####-----]  50 %  ■ behind\n"));
	assert_non_null(strstr(text, "\n  Goal: Egen försörjning                          [..........] no data  ■ behind\n"));
	assert_non_null(strstr(text, "\n    Indicator: Andel                              [..........] ○ no data\n"));
	free(text);
	md = written_of("t", "markdown", NULL, 80);
	assert_non_null(strstr(md, "**Overall progress:** `[#####-----]  47 %` ■ behind\n\n"
	                           "*Activities without a focus area:* `[####------]  43 %` ● on track\n\n"
	                           "*Linked to no focus area or goal:* 2 of 4 activities\n\n"));
	assert_non_null(strstr(md, "- **Egen försörjning** `[..........] no data` ■ behind\n"));
	free(md);
	/* Not overdue: the goal has no data and no light at all, the focus area is on track. */
	exec("UPDATE activity SET due_date = NULL WHERE id = 10");
	text = written_of("t", "text", NULL, 80);
	assert_non_null(strstr(text, "\n  Goal: Egen försörjning                          [..........] ○ no data\n"));
	assert_non_null(strstr(text, "\n  1. Skola                                        [#####-----]  50 %  ● on track\n"));
	assert_null(strstr(text, " 0 %  on track"));
	free(text);
	exec("ROLLBACK");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writers_are_found_by_name),
		cmocka_unit_test(text_keeps_to_the_width),
		cmocka_unit_test(markdown_escapes_and_ends_its_blocks),
		cmocka_unit_test(csv_is_one_record_per_activity),
		cmocka_unit_test(csv_rows_match_header),
		cmocka_unit_test(prepare_reads_the_changes_since),
		cmocka_unit_test(progress_tells_the_truth),
	};

	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
