/* SPDX-License-Identifier: GPL-3.0-or-later */
/* presenter.c: the presenter's row in the file: taken by --present, moved with every step, read by --follow. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "presenter.h"
#include "util.h"

/* How long a move waits for another writer: a coordinator's save is never held up, the move is skipped. */
#define PRESENTER_BUSY_MS 100

/*
 * Not a schema version: a file without it has no presenter, and nothing
 * else refers to it (no foreign key: a strategy that is deleted leaves a
 * follower on the first strategy).  styrkort(5) describes it.
 */
static const char table_sql[] =
	"CREATE TABLE IF NOT EXISTS presenter (\n"
	"\tid INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"\twho TEXT NOT NULL,\n"
	"\tsession TEXT NOT NULL,\n"
	"\tpresent INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),\n"
	"\tupdated INTEGER NOT NULL,\n"
	"\tstrategy_id TEXT NOT NULL,\n"
	"\tpane INTEGER NOT NULL DEFAULT 0,\n"
	"\tlate INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),\n"
	"\tsince INTEGER NOT NULL DEFAULT 0 CHECK (since IN (0, 1)),\n"
	"\titem_kind INTEGER NOT NULL DEFAULT 0,\n"
	"\titem_key INTEGER NOT NULL DEFAULT 0,\n"
	"\trow INTEGER NOT NULL DEFAULT 0,\n"
	"\twrites INTEGER NOT NULL DEFAULT 0\n"
	")";

/* The column writes came after the table: a table made by an older styrkort gets it at the next start. */
static const char writes_sql[] = "ALTER TABLE presenter ADD COLUMN writes INTEGER NOT NULL DEFAULT 0";

/*
 * The one UPSERT of a start, a move and a quit (?1 who ... ?11 row).  A
 * row of another session is left alone (no change: it took over).  Each
 * write counts itself in writes: a dashboard that learns of commits tells
 * the presenter's from changes by it (watch.c), and reads nothing again.
 */
static const char upsert_sql[] =
	"INSERT INTO presenter (id, who, session, present, updated, strategy_id, pane, late, since,\n"
	"\titem_kind, item_key, row) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)\n"
	"ON CONFLICT (id) DO UPDATE SET present = excluded.present, updated = excluded.updated,\n"
	"\tstrategy_id = excluded.strategy_id, pane = excluded.pane, late = excluded.late, since = excluded.since,\n"
	"\titem_kind = excluded.item_kind, item_key = excluded.item_key, row = excluded.row,\n"
	"\twrites = presenter.writes + 1\n"
	"\tWHERE presenter.session = excluded.session";

char *
presenter_session(void)
{
	char host[64] = "";

	gethostname(host, sizeof host - 1);
	return xasprintf("%s:%ld:%lld", host, (long)getpid(), (long long)time(NULL));
}

/* The UPSERT with its values bound, or NULL after err_set(). */
static sqlite3_stmt *
upsert(struct db *db, const char *who, const char *session, int present, const struct presenter_place *at,
       int64_t now)
{
	sqlite3_stmt *st = db_prepare(db, upsert_sql);

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, who, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, session, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, present);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_text(st, 5, at->strategy ? at->strategy : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, at->pane);
	sqlite3_bind_int(st, 7, at->late != 0);
	sqlite3_bind_int(st, 8, at->since != 0);
	sqlite3_bind_int(st, 9, at->item_kind);
	sqlite3_bind_int64(st, 10, at->item_key);
	sqlite3_bind_int64(st, 11, at->row);
	return st;
}

/* Inside the start's transaction: the column writes, if the table was made without it.  0 or -1. */
static int
add_writes(struct db *db)
{
	int n;

	if (db_pragma_int(db, "SELECT count(*) FROM pragma_table_info('presenter') WHERE name = 'writes'", &n) < 0)
		return -1;
	return n ? 0 : db_exec(db, writes_sql);
}

/* Inside the start's transaction: is someone else presenting now?  1 and *other, 0, or -1. */
static int
someone_else(struct db *db, const char *session, int64_t now, char **other)
{
	struct presenter p;
	int rc = presenter_read(db, &p);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = presenter_status(0, &p, now) == PRESENTER_ON && strcmp(p.session, session) != 0;
	if (rc)
		*other = xstrdup(p.who);
	presenter_free(&p);
	return rc;
}

