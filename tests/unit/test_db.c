/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db.c: the SQLite file: schema, versions, damaged files, the append-only log, read-only opens. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "changelog.h"
#include "db.h"
#include "model.h"
#include "review.h"
#include "util.h"

#define APPLICATION_ID 0x53544b54       /* 'STKT', as db.c writes it */

static char dir[] = "/tmp/styrkort-db-XXXXXX";
static char path[sizeof dir + 32];

/* Each test gets a fresh file name in the temporary directory. */
static int
setup(void **state)
{
	static int n;
	char journal[sizeof path + 16];

	(void)state;
	snprintf(path, sizeof path, "%s/t%d.db", dir, ++n);
	snprintf(journal, sizeof journal, "%s-journal", path);
	unlink(path);
	unlink(journal);
	return 0;
}

static void
write_bytes(const char *p, const void *data, size_t n)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* The whole file in memory (free it); *n gets its size. */
static char *
read_bytes(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	struct buf b;
	char chunk[4096];
	size_t got;

	assert_non_null(f);
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	*n = b.len;
	return b.s ? buf_steal(&b) : xstrdup("");
}

static void
assert_file_is(const char *p, const char *before, size_t nbefore)
{
	size_t n;
	char *now = read_bytes(p, &n);

	assert_int_equal(n, nbefore);
	assert_memory_equal(now, before, n);
	free(now);
}

