/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_activity.c: changing activities: one change-log batch per action, conflicts (no lost update), undo. */
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
#include "numbering.h"
#include "unit.h"
#include "util.h"

/* Another strategy, loaded after the first: its activities are its own 1 and 2. */
static const char other[] =
	"[strategy]\n"
	"id = annan\n"
	"municipality = Annan kommun\n"
	"title = Annan strategi\n"
	"\n"
	"[activity.a1]\n"
	"title = Annans första\n"
	"\n"
	"[activity.a2]\n"
	"title = Annans andra\n";

/* Two activities: #1 in progress with dates, #2 not started. */
static const char small[] =
	"[strategy]\n"
	"id = testby\n"
	"municipality = Testby kommun\n"
	"title = Integrationsstrategi för Testby\n"
	"\n"
	"[focus.arbete]\n"
	"name = Arbete\n"
	"\n"
	"[activity.a1]\n"
	"title = Första aktiviteten\n"
	"focus = arbete\n"
	"responsible = Kommunstyrelsen\n"
	"start = 2024-01-01\n"
	"due = 2024-12-31\n"
	"status = in_progress\n"
	"progress = 40\n"
	"comment = På gång\n"
	"\n"
	"[activity.a2]\n"
	"title = Andra aktiviteten\n";

/* A fresh database with the small strategy, imported by "importer" (whose rows undo never takes). */
static struct db *
fresh_db(void)
{
	struct db *db;

	user_name_set("importer");
	db = unit_db(small);
	user_name_set("tester");
	return db;
}

/* The change log after the import's rows, one line per row: batch relative to the first row
 * shown, "undoes" likewise, who, item, field, old -> new, comment. */
static char *
log_after_import(struct db *db)
{
	sqlite3_stmt *st;
	struct buf b;
	int64_t first = -1;

	assert_int_equal(sqlite3_prepare_v2(db->sql,
		"SELECT batch, undoes, who, item_id, field, old, new, comment FROM change_log"
		" WHERE who <> 'importer' ORDER BY id", -1, &st, NULL), SQLITE_OK);
	buf_init(&b);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t batch = sqlite3_column_int64(st, 0);

		if (first < 0)
			first = batch;
		buf_printf(&b, "b%lld", (long long)(batch - first + 1));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			buf_printf(&b, " undoes b%lld", (long long)(sqlite3_column_int64(st, 1) - first + 1));
		buf_printf(&b, " %s #%lld %s: %s -> %s (%s)\n", db_text(st, 2), (long long)sqlite3_column_int64(st, 3),
		           db_text(st, 4),
		           sqlite3_column_type(st, 5) == SQLITE_NULL ? "NULL" : db_text(st, 5),
		           sqlite3_column_type(st, 6) == SQLITE_NULL ? "NULL" : db_text(st, 6),
		           sqlite3_column_type(st, 7) == SQLITE_NULL ? "NULL" : db_text(st, 7));
	}
	sqlite3_finalize(st);
	return buf_steal(&b);
}

static void
assert_log(struct db *db, const char *want)
{
	char *got = log_after_import(db);

	assert_string_equal(got, want);
	free(got);
}

/* The activity's fields that these tests change, as one line. */
static char *
summary(struct db *db, int64_t id)
{
	struct activity a;
	char *s;

	memset(&a, 0, sizeof a);
	if (activity_get(db, id, &a, NULL) != 1)
		return xstrdup("(none)");
	s = xasprintf("%s | %s | %d | %s | %s | %s", a.title, status_id(a.status), a.progress,
	              a.comment ? a.comment : "-", a.start ? a.start : "-", a.due ? a.due : "-");
	model_free_activity(&a);
	return s;
}

static void
assert_activity(struct db *db, int64_t id, const char *want)
{
	char *got = summary(db, id);

	assert_string_equal(got, want);
	free(got);
}

static int64_t
version_of(struct db *db, int64_t id)
{
	struct activity a;
	int64_t v;

	memset(&a, 0, sizeof a);
	assert_int_equal(activity_get(db, id, &a, NULL), 1);
	v = a.version;
	model_free_activity(&a);
	return v;
}

static enum act_result
set2(struct db *db, int64_t id, int64_t version, enum act_field f1, const char *v1,
     enum act_field f2, const char *v2, const char *comment)
{
	struct act_change c = { 0 };
	enum act_result rc;

