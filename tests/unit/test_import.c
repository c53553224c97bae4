/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_import.c: importing a strategy INI and loading it back: the tree, all-or-nothing, the change log. */
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

#include "db.h"
#include "model.h"
#include "strategy_ini.h"
#include "util.h"

static char dir[] = "/tmp/styrkort-import-XXXXXX";
static char dbpath[sizeof dir + 16], inipath[sizeof dir + 16];

/* A small strategy using every kind of section and most keys. */
static const char small[] =
	"; a test strategy\n"
	"[strategy]\n"
	"id = testby\n"
	"municipality = Testby kommun\n"
	"title = Integrationsstrategi för Testby\n"
	"adopted_on = 2024-02-29\n"
	"vision = \"Alla ska kunna växa.\\nÄven här.\"\n"
	"\n"
	"[focus.arbete]\n"
	"name = Arbete och försörjning\n"
	"purpose = Fler i arbete\n"
	"responsible = Kommunstyrelsen | Arbetsmarknadsnämnden |  Bolaget AB \n"
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
	"\n"
	"[goal.del2]\n"
	"title = Delmål två\n"
	"parent = over\n"
	"focus = skola\n"
	"\n"
	"[goal.del1a]\n"
	"title = Under delmål ett\n"
	"parent = del1\n"
	"\n"
	"[goal.fokus]\n"
	"title = Ett fokusområdesmål\n"
	"focus = arbete\n"
	"\n"
	"[indicator.syss]\n"
	"goal = del1\n"
	"name = Sysselsättningsgrad\n"
	"unit = %\n"
	"source = SCB\n"
	"direction = lower\n"
	"baseline = 8.5\n"
	"baseline_period = 2013\n"
	"by_sex = yes\n"
	"value.2020 = \"\"\n"
	"value.2021 = 0\n"
	"value.2021.k = 1.25\n"
	"value.2021.m = -2\n"
	"value.2022-q1 = 3\n"
	"\n"
	"[indicator.mal]\n"
	"goal = over\n"
	"name = Med mål\n"
	"target = 50\n"
	"target_period = 2030\n"
	"\n"
	"[activity.a1]\n"
	"title = Första aktiviteten\n"
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
	"title = Andra aktiviteten\n"
	"focus = skola\n";

static void
write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* TEXT with FROM replaced by TO (once; it must occur). */
static char *
replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	if (!at)
		fail_msg("'%s' is not in the text", from);
	return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

static char *
small_with(const char *from, const char *to)
{
	return replace(small, from, to);
}

static struct db *
fresh_db(void)
{
	struct db *db;

	unlink(dbpath);
	db = db_open(dbpath, DB_CREATE);
	assert_non_null(db);
	return db;
}

static int
import_text(struct db *db, const char *text)
{
	write_file(inipath, text);
	return strategy_import(db, inipath, NULL);
}

