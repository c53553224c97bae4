/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.h: the SQLite file: opening, schema and migrations, transactions. */
#ifndef STYRKORT_DB_H
#define STYRKORT_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "stamp.h"

/* The newest schema version (PRAGMA user_version); src/migrate.c has how each was reached. */
#define DB_SCHEMA_VERSION 4
/* 'STKT': marks a file as a styrkort database (PRAGMA application_id). */
#define DB_APPLICATION_ID 0x53544b54

enum db_mode {
	DB_READ_WRITE,          /* an existing file; falls back to read-only if not writable */
	DB_READ_ONLY,           /* never write */
	DB_CREATE               /* a new file; refuses an existing one */
};

#define DB_KEPT 48
struct db {
	sqlite3 *sql;
	char *path;
	int read_only;          /* 1 if opened (or fell back to) read-only */
	const char *read_only_reason;
	int version;            /* the file's schema version when opened */
	/*
	 * An older file: upgraded on this open (migrated_from, and the copy of
	 * it as it was, backup_path), or read as it is through temporary views
	 * because it is open read-only (old_read_only).  The caller says so.
	 */
	int migrated_from;
	char *backup_path;
	int old_read_only;
	int busy_ms;            /* how long to wait for another writer */
	double busy_since;
	int busy_waiting;       /* 1 while a write waits for another (the hook was told) */
	int writing;            /* 1 from db_begin() to the commit or rollback */
	int checked;            /* 1 once the file was found good before a write: quick_check or its stamp */
	/*
	 * The verified stamp (stamp.c; db.c's check_before_write()).  stamps:
	 * -1 once the file system would not keep one.  verified: the open
	 * write began on a file found good under its lock (the stamp matched,
	 * or quick_check passed), so its commit may stamp the file; at: the
	 * file then, and spills: SQLite's count of pages written before the
	 * commit then (a spill changes the file, so no stamp).
	 */
	int stamps;
	int verified;
	struct stamp at;
	int spills;
	double locked_at;       /* when BEGIN IMMEDIATE got the lock (STYRKORT_WRITE_TRACE) */
	/*
	 * The open write's change-log batch (db_write_begin()): every row
	 * changelog_add() appends until the commit or rollback carries it, and
	 * undo reverts them as a whole.  id 0: no batch is open.
	 */
	struct db_batch {
		int64_t id;
		int64_t undoes;         /* the batch this write reverts, or 0 */
	} batch;
	void (*busy_hook)(void *arg, int waiting);
	void *busy_hook_arg;
	/* db_prepare_kept()'s statements, by the address of their SQL. */
	struct db_kept {
		const char *sql;
		sqlite3_stmt *st;
	} kept[DB_KEPT];
};

/* Open PATH; on failure err_set() and return NULL. */
struct db *db_open(const char *path, enum db_mode mode);
void db_close(struct db *db);

/*
 * Called with waiting 1 when a statement starts to wait for another
 * writer, and with 0 when the wait is over (the dashboard says so on its
 * status line, and then drops the keys typed meanwhile).
 */
void db_set_busy_hook(struct db *db, void (*hook)(void *arg, int waiting), void *arg);

/* Transactions: BEGIN IMMEDIATE so writers queue on the busy timeout. */
int db_begin(struct db *db);
/*
 * A user's action: db_begin() and a new change-log batch (db->batch), so
 * that every change it logs is one batch; db_commit() or db_rollback()
 * closes both.  undoes: the batch this action reverts, or 0.
 */
int db_write_begin(struct db *db, int64_t undoes);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* err_set() for the connection's last error, in words that say what to do (busy, damaged, disk full). */
void db_error(struct db *db);
/* Prepare a statement or err_set() with the SQLite message. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql);
/*
 * The same for a query run again and again (once per strategy of a
 * report, per reload of a pane): prepared once per connection and kept
 * until db_close() (issue 14: the report re-prepared every query for each
 * of 290 strategies).  sql must be a literal (it is kept by its address).
 * End each use with db_finish(), never sqlite3_finalize().
 */
sqlite3_stmt *db_prepare_kept(struct db *db, const char *sql);
/* Done with st: a kept statement is reset for its next use (which ends its read), any other finalized. */
void db_finish(struct db *db, sqlite3_stmt *st);
/* Step a statement expected to finish (INSERT/UPDATE/DELETE); ends it with db_finish(). */
int db_exec_stmt(struct db *db, sqlite3_stmt *st);
/* Column text or "" (never NULL); column text or NULL. */
const char *db_text(sqlite3_stmt *st, int col);
char *db_strdup(sqlite3_stmt *st, int col);
void db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);

/* Run SQL (statements without results); on failure err_set() and return -1. */
int db_exec(struct db *db, const char *sql);
/* The integer a one-row query (a PRAGMA) gives. */
int db_pragma_int(struct db *db, const char *sql, int *out);

/* PRAGMA data_version: changes when another connection commits. */
int db_data_version(struct db *db);

/*
 * The schema's versions and the upgrade of an older file (migrate.c),
 * called by db_open().
 */
/* A new, empty file: every step to DB_SCHEMA_VERSION in one transaction, and the application id. */
int migrate_create(struct db *db);

/*
 * An existing file of an older VERSION.  If it may be written: a copy of
 * it beside it (FILE.vN.bak, or FILE.vN.1.bak, ... never replacing a
 * file), the steps in one transaction, integrity_check and
 * foreign_key_check, then the commit; db->migrated_from and
 * db->backup_path say so.  Read-only: temporary views that show it as the
 * newest version (db->old_read_only), or the message that someone who may
 * write it must open it once.  On failure err_set() (naming the copy if
 * one was made), the file unchanged, and -1.
 */
int migrate_file(struct db *db, int version);

/* The indexes a file of the newest version may lack (migrate.c's late_indexes), inside the caller's write. */
int migrate_indexes(struct db *db);

#endif
