/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup.c: copies of a database with SQLite's online backup API (styrkort backup), and putting one back (restore). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "util.h"

/* How often a restore starts again because someone wrote between its copy and its restore. */
#define RESTORE_ATTEMPTS 20

/* For tests only: STYRKORT_TEST_BACKUP=NAME or NAME:ARG; the ARG (or "") if NAME is asked for. */
static const char *
test_hook(const char *name)
{
	const char *h = getenv("STYRKORT_TEST_BACKUP");
	size_t n = strlen(name);

	if (!h || strncmp(h, name, n) != 0 || (h[n] != '\0' && h[n] != ':'))
		return NULL;
	return h[n] == ':' ? h + n + 1 : h + n;
}

int
backup_sync_path(const char *path, int flags)
{
	int fd = open(path, flags), rc = 0;

	if (fd < 0)
		return errno;
	if (fsync(fd) != 0 && errno != EINVAL)
		rc = errno;
	close(fd);
	return rc;
}

/* Flush the directory that holds PATH, so that a new name in it is on the disk too. */
static void
sync_dir_of(const char *path)
{
	char *dir = xstrdup(path);

	backup_sync_path(dirname(dir), O_RDONLY | O_DIRECTORY);
	free(dir);
}

/* Why an SQLite call on SQL failed, in words for people: a full disk is said so. */
static char *
sql_why(sqlite3 *sql, int rc)
{
	if ((rc & 0xff) == SQLITE_FULL || (sql && sqlite3_system_errno(sql) == ENOSPC))
		return xstrdup(_("the disk is full"));
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return xstrdup(_("the database is busy (someone else is writing)"));
	return xstrdup(sql && sqlite3_errcode(sql) != SQLITE_OK ? sqlite3_errmsg(sql) : sqlite3_errstr(rc));
}

/* PRAGMA integrity_check of SQL's main file: NULL if it says ok, else what it found. */
static char *
integrity(sqlite3 *sql)
{
	sqlite3_stmt *st = NULL;
	char *why = NULL;
	int rc = sqlite3_prepare_v2(sql, "PRAGMA integrity_check(5)", -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		const char *nl = t ? strchr((const char *)t, '\n') : NULL;

		/* Its first line names the schema ("*** in database main ***"): what it found follows. */
		if (!t || strcmp((const char *)t, "ok") != 0)
			why = xstrdup(!t ? "?" : strncmp((const char *)t, "*** ", 4) == 0 && nl ? nl + 1 : (const char *)t);
	} else {
		why = sql_why(sql, rc);
	}
	sqlite3_finalize(st);
	return why;
}

/* For tests only (STYRKORT_TEST_BACKUP=damage): zeros over the copy's second page, which its check must find. */
static void
test_damage(const char *path)
{
	static const char zeros[4096];
	int fd;

	if (!test_hook("damage") || (fd = open(path, O_WRONLY)) < 0)
		return;
	if (pwrite(fd, zeros, sizeof zeros, 4096) < 0)
		perror(path);
	close(fd);
}

/* SRC's main database into the file TMP (which exists, empty), then checked: NULL, or what went wrong. */
static char *
copy_into(sqlite3 *src, const char *tmp)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	char *why = NULL;
	int rc;

	if ((rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL)) != SQLITE_OK) {
		why = sql_why(dst, rc);
	} else if (!(b = sqlite3_backup_init(dst, "main", src, "main"))) {
		why = sql_why(dst, sqlite3_errcode(dst));
	} else {
		/* All at once: the source's read lock is held for the whole copy, so it is one moment's state. */
		rc = sqlite3_backup_step(b, -1);
		if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE)
			why = sql_why(dst, rc == SQLITE_DONE ? sqlite3_errcode(dst) : rc);
	}
	if (!why && sqlite3_close(dst) == SQLITE_OK)
		dst = NULL;
	else if (!why)
		why = sql_why(dst, sqlite3_errcode(dst));
	sqlite3_close_v2(dst);
	if (!why) {
		test_damage(tmp);
		if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
			why = sql_why(dst, sqlite3_errcode(dst));
		else if ((why = integrity(dst)) != NULL) {
			char *found = why;

			why = xasprintf(_("the copy failed its check (PRAGMA integrity_check: %s)"), found);
			free(found);
		}
		sqlite3_close_v2(dst);
	}
	return why;
}

/*
 * SRC's database in a new file NAME, mode MODE: copied under a temporary
 * name beside it, checked, flushed, then linked to NAME (link() never
 * replaces a file, even one made meanwhile).  On failure err_set() and -1.
 */