static int
query_int(sqlite3 *sql, const char *q)
{
	sqlite3_stmt *st;
	int v;

	assert_int_equal(sqlite3_prepare_v2(sql, q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
journal_absent(void)
{
	char journal[sizeof path + 16];

	snprintf(journal, sizeof journal, "%s-journal", path);
	assert_int_not_equal(access(journal, F_OK), 0);
	snprintf(journal, sizeof journal, "%s-wal", path);
	assert_int_not_equal(access(journal, F_OK), 0);
}

/* A database as another (newer) program might leave it. */
static void
make_foreign_db(int user_version, int wal)
{
	sqlite3 *sql;
	char *q = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %d;"
	                    " CREATE TABLE future (x); INSERT INTO future VALUES ('kept');",
	                    APPLICATION_ID, user_version);

	assert_int_equal(sqlite3_open(path, &sql), SQLITE_OK);
	if (wal)
		assert_int_equal(sqlite3_exec(sql, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sql, q, NULL, NULL, NULL), SQLITE_OK);
	free(q);
	assert_int_equal(sqlite3_close(sql), SQLITE_OK);
}

static void
create_makes_schema(void **state)
{
	struct db *db;
	const char *tables[] = { "strategy", "focus_area", "responsible_body", "goal", "indicator",
	                         "measurement", "activity", "change_log", "review", NULL };

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(db->read_only, 0);
	assert_int_equal(query_int(db->sql, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(query_int(db->sql, "PRAGMA application_id"), APPLICATION_ID);
	for (int i = 0; tables[i]; i++) {
		char *q = xasprintf("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
		                    tables[i]);

		assert_int_equal(query_int(db->sql, q), 1);
		free(q);
	}
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
	                                    " AND tbl_name = 'change_log'"), 2);
	assert_int_equal(query_int(db->sql, "PRAGMA foreign_keys"), 1);
	/* Writers wait for each other (our own busy handler, so PRAGMA busy_timeout reads 0). */
	assert_true(db->busy_ms >= 1000);
	db_close(db);
	/* Opened again: the same version, nothing to migrate. */
	db = db_open(path, DB_READ_WRITE);
	assert_non_null(db);
	assert_int_equal(query_int(db->sql, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	db_close(db);
}

static void
create_refuses_existing_file(void **state)
{
	static const char text[] = "somebody's precious file\n";

	(void)state;
	write_bytes(path, text, sizeof text - 1);
	assert_null(db_open(path, DB_CREATE));
	assert_non_null(strstr(err_get(), path));
	assert_non_null(strstr(err_get(), "already exists"));
	assert_file_is(path, text, sizeof text - 1);
}

static void
newer_version_is_refused_untouched(void **state)
{
	for (int wal = 0; wal <= 1; wal++) {
		size_t n;
		char *before, *want;

		setup(state);
		make_foreign_db(DB_SCHEMA_VERSION + 1, wal);
		before = read_bytes(path, &n);
		for (int mode = DB_READ_WRITE; mode <= DB_READ_ONLY; mode++) {
			assert_null(db_open(path, (enum db_mode)mode));
			/* A WAL file is refused as such first (DAMAGED FILES in styrkort(1)). */
			want = wal ? xstrdup("WAL mode") : xasprintf("schema version %d", DB_SCHEMA_VERSION + 1);
			assert_non_null(strstr(err_get(), want));
			free(want);
			assert_non_null(strstr(err_get(), path));
			assert_file_is(path, before, n);
		}
		/* A read-only connection to a WAL file leaves empty -wal and -shm files: SQLite's way. */
		if (!wal)
			journal_absent();
		free(before);
	}
}

static void
not_sqlite_is_an_error(void **state)
{
	char junk[3000];
	size_t n;
	char *before;

	(void)state;
	/* Not random: a fixed pattern, so a failure can be reproduced. */
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)((i * 7919 + 13) % 251);
	write_bytes(path, junk, sizeof junk);
	before = read_bytes(path, &n);
	for (int mode = DB_READ_WRITE; mode <= DB_READ_ONLY; mode++) {
		assert_null(db_open(path, (enum db_mode)mode));
		assert_non_null(strstr(err_get(), "not a styrkort database"));
		assert_non_null(strstr(err_get(), path));
		assert_file_is(path, before, n);
	}
	free(before);
	/* A text file is no better. */
	setup(state);
	write_bytes(path, "[strategy]\nid = x\n", 18);
	assert_null(db_open(path, DB_READ_WRITE));
	assert_non_null(strstr(err_get(), "not a styrkort database"));
}

static void
empty_file_is_an_error(void **state)
{
	struct stat sb;

	(void)state;
	write_bytes(path, "", 0);
	for (int mode = DB_READ_WRITE; mode <= DB_READ_ONLY; mode++) {
		assert_null(db_open(path, (enum db_mode)mode));
		assert_non_null(strstr(err_get(), "not a styrkort database"));
		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_size, 0);
	}
	journal_absent();
}

static void
other_sqlite_file_is_an_error(void **state)
{
	sqlite3 *sql;

	(void)state;
	assert_int_equal(sqlite3_open(path, &sql), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sql, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(sql);
	assert_null(db_open(path, DB_READ_WRITE));
	assert_non_null(strstr(err_get(), "not a styrkort database"));
}

/* A styrkort file cut short: open or the first query fails with a message. */
static void
truncated_file_is_an_error(void **state)
{
	struct db *db;
	sqlite3_stmt *st;
	size_t n;
	char *full;
	int failed = 0;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(sqlite3_exec(db->sql,
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
		" INSERT INTO strategy (id, municipality, title, vision)"
		" SELECT 's' || i, 'Kommun ' || i, 'Strategi', printf('%.*c', 2000, 'v') FROM n",
		NULL, NULL, NULL), SQLITE_OK);
	db_close(db);
	full = read_bytes(path, &n);
	assert_true(n > 100000);
	for (size_t cut = 4096; cut < n; cut += n / 3) {
		setup(state);
		write_bytes(path, full, cut);
		db = db_open(path, DB_READ_ONLY);
		if (!db) {
			failed++;
			assert_non_null(strstr(err_get(), path));
			continue;
		}
		/* Opened (page 1 is whole): reading everything must fail, not crash. */
		assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT count(*), sum(length(vision)) FROM strategy",
		                                    -1, &st, NULL), SQLITE_OK);
		if (sqlite3_step(st) != SQLITE_ROW)
			failed++;
		sqlite3_finalize(st);
		db_close(db);
	}
	assert_int_equal(failed, 3);
	free(full);
}

static void
change_log_is_append_only(void **state)
{
	struct db *db;
	char *msg = NULL;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(db_write_begin(db, 0), 0);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "Titel", "status", "not_started", "done", NULL), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log"), 1);

	/* Straight SQL, past the C code: the database itself refuses. */
	assert_int_not_equal(sqlite3_exec(db->sql, "UPDATE change_log SET new = 'cancelled'", NULL, NULL, &msg),
	                     SQLITE_OK);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(sqlite3_exec(db->sql, "DELETE FROM change_log", NULL, NULL, &msg), SQLITE_OK);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log WHERE new = 'done'"), 1);
	/* Appending still works. */
	assert_int_equal(db_write_begin(db, 0), 0);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "Titel", "progress", "0", "50", NULL), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log"), 2);
	db_close(db);
}

