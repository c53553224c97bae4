/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_structure.c: changing focus areas, goals, indicators, groups and follow-ups: the change log, versions, delete with each choice, undo. */
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
#include "model.h"
#include "strategy_ini.h"
#include "structure.h"
#include "unit.h"
#include "util.h"

/* Two focus areas, a goal with a sub-goal, indicators (one with values), an activity, a group, a follow-up. */
static const char small[] =
	"[strategy]\n"
	"id = testby\n"
	"municipality = Testby kommun\n"
	"title = Integrationsstrategi för Testby\n"
	"\n"
	"[group.styrgrupp]\n"
	"role = steering_group\n"
	"name = Styrgruppen\n"
	"\n"
	"[followup.arsred]\n"
	"what = Årsredovisningen\n"
	"cadence = yearly\n"
	"\n"
	"[focus.arbete]\n"
	"name = Arbete\n"
	"responsible = Kommunstyrelsen | AME\n"
	"\n"
	"[focus.bo]\n"
	"name = Boende\n"
	"\n"
	"[goal.g1]\n"
	"title = Fler i arbete\n"
	"focus = arbete\n"
	"\n"
	"[goal.g2]\n"
	"title = Fler unga i arbete\n"
	"parent = g1\n"
	"\n"
	"[goal.g3]\n"
	"title = Bättre boende\n"
	"\n"
	"[indicator.i1]\n"
	"goal = g1\n"
	"name = Sysselsättning\n"
	"unit = %\n"
	"baseline = 50\n"
	"baseline_period = 2020\n"
	"value.2020 = 50\n"
	"value.2021 = 52.5\n"
	"\n"
	"[indicator.i2]\n"
	"goal = g2\n"
	"name = Unga i arbete\n"
	"\n"
	"[activity.a1]\n"
	"title = Första aktiviteten\n"
	"focus = arbete\n"
	"goal = g1\n";

static struct db *
fresh_db(void)
{
	struct db *db;

	user_name_set("importer");
	db = unit_db(small);
	user_name_set("tester");
	return db;
}

/* The strategy as export writes it (a new string). */
static char *
exported(struct db *db)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	assert_int_equal(strategy_export(db, "testby", f), 0);
	fclose(f);
	return s;
}

/* The tester's change-log rows, "kind key-or-item field: old -> new" a line. */
static char *
log_rows(struct db *db)
{
	sqlite3_stmt *st;
	struct buf b;

	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT kind, item, field, old, new FROM change_log"
	                                    " WHERE who = 'tester' ORDER BY id", -1, &st, NULL), SQLITE_OK);
	buf_init(&b);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&b, "%s %s %s: %s -> %s\n", db_text(st, 0), db_text(st, 1), db_text(st, 2),
		           sqlite3_column_type(st, 3) == SQLITE_NULL ? "NULL" : db_text(st, 3),
		           sqlite3_column_type(st, 4) == SQLITE_NULL ? "NULL" : db_text(st, 4));
	sqlite3_finalize(st);
	return b.s ? buf_steal(&b) : xstrdup("");
}

static void
change(struct item_change *c, enum kind k, const char *key, const char *value)
{
	assert_int_equal(item_change_set(c, structure_field(k, key), value, NULL, 0), 0);
}

static void
a_change_logs_each_field_and_bumps_the_version(void **state)
{
	struct db *db = fresh_db();
	struct item_change c;
	int64_t v = 0;
	char *log;

	(void)state;
	item_change_init(&c, KIND_FOCUS);
	change(&c, KIND_FOCUS, "name", "Arbete och försörjning");
	change(&c, KIND_FOCUS, "responsible", "Kommunstyrelsen | Socialnämnden");
	assert_int_equal(structure_apply(db, "testby", "arbete", &c, 1, NULL), ACTIVITY_OK);
	item_change_free(&c);
	assert_int_equal(structure_version(db, "testby", KIND_FOCUS, "arbete", &v), 1);
	assert_int_equal(v, 2);
	log = log_rows(db);
	assert_string_equal(log,
		"focus Arbete och försörjning name: Arbete -> Arbete och försörjning\n"
		"focus Arbete och försörjning responsible: Kommunstyrelsen | AME -> Kommunstyrelsen | Socialnämnden\n");
	free(log);
	/* The same version again is stale now: nothing is saved. */
	item_change_init(&c, KIND_FOCUS);
	change(&c, KIND_FOCUS, "name", "Arbete igen");
	assert_int_equal(structure_apply(db, "testby", "arbete", &c, 1, NULL), ACTIVITY_CONFLICT);
	item_change_free(&c);
	log = exported(db);
	assert_non_null(strstr(log, "name = Arbete och försörjning\n"));
	free(log);
	db_close(db);
}

