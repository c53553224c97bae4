/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migrate.h: the schema's migrations, and the safe way to run them on an older file. */
#ifndef STYRKORT_MIGRATE_H
#define STYRKORT_MIGRATE_H

#include "db.h"

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

#endif