static int
count(struct db *db, const char *q)
{
	sqlite3_stmt *st;
	int v;

	assert_int_equal(sqlite3_prepare_v2(db->sql, q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The export of testby, as a string (free it). */
static char *
export_text(struct db *db)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	assert_int_equal(strategy_export(db, "testby", f), 0);
	fclose(f);
	return s;
}

/* Everything in the file, as rows: what "unchanged" is compared on. */
static char *
dump(struct db *db)
{
	static const char *const tables[] = { "strategy", "focus_area", "responsible_body", "goal",
	                                      "indicator", "measurement", "activity", "change_log", NULL };
	struct buf b;

	buf_init(&b);
	for (int t = 0; tables[t]; t++) {
		char *q = xasprintf("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(db->sql, q, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			buf_printf(&b, "%s:", tables[t]);
			for (int c = 0; c < sqlite3_column_count(st); c++)
				buf_printf(&b, "|%s", sqlite3_column_type(st, c) == SQLITE_NULL ? "NULL" : db_text(st, c));
			buf_putc(&b, '\n');
		}
		sqlite3_finalize(st);
		free(q);
	}
	return buf_steal(&b);
}

static const struct activity *
find_activity(const struct plan *p, const char *ref)
{
	for (size_t i = 0; i < p->nacts; i++)
		if (strcmp(p->acts[i].ref, ref) == 0)
			return &p->acts[i];
	fail_msg("no activity %s", ref);
	return NULL;
}

static void
import_and_load(void **state)
{
	struct db *db = fresh_db();
	struct plan p;
	char *id = NULL;
	const struct indicator *ind;
	const struct activity *a;

	(void)state;
	write_file(inipath, small);
	assert_int_equal(strategy_import(db, inipath, &id), 0);
	assert_string_equal(id, "testby");
	free(id);
	assert_int_equal(model_load_plan(db, "testby", &p), 0);

	assert_string_equal(p.s.municipality, "Testby kommun");
	assert_string_equal(p.s.title, "Integrationsstrategi för Testby");
	assert_string_equal(p.s.adopted_on, "2024-02-29");
	assert_string_equal(p.s.vision, "Alla ska kunna växa.\nÄven här.");
	assert_null(p.s.owner);

	/* Focus areas in file order, bodies split on '|' and trimmed. */
	assert_int_equal(p.nfocus, 2);
	assert_string_equal(p.focus[0].key, "arbete");
	assert_string_equal(p.focus[0].name, "Arbete och försörjning");
	assert_string_equal(p.focus[0].purpose, "Fler i arbete");
	assert_int_equal(p.focus[0].nbodies, 3);
	assert_string_equal(p.focus[0].bodies[0], "Kommunstyrelsen");
	assert_string_equal(p.focus[0].bodies[1], "Arbetsmarknadsnämnden");
	assert_string_equal(p.focus[0].bodies[2], "Bolaget AB");
	assert_string_equal(p.focus[1].key, "skola");
	assert_int_equal(p.focus[1].nbodies, 0);
	assert_null(p.focus[1].purpose);

	/* Goals in tree order: each parent before its children, depth-first. */
	assert_int_equal(p.ngoals, 5);
	{
		static const char *const keys[] = { "over", "del1", "del1a", "del2", "fokus" };
		static const int depths[] = { 0, 1, 2, 1, 0 };

		for (int i = 0; i < 5; i++) {
			assert_string_equal(p.goals[i].key, keys[i]);
			assert_int_equal(p.goals[i].depth, depths[i]);
		}
	}
	assert_int_equal(p.goals[0].parent_id, 0);
	assert_int_equal(p.goals[1].parent_id, p.goals[0].id);
	assert_int_equal(p.goals[2].parent_id, p.goals[1].id);
	assert_int_equal(p.goals[3].parent_id, p.goals[0].id);
	assert_int_equal(p.goals[3].nfocus_ids, 1);
	assert_int_equal(p.goals[3].focus_ids[0], p.focus[1].id);
	assert_int_equal(p.goals[4].focus_ids[0], p.focus[0].id);
	assert_int_equal(p.goals[4].parent_id, 0);
	assert_string_equal(plan_goal(&p, p.goals[2].parent_id)->key, "del1");

	/* Indicators and their values. */
	assert_int_equal(p.ninds, 2);
	ind = &p.inds[0];
	assert_string_equal(ind->key, "syss");
	assert_string_equal(plan_goal(&p, ind->goal_id)->key, "del1");
	assert_string_equal(ind->unit, "%");
	assert_string_equal(ind->source, "SCB");
	assert_int_equal(ind->direction, DIR_LOWER);
	assert_int_equal(ind->has_baseline, 1);
	assert_true(ind->baseline == 8.5);
	assert_string_equal(ind->baseline_period, "2013");
	assert_int_equal(ind->has_target, 0);
	assert_int_equal(ind->by_sex, 1);
	assert_int_equal(ind->nvalues, 5);
	/* Sorted by period (a year after its parts: 2021 before 2022-Q1), then T, K, M. */
	assert_string_equal(ind->values[0].period, "2020");
	assert_int_equal(ind->values[0].has_value, 0);          /* "" is no data... */
	assert_string_equal(ind->values[1].period, "2021");
	assert_int_equal(ind->values[1].sex, SEX_T);
	assert_int_equal(ind->values[1].has_value, 1);          /* ...and 0 is a value */
	assert_true(ind->values[1].value == 0);
	assert_int_equal(ind->values[2].sex, SEX_K);
	assert_true(ind->values[2].value == 1.25);
	assert_int_equal(ind->values[3].sex, SEX_M);
	assert_true(ind->values[3].value == -2);
	assert_string_equal(ind->values[4].period, "2022-Q1");
	assert_true(indicator_latest(ind, SEX_T) == &ind->values[4]);
	assert_true(indicator_latest(ind, SEX_K) == &ind->values[2]);
	assert_string_equal(ind->values[4].entered_by, "tester");
	ind = &p.inds[1];
	assert_int_equal(ind->direction, DIR_NONE);            /* not given: not "higher" */
	assert_int_equal(ind->has_baseline, 0);
	assert_int_equal(ind->has_target, 1);
	assert_true(ind->target == 50);
	assert_int_equal(ind->by_sex, 0);
	assert_int_equal(ind->nvalues, 0);

	/* Activities. */
	assert_int_equal(p.nacts, 2);
	a = find_activity(&p, "a1");
	assert_string_equal(a->title, "Första aktiviteten");
	assert_string_equal(plan_focus(&p, a->focus_id)->key, "arbete");
	assert_string_equal(plan_goal(&p, a->goal_id)->key, "del1");
	assert_string_equal(a->responsible, "Kommunstyrelsen");
	assert_string_equal(a->contact, "Anna");
	assert_string_equal(a->start, "2024-01-01");
	assert_string_equal(a->due, "2024-12-31");
	assert_int_equal(a->status, ST_IN_PROGRESS);
	assert_int_equal(a->progress, 40);
	assert_string_equal(a->comment, "På gång");
	assert_string_equal(a->changed_by, "tester");
	assert_true(a->id > 0);
	a = find_activity(&p, "a2");
	assert_int_equal(a->status, ST_NOT_STARTED);
	assert_int_equal(a->progress, 0);
	assert_int_equal(a->goal_id, 0);
	assert_null(a->due);
	assert_int_equal(activity_overdue(find_activity(&p, "a1")), 1);  /* 2024-12-31 < today */
	{
		int counts[ST_COUNT];

		plan_count_status(&p, 0, counts);
		assert_int_equal(counts[ST_IN_PROGRESS], 1);
		assert_int_equal(counts[ST_NOT_STARTED], 1);
		plan_count_status(&p, p.focus[1].id, counts);
		assert_int_equal(counts[ST_IN_PROGRESS], 0);
		assert_int_equal(counts[ST_NOT_STARTED], 1);
	}
	model_free_plan(&p);

	/* A creation is logged for each activity and each value. */
	assert_int_equal(count(db, "SELECT count(*) FROM change_log WHERE kind = 'activity' AND field = 'created'"), 2);
	assert_int_equal(count(db, "SELECT count(*) FROM change_log WHERE kind = 'measurement'"), 5);
	assert_int_not_equal(model_load_plan(db, "nosuch", &p), 0);
	assert_non_null(strstr(err_get(), "nosuch"));
	db_close(db);
}

/* An error anywhere, even in the last section, leaves the database as it was. */
static void
import_is_all_or_nothing(void **state)
{
#define LAST "[activity.a2]\ntitle = Andra aktiviteten\nfocus = skola\n"
	static const struct { const char *from, *to, *says; } bad[] = {
		{ LAST, LAST "due = 2024-02-30\n", "[activity.a2] due" },
		{ LAST, LAST "status = finished\n", "[activity.a2] status" },
		{ LAST, LAST "progress = 101\n", "[activity.a2] progress" },
		{ LAST, LAST "goal = del3\n", "del3" },
		{ "focus = skola\n", "focus = nowhere\n", "nowhere" },
		{ LAST, LAST "colour = red\n", "colour" },
		{ LAST, LAST "focus = arbete\n", "twice" },
		{ LAST, LAST "this is not ini\n", "this is not ini" },
		{ LAST, LAST "title.2 = x\n\n[nonsense]\n", "[nonsense]" },
		{ "value.2022-q1 = 3\n", "value.2022-q1 = 3\nvalue.2023 = 3,5\n", "value.2023" },
		{ "[goal.over]\n", "[goal.over]\nparent = del1a\n", "parent" },
	};
#undef LAST
	struct db *db = fresh_db();
	char *before, *after, *exp_before, *exp_after, *text, *t2;

	(void)state;
	assert_int_equal(import_text(db, small), 0);
	before = dump(db);
	exp_before = export_text(db);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* Earlier sections change too, so a partial import would show. */
		t2 = small_with("status = in_progress\n", "status = done\n");
		text = replace(t2, bad[i].from, bad[i].to);
		free(t2);
		if (import_text(db, text) != -1)
			fail_msg("case %zu was imported", i);
		if (!strstr(err_get(), inipath) || !strstr(err_get(), bad[i].says) || !strstr(err_get(), "line "))
			fail_msg("case %zu: message '%s' lacks the file, the line or '%s'", i, err_get(), bad[i].says);
		after = dump(db);
		assert_string_equal(after, before);
		free(after);
		free(text);
	}
	exp_after = export_text(db);
	assert_string_equal(exp_after, exp_before);
	free(exp_after);

	/*
	 * A failure while writing (here, at the last activity, which the file
	 * changes: one it leaves as it is is not written) rolls back the whole
	 * import.
	 */
	assert_int_equal(sqlite3_exec(db->sql,
		"CREATE TEMP TRIGGER fail_a2 BEFORE UPDATE ON activity WHEN NEW.ref = 'a2'"
		" BEGIN SELECT RAISE(ABORT, 'injected failure'); END", NULL, NULL, NULL), SQLITE_OK);
	t2 = small_with("status = in_progress\n", "status = done\n");
	text = replace(t2, "municipality = Testby kommun", "municipality = Nytt namn");
	free(t2);
	t2 = text;
	text = replace(t2, "title = Andra aktiviteten", "title = Andra aktiviteten, ny");
	free(t2);
	assert_int_equal(import_text(db, text), -1);
	assert_non_null(strstr(err_get(), "injected failure"));
	free(text);
	after = dump(db);
	assert_string_equal(after, before);
	free(after);
	assert_int_equal(sqlite3_exec(db->sql, "DROP TRIGGER temp.fail_a2", NULL, NULL, NULL), SQLITE_OK);
	free(before);
	free(exp_before);
	db_close(db);
}

/* Importing the same file again changes nothing: no log rows, no new versions. */
static void
reimport_writes_no_log(void **state)
{
	struct db *db = fresh_db();
	char *before, *after;

	(void)state;
	assert_int_equal(import_text(db, small), 0);
	before = dump(db);
	assert_int_equal(import_text(db, small), 0);
	after = dump(db);
	assert_string_equal(after, before);
	free(after);
	/* Its own export imports as no change either. */
	{
		char *exp = export_text(db);

		assert_int_equal(import_text(db, exp), 0);
		free(exp);
	}
	after = dump(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
	db_close(db);
}

static void
changes_are_logged(void **state)
{
	struct db *db = fresh_db();
	struct plan p;
	sqlite3_stmt *st;
	int64_t version;
	char *text;
	int n = 0;

	(void)state;
	assert_int_equal(import_text(db, small), 0);
	assert_int_equal(model_load_plan(db, "testby", &p), 0);
	version = find_activity(&p, "a1")->version;
	model_free_plan(&p);

	user_name_set("Anna Andersson");
	text = small_with("status = in_progress\nprogress = 40\n", "status = done\nprogress = 100\n");
	assert_int_equal(import_text(db, text), 0);
	free(text);
	user_name_set(NULL);

	assert_int_equal(sqlite3_prepare_v2(db->sql,
		"SELECT who, item, field, old, new, comment FROM change_log"
		" WHERE kind = 'activity' AND field <> 'created' ORDER BY id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		assert_string_equal(db_text(st, 0), "Anna Andersson");
		assert_string_equal(db_text(st, 1), "Första aktiviteten");
		assert_non_null(strstr(db_text(st, 5), "t.ini"));    /* the comment names the file */
		if (n == 1) {
			assert_string_equal(db_text(st, 2), "status");
			assert_string_equal(db_text(st, 3), "in_progress");
			assert_string_equal(db_text(st, 4), "done");
		} else {
			assert_string_equal(db_text(st, 2), "progress");
			assert_string_equal(db_text(st, 3), "40");
			assert_string_equal(db_text(st, 4), "100");
		}
	}
	sqlite3_finalize(st);
	assert_int_equal(n, 2);
	assert_int_equal(model_load_plan(db, "testby", &p), 0);
	assert_int_equal(find_activity(&p, "a1")->version, version + 1);
	assert_string_equal(find_activity(&p, "a1")->changed_by, "Anna Andersson");
	assert_int_equal(find_activity(&p, "a1")->status, ST_DONE);
	assert_string_equal(find_activity(&p, "a2")->changed_by, "tester");
	model_free_plan(&p);

	/* A value: "" -> 7 and 0 -> "" are changes, logged; nothing else is. */
	n = count(db, "SELECT count(*) FROM change_log WHERE kind = 'measurement'");
	text = small_with("value.2020 = \"\"\nvalue.2021 = 0\n", "value.2020 = 7\nvalue.2021 = \"\"\n");
	assert_int_equal(import_text(db, text), 0);
	free(text);
	assert_int_equal(count(db, "SELECT count(*) FROM change_log WHERE kind = 'measurement'") - n, 2);
	assert_int_equal(count(db, "SELECT count(*) FROM change_log WHERE kind = 'measurement'"
	                           " AND item LIKE '%2020 T' AND new = '7' AND coalesce(old, '') <> '0'"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM change_log WHERE kind = 'measurement'"
	                           " AND item LIKE '%2021 T' AND old = '0' AND coalesce(new, '') <> '0'"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM measurement WHERE period = '2020' AND sex = 'T'"
	                           " AND value = 7"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM measurement WHERE period = '2021' AND sex = 'T'"
	                           " AND value IS NULL"), 1);

	/* Nothing is deleted: a file without an item leaves it. */
	text = xasprintf("%.*s", (int)(strstr(small, "[activity.a2]") - small), small);
	assert_int_equal(import_text(db, text), 0);
	free(text);
	assert_int_equal(count(db, "SELECT count(*) FROM activity WHERE ref = 'a2'"), 1);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(import_and_load),
		cmocka_unit_test(import_is_all_or_nothing),
		cmocka_unit_test(reimport_writes_no_log),
		cmocka_unit_test(changes_are_logged),
	};
	int rc;

	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	setenv("LANGUAGE", "", 1);
	/* A fixed clock, as the CLI tests have: every write in one test has the same time. */
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	if (!mkdtemp(dir))
		return 1;
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	snprintf(inipath, sizeof inipath, "%s/t.ini", dir);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc = 1;
		free(cmd);
	}
	return rc;
}
