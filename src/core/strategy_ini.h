/* SPDX-License-Identifier: GPL-3.0-or-later */
/* strategy_ini.h: a whole strategy as an INI file (styrkort(5)): import and export. */
#ifndef STYRKORT_STRATEGY_INI_H
#define STYRKORT_STRATEGY_INI_H

#include <stdio.h>
#include "db.h"
#include "import_summary.h"
#include "model.h"

/*
 * Add or update the strategy described by PATH, in one transaction.
 * Nothing is deleted: items missing from the file stay.  On any error
 * nothing is changed, err_set() names the file, line, section and key, and
 * -1 is returned.  *strategy_id (if not NULL) gets the id (free it).
 */
int strategy_import(struct db *db, const char *path, char **strategy_id);
/*
 * The same, and with sum (if not NULL) what it changed, for
 * import_summary_print() (free with import_summary_free()); dry_run makes
 * the changes and rolls them back.
 */
int strategy_import_summary(struct db *db, const char *path, char **strategy_id,
                            struct import_summary *sum, int dry_run);

/* Print one strategy in the canonical form that strategy_import() reads. */
int strategy_export(struct db *db, const char *strategy_id, FILE *out);

/*
 * What is wrong with v as a value of field f, as import checks it (a
 * translated text), or NULL if it is fine; *range gets a string to free
 * after use (or NULL).  `styrkort set` and the dashboard check the fields
 * of focus areas, goals, indicators, groups and follow-ups with it too.
 */
const char *strategy_field_problem(const struct field_def *f, const char *v, char **range);
/* Bind a field's value (as checked above; "" or NULL: none) to a statement, typed for its column. */
void strategy_field_bind(sqlite3_stmt *st, int idx, const struct field_def *f, const char *v);

#endif
