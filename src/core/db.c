/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.c: opening the SQLite file, its schema and migrations, and transaction helpers. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "util.h"

/* How long a writer waits for another, in milliseconds. */
#define DB_BUSY_MS 10000

/*
 * err_set() for the connection's last error, in words that send people the
 * right way: a busy file is not a damaged one, and a change left
 * half-written by a killed writer needs someone who may write the file.
 */
static void
set_sql_error(struct db *db, const char *detail)
{
	int code = sqlite3_extended_errcode(db->sql);

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		err_set(_("%s: the database is busy (someone else is writing); try again"), db->path);
	else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB ||
	         (code == SQLITE_ERROR && (strncmp(sqlite3_errmsg(db->sql), "no such table", 13) == 0 ||
	                                   strncmp(sqlite3_errmsg(db->sql), "no such column", 14) == 0)))
		err_set(_("%s: the file is damaged (%s); restore it from a backup "
		          "(see DAMAGED FILES in styrkort(1))"), db->path, sqlite3_errmsg(db->sql));
	else if (code == SQLITE_READONLY_ROLLBACK)
		err_set(_("%s: a change was left half-written by a program that stopped while writing "
		          "(%s-journal); someone who may write the file must open it once, without --read-only, "
		          "to put it right"), db->path, db->path);
	else if ((code & 0xff) == SQLITE_FULL)
		err_set(_("%s: the disk is full; nothing was changed; free some disk space and try again"), db->path);
	else if ((code & 0xff) == SQLITE_IOERR)
		err_set(_("%s: reading or writing the file failed (%s); nothing was changed; check the disk "
		          "and try again"), db->path, strerror(sqlite3_system_errno(db->sql)));
	else
		err_set("%s: %s", db->path, detail ? detail : sqlite3_errmsg(db->sql));
}

/* The wait for another writer is over: let the dashboard know (if it was told it began). */
static void
busy_over(struct db *db)
{
	if (db->busy_waiting) {
		db->busy_waiting = 0;
		if (db->busy_hook)
			db->busy_hook(db->busy_hook_arg, 0);
	}
}