	assert_int_equal(act_change_set(&c, f1, v1, NULL), 0);
	if (v2)
		assert_int_equal(act_change_set(&c, f2, v2, NULL), 0);
	rc = activity_apply(db, id, &c, version, comment, NULL);
	act_change_free(&c);
	return rc;
}

/* One action is one batch: every field it changes is a row of the same batch; a field given its
 * own value is no row; done without a progress means 100 %. */
static void
a_change_is_one_batch(void **state)
{
	struct db *db = fresh_db();
	int64_t v = version_of(db, 1);

	(void)state;
	assert_activity(db, 1, "Första aktiviteten | in_progress | 40 | På gång | 2024-01-01 | 2024-12-31");
	assert_int_equal(set2(db, 1, v, AF_STATUS, "done", AF_RESPONSIBLE, "Kommunstyrelsen", "Klart"), ACTIVITY_OK);
	assert_int_equal(version_of(db, 1), v + 1);
	assert_activity(db, 1, "Första aktiviteten | done | 100 | På gång | 2024-01-01 | 2024-12-31");
	assert_int_equal(set2(db, 2, 0, AF_DUE, "2025-06-30", AF_TITLE, "Andra, omdöpt", NULL), ACTIVITY_OK);
	assert_log(db,
		"b1 tester #1 status: in_progress -> done (Klart)\n"
		"b1 tester #1 progress: 40 -> 100 (Klart)\n"
		"b2 tester #2 title: Andra aktiviteten -> Andra, omdöpt (NULL)\n"
		"b2 tester #2 due: NULL -> 2025-06-30 (NULL)\n");
	/* Nothing to change: no row, no new version. */
	v = version_of(db, 2);
	assert_int_equal(set2(db, 2, v, AF_DUE, "2025-06-30", AF_COUNT, NULL, NULL), ACTIVITY_OK);
	assert_int_equal(version_of(db, 2), v);
	/* A due date before the start: invalid, nothing saved. */
	assert_int_equal(set2(db, 1, 0, AF_DUE, "2023-12-31", AF_COUNT, NULL, NULL), ACTIVITY_INVALID);
	assert_activity(db, 1, "Första aktiviteten | done | 100 | På gång | 2024-01-01 | 2024-12-31");
	db_close(db);
}

/* Two people read #1; the second to save gets a conflict, nothing of theirs is saved, and they
 * are shown what the other person saved. */
static void
a_stale_version_is_a_conflict(void **state)
{
	struct db *db = fresh_db();
	int64_t v = version_of(db, 1);
	struct act_change c = { 0 };
	struct activity now;
	char *before;

	(void)state;
	user_name_set("anna");
	assert_int_equal(set2(db, 1, v, AF_PROGRESS, "60", AF_COUNT, NULL, "Anna först"), ACTIVITY_OK);
	user_name_set("tester");
	before = log_after_import(db);
	assert_int_equal(act_change_set(&c, AF_PROGRESS, "45", NULL), 0);
	memset(&now, 0, sizeof now);
	assert_int_equal(activity_apply(db, 1, &c, v, "Mitt", &now), ACTIVITY_CONFLICT);
	act_change_free(&c);
	assert_int_equal(now.progress, 60);
	assert_int_equal(now.version, v + 1);
	model_free_activity(&now);
	assert_activity(db, 1, "Första aktiviteten | in_progress | 60 | På gång | 2024-01-01 | 2024-12-31");
	assert_log(db, before);
	free(before);
	/* With the version just read, it is saved. */
	assert_int_equal(set2(db, 1, v + 1, AF_PROGRESS, "45", AF_COUNT, NULL, "Mitt"), ACTIVITY_OK);
	/* Deleting with a stale version is a conflict too. */
	assert_int_equal(activity_delete(db, 1, v, NULL), ACTIVITY_CONFLICT);
	assert_activity(db, 1, "Första aktiviteten | in_progress | 45 | På gång | 2024-01-01 | 2024-12-31");
	db_close(db);
}

/* Undo takes back the user's last batch as a whole, as a new batch that names the one it undoes;
 * the one before next; then there is nothing left (the import's rows are not the user's). */