static void
values_are_checked_as_import_checks_them(void **state)
{
	struct db *db = fresh_db();
	struct item_change c;
	char *before = exported(db), *after;

	(void)state;
	item_change_init(&c, KIND_INDICATOR);
	assert_int_equal(item_change_set(&c, structure_field(KIND_INDICATOR, "target"), "abc", NULL, 0), -1);
	assert_string_equal(err_get(), "target = abc: expected a number with a dot for decimals, such as 8.5");
	assert_int_equal(item_change_set(&c, structure_field(KIND_INDICATOR, "target_period"), "2025-X1", NULL, 0), -1);
	assert_int_equal(item_change_set(&c, structure_field(KIND_INDICATOR, "name"), "", NULL, 0), -1);
	/* The dashboard's decimal comma. */
	assert_int_equal(item_change_set(&c, structure_field(KIND_INDICATOR, "target"), "60,5", NULL, 1), 0);
	assert_string_equal(c.value[structure_field(KIND_INDICATOR, "target")], "60.5");
	change(&c, KIND_INDICATOR, "goal", "nosuch");
	assert_int_equal(structure_apply(db, "testby", "i1", &c, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "goal = nosuch: the strategy 'testby' has no goal with that id");
	item_change_free(&c);
	item_change_init(&c, KIND_GROUP);
	assert_int_equal(item_change_set(&c, structure_field(KIND_GROUP, "role"), "boss", NULL, 0), -1);
	item_change_free(&c);
	/* A goal under its own sub-goal. */
	item_change_init(&c, KIND_GOAL);
	change(&c, KIND_GOAL, "parent", "g2");
	assert_int_equal(structure_apply(db, "testby", "g1", &c, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "parent = g2: that goal is under this one; choose another");
	item_change_free(&c);
	after = exported(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	db_close(db);
}

static void
add_and_its_undo(void **state)
{
	struct db *db = fresh_db();
	struct item_change c;
	char *before = exported(db), *after, *what;

	(void)state;
	item_change_init(&c, KIND_FOLLOWUP);
	change(&c, KIND_FOLLOWUP, "cadence", "every 3-4 years");
	assert_int_equal(structure_add(db, "testby", "fordjupad", &c, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "a new follow-up needs what=...");
	change(&c, KIND_FOLLOWUP, "what", "Fördjupad uppföljning");
	assert_int_equal(structure_add(db, "testby", "arsred", &c, NULL), ACTIVITY_INVALID);
	assert_int_equal(structure_add(db, "testby", "fordjupad", &c, NULL), ACTIVITY_OK);
	item_change_free(&c);
	after = exported(db);
	assert_non_null(strstr(after, "[followup.fordjupad]\nwhat = Fördjupad uppföljning\ncadence = every 3-4 years\n"));
	free(after);
	assert_int_equal(structure_undo(db, "testby", &what), ACTIVITY_OK);
	free(what);
	after = exported(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	db_close(db);
}

/* Deleting with a choice, then undo: the strategy is as it was, value for value. */
static void
delete_then_undo(const char *kind_key, enum kind k, const char *choice, const char *expect_gone,
                 const char *expect_kept)
{
	struct db *db = fresh_db();
	struct children ch = { CHILDREN_ASK, NULL };
	char *before = exported(db), *after, *what = NULL;

	if (choice)
		assert_int_equal(structure_children_parse(choice, &ch), 0);
	assert_int_equal(structure_delete(db, "testby", k, kind_key, &ch, 0, NULL), ACTIVITY_OK);
	after = exported(db);
	if (expect_gone)
		assert_null(strstr(after, expect_gone));
	if (expect_kept)
		assert_non_null(strstr(after, expect_kept));
	free(after);
	assert_int_equal(structure_undo(db, "testby", &what), ACTIVITY_OK);
	free(what);
	after = exported(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	db_close(db);
}

static void
delete_asks_about_children(void **state)
{
	struct db *db = fresh_db();
	struct children ask = { CHILDREN_ASK, NULL }, ch;
	int allowed[4];
	char *has;

	(void)state;
	assert_int_equal(structure_delete(db, "testby", KIND_GOAL, "g1", &ask, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "it has 1 sub-goal, 1 indicator, 1 activity; say what happens to them: "
	                    "move:ID or delete");
	assert_int_equal(structure_delete(db, "testby", KIND_INDICATOR, "i1", &ask, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "it has 2 values; say what happens to them: delete");
	assert_int_equal(structure_delete(db, "testby", KIND_FOCUS, "arbete", &ask, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "it has 1 goal, 1 activity; say what happens to them: move:ID or unlink");
	structure_children_parse("delete", &ch);
	assert_int_equal(structure_delete(db, "testby", KIND_FOCUS, "arbete", &ch, 0, NULL), ACTIVITY_INVALID);
	structure_children_parse("unlink", &ch);
	assert_int_equal(structure_delete(db, "testby", KIND_GOAL, "g1", &ch, 0, NULL), ACTIVITY_INVALID);
	structure_children_parse("move:g2", &ch);
	assert_int_equal(structure_delete(db, "testby", KIND_GOAL, "g1", &ch, 0, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "move:g2: that goal is under this one; choose another");
	has = structure_children_of(db, "testby", KIND_GOAL, "g2", allowed);
	assert_string_equal(has, "1 indicator");
	assert_int_equal(allowed[CHILDREN_MOVE] + allowed[CHILDREN_UNLINK] * 2 + allowed[CHILDREN_DELETE] * 4, 5);
	free(has);
	/* A stale version: nothing is deleted. */
	structure_children_parse("delete", &ch);
	assert_int_equal(structure_delete(db, "testby", KIND_INDICATOR, "i1", &ch, 7, NULL), ACTIVITY_CONFLICT);
	has = structure_children_of(db, "testby", KIND_INDICATOR, "i1", allowed);
	assert_string_equal(has, "2 values");
	free(has);
	/* Nothing to decide: a group goes at once. */
	assert_int_equal(structure_delete(db, "testby", KIND_GROUP, "styrgrupp", &ask, 0, NULL), ACTIVITY_OK);
	assert_int_equal(structure_children_parse("keep", &ch), -1);
	db_close(db);
}

static void
delete_each_choice_and_undo(void **state)
{
	(void)state;
	delete_then_undo("g1", KIND_GOAL, "delete", "[indicator.i1]", "[activity.a1]");
	delete_then_undo("g1", KIND_GOAL, "move:g3", "[goal.g1]", "[goal.g2]\ntitle = Fler unga i arbete\nparent = g3\n");
	delete_then_undo("arbete", KIND_FOCUS, "unlink", "focus = arbete", "[goal.g1]");
	delete_then_undo("arbete", KIND_FOCUS, "move:bo", "[focus.arbete]", "focus = bo");
	delete_then_undo("i1", KIND_INDICATOR, "delete", "value.2021", "[indicator.i2]");
	delete_then_undo("arsred", KIND_FOLLOWUP, NULL, "[followup.arsred]", "[group.styrgrupp]");
}

/* An activity's change after a structure change is undone first, then the structure's. */
static void
undo_takes_the_latest_batch_of_any_kind(void **state)
{
	struct db *db = fresh_db();
	struct item_change c;
	struct act_change ac = { 0 };
	int64_t id = 0;
	char *before = exported(db), *after, *what = NULL;
	sqlite3_stmt *st;

	(void)state;
	item_change_init(&c, KIND_GOAL);
	change(&c, KIND_GOAL, "title", "Fler i egen försörjning");
	assert_int_equal(structure_apply(db, "testby", "g1", &c, 0, NULL), ACTIVITY_OK);
	item_change_free(&c);
	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT id FROM activity", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(act_change_set(&ac, AF_PROGRESS, "30", NULL), 0);
	assert_int_equal(activity_apply(db, id, &ac, 0, NULL, NULL), ACTIVITY_OK);
	act_change_free(&ac);
	assert_int_equal(structure_undo(db, "testby", &what), ACTIVITY_OK);
	free(what);
	after = exported(db);
	assert_non_null(strstr(after, "title = Fler i egen försörjning"));
	free(after);
	assert_int_equal(structure_undo(db, "testby", &what), ACTIVITY_OK);
	free(what);
	after = exported(db);
	assert_string_equal(before, after);
	free(after);
	/* Undo never overwrites what someone else changed since. */
	item_change_init(&c, KIND_GOAL);
	change(&c, KIND_GOAL, "title", "A");
	assert_int_equal(structure_apply(db, "testby", "g1", &c, 0, NULL), ACTIVITY_OK);
	user_name_set("other");
	item_change_free(&c);
	item_change_init(&c, KIND_GOAL);
	change(&c, KIND_GOAL, "title", "B");
	assert_int_equal(structure_apply(db, "testby", "g1", &c, 0, NULL), ACTIVITY_OK);
	item_change_free(&c);
	user_name_set("tester");
	assert_int_equal(structure_undo(db, "testby", &what), ACTIVITY_CONFLICT);
	free(before);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_change_logs_each_field_and_bumps_the_version),
		cmocka_unit_test(values_are_checked_as_import_checks_them),
		cmocka_unit_test(add_and_its_undo),
		cmocka_unit_test(delete_asks_about_children),
		cmocka_unit_test(delete_each_choice_and_undo),
		cmocka_unit_test(undo_takes_the_latest_batch_of_any_kind),
	};
	int rc;

	unit_begin("structure");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	user_name_set(NULL);
	return unit_end(rc);
}
