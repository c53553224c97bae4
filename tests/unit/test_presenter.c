/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_presenter.c: the presenter's row: taking it, moving, a second presenter, busy, quitting, stale, read-only followers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db.h"
#include "presenter.h"
#include "unit.h"
#include "util.h"

#define T0 1800000000   /* a fixed "now" */

static struct db *
fresh(void)
{
	return unit_db("[strategy]\nid = testby\nmunicipality = Testby kommun\ntitle = Strategi\n\n"
	               "[activity.a1]\ntitle = Första\n");
}

static struct db *
again(enum db_mode mode)
{
	char *path = unit_path("t.db");
	struct db *db = db_open(path, mode);

	free(path);
	assert_non_null(db);
	return db;
}

static const struct presenter_place overview = { (char *)"testby", 0, 0, 0, 0, 0, 0 };

/* A file without the table, or without a row: nobody presents yet. */
static void
nobody_yet(void **state)
{
	struct db *db = fresh();
	struct presenter p;

	(void)state;
	assert_int_equal(presenter_read(db, &p), 1);
	assert_int_equal(presenter_status(1, &p, T0), PRESENTER_NONE);
	assert_int_equal(db_exec(db, "CREATE TABLE presenter (id INTEGER PRIMARY KEY, who TEXT, session TEXT, "
	                             "present INTEGER, updated INTEGER, strategy_id TEXT, pane INTEGER, late INTEGER, "
	                             "since INTEGER, item_kind INTEGER, item_key INTEGER, row INTEGER)"), 0);
	assert_int_equal(presenter_read(db, &p), 1);
	db_close(db);
}

/* --present takes the row; a move writes where it is; a follower that may only read sees it. */
static void
present_and_follow(void **state)
{
	struct db *db = fresh(), *member;
	struct presenter_place at = { (char *)"testby", 4, 1, 0, 5, 1, 0 };
	struct presenter p;
	char *other;

	(void)state;
	assert_int_equal(presenter_start(db, "Anna Andersson", "s1", &overview, T0, &other), 0);
	assert_null(other);
	member = again(DB_READ_ONLY);
	assert_int_equal(presenter_read(member, &p), 0);
	assert_string_equal(p.who, "Anna Andersson");
	assert_int_equal(p.place.pane, 0);
	assert_int_equal(presenter_status(0, &p, T0 + 5), PRESENTER_ON);
	presenter_free(&p);

	assert_int_equal(presenter_move(db, "Anna Andersson", "s1", &at, T0 + 3), 0);
	assert_int_equal(presenter_read(member, &p), 0);
	assert_string_equal(p.who, "Anna Andersson");
	assert_false(presenter_place_differs(&p.place, &at));
	assert_int_equal(p.place.item_key, 1);
	assert_int_equal(p.place.late, 1);
	assert_int_equal(p.updated, T0 + 3);
	presenter_free(&p);
	db_close(member);
	db_close(db);
}

/* The table does not upset the file's checks: a new connection's first write passes quick_check and the schema check. */
static void
the_file_checks_accept_the_table(void **state)
{
	struct db *db = fresh(), *other;
	char *who;
	int ok;

	(void)state;
	assert_int_equal(presenter_start(db, "Anna", "s1", &overview, T0, &who), 0);
	db_close(db);
	other = again(DB_READ_WRITE);
	assert_int_equal(db_write_begin(other, 0), 0);
	db_rollback(other);
	assert_int_equal(db_pragma_int(other, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'", &ok), 0);
	assert_int_equal(ok, 1);
	db_close(other);
}

/* A second --present is refused while the first presents; a stale row is taken over, and the first learns it. */
static void
one_presenter_at_a_time(void **state)
{
	struct db *db = fresh(), *second;
	char *other;

	(void)state;
	assert_int_equal(presenter_start(db, "Anna", "s1", &overview, T0, &other), 0);
	second = again(DB_READ_WRITE);
	assert_int_equal(presenter_start(second, "Bo", "s2", &overview, T0 + 10, &other), 1);
	assert_string_equal(other, "Anna");
	free(other);
	/* Anna's dashboard was killed: no heartbeat for longer than PRESENTER_STALE. */
	assert_int_equal(presenter_start(second, "Bo", "s2", &overview, T0 + PRESENTER_STALE + 1, &other), 0);
	assert_int_equal(presenter_move(db, "Anna", "s1", &overview, T0 + PRESENTER_STALE + 2), 2);
	db_close(second);
	db_close(db);
}

/* A move while a coordinator writes is skipped at once, not waited for. */
static void
busy_is_skipped(void **state)
{
	struct db *db = fresh(), *coordinator;
	char *other;

	(void)state;
	assert_int_equal(presenter_start(db, "Anna", "s1", &overview, T0, &other), 0);
	coordinator = again(DB_READ_WRITE);
	assert_int_equal(db_begin(coordinator), 0);
	assert_int_equal(presenter_move(db, "Anna", "s1", &overview, T0 + 1), 1);
	db_rollback(coordinator);
	assert_int_equal(presenter_move(db, "Anna", "s1", &overview, T0 + 2), 0);
	db_close(coordinator);
	db_close(db);
}

/* Quitting, or stopping without a word (no heartbeat), is "the presenter has left". */
static void
the_presenter_leaves(void **state)
{
	struct db *db = fresh();
	struct presenter p;
	char *other;

	(void)state;
	assert_int_equal(presenter_start(db, "Anna", "s1", &overview, T0, &other), 0);
	assert_int_equal(presenter_read(db, &p), 0);
	assert_int_equal(presenter_status(0, &p, T0 + PRESENTER_STALE), PRESENTER_ON);
	assert_int_equal(presenter_status(0, &p, T0 + PRESENTER_STALE + 1), PRESENTER_LEFT);
	presenter_free(&p);
	assert_int_equal(presenter_leave(db, "s1", T0 + 1), 0);
	assert_int_equal(presenter_read(db, &p), 0);
	assert_string_equal(p.who, "Anna");
	assert_int_equal(presenter_status(0, &p, T0 + 2), PRESENTER_LEFT);
	presenter_free(&p);
	db_close(db);
}

/* A file open read-only cannot present, and says why and what to do. */
static void
read_only_cannot_present(void **state)
{
	struct db *db = fresh(), *ro;
	char *other;

	(void)state;
	db_close(db);
	ro = again(DB_READ_ONLY);
	assert_int_equal(presenter_start(ro, "Anna", "s1", &overview, T0, &other), -1);
	assert_non_null(strstr(err_get(), "--present"));
	assert_non_null(strstr(err_get(), "--follow"));
	db_close(ro);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nobody_yet),
		cmocka_unit_test(present_and_follow),
		cmocka_unit_test(the_file_checks_accept_the_table),
		cmocka_unit_test(one_presenter_at_a_time),
		cmocka_unit_test(busy_is_skipped),
		cmocka_unit_test(the_presenter_leaves),
		cmocka_unit_test(read_only_cannot_present),
	};

	unit_begin("presenter");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