static void
undo_takes_back_the_last_batch(void **state)
{
	struct db *db = fresh_db();
	char *what = NULL;

	(void)state;
	assert_int_equal(set2(db, 1, 0, AF_STATUS, "delayed", AF_COMMENT, "Väntar", "först"), ACTIVITY_OK);
	assert_int_equal(set2(db, 1, 0, AF_PROGRESS, "55", AF_DUE, "2025-03-31", "sedan"), ACTIVITY_OK);
	assert_activity(db, 1, "Första aktiviteten | delayed | 55 | Väntar | 2024-01-01 | 2025-03-31");
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_OK);
	assert_string_equal(what, "undid your change of #1 Due, Progress");
	free(what);
	assert_activity(db, 1, "Första aktiviteten | delayed | 40 | Väntar | 2024-01-01 | 2024-12-31");
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_OK);
	assert_string_equal(what, "undid your change of #1 Status, Comment");
	free(what);
	assert_activity(db, 1, "Första aktiviteten | in_progress | 40 | På gång | 2024-01-01 | 2024-12-31");
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_ERROR);
	assert_null(what);
	assert_string_equal(err_get(), "undo: you have made no change to undo in this strategy");
	assert_log(db,
		"b1 tester #1 status: in_progress -> delayed (först)\n"
		"b1 tester #1 comment: På gång -> Väntar (först)\n"
		"b2 tester #1 due: 2024-12-31 -> 2025-03-31 (sedan)\n"
		"b2 tester #1 progress: 40 -> 55 (sedan)\n"
		"b3 undoes b2 tester #1 due: 2025-03-31 -> 2024-12-31 (undo of tester's change)\n"
		"b3 undoes b2 tester #1 progress: 55 -> 40 (undo of tester's change)\n"
		"b4 undoes b1 tester #1 status: delayed -> in_progress (undo of tester's change)\n"
		"b4 undoes b1 tester #1 comment: Väntar -> På gång (undo of tester's change)\n");
	db_close(db);
}

/* The assessment and kind of an activity as one line. */
static void
assert_assessment(struct db *db, int64_t id, const char *want)
{
	struct activity a;
	char *got;

	memset(&a, 0, sizeof a);
	assert_int_equal(activity_get(db, id, &a, NULL), 1);
	got = xasprintf("%s | %s | %s", act_kind_id(a.kind), assessment_id(a.assessment), a.assessed ? a.assessed : "-");
	model_free_activity(&a);
	assert_string_equal(got, want);
	free(got);
}

/*
 * An activity made a commitment loses its status, progress and dates in
 * the same batch, and undo gives them back; an assessment is dated today,
 * and its undo takes the date back with it.
 */
static void
undo_of_commitments(void **state)
{
	struct db *db = fresh_db();

	(void)state;
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	assert_int_equal(set2(db, 1, 0, AF_KIND, "commitment", AF_ASSESSMENT, "partly", "åtagande"), ACTIVITY_OK);
	assert_activity(db, 1, "Första aktiviteten | not_started | 0 | På gång | - | -");
	assert_assessment(db, 1, "commitment | partly | 2026-11-22");
	assert_int_equal(set2(db, 1, 0, AF_STATUS, "done", AF_COUNT, NULL, NULL), ACTIVITY_INVALID);
	assert_int_equal(set2(db, 1, 0, AF_ASSESSMENT, "fulfilled", AF_ASSESSED, "2026-11-01", NULL), ACTIVITY_OK);
	assert_assessment(db, 1, "commitment | fulfilled | 2026-11-01");
	assert_int_equal(activity_undo(db, "testby", NULL), ACTIVITY_OK);
	assert_assessment(db, 1, "commitment | partly | 2026-11-22");
	assert_int_equal(activity_undo(db, "testby", NULL), ACTIVITY_OK);
	assert_activity(db, 1, "Första aktiviteten | in_progress | 40 | På gång | 2024-01-01 | 2024-12-31");
	assert_assessment(db, 1, "activity | not_assessed | -");
	assert_int_equal(set2(db, 2, 0, AF_ASSESSMENT, "partly", AF_COUNT, NULL, NULL), ACTIVITY_INVALID);
	assert_string_equal(err_get(), "assessment = partly: only a commitment is assessed; this is a time-bound "
	                    "activity, followed up by status and progress (to make it a commitment, give kind=commitment too)");
	db_close(db);
}

/* Undo only takes the user's own batches, and refuses (changing nothing) when someone else has
 * changed the field since. */
