/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup.h: copies of a database (styrkort backup) and putting one back (styrkort restore). */
#ifndef STYRKORT_BACKUP_H
#define STYRKORT_BACKUP_H

#include "db.h"

/*
 * A consistent copy of DB (open read-only or not) in the new file DEST,
 * made with SQLite's online backup API while others go on working: under
 * a temporary name beside DEST, checked with PRAGMA integrity_check,
 * flushed to the disk, then given its name, which never replaces a file.
 * Mode 0600.  On failure err_set(), nothing under DEST, and -1.
 */
int backup_write(struct db *db, const char *dest);

/*
 * Check that FROM is a sound styrkort database (PRAGMA integrity_check)
 * and open it read-only; NULL after err_set().
 */
struct db *backup_open_checked(const char *from);

/*
 * Put the checked backup FROM (backup_open_checked()) back into DB, open
 * read-write, in one transaction under the file's write lock: first a copy
 * of the file as it is, FILE.before-restore (or FILE.before-restore.N),
 * made under the same lock, so that no change falls between the two.
 * *kept: the copy's name.  On failure err_set(), the file unchanged, -1.
 */
int backup_restore(struct db *db, struct db *from, char **kept);

/* A new file NAME holding FROM's database (a restore to a file that is missing); mode as a new database's. */
int backup_restore_new(struct db *from, const char *name);

/* Flush a file or directory (FLAGS: open()'s) to the disk; 0 or an errno. */
int backup_sync_path(const char *path, int flags);

#endif