int
presenter_start(struct db *db, const char *who, const char *session, const struct presenter_place *at,
                int64_t now, char **other)
{
	sqlite3_stmt *st;
	int rc;

	*other = NULL;
	if (db->read_only) {
		err_set(_("%s: --present writes where the presenter is to the file, but it is open read-only (%s); "
		          "present from an account that may write it, without --read-only, or follow with --follow"),
		        db->path, _(db->read_only_reason));
		return -1;
	}
	if (db_begin(db) < 0)
		return -1;
	if (db_exec(db, table_sql) < 0 || add_writes(db) < 0 || (rc = someone_else(db, session, now, other)) < 0) {
		db_rollback(db);
		return -1;
	}
	if (rc == 1) {
		db_rollback(db);
		return 1;
	}
	/* Ours now, whoever had it: a fresh row, then the UPSERT writes every column. */
	if (db_exec(db, "DELETE FROM presenter") < 0 || !(st = upsert(db, who, session, 1, at, now)) ||
	    db_exec_stmt(db, st) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/*
 * The UPSERT of a move (waiting a moment at most) or a quit (waiting as
 * any write does, so that members learn it): 0, 1 busy, 2 taken over, -1.
 */
static int
write_row(struct db *db, const char *who, const char *session, int present, const struct presenter_place *at, int64_t now)
{
	sqlite3_stmt *st;
	int saved = db->busy_ms, rc;

	if (db->read_only || !(st = upsert(db, who, session, present, at, now)))
		return -1;
	if (present)
		db->busy_ms = PRESENTER_BUSY_MS;
	rc = sqlite3_step(st);
	db->busy_ms = saved;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		sqlite3_finalize(st);
		return 1;
	}
	if (rc != SQLITE_DONE) {
		db_error(db);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	/* Nothing changed: the row is another session's (a later --present took over). */
	return sqlite3_changes(db->sql) == 0 ? 2 : 0;
}

int
presenter_move(struct db *db, const char *who, const char *session, const struct presenter_place *at,
               int64_t now)
{
	return write_row(db, who, session, 1, at, now);
}

int
presenter_leave(struct db *db, const char *session, int64_t now)
{
	struct presenter p;
	int rc = presenter_read(db, &p);

	if (rc != 0)
		return rc;
	rc = strcmp(p.session, session) == 0 ? write_row(db, p.who, session, 0, &p.place, now) : 2;
	presenter_free(&p);
	return rc < 0 ? -1 : 0;
}

/* Does the file have the table?  1, 0, or -1. */
static int
has_table(struct db *db)
{
	int n;

	if (db_pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'presenter'", &n) < 0)
		return -1;
	return n > 0;
}

int
presenter_read(struct db *db, struct presenter *p)
{
	sqlite3_stmt *st;
	int rc = has_table(db);

	memset(p, 0, sizeof *p);
	if (rc <= 0)
		return rc < 0 ? -1 : 1;
	if (!(st = db_prepare(db, "SELECT who, session, present, updated, strategy_id, pane, late, since,\n"
	                          "\titem_kind, item_key, row FROM presenter WHERE id = 1")))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->who = xstrdup(db_text(st, 0));
		p->session = xstrdup(db_text(st, 1));
		p->present = sqlite3_column_int(st, 2);
		p->updated = sqlite3_column_int64(st, 3);
		p->place.strategy = xstrdup(db_text(st, 4));
		p->place.pane = sqlite3_column_int(st, 5);
		p->place.late = sqlite3_column_int(st, 6);
		p->place.since = sqlite3_column_int(st, 7);
		p->place.item_kind = sqlite3_column_int(st, 8);
		p->place.item_key = sqlite3_column_int64(st, 9);
		p->place.row = (long)sqlite3_column_int64(st, 10);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = 1;
	} else {
		db_error(db);
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

void
presenter_place_free(struct presenter_place *at)
{
	free(at->strategy);
	at->strategy = NULL;
}

void
presenter_free(struct presenter *p)
{
	free(p->who);
	free(p->session);
	presenter_place_free(&p->place);
	memset(p, 0, sizeof *p);
}

enum presenter_status
presenter_status(int rc, const struct presenter *p, int64_t now)
{
	if (rc != 0)
		return PRESENTER_NONE;
	if (!p->present || now - p->updated > PRESENTER_STALE)
		return PRESENTER_LEFT;
	return PRESENTER_ON;
}

int
presenter_place_differs(const struct presenter_place *a, const struct presenter_place *b)
{
	return strcmp(a->strategy ? a->strategy : "", b->strategy ? b->strategy : "") != 0 || a->pane != b->pane ||
	       a->late != b->late || a->since != b->since || a->item_kind != b->item_kind ||
	       a->item_key != b->item_key || a->row != b->row;
}