/* A write's rows share one batch; the next write gets the next; undo names the batch it reverts. */
static void
a_write_is_one_batch(void **state)
{
	struct db *db;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(db_write_begin(db, 0), 0);
	assert_true(db->batch.id > 0);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "A", "status", "not_started", "done", NULL), 0);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "A", "progress", "0", "100", NULL), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db->batch.id, 0);
	assert_int_equal(query_int(db->sql, "SELECT count(DISTINCT batch) FROM change_log"), 1);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log WHERE batch = 1 AND undoes IS NULL"), 2);

	/* A rolled-back write leaves no rows and takes no number. */
	assert_int_equal(db_write_begin(db, 0), 0);
	assert_int_equal(changelog_add(db, "x", "activity", 2, "B", "status", "not_started", "done", NULL), 0);
	db_rollback(db);
	assert_int_equal(db->batch.id, 0);

	assert_int_equal(db_write_begin(db, 1), 0);
	assert_int_equal(db->batch.id, 2);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "A", "status", "done", "not_started", NULL), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log WHERE batch = 2 AND undoes = 1"), 1);

	/* Outside a write, a log row would belong to no batch: refused. */
	assert_int_equal(changelog_add(db, "x", "activity", 1, "A", "status", "x", "y", NULL), -1);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(changelog_add(db, "x", "activity", 1, "A", "status", "x", "y", NULL), -1);
	db_rollback(db);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM change_log"), 3);
	db_close(db);
}

static void
foreign_keys_are_enforced(void **state)
{
	struct db *db;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(query_int(db->sql, "PRAGMA foreign_keys"), 1);
	assert_int_not_equal(sqlite3_exec(db->sql, "INSERT INTO focus_area (strategy_id, key, position, name)"
	                                           " VALUES ('nowhere', 'f', 0, 'F')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_extended_errcode(db->sql), SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(sqlite3_exec(db->sql,
		"INSERT INTO strategy (id, municipality, title) VALUES ('s', 'M', 'T');"
		"INSERT INTO focus_area (strategy_id, key, position, name) VALUES ('s', 'f', 0, 'F');"
		"DELETE FROM strategy;", NULL, NULL, NULL), SQLITE_OK);
	/* ON DELETE CASCADE works only with foreign keys on. */
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM focus_area"), 0);
	db_close(db);
	/* Also when the file is opened again (the pragma is per connection). */
	db = db_open(path, DB_READ_WRITE);
	assert_non_null(db);
	assert_int_equal(query_int(db->sql, "PRAGMA foreign_keys"), 1);
	db_close(db);
}

