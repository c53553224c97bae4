/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.c: steering-group reviews (uppföljningsmöten): recording and listing them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "text.h"
#include "util.h"

int
review_add(struct db *db, const char *strategy_id, const char *date, const char *note)
{
	sqlite3_stmt *st;
	char now[21];

	if (db_begin(db) < 0)
		return -1;
	/*
	 * The rule of styrkort(1): a review covers the changes logged up to
	 * the moment it is recorded, but no later than the end of its date
	 * (local time), so a review entered afterwards leaves the changes
	 * made since that day to the next one.
	 */
	st = db_prepare(db, "INSERT INTO review (strategy_id, date, note, created_by, created_at, last_change)"
	                    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(id), 0) FROM change_log"
	                    " WHERE at <= strftime('%Y-%m-%dT%H:%M:%SZ', ?2 || ' 23:59:59', 'utc')))");
	if (!st) {
		db_rollback(db);
		return -1;
	}
	now_iso(now);
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, note);
	sqlite3_bind_text(st, 4, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	if (db_exec_stmt(db, st) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
review_last(struct db *db, const char *strategy_id, char date[11], int64_t *last_change)
{
	/* The latest by date; of one date, the one recorded last. */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT date, last_change FROM review WHERE strategy_id = ?"
		" ORDER BY date DESC, id DESC LIMIT 1");
	int rc = 1;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, strategy_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(date, 11, "%s", db_text(st, 0));
		*last_change = sqlite3_column_int64(st, 1);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int
review_print(struct db *db, const char *strategy_id, const char *date_format, FILE *out)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT strategy_id, date, note, created_by FROM review"
		" WHERE ?1 IS NULL OR strategy_id = ?1 ORDER BY date, id");
	int rc;

	if (!st)
		return -1;
	db_bind_text_or_null(st, 1, strategy_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char date[32];
		char *note = text_sanitize(db_text(st, 2), 0), *who = text_sanitize(db_text(st, 3), 0);

		format_date(date, sizeof date, db_text(st, 1), date_format);
		fprintf(out, "%s  %s  %s%s%s\n", date, db_text(st, 0), who, *note ? "  " : "", note);
		free(note);
		free(who);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(db);
		return -1;
	}
	return 0;
}
