/* SPDX-License-Identifier: GPL-3.0-or-later */
/* measurements.h: indicator values: saving one with its log row, importing CSV or Kolada JSON files. */
#ifndef STYRKORT_MEASUREMENTS_H
#define STYRKORT_MEASUREMENTS_H

#include <stdint.h>
#include <stdio.h>
#include "db.h"
#include "model.h"

/*
 * An indicator's value as a file or a person writes it (the one rule for
 * both): empty is "no data" (*has 0); else a decimal number with a comma
 * or a point, and a minus sign (U+2212) if negative (parse_number_ui()).
 * -1 if it is neither.
 */
int measurement_parse_value(const char *text, int *has, double *value);

/* Which value: an indicator's (its name for the change log), whose series, the period and the sex. */
struct value_key {
	int64_t indicator_id;
	const char *indicator_name;
	enum series series;     /* the municipality's own, or a comparison area's */
	const char *period;     /* canonical (parse_period()) */
	int period_key;
	char sex;               /* T, K or M */
};

/*
 * Set a value inside the caller's write (db_write_begin()), with a
 * change-log row.  has_value 0 stores "no data" (not 0).  Returns 0 if
 * nothing changed, 1 if a new value was stored, 2 if an existing one was
 * replaced (*old_text gets it, to free), -1 on error.
 */
int measurement_save(struct db *db, const char *strategy_id, const struct value_key *k,
                     int has_value, double value, const char *comment, char **old_text);

/* The same as one write of its own (db_write_begin() to the commit): a value typed in the dashboard. */
int measurement_set(struct db *db, const char *strategy_id, const struct value_key *k,
                    int has_value, double value, const char *comment, char **old_text);

struct measurements_result {
	int added, replaced, unchanged;
	int nodata;             /* Kolada's null (or deleted) values: never stored, never replace one */
};

struct kolada_doc;

/*
 * Import a file of values in one transaction: CSV with the header
 * indicator,period,sex,value and optionally series (',' or ';' separated;
 * a decimal comma is accepted; series empty: the municipality's), a
 * Kolada API JSON document (kolada.h; measurements_import_kolada()), or
 * an SCB table (scb.h) for the indicator ID indicator (may be NULL: the
 * indicators whose scb key names the table).  strategy_id (may be NULL)
 * limits which indicators match.  Replaced values are reported on report
 * (one line each).  On any bad row nothing changes and err_set() names
 * the line.  strict: a Kolada KPI no indicator uses is an error, not
 * skipped.
 */
int measurements_import(struct db *db, const char *path, const char *strategy_id, const char *indicator, int strict,
                        struct measurements_result *res, FILE *report);

/*
 * Import Kolada's values (kolada_parse(), one page or every page) as a
 * file would be: the strategy's municipality and its county and country
 * as comparison series (kolada_select()); a KPI no indicator uses is
 * listed and skipped (strict: an error); null never replaces a stored
 * value; per indicator and series, what was new, changed and unchanged
 * is said on report.  One transaction; where names the source.
 */
int measurements_import_kolada(struct db *db, const char *where, const char *strategy_id,
                               struct kolada_doc *doc, int strict, struct measurements_result *res, FILE *report);

#endif
