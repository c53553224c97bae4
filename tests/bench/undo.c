/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/bench/undo.c: times an undo (as u in edit mode) on a big file, of a change or of a delete; the whole call bounds the time it holds the write lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "db.h"
#include "util.h"

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/*
 * undo FILE STRATEGY ACTIVITY-ID [delete]: change the activity's progress
 * (or delete it, as d in edit mode does), then print the milliseconds its
 * undo takes.  STYRKORT_WRITE_TRACE shows each write's time under the lock.
 */
int
main(int argc, char **argv)
{
	struct act_change c = { 0 };
	struct db *db;
	double t0, t1;
	char *what = NULL;
	int64_t id;
	int delete;

	if (argc < 4 || argc > 5 || !(db = db_open(argv[1], DB_READ_WRITE))) {
		fprintf(stderr, "usage: undo FILE STRATEGY ACTIVITY-ID [delete]\n");
		return 2;
	}
	user_name_set("bench-undo");
	id = strtoll(argv[3], NULL, 10);
	delete = argc == 5 && strcmp(argv[4], "delete") == 0;
	if (delete ? activity_delete(db, id, 0, NULL) != ACTIVITY_OK
	           : act_change_set(&c, AF_PROGRESS, "37", NULL) < 0 ||
	             activity_apply(db, id, &c, 0, NULL, NULL) != ACTIVITY_OK) {
		fprintf(stderr, "undo: the change failed: %s\n", err_get());
		return 1;
	}
	act_change_free(&c);
	t0 = now_ms();
	if (activity_undo(db, argv[2], &what) != ACTIVITY_OK) {
		fprintf(stderr, "undo: the undo failed: %s\n", err_get());
		return 1;
	}
	t1 = now_ms();
	printf("%.1f\n", t1 - t0);
	free(what);
	db_close(db);
	return 0;
}
