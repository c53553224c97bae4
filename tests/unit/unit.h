/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit.h: what the unit tests with a database share: a fixed world, a temporary folder, a database with a strategy. */
#ifndef STYRKORT_TESTS_UNIT_H
#define STYRKORT_TESTS_UNIT_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activity.h"
#include "db.h"
#include "strategy_ini.h"
#include "util.h"

static char unit_dir[64];

/*
 * The world of the CLI tests (tests/lib.sh): the caller's locale, user "tester", English
 * messages, a fixed today (every write is logged at 2026-11-22T12:00:00Z) in a fixed zone;
 * and a new temporary folder for NAME.  Exits if the folder cannot be made.
 */
static inline void
unit_begin(const char *name)
{
	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	setenv("LANGUAGE", "", 1);
	setenv("TZ", "UTC", 1);
	setenv("STYRKORT_TODAY", "2026-11-22", 1);
	snprintf(unit_dir, sizeof unit_dir, "/tmp/styrkort-%s-XXXXXX", name);
	if (!mkdtemp(unit_dir)) {
		perror(unit_dir);
		exit(1);
	}
}

/* Remove the temporary folder; RC, or 1 if it could not be removed. */
static inline int
unit_end(int rc)
{
	char *cmd = xasprintf("rm -rf '%s'", unit_dir);

	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}

/* NAME in the temporary folder (free it). */
static inline char *
unit_path(const char *name)
{
	return xasprintf("%s/%s", unit_dir, name);
}

static inline void
unit_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Import the strategy INI TEXT into DB, as the current user. */
static inline void
unit_import(struct db *db, const char *text)
{
	char *ini = unit_path("strategy.ini");

	unit_write_file(ini, text);
	assert_int_equal(strategy_import(db, ini, NULL), 0);
	free(ini);
}

/* Set activity ID's progress to VALUE, as the dashboard would (logged). */
static inline void
unit_set_progress(struct db *db, int64_t id, const char *value)
{
	struct act_change c = { 0 };

	assert_int_equal(act_change_set(&c, AF_PROGRESS, value, NULL), 0);
	assert_int_equal(activity_apply(db, id, &c, 0, NULL, NULL), ACTIVITY_OK);
	act_change_free(&c);
}

/* A new database t.db (an old one is removed) with the strategy INI TEXT. */
static inline struct db *
unit_db(const char *text)
{
	char *path = unit_path("t.db");
	struct db *db;

	unlink(path);
	db = db_open(path, DB_CREATE);
	free(path);
	assert_non_null(db);
	unit_import(db, text);
	return db;
}

/* GOT equals tests/unit/golden/NAME (STYRKORT_REGOLD=1 first writes it). */
static inline void
assert_golden(const char *name, char *got)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/unit/golden/%s", top && *top ? top : ".", name);
	char *want = NULL;
	size_t n = 0;
	FILE *f;

	if (getenv("STYRKORT_REGOLD") && *getenv("STYRKORT_REGOLD")) {
		assert_non_null(f = fopen(path, "w"));
		fputs(got, f);
		assert_int_equal(fclose(f), 0);
	}
	if (!(f = fopen(path, "r")))
		fail_msg("%s: cannot read it (STYRKORT_REGOLD=1 writes it)", path);
	want = xmalloc(1 << 16);
	n = fread(want, 1, (1 << 16) - 1, f);
	want[n] = '\0';
	fclose(f);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "--- %s\n%s\n+++ got\n%s\n", path, want, got);
	assert_string_equal(got, want);
	free(want);
	free(path);
	free(got);
}

#endif
