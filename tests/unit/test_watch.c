/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_watch.c: another connection's commit wakes the inotify descriptor, whether it touched a strategy, and the changes read again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <cmocka.h>

#include "presenter.h"
#include "review.h"
#include "since.h"
#include "unit.h"
#include "watch.h"

/* testby (activity #1) and annan (activity #2), and a second connection: another process. */
static struct db *
fresh_db(struct db **other)
{
	struct db *db = unit_db("[strategy]\nid = testby\nmunicipality = Testby kommun\ntitle = Strategi\n\n"
	                        "[activity.a1]\ntitle = Första\n");
	char *path = unit_path("t.db");

	unit_import(db, "[strategy]\nid = annan\nmunicipality = Annan kommun\ntitle = Strategi\n\n"
	                "[activity.b1]\ntitle = Annans\n");
	*other = db_open(path, DB_READ_WRITE);
	assert_non_null(*other);
	free(path);
	return db;
}

static int
readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) == 1;
}

static void
a_commit_wakes_the_descriptor(void **state)
{
	struct db *other, *db = fresh_db(&other);
	struct watch *w = watch_open(db->path, 1);

	(void)state;
#ifdef __linux__
	assert_true(watch_fd(w) >= 0);
	assert_false(readable(watch_fd(w)));
	assert_int_equal(watch_read(w), 0);
	unit_set_progress(other, 2, "40");
	assert_true(readable(watch_fd(w)));
	assert_int_equal(watch_read(w), 1);
	/* Read: quiet again until the next commit. */
	assert_false(readable(watch_fd(w)));
#endif
	watch_close(w);
	/* [refresh] watch = poll: no descriptor. */
	w = watch_open(db->path, 0);
	assert_int_equal(watch_fd(w), -1);
	assert_int_equal(watch_read(w), 0);
	watch_close(w);
	db_close(other);
	db_close(db);
}