static int
place_new(sqlite3 *src, const char *name, mode_t mode)
{
	char *tmp = xasprintf("%s.partial.XXXXXX", name);
	char *journal = xasprintf("%s-journal", tmp), *why = NULL;
	int fd, errnum, rc = -1;

	if ((fd = mkstemp(tmp)) < 0) {
		errnum = errno;
		if (errnum == ENOENT) {
			char *copy = xstrdup(name);

			err_set(_("%s: the directory %s does not exist; create it first or choose another place"),
			        name, dirname(copy));
			free(copy);
		} else {
			err_set(_("%s: the copy could not be written: %s; nothing was written under that name"),
			        name, strerror(errnum));
		}
		goto out;
	}
	fchmod(fd, mode);
	close(fd);
	if (!(why = copy_into(src, tmp)) && (errnum = backup_sync_path(tmp, O_RDONLY)) != 0)
		why = xstrdup(errnum == ENOSPC ? _("the disk is full") : strerror(errnum));
	if (why) {
		err_set(_("%s: the copy could not be written: %s; nothing was written under that name"), name, why);
	} else if (link(tmp, name) != 0) {
		if (errno == EEXIST)
			err_set(_("%s: the file already exists; choose another name or remove it first"), name);
		else
			err_set(_("%s: the copy could not be written: %s; nothing was written under that name"),
			        name, strerror(errno));
	} else {
		sync_dir_of(name);
		rc = 0;
	}
	unlink(tmp);
	unlink(journal);
out:
	free(why);
	free(tmp);
	free(journal);
	return rc;
}

/* An existing NAME, of any kind, is refused before any work (place_new() checks again at the end). */
static int
refuse_existing(const char *name)
{
	struct stat sb;

	if (lstat(name, &sb) == 0) {
		err_set(_("%s: the file already exists; choose another name or remove it first"), name);
		return -1;
	}
	return 0;
}

int
backup_write(struct db *db, const char *dest)
{
	if (refuse_existing(dest) < 0)
		return -1;
	return place_new(db->sql, dest, 0600);
}

struct db *
backup_open_checked(const char *from)
{
	struct db *b = db_open(from, DB_READ_ONLY);
	char *why;

	if (!b)
		return NULL;
	if ((why = integrity(b->sql)) != NULL) {
		err_set(_("%s: the backup is damaged (PRAGMA integrity_check: %s); nothing was restored; "
		          "choose another backup"), from, why);
		free(why);
		db_close(b);
		return NULL;
	}
	return b;
}

int
backup_restore_new(struct db *from, const char *name)
{
	mode_t mask = umask(0);

	umask(mask);
	if (refuse_existing(name) < 0)
		return -1;
	return place_new(from->sql, name, 0666 & ~mask);
}

/* The open database file of DB's connection (SQLite's own descriptor: ours could drop its locks). */
static sqlite3_file *
main_file(struct db *db)
{
	sqlite3_file *f = NULL;

	if (sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK ||
	    !f || !f->pMethods)
		return NULL;
	return f;
}