static void
undo_conflicts_with_a_later_change(void **state)
{
	struct db *db = fresh_db();
	char *what = NULL;
	char *before;

	(void)state;
	assert_int_equal(set2(db, 2, 0, AF_STATUS, "in_progress", AF_COUNT, NULL, NULL), ACTIVITY_OK);
	user_name_set("anna");
	assert_int_equal(set2(db, 2, 0, AF_STATUS, "delayed", AF_COUNT, NULL, NULL), ACTIVITY_OK);
	user_name_set("tester");
	before = log_after_import(db);
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_CONFLICT);
	assert_null(what);
	assert_string_equal(err_get(), "undo: #2 status was changed by someone else since; change it back by hand");
	assert_activity(db, 2, "Andra aktiviteten | delayed | 0 | - | - | -");
	assert_log(db, before);
	free(before);
	/* Anna's own undo is hers to make. */
	user_name_set("anna");
	assert_int_equal(activity_undo(db, "testby", NULL), ACTIVITY_OK);
	user_name_set("tester");
	assert_activity(db, 2, "Andra aktiviteten | in_progress | 0 | - | - | -");
	db_close(db);
}

/* Undo of an add removes the activity; undo of a delete brings it back with its number and fields. */
static void
undo_of_add_and_delete(void **state)
{
	struct db *db = fresh_db();
	struct act_change c = { 0 };
	int64_t id = 0;
	char *what = NULL;

	(void)state;
	assert_int_equal(act_change_set(&c, AF_TITLE, "Tredje", NULL), 0);
	assert_int_equal(act_change_set(&c, AF_PROGRESS, "10", NULL), 0);
	assert_int_equal(activity_add(db, "testby", &c, "ny", &id), ACTIVITY_OK);
	act_change_free(&c);
	assert_int_equal(id, 3);
	assert_activity(db, 3, "Tredje | not_started | 10 | - | - | -");
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_OK);
	assert_string_equal(what, "removed the activity #3 you added");
	free(what);
	assert_activity(db, 3, "(none)");

	assert_int_equal(activity_delete(db, 1, version_of(db, 1), "bort"), ACTIVITY_OK);
	assert_activity(db, 1, "(none)");
	assert_int_equal(activity_undo(db, "testby", &what), ACTIVITY_OK);
	assert_string_equal(what, "brought back the activity #1 you deleted");
	free(what);
	assert_activity(db, 1, "Första aktiviteten | in_progress | 40 | På gång | 2024-01-01 | 2024-12-31");
	/* The rows of a batch in the order of the fields; a delete keeps every field. */
	assert_log(db,
		"b1 tester #3 created: NULL -> Tredje (ny)\n"
		"b1 tester #3 progress: 0 -> 10 (ny)\n"
		"b2 undoes b1 tester #3 deleted: a3 -> NULL (undo of tester's change)\n"
		"b2 undoes b1 tester #3 number: 3 -> NULL (undo of tester's change)\n"
		"b2 undoes b1 tester #3 title: Tredje -> NULL (undo of tester's change)\n"
		"b2 undoes b1 tester #3 status: not_started -> NULL (undo of tester's change)\n"
		"b2 undoes b1 tester #3 progress: 10 -> NULL (undo of tester's change)\n"
		"b3 tester #1 deleted: a1 -> NULL (bort)\n"
		"b3 tester #1 number: 1 -> NULL (bort)\n"
		"b3 tester #1 title: Första aktiviteten -> NULL (bort)\n"
		"b3 tester #1 focus: arbete -> NULL (bort)\n"
		"b3 tester #1 responsible: Kommunstyrelsen -> NULL (bort)\n"
		"b3 tester #1 start: 2024-01-01 -> NULL (bort)\n"
		"b3 tester #1 due: 2024-12-31 -> NULL (bort)\n"
		"b3 tester #1 status: in_progress -> NULL (bort)\n"
		"b3 tester #1 progress: 40 -> NULL (bort)\n"
		"b3 tester #1 comment: På gång -> NULL (bort)\n"
		"b4 undoes b3 tester #1 created: NULL -> Första aktiviteten (undo of tester's change)\n"
		"b4 undoes b3 tester #1 focus: NULL -> arbete (undo of tester's change)\n"
		"b4 undoes b3 tester #1 responsible: NULL -> Kommunstyrelsen (undo of tester's change)\n"
		"b4 undoes b3 tester #1 start: NULL -> 2024-01-01 (undo of tester's change)\n"
		"b4 undoes b3 tester #1 due: NULL -> 2024-12-31 (undo of tester's change)\n"
		"b4 undoes b3 tester #1 status: not_started -> in_progress (undo of tester's change)\n"
		"b4 undoes b3 tester #1 progress: 0 -> 40 (undo of tester's change)\n"
		"b4 undoes b3 tester #1 comment: NULL -> På gång (undo of tester's change)\n");
	db_close(db);
}