static void
only_what_touches_the_strategy_reloads(void **state)
{
	struct db *other, *db = fresh_db(&other);
	struct watch *w = watch_open(db->path, 1);
	struct db_stamp seen;

	(void)state;
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_SAME);
	/* Our own commits are not news. */
	unit_set_progress(db, 1, "10");
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_SAME);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	/* Another strategy's change: a check, no reload; then nothing new. */
	unit_set_progress(other, 2, "40");
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_SAME);
	/* Two of them between two checks. */
	unit_set_progress(other, 2, "50");
	unit_set_progress(other, 2, "60");
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	/* Ours: read again (the stamp stays until then). */
	unit_set_progress(other, 1, "20");
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_SAME);
	/* A write that logs nothing (a review; sqlite3) may be anything: read again. */
	assert_int_equal(review_add(other, "annan", "2026-11-22", NULL), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	/* ... also beside a logged change to another strategy between the same two checks. */
	unit_set_progress(other, 2, "70");
	assert_int_equal(db_exec(other, "UPDATE activity SET title = 'Utan logg' WHERE id = 1"), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	watch_close(w);
	db_close(other);
	db_close(db);
}

/*
 * The presenter's moves and heartbeat write only its row: a check, no
 * reload, alone or beside another strategy's change; its start (a new
 * table, a fresh row), an older styrkort's table without the column
 * writes and anything else unlogged beside a move are read again.
 */
static void
the_presenter_is_no_change(void **state)
{
	struct db *other, *db = fresh_db(&other);
	struct watch *w = watch_open(db->path, 1);
	struct presenter_place at = { (char *)"testby", 0, 0, 0, 0, 0, 0 };
	struct db_stamp seen;
	char *who;

	(void)state;
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(presenter_start(other, "Anna", "s1", &at, 100, &who), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	at.pane = 4;
	assert_int_equal(presenter_move(other, "Anna", "s1", &at, 101), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	/* Heartbeats, and a move beside another strategy's change, between two checks. */
	assert_int_equal(presenter_move(other, "Anna", "s1", &at, 111), 0);
	assert_int_equal(presenter_move(other, "Anna", "s1", &at, 121), 0);
	unit_set_progress(other, 2, "40");
	at.pane = 2;
	assert_int_equal(presenter_move(other, "Anna", "s1", &at, 122), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	/* The presenter's own check counts its own writes too. */
	assert_int_equal(presenter_move(db, "Anna", "s1", &at, 123), 0);
	unit_set_progress(other, 2, "45");
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	/* A move beside a change that logged nothing: read again. */
	assert_int_equal(presenter_move(other, "Anna", "s1", &at, 124), 0);
	assert_int_equal(db_exec(other, "UPDATE activity SET title = 'Utan logg' WHERE id = 1"), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	/* The presenter quits: its last write. */
	assert_int_equal(presenter_leave(other, "s1", 125), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	/* A table of an older styrkort: its moves count no writes, and are read again. */
	assert_int_equal(db_exec(other, "ALTER TABLE presenter DROP COLUMN writes"), 0);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(db_exec(other, "UPDATE presenter SET updated = 130"), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	/* The next start adds the column. */
	assert_int_equal(presenter_start(other, "Anna", "s2", &at, 140, &who), 0);
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(presenter_move(other, "Anna", "s2", &at, 141), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_ELSEWHERE);
	watch_close(w);
	db_close(other);
	db_close(db);
}

/* While another connection writes its commit, the check does not wait: it says to ask again. */
static void
a_commit_being_written_is_busy(void **state)
{
	struct db *other, *db = fresh_db(&other);
	struct watch *w = watch_open(db->path, 0);
	struct db_stamp seen;

	(void)state;
	assert_int_equal(watch_stamp(w, db, &seen), 0);
	assert_int_equal(db_exec(other, "BEGIN EXCLUSIVE"), 0);
	assert_int_equal(db_exec(other, "UPDATE activity SET progress = 5 WHERE id = 1"), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_BUSY);
	assert_int_equal(db_exec(other, "COMMIT"), 0);
	assert_int_equal(watch_check(w, db, "testby", &seen), WATCH_CHANGED);
	watch_close(w);
	db_close(other);
	db_close(db);
}

/* What since_load_again() kept is what reading every row again gives. */
static void
assert_as_fresh(struct db *db, const char *strategy, const struct since_set *kept)
{
	struct since_set fresh;

	assert_int_equal(since_load(db, strategy, "last-review", &fresh), 0);
	assert_string_equal(kept->date, fresh.date);
	assert_int_equal(kept->nchanges, fresh.nchanges);
	for (size_t i = 0; i < fresh.nchanges; i++) {
		assert_int_equal(kept->changes[i].id, fresh.changes[i].id);
		assert_int_equal(kept->changes[i].number, fresh.changes[i].number);
		assert_string_equal(kept->changes[i].field, fresh.changes[i].field);
	}
	since_release(&fresh);
}

static void
changes_read_again(void **state)
{
	struct db *other, *db = fresh_db(&other);
	struct since_set kept = { 0 };
	size_t n;

	(void)state;
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_as_fresh(db, "testby", &kept);
	n = kept.nchanges;
	assert_true(n > 0);
	/* Others' changes: added to what was read. */
	unit_set_progress(other, 1, "30");
	unit_set_progress(other, 2, "30");
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_int_equal(kept.nchanges, n + 1);
	assert_as_fresh(db, "testby", &kept);
	/* Another strategy, a review, an activity renumbered: everything again. */
	assert_int_equal(since_load_again(db, "annan", "last-review", &kept), 0);
	assert_as_fresh(db, "annan", &kept);
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_int_equal(review_add(other, "testby", "2026-11-22", NULL), 0);
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_as_fresh(db, "testby", &kept);
	assert_int_equal(kept.nchanges, 0);
	unit_set_progress(other, 1, "40");
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_int_equal(kept.nchanges, 1);
	assert_int_equal(db_exec(other, "UPDATE activity SET number = 7 WHERE id = 1;"
	                         "INSERT INTO change_log (at, who, strategy_id, kind, item_id, item, field, old, new, batch)"
	                         " VALUES ('2026-11-23T00:00:00Z', 'x', 'testby', 'activity', 1, 'Första', 'number',"
	                         " '1', '7', 99)"), 0);
	assert_int_equal(since_load_again(db, "testby", "last-review", &kept), 0);
	assert_as_fresh(db, "testby", &kept);
	assert_int_equal(kept.changes[0].number, 7);
	since_release(&kept);
	db_close(other);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_commit_wakes_the_descriptor),
		cmocka_unit_test(only_what_touches_the_strategy_reloads),
		cmocka_unit_test(the_presenter_is_no_change),
		cmocka_unit_test(a_commit_being_written_is_busy),
		cmocka_unit_test(changes_read_again),
	};

	unit_begin("watch");
	return unit_end(cmocka_run_group_tests(tests, NULL, NULL));
}