/* The file change counter of the header (offset 24), which every commit changes; 0 if unreadable. */
static uint32_t
change_counter(struct db *db)
{
	sqlite3_file *f = main_file(db);
	unsigned char h[4] = { 0 };

	if (f && f->pMethods->xRead(f, h, sizeof h, 24) != SQLITE_OK)
		return 0;
	return (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
}

/*
 * The file as it is on the disk, byte for byte (a damaged one too), into
 * a new temporary file beside it with the file's mode; read through
 * SQLite's descriptor under the caller's write lock, so no commit is
 * half-way.  The temporary name, or NULL after err_set().
 */
static char *
copy_raw(struct db *db)
{
	sqlite3_file *f = main_file(db);
	char *tmp = xasprintf("%s.before-restore.partial.XXXXXX", db->path);
	static unsigned char chunk[65536];
	sqlite3_int64 size = 0, off;
	struct stat sb;
	int fd = -1, errnum;

	if (!f || f->pMethods->xFileSize(f, &size) != SQLITE_OK || (fd = mkstemp(tmp)) < 0) {
		errnum = f ? errno : EIO;
		goto fail;
	}
	if (stat(db->path, &sb) == 0)
		fchmod(fd, sb.st_mode & 0666);
	for (off = 0; off < size; off += (sqlite3_int64)sizeof chunk) {
		size_t n = size - off < (sqlite3_int64)sizeof chunk ? (size_t)(size - off) : sizeof chunk;

		if (f->pMethods->xRead(f, chunk, (int)n, off) != SQLITE_OK) {
			errnum = EIO;
			goto fail;
		}
		if (write(fd, chunk, n) != (ssize_t)n) {
			errnum = errno ? errno : ENOSPC;
			goto fail;
		}
	}
	if (fsync(fd) != 0 && errno != EINVAL) {
		errnum = errno;
		goto fail;
	}
	close(fd);
	return tmp;
fail:
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	err_set(_("%s: nothing was restored: the copy of the file as it is (%s.before-restore) could not be "
	          "made: %s; free some disk space, or let the directory be written, and try again"),
	        db->path, db->path, errnum == ENOSPC ? _("the disk is full") : strerror(errnum));
	free(tmp);
	return NULL;
}

/* The copy TMP under the first free name of FILE.before-restore, FILE.before-restore.1, ...; NULL with *errnum. */
static char *
keep_name(struct db *db, const char *tmp, int *errnum)
{
	for (int i = 0; i < 1000; i++) {
		char *name = i ? xasprintf("%s.before-restore.%d", db->path, i) : xasprintf("%s.before-restore", db->path);

		if (link(tmp, name) == 0) {
			sync_dir_of(name);
			return name;
		}
		*errnum = errno;
		free(name);
		if (*errnum != EEXIST)
			return NULL;
	}
	return NULL;
}

/* For tests only (STYRKORT_TEST_BACKUP=pause:N): wait between the copy and the restore, on the first try. */
static void
test_pause(int attempt)
{
	const char *h = test_hook("pause");
	long seconds = 0;

	if (!h || attempt)
		return;
	parse_int(h, 0, 3600, &seconds);
	fputs("styrkort: test: restore paused\n", stderr);
	fflush(stderr);
	sleep((unsigned)seconds);
}

/*
 * The copy of the file as it is, under the write lock (BEGIN IMMEDIATE
 * waits for other writers, then refuses); its temporary name and the
 * change counter it was made at, or NULL after err_set().
 */
static char *
copy_current(struct db *db, uint32_t *counter)
{
	char *tmp;

	db->writing = 1;
	if (db_exec(db, "BEGIN IMMEDIATE") < 0) {
		db->writing = 0;
		return NULL;
	}
	*counter = change_counter(db);
	tmp = copy_raw(db);
	db_rollback(db);
	return tmp;
}

/*
 * One try: 1 to start again (someone wrote between the copy and the
 * restore), 0 done, -1 after err_set().  The backup API takes the file's
 * write lock (step 0 copies nothing), and the change counter read under it
 * says whether the copy made before is still the file as it is; the rest
 * of the copy is one transaction, which a program killed half-way leaves
 * for SQLite to roll back (a hot journal).
 */
static int
restore_once(struct db *db, struct db *from, int attempt, char **kept)
{
	uint32_t counter;
	char *tmp = copy_current(db, &counter);
	sqlite3_backup *b;
	int rc, errnum = 0;

	if (!tmp)
		return -1;
	test_pause(attempt);
	if (!(b = sqlite3_backup_init(db->sql, "main", from->sql, "main"))) {
		db_error(db);
		rc = -1;
	} else if ((rc = sqlite3_backup_step(b, 0)) != SQLITE_OK && rc != SQLITE_DONE) {
		sqlite3_backup_finish(b);
		db_error(db);
		rc = -1;
	} else if (change_counter(db) != counter) {
		sqlite3_backup_finish(b);
		rc = 1;
	} else if (!(*kept = keep_name(db, tmp, &errnum))) {
		sqlite3_backup_finish(b);
		err_set(_("%s: nothing was restored: the copy of the file as it is (%s.before-restore) could not be "
		          "made: %s; free some disk space, or let the directory be written, and try again"),
		        db->path, db->path, strerror(errnum));
		rc = -1;
	} else {
		rc = sqlite3_backup_step(b, -1);
		if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE) {
			char *why = sql_why(db->sql, rc == SQLITE_DONE ? sqlite3_errcode(db->sql) : rc);

			err_set(_("%s: restoring failed: %s; the file was not changed, and a copy of it as it is is in %s"),
			        db->path, why, *kept);
			free(why);
			rc = -1;
		} else {
			rc = 0;
		}
	}
	unlink(tmp);
	free(tmp);
	return rc;
}

int
backup_restore(struct db *db, struct db *from, char **kept)
{
	struct stat a, b;
	int rc = 1;

	*kept = NULL;
	if (stat(db->path, &a) == 0 && stat(from->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		err_set(_("%s: the backup is the database itself; name a backup copy"), from->path);
		return -1;
	}
	if (db->read_only) {
		err_set(_("%s: the database is open read-only (%s)"), db->path, _(db->read_only_reason));
		return -1;
	}
	for (int attempt = 0; rc == 1 && attempt < RESTORE_ATTEMPTS; attempt++)
		rc = restore_once(db, from, attempt, kept);
	if (rc == 1)
		err_set(_("%s: the database is busy (someone else is writing); try again"), db->path);
	if (rc != 0 && *kept) {
		free(*kept);
		*kept = NULL;
	}
	return rc == 0 ? 0 : -1;
}