static void
read_only_never_writes(void **state)
{
	struct db *db;
	size_t n;
	char *before;
	struct stat sb1, sb2;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	assert_int_equal(sqlite3_exec(db->sql, "INSERT INTO strategy (id, municipality, title)"
	                                       " VALUES ('s', 'M', 'T')", NULL, NULL, NULL), SQLITE_OK);
	db_close(db);
	before = read_bytes(path, &n);
	assert_int_equal(stat(path, &sb1), 0);

	db = db_open(path, DB_READ_ONLY);
	assert_non_null(db);
	assert_int_equal(db->read_only, 1);
	assert_non_null(db->read_only_reason);
	/* Our own writes are refused with a reason... */
	assert_int_equal(db_begin(db), -1);
	assert_non_null(strstr(err_get(), "read-only"));
	/* ...and so is raw SQL: the connection itself is read-only. */
	assert_int_not_equal(sqlite3_exec(db->sql, "INSERT INTO strategy (id, municipality, title)"
	                                           " VALUES ('t', 'M', 'T')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_errcode(db->sql), SQLITE_READONLY);
	assert_int_equal(query_int(db->sql, "SELECT count(*) FROM strategy"), 1);
	db_close(db);

	assert_file_is(path, before, n);
	assert_int_equal(stat(path, &sb2), 0);
	assert_int_equal(sb1.st_mtime, sb2.st_mtime);
	journal_absent();
	free(before);
}

/* A file the user may not write opens read-only, saying why. */
static void
unwritable_file_falls_back_to_read_only(void **state)
{
	struct db *db;

	(void)state;
	if (geteuid() == 0)
		skip();         /* root may write anything */
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	db_close(db);
	assert_int_equal(chmod(path, 0444), 0);
	db = db_open(path, DB_READ_WRITE);
	assert_non_null(db);
	assert_int_equal(db->read_only, 1);
	assert_non_null(strstr(db->read_only_reason, "write"));
	db_close(db);
	chmod(path, 0644);
}

static void
missing_file_says_how_to_create_one(void **state)
{
	(void)state;
	assert_null(db_open(path, DB_READ_WRITE));
	assert_non_null(strstr(err_get(), "styrkort init"));
	assert_non_null(strstr(err_get(), "--demo"));
	/* Opening never creates the file. */
	assert_int_not_equal(access(path, F_OK), 0);
}

/* A schema-version-1 file of tests/fixtures/v1 (a dump, as tests/cli/migrate.sh builds it); WAL if asked. */
static sqlite3 *
make_old_db(int version, const char *name, int wal, int keep_open)
{
	char *file = xasprintf("%s/tests/fixtures/v%d/%s.sql", ABS_SRCDIR, version, name);
	size_t n;
	char *sql_text = read_bytes(file, &n);
	sqlite3 *sql;

	assert_int_equal(sqlite3_open(path, &sql), SQLITE_OK);
	if (wal)
		assert_int_equal(sqlite3_exec(sql, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0",
		                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sql, sql_text, NULL, NULL, NULL), SQLITE_OK);
	free(sql_text);
	free(file);
	if (keep_open)
		return sql;
	assert_int_equal(sqlite3_close(sql), SQLITE_OK);
	return NULL;
}

static sqlite3 *
make_v1_db(const char *name, int wal, int keep_open)
{
	return make_old_db(1, name, wal, keep_open);
}

static int
file_query_int(const char *p, const char *q)
{
	sqlite3 *sql;
	int v;

	assert_int_equal(sqlite3_open_v2(p, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	v = query_int(sql, q);
	sqlite3_close(sql);
	return v;
}

static void
v1_file_is_upgraded_with_a_backup(void **state)
{
	struct db *db;
	char date[11], *bak = xasprintf("%s.v1.bak", path);
	int64_t last = -1;

	(void)state;
	make_v1_db("reviewed", 0, 0);
	assert_non_null(db = db_open(path, DB_READ_WRITE));
	assert_int_equal(db->migrated_from, 1);
	assert_int_equal(db->version, DB_SCHEMA_VERSION);
	assert_string_equal(db->backup_path, bak);
	assert_int_equal(db->old_read_only, 0);
	/* The review covers the rows logged up to it: the import's and the first day's changes. */
	assert_int_equal(review_last(db, "vastervik", date, &last), 0);
	assert_int_equal(last, 7);
	db_close(db);
	assert_int_equal(file_query_int(path, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(file_query_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(file_query_int(bak, "SELECT count(*) FROM change_log"), 10);
	/* The second open upgrades nothing. */
	assert_non_null(db = db_open(path, DB_READ_WRITE));
	assert_int_equal(db->migrated_from, 0);
	assert_null(db->backup_path);
	db_close(db);
	free(bak);
}

/* Read-only, a file of the previous version is read as it is, through views. */
static void
previous_version_read_only_is_read_as_it_is(void **state)
{
	struct db *db;
	char *bak = xasprintf("%s.v%d.bak", path, DB_SCHEMA_VERSION - 1), *before;
	struct plan p;
	size_t n;

	(void)state;
	make_old_db(DB_SCHEMA_VERSION - 1, "vastervik", 0, 0);
	before = read_bytes(path, &n);
	assert_non_null(db = db_open(path, DB_READ_ONLY));
	assert_int_equal(db->old_read_only, 1);
	assert_int_equal(db->version, DB_SCHEMA_VERSION - 1);
	assert_int_equal(db->migrated_from, 0);
	assert_int_equal(model_load_plan(db, "vastervik", &p), 0);
	assert_int_equal(p.nacts, 4);
	model_free_plan(&p);
	db_close(db);
	assert_file_is(path, before, n);
	assert_int_not_equal(access(bak, F_OK), 0);
	free(before);
	free(bak);
}

/* Read-only, an older one is not: someone who may write it must open it once. */
static void
v1_file_read_only_needs_a_writer(void **state)
{
	char *bak = xasprintf("%s.v1.bak", path), *before;
	size_t n;

	(void)state;
	make_v1_db("reviewed", 0, 0);
	before = read_bytes(path, &n);
	assert_null(db_open(path, DB_READ_ONLY));
	assert_non_null(strstr(err_get(), "someone who may write the file must open it once"));
	assert_file_is(path, before, n);
	assert_int_not_equal(access(bak, F_OK), 0);
	free(before);
	free(bak);
}

/*
 * A file someone switched to WAL mode, with changes not yet in the file
 * itself: refused, untouched (no backup, no upgrade, the -wal file as it
 * was), with the command that switches it back; after that it is upgraded
 * and its backup has everything.
 */
static void
v1_wal_file_is_refused_until_switched_back(void **state)
{
	sqlite3 *other;
	struct db *db;
	char *bak = xasprintf("%s.v1.bak", path), *wal = xasprintf("%s-wal", path), *before;
	struct stat sb;
	size_t n;

	(void)state;
	other = make_v1_db("reviewed", 1, 1);
	/* Leave the changes in the -wal file: no checkpoint when closing. */
	assert_int_equal(sqlite3_db_config(other, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(other), SQLITE_OK);
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size > 0);
	before = read_bytes(path, &n);
	for (int mode = DB_READ_WRITE; mode <= DB_READ_ONLY; mode++) {
		assert_null(db_open(path, (enum db_mode)mode));
		assert_non_null(strstr(err_get(), "WAL mode"));
		assert_non_null(strstr(err_get(), "PRAGMA journal_mode = DELETE"));
		assert_file_is(path, before, n);
		assert_int_not_equal(access(bak, F_OK), 0);
	}
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(other), SQLITE_OK);
	db = db_open(path, DB_READ_WRITE);
	if (!db)
		fail_msg("%s", err_get());
	assert_int_equal(db->migrated_from, 1);
	db_close(db);
	assert_int_equal(file_query_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(file_query_int(bak, "SELECT count(*) FROM change_log"), 10);
	assert_int_equal(file_query_int(bak, "SELECT count(*) FROM review"), 1);
	assert_int_equal(file_query_int(path, "SELECT last_change FROM review"), 7);
	free(before);
	free(bak);
	free(wal);
}

/* A kept statement is prepared once, reset by db_finish() (its read ends), and finalized by db_close(). */
static void
kept_statements_are_prepared_once(void **state)
{
	static const char sql[] = "SELECT count(*) FROM strategy WHERE id <> ?";
	struct db *db;
	sqlite3_stmt *a, *b, *c;

	(void)state;
	db = db_open(path, DB_CREATE);
	assert_non_null(db);
	a = db_prepare_kept(db, sql);
	assert_non_null(a);
	sqlite3_bind_text(a, 1, "x", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	/* In use: a second one, also kept. */
	c = db_prepare_kept(db, sql);
	assert_non_null(c);
	assert_ptr_not_equal(a, c);
	db_finish(db, c);
	db_finish(db, a);
	assert_false(sqlite3_stmt_busy(a));
	assert_null(sqlite3_bind_parameter_name(a, 1));
	b = db_prepare_kept(db, sql);
	assert_ptr_equal(a, b);
	/* Reset, its parameter cleared: NULL, so "id <> NULL" counts nothing. */
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(b, 0), 0);
	db_finish(db, b);
	/* Any other statement is finalized. */
	db_finish(db, db_prepare(db, "SELECT 1"));
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(create_makes_schema, setup),
		cmocka_unit_test_setup(kept_statements_are_prepared_once, setup),
		cmocka_unit_test_setup(create_refuses_existing_file, setup),
		cmocka_unit_test_setup(newer_version_is_refused_untouched, setup),
		cmocka_unit_test_setup(not_sqlite_is_an_error, setup),
		cmocka_unit_test_setup(empty_file_is_an_error, setup),
		cmocka_unit_test_setup(other_sqlite_file_is_an_error, setup),
		cmocka_unit_test_setup(truncated_file_is_an_error, setup),
		cmocka_unit_test_setup(change_log_is_append_only, setup),
		cmocka_unit_test_setup(a_write_is_one_batch, setup),
		cmocka_unit_test_setup(foreign_keys_are_enforced, setup),
		cmocka_unit_test_setup(read_only_never_writes, setup),
		cmocka_unit_test_setup(unwritable_file_falls_back_to_read_only, setup),
		cmocka_unit_test_setup(missing_file_says_how_to_create_one, setup),
		cmocka_unit_test_setup(v1_file_is_upgraded_with_a_backup, setup),
		cmocka_unit_test_setup(previous_version_read_only_is_read_as_it_is, setup),
		cmocka_unit_test_setup(v1_file_read_only_needs_a_writer, setup),
		cmocka_unit_test_setup(v1_wal_file_is_refused_until_switched_back, setup),
	};
	int rc;

	setlocale(LC_ALL, "");
	setenv("LOGNAME", "tester", 1);
	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	/* Leave nothing behind. */
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc = 1;
		free(cmd);
	}
	return rc;
}