/* A column of an activity (by its internal id) as text, "(none)" if there is no such row. */
static char *
column_of(struct db *db, const char *column, int64_t id)
{
	char *sql = xasprintf("SELECT %s FROM activity WHERE id = %lld", column, (long long)id);
	sqlite3_stmt *st = db_prepare(db, sql);
	char *v = NULL;

	free(sql);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = db_strdup(st, 0);
	sqlite3_finalize(st);
	return v ? v : xstrdup("(none)");
}

#define assert_column(db, column, id, want) do { \
	char *v_ = column_of(db, column, id); \
	assert_string_equal(v_, want); \
	free(v_); \
} while (0)

/*
 * Numbers per strategy: a new activity gets its strategy's next number
 * (and the key a<number>), a deleted one keeps its number in the log, and
 * undo gives it back, or the next one if it was taken meanwhile.
 */
static void
numbers_per_strategy(void **state)
{
	struct db *db = fresh_db();
	struct act_change c = { 0 };
	int64_t id = 0, found = 0;
	char *owner = NULL, *what = NULL;

	(void)state;
	user_name_set("importer");
	unit_import(db, other);
	user_name_set("tester");
	/* annan's activities have the internal ids 3 and 4, and the numbers 1 and 2. */
	assert_int_equal(activity_find(db, "annan:2", NULL, 0, &found, &owner), 0);
	assert_int_equal(found, 4);
	assert_string_equal(owner, "annan");
	free(owner);
	assert_int_equal(activity_find(db, "2", "annan", 0, &found, NULL), 0);
	assert_int_equal(found, 4);
	assert_int_equal(activity_find(db, "2", NULL, 0, &found, NULL), -2);
	assert_int_equal(activity_find(db, "annan:3", NULL, 0, &found, NULL), -1);
	assert_int_equal(activity_find(db, "testby:1", "annan", 0, &found, NULL), -2);

	assert_int_equal(act_change_set(&c, AF_TITLE, "Annans tredje", NULL), 0);
	assert_int_equal(activity_add(db, "annan", &c, NULL, &id), ACTIVITY_OK);
	act_change_free(&c);
	assert_int_equal(id, 5);
	assert_column(db, "number || ' ' || ref", id, "3 a3");

	/* Delete annan's 2; its number is in the log, so the log can still find it. */
	assert_int_equal(activity_delete(db, 4, version_of(db, 4), NULL), ACTIVITY_OK);
	assert_int_equal(activity_find(db, "annan:2", NULL, 0, &found, NULL), -1);
	assert_int_equal(activity_find(db, "annan:2", NULL, 1, &found, NULL), 0);
	assert_int_equal(found, 4);
	assert_int_equal(activity_undo(db, "annan", &what), ACTIVITY_OK);
	assert_string_equal(what, "brought back the activity #2 you deleted");
	free(what);
	assert_column(db, "number", 4, "2");

	/* Deleted, then its number taken by someone's new one (3 is gone too): it comes back as the next. */
	assert_int_equal(activity_delete(db, 5, version_of(db, 5), NULL), ACTIVITY_OK);
	assert_int_equal(activity_delete(db, 4, version_of(db, 4), NULL), ACTIVITY_OK);
	assert_int_equal(act_change_set(&c, AF_TITLE, "Ny", NULL), 0);
	user_name_set("someone");
	assert_int_equal(activity_add(db, "annan", &c, NULL, &id), ACTIVITY_OK);
	user_name_set("tester");
	act_change_free(&c);
	assert_column(db, "number || ' ' || ref", id, "2 a2");
	assert_int_equal(id, 6);        /* not 4 again: the log has 4's history */
	assert_int_equal(activity_undo(db, "annan", &what), ACTIVITY_OK);
	assert_string_equal(what, "brought back the activity #3 you deleted");
	free(what);
	/* ... and its key too (a2 is the new one's now): a<number>. */
	assert_column(db, "title || ' ' || number || ' ' || ref", 4, "Annans andra 3 a3");
	/* testby's numbers never moved. */
	assert_column(db, "number", 1, "1");
	assert_column(db, "number", 2, "2");
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_change_is_one_batch),
		cmocka_unit_test(a_stale_version_is_a_conflict),
		cmocka_unit_test(undo_takes_back_the_last_batch),
		cmocka_unit_test(undo_conflicts_with_a_later_change),
		cmocka_unit_test(undo_of_add_and_delete),
		cmocka_unit_test(numbers_per_strategy),
		cmocka_unit_test(undo_of_commitments),
	};
	int rc;

	unit_begin("activity");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	user_name_set(NULL);
	return unit_end(rc);
}