static int
exec_sql(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);

	busy_over(db);
	if (rc != SQLITE_OK) {
		set_sql_error(db, msg);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * SQLite's busy timeout, plus a word to the dashboard when the wait
 * starts, so that the status line says why nothing happens.
 */
static int
busy_handler(void *arg, int count)
{
	struct db *db = arg;
	double left;
	int step;

	if (count == 0) {
		db->busy_since = now_ms();
		/* Only a write: a reader's wait for a commit is short, and says nothing. */
		if (!db->busy_waiting && db->writing && db->busy_hook) {
			db->busy_waiting = 1;
			db->busy_hook(db->busy_hook_arg, 1);
		}
	}
	left = db->busy_ms - (now_ms() - db->busy_since);
	if (left <= 0)
		return 0;
	step = count < 5 ? 1 << count : 50;
	if (step > left)
		step = (int)left + 1;
	sqlite3_sleep(step);
	return 1;
}

void
db_set_busy_hook(struct db *db, void (*hook)(void *arg, int waiting), void *arg)
{
	db->busy_hook = hook;
	db->busy_hook_arg = arg;
}

void
db_error(struct db *db)
{
	set_sql_error(db, NULL);
}

int
db_exec(struct db *db, const char *sql)
{
	return exec_sql(db, sql);
}

int
db_pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	busy_over(db);
	if (rc != SQLITE_ROW) {
		set_sql_error(db, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Why we may not write: the file or its directory (the journal lives there). */
static const char *
not_writable_reason(const char *path)
{
	char *copy, *dir;
	const char *reason = NULL;

	if (access(path, W_OK) != 0)
		return errno == EROFS ? N_("the file system that holds it is mounted read-only")
		                      : N_("you may not write the file");
	copy = xstrdup(path);
	dir = dirname(copy);
	if (access(dir, W_OK) != 0)
		reason = errno == EROFS ? N_("the file system that holds it is mounted read-only")
		                        : N_("you may not write the directory that holds the file");
	free(copy);
	return reason;
}

/* " table.column table.column ... ": every column of every table of a connection's main file. */
static char *
columns_of(sqlite3 *sql)
{
	sqlite3_stmt *st = NULL;
	char *cols = NULL;

	if (sqlite3_prepare_v2(sql, "SELECT ' ' || group_concat(m.name || '.' || p.name, ' ') || ' ' "
	                       "FROM main.sqlite_master m, pragma_table_info(m.name, 'main') p "
	                       "WHERE m.type = 'table'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		cols = xstrdup(db_text(st, 0));
	sqlite3_finalize(st);
	return cols;
}

/*
 * The first table or column of the newest schema that the file lacks
 * (*column NULL: the whole table): 1; 0 if it has them all; -1 if that
 * cannot be told.  The newest schema is a new file's, made in memory
 * (about 4 ms).
 */
static int
schema_lacks(struct db *db, char **table, char **column)
{
	struct db fresh = { .path = (char *)":memory:", .checked = 1, .stamps = -1 };
	char *want = NULL, *have = NULL, *name, *dot, *key, *pos;
	int lacks = -1;

	*table = *column = NULL;
	if (sqlite3_open(":memory:", &fresh.sql) == SQLITE_OK && migrate_create(&fresh) == 0)
		want = columns_of(fresh.sql);
	sqlite3_close(fresh.sql);
	if (!want || !(have = columns_of(db->sql)))
		goto out;
	lacks = 0;
	for (name = strtok_r(want, " ", &pos); name && !lacks; name = strtok_r(NULL, " ", &pos)) {
		key = xasprintf(" %s ", name);
		if (!strstr(have, key)) {
			lacks = 1;
			dot = strchr(name, '.');
			*table = xstrndup(name, (size_t)(dot - name));
			free(key);
			key = xasprintf(" %s.", *table);
			if (strstr(have, key))
				*column = xstrdup(name);
		}
		free(key);
	}
out:
	free(want);
	free(have);
	return lacks;
}

/*
 * Does the file hold the tables its PRAGMA user_version promises?  A file
 * of the newest version that lacks one is damaged; an older (or
 * unversioned) one that has them all had its version changed by hand, and
 * an upgrade would fail on it.  Neither is written.
 */
static int
check_schema(struct db *db, int version)
{
	char *table, *column;
	int lacks = schema_lacks(db, &table, &column);

	if (lacks < 0) {
		lacks = 0;      /* out of memory, say: nothing to tell; SQLite's errors will */
	} else if (version == DB_SCHEMA_VERSION && lacks) {
		if (column)
			err_set(_("%s: the file is damaged: the column %s is missing; restore it from a backup "
			          "(see DAMAGED FILES in styrkort(1))"), db->path, column);
		else
			err_set(_("%s: the file is damaged: the table %s is missing; restore it from a backup "
			          "(see DAMAGED FILES in styrkort(1))"), db->path, table);
	} else if (version < DB_SCHEMA_VERSION && !lacks) {
		err_set(_("%s: the file says schema version %d, but it holds the tables of version %d: someone "
		          "changed its PRAGMA user_version; nothing was changed; if you are sure, set it back with "
		          "sqlite3 %s 'PRAGMA user_version = %d', else restore it from a backup "
		          "(see DAMAGED FILES in styrkort(1))"),
		        db->path, version, DB_SCHEMA_VERSION, db->path, DB_SCHEMA_VERSION);
		lacks = 1;
	} else if (version == 0) {
		err_set(_("%s: the file is damaged: it holds tables but no schema version (PRAGMA user_version is 0); "
		          "restore it from a backup (see DAMAGED FILES in styrkort(1))"), db->path);
		lacks = 1;
	} else {
		lacks = 0;
	}
	free(table);
	free(column);
	return lacks ? -1 : 0;
}

static int
check_and_migrate(struct db *db, int creating)
{
	int version, app_id, tables;

	if (db_pragma_int(db, "PRAGMA user_version", &version) < 0 ||
	    db_pragma_int(db, "PRAGMA application_id", &app_id) < 0 ||
	    db_pragma_int(db, "SELECT count(*) FROM sqlite_master", &tables) < 0)
		return -1;
	if (!creating && (app_id != DB_APPLICATION_ID || tables == 0)) {
		err_set(_("%s: not a styrkort database; create one with 'styrkort init FILE'"), db->path);
		return -1;
	}
	/* The newest version's tables are checked before the first write (check_before_write()). */
	if (!creating && version < DB_SCHEMA_VERSION && check_schema(db, version) < 0)
		return -1;
	if (version > DB_SCHEMA_VERSION) {
		err_set(_("%s: the file has schema version %d but this styrkort knows only up to %d; "
		          "use a newer styrkort (the file was not changed)"),
		        db->path, version, DB_SCHEMA_VERSION);
		return -1;
	}
	db->version = version;
	if (version == DB_SCHEMA_VERSION)
		return 0;
	if (creating)
		return migrate_create(db);
	return migrate_file(db, version);
}

/* A new, empty file at path; O_EXCL: never overwrite, even if the file appears meanwhile. */
static int
create_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (errno == EEXIST) {
		err_set(_("%s: the file already exists; choose another name or remove it first"), path);
	} else if (errno == ENOENT) {
		char *copy = xstrdup(path);

		err_set(_("%s: the directory %s does not exist; create it first or choose another place"),
		        path, dirname(copy));
		free(copy);
	} else {
		err_set("%s: %s", path, strerror(errno));
	}
	return -1;
}

/* A big-endian number of the file header. */
static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A journal beside the file: a writer stopped half-way, and SQLite puts the file right on opening. */
static int
hot_journal(const char *path)
{
	char *journal = xasprintf("%s-journal", path);
	struct stat sb;
	int hot = stat(journal, &sb) == 0 && sb.st_size > 0;

	free(journal);
	return hot;
}

/*
 * The file's first 100 bytes (*n of them) and its size, read under a read
 * lock such as SQLite's readers take (the shared bytes of the lock-byte
 * page, https://www.sqlite.org/fileformat.html#the_lock_byte_page), so
 * that no commit is half-way meanwhile: a commit writes the header's new
 * page count before the pages that make the file that long.  *consistent
 * is 0 if a commit held the lock.  No SQLite connection to this file is
 * open yet, so closing the descriptor drops no lock of SQLite's.
 */
static int
read_header(const char *path, unsigned char h[100], ssize_t *n, off_t *size, int *consistent)
{
	struct flock lock = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0x40000000 + 2, .l_len = 510 };
	struct stat sb = { 0 };
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	*consistent = fcntl(fd, F_SETLK, &lock) == 0;
	*n = fstat(fd, &sb) == 0 ? read(fd, h, 100) : -1;
	*size = sb.st_size;
	if (*n < 0)
		err_set("%s: %s", path, strerror(errno));
	close(fd);
	return *n < 0 ? -1 : 0;
}

/*
 * What the header says, before SQLite reads the file (it would make the
 * -wal and -shm files of a WAL file): empty, not SQLite, shorter than the
 * header says, in WAL mode (whose newest header may be in the -wal file),
 * another program's.  The layout: https://www.sqlite.org/fileformat.html.
 * A hot journal is SQLite's to put right, so then the header is not judged.
 */
static int
check_header(const char *path)
{
	unsigned char h[100];
	ssize_t n;
	off_t size;
	int consistent;
	uint32_t page, pages;

	if (read_header(path, h, &n, &size, &consistent) < 0)
		return -1;
	if (size == 0) {
		err_set(_("%s: the file is empty, so it is not a styrkort database; restore it from a backup, "
		          "or remove it and create one with 'styrkort init %s'"), path, path);
		return -1;
	}
	if (hot_journal(path))
		return 0;
	if (memcmp(h, "SQLite format 3", n < 16 ? (size_t)n : 16) != 0) {
		err_set(_("%s: not an SQLite database, so not a styrkort database; is it the right file? "
		          "Name the database with -d FILE, or create one with 'styrkort init FILE'"), path);
		return -1;
	}
	page = n == (ssize_t)sizeof h ? (h[16] << 8 | h[17]) : 0;
	pages = n == (ssize_t)sizeof h && be32(h + 92) == be32(h + 24) ? be32(h + 28) : 0;
	if (page == 1)
		page = 65536;
	if (n < (ssize_t)sizeof h || (consistent && ((page && pages && size < (off_t)page * pages) ||
	                                             (page && size % page)))) {
		err_set(_("%s: the file is damaged: it is %lld bytes long, shorter than its header says (a copy or "
		          "download that stopped early?); restore it from a backup (see DAMAGED FILES in styrkort(1))"),
		        path, (long long)size);
		return -1;
	}
	if (h[18] == 2 || h[19] == 2) {
		err_set(_("%s: someone switched the file to WAL mode, which styrkort does not use (people who may "
		          "only read the file could not open it); nothing was changed; switch it back with "
		          "sqlite3 %s 'PRAGMA journal_mode = DELETE'"), path, path);
		return -1;
	}
	if (be32(h + 68) != DB_APPLICATION_ID) {
		err_set(_("%s: an SQLite database of another program, not a styrkort database; is it the right file? "
		          "Name the database with -d FILE, or create one with 'styrkort init FILE'"), path);
		return -1;
	}
	return 0;
}

/* An existing file: there, a regular file, readable; whether it opens read-only, and why. */
static int
check_existing(struct db *db, const char *path, enum db_mode mode)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			err_set(_("%s: no such database; create one with 'styrkort init %s', "
			          "name another with -d FILE, $STYRKORT_DB or [database] path in the configuration, "
			          "or try 'styrkort --demo'"), path, path);
		else
			err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		err_set(_("%s: a directory, not a database file; name the database file in it"), path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set(_("%s: not a regular file, so not a database file; name the database file"), path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		err_set(_("%s: you may not read the file; ask its owner for read permission"), path);
		return -1;
	}
	if (check_header(path) < 0)
		return -1;
	if (mode == DB_READ_ONLY) {
		db->read_only = 1;
		db->read_only_reason = N_("--read-only or [database] read_only is set");
	} else if ((db->read_only_reason = not_writable_reason(path)) != NULL) {
		db->read_only = 1;
	}
	return 0;
}

struct db *
db_open(const char *path, enum db_mode mode)
{
	struct db *db = xcalloc(1, sizeof *db);
	const char *test_stamp;
	int flags, created = 0;

	db->path = xstrdup(path);
	if (mode == DB_CREATE) {
		if (create_file(path) < 0)
			goto fail;
		created = 1;
		flags = SQLITE_OPEN_READWRITE;
	} else {
		if (check_existing(db, path, mode) < 0)
			goto fail;
		flags = db->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	}
	/* One thread uses a connection: no mutex around every call (a fifth of reading 100,000 rows). */
	if (sqlite3_open_v2(path, &db->sql, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		err_set("%s: %s", path, db->sql ? sqlite3_errmsg(db->sql) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	/* Writers wait for each other rather than failing with "locked". */
	db->busy_ms = DB_BUSY_MS;
	{
		/* For tests only: a shorter wait. */
		const char *ms = getenv("STYRKORT_BUSY_MS");
		long n;

		if (ms && parse_int(ms, 0, 600000, &n) == 0)
			db->busy_ms = (int)n;
	}
	sqlite3_busy_handler(db->sql, busy_handler, db);
	/* For tests only: a file system that keeps no stamps (check_before_write()). */
	test_stamp = getenv("STYRKORT_TEST_STAMP");
	if (test_stamp && strcmp(test_stamp, "unsupported") == 0)
		db->stamps = -1;
	/*
	 * cell_size_check: SQLite checks each b-tree page it loads, so a write
	 * that meets a damaged page fails (SQLITE_CORRUPT) and is rolled back
	 * rather than spreading the damage: the net under the verified stamp,
	 * which sees no damage that no write made.  Its cost on the national
	 * file's report, CSV and log is within the noise of the bench (HACKING).
	 */
	if (exec_sql(db, "PRAGMA foreign_keys = ON") < 0 || exec_sql(db, "PRAGMA cell_size_check = ON") < 0)
		goto fail;
	/* First: a file we must refuse (newer, not ours) is refused untouched. */
	if (check_and_migrate(db, mode == DB_CREATE) < 0)
		goto fail;
	/*
	 * A rollback journal, not WAL: a steering-group member with read
	 * permission only cannot open a WAL file unless its -shm and -wal
	 * files already exist.  synchronous=FULL makes a commit durable.
	 */
	if (!db->read_only && (exec_sql(db, "PRAGMA journal_mode = DELETE") < 0 ||
	                       exec_sql(db, "PRAGMA synchronous = FULL") < 0))
		goto fail;
	return db;
fail:
	/* Remove only a file we made: an existing one is never touched. */
	if (created) {
		sqlite3_close(db->sql);
		db->sql = NULL;
		unlink(path);
	}
	db_close(db);
	return NULL;
}

void
db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < DB_KEPT; i++)
		sqlite3_finalize(db->kept[i].st);
	if (db->sql)
		sqlite3_close_v2(db->sql);
	free(db->path);
	free(db->backup_path);
	free(db);
}

/*
 * STYRKORT_WRITE_TRACE=FILE (for developers, see "Writes" in HACKING): a
 * line appended to FILE for each check before a write (what it was: the
 * stamp, quick_check and how long it took, or none), for each write how
 * long it held the write lock, and whether its commit stamped the file.
 */
static void write_trace(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
write_trace(struct db *db, const char *fmt, ...)
{
	const char *path = getenv("STYRKORT_WRITE_TRACE"), *file = sqlite3_db_filename(db->sql, "main");
	struct buf line;
	locale_t c_numbers, was = (locale_t)0;
	va_list ap;
	FILE *f;

	/* Not the schema's copy in memory (schema_lacks()). */
	if (!path || !*path || !file || !*file || !(f = fopen(path, "a")))
		return;
	/* Its numbers with a dot whatever the locale: the bench and the tests read them. */
	c_numbers = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_numbers)
		was = uselocale(c_numbers);
	buf_init(&line);
	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	if (c_numbers) {
		uselocale(was);
		freelocale(c_numbers);
	}
	fprintf(f, "%s\n", line.s ? line.s : "");
	buf_free(&line);
	fclose(f);
}

/* Pages SQLite wrote to the file before a commit (its cache overflowed): changes of our own, not a commit's. */
static int
spills(struct db *db)
{
	int now = 0, high = 0;

	sqlite3_db_status(db->sql, SQLITE_DBSTATUS_CACHE_SPILL, &now, &high, 0);
	return now;
}

/* Is the file at db->path (which *now describes) the one SQLite has open?  Not if it was renamed or replaced. */
static int
same_file(struct db *db)
{
	int moved = 1;

	return sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && !moved;
}

/* Inside the write lock: the file as it is, found good; its commit may stamp it. */
static void
verified(struct db *db, const struct stamp *now)
{
	db->verified = 1;
	db->at = *now;
	db->spills = spills(db);
}

/* PRAGMA quick_check(1): 0 if the file passes, else err_set() (damaged, or SQLite's error) and -1. */
static int
quick_check(struct db *db)
{
	sqlite3_stmt *st;
	char *found;
	double t0 = now_ms();
	int rc;

	if (!(st = db_prepare(db, "PRAGMA quick_check(1)")))
		return -1;
	rc = sqlite3_step(st);
	busy_over(db);
	write_trace(db, "check quick_check %.1f ms", now_ms() - t0);
	if (rc == SQLITE_ROW && strcmp(db_text(st, 0), "ok") == 0) {
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB) {
		set_sql_error(db, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	found = xstrdup(rc == SQLITE_ROW ? db_text(st, 0) : sqlite3_errmsg(db->sql));
	sqlite3_finalize(st);
	/* Its first line names the schema ("*** in database main ***"): the problem is on the next. */
	if (strncmp(found, "*** ", 4) == 0 && strchr(found, '\n'))
		memmove(found, strchr(found, '\n') + 1, strlen(strchr(found, '\n') + 1) + 1);
	err_set(_("%s: the file is damaged (PRAGMA quick_check: %s); the change was refused so as not to make "
	          "it worse; restore the file from a backup (see DAMAGED FILES in styrkort(1))"), db->path, found);
	free(found);
	return -1;
}

/*
 * Before a write, inside its lock (BEGIN IMMEDIATE): is the file good?
 * A damaged file is never made worse (issue 13), and a good one is not
 * read whole for it each time (issue 14: quick_check reads all of a 300 MB
 * file, 3 s under the lock).  So:
 *
 * - The verified stamp (stamp.c) says the file is byte for byte as a
 *   commit left it that began on a file found good: then it is good, and
 *   its tables are too (the stamping writer checked them, or wrote them
 *   from a file whose tables it had checked), so the schema is not
 *   checked again either.
 *   Under the lock no SQLite writer can change the file between this look
 *   and our commit, so the look is made here and not before BEGIN
 *   IMMEDIATE (it costs a stat and a getxattr, microseconds); a program
 *   that writes without SQLite's locks (dd) can, at any moment, and is
 *   caught by the next writer's look unless it writes while we commit (see
 *   db_commit()).
 * - Else PRAGMA quick_check, and the tables of the newest schema, once
 *   per connection (the dashboard's later writes do not read the whole
 *   file again).  A file system without user attributes (tmpfs before
 *   Linux 6.6, many NFS and SMB mounts) gets only this.
 *
 * The first write of a connection also makes the indexes a file lacks.
 * A reader meets a missing table when it needs it (set_sql_error()).
 */
static int
check_before_write(struct db *db)
{
	struct stamp now;
	enum stamp_result match = db->stamps < 0 ? STAMP_UNSUPPORTED : stamp_check(db->path, &now);

	db->verified = 0;
	if (match == STAMP_UNSUPPORTED)
		db->stamps = -1;
	if (match == STAMP_MATCH && same_file(db)) {
		write_trace(db, "check stamp");
		if (!db->checked && migrate_indexes(db) < 0)
			return -1;
		db->checked = 1;
		verified(db, &now);
		return 0;
	}
	if (db->checked) {
		write_trace(db, "check none (checked before)");
		return 0;
	}
	if (quick_check(db) < 0 ||
	    (db->version == DB_SCHEMA_VERSION && check_schema(db, db->version) < 0) || migrate_indexes(db) < 0)
		return -1;
	db->checked = 1;
	if (db->stamps >= 0 && stamp_of_file(db->path, &now) == 0 && same_file(db))
		verified(db, &now);
	return 0;
}

int
db_begin(struct db *db)
{
	if (db->read_only) {
		err_set(_("%s: the database is open read-only (%s)"), db->path, _(db->read_only_reason));
		return -1;
	}
	db->writing = 1;
	if (exec_sql(db, "BEGIN IMMEDIATE") < 0) {
		db->writing = 0;
		return -1;
	}
	db->locked_at = now_ms();
	if (check_before_write(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int
db_write_begin(struct db *db, int64_t undoes)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	/* Inside BEGIN IMMEDIATE: no other writer can take the same number. */
	if (!(st = db_prepare(db, "SELECT coalesce(max(batch), 0) + 1 FROM change_log"))) {
		db_rollback(db);
		return -1;
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(db);
		sqlite3_finalize(st);
		db_rollback(db);
		return -1;
	}
	db->batch.id = sqlite3_column_int64(st, 0);
	db->batch.undoes = undoes;
	sqlite3_finalize(st);
	return 0;
}

/* PRAGMA data_version without a word on failure (-1): the stamp is never worth an error. */
static int
data_version_quiet(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * After the commit of a verified write: the file as it is now, stamped.
 * The commit has let go of the lock, so the lock is taken again (without
 * waiting: if another writer has it, no stamp) and the stamp is set only
 * if no other connection committed in between (PRAGMA data_version, read
 * before our commit and again under the new lock), so a stamp never
 * vouches for a write it did not see.  Never fails the write.
 */
static void
stamp_after_commit(struct db *db, int version)
{
	int ms = db->busy_ms, rc;
	struct stamp now;
	enum stamp_result set = STAMP_NONE;

	db->busy_ms = 0;
	rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	db->busy_ms = ms;
	if (rc != SQLITE_OK) {
		write_trace(db, "stamp not set: another writer has the lock");
		return;
	}
	if (version >= 0 && data_version_quiet(db) == version && stamp_of_file(db->path, &now) == 0 &&
	    now.dev == db->at.dev && now.ino == db->at.ino && same_file(db))
		set = stamp_write(db->path, &now);
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	if (set == STAMP_UNSUPPORTED)
		db->stamps = -1;
	write_trace(db, set == STAMP_MATCH ? "stamp set" : set == STAMP_UNSUPPORTED ? "stamp not set: not supported"
	                                                                        : "stamp not set");
}

/*
 * The commit may stamp the file if its write began on a file found good
 * and nothing but this write changed it since: the file as it was at the
 * check (a program writing without SQLite's locks would have changed it)
 * and no pages spilled before the commit.  A write without SQLite's locks
 * while SQLite writes the commit, or within the same tick of the file
 * system's clock right after it, is the one not seen (DAMAGED FILES in
 * styrkort(1)).
 */
static int
may_stamp(struct db *db)
{
	struct stamp now;

	return db->verified && db->stamps >= 0 && spills(db) == db->spills &&
	       stamp_of_file(db->path, &now) == 0 && stamp_same(&now, &db->at);
}

int
db_commit(struct db *db)
{
	int stamp = may_stamp(db);
	int version = stamp ? data_version_quiet(db) : -1;
	double t0 = now_ms();

	if (exec_sql(db, "COMMIT") < 0) {
		db_rollback(db);
		return -1;
	}
	write_trace(db, "lock %.3f ms commit (of which COMMIT %.3f ms)", now_ms() - db->locked_at, now_ms() - t0);
	db->writing = db->verified = 0;
	db->locked_at = 0;
	db->batch.id = db->batch.undoes = 0;
	if (stamp)
		stamp_after_commit(db, version);
	return 0;
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sql)) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		if (db->locked_at > 0)
			write_trace(db, "lock %.3f ms rollback", now_ms() - db->locked_at);
	}
	db->writing = db->verified = 0;
	db->locked_at = 0;
	db->batch.id = db->batch.undoes = 0;
}

/*
 * STYRKORT_QUERY_PLANS=FILE (for developers, see "Query plans" in HACKING):
 * each statement prepared, and SQLite's EXPLAIN QUERY PLAN of it, appended
 * to FILE; tests/bench/plans.sh lists the full scans of every query the
 * tests run.
 */
static void
log_query_plan(struct db *db, const char *sql)
{
	const char *path = getenv("STYRKORT_QUERY_PLANS");
	char *eqp;
	sqlite3_stmt *st = NULL;
	FILE *f;

	if (!path || !*path || strncmp(sql, "PRAGMA", 6) == 0 || !(f = fopen(path, "a")))
		return;
	eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	fprintf(f, "QUERY %s\n", sql);
	if (sqlite3_prepare_v2(db->sql, eqp, -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(f, "  %s\n", db_text(st, 3));
	sqlite3_finalize(st);
	free(eqp);
	fclose(f);
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);

	if (rc == SQLITE_OK)
		log_query_plan(db, sql);

	busy_over(db);
	if (rc != SQLITE_OK) {
		set_sql_error(db, NULL);
		return NULL;
	}
	return st;
}

sqlite3_stmt *
db_prepare_kept(struct db *db, const char *sql)
{
	size_t i;

	for (i = 0; i < DB_KEPT && db->kept[i].sql; i++)
		if (db->kept[i].sql == sql && !sqlite3_stmt_busy(db->kept[i].st))
			return db->kept[i].st;
	if (i == DB_KEPT)
		return db_prepare(db, sql);     /* the table is full: prepared and finalized as before */
	if (!(db->kept[i].st = db_prepare(db, sql)))
		return NULL;
	db->kept[i].sql = sql;
	return db->kept[i].st;
}

void
db_finish(struct db *db, sqlite3_stmt *st)
{
	for (size_t i = 0; st && i < DB_KEPT && db->kept[i].sql; i++)
		if (db->kept[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
}

int
db_exec_stmt(struct db *db, sqlite3_stmt *st)
{
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	busy_over(db);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		set_sql_error(db, NULL);
		db_finish(db, st);
		return -1;
	}
	db_finish(db, st);
	return 0;
}

const char *
db_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : "";
}

char *
db_strdup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? xstrdup((const char *)t) : NULL;
}

void
db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

int
db_data_version(struct db *db)
{
	int v = 0;

	if (db_pragma_int(db, "PRAGMA data_version", &v) < 0)
		return -1;
	return v;
}
